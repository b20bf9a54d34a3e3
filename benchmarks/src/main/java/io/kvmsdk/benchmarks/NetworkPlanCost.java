package io.kvmsdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@link NetworkPlanBenchmark}'s work measured in CPU time as well as wall time, for machines shared
 * with other work (a loaded 2-core CI box inflates wall time many times over): compiles the
 * {@link NetworkFleet} of 1,000 hosts {@code rounds} times and prints each round's figures.
 * Run {@code java -cp benchmarks/target/benchmarks.jar io.kvmsdk.benchmarks.NetworkPlanCost [rounds]}.
 */
public final class NetworkPlanCost {
  private NetworkPlanCost() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int r = 1; r <= rounds; r++) {
      long cpu0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      long steps = NetworkFleet.compile(1000);
      long wall = System.nanoTime() - t0;
      long cpu = mx.getCurrentThreadCpuTime() - cpu0;
      System.out.printf("round %d: 1000 hosts, %d steps: %d ms wall, %d ms CPU (%.1f us CPU per host)%n",
          r, steps, wall / 1_000_000, cpu / 1_000_000, cpu / 1000.0 / 1000);
    }
  }
}
