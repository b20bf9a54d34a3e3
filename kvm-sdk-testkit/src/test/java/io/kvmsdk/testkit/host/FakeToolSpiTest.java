package io.kvmsdk.testkit.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.core.host.StepStatus;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.FakeHostSnapshot;
import io.kvmsdk.testkit.Fault;
import io.kvmsdk.testkit.FaultMatcher;
import io.kvmsdk.testkit.FaultRule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SPI as a feature module uses it: tools written against the public types only, found on the class path or registered. */
class FakeToolSpiTest {
  private final FakeHost host = FakeHost.create("hv1");

  private CommandResult run(String... argv) { return host.run(HostCommand.of(List.of(argv))); }

  @Test void aToolOnTheClassPathIsFound() {
    assertThat(host.tools()).contains("toy-vsctl", "ip", "bridge", "sysctl", "cat", "grep", "test", "[", "sh", "true", "false");

    CommandResult r = run("toy-vsctl", "add-br", "br-int");

    assertThat(r.ok()).as("%s", r).isTrue();
    assertThat(host.link("br-int").type()).as("the tool made a kernel link through the context").isEqualTo("openvswitch");
    assertThat(host.state(ToyVsctl.DB).bridges()).containsExactly("br-int");
    assertThat(run("toy-vsctl", "list-br").stdout()).isEqualTo("br-int\n");
    assertThat(run("ip", "-br", "link", "show", "br-int").stdout()).startsWith("br-int ");
  }

  @Test void aToolRegisteredExplicitlyAnswersFromThenOn() {
    CommandResult before = run("hostnamectl", "hostname");
    assertThat(before.exitCode()).isEqualTo(127);
    assertThat(before.stderr()).isEqualTo("hostnamectl: command not found\n");

    host.withTool(new Hostnamectl());

    assertThat(host.tools()).contains("hostnamectl");
    assertThat(run("hostnamectl", "hostname").stdout()).isEqualTo("hv1\n");
    assertThat(run("hostnamectl", "set-hostname", "web-7").ok()).isTrue();
    assertThat(host.file("/etc/hostname")).contains("web-7\n");
    assertThat(run("/usr/bin/hostnamectl", "hostname").stdout()).as("a path finds the tool by its last element").isEqualTo("web-7\n");
    assertThat(run("cat", "/etc/hostname").stdout()).as("built-in tools read the files tools write").isEqualTo("web-7\n");
    CommandResult bad = run("hostnamectl", "frob");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.stderr()).isEqualTo("Unknown command verb 'frob'.\n");
  }

  @Test void anExplicitToolReplacesABuiltInOne() {
    host.withTool(new FakeTool() {
      @Override public Set<String> names() { return Set.of("true"); }

      @Override public CommandResult run(HostCommand command, FakeToolContext ctx) { return ctx.result(3, "", "not today\n"); }
    });

    CommandResult r = run("true");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(run("false").exitCode()).as("the built-in's other name is untouched").isEqualTo(1);
  }

  @Test void aFailedCommandUndoesTheToolStateAndTheLinksItMade() {
    FakeHostSnapshot before = host.snapshot();

    CommandResult r = run("toy-vsctl", "add-br", "br1", "--", "add-port", "nope", "p0");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("toy-vsctl: no bridge named nope\n");
    assertThat(host.hasLink("br1")).isFalse();
    assertThat(host.state(ToyVsctl.DB).bridges()).isEmpty();
    host.assertUnchangedSince(before);
  }

  @Test void snapshotsAndTheirDiffShowTheToolState() {
    FakeHostSnapshot before = host.snapshot();
    run("ip", "link", "add", "vnet0", "type", "dummy");
    run("toy-vsctl", "add-br", "br1", "--", "add-port", "br1", "vnet0");

    assertThat(host.snapshot().tools()).containsEntry("toy-ovsdb", List.of("bridge br1 ports [vnet0]"));
    assertThat(host.snapshot().diff(before)).contains("+ state toy-ovsdb: bridge br1 ports [vnet0]");
    assertThat(host.link("vnet0").master()).contains("br1");
    assertThatThrownBy(() -> host.assertUnchangedSince(before)).hasMessageContaining("+ state toy-ovsdb: bridge br1 ports [vnet0]");
  }

  @Test void aPlanOfTheToolIsIdempotent() {
    Plan plan = Plan.builder()
        .step(Step.builder("ovs bridge br-ex")
            .check(HostCommand.of("toy-vsctl", "br-exists", "br-ex"))
            .change(HostCommand.of("toy-vsctl", "--may-exist", "add-br", "br-ex"))
            .undo(HostCommand.of("toy-vsctl", "--if-exists", "del-br", "br-ex")))
        .build();
    assertThat(plan.apply(host).steps(StepStatus.APPLIED)).hasSize(1);
    FakeHostSnapshot before = host.snapshot();

    assertThat(plan.apply(host).changed()).isFalse();

    host.assertUnchangedSince(before);
  }

  @Test void theToolStateKeepsWhatItsAfterRebootSaysWhileTheKernelForgets() {
    run("toy-vsctl", "add-br", "br1");
    host.inject(FaultRule.of(Fault.HOST_CRASH, FaultMatcher.command("toy-vsctl", "del-br")).once());

    assertThat(run("toy-vsctl", "del-br", "br1").exitCode()).isEqualTo(255);
    host.reboot();

    assertThat(host.state(ToyVsctl.DB).bridges()).as("the database is on disk").containsExactly("br1");
    assertThat(host.hasLink("br1")).as("the kernel's links are gone").isFalse();
  }

  @Test void faultMatchersSeeTheToolsWords() {
    host.failNext(FaultMatcher.command("toy-vsctl", "add-br"), 1, "toy-vsctl: transaction error");

    CommandResult r = run("toy-vsctl", "--may-exist", "add-br", "br1");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(host.state(ToyVsctl.DB).bridges()).isEmpty();
  }

  @Test void toolsRunInsideNamespacesAndPipelines() {
    run("ip", "netns", "add", "blue");

    assertThat(run("ip", "netns", "exec", "blue", "toy-vsctl", "add-br", "br-blue").ok()).isTrue();
    assertThat(host.ns("blue").link("br-blue").type()).isEqualTo("openvswitch");
    assertThat(host.hasLink("br-blue")).isFalse();
    assertThat(run("sh", "-c", "toy-vsctl list-br | grep -qx br-blue").ok()).isTrue();
    assertThat(run("sh", "-c", "toy-vsctl list-br | grep -qx br-red").exitCode()).isEqualTo(1);
  }

  @Test void toolStateSeededBeforeTheTest() {
    host.withState(ToyVsctl.DB, db -> db.bridges.put("br-pre", new java.util.TreeSet<>()));

    assertThat(run("toy-vsctl", "br-exists", "br-pre").ok()).isTrue();
    assertThat(run("toy-vsctl", "br-exists", "br-other").exitCode()).isEqualTo(2);
  }

  @Test void twoSlotsMayNotShareAName() {
    FakeToolSlot<ToyVsctl.Db> impostor = FakeToolSlot.of("toy-ovsdb", ToyVsctl.Db::new);
    run("toy-vsctl", "add-br", "br1");

    assertThatThrownBy(() -> host.state(impostor)).isInstanceOf(IllegalStateException.class).hasMessageContaining("two tool-state slots are named 'toy-ovsdb'");
  }
}
