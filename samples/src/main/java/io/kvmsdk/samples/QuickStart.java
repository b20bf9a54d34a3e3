package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import java.util.UUID;

/**
 * The README's quick-start: build a domain spec, render it, parse it back; then connect to
 * libvirt ({@code test:///default}, or the URI in {@code args[0]}), define, start, list, destroy and
 * undefine a small domain, saying what it does.
 *
 * <pre>./mvnw -q -DskipTests -Pquickstart package          # or: ... -Dexec.args=qemu:///system?socket=...</pre>
 */
public final class QuickStart {
  private QuickStart() {}

  public static void main(String[] args) {
    String uri = args.length > 0 ? args[0] : "test:///default";

    DomainSpec spec = DomainSpec.builder().type("kvm").name("quickstart").vcpus(2).memory(Size.mib(512)).build();
    System.out.println(spec.toXml());
    System.out.println("round trip equal: " + DomainSpec.fromXml(spec.toXml()).equals(spec));

    String name = "quickstart-" + UUID.randomUUID().toString().substring(0, 8);
    boolean test = uri.startsWith("test:");
    // a diskless guest: type 'test' on libvirt's test driver, QEMU (TCG, no /dev/kvm needed) elsewhere
    DomainSpec small = DomainSpec.fromXml(test
        ? "<domain type='test'><name>" + name + "</name><memory unit='MiB'>64</memory><os><type>hvm</type></os></domain>"
        : "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
            + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices><graphics type='vnc' listen='127.0.0.1'/></devices></domain>");

    Kvm kvm;
    try {
      kvm = Kvm.connect(uri);
    } catch (KvmException e) {
      System.out.println("cannot connect: " + e.getMessage());
      System.exit(2);
      return;
    }
    try (kvm) {
      System.out.println("connected to " + kvm.uri());
      Domain d = kvm.domains().define(small);
      System.out.println("defined   " + d + " uuid " + d.uuid());
      try {
        d.start();
        System.out.println("started   " + d);
        System.out.println("domains   " + kvm.domains().list());
        System.out.println("stats     " + d.stats());
        d.destroy();
        System.out.println("destroyed " + d);
      } finally {
        d.undefine();
        System.out.println("undefined " + name + "; still there: " + kvm.domains().find(name).isPresent());
      }
    }
  }
}
