package io.kvmsdk.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.network.fake.OvsVsctl;
import io.kvmsdk.network.ovs.OvsDb;
import io.kvmsdk.network.ovs.OvsMirror;
import io.kvmsdk.network.ovs.OvsSflow;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.FakeHostSnapshot;
import org.junit.jupiter.api.Test;

/** Open vSwitch bridge plans on the fake host (ovs-vsctl from this module's fake package, found on the class path). */
class OvsPlansFakeTest {
  private static final OvsDb DB = OvsDb.of("unix:/tmp/fake-ovs/db.sock");
  private final FakeHost host = FakeHost.create("hv1").withPhysicalLink("eth1").withPhysicalLink("eth2").withPhysicalLink("eth3").withPhysicalLink("tap0");

  private String vsctl(String... args) { return host.run(DB.vsctl(args)).stdout().strip(); }

  /** An OVS bridge with every feature the plan handles: access, trunk and internal ports, a LACP bond, a mirror, sFlow, an address. */
  static BridgeSpec everyFeature() {
    return BridgeSpec.ovs("ovsbr0").datapathType("netdev").mtu(9000).stp(true).stpPriority(4096).failMode("standalone")
        .addPort("tap0", 100)
        .addPort(BridgePort.builder().name("eth1").addTrunk(10).addTrunk(20).nativeVlan(10).build())
        .addPort(BridgePort.builder().name("mgmt0").internal(true).tag(100).build())
        .addBond(BondSpec.ovs("bond0").mode("balance-tcp").lacp("active").lacpRate("fast").addMembers("eth2", "eth3").build())
        .addMirror(OvsMirror.of("ids", "tap0", "mgmt0"))
        .sflow(OvsSflow.of("mgmt0", "127.0.0.1:6343", 10))
        .addAddress("198.51.100.5/24")
        .build();
  }

  @Test
  void accessTrunkBondMirrorAndSflowConvergeAndReapplyInTwoReads() {
    BridgeSpec br = everyFeature();
    PlanResult first = br.plan(DB).apply(host);
    assertThat(first.changed()).isTrue();
    assertThat(host.commandLines()).allMatch(c -> !c.startsWith("ovs-vsctl") || c.startsWith("ovs-vsctl --db=unix:/tmp/fake-ovs/db.sock --timeout=10"));

    assertThat(vsctl("get", "Port", "tap0", "tag")).isEqualTo("100");
    assertThat(vsctl("get", "Port", "eth1", "trunks")).isEqualTo("[10, 20]");
    assertThat(vsctl("get", "Port", "eth1", "vlan_mode")).isEqualTo("native-untagged");
    assertThat(vsctl("get", "Port", "bond0", "bond_mode")).isEqualTo("balance-tcp");
    assertThat(vsctl("get", "Port", "bond0", "other_config:lacp-time")).isEqualTo("fast");
    assertThat(vsctl("get", "Interface", "eth2", "mtu_request")).isEqualTo("9000");
    assertThat(vsctl("get", "Bridge", "ovsbr0", "stp_enable")).isEqualTo("true");
    assertThat(vsctl("get", "Bridge", "ovsbr0", "fail_mode")).isEqualTo("standalone");
    assertThat(vsctl("get", "sFlow", "ovsbr0", "sampling")).isEqualTo("10");
    assertThat(vsctl("list-ports", "ovsbr0")).isEqualTo("bond0\neth1\nmgmt0\ntap0");
    assertThat(host.link("ovsbr0").mtu()).isEqualTo(9000);
    assertThat(host.link("ovsbr0").up()).isTrue();
    assertThat(host.link("ovsbr0").addresses()).containsExactly("198.51.100.5/24");
    assertThat(host.link("mgmt0").type()).isEqualTo("tun");

    FakeHostSnapshot before = host.snapshot();
    host.clearCommands();
    PlanResult again = br.plan(DB).apply(host);
    assertThat(again.changed()).isFalse();
    assertThat(host.commands()).hasSizeLessThanOrEqualTo(3);
    assertThat(host.commandLines()).hasSize(2).anyMatch(c -> c.contains("--format=json")).contains("ip -j -d addr show");
    host.assertUnchangedSince(before);

    // drop the mirror and the sFlow: the plan converges to the spec, not just adds
    BridgeSpec fewer = br.copy(b -> b.mirrors(java.util.List.of()).sflow(java.util.Optional.empty()));
    assertThat(fewer.plan(DB).apply(host).changed()).isTrue();
    assertThat(vsctl("get", "Bridge", "ovsbr0", "mirrors")).isEqualTo("[]");
    assertThat(vsctl("get", "Bridge", "ovsbr0", "sflow")).isEqualTo("[]");

    assertThat(br.removalPlan(DB).apply(host).changed()).isTrue();
    assertThat(vsctl("list-br")).isEmpty();
    assertThat(host.hasLink("ovsbr0")).isFalse();
    assertThat(host.hasLink("mgmt0")).isFalse();
    assertThat(br.removalPlan(DB).apply(host).changed()).isFalse();
  }

  @Test
  void aFiftyVlanOvsBridgeReappliesInAtMostThreeProcesses() {
    BridgeSpec.Builder b = BridgeSpec.ovs("br-vl").datapathType("netdev");
    for (int v = 1; v <= 50; v++) b.addPort("vm" + v, 100 + v);
    int[] trunks = new int[50];
    for (int i = 0; i < 50; i++) trunks[i] = 101 + i;
    b.addTrunk("eth1", trunks);
    BridgeSpec br = b.build();
    for (int v = 1; v <= 50; v++) host.run(HostCommand.of("ip", "link", "add", "vm" + v, "type", "veth", "peer", "name", "vm" + v + "p"));
    br.plan(DB).apply(host);
    host.clearCommands();
    assertThat(br.plan(DB).apply(host).changed()).isFalse();
    assertThat(host.commands()).hasSizeLessThanOrEqualTo(3);
    assertThat(br.libvirtNetwork("ovs-vl").portgroups()).hasSize(51);
  }

  @Test
  void withoutTheKernelModuleASystemBridgeFailsThePlanThoughAddBrExitsZero() {
    host.withState(OvsVsctl.OVSDB, db -> db.kernelDatapath(false));
    var r = host.run(DB.vsctl("add-br", "sysbr"));
    assertThat(r.exitCode()).isZero();
    assertThat(r.stderr()).contains("Error detected while setting up 'sysbr'");
    host.run(DB.vsctl("del-br", "sysbr"));

    BridgeSpec br = BridgeSpec.ovs("sysbr").addPort("eth1").build();
    PlanFailedException e = catchThrowableOfType(PlanFailedException.class, () -> br.plan(DB).apply(host));
    assertThat(e.failedStep().description()).startsWith("wait until ovs-vswitchd has set up bridge sysbr");
    assertThat(e.rolledBack()).extracting(PlanFailedException.StepRef::description).containsExactly("create OVS bridge sysbr");
    assertThat(vsctl("list-br")).isEmpty();

    assertThat(br.copy(b -> b.datapathType("netdev")).plan(DB).apply(host).changed()).isTrue();
  }

  @Test
  void theOvsdbSurvivesAReboot() {
    BridgeSpec br = BridgeSpec.ovs("br1").datapathType("netdev").addPort("eth1", 5).build();
    br.plan(DB).apply(host);
    host.reboot();
    assertThat(vsctl("get", "Port", "eth1", "tag")).isEqualTo("5");
  }
}
