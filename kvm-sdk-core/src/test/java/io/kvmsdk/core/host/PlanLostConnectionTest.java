package io.kvmsdk.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.CommandFailedException;
import io.kvmsdk.core.PlanFailedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A plan over a connection that drops: lost replies of changes, checks and undos (the fault soak found these). */
class PlanLostConnectionTest {
  /** A host of marker files ({@code test -e F}, {@code touch F}, {@code rm F}) whose connection fails as scripted. */
  private static final class FlakyHost implements CommandRunner {
    enum Kind { DROP, LOSE_REPLY }

    final Set<String> files = new TreeSet<>();
    final List<String> ran = new ArrayList<>();
    private final Deque<Object[]> faults = new ArrayDeque<>();

    /** The next command whose argv joined with spaces is {@code line} meets {@code kind}. */
    FlakyHost fault(Kind kind, String line) { faults.add(new Object[] {kind, line}); return this; }

    @Override public String host() { return "flaky"; }

    @Override public CommandResult run(HostCommand c) {
      String line = String.join(" ", c.argv());
      Kind kind = null;
      for (Object[] f : faults) {
        if (f[1].equals(line)) { kind = (Kind) f[0]; faults.remove(f); break; }
      }
      if (kind == Kind.DROP) return lost(c);
      ran.add(line);
      String f = c.argv().get(c.argv().size() - 1);
      int rc = switch (c.argv().get(0)) {
        case "test" -> files.contains(f) ? 0 : 1;
        case "touch" -> { files.add(f); yield 0; }
        case "rm" -> files.remove(f) ? 0 : 1;
        case "ls" -> 0;
        default -> 1;
      };
      if (kind == Kind.LOSE_REPLY) return lost(c);
      String out = c.argv().get(0).equals("ls") ? String.join("\n", files) : "";
      return CommandResult.of(c, host(), rc, out, rc == 0 ? "" : c.argv().get(0) + " failed\n");
    }

    private CommandResult lost(HostCommand c) {
      return CommandResult.of(c, host(), 255, "", "Connection to flaky closed by remote host.\n").withConnectionLost();
    }
  }

  private static Step file(String name) {
    return Step.builder("create " + name).check(HostCommand.of("test", "-e", name))
        .change(HostCommand.of("touch", name)).undo(HostCommand.of("rm", name)).build();
  }

  private static Step probed(String name) {
    Probe listed = Probe.of(HostCommand.of("ls", "/"), name + " is there", out -> out.lines().anyMatch(name::equals));
    return Step.builder("create " + name).probe(listed).change(HostCommand.of("touch", name)).undo(HostCommand.of("rm", name)).build();
  }

  private static Step refused() { return Step.of("refused", HostCommand.of("false")); }

  @Test
  void aChangeWhoseReplyWasLostIsCheckedAgainAndRolledBack() {
    FlakyHost host = new FlakyHost().fault(FlakyHost.Kind.LOSE_REPLY, "touch a");
    Plan plan = Plan.of(file("a"));
    assertThatThrownBy(() -> plan.apply(host)).isInstanceOfSatisfying(PlanFailedException.class, e -> {
      assertThat(e.retryable()).isTrue();
      assertThat(e.rolledBack()).extracting(PlanFailedException.StepRef::number).containsExactly(1);
      assertThat(e.notRolledBack()).isEmpty();
      assertThat(e.failedStep().note()).contains("its check says it got done");
    });
    assertThat(host.files).isEmpty();
    assertThat(host.ran).containsExactly("test -e a", "touch a", "test -e a", "rm a");
    // the retry the retryable failure invites applies the plan fully
    assertThat(plan.apply(host).changed()).isTrue();
    assertThat(host.files).containsExactly("a");
  }

  @Test
  void aDroppedChangeThatDidNotHappenIsNotUndone() {
    FlakyHost host = new FlakyHost().fault(FlakyHost.Kind.DROP, "touch a");
    assertThatThrownBy(() -> Plan.of(file("a")).apply(host)).isInstanceOfSatisfying(PlanFailedException.class, e -> {
      assertThat(e.retryable()).isTrue();
      assertThat(e.rolledBack()).isEmpty();
      assertThat(e.notRolledBack()).isEmpty();
    });
    assertThat(host.ran).containsExactly("test -e a", "test -e a");
  }

