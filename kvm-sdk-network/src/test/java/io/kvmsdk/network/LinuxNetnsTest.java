package io.kvmsdk.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.host.ApplyOptions;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.PlanResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Linux-side plans applied for real in a network namespace this test makes: bridges, veths,
 * addresses, STP with its timers, MTU 9000 on the bridge and its ports, VXLAN, macvtap; re-applied
 * (no change, one read), rolled back after an injected failure, removed. The rendered script is
 * run by the real {@code sh} too.
 */
class LinuxNetnsTest {
  private String ns;
  private NetnsRunner runner;

  @BeforeEach void namespace() {
    NetnsRunner.requireRootAndIp();
    ns = "n1-lx-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(NetnsRunner.onHost("ip", "netns", "add", ns).ok()).isTrue();
    runner = new NetnsRunner(ns);
  }

  @AfterEach void cleanUp() {
    if (ns != null) NetnsRunner.onHost("ip", "netns", "del", ns);
  }

  private Map<String, JsonNode> links() throws Exception {
    Map<String, JsonNode> m = new HashMap<>();
    for (JsonNode l : new ObjectMapper().readTree(runner.run(HostCommand.of("ip", "-j", "-d", "addr", "show")).stdout())) m.put(l.get("ifname").asText(), l);
    return m;
  }

  private static HostNetwork overlay() {
    return HostNetwork.builder()
        .addVeth(VethSpec.of("up0", "up0p"))
        .addVeth(VethSpec.of("vm0", "vm0p"))
        .addVxlan(VxlanSpec.builder().name("vx100").vni(100).local("198.18.40.1").remote("198.18.40.2").learning(false).build())
        .addBridge(BridgeSpec.linux("br0").mtu(9000).stp(true).forwardDelay(4).helloTime(1).maxAge(10).stpPriority(4096)
            .addPort("up0").addPort(BridgePort.guarded("vm0")).addAddress("198.18.40.1/24").build())
        .addBridge(BridgeSpec.linux("br-ov").addPort("vx100").mtu(1450).build())
        .addMacvtap(MacvtapSpec.of("mvt0", "up0p"))
        .build();
  }

  @Test
  void appliesReappliesWithNoChangeAndRemoves() throws Exception {
    HostNetwork net = overlay();
    PlanResult first = net.plan().apply(runner);
    assertThat(first.changed()).isTrue();

    Map<String, JsonNode> l = links();
    JsonNode br0 = l.get("br0");
    assertThat(br0.at("/linkinfo/info_kind").asText()).isEqualTo("bridge");
    assertThat(br0.get("mtu").asInt()).isEqualTo(9000);
    assertThat(br0.at("/linkinfo/info_data/stp_state").asInt()).isEqualTo(1);
    assertThat(br0.at("/linkinfo/info_data/forward_delay").asInt()).isEqualTo(400);
    assertThat(br0.at("/linkinfo/info_data/hello_time").asInt()).isEqualTo(100);
    assertThat(br0.at("/linkinfo/info_data/max_age").asInt()).isEqualTo(1000);
    assertThat(br0.at("/linkinfo/info_data/priority").asInt()).isEqualTo(4096);
    assertThat(br0.get("addr_info").get(0).get("local").asText()).isEqualTo("198.18.40.1");
    assertThat(l.get("up0").get("mtu").asInt()).isEqualTo(9000);
    assertThat(l.get("vm0").get("mtu").asInt()).isEqualTo(9000);
    assertThat(l.get("up0").get("master").asText()).isEqualTo("br0");
    assertThat(l.get("vm0").at("/linkinfo/info_slave_data/guard").asBoolean()).isTrue();
    assertThat(l.get("vx100").at("/linkinfo/info_data/id").asInt()).isEqualTo(100);
    assertThat(l.get("vx100").at("/linkinfo/info_data/port").asInt()).isEqualTo(4789);
    assertThat(l.get("vx100").get("master").asText()).isEqualTo("br-ov");
    assertThat(l.get("mvt0").at("/linkinfo/info_kind").asText()).isEqualTo("macvtap");
    for (String up : new String[] {"br0", "up0", "up0p", "vm0", "vx100", "br-ov", "mvt0"}) {
      assertThat(l.get(up).get("flags").toString()).as(up).contains("\"UP\"");
    }

    runner.reset();
    PlanResult again = net.plan().apply(runner);
    assertThat(again.changed()).isFalse();
    assertThat(runner.ran).containsExactly("ip -j -d addr show");

    assertThat(net.removalPlan().apply(runner).changed()).isTrue();
    assertThat(links().keySet()).containsExactly("lo");
    runner.reset();
    assertThat(net.removalPlan().apply(runner).changed()).isFalse();
    assertThat(runner.processes.get()).isEqualTo(1);
  }

  @Test
  void aFailingStepRollsBackTheRun() throws Exception {
    // the port "ghost0" does not exist: enslaving it fails after the bridge, STP and the veth were made
    HostNetwork net = HostNetwork.builder()
        .addVeth(VethSpec.of("up0", "up0p"))
        .addBridge(BridgeSpec.linux("br0").addPort("up0").addPort("ghost0").mtu(9000).build())
        .build();
    PlanFailedException e = catchThrowableOfType(PlanFailedException.class, () -> net.plan().apply(runner));
    assertThat(e.failedStep().description()).isEqualTo("enslave ghost0 to bridge br0");
    assertThat(e.getCause().getMessage()).contains("ghost0");
    assertThat(e.rolledBack()).extracting(PlanFailedException.StepRef::description)
        .containsExactly("enslave up0 to bridge br0", "create bridge br0", "create veth up0");
    assertThat(links().keySet()).containsExactly("lo");
  }

  @Test
  void theRenderedScriptRunsTwiceWithTheSameResult() throws Exception {
    String script = overlay().plan().apply(runner, ApplyOptions.dryRun()).script().orElseThrow();
    Path f = Files.createTempFile("n1-plan", ".sh");
    try {
      Files.writeString(f, script);
      assertThat(runner.run(HostCommand.of("sh", f.toString())).ok()).isTrue();
      Map<String, JsonNode> once = links();
      assertThat(once.get("br0").get("mtu").asInt()).isEqualTo(9000);
      var second = runner.run(HostCommand.of("sh", f.toString()));
      assertThat(second.exitCode()).as(second.stderr()).isZero();
      assertThat(links().keySet()).isEqualTo(once.keySet());
      assertThat(overlay().plan().apply(runner).changed()).as("the script converged the namespace").isFalse();
    } finally {
      Files.deleteIfExists(f);
    }
  }
}
