package io.kvmsdk.testkit;

import static io.kvmsdk.testkit.contract.ContractCapability.EVENTS;
import static io.kvmsdk.testkit.contract.ContractCapability.NETWORKS;
import static io.kvmsdk.testkit.contract.ContractCapability.NWFILTERS;
import static io.kvmsdk.testkit.contract.ContractCapability.QEMU_DRIVER;
import static io.kvmsdk.testkit.contract.ContractCapability.SECRETS;
import static io.kvmsdk.testkit.contract.ContractCapability.SNAPSHOTS;
import static io.kvmsdk.testkit.contract.ContractCapability.STATS;
import static io.kvmsdk.testkit.contract.ContractCapability.STORAGE;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.testkit.contract.ContractCapability;
import io.kvmsdk.testkit.contract.ContractCase;
import io.kvmsdk.testkit.contract.ContractCases;
import io.kvmsdk.testkit.contract.HypervisorContract;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One scenario of network, storage and nwfilter calls against a real libvirtd with QEMU
 * ({@code $KVM_SDK_LIBVIRT_URI}) and against the fake: every outcome, down to libvirt's error
 * domain, must be the same. (The contract cases themselves run in the contract suites.)
 */
class ObjectsContractRunsTest {
  static final String URI = System.getenv("KVM_SDK_LIBVIRT_URI");
  /** What a call did, as a comparable line: libvirt's error code, error domain and message, UUIDs blanked. */
  static String outcome(Supplier<Object> call) {
    try {
      Object r = call.get();
      if (r instanceof io.kvmsdk.core.spi.ObjectRef ref) r = ref.name();   // the UUID differs between hosts
      return "ok" + (r == null ? "" : " " + r);
    } catch (NotFoundException e) {
      LibvirtException le = (LibvirtException) e.getCause();
      return "not found " + e.kind() + " " + e.name() + (le == null ? " (no libvirt cause)" : " (" + line(le) + ")");
    } catch (LibvirtException e) {
      return line(e);
    }
  }

  static String line(LibvirtException e) {
    return e.code() + "(" + e.codeNumber() + ")/" + e.errorDomain() + "(" + e.errorDomainNumber() + "): "
        + e.libvirtMessage().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID");
  }

