package io.kvmsdk.core.internal.libvirt;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import org.libvirt.Connect;

/**
 * Not a test: times a lifecycle round (define, start, suspend, resume, destroy, undefine) through
 * the SDK and through raw libvirt-java on the same URI. {@code args}: URI (test:///default), rounds (200).
 */
public final class LifecycleTiming {
  private LifecycleTiming() {}

  static String xml(String name) {
    return "<domain type='test'><name>" + name + "</name><memory unit='MiB'>64</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>";
  }

  public static void main(String[] args) throws Exception {
    String uri = args.length > 0 ? args[0] : "test:///default";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    try (Kvm kvm = Kvm.connect(uri)) {
      Connect raw = new Connect(uri, false);
      for (int warm = 0; warm < 3; warm++) {
        long sdk = sdk(kvm, rounds, "w" + warm);
        long lv = raw(raw, rounds, "w" + warm);
        long xml = xmlOnly(rounds, "w" + warm);
        System.out.printf("pass %d: %d rounds  sdk %.1f us/round  libvirt-java %.1f us/round  ratio %.2f"
            + "  (of which DomainSpec.fromXml+toXml %.1f us/round)%n",
            warm, rounds, sdk / 1e3 / rounds, lv / 1e3 / rounds, (double) sdk / lv, xml / 1e3 / rounds);
      }
      raw.close();
    }
  }

  static long sdk(Kvm kvm, int rounds, String tag) {
    long t0 = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      Domain d = kvm.domains().define(DomainSpec.fromXml(xml("sdk-" + tag + "-" + i)));
      d.start().suspend().resume().destroy();
      d.undefine();
    }
    return System.nanoTime() - t0;
  }

  static long xmlOnly(int rounds, String tag) {
    long t0 = System.nanoTime();
    int n = 0;
    for (int i = 0; i < rounds; i++) n += DomainSpec.fromXml(xml("x-" + tag + "-" + i)).toXml().length();
    if (n == 0) throw new AssertionError();
    return System.nanoTime() - t0;
  }

  static long raw(Connect c, int rounds, String tag) throws Exception {
    long t0 = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      org.libvirt.Domain d = c.domainDefineXML(xml("raw-" + tag + "-" + i));
      d.create();
      d.suspend();
      d.resume();
      d.destroy();
      d.undefine();
      d.free();
    }
    return System.nanoTime() - t0;
  }
}
