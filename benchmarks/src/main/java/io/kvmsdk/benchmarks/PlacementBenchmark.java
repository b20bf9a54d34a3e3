package io.kvmsdk.benchmarks;

import io.kvmsdk.core.Size;
import io.kvmsdk.ha.placement.Fleet;
import io.kvmsdk.ha.placement.FleetGuest;
import io.kvmsdk.ha.placement.FleetHost;
import io.kvmsdk.ha.placement.PlacementPlan;
import io.kvmsdk.ha.placement.PlacementPlanner;
import io.kvmsdk.ha.placement.PlacementPolicy;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The failover plan after one host of {@code hosts} × {@code perHost} guests is lost (anti-affinity
 * triples, four priorities, SPREAD), as in kvm-sdk-ha's {@code FleetFailoverScaleTest}; the budget is
 * 100 ms. Run {@code java -jar benchmarks/target/benchmarks.jar PlacementBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class PlacementBenchmark {
  @Param("1000") public int hosts;
  @Param("32") public int perHost;

  private Fleet fleet;
  private PlacementPlanner planner;
  private int next;

  @Setup public void fleet() {
    Fleet.Builder b = Fleet.builder();
    for (int h = 0; h < hosts; h++) {
      String host = "hv" + h;
      b.addHost(FleetHost.of(host, 64, Size.gib(384)));
      for (int i = 0; i < perHost; i++) {
        b.addGuest(new FleetGuest("vm" + h + "-" + i, 1 + (h + i) % 8, (2 + (h * 7L + i * 3L) % 11) << 30, Optional.of(host),
            Optional.of("g" + h / 3 + "-" + i), i % 4));
      }
    }
    fleet = b.build();
    planner = PlacementPlanner.of(PlacementPolicy.defaults().strategy(PlacementPolicy.Strategy.SPREAD).reservedMemory(Size.gib(8)));
  }

  @Benchmark
  public PlacementPlan failoverOfOneHost() {
    next = (next + 47) % hosts;
    return planner.failover(fleet, "hv" + next);
  }
}
