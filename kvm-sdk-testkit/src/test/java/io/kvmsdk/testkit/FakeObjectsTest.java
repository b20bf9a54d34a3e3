package io.kvmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.network.Network;
import io.kvmsdk.core.network.NetworkSpec;
import io.kvmsdk.core.nwfilter.NwFilter;
import io.kvmsdk.core.nwfilter.NwFilterSpec;
import io.kvmsdk.core.storage.StoragePool;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.core.storage.StorageVolume;
import io.kvmsdk.core.storage.StorageVolumeSpec;
import io.kvmsdk.core.xml.XmlElement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the contract cases do not show of the fake's networks, pools, volumes and nwfilters: shared host state, faults, stored XML. */
class FakeObjectsTest {
  final FakeCluster cluster = FakeCluster.create();

  static List<String> childNames(String xml) {
    return XmlElement.parse(xml).children().stream().map(XmlElement::name).toList();
  }

  static List<String> networks(Kvm kvm) { return kvm.networks().list().stream().map(Network::name).toList(); }

  static List<String> pools(Kvm kvm) { return kvm.pools().list().stream().map(StoragePool::name).toList(); }

  static NetworkSpec network(String xml) { return NetworkSpec.fromXml(xml); }

  static StoragePoolSpec pool(String xml) { return StoragePoolSpec.fromXml(xml); }

  @Test void connectionsToOneHostShareItsObjectsAndOtherHostsDoNot() {
    Kvm a1 = Kvm.using(cluster.hypervisor("a"));
    Kvm a2 = Kvm.using(cluster.hypervisor("a"));
    Kvm b = Kvm.using(cluster.hypervisor("b"));
    a1.networks().define(network("<network><name>lan</name></network>"));
    a1.nwfilters().define(NwFilterSpec.fromXml("<filter name='web'/>"));
    a1.pools().define(pool("<pool type='dir'><name>images</name><target><path>/var/lib/libvirt/images</path></target></pool>"));
    assertThat(networks(a2)).as("every fake host starts with libvirt's 'default' network").containsExactly("default", "lan");
    assertThat(a2.nwfilters().list()).extracting(NwFilter::name).containsExactly("web");
    assertThat(pools(a2)).containsExactly("images");
    assertThat(networks(b)).containsExactly("default");
    assertThat(pools(b)).isEmpty();
  }

  @Test void libvirtsImagesDirectoryExistsFromTheStart() {
    FakeHypervisor hv = cluster.hypervisor("a");
    Kvm kvm = Kvm.using(hv);
    StoragePool images = kvm.pools().define(pool("<pool type='dir'><name>default</name><target><path>/var/lib/libvirt/images/</path></target></pool>"))
        .start();
    String xml = hv.storagePools().xml("default", false);
    assertThat(childNames(xml)).containsExactly("name", "uuid", "capacity", "allocation", "available", "source", "target");
    assertThat(xml).as("the target path without its trailing slash").contains("<path>/var/lib/libvirt/images</path>");
    StorageVolume vol = images.volumes().create(StorageVolumeSpec.fromXml(
        "<volume><name>a.qcow2</name><capacity unit='G'>2</capacity><target><format type='qcow2'/></target></volume>"));
    String volXml = vol.spec().toXml();
    assertThat(childNames(volXml)).containsExactly("name", "key", "capacity", "allocation", "physical", "target");
    assertThat(volXml).contains("<key>/var/lib/libvirt/images/a.qcow2</key>", "<capacity unit='bytes'>2147483648</capacity>", "<format type='qcow2'/>");
    assertThat(vol.path()).isEqualTo("/var/lib/libvirt/images/a.qcow2");
    assertThat(images.liveSpec().toXml()).as("the pool counts what its volumes take").contains("<allocation unit='bytes'>200704</allocation>");
  }

  @Test void aNatNetworkIsStoredInLibvirtsOrderWithItsDefaults() {
    Kvm kvm = Kvm.using(cluster.hypervisor("a"));
    Network nat = kvm.networks().define(network(
        "<network><name>nat</name><forward mode='nat'/><ip address='192.168.100.1' netmask='255.255.255.0'/></network>"));
    Network other = kvm.networks().define(network("<network><name>other</name></network>"));
    String xml = nat.spec().toXml();
    assertThat(childNames(xml)).containsExactly("name", "uuid", "forward", "bridge", "mac", "ip");
    assertThat(xml).as("virbr0 belongs to the 'default' network").contains("<bridge name='virbr1' stp='on' delay='0'/>");
    assertThat(other.spec().toXml()).as("the next free virbrN").contains("<bridge name='virbr2' stp='on' delay='0'/>");
    Network host = kvm.networks().define(network("<network><name>host</name><forward mode='bridge'/><bridge name='br0'/></network>"));
    assertThat(childNames(host.spec().toXml())).as("a host bridge gets no MAC").containsExactly("name", "uuid", "forward", "bridge");
    nat.start();
    assertThat(nat.liveSpec().toXml()).as("libvirt's NAT port range, live only").contains("<port start='1024' end='65535'/>");
    assertThat(nat.spec().toXml()).doesNotContain("<port ");
  }

