package io.kvmsdk.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.host.ApplyOptions;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.FakeHostSnapshot;
import io.kvmsdk.testkit.FaultMatcher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Linux-side plans on the fake host, whose {@code ip} and {@code bridge} answer like a kernel
 * with the bonding, 802.1Q and VLAN-filtering drivers (this machine's kernel has none of them).
 */
class LinuxPlansFakeTest {
  private final FakeHost host = FakeHost.create("hv1").withPhysicalLink("eth0").withPhysicalLink("eth1").withPhysicalLink("eth2");

  private Map<String, JsonNode> links() throws Exception {
    Map<String, JsonNode> m = new HashMap<>();
    for (JsonNode l : new ObjectMapper().readTree(host.run(HostCommand.of("ip", "-j", "-d", "addr", "show")).stdout())) m.put(l.get("ifname").asText(), l);
    return m;
  }

  private PlanResult applyCounting(Plan plan, int[] processes) {
    host.clearCommands();
    PlanResult r = plan.apply(host);
    processes[0] = host.commands().size();
    return r;
  }

  @Test
  void aBondedUplinkWithVlansAndJumboBridgesConvergesAndReappliesInOneRead() throws Exception {
    HostNetwork net = HostNetwork.builder()
        .addBond(BondSpec.linux("bond0").mode("802.3ad").lacpRate("fast").xmitHashPolicy("layer3+4").miimon(100).updelay(200)
            .addMembers("eth0", "eth1").mtu(9000).build())
        .addVlan(VlanSpec.of("bond0", 100))
        .addVlan(VlanSpec.of("bond0", 200).copy(b -> b.addAddress("198.51.100.11/24")))
        .addBridge(BridgeSpec.linux("br100").addPort("bond0.100").mtu(9000).stp(true).forwardDelay(4).build())
        .build();
    int[] n = new int[1];
    PlanResult first = applyCounting(net.plan(), n);
    assertThat(first.changed()).isTrue();

    Map<String, JsonNode> l = links();
    assertThat(l.get("bond0").at("/linkinfo/info_data/mode").asText()).isEqualTo("802.3ad");
    assertThat(l.get("bond0").at("/linkinfo/info_data/ad_lacp_rate").asText()).isEqualTo("fast");
    assertThat(l.get("bond0").get("mtu").asInt()).isEqualTo(9000);
    assertThat(l.get("eth0").get("master").asText()).isEqualTo("bond0");
    assertThat(l.get("eth1").get("mtu").asInt()).isEqualTo(9000);
    assertThat(l.get("bond0.100").at("/linkinfo/info_kind").asText()).isEqualTo("vlan");
    assertThat(l.get("bond0.100").get("master").asText()).isEqualTo("br100");
    assertThat(l.get("br100").get("mtu").asInt()).isEqualTo(9000);
    assertThat(l.get("br100").at("/linkinfo/info_data/stp_state").asInt()).isEqualTo(1);
    assertThat(l.get("br100").at("/linkinfo/info_data/forward_delay").asInt()).isEqualTo(400);
    assertThat(l.get("bond0.200").get("addr_info").get(0).get("local").asText()).isEqualTo("198.51.100.11");

    FakeHostSnapshot before = host.snapshot();
    PlanResult again = applyCounting(net.plan(), n);
    assertThat(again.changed()).isFalse();
    assertThat(n[0]).as("a converged host is read once").isEqualTo(1);
    assertThat(host.commandLines()).containsExactly("ip -j -d addr show");
    host.assertUnchangedSince(before);
  }

  @Test
  void aFiftyVlanFilteringBridgeReappliesInTwoProcesses() {
    BridgeSpec.Builder b = BridgeSpec.linux("br0").mtu(9000);
    int[] trunks = new int[50];
    for (int i = 0; i < 50; i++) trunks[i] = 100 + i;
    b.addTrunk("eth2", trunks);
    BridgeSpec br = b.build();
    assertThat(br.vlanFiltering()).isTrue();
    int[] n = new int[1];
    assertThat(applyCounting(br.plan(), n).changed()).isTrue();
    assertThat(host.run(HostCommand.of("bridge", "-j", "vlan", "show", "dev", "eth2")).stdout()).contains("{\"vlan\":149}").doesNotContain("{\"vlan\":1,");

    PlanResult again = applyCounting(br.plan(), n);
    assertThat(again.changed()).isFalse();
    assertThat(n[0]).as("processes of a converged re-apply").isLessThanOrEqualTo(3);
    assertThat(host.commandLines()).containsExactly("ip -j -d addr show", "bridge -j vlan show");
  }

  @Test
  void aFailureRollsBackWhatTheRunMadeAndRemovalLeavesTheNics() throws Exception {
    FakeHostSnapshot clean = host.snapshot();
    BridgeSpec br = BridgeSpec.linux("br0").addPort("eth2").mtu(9000).addAddress("198.51.100.1/24").build();
    host.failNext(FaultMatcher.command("ip", "addr", "replace"), 2, "RTNETLINK answers: No buffer space available");
    PlanFailedException e = catchThrowableOfType(PlanFailedException.class, () -> br.plan().apply(host));
    assertThat(e.failedStep().description()).isEqualTo("address 198.51.100.1/24 on br0");
    assertThat(e.notRolledBack()).extracting(PlanFailedException.StepRef::description)
        .contains("set MTU 9000 on eth2");   // settings of a NIC that was there before have no undo
    assertThat(host.hasLink("br0")).isFalse();
    assertThat(host.link("eth2").master()).isEmpty();

    br.plan().apply(host);
    assertThat(host.ports("br0")).containsExactly("eth2");
    assertThat(br.removalPlan().apply(host).changed()).isTrue();
    assertThat(br.removalPlan().apply(host).changed()).isFalse();
    assertThat(host.hasLink("br0")).isFalse();
    assertThat(host.hasLink("eth2")).isTrue();
    host.run(HostCommand.of("ip", "link", "set", "dev", "eth2", "mtu", "1500"));
    host.assertUnchangedSince(clean);
  }

  @Test
  void theDryRunScriptIsReadableAndSkipsWhatIsDone() {
    BridgeSpec br = BridgeSpec.linux("br0").addPort("eth2").mtu(9000).stp(true).build();
    String script = br.plan().apply(host, ApplyOptions.dryRun()).script().orElseThrow();
    assertThat(script)
        .contains("if ip link show dev br0 >/dev/null 2>&1; then :; else\n  ip link add br0 type bridge\n")
        .contains("ip link set dev br0 type bridge stp_state 1")
        .contains("if test -d /sys/class/net/br0/brif/eth2 >/dev/null 2>&1; then :; else\n  ip link set dev eth2 master br0")
        .contains("if grep -qx 9000 /sys/class/net/eth2/mtu >/dev/null 2>&1; then :; else\n  ip link set dev eth2 mtu 9000")
        .contains("kvmsdk_undo_1() {\n  ip link del dev br0 || return 1\n}");
    assertThat(script.indexOf("mtu 9000\n")).as("ports' MTU after enslaving").isGreaterThan(script.indexOf("master br0"));
    assertThat(host.commands()).isEmpty();
  }

  @Test
  void vxlanAndMacvtapOnTheFake() throws Exception {
    HostNetwork net = HostNetwork.builder()
        .addVxlan(VxlanSpec.builder().name("vx100").vni(100).local("198.18.9.1").remote("198.18.9.2").learning(false).build())
        .addBridge(BridgeSpec.linux("br-ov").addPort("vx100").mtu(1450).build())
        .addMacvtap(MacvtapSpec.of("mvt0", "eth2"))
        .build();
    net.plan().apply(host);
    Map<String, JsonNode> l = links();
    assertThat(l.get("vx100").at("/linkinfo/info_data/id").asInt()).isEqualTo(100);
    assertThat(l.get("vx100").at("/linkinfo/info_data/port").asInt()).isEqualTo(4789);
    assertThat(l.get("vx100").at("/linkinfo/info_data/learning").asBoolean()).isFalse();
    assertThat(l.get("mvt0").at("/linkinfo/info_data/mode").asText()).isEqualTo("bridge");
    assertThat(net.plan().apply(host).changed()).isFalse();
    net.removalPlan().apply(host);
    assertThat(host.links()).extracting(x -> x.name()).containsExactlyInAnyOrder("lo", "eth0", "eth1", "eth2");
  }

  @Test
  void aChangedVxlanIsReportedNotSilentlyKept() {
    VxlanSpec a = VxlanSpec.builder().name("vx1").vni(1).remote("198.18.9.2").build();
    a.plan().apply(host);
    VxlanSpec b = a.copy(x -> x.vni(2));
    // the kernel keeps a VXLAN's settings: the plan says so by failing at the create step
    PlanFailedException e = catchThrowableOfType(PlanFailedException.class, () -> b.plan().apply(host));
    assertThat(e.failedStep().description()).isEqualTo("create vxlan vx1");
    assertThat(e.getMessage()).contains("File exists");
    List<String> words = List.of(b.toString().split(" "));
    assertThat(words).contains("id", "2");
  }
}
