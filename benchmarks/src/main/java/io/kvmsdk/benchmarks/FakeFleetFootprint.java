package io.kvmsdk.benchmarks;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.testkit.FakeCluster;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Builds the fleet (default 1,000 hosts x 32 running domains) {@code shots} times in one JVM, each
 * in a fresh cluster, printing wall-clock and CPU time per shot (the first is the cold one), then
 * forces GC and prints the heap the last fleet retains. Run with
 * {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar io.kvmsdk.benchmarks.FakeFleetFootprint [hosts] [perHost] [shots]}.
 * CPU time next to wall-clock tells the fleet's own work from waiting on a busy machine.
 */
public final class FakeFleetFootprint {
  private FakeFleetFootprint() {}

  public static void main(String[] args) throws InterruptedException {
    int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int perHost = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int shots = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long me = Thread.currentThread().getId();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.out.printf(Locale.ROOT, "machine: %d cores, java %s, max heap %.0f MiB%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), mem.getHeapMemoryUsage().getMax() / 1048576.0);
    FakeCluster cluster = null;
    for (int shot = 1; shot <= shots; shot++) {
      cluster = null;
      long wall = System.nanoTime();
      long thread = threads.getCurrentThreadCpuTime();
      long process = os.getProcessCpuTime();
      long allocated = threads.getThreadAllocatedBytes(me);
      cluster = FakeFleet.build(hosts, perHost);
      System.out.printf(Locale.ROOT, "shot %d%s: define+start %d x %d in %.2f s wall, %.2f s CPU on the building thread, %.2f s CPU in the JVM (JIT, GC included), %.0f MiB allocated%n",
          shot, shot == 1 ? " (cold JVM)" : "", hosts, perHost, (System.nanoTime() - wall) / 1e9,
          (threads.getCurrentThreadCpuTime() - thread) / 1e9, (os.getProcessCpuTime() - process) / 1e9,
          (threads.getThreadAllocatedBytes(me) - allocated) / 1048576.0);
    }
    int running = 0;
    for (String name : cluster.hypervisorNames()) {
      try (Kvm kvm = Kvm.using(cluster.hypervisor(name))) {
        for (var d : kvm.domains().list()) if (d.state() == DomainState.RUNNING) running++;
      }
    }
    if (running != hosts * perHost) throw new IllegalStateException("expected " + hosts * perHost + " running domains, got " + running);
    long with = usedAfterGc(mem);
    int keep = cluster.hypervisorNames().size();
    cluster = null;
    long without = usedAfterGc(mem);
    System.out.printf(Locale.ROOT, "fleet: %d hosts, %d running domains%n", keep, running);
    System.out.printf(Locale.ROOT, "heap used after GC: %.1f MiB with the fleet, %.1f MiB without; the fleet retains %.1f MiB (%.2f KiB per domain)%n",
        with / 1048576.0, without / 1048576.0, (with - without) / 1048576.0, (with - without) / 1024.0 / running);
  }

  private static long usedAfterGc(MemoryMXBean mem) throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return mem.getHeapMemoryUsage().getUsed();
  }
}