  /** Valid and invalid calls on each kind of object; every outcome, to the error domain, is recorded. */
  static List<String> scenario(Hypervisor hv, String prefix) {
    List<String> out = new ArrayList<>();
    String net = prefix + "-net";
    String netXml = "<network><name>" + net + "</name><bridge name='kvo" + prefix.substring(prefix.length() - 8) + "'/></network>";
    String pool = prefix + "-pool";
    String dir = "/tmp/" + pool;
    String poolXml = "<pool type='dir'><name>" + pool + "</name><target><path>" + dir + "</path></target></pool>";
    String vol = "<volume><name>v.img</name><capacity unit='KiB'>64</capacity></volume>";
    String filter = prefix + "-filter";
    String filterXml = "<filter name='" + filter + "' chain='arp'><rule action='drop' direction='in'/></filter>";
    String dev = "kvo" + prefix.substring(prefix.length() - 8) + "b";
    String guard = prefix + "-guard";
    String guardXml = "<filter name='" + guard + "'><rule action='accept' direction='out'><all/></rule></filter>";
    String fnet = prefix + "-fnet";
    String fnetXml = "<network><name>" + fnet + "</name><bridge name='kvf" + prefix.substring(prefix.length() - 8) + "'/></network>";
    String guest = prefix + "-guest";
    String guestXml = io.kvmsdk.testkit.contract.ContractCases.tinyGuest(guest).copy(b -> b.addInterface(io.kvmsdk.core.domain.Nic.network(fnet).virtio()
        .copy(n -> n.filterref(io.kvmsdk.core.domain.NicFilterRef.builder().filter(guard).build())))).toXml();
    try {
      out.add("define network: " + outcome(() -> hv.networks().define(netXml)));
      out.add("define it again: " + outcome(() -> hv.networks().define(netXml)));
      out.add("destroy inactive: " + outcome(() -> { hv.networks().destroy(net); return null; }));
      out.add("start: " + outcome(() -> { hv.networks().start(net); return null; }));
      out.add("start again: " + outcome(() -> { hv.networks().start(net); return null; }));
      String uuid = hv.networks().lookup(net).orElseThrow().uuid();
      out.add("create active: " + outcome(() -> hv.networks().create(netXml.replace("</name>", "</name><uuid>" + uuid + "</uuid>"))));
      out.add("undefine active: " + outcome(() -> { hv.networks().undefine(net); return null; }) + " persistent " + hv.networks().isPersistent(net));
      out.add("autostart transient: " + outcome(() -> { hv.networks().setAutostart(net, true); return null; }));
      out.add("undefine transient: " + outcome(() -> { hv.networks().undefine(net); return null; }));
      out.add("destroy transient: " + outcome(() -> { hv.networks().destroy(net); return null; }) + " found " + hv.networks().lookup(net).isPresent());
      out.add("destroy gone: " + outcome(() -> { hv.networks().destroy(net); return null; }));

      out.add("start missing pool: " + outcome(() -> { hv.storagePools().start(pool); return null; }));
      out.add("define pool: " + outcome(() -> hv.storagePools().define(poolXml)));
      out.add("define it again: " + outcome(() -> hv.storagePools().define(poolXml)));
      out.add("start unbuilt: " + outcome(() -> { hv.storagePools().start(pool); return null; }));
      out.add("volume in inactive pool: " + outcome(() -> hv.storageVolumes().create(pool, vol)));
      out.add("build: " + outcome(() -> { hv.storagePools().build(pool); return null; }));
      out.add("start: " + outcome(() -> { hv.storagePools().start(pool); return null; }));
      out.add("start again: " + outcome(() -> { hv.storagePools().start(pool); return null; }));
      out.add("undefine active: " + outcome(() -> { hv.storagePools().undefine(pool); return null; }));
      out.add("create volume: " + outcome(() -> hv.storageVolumes().create(pool, vol)));
      out.add("create it again: " + outcome(() -> hv.storageVolumes().create(pool, vol)));
      out.add("clone to a name in use: " + outcome(() -> hv.storageVolumes().createFrom(pool, vol, pool, "v.img")));
      out.add("clone a missing volume: " + outcome(() -> hv.storageVolumes().createFrom(pool, vol.replace("v.img", "w.img"), pool, "nope.img")));
      out.add("shrink below the allocation: " + outcome(() -> { hv.storageVolumes().resize(pool, "v.img", 1024, Set.of()); return null; }));
      out.add("grow: " + outcome(() -> { hv.storageVolumes().resize(pool, "v.img", 131072, Set.of()); return null; }));
      out.add("shrink without the flag: " + outcome(() -> { hv.storageVolumes().resize(pool, "v.img", 98304, Set.of()); return null; }));
      out.add("wipe a missing volume: " + outcome(() -> { hv.storageVolumes().wipe(pool, "nope.img"); return null; }));
      out.add("path of a missing volume: " + outcome(() -> hv.storageVolumes().path(pool, "nope.img")));
      out.add("missing volume XML: " + outcome(() -> hv.storageVolumes().xml(pool, "nope.img")));
      out.add("delete missing volume: " + outcome(() -> { hv.storageVolumes().delete(pool, "nope.img"); return null; }));
      out.add("destroy: " + outcome(() -> { hv.storagePools().destroy(pool); return null; }));
      out.add("volumes of inactive pool: " + outcome(() -> hv.storageVolumes().list(pool)));
      out.add("upload to an inactive pool: " + outcome(() -> hv.storageVolumes().upload(pool, "v.img", 0, 0, new java.io.ByteArrayInputStream(new byte[1]))));
      out.add("delete non-empty: " + outcome(() -> { hv.storagePools().delete(pool); return null; }));
      out.add("start: " + outcome(() -> { hv.storagePools().start(pool); return null; }) + " volumes " + hv.storageVolumes().list(pool));
      out.add("delete volume: " + outcome(() -> { hv.storageVolumes().delete(pool, "v.img"); return null; }));
      out.add("destroy: " + outcome(() -> { hv.storagePools().destroy(pool); return null; }));
      out.add("delete: " + outcome(() -> { hv.storagePools().delete(pool); return null; }));
      out.add("delete again: " + outcome(() -> { hv.storagePools().delete(pool); return null; }));
      out.add("undefine: " + outcome(() -> { hv.storagePools().undefine(pool); return null; }));

      out.add("define filter: " + outcome(() -> hv.nwfilters().define(filterXml)));
      out.add("define it again: " + outcome(() -> hv.nwfilters().define(filterXml)));
      out.add("bad chain: " + outcome(() -> hv.nwfilters().define(filterXml.replace("'arp'", "'ebtables'"))));
      out.add("XML: arp priority " + io.kvmsdk.core.xml.XmlElement.parse(hv.nwfilters().xml(filter)).attr("priority"));
      out.add("undefine: " + outcome(() -> { hv.nwfilters().undefine(filter); return null; }));
      out.add("undefine again: " + outcome(() -> { hv.nwfilters().undefine(filter); return null; }));

      String binding = "<filterbinding><owner><name>x</name><uuid>11111111-2222-3333-4444-555555555555</uuid></owner><portdev name='" + dev
          + "'/><mac address='52:54:00:11:22:33'/><filterref filter='" + guard + "'/></filterbinding>";
      out.add("XML of a missing binding: " + outcome(() -> hv.nwfilters().bindingXml(dev)));
      out.add("delete a missing binding: " + outcome(() -> { hv.nwfilters().deleteBinding(dev); return null; }));
      out.add("bind a port device to a missing filter: " + outcome(() -> hv.nwfilters().createBinding(binding)));
      out.add("bind it again: " + outcome(() -> hv.nwfilters().createBinding(binding)));
      out.add("delete the binding: " + outcome(() -> { hv.nwfilters().deleteBinding(dev); return null; }));
      out.add("dhcp leases of a missing network: " + outcome(() -> hv.networks().dhcpLeases(net + "-nope")));
      out.add("guard network: " + outcome(() -> hv.networks().create(fnetXml)));
      out.add("define guest: " + outcome(() -> hv.domains().define(guestXml)));
      out.add("start it without its filter: " + outcome(() -> { hv.domains().start(guest); return null; }));
      out.add("define the filter: " + outcome(() -> hv.nwfilters().define(guardXml)));
      out.add("start it: " + outcome(() -> { hv.domains().start(guest); return null; }) + ", bindings "
          + hv.nwfilters().listBindings().stream().filter(p -> hv.nwfilters().bindingXml(p).orElse("").contains("<name>" + guest + "</name>")).count());
      out.add("undefine the filter in use: " + outcome(() -> { hv.nwfilters().undefine(guard); return null; }));
      out.add("stop the guest: " + outcome(() -> { hv.domains().destroy(guest); return null; }));
      out.add("undefine the filter: " + outcome(() -> { hv.nwfilters().undefine(guard); return null; }));
    } finally {
      outcome(() -> { hv.domains().destroy(guest); return null; });
      outcome(() -> { hv.domains().undefine(guest); return null; });
      outcome(() -> { hv.networks().destroy(fnet); return null; });
      outcome(() -> { hv.nwfilters().undefine(guard); return null; });
      outcome(() -> { hv.nwfilters().deleteBinding(dev); return null; });
      outcome(() -> { hv.networks().destroy(net); return null; });
      outcome(() -> { hv.networks().undefine(net); return null; });
      outcome(() -> { hv.storageVolumes().delete(pool, "v.img"); return null; });
      outcome(() -> { hv.storagePools().destroy(pool); return null; });
      outcome(() -> { hv.storagePools().delete(pool); return null; });
      outcome(() -> { hv.storagePools().undefine(pool); return null; });
      outcome(() -> { hv.nwfilters().undefine(filter); return null; });
    }
    return out;
  }

  @Test void theFakeFailsLikeLibvirtToTheErrorDomain() {
    Oracles.require(URI != null, "KVM_SDK_LIBVIRT_URI is not set: start a private libvirtd with `bash scripts/oracles.sh start`");
    String prefix = "kvmsdk-ct-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> real;
    try (Kvm kvm = Kvm.connect(URI)) {
      real = scenario(kvm.hypervisor(), prefix);
    }
    try (Kvm kvm = Kvm.using(FakeHypervisor.create("objects"))) {
      assertThat(String.join("\n", scenario(kvm.hypervisor(), prefix))).isEqualTo(String.join("\n", real));
    }
  }
}
