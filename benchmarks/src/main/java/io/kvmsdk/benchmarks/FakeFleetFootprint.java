package io.kvmsdk.benchmarks;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.testkit.FakeCluster;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Builds the fleet once (default 1,000 hosts x 32 running domains), times it, then forces GC and
 * prints the heap the fleet retains. Run with
 * {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar io.kvmsdk.benchmarks.FakeFleetFootprint [hosts] [perHost]}.
 */
public final class FakeFleetFootprint {
  private FakeFleetFootprint() {}

  public static void main(String[] args) throws InterruptedException {
    int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int perHost = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(mem);
    long t0 = System.nanoTime();
    FakeCluster cluster = FakeFleet.build(hosts, perHost);
    long t1 = System.nanoTime();
    long after = usedAfterGc(mem);
    int running = 0;
    for (String name : cluster.hypervisorNames()) {
      try (Kvm kvm = Kvm.using(cluster.hypervisor(name))) {
        for (var d : kvm.domains().list()) if (d.state() == DomainState.RUNNING) running++;
      }
    }
    System.out.printf(Locale.ROOT, "fleet: %d hosts x %d domains, %d running%n", hosts, perHost, running);
    System.out.printf(Locale.ROOT, "define+start: %.2f s (cold JVM, one shot)%n", (t1 - t0) / 1e9);
    System.out.printf(Locale.ROOT, "heap used after GC: baseline %.1f MiB, with fleet %.1f MiB, fleet retains %.1f MiB (%.1f KiB per domain); max heap %.0f MiB%n",
        before / 1048576.0, after / 1048576.0, (after - before) / 1048576.0, (after - before) / 1024.0 / (hosts * (long) perHost),
        mem.getHeapMemoryUsage().getMax() / 1048576.0);
    if (running != hosts * perHost) throw new IllegalStateException("expected " + hosts * perHost + " running domains, got " + running);
  }

  private static long usedAfterGc(MemoryMXBean mem) throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return mem.getHeapMemoryUsage().getUsed();
  }
}
