package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.capabilities.CapsCell;
import io.kvmsdk.core.capabilities.CapsCellCpu;
import io.kvmsdk.core.capabilities.CapsPages;
import io.kvmsdk.core.capabilities.HostCapabilities;
import io.kvmsdk.core.domain.Cpu;
import io.kvmsdk.core.domain.CpuTune;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.MemoryBacking;
import io.kvmsdk.core.domain.NumaTune;
import io.kvmsdk.core.domain.Os;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.LocalCommandRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Chapter 14: a latency-sensitive guest tuned from the host's capabilities: all its memory in 2 MiB
 * huge pages on one NUMA cell ({@code <numatune mode='strict'>}), each vCPU pinned to its own core
 * of that cell (one thread per core first, siblings only when the cores run out), the emulator
 * threads on the cell's first core, kept free of vCPUs for the host, and the host's CPU passed through.
 *
 * <p>The cell chosen is the one with the most free 2 MiB pages among those with enough pages and
 * CPUs; when none has, nothing is defined and the report says how many pages to reserve where. If
 * the guest does not start (the pages are gone by then, a dropped connection), the definition is
 * removed again. Run with no arguments: the capabilities are those of a two-socket host
 * ({@code two-socket-host.xml}) and the guest runs on a fake hypervisor; with {@code --uri}, they are
 * {@code virsh -c URI capabilities}.
 */
public final class GuestTuning {
  static final long PAGE_2M_KIB = 2048;

  private GuestTuning() {}

  /**
   * Where the guest goes: host NUMA cell {@code cell}, vCPU {@code i} on host CPU {@code vcpuCpus.get(i)},
   * the emulator on {@code emulatorCpus}, {@code pages} huge pages of 2 MiB.
   */
  public record Placement(int cell, List<Integer> vcpuCpus, String emulatorCpus, long pages) {
    @Override public String toString() {
      return "cell " + cell + ": vCPUs on host CPUs " + vcpuCpus + ", emulator on " + emulatorCpus + ", " + pages + " x 2 MiB pages";
    }
  }

  /** The 2 MiB pages reserved on {@code cell} (0 when it reports none). */
  static long pages2m(CapsCell cell) {
    return cell.pages().stream().filter(p -> p.size() == PAGE_2M_KIB && p.unit().map("KiB"::equals).orElse(true))
        .map(CapsPages::count).flatMap(Optional::stream).findFirst().orElse(0L);
  }

  /** The placement of a guest with {@code vcpus} vCPUs and {@code memory} on the host {@code caps} describes, or why there is none. */
  public static Placement place(HostCapabilities caps, int vcpus, Size memory) {
    long need = (memory.bytes() + (PAGE_2M_KIB << 10) - 1) / (PAGE_2M_KIB << 10);
    List<CapsCell> cells = caps.host().topology().map(t -> t.cells()).orElse(List.of());
    if (cells.isEmpty()) throw new KvmException("the host's capabilities list no NUMA cells: nothing to place on");
    List<String> why = new ArrayList<>();
    for (CapsCell cell : cells.stream().sorted(Comparator.comparingLong(GuestTuning::pages2m).reversed()).toList()) {
      List<CapsCellCpu> cpus = cell.cpus().stream().sorted(Comparator.comparingInt(CapsCellCpu::id)).toList();
      if (cpus.isEmpty()) continue;
      int hostCore = cpus.get(0).coreId().orElse(-1);
      List<CapsCellCpu> housekeeping = cpus.stream().filter(c -> c.coreId().orElse(-2) == hostCore).toList();
      List<CapsCellCpu> free = cpus.stream().filter(c -> !housekeeping.contains(c)).toList();
      // one thread per core first, then the siblings
      List<Integer> order = new ArrayList<>();
      List<Integer> seenCores = new ArrayList<>();
      for (CapsCellCpu c : free) {
        if (!seenCores.contains(c.coreId().orElse(c.id()))) { seenCores.add(c.coreId().orElse(c.id())); order.add(c.id()); }
      }
      free.stream().map(CapsCellCpu::id).filter(id -> !order.contains(id)).forEach(order::add);
      long pages = pages2m(cell);
      if (order.size() < vcpus || pages < need) {
        why.add("cell " + cell.id() + " has " + order.size() + " CPUs for guests and " + pages + " x 2 MiB pages");
        continue;
      }
      String emulator = housekeeping.stream().map(c -> Integer.toString(c.id())).collect(Collectors.joining(","));
      return new Placement(cell.id(), List.copyOf(order.subList(0, vcpus)), emulator, need);
    }
    throw new KvmException("no NUMA cell fits " + vcpus + " vCPUs and " + need + " x 2 MiB pages (" + String.join("; ", why)
        + "); reserve pages with: echo " + need + " > /sys/devices/system/node/node0/hugepages/hugepages-2048kB/nr_hugepages");
  }

  /** The tuned guest for {@code placement}. */
  public static DomainSpec guest(String name, Size memory, Placement placement) {
    int[] cpus = placement.vcpuCpus().stream().mapToInt(Integer::intValue).toArray();
    return DomainSpec.builder().type("kvm").name(name).vcpus(cpus.length).memory(memory).os(Os.hvm("x86_64", "q35"))
        .memoryBacking(MemoryBacking.ofHugepages(Size.mib(2)))
        .cputune(CpuTune.pinned(cpus).copy(b -> b.emulatorpin(placement.emulatorCpus())))
        .numatune(NumaTune.strict(Integer.toString(placement.cell())))
        .cpu(Cpu.hostPassthrough())
        .build();
  }

  /** Defines and starts {@code spec} on {@code kvm}; if it does not start, its definition is removed and the error goes on. */
  public static Domain defineAndStart(Kvm kvm, DomainSpec spec) {
    Domain d = kvm.domains().define(spec);
    try {
      return d.start();
    } catch (KvmException e) {
      try {
        d.undefine();
      } catch (KvmException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
  }

  /** The two-socket host the recipe uses on fake hosts. */
  public static HostCapabilities sampleHost() {
    try (InputStream in = GuestTuning.class.getResourceAsStream("two-socket-host.xml")) {
      return HostCapabilities.fromXml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void main(String[] args) {
    recipe().main(args, GuestTuning::body);
  }

  static Recipe recipe() { return Recipe.named("GuestTuning"); }

  static int body(Recipe r) {
    HostCapabilities caps;
    if (r.fake()) {
      caps = sampleHost();
    } else {
      r.kvm("hv1");   // a URI that does not connect stops here, in one line
      CommandResult c = LocalCommandRunner.create().run(HostCommand.of("virsh", "-c", r.uri("hv1"), "capabilities"));
      if (c.exitCode() != 0) {
        throw new Recipe.Stop("virsh -c " + r.uri("hv1") + " capabilities failed: " + String.join("; ", c.stderr().strip().lines().toList()));
      }
      caps = HostCapabilities.fromXml(c.stdout());
    }
    caps.host().topology().ifPresent(t -> t.cells().forEach(cell -> r.say("  host cell " + cell.id() + ": " + cell.cpus().size()
        + " CPUs, " + pages2m(cell) + " x 2 MiB pages")));
    Placement p;
    try {
      p = place(caps, 4, Size.gib(4));
    } catch (KvmException none) {
      r.say("  " + none.getMessage());
      return Recipe.FAILED;
    }
    r.say("  placement: " + p);
    DomainSpec spec = guest("db1", Size.gib(4), p);
    Domain d = defineAndStart(r.kvm("hv1"), spec);
    r.say("# " + d + " " + d.state() + "\n" + d.spec().toXml());
    return Recipe.DONE;
  }
}
