package io.kvmsdk.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kvmsdk.core.CommandFailedException;
import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.PlanFailedException.StepRef;
import io.kvmsdk.core.testing.Oracles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plans applied for real with iproute2 inside a private network namespace (needs root and {@code ip}). */
class PlanNetnsTest {
  private final LocalCommandRunner runner = LocalCommandRunner.create();
  private String ns;

  @BeforeEach
  void createNamespace() {
    boolean ip = HostTesting.onPath("ip");
    Oracles.require(ip, "iproute2's `ip` is not on the PATH");
    Oracles.require(runner.run(HostCommand.of("id", "-u")).stdout().strip().equals("0"), "network namespaces need root");
    ns = "kvmsdk-t-" + UUID.randomUUID().toString().substring(0, 8);
    runner.runChecked(HostCommand.of("ip", "netns", "add", ns));
  }

  @AfterEach
  void deleteNamespace() {
    if (ns != null) runner.run(HostCommand.of("ip", "netns", "del", ns));
  }

  private HostCommand ip(String... args) {
    return HostCommand.builder().args("ip", "-n", ns).args(args).build();
  }

  private Step bridge(String name) {
    return Step.builder("create bridge " + name + ", up")
        .check(ip("link", "show", name))
        .change(ip("link", "add", name, "type", "bridge"))
        .change(ip("link", "set", name, "up"))
        .undo(ip("link", "del", name))
        .build();
  }

  private Step vethInto(String a, String b, String bridge) {
    return Step.builder("create veth pair " + a + "/" + b + ", " + a + " in " + bridge + ", both up")
        .check(ip("link", "show", a))
        .change(ip("link", "add", a, "type", "veth", "peer", "name", b))
        .change(ip("link", "set", a, "master", bridge))
        .change(ip("link", "set", a, "up"))
        .change(ip("link", "set", b, "up"))
        .undo(ip("link", "del", a))
        .build();
  }

  /** ifname -> the link's JSON, from {@code ip -n NS -d -j link show}. */
  private Map<String, JsonNode> links() throws Exception {
    JsonNode arr = new ObjectMapper().readTree(runner.runChecked(ip("-d", "-j", "link", "show")).stdout());
    Map<String, JsonNode> m = new TreeMap<>();
    for (JsonNode l : arr) m.put(l.get("ifname").asText(), l);
    return m;
  }

  private static List<String> flags(JsonNode link) {
    List<String> f = new ArrayList<>();
    link.get("flags").forEach(n -> f.add(n.asText()));
    return f;
  }

  @Test
  void appliesABridgeWithAVethPortAndReapplyingIsANoOp() throws Exception {
    Plan plan = Plan.of(bridge("br0"), vethInto("veth0", "veth1", "br0"));
    List<PlanEvent.Type> events = new ArrayList<>();
    PlanResult first = plan.apply(runner, ApplyOptions.builder().listener(e -> events.add(e.type())).build());

    assertThat(first.steps()).extracting(StepResult::status).containsExactly(StepStatus.APPLIED, StepStatus.APPLIED);
    assertThat(first.changed()).isTrue();
    Map<String, JsonNode> links = links();
    assertThat(links).containsKeys("br0", "veth0", "veth1");
    assertThat(links.get("br0").at("/linkinfo/info_kind").asText()).isEqualTo("bridge");
    assertThat(links.get("veth0").at("/linkinfo/info_kind").asText()).isEqualTo("veth");
    assertThat(links.get("veth1").at("/linkinfo/info_kind").asText()).isEqualTo("veth");
    assertThat(flags(links.get("br0"))).contains("UP");
    assertThat(links.get("veth0").get("master").asText()).isEqualTo("br0");
    assertThat(flags(links.get("veth0"))).contains("UP");
    assertThat(flags(links.get("veth1"))).contains("UP");
    assertThat(links.get("veth1").has("master")).isFalse();
    assertThat(events).startsWith(PlanEvent.Type.STEP_STARTED, PlanEvent.Type.COMMAND_STARTED, PlanEvent.Type.COMMAND_STARTED)
        .endsWith(PlanEvent.Type.STEP_APPLIED);

    PlanResult again = plan.apply(runner);
    assertThat(again.steps()).extracting(StepResult::status)
        .containsExactly(StepStatus.SKIPPED_ALREADY_DONE, StepStatus.SKIPPED_ALREADY_DONE);
    assertThat(again.changed()).isFalse();
    assertThat(links().keySet()).isEqualTo(links.keySet());
  }

