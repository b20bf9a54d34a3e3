package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Os;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.ha.drbd.DrbdResource;
import io.kvmsdk.ha.drbd.DrbdService;
import io.kvmsdk.ha.drbd.DrbdVolume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chapter 10, storage part: a DRBD resource both nodes may hold primary at once (what live
 * migration of a guest on it needs), and the guest whose disk is the DRBD device.
 *
 * <p>Each node gets the resource through {@link DrbdResource#plan(String)} (the {@code .res} file
 * through stdin, checked by {@code drbdadm dump}; metadata created unless there; {@code drbdadm
 * adjust}). If one node's plan fails, that plan rolls itself back and the nodes brought up in this
 * run are taken down again ({@code drbdadm down}): a resource is up on every node or on none. Then
 * the guest is defined on the first node with {@link DrbdResource#libvirtDisk(int)} (raw, no host
 * cache). The one-time initial sync ({@code primary --force}) and the migration itself are separate
 * steps: the first destroys the other node's data, the second belongs to the migration recipe.
 *
 * <p>Run with no arguments: both nodes are fake hosts with a stand-in for the backing LV; the
 * shared secret is never printed ({@code toString()} masks it).
 */
public final class DrbdDualPrimary {
  /** Resource r0: protocol C, two primaries allowed, volume 0 on /dev/vg0/vm1 of each node. */
  public static final DrbdResource R0 = DrbdResource.builder().name("r0").protocol("C").allowTwoPrimaries(true)
      .addVolume(DrbdVolume.of(0, "/dev/vg0/vm1"))
      .addHost("hv1", 0, "192.0.2.11").addHost("hv2", 1, "192.0.2.12")
      .verifyAlg("sha256").cramHmacAlg("sha256").sharedSecret("change-me-before-use")
      .build();

  private DrbdDualPrimary() {}

  /** The guest on the resource's volume 0. */
  public static DomainSpec guest(DrbdResource r) {
    return DomainSpec.builder().type("kvm").name("vm1").vcpus(2).memory(Size.gib(2)).os(Os.hvm("x86_64", "q35"))
        .addDisk(r.libvirtDisk(0)).build();
  }

  /** Per node what happened; {@code complete} when the resource is up everywhere. */
  public record Report(Map<String, String> nodes, boolean complete) {
    @Override public String toString() {
      StringBuilder sb = new StringBuilder();
      nodes.forEach((n, s) -> sb.append("  ").append(n).append(": ").append(s).append('\n'));
      return sb.toString();
    }
  }

  /** Brings {@code r} up on every node of {@code hosts}, all or none (see the class comment). */
  public static Report up(DrbdResource r, Map<String, CommandRunner> hosts, Recipe.Progress progress) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> broughtUp = new ArrayList<>();
    int i = 0;
    for (var e : hosts.entrySet()) {
      progress.step(++i, hosts.size(), "DRBD " + r.name() + " on " + e.getKey());
      try {
        PlanResult res = r.plan(e.getKey()).apply(e.getValue());
        if (res.changed()) broughtUp.add(e.getKey());
        out.put(e.getKey(), res.changed() ? "up (" + res.steps().size() + " steps)" : "already up to date");
      } catch (PlanFailedException failed) {
        out.put(e.getKey(), "FAILED: " + Recipe.oneLine(failed));
        for (String node : broughtUp) {
          DrbdService.defaults().downPlan(r).apply(hosts.get(node));
          out.put(node, "brought up, then taken down again (" + e.getKey() + " failed)");
        }
        return new Report(out, false);
      }
    }
    return new Report(out, true);
  }

  public static void main(String[] args) {
    recipe().main(args, DrbdDualPrimary::body);
  }

  static Recipe recipe() {
    return Recipe.named("DrbdDualPrimary").hosts("hv1", "hv2").root("writes /etc/drbd.d/r0.res and runs drbdadm create-md/adjust");
  }

  static int body(Recipe r) {
    r.say("# /etc/drbd.d/r0.res (shared secret masked)\n" + R0);
    Map<String, CommandRunner> hosts = new LinkedHashMap<>();
    for (String node : r.hostNames()) {
      r.fakeFile(node, R0.volume(0).disk().orElseThrow(), "");        // the backing LV, on a fake host
      r.runner(node).ifPresent(h -> hosts.put(node, h));
    }
    Kvm hv1 = r.kvm("hv1");
    if (hosts.size() < r.hostNames().size()) {
      r.hostNames().forEach(n -> r.apply(n, R0.plan(n)));   // dry runs: the guest is only printed
      r.say("# the guest, once r0 is up (run with --apply):\n" + guest(R0).toXml());
      return Recipe.DONE;
    } else {
      Report report = up(R0, hosts, r.progress());
      r.say(report.toString());
      if (!report.complete()) return Recipe.FAILED;
    }
    Domain vm1 = hv1.domains().find("vm1").orElseGet(() -> hv1.domains().define(guest(R0)));
    r.say("# " + vm1 + " on " + hv1.uri() + ", its disk on the DRBD device:\n" + vm1.spec().toXml());
    r.say("# next: once, on one node only, the initial sync (destroys the other node's copy):\n"
        + DrbdService.defaults().initialSyncPlan(R0, "hv1").toScript());
    return Recipe.DONE;
  }
}
