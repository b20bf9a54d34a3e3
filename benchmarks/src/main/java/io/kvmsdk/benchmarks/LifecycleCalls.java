package io.kvmsdk.benchmarks;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Os;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import java.util.Arrays;
import java.util.Locale;
import org.libvirt.Connect;

/**
 * Where a lifecycle round spends its time, call by call: the SDK (define from a spec parsed from XML,
 * start, suspend, resume, destroy, undefine) against the same calls on raw libvirt-java, rounds
 * alternating in one JVM on one libvirt URI. Prints the median of each call and of the round, and
 * the SDK/raw ratios. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.kvmsdk.benchmarks.LifecycleCalls [uri] [rounds] [control]}
 * (default {@code test:///default}, 20,000 rounds after as many warm-up rounds). With {@code control}
 * the raw side also parses and renders the spec, untimed, right before its define, as the SDK side
 * does: that Java work alone slows libvirt's own define by a few microseconds (caches), so the
 * control tells the binding's cost from that effect. Quote both.
 */
public final class LifecycleCalls {
  private LifecycleCalls() {}

  static final String[] CALLS = {"parse", "define", "start", "suspend", "resume", "destroy", "undefine"};

  /** The definition both sides send; the SDK side parses it back each round, as "define from a spec parsed from XML" asks. */
  static final String XML = DomainSpec.builder().type("test").name("lifecycle-calls").memory(Size.mib(64)).os(Os.hvm()).build().toXml();

  public static void main(String[] args) throws Exception {
    String uri = args.length > 0 ? args[0] : "test:///default";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    control = args.length > 2 && args[2].equals("control");
    try (Kvm kvm = Kvm.connect(uri)) {
      Connect raw = new Connect(uri, false);
      long[][] sdk = new long[CALLS.length][rounds];
      long[][] lv = new long[CALLS.length][rounds];
      for (int warm = 0; warm < 2; warm++) {
        for (int r = 0; r < rounds; r++) {
          if ((r & 1) == 0) {
            sdkRound(kvm, sdk, r);
            rawRound(raw, lv, r);
          } else {
            rawRound(raw, lv, r);
            sdkRound(kvm, sdk, r);
          }
        }
      }
      raw.close();
      System.out.printf(Locale.ROOT, "%s, %d rounds (medians, us)%s%n", uri, rounds,
          control ? ", control: raw also parses and renders the spec, untimed, before its define" : "");
      long sdkTotal = 0;
      long rawTotal = 0;
      for (int c = 0; c < CALLS.length; c++) {
        long s = median(sdk[c]);
        long l = median(lv[c]);
        sdkTotal += s;
        rawTotal += l;
        System.out.printf(Locale.ROOT, "  %-9s sdk %8.2f  raw %8.2f  %s%n", CALLS[c], s / 1e3, l / 1e3,
            l == 0 ? "(sdk only)" : String.format(Locale.ROOT, "%.2fx", (double) s / l));
      }
      System.out.printf(Locale.ROOT, "  %-9s sdk %8.2f  raw %8.2f  %.2fx%n", "round", sdkTotal / 1e3, rawTotal / 1e3, (double) sdkTotal / rawTotal);
    }
  }

  private static void sdkRound(Kvm kvm, long[][] ns, int r) {
    long t0 = System.nanoTime();
    DomainSpec spec = DomainSpec.fromXml(XML);
    long t1 = System.nanoTime();
    Domain d = kvm.domains().define(spec);
    long t2 = System.nanoTime();
    d.start();
    long t3 = System.nanoTime();
    d.suspend();
    long t4 = System.nanoTime();
    d.resume();
    long t5 = System.nanoTime();
    d.destroy();
    long t6 = System.nanoTime();
    d.undefine();
    long t7 = System.nanoTime();
    long[] t = {t0, t1, t2, t3, t4, t5, t6, t7};
    for (int c = 0; c < CALLS.length; c++) ns[c][r] = t[c + 1] - t[c];
  }

  private static boolean control;
  static int sink;

  private static void rawRound(Connect raw, long[][] ns, int r) throws org.libvirt.LibvirtException {
    if (control) sink += DomainSpec.fromXml(XML).toXml().length();
    long t1 = System.nanoTime();
    org.libvirt.Domain d = raw.domainDefineXML(XML);
    long t2 = System.nanoTime();
    d.create();
    long t3 = System.nanoTime();
    d.suspend();
    long t4 = System.nanoTime();
    d.resume();
    long t5 = System.nanoTime();
    d.destroy();
    long t6 = System.nanoTime();
    d.undefine();
    d.free();
    long t7 = System.nanoTime();
    long[] t = {t1, t1, t2, t3, t4, t5, t6, t7};
    for (int c = 0; c < CALLS.length; c++) ns[c][r] = t[c + 1] - t[c];
  }

  private static long median(long[] xs) {
    long[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
