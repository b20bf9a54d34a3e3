package io.kvmsdk.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.network.ovs.OvsDb;
import io.kvmsdk.network.ovs.OvsMirror;
import io.kvmsdk.network.ovs.OvsSflow;
import io.kvmsdk.testkit.FakeHost;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input is refused when the spec is built, naming the field, and nothing reaches a shell. */
class BadInputTest {
  private static InvalidSpecException refused(Runnable build) {
    InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, build::run);
    assertThat(e).as("refused at build time").isNotNull();
    return e;
  }

  @ParameterizedTest
  @ValueSource(strings = {"a-name-of-16-byt", "br/0", "br 0", "br0;reboot", "$(reboot)", "br`id`", "br0|x", "br0&", "br>0", "br\n0", "", "-br", "..", "ab:c", "brü0123456789ab"})
  void interfaceNamesThatAreNotNamesAreRefused(String name) {
    FakeHost host = FakeHost.create("bad");
    InvalidSpecException e = refused(() -> BridgeSpec.linux(name).build().plan().apply(host));
    assertThat(e.field()).isEqualTo("bridge/@name");
    InvalidSpecException port = refused(() -> BridgeSpec.linux("br0").addPort(name).build());
    assertThat(port.field()).isEqualTo("port[" + name + "]/@name");
    assertThat(e.getMessage()).doesNotContain("\n");
    assertThat(host.commands()).as("nothing reached the host").isEmpty();
  }

  @Test
  void fifteenBytesIsTheLimit() {
    assertThat(BridgeSpec.linux("a-name-of-15-by").build().name()).hasSize(15);
    assertThat(refused(() -> VlanSpec.of("enp129s0f1np1", 4000)).field()).isEqualTo("vlan[enp129s0f1np1.4000]/@name");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 67, 65536, -1})
  void mtusOutside68To65535AreRefused(int mtu) {
    assertThat(refused(() -> BridgeSpec.linux("br0").mtu(mtu).build()).field()).isEqualTo("bridge[br0]/@mtu");
    assertThat(refused(() -> BridgePort.builder().name("eth0").mtu(mtu).build()).field()).isEqualTo("port[eth0]/@mtu");
    assertThat(refused(() -> BondSpec.linux("bond0").addMembers("a", "b").mtu(mtu).build()).field()).isEqualTo("bond[bond0]/@mtu");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4095, 4096, -5})
  void vlansOutside1To4094AreRefused(int vlan) {
    assertThat(refused(() -> BridgeSpec.ovs("br0").addPort("eth0", vlan).build()).field()).isEqualTo("port[eth0]/@tag");
    assertThat(refused(() -> BridgeSpec.ovs("br0").addTrunk("eth0", 10, vlan).build()).field()).isEqualTo("port[eth0]/trunks");
    assertThat(refused(() -> VlanSpec.of("eth0", vlan)).field()).isEqualTo("vlan[eth0." + vlan + "]/@id");
    assertThat(refused(() -> BridgeSpec.ovs("br0").addPort("eth0", 10).build().nic("n", vlan)).field()).isEqualTo("nic/vlan/tag/@id");
  }

  @Test
  void aPortInTwoBridgesIsRefused() {
    InvalidSpecException e = refused(() -> HostNetwork.builder()
        .addBridge(BridgeSpec.linux("br0").addPort("eth1").build())
        .addBridge(BridgeSpec.linux("br1").addPort("eth2").addPort("eth1").build())
        .build());
    assertThat(e.field()).isEqualTo("bridge[br1]/port[eth1]");
    assertThat(e.rule()).contains("already used by bridge[br0]");
    assertThat(refused(() -> HostNetwork.builder()
        .addBond(BondSpec.linux("bond0").addMembers("eth0", "eth1").build())
        .addBridge(BridgeSpec.linux("br0").addPort("eth1").build()).build()).field()).isEqualTo("bridge[br0]/port[eth1]");
    assertThat(refused(() -> BridgeSpec.linux("br0").addPort("eth1").addPort("eth1", 5).build()).field()).isEqualTo("bridge[br0]/port[eth1]");
    assertThat(refused(() -> HostNetwork.builder().addBridge(BridgeSpec.linux("x0").build()).addVlan(VlanSpec.builder().parent("eth0").id(5).name("x0").build()).build())
        .rule()).contains("already taken by vlan[x0]");
  }

  @Test
  void aBondWithOneMemberWhereTheModeNeedsTwoIsRefused() {
    for (String mode : List.of("active-backup", "balance-alb", "balance-tlb", "balance-xor", "balance-rr", "broadcast")) {
      InvalidSpecException e = refused(() -> BondSpec.linux("bond0").mode(mode).addMember("eth0").build());
      assertThat(e.field()).isEqualTo("bond[bond0]/members");
      assertThat(e.rule()).contains("mode " + mode + " needs at least two members");
    }
    assertThat(BondSpec.linux("bond0").mode("802.3ad").addMember("eth0").build().members()).containsExactly("eth0");
    assertThat(refused(() -> BondSpec.ovs("bond0").mode("balance-slb").addMember("eth0").build()).rule()).contains("(Open vSwitch) needs at least two");
  }

  @Test
  void bondSettingsOutsideTheirModeAreRefused() {
    assertThat(refused(() -> BondSpec.linux("b").mode("active-backup").lacpRate("fast").addMembers("a", "c").build()).field()).isEqualTo("bond[b]/@lacp_rate");
    assertThat(refused(() -> BondSpec.linux("b").mode("802.3ad").xmitHashPolicy("layer9").addMembers("a", "c").build()).field()).isEqualTo("bond[b]/@xmit_hash_policy");
    assertThat(refused(() -> BondSpec.linux("b").miimon(100).updelay(150).addMembers("a", "c").build()).rule()).contains("multiple of miimon");
    assertThat(refused(() -> BondSpec.linux("b").updelay(200).addMembers("a", "c").build()).rule()).contains("needs miimon");
    assertThat(refused(() -> BondSpec.ovs("b").mode("balance-tcp").addMembers("a", "c").build()).field()).isEqualTo("bond[b]/@lacp");
    assertThat(refused(() -> BondSpec.linux("b").mode("balance-slb").addMembers("a", "c").build()).field()).isEqualTo("bond[b]/@mode");
    assertThat(refused(() -> BondSpec.linux("b").primary("z").addMembers("a", "c").build()).field()).isEqualTo("bond[b]/@primary");
  }

  @Test
  void settingsTheBridgeKindDoesNotHaveAreRefused() {
    assertThat(refused(() -> BridgeSpec.linux("br0").failMode("secure").build()).field()).isEqualTo("bridge[br0]/fail_mode");
    assertThat(refused(() -> BridgeSpec.linux("br0").addPort(BridgePort.builder().name("vnet0").bpduFilter(true).build()).build()).field())
        .isEqualTo("bridge[br0]/port[vnet0]/@bpdu_filter");
    assertThat(refused(() -> BridgeSpec.ovs("br0").addPort(BridgePort.guarded("vnet0")).build()).field()).isEqualTo("bridge[br0]/port[vnet0]/@bpdu_guard");
    assertThat(refused(() -> BridgeSpec.ovs("br0").datapathType("dpdk").build()).field()).isEqualTo("bridge[br0]/@datapath_type");
    assertThat(refused(() -> BridgeSpec.ovs("br0").addController("tcp:1.2.3.4:6653;reboot").build()).field()).isEqualTo("bridge[br0]/controller");
    assertThat(refused(() -> BridgeSpec.linux("br0").forwardDelay(1).stp(true).build()).field()).isEqualTo("bridge[br0]/stp/@forward_delay");
    assertThat(refused(() -> BridgeSpec.linux("br0").helloTime(2).build()).rule()).contains("need stp(true)");
    assertThat(refused(() -> BridgeSpec.linux("br0").addAddress("198.51.100.1").build()).field()).isEqualTo("bridge[br0]/address");
    assertThat(refused(() -> BridgeSpec.linux("br0").addAddress("example.com/24").build()).field()).isEqualTo("bridge[br0]/address");
    assertThat(refused(() -> BridgeSpec.ovs("br0").addPort("a").addMirror(OvsMirror.of("m", "a", "b")).build()).rule()).contains("not a port of this bridge");
    assertThat(refused(() -> OvsSflow.of("br0", "127.0.0.1", 10)).field()).isEqualTo("sflow/targets");
    assertThat(refused(() -> OvsDb.of("unix:/tmp/db.sock; rm -rf /")).field()).isEqualTo("ovsdb/@remote");
    assertThat(refused(() -> VxlanSpec.builder().name("vx").vni(1 << 24).build()).field()).isEqualTo("vxlan[vx]/@vni");
    assertThat(refused(() -> VxlanSpec.builder().name("vx").vni(5).remote("198.51.100.2").group("239.1.1.1").dev("eth0").build()).field()).isEqualTo("vxlan[vx]/@group");
    assertThat(refused(() -> VxlanSpec.builder().name("vx").vni(5).group("198.51.100.2").dev("eth0").build()).rule()).contains("multicast");
    assertThat(refused(() -> BridgeSpec.linux("br0").addPort("eth0").build().nic("lan", 10)).field()).isEqualTo("nic/vlan");
  }
}