  @Test
  void aFailingLastStepRollsBackWhatTheRunApplied() throws Exception {
    Plan.of(bridge("br0"), vethInto("veth0", "veth1", "br0")).apply(runner);
    Map<String, JsonNode> before = links();

    Step enslave = Step.of("enslave veth2 to the missing bridge nobr", ip("link", "set", "veth2", "master", "nobr"));
    // step 1 is already done (skipped, so never undone); steps 2 and 3 are applied, step 4 fails
    Plan plan = Plan.of(bridge("br0"), bridge("br1"), vethInto("veth2", "veth3", "br1"), enslave);
    List<String> seen = new ArrayList<>();
    ApplyOptions recordEvents = ApplyOptions.builder().listener(ev -> seen.add(ev.type() + " " + ev.stepNumber())).build();
    PlanFailedException e = catchThrowableOfType(PlanFailedException.class, () -> plan.apply(runner, recordEvents));

    assertThat(e).isNotNull();
    assertThat(e.host()).isEqualTo("localhost");
    assertThat(e.failedStep().number()).isEqualTo(4);
    assertThat(e.failedStep().description()).isEqualTo("enslave veth2 to the missing bridge nobr");
    assertThat(e.stepCount()).isEqualTo(4);
    assertThat(e.applied()).extracting(StepRef::number).containsExactly(2, 3);
    assertThat(e.rolledBack()).extracting(StepRef::number).containsExactly(3, 2);
    assertThat(e.notRolledBack()).isEmpty();
    assertThat(e.getCause()).isInstanceOf(CommandFailedException.class);
    CommandFailedException cause = (CommandFailedException) e.getCause();
    assertThat(cause.host()).isEqualTo("localhost");
    assertThat(cause.argv()).containsExactly("ip", "-n", ns, "link", "set", "veth2", "master", "nobr");
    assertThat(cause.exitCode()).isNotZero();
    assertThat(cause.stderrTail()).contains("nobr");
    assertThat(e.getMessage())
        .contains("at step 4/4 (enslave veth2 to the missing bridge nobr)")
        .contains("`ip -n " + ns + " link set veth2 master nobr`")
        .contains("exit code " + cause.exitCode())
        .contains(cause.stderrTail())
        .contains("rolled back: [3 (", "2 (create bridge br1, up)]")
        .contains("NOT rolled back: none")
        .contains("back to its state before the plan");
    assertThat(seen).containsSubsequence("STEP_SKIPPED 1", "STEP_APPLIED 2", "STEP_APPLIED 3", "STEP_FAILED 4",
        "ROLLBACK_STARTED 4", "STEP_UNDONE 3", "STEP_UNDONE 2");

    assertThat(links().keySet()).as("the namespace is as before").isEqualTo(before.keySet());
    assertThat(links().get("veth0").get("master").asText()).isEqualTo("br0");
  }

  @Test
  void aStepThatFailsHalfwayIsUndoneToo() throws Exception {
    Map<String, JsonNode> before = links();
    Step half = Step.builder("create bridge br5 inside the missing bridge nobr")
        .change(ip("link", "add", "br5", "type", "bridge"))
        .change(ip("link", "set", "br5", "master", "nobr"))
        .undo(ip("link", "del", "br5"))
        .build();
    PlanFailedException e = catchThrowableOfType(PlanFailedException.class, () -> Plan.of(half).apply(runner));
    assertThat(e.failedStep().note()).contains("failed after 1 of 2 change commands");
    assertThat(e.rolledBack()).extracting(StepRef::number).containsExactly(1);
    assertThat(links().keySet()).isEqualTo(before.keySet());
  }

  @Test
  void whatCannotBeRolledBackIsReportedExactly() throws Exception {
    Step badUndo = Step.builder("create bridge br6 (its undo is wrong)")
        .check(ip("link", "show", "br6"))
        .change(ip("link", "add", "br6", "type", "bridge"))
        .undo(ip("link", "del", "no-such-link"))
        .build();
    Step noUndo = Step.builder("create bridge br7 (no undo)").change(ip("link", "add", "br7", "type", "bridge")).build();
    Plan plan = Plan.of(badUndo, noUndo, bridge("br8"), Step.of("fail", ip("link", "set", "br8", "master", "nobr")));
    PlanFailedException e = catchThrowableOfType(PlanFailedException.class, () -> plan.apply(runner));

    assertThat(e.rolledBack()).extracting(StepRef::number).containsExactly(3);
    assertThat(e.notRolledBack()).extracting(StepRef::number).containsExactly(2, 1);
    assertThat(e.notRolledBack().get(0).note()).isEqualTo("no undo command");
    assertThat(e.notRolledBack().get(1).note()).startsWith("undo failed: command `ip -n " + ns + " link del no-such-link`");
    assertThat(e.getMessage()).contains("NOT rolled back: [2 (create bridge br7 (no undo)): no undo command, 1 (")
        .contains("the host keeps the changes of the steps not rolled back");
    assertThat(links()).containsKeys("br6", "br7").doesNotContainKey("br8");
  }

  @Test
  void withoutRollbackTheAppliedStepsStayAndAreReported() throws Exception {
    Plan plan = Plan.of(bridge("br9"), Step.of("fail", ip("link", "set", "br9", "master", "nobr")));
    ApplyOptions noRollback = ApplyOptions.builder().rollback(false).build();
    PlanFailedException e = catchThrowableOfType(PlanFailedException.class, () -> plan.apply(runner, noRollback));
    assertThat(e.rolledBack()).isEmpty();
    assertThat(e.notRolledBack()).extracting(StepRef::note).containsExactly("rollback disabled");
    assertThat(links()).containsKey("br9");
  }
}
