package io.kvmsdk.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.PlanFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanTest {
  @TempDir Path dir;

  private static Step bridge(String name) {
    return Step.builder("create bridge " + name)
        .check(HostCommand.of("ip", "link", "show", name))
        .change(HostCommand.of("ip", "link", "add", name, "type", "bridge"))
        .undo(HostCommand.of("ip", "link", "del", name))
        .build();
  }

  @Test
  void toStringShowsNumberedArgvSteps() {
    Plan plan = Plan.builder().step(bridge("br0"))
        .step("set the MTU of br0", HostCommand.of("ip", "link", "set", "br0", "mtu", "9000"))
        .build();
    assertThat(plan.toString()).isEqualTo("Plan with 2 steps:\n"
        + "  1. create bridge br0\n"
        + "       check:  ip link show br0\n"
        + "       change: ip link add br0 type bridge\n"
        + "       undo:   ip link del br0\n"
        + "  2. set the MTU of br0\n"
        + "       change: ip link set br0 mtu 9000");
    assertThat(Plan.empty().toString()).isEqualTo("Plan with 0 steps");
  }

  @Test
  void hostCommandToStringQuotesLikeTheShellWould() {
    assertThat(HostCommand.of("ip", "link", "add", "my br", "type", "bridge")).hasToString("ip link add 'my br' type bridge");
    assertThat(HostCommand.builder().args("virsh", "list").env("LANG", "C").sudo().stdin("x").build())
        .hasToString("sudo -n -- env 'LANG=C' virsh list <<< (1 bytes)");
  }

  @Test
  void plansCompose() {
    Plan a = Plan.of(bridge("br0"));
    Plan b = Plan.of(bridge("br1"), bridge("br2"));
    assertThat(a.then(b).steps()).extracting(Step::description)
        .containsExactly("create bridge br0", "create bridge br1", "create bridge br2");
    assertThat(Plan.concat(b, a)).isEqualTo(Plan.builder().plan(b).step(bridge("br0")).build());
    assertThat(a.then(bridge("br3")).size()).isEqualTo(2);
    assertThat(Plan.concat()).isEqualTo(Plan.empty());
    assertThat(a.size()).as("plans are immutable").isEqualTo(1);
  }

  @Test
  void commandsAndStepsAreImmutableValuesWithDerivedCopies() {
    HostCommand c = HostCommand.of("ip", "link", "show");
    HostCommand slow = c.withTimeout(Duration.ofMinutes(5));
    assertThat(c.timeout()).isEqualTo(HostCommand.DEFAULT_TIMEOUT);
    assertThat(slow.timeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(slow.argv()).isEqualTo(c.argv());
    assertThat(c.withSudo().sudo()).isTrue();
    assertThat(c.copy(b -> b.arg("br0")).argv()).containsExactly("ip", "link", "show", "br0");
    assertThat(c).isEqualTo(HostCommand.of(List.of("ip", "link", "show"))).isNotEqualTo(slow);
    assertThatThrownBy(() -> c.argv().add("x")).isInstanceOf(UnsupportedOperationException.class);
    byte[] in = {1, 2, 3};
    HostCommand withIn = HostCommand.builder().arg("cat").stdin(in).build();
    in[0] = 9;
    assertThat(withIn.stdin().orElseThrow()[0]).isEqualTo((byte) 1);
    assertThat(bridge("br0").toBuilder().description("other").build().undo()).isEqualTo(bridge("br0").undo());
  }

  @Test
  void invalidCommandsAndStepsNameTheFieldAndRule() {
    assertThatThrownBy(() -> HostCommand.of(List.of())).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e.field()).isEqualTo("argv"));
    assertThatThrownBy(() -> HostCommand.of("", "x")).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e.field()).isEqualTo("argv[0]"));
    assertThatThrownBy(() -> HostCommand.of("echo", "a\0b")).isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("NUL");
    assertThatThrownBy(() -> HostCommand.of("true").withTimeout(Duration.ZERO)).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e.rule()).isEqualTo("must be positive, got PT0S"));
    assertThatThrownBy(() -> HostCommand.builder().arg("true").env("1BAD", "x")).isInstanceOf(InvalidSpecException.class);
    assertThatThrownBy(() -> Arg.secret("bad name", "x")).isInstanceOf(InvalidSpecException.class);
    assertThatThrownBy(() -> Step.builder("nothing to do").build()).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e).hasMessage("step[nothing to do]/change: a step needs at least one change command"));
    assertThatThrownBy(() -> Step.of(" ", HostCommand.of("true"))).isInstanceOf(InvalidSpecException.class);
  }

  @Test
  void dryRunRunsNothing() {
    CommandRunner refusing = new CommandRunner() {
      @Override public CommandResult run(HostCommand command) { throw new AssertionError("dry run ran " + command); }

      @Override public String host() { return "hv1"; }
    };
    List<PlanEvent.Type> events = new ArrayList<>();
    Plan plan = Plan.of(bridge("br0"), bridge("br1"));
    PlanResult r = plan.apply(refusing, ApplyOptions.dryRun().copy(b -> b.listener(e -> events.add(e.type()))));
    assertThat(r.dryRun()).isTrue();
    assertThat(r.host()).isEqualTo("hv1");
    assertThat(r.script()).hasValue(plan.toScript());
    assertThat(r.steps()).extracting(StepResult::status).containsOnly(StepStatus.NOT_RUN);
    assertThat(r.changed()).isFalse();
    assertThat(events).containsExactly(PlanEvent.Type.DRY_RUN);
  }

  @Test
  void applyingLocallyIsIdempotentAndReportsEachStep() throws Exception {
    LocalCommandRunner runner = LocalCommandRunner.builder().workingDirectory(dir).build();
    Plan plan = Plan.builder()
        .step(Step.builder("create a").check(HostCommand.of("test", "-e", "a")).change(HostCommand.of("touch", "a"))
            .undo(HostCommand.of("rm", "a")))
        .step(Step.builder("create b").check(HostCommand.of("test", "-e", "b")).change(HostCommand.of("touch", "b")))
        .build();
    Files.writeString(dir.resolve("b"), "already here");
    PlanResult first = plan.apply(runner);
    assertThat(first.steps()).extracting(StepResult::status).containsExactly(StepStatus.APPLIED, StepStatus.SKIPPED_ALREADY_DONE);
    assertThat(first.toString()).isEqualTo("PlanResult on localhost:\n  1. create a: APPLIED\n  2. create b: SKIPPED_ALREADY_DONE");
    PlanResult second = plan.apply(runner);
    assertThat(second.steps(StepStatus.SKIPPED_ALREADY_DONE)).hasSize(2);
    assertThat(second.changed()).isFalse();
  }

  @Test
  void aThrowingListenerDoesNotStopThePlan() throws Exception {
    LocalCommandRunner runner = LocalCommandRunner.builder().workingDirectory(dir).build();
    Plan plan = Plan.of(Step.of("create a", HostCommand.of("touch", "a")), Step.of("create b", HostCommand.of("touch", "b")));
    PlanResult r = plan.apply(runner, ApplyOptions.builder().listener(e -> { throw new IllegalStateException("boom"); }).build());
    assertThat(r.steps(StepStatus.APPLIED)).hasSize(2);
    assertThat(dir.resolve("b")).exists();
  }

  @Test
  void aFailingCheckThatCannotStartFailsTheStep() {
    Plan plan = Plan.of(Step.builder("checked by a missing tool").check(HostCommand.of("kvmsdk-no-such-tool"))
        .change(HostCommand.of("true")).build());
    assertThatThrownBy(() -> plan.apply(LocalCommandRunner.create())).isInstanceOfSatisfying(PlanFailedException.class, e -> {
      assertThat(e.failedStep().number()).isEqualTo(1);
      assertThat(e.getCause()).isInstanceOf(io.kvmsdk.core.CommandFailedException.class);
      assertThat(e.getMessage()).contains("could not be started");
    });
  }
}
