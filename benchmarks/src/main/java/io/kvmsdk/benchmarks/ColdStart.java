package io.kvmsdk.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The first document in a fresh JVM: reads one libvirt domain XML (before the clock starts), then
 * times its first round trip with one codec ({@code typed}, {@code dom} or {@code woodstox}), then a
 * second document, so the cost of loading and linking the codec shows apart from the work. Run each
 * kind in its own fresh JVM and compare:
 * <pre>{@code
 * for k in dom typed woodstox; do java -cp benchmarks/target/benchmarks.jar io.kvmsdk.benchmarks.ColdStart $k; done
 * }</pre>
 * The document defaults to the first file of the corpus ({@code -Dkvmsdk.corpus=DIR} as for the other
 * benchmarks); a second argument names another file. Count the classes loaded with
 * {@code -Xlog:class+load:file=/tmp/cl.txt}. The main thread's CPU time is printed beside the wall-clock time: on a
 * busy machine it tells the codec's own work from waiting for a core.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    String kind = args.length > 0 ? args[0] : "typed";
    Path file = args.length > 1 ? Path.of(args[1]) : Corpus.files("domain").get(0);
    String second = Files.readString(args.length > 2 ? Path.of(args[2]) : Corpus.files("domain").get(1));
    String xml = Files.readString(file);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    RoundTrips.RoundTrip rt = RoundTrips.of(kind);
    String out = rt.run(xml);
    long t1 = System.nanoTime();
    long c1 = threads.getCurrentThreadCpuTime();
    String out2 = rt.run(second);
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "%s first document %.1f ms (%.1f ms CPU on the main thread), second %.1f ms (%s, %d -> %d chars; %d chars)%n",
        kind, (t1 - t0) / 1e6, (c1 - c0) / 1e6, (t2 - t1) / 1e6, file.getFileName(), xml.length(), out.length(), out2.length());
  }
}
