package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Graphics;
import io.kvmsdk.core.domain.Os;
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

    DomainSpec spec = DomainSpec.builder().type("kvm").name("quickstart").vcpus(2).memory(Size.mib(512)).osType("hvm").build();
    System.out.println("a spec, rendered (not defined anywhere):");
    System.out.println(spec.toXml());
    System.out.println("round trip equal: " + DomainSpec.fromXml(spec.toXml()).equals(spec));
    System.out.println();

    String name = "quickstart-" + UUID.randomUUID().toString().substring(0, 8);
    Kvm connected;
    try {
      connected = Kvm.connect(uri);
    } catch (KvmException e) {
      if (args.length > 0) {
        System.out.println("cannot connect: " + e.getMessage());
        System.exit(2);
        return;
      }
      // no libvirt here: the testkit's fake hypervisor behaves like libvirt's QEMU driver
      System.out.println("libvirt is not usable here (" + e.getMessage() + ")");
      System.out.println("falling back to the testkit's fake hypervisor: fake:///quickstart");
      uri = "fake:///quickstart";
      connected = Kvm.connect(uri);
    }
    final Kvm kvm = connected;
    boolean test = uri.startsWith("test:");
    // a diskless guest: type 'test' on libvirt's test driver, QEMU (TCG, no /dev/kvm needed) elsewhere
    DomainSpec.Builder b = DomainSpec.builder().type(test ? "test" : "qemu").name(name).memory(Size.mib(64));
    DomainSpec small = test
        ? b.os(Os.hvm()).build()
        : b.vcpus(1).os(Os.hvm("x86_64", "pc")).addGraphics(Graphics.vnc().listenAddress("127.0.0.1")).build();

    try (kvm) {
      System.out.println("connected to " + kvm.uri() + "; a small guest this hypervisor can run: " + small.type() + ", "
          + small.memory().map(Object::toString).orElse("?") + ", no disk");
      Domain d = kvm.domains().define(small);
      System.out.println("defined   " + d + " uuid " + d.uuid());
      try {
        d.start();
        System.out.println("started   " + d);
        System.out.println("domains   " + kvm.domains().list().stream().map(Domain::name).sorted().toList());
        String stats = d.stats().toString();
        System.out.println("stats     " + stats + (stats.contains("?") ? "   (? = not reported by this driver)" : ""));
        d.destroy();
        System.out.println("destroyed " + d);
      } finally {
        d.undefine();
        System.out.println("undefined " + name + "; still there: " + kvm.domains().find(name).isPresent());
      }
    }
  }
}
