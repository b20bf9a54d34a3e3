package io.kvmsdk.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compiling a fleet's network plans: {@code hosts} {@link NetworkFleet} hosts (2 bonds, 50 VLANs, 4
 * bridges each), every spec built and checked and its plan compiled. Single shot per fleet; the first
 * warmup iteration is the cold-JVM figure. Run {@code java -jar benchmarks/target/benchmarks.jar NetworkPlanBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class NetworkPlanBenchmark {
  @Param("1000") public int hosts;

  @Benchmark
  public long compileFleetPlans() { return NetworkFleet.compile(hosts); }
}
