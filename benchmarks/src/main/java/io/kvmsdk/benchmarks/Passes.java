package io.kvmsdk.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whole-corpus passes in one JVM, alternating the JDK's DOM, the typed codec and Woodstox's untyped
 * tree (same documents, same order), each pass timed on its own. Prints the ratio to DOM of the first
 * 4 passes (everything cold, DOM included) and of the best pass among passes 100-150 (warm).
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.kvmsdk.benchmarks.Passes [passes]}
 */
public final class Passes {
  private Passes() {}

  public static void main(String[] args) throws Exception {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 150;
    List<String> docs = Corpus.load("domain");
    String[] kinds = {"dom", "typed", "woodstox"};
    RoundTrips.RoundTrip[] rts = new RoundTrips.RoundTrip[kinds.length];
    long[][] ns = new long[kinds.length][passes];
    long sink = 0;
    for (int p = 0; p < passes; p++) {
      for (int k = 0; k < kinds.length; k++) {
        long t = System.nanoTime();
        if (rts[k] == null) rts[k] = RoundTrips.of(kinds[k]);
        for (String d : docs) sink += rts[k].run(d).length();
        ns[k][p] = System.nanoTime() - t;
      }
    }
    System.out.printf(Locale.ROOT, "%d documents, %d passes (checksum %d)%n", docs.size(), passes, sink);
    int warmFrom = Math.min(99, passes - 1);
    for (int k = 0; k < kinds.length; k++) {
      long first4 = 0;
      for (int p = 0; p < Math.min(4, passes); p++) first4 += ns[k][p];
      long best = Long.MAX_VALUE;
      for (int p = warmFrom; p < passes; p++) best = Math.min(best, ns[k][p]);
      long dom4 = 0;
      for (int p = 0; p < Math.min(4, passes); p++) dom4 += ns[0][p];
      long domBest = Long.MAX_VALUE;
      for (int p = warmFrom; p < passes; p++) domBest = Math.min(domBest, ns[0][p]);
      System.out.printf(Locale.ROOT, "%-9s first pass %7.1f ms | first 4 passes %7.1f ms = %.2fx DOM | warm best %6.1f ms = %.2fx DOM, %.1f us/doc%n",
          kinds[k], ns[k][0] / 1e6, first4 / 1e6, (double) first4 / dom4, best / 1e6, (double) best / domBest, best / 1e3 / docs.size());
    }
    List<String> firsts = new ArrayList<>();
    for (int p = 0; p < Math.min(6, passes); p++) {
      firsts.add(String.format(Locale.ROOT, "%.0f/%.0f/%.0f", ns[0][p] / 1e6, ns[1][p] / 1e6, ns[2][p] / 1e6));
    }
    System.out.println("first passes dom/typed/woodstox ms: " + String.join(" ", firsts));
  }
}
