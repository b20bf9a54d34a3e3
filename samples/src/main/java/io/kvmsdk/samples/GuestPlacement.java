package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Os;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Chapter 11: places new guests on a fleet by free memory, with anti-affinity: guests of one group
 * (the web servers of a site) never share a host, so losing a host takes one of them at most.
 *
 * <p>For each guest, in order: the hosts that answer, have room for its memory
 * ({@code kvm.node().freeMemory()}) and run no guest of its group, most free memory first; it is
 * defined and started on the first; if it does not start there, its definition is removed and the
 * next host is tried. A host that cannot be asked (lost, connection dropped) is skipped and named in
 * the report. A guest is defined only where it runs: nothing is left half-placed.
 */
public final class GuestPlacement {
  private GuestPlacement() {}

  /** A guest to place and its anti-affinity group (guests of one group go on distinct hosts). */
  public record Request(DomainSpec spec, String group) {
    public Request {
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(group, "group");
    }
  }

  /** Where each guest went ({@code placed}), which could not go anywhere and why ({@code unplaced}), and host trouble met ({@code notes}). */
  public record Report(Map<String, String> placed, Map<String, String> unplaced, List<String> notes) {
    public boolean complete() { return unplaced.isEmpty(); }

    @Override public String toString() {
      StringBuilder sb = new StringBuilder();
      placed.forEach((g, h) -> sb.append("  ").append(g).append(" -> ").append(h).append('\n'));
      unplaced.forEach((g, why) -> sb.append("  ").append(g).append(" NOT PLACED: ").append(why).append('\n'));
      notes.forEach(n -> sb.append("  note: ").append(n).append('\n'));
      return sb.toString();
    }
  }

  /** Places {@code requests} on {@code fleet}, one at a time, as the class comment says. */
  public static Report place(List<Kvm> fleet, List<Request> requests, Recipe.Progress progress) {
    Map<String, String> placed = new LinkedHashMap<>();
    Map<String, String> unplaced = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    Map<String, List<String>> groupOn = new LinkedHashMap<>();   // host URI -> groups placed there in this run
    int i = 0;
    for (Request req : requests) {
      progress.step(++i, requests.size(), "placing " + req.spec().name() + " (group " + req.group() + ")");
      long needs = req.spec().memory().map(Size::bytes).orElse(0L);
      record Room(Kvm kvm, long free) {}
      List<Room> rooms = new ArrayList<>();
      for (Kvm kvm : fleet) {
        try {
          if (groupOn.getOrDefault(kvm.uri(), List.of()).contains(req.group())) continue;
          if (runsGroup(kvm, req.group())) continue;
          long free = kvm.node().freeMemory().bytes();
          if (free >= needs) rooms.add(new Room(kvm, free));
        } catch (KvmException lost) {
          notes.add(kvm.uri() + " skipped for " + req.spec().name() + ": " + Recipe.cause(lost));
        }
      }
      rooms.sort(Comparator.comparingLong(Room::free).reversed());
      String why = rooms.isEmpty() ? "no host has room for it outside group " + req.group() : null;
      for (Room room : rooms) {
        Domain d = null;
        try {
          d = room.kvm().domains().define(req.spec().copy(b -> b.description("group=" + req.group())));
          d.start();
          placed.put(req.spec().name(), room.kvm().uri());
          groupOn.computeIfAbsent(room.kvm().uri(), k -> new ArrayList<>()).add(req.group());
          why = null;
          break;
        } catch (KvmException e) {
          why = "last tried " + room.kvm().uri() + ": " + Recipe.cause(e);
          if (d != null) {
            try {
              d.undefine();
            } catch (KvmException again) {
              notes.add(req.spec().name() + " is left defined (shut off) on " + room.kvm().uri() + ": " + Recipe.cause(again));
            }
          }
        }
      }
      if (why != null) unplaced.put(req.spec().name(), why);
    }
    return new Report(placed, unplaced, notes);
  }

  /** True when {@code kvm} already runs a guest whose description says {@code group=GROUP}. */
  static boolean runsGroup(Kvm kvm, String group) {
    for (Domain d : kvm.domains().list()) {
      if (d.state().isActive() && d.spec().description().map(("group=" + group)::equals).orElse(false)) return true;
    }
    return false;
  }

  /** A small guest. */
  public static DomainSpec guest(String name, Size memory) {
    return DomainSpec.builder().type("kvm").name(name).vcpus(1).memory(memory).os(Os.hvm("x86_64", "q35")).build();
  }

  public static void main(String[] args) {
    recipe().main(args, GuestPlacement::body);
  }

  static Recipe recipe() { return Recipe.named("GuestPlacement").fleet(2, "hv1", "hv2", "hv3"); }

  static int body(Recipe r) {
    List<Kvm> fleet = r.hostNames().stream().map(r::kvm).toList();
    if (r.fake()) fleet.get(0).domains().define(guest("batch1", Size.gib(48))).start();   // hv1 is busy
    List<Request> requests = List.of(
        new Request(guest("web1", Size.gib(4)), "web"), new Request(guest("web2", Size.gib(4)), "web"),
        new Request(guest("web3", Size.gib(4)), "web"), new Request(guest("db1", Size.gib(8)), "db"));
    Report report = place(fleet, requests, r.progress());
    r.say(report.toString());
    return report.complete() ? Recipe.DONE : Recipe.FAILED;
  }
}