  @Test void theBuiltInDefaultNetworkHoldsItsSubnetAsOnAHostWithLibvirtsDefaultRunning() {
    Kvm kvm = Kvm.using(cluster.hypervisor("a"));
    Network mine = kvm.networks().define(network("<network><name>mine</name><ip address='192.168.122.50' prefix='24'/></network>"));
    assertThatThrownBy(mine::start).isInstanceOfSatisfying(LibvirtException.class, e -> {
      assertThat(e.libvirtMessage()).isEqualTo("internal error: Network is already in use by interface virbr0");
      assertThat(e.errorDomain()).isEqualTo("VIR_FROM_NONE");
    });
    kvm.networks().get("default").destroy();
    mine.start();
    assertThat(mine.isActive()).isTrue();
    assertThatThrownBy(kvm.networks().get("default")::start).isInstanceOfSatisfying(LibvirtException.class,
        e -> assertThat(e.libvirtMessage()).isEqualTo("internal error: Network is already in use by interface virbr1"));
  }

  @Test void faultsAndCrashesReachObjectCalls() {
    FakeHypervisor hv = cluster.hypervisor("a");
    Kvm kvm = Kvm.using(hv);
    Network lan = kvm.networks().define(network("<network><name>lan</name></network>"));
    hv.inject(FaultRule.of(Fault.LIBVIRT_ERROR, FaultMatcher.operation("startNetwork", "lan")).message("injected").once());
    assertThatThrownBy(lan::start).isInstanceOfSatisfying(LibvirtException.class, e -> assertThat(e.libvirtMessage()).isEqualTo("injected"));
    lan.start();
    assertThat(lan.isActive()).isTrue();
    hv.crash();
    assertThatThrownBy(() -> kvm.pools().list()).isInstanceOfSatisfying(KvmException.class, e -> assertThat(e.retryable()).isTrue());
    hv.reboot();
    assertThat(networks(kvm)).as("the host answers again").containsExactly("default", "lan");
  }

  @Test void aLostReplyToANetworkDefineLeavesTheNetworkDefined() {
    FakeHypervisor hv = cluster.hypervisor("a");
    Kvm kvm = Kvm.using(hv);
    hv.inject(FaultRule.of(Fault.REPLY_LOST, FaultMatcher.operation("defineNetwork", "lan")).once());
    assertThatThrownBy(() -> kvm.networks().define(network("<network><name>lan</name></network>")))
        .isInstanceOfSatisfying(KvmException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(kvm.networks().find("lan")).as("the define happened; only its reply was lost").isPresent();
  }

  @Test void aCrashStopsNetworksAndPoolsAndTheRebootStartsTheAutostartOnes() {
    FakeHypervisor hv = cluster.hypervisor("a");
    Kvm kvm = Kvm.using(hv);
    Network lan = kvm.networks().define(network("<network><name>lan</name></network>"));
    Network dmz = kvm.networks().define(network("<network><name>dmz</name></network>"));
    kvm.networks().create(network("<network><name>tmp</name></network>"));
    lan.setAutostart(true).start();
    dmz.start();
    StoragePool images = kvm.pools().define(pool("<pool type='dir'><name>images</name><target><path>/var/lib/libvirt/images</path></target></pool>"));
    images.setAutostart(true).start();
    images.volumes().create(StorageVolumeSpec.fromXml("<volume><name>a.img</name><capacity>1024</capacity></volume>"));
    hv.crash();
    hv.reboot();
    assertThat(networks(kvm)).as("the transient network is gone").containsExactly("default", "lan", "dmz");
    assertThat(lan.isActive()).as("autostart").isTrue();
    assertThat(dmz.isActive()).isFalse();
    assertThat(images.isActive()).as("autostart").isTrue();
    assertThat(images.volumes().list()).extracting(StorageVolume::name).as("volumes outlive the crash").containsExactly("a.img");
  }
}
