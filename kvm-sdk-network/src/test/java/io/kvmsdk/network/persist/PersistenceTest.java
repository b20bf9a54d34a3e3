package io.kvmsdk.network.persist;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.LocalCommandRunner;
import io.kvmsdk.network.BondSpec;
import io.kvmsdk.network.BridgePort;
import io.kvmsdk.network.BridgeSpec;
import io.kvmsdk.network.HostNetwork;
import io.kvmsdk.network.VlanSpec;
import io.kvmsdk.network.VxlanSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The specs the plans apply, rendered as the configuration a host reads at boot. */
class PersistenceTest {
  static final HostNetwork HV1 = HostNetwork.builder()
      .addBond(BondSpec.linux("bond0").mode("802.3ad").lacpRate("fast").xmitHashPolicy("layer3+4").miimon(100).updelay(200)
          .addMembers("eth0", "eth1").mtu(9000).build())
      .addVlan(VlanSpec.of("bond0", 100))
      .addVlan(VlanSpec.of("bond0", 200).copy(b -> b.addAddress("198.51.100.11/24")))
      .addVxlan(VxlanSpec.builder().name("vx500").vni(500).local("198.51.100.11").remote("198.51.100.12").dev("bond0.200").learning(false).build())
      .addBridge(BridgeSpec.linux("br100").addPort("bond0.100").addPort(BridgePort.guarded("vnet7")).mtu(9000).stp(true).forwardDelay(4).build())
      .addBridge(BridgeSpec.linux("br-tr").addTrunk("vx500", 10, 20).addPort("tap1", 10).build())
      .addBridge(BridgeSpec.ovs("ovsbr0").datapathType("netdev").addPort("eth2").build())
      .build();

  @Test
  void networkdFilesSayWhatThePlanDoes() {
    var files = HV1.networkd().files();
    assertThat(files.keySet()).containsExactly("10-bond0.100.netdev", "10-bond0.200.netdev", "10-bond0.netdev", "10-br-tr.netdev", "10-br100.netdev",
        "10-vx500.netdev", "20-bond0.100.network", "20-bond0.200.network", "20-bond0.network", "20-br-tr.network", "20-br100.network",
        "20-eth0.network", "20-eth1.network", "20-tap1.network", "20-vnet7.network", "20-vx500.network");
    assertThat(files.get("10-bond0.netdev")).isEqualTo("[NetDev]\nName=bond0\nKind=bond\nMTUBytes=9000\n\n[Bond]\nMode=802.3ad\n"
        + "LACPTransmitRate=fast\nTransmitHashPolicy=layer3+4\nMIIMonitorSec=100ms\nUpDelaySec=200ms\n");
    assertThat(files.get("20-eth0.network")).isEqualTo("[Match]\nName=eth0\n\n[Network]\nBond=bond0\n");
    assertThat(files.get("20-bond0.network")).isEqualTo("[Match]\nName=bond0\n\n[Link]\nMTUBytes=9000\n\n[Network]\nVLAN=bond0.100\nVLAN=bond0.200\n");
    assertThat(files.get("10-bond0.100.netdev")).isEqualTo("[NetDev]\nName=bond0.100\nKind=vlan\n\n[VLAN]\nId=100\n");
    assertThat(files.get("20-bond0.200.network")).contains("Address=198.51.100.11/24").contains("VXLAN=vx500");
    assertThat(files.get("10-vx500.netdev")).isEqualTo("[NetDev]\nName=vx500\nKind=vxlan\n\n[VXLAN]\nVNI=500\nLocal=198.51.100.11\n"
        + "Remote=198.51.100.12\nDestinationPort=4789\nMacLearning=no\n");
    assertThat(files.get("10-br100.netdev")).isEqualTo("[NetDev]\nName=br100\nKind=bridge\nMTUBytes=9000\n\n[Bridge]\nSTP=yes\nForwardDelaySec=4\n");
    assertThat(files.get("20-vnet7.network")).isEqualTo("[Match]\nName=vnet7\n\n[Link]\nMTUBytes=9000\n\n[Network]\nBridge=br100\n\n[Bridge]\nUseBPDU=no\n");
    assertThat(files.get("10-br-tr.netdev")).contains("VLANFiltering=yes").contains("DefaultPVID=none");
    assertThat(files.get("20-vx500.network")).isEqualTo("[Match]\nName=vx500\n\n[Network]\nBridge=br-tr\n\n[BridgeVLAN]\nVLAN=10\nVLAN=20\n");
    assertThat(files.get("20-tap1.network")).contains("[BridgeVLAN]\nPVID=10\nEgressUntagged=10\n");
    assertThat(String.join("", files.values())).as("OVS is persisted by OVSDB, not networkd").doesNotContain("ovsbr0");
  }

  @Test
  void ifupdown2SaysTheSame() {
    String text = HV1.ifupdown2();
    assertThat(text).contains("auto bond0\niface bond0\n    bond-slaves eth0 eth1\n    bond-mode 802.3ad\n    bond-lacp-rate fast\n"
        + "    bond-xmit-hash-policy layer3+4\n    bond-miimon 100\n    bond-updelay 200\n    mtu 9000\n");
    assertThat(text).contains("auto bond0.200\niface bond0.200\n    vlan-raw-device bond0\n    vlan-id 200\n    address 198.51.100.11/24\n");
    assertThat(text).contains("iface vx500\n    vxlan-id 500\n    vxlan-local-tunnelip 198.51.100.11\n    vxlan-remoteip 198.51.100.12\n"
        + "    vxlan-physdev bond0.200\n    vxlan-port 4789\n    vxlan-learning no\n    bridge-vids 10 20\n");
    assertThat(text).contains("iface br100\n    bridge-ports bond0.100 vnet7\n    bridge-stp on\n    bridge-fd 4\n    mtu 9000\n");
    assertThat(text).contains("iface br-tr\n    bridge-ports vx500 tap1\n    bridge-stp off\n    bridge-vlan-aware yes\n");
    assertThat(text).contains("iface tap1\n    bridge-access 10\n");
    assertThat(text).doesNotContain("ovsbr0");
  }

  @Test
  void thePlanWritesTheFilesOnceAndThenChangesNothing(@TempDir Path dir) throws Exception {
    LocalCommandRunner local = LocalCommandRunner.create();
    var plan = HV1.networkd().plan(dir.toString());
    assertThat(plan.apply(local).changed()).isTrue();
    assertThat(Files.readString(dir.resolve("10-bond0.netdev"))).isEqualTo(HV1.networkd().files().get("10-bond0.netdev"));
    assertThat(local.run(HostCommand.of("stat", "-c", "%a", dir.resolve("20-eth0.network").toString())).stdout().strip()).isEqualTo("644");
    assertThat(plan.apply(local).changed()).isFalse();
    Files.writeString(dir.resolve("20-eth0.network"), "edited by hand\n");
    assertThat(plan.apply(local).steps(io.kvmsdk.core.host.StepStatus.APPLIED)).hasSize(1);
  }
}
