package io.kvmsdk.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Several XML codecs sharing one JVM, as in a service that mixes workloads: the JDK's DOM, Woodstox's
 * untyped tree and the typed domain codec all run in every fork. Before each warm-up and measurement
 * iteration the two codecs not being measured each make a pass over the corpus, so the measured one
 * runs with the others' classes loaded, their code compiled and their profiles in the shared parser.
 * Warm-up is short (3 x 1 s), as a service mixing workloads sees. Documents per second =
 * 620 / (seconds per op); compare {@code kind=typed} with {@code kind=dom} from the same run.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar MixedCodecBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MixedCodecBenchmark {
  @Param({"dom", "woodstox", "typed"})
  public String kind;

  List<String> docs;
  RoundTrips.RoundTrip measured;
  RoundTrips.RoundTrip[] others;

  @Setup(Level.Trial)
  public void setup() {
    docs = Corpus.load("domain");
    String[] all = {"dom", "woodstox", "typed"};
    others = new RoundTrips.RoundTrip[2];
    int k = 0;
    for (String a : all) if (!a.equals(kind)) others[k++] = RoundTrips.of(a);
    measured = RoundTrips.of(kind);
  }

  /** The other codecs take their turn over the corpus between iterations. */
  @Setup(Level.Iteration)
  public void interleave() throws Exception {
    for (RoundTrips.RoundTrip o : others) for (String d : docs) o.run(d);
  }

  /** One pass of the measured codec over the whole corpus (ops/s x 620 = documents/s). */
  @Benchmark
  public void corpusPass(Blackhole bh) throws Exception {
    for (String d : docs) bh.consume(measured.run(d));
  }
}
