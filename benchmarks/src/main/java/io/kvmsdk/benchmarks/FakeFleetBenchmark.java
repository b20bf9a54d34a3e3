package io.kvmsdk.benchmarks;

import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.testkit.FakeCluster;
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
 * A whole fleet on the fake: {@code hosts} fake hosts with {@code domainsPerHost} domains each,
 * defined and started through {@code Kvm.using(hv).domains().define(spec).start()}, in 1 GiB of heap.
 * Single shot: each iteration builds one whole fleet in a fresh cluster; the first warmup iteration
 * is the cold-JVM figure. Run {@code java -jar benchmarks/target/benchmarks.jar FakeFleetBenchmark -prof gc};
 * the retained heap is measured by {@link FakeFleetFootprint}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class FakeFleetBenchmark {
  @Param("1000") public int hosts;
  @Param("32") public int domainsPerHost;

  DomainSpec[][] specs;

  @Setup
  public void buildSpecs() { specs = FakeFleet.specs(hosts, domainsPerHost); }

  /** What a test does: builds each spec, then defines and starts it. */
  @Benchmark
  public FakeCluster defineAndStartFleet() { return FakeFleet.build(hosts, domainsPerHost); }

  /** The same fleet from specs built ahead: the SDK's define/start path and the fake alone. */
  @Benchmark
  public FakeCluster defineAndStartFleetPrebuiltSpecs() { return FakeFleet.build(specs); }
}
