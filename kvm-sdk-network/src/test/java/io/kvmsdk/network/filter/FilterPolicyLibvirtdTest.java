package io.kvmsdk.network.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.nwfilter.NwFilterBindingOwner;
import io.kvmsdk.core.nwfilter.NwFilterBindingSpec;
import io.kvmsdk.core.nwfilter.NwFilterSpec;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The clean-traffic policy on a real libvirtd (scripts/oracles.sh start: {@code KVM_SDK_LIBVIRT_URI},
 * {@code ORACLE_NETNS}): its filters define and read back unchanged, and a binding of the policy with
 * the guest's IP and MAC on a port of libvirtd's namespace makes libvirt instantiate ebtables rules
 * that drop every other source MAC and IP.
 */
class FilterPolicyLibvirtdTest {
  private static Proc.Result virsh(String uri, String... args) {
    List<String> argv = new ArrayList<>(List.of("virsh", "-q", "-c", uri));
    argv.addAll(List.of(args));
    return Proc.run(argv, null, 60);
  }

  private static Proc.Result virshFile(String uri, String verb, String xml) throws Exception {
    Path f = Files.createTempFile("n2-filter", ".xml");
    try {
      Files.writeString(f, xml);
      return virsh(uri, verb, f.toString());
    } finally {
      Files.delete(f);
    }
  }

  @Test void libvirtDefinesThePolicyAndInstantiatesItWithTheGuestsAddresses() throws Exception {
    String uri = System.getenv("KVM_SDK_LIBVIRT_URI");
    String ns = System.getenv("ORACLE_NETNS");
    Oracles.require(uri != null && !uri.isBlank() && ns != null, "no private libvirtd (bash scripts/oracles.sh start; source its env)");
    Proc.require("virsh", "ebtables");
    FilterPolicy clean = FilterPolicy.cleanTraffic("n2t" + UUID.randomUUID().toString().substring(0, 4));
    String port = "n2f" + UUID.randomUUID().toString().substring(0, 6);
    List<String> defined = new ArrayList<>();
    try {
      for (NwFilterSpec f : clean.filters()) {
        Proc.Result r = virshFile(uri, "nwfilter-define", f.toXml());
        assertThat(r.ok()).as("nwfilter-define %s: %s", f.name(), r).isTrue();
        defined.add(0, f.name());
        NwFilterSpec back = NwFilterSpec.fromXml(virsh(uri, "nwfilter-dumpxml", f.name()).out());
        assertThat(back.entries()).as(f.name()).isEqualTo(f.entries());
        assertThat(back.chain()).as("%s: libvirt fills in the chain (root) and its priority, nothing else", f.name()).isEqualTo(f.chain().or(() -> java.util.Optional.of("root")));
      }
      assertThat(Proc.run("ip", "-n", ns, "link", "add", port, "type", "veth", "peer", "name", port + "p").ok()).isTrue();
      NwFilterBindingSpec binding = NwFilterBindingSpec.builder()
          .owner(NwFilterBindingOwner.builder().name("n2-guest").uuid(UUID.randomUUID().toString()).build())
          .portdev(port).mac("52:54:00:00:44:01").filterref(clean.filterref("52:54:00:00:44:01", "198.18.5.10")).build();
      Proc.Result created = virshFile(uri, "nwfilter-binding-create", binding.toXml());
      assertThat(created.ok()).as("nwfilter-binding-create: %s", created).isTrue();
      String rules = Proc.run("ip", "netns", "exec", ns, "ebtables", "-t", "nat", "-L").out();
      assertThat(rules).contains("-s ! 52:54:00:00:44:01 -j DROP").contains("--ip-src 198.18.5.10 -j RETURN")
          .contains("-p ARP -s 52:54:00:00:44:01 --arp-ip-src 198.18.5.10 --arp-mac-src 52:54:00:00:44:01 -j RETURN").contains("-d BGA -j DROP");
      assertThat(virsh(uri, "nwfilter-binding-delete", port).ok()).isTrue();
    } finally {
      Proc.run("ip", "-n", ns, "link", "del", port);
      for (String f : defined) virsh(uri, "nwfilter-undefine", f);
    }
  }
}
