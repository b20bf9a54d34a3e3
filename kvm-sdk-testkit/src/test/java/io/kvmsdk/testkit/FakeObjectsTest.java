package io.kvmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.xml.XmlElement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the contract cases do not show of the fake's networks, pools, volumes and nwfilters: shared host state, faults, stored XML. */
class FakeObjectsTest {
  final FakeCluster cluster = FakeCluster.create();

  static List<String> childNames(String xml) {
    return XmlElement.parse(xml).children().stream().map(XmlElement::name).toList();
  }

  @Test void connectionsToOneHostShareItsObjectsAndOtherHostsDoNot() {
    FakeHypervisor a1 = cluster.hypervisor("a");
    FakeHypervisor a2 = cluster.hypervisor("a");
    FakeHypervisor b = cluster.hypervisor("b");
    a1.defineNetwork("<network><name>lan</name></network>");
    a1.defineNwfilter("<filter name='web'/>");
    a1.defineStoragePool("<pool type='dir'><name>images</name><target><path>/var/lib/libvirt/images</path></target></pool>");
    assertThat(a2.listNetworks()).as("every fake host starts with libvirt's 'default' network").containsExactly("default", "lan");
    assertThat(a2.listNwfilters()).containsExactly("web");
    assertThat(a2.listStoragePools()).containsExactly("images");
    assertThat(b.listNetworks()).containsExactly("default");
    assertThat(b.listStoragePools()).isEmpty();
  }

  @Test void libvirtsImagesDirectoryExistsFromTheStart() {
    FakeHypervisor hv = cluster.hypervisor("a");
    hv.defineStoragePool("<pool type='dir'><name>default</name><target><path>/var/lib/libvirt/images/</path></target></pool>");
    hv.startStoragePool("default");
    String xml = hv.storagePoolXml("default", false);
    assertThat(childNames(xml)).containsExactly("name", "uuid", "capacity", "allocation", "available", "source", "target");
    assertThat(xml).as("the target path without its trailing slash").contains("<path>/var/lib/libvirt/images</path>");
    hv.createStorageVolume("default", "<volume><name>a.qcow2</name><capacity unit='G'>2</capacity><target><format type='qcow2'/></target></volume>");
    String vol = hv.storageVolumeXml("default", "a.qcow2");
    assertThat(childNames(vol)).containsExactly("name", "key", "capacity", "allocation", "physical", "target");
    assertThat(vol).contains("<key>/var/lib/libvirt/images/a.qcow2</key>", "<capacity unit='bytes'>2147483648</capacity>", "<format type='qcow2'/>");
    assertThat(hv.storagePoolXml("default", false)).as("the pool counts what its volumes take")
        .contains("<allocation unit='bytes'>200704</allocation>");
  }

  @Test void aNatNetworkIsStoredInLibvirtsOrderWithItsDefaults() {
    FakeHypervisor hv = cluster.hypervisor("a");
    hv.defineNetwork("<network><name>nat</name><forward mode='nat'/><ip address='192.168.100.1' netmask='255.255.255.0'/></network>");
    hv.defineNetwork("<network><name>other</name></network>");
    String xml = hv.networkXml("nat", false);
    assertThat(childNames(xml)).containsExactly("name", "uuid", "forward", "bridge", "mac", "ip");
    assertThat(xml).as("virbr0 belongs to the 'default' network").contains("<bridge name='virbr1' stp='on' delay='0'/>");
    assertThat(hv.networkXml("other", false)).as("the next free virbrN").contains("<bridge name='virbr2' stp='on' delay='0'/>");
    hv.defineNetwork("<network><name>host</name><forward mode='bridge'/><bridge name='br0'/></network>");
    assertThat(childNames(hv.networkXml("host", false))).as("a host bridge gets no MAC").containsExactly("name", "uuid", "forward", "bridge");
  }

  @Test void faultsAndCrashesReachObjectCalls() {
    FakeHypervisor hv = cluster.hypervisor("a");
    hv.defineNetwork("<network><name>lan</name></network>");
    hv.inject(FaultRule.of(Fault.LIBVIRT_ERROR, FaultMatcher.operation("startNetwork", "lan")).message("injected").once());
    assertThatThrownBy(() -> hv.startNetwork("lan")).isInstanceOfSatisfying(LibvirtException.class,
        e -> assertThat(e.libvirtMessage()).isEqualTo("injected"));
    hv.startNetwork("lan");
    assertThat(hv.isNetworkActive("lan")).isTrue();
    hv.crash();
    assertThatThrownBy(hv::listStoragePools).isInstanceOfSatisfying(KvmException.class, e -> assertThat(e.retryable()).isTrue());
    hv.reboot();
    assertThat(hv.listNetworks()).as("the host answers again").containsExactly("default", "lan");
  }

  @Test void aCrashStopsNetworksAndPoolsAndTheRebootStartsTheAutostartOnes() {
    FakeHypervisor hv = cluster.hypervisor("a");
    hv.defineNetwork("<network><name>lan</name></network>");
    hv.defineNetwork("<network><name>dmz</name></network>");
    hv.createNetwork("<network><name>tmp</name></network>");
    hv.setNetworkAutostart("lan", true);
    hv.startNetwork("lan");
    hv.startNetwork("dmz");
    hv.defineStoragePool("<pool type='dir'><name>images</name><target><path>/var/lib/libvirt/images</path></target></pool>");
    hv.setStoragePoolAutostart("images", true);
    hv.startStoragePool("images");
    hv.createStorageVolume("images", "<volume><name>a.img</name><capacity>1024</capacity></volume>");
    hv.crash();
    hv.reboot();
    assertThat(hv.listNetworks()).as("the transient network is gone").containsExactly("default", "lan", "dmz");
    assertThat(hv.isNetworkActive("lan")).as("autostart").isTrue();
    assertThat(hv.isNetworkActive("dmz")).isFalse();
    assertThat(hv.isStoragePoolActive("images")).as("autostart").isTrue();
    assertThat(hv.listStorageVolumes("images")).as("volumes outlive the crash").containsExactly("a.img");
  }
}