  @Test
  void aCheckWhoseConnectionWasLostFailsTheStepRetryablyInsteadOfMeaningNotDone() {
    FlakyHost host = new FlakyHost().fault(FlakyHost.Kind.DROP, "test -e a");
    host.files.add("a");
    assertThatThrownBy(() -> Plan.of(file("a")).apply(host)).isInstanceOfSatisfying(PlanFailedException.class, e -> {
      assertThat(e.retryable()).isTrue();
      assertThat(e.getCause()).isInstanceOfSatisfying(CommandFailedException.class, c -> assertThat(c.exitCode()).isEqualTo(255));
    });
    assertThat(host.ran).isEmpty();
  }

  @Test
  void anUndoWhoseReplyWasLostCountsAsRolledBackWhenItsCheckSaysSo() {
    FlakyHost host = new FlakyHost().fault(FlakyHost.Kind.LOSE_REPLY, "rm a");
    assertThatThrownBy(() -> Plan.of(file("a"), refused()).apply(host)).isInstanceOfSatisfying(PlanFailedException.class, e -> {
      assertThat(e.retryable()).isFalse();
      assertThat(e.rolledBack()).extracting(PlanFailedException.StepRef::number).containsExactly(1);
      assertThat(e.notRolledBack()).isEmpty();
    });
    assertThat(host.files).isEmpty();
  }

  @Test
  void aDroppedUndoRunsOnceMoreWhenTheStepIsStillDone() {
    FlakyHost host = new FlakyHost().fault(FlakyHost.Kind.DROP, "rm a");
    assertThatThrownBy(() -> Plan.of(file("a"), refused()).apply(host)).isInstanceOfSatisfying(PlanFailedException.class, e -> {
      assertThat(e.rolledBack()).extracting(PlanFailedException.StepRef::number).containsExactly(1);
      assertThat(e.notRolledBack()).isEmpty();
    });
    assertThat(host.files).isEmpty();
    assertThat(host.ran).containsExactly("test -e a", "touch a", "false", "test -e a", "rm a");
  }

  @Test
  void anUndoThatKeepsFailingIsReportedNotRolledBack() {
    FlakyHost host = new FlakyHost().fault(FlakyHost.Kind.DROP, "rm a").fault(FlakyHost.Kind.DROP, "rm a");
    assertThatThrownBy(() -> Plan.of(file("a"), refused()).apply(host)).isInstanceOfSatisfying(PlanFailedException.class, e -> {
      assertThat(e.rolledBack()).isEmpty();
      assertThat(e.notRolledBack()).extracting(PlanFailedException.StepRef::number).containsExactly(1);
      assertThat(e.notRolledBack().get(0).note()).contains("undo failed").contains("connection to the host lost");
    });
    assertThat(host.files).containsExactly("a");
  }

  @Test
  void aProbeReadWhoseConnectionWasLostFailsRetryablyAndALostChangeIsProbedAgain() {
    FlakyHost host = new FlakyHost().fault(FlakyHost.Kind.DROP, "ls /");
    assertThatThrownBy(() -> Plan.of(probed("a")).apply(host)).isInstanceOfSatisfying(PlanFailedException.class,
        e -> assertThat(e.retryable()).isTrue());
    assertThat(host.ran).isEmpty();

    host.fault(FlakyHost.Kind.LOSE_REPLY, "touch a");
    assertThatThrownBy(() -> Plan.of(probed("a")).apply(host)).isInstanceOfSatisfying(PlanFailedException.class, e -> {
      assertThat(e.retryable()).isTrue();
      assertThat(e.rolledBack()).extracting(PlanFailedException.StepRef::number).containsExactly(1);
    });
    assertThat(host.files).isEmpty();
    assertThat(host.ran).containsExactly("ls /", "touch a", "ls /", "rm a");
  }
}
