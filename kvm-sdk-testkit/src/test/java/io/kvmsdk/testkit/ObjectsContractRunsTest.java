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
    try {
      out.add("define network: " + outcome(() -> hv.defineNetwork(netXml)));
      out.add("define it again: " + outcome(() -> hv.defineNetwork(netXml)));
      out.add("destroy inactive: " + outcome(() -> { hv.destroyNetwork(net); return null; }));
      out.add("start: " + outcome(() -> { hv.startNetwork(net); return null; }));
      out.add("start again: " + outcome(() -> { hv.startNetwork(net); return null; }));
      String uuid = hv.lookupNetwork(net).orElseThrow().uuid();
      out.add("create active: " + outcome(() -> hv.createNetwork(netXml.replace("</name>", "</name><uuid>" + uuid + "</uuid>"))));
      out.add("undefine active: " + outcome(() -> { hv.undefineNetwork(net); return null; }) + " persistent " + hv.isNetworkPersistent(net));
      out.add("autostart transient: " + outcome(() -> { hv.setNetworkAutostart(net, true); return null; }));
      out.add("undefine transient: " + outcome(() -> { hv.undefineNetwork(net); return null; }));
      out.add("destroy transient: " + outcome(() -> { hv.destroyNetwork(net); return null; }) + " found " + hv.lookupNetwork(net).isPresent());
      out.add("destroy gone: " + outcome(() -> { hv.destroyNetwork(net); return null; }));

      out.add("start missing pool: " + outcome(() -> { hv.startStoragePool(pool); return null; }));
      out.add("define pool: " + outcome(() -> hv.defineStoragePool(poolXml)));
      out.add("define it again: " + outcome(() -> hv.defineStoragePool(poolXml)));
      out.add("start unbuilt: " + outcome(() -> { hv.startStoragePool(pool); return null; }));
      out.add("volume in inactive pool: " + outcome(() -> hv.createStorageVolume(pool, vol)));
      out.add("build: " + outcome(() -> { hv.buildStoragePool(pool); return null; }));
      out.add("start: " + outcome(() -> { hv.startStoragePool(pool); return null; }));
      out.add("start again: " + outcome(() -> { hv.startStoragePool(pool); return null; }));
      out.add("undefine active: " + outcome(() -> { hv.undefineStoragePool(pool); return null; }));
      out.add("create volume: " + outcome(() -> hv.createStorageVolume(pool, vol)));
      out.add("create it again: " + outcome(() -> hv.createStorageVolume(pool, vol)));
      out.add("missing volume XML: " + outcome(() -> hv.storageVolumeXml(pool, "nope.img")));
      out.add("delete missing volume: " + outcome(() -> { hv.deleteStorageVolume(pool, "nope.img"); return null; }));
      out.add("destroy: " + outcome(() -> { hv.destroyStoragePool(pool); return null; }));
      out.add("volumes of inactive pool: " + outcome(() -> hv.listStorageVolumes(pool)));
      out.add("delete non-empty: " + outcome(() -> { hv.deleteStoragePool(pool); return null; }));
      out.add("start: " + outcome(() -> { hv.startStoragePool(pool); return null; }) + " volumes " + hv.listStorageVolumes(pool));
      out.add("delete volume: " + outcome(() -> { hv.deleteStorageVolume(pool, "v.img"); return null; }));
      out.add("destroy: " + outcome(() -> { hv.destroyStoragePool(pool); return null; }));
      out.add("delete: " + outcome(() -> { hv.deleteStoragePool(pool); return null; }));
      out.add("delete again: " + outcome(() -> { hv.deleteStoragePool(pool); return null; }));
      out.add("undefine: " + outcome(() -> { hv.undefineStoragePool(pool); return null; }));

      out.add("define filter: " + outcome(() -> hv.defineNwfilter(filterXml)));
      out.add("define it again: " + outcome(() -> hv.defineNwfilter(filterXml)));
      out.add("bad chain: " + outcome(() -> hv.defineNwfilter(filterXml.replace("'arp'", "'ebtables'"))));
      out.add("XML: arp priority " + io.kvmsdk.core.xml.XmlElement.parse(hv.nwfilterXml(filter)).attr("priority"));
      out.add("undefine: " + outcome(() -> { hv.undefineNwfilter(filter); return null; }));
      out.add("undefine again: " + outcome(() -> { hv.undefineNwfilter(filter); return null; }));
    } finally {
      outcome(() -> { hv.destroyNetwork(net); return null; });
      outcome(() -> { hv.undefineNetwork(net); return null; });
      outcome(() -> { hv.deleteStorageVolume(pool, "v.img"); return null; });
      outcome(() -> { hv.destroyStoragePool(pool); return null; });
      outcome(() -> { hv.deleteStoragePool(pool); return null; });
      outcome(() -> { hv.undefineStoragePool(pool); return null; });
      outcome(() -> { hv.undefineNwfilter(filter); return null; });
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
