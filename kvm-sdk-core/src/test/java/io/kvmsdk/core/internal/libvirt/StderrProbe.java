package io.kvmsdk.core.internal.libvirt;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import org.libvirt.Connect;

/**
 * Run in a child JVM by {@link LibvirtStderrTest}: makes failing libvirt calls, either through the
 * SDK ({@code sdk}) or through raw libvirt-java ({@code raw}), and prints "done".
 */
public final class StderrProbe {
  private StderrProbe() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("sdk")) {
      try (Kvm kvm = Kvm.connect("test:///default")) {
        try {
          kvm.domains().get("kvmsdk-no-such-domain").start();
        } catch (KvmException expected) {
          System.out.println("caught " + expected.getClass().getSimpleName());
        }
        try {
          kvm.domains().get("test").resume();
        } catch (KvmException expected) {
          System.out.println("caught " + expected.getClass().getSimpleName());
        }
      }
    } else {
      Connect c = new Connect("test:///default", false);
      try {
        c.domainLookupByName("kvmsdk-no-such-domain");
      } catch (org.libvirt.LibvirtException expected) {
        System.out.println("caught " + expected.getError().getCode());
      }
      c.close();
    }
    System.out.println("done");
  }
}
