package io.kvmsdk.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.network.NetworkSpec;
import io.kvmsdk.core.testing.RelaxNg;
import io.kvmsdk.testkit.contract.ContractCases;
import org.junit.jupiter.api.Test;

/** What a bridge gives libvirt: its network (schema-valid, round-trips) and the guest NICs that pick a portgroup or a tag. */
class LibvirtSideTest {
  private static final BridgeSpec OVS = BridgeSpec.ovs("ovsbr0").datapathType("netdev")
      .addTrunk("bond0", 100, 200, 300).addPort("vnet0", 100).build();

  @Test
  void anOvsBridgeYieldsVirtualportAndAPortgroupPerVlan() {
    NetworkSpec net = OVS.libvirtNetwork("prod");
    assertThat(net.toXml()).isEqualTo("<network>\n  <name>prod</name>\n  <forward mode='bridge'/>\n  <bridge name='ovsbr0'/>\n"
        + "  <virtualport type='openvswitch'/>\n"
        + "  <portgroup name='vlan100'>\n    <vlan>\n      <tag id='100'/>\n    </vlan>\n  </portgroup>\n"
        + "  <portgroup name='vlan200'>\n    <vlan>\n      <tag id='200'/>\n    </vlan>\n  </portgroup>\n"
        + "  <portgroup name='vlan300'>\n    <vlan>\n      <tag id='300'/>\n    </vlan>\n  </portgroup>\n"
        + "  <portgroup name='trunk'>\n    <vlan trunk='yes'>\n      <tag id='100'/>\n      <tag id='200'/>\n      <tag id='300'/>\n    </vlan>\n  </portgroup>\n"
        + "</network>\n");
    assertThat(RelaxNg.of("network").errors(net.toXml())).isNull();
    assertThat(NetworkSpec.fromXml(net.toXml())).isEqualTo(net);
    net.validate();
  }

  @Test
  void aLinuxBridgeYieldsAForwardBridgeNetwork() {
    NetworkSpec net = BridgeSpec.linux("br0").addPort("eth0").build().libvirtNetwork("lan");
    assertThat(net.toXml()).isEqualTo("<network>\n  <name>lan</name>\n  <forward mode='bridge'/>\n  <bridge name='br0'/>\n</network>\n");
    assertThat(RelaxNg.of("network").errors(net.toXml())).isNull();
  }

  @Test
  void guestNicsPickAPortgroupOrATag() {
    assertThat(OVS.nic("prod", 200).toString()).isEqualTo("<interface type='network'>\n  <source network='prod' portgroup='vlan200'/>\n"
        + "  <model type='virtio'/>\n</interface>\n");
    assertThat(OVS.directNic(300).toString()).contains("<source bridge='ovsbr0'/>").contains("<virtualport type='openvswitch'/>")
        .contains("<tag id='300'/>");
    assertThat(OVS.copy(b -> b.guestVlans(java.util.List.of(42))).libvirtNetwork("x").portgroups()).extracting(p -> p.name().orElseThrow())
        .containsExactly("vlan42");
    DomainSpec guest = ContractCases.tinyGuest("web").copy(b -> b.addInterface(OVS.nic("prod", 100)).addInterface(OVS.directNic(200)));
    assertThat(RelaxNg.of("domain").errors(guest.toXml())).isNull();
  }

  @Test
  void theNetworkAndAGuestOnItDefineAndStartOnTheFakeHypervisor() {
    try (Kvm kvm = Kvm.connect("fake:///n1-libvirt-side")) {
      kvm.networks().define(OVS.libvirtNetwork("prod")).start();
      Nic nic = OVS.nic("prod", 100);
      var d = kvm.domains().define(ContractCases.tinyGuest("web").copy(b -> b.addInterface(nic))).start();
      assertThat(d.spec().devices().interfaces().get(0).source().flatMap(s -> s.portgroup())).contains("vlan100");
    }
  }
}
