package io.kvmsdk.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.testing.Oracles;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellQuoteTest {
  @Test
  void safeWordsStayAsTheyAre() {
    assertThat(ShellQuote.quote("br0")).isEqualTo("br0");
    assertThat(ShellQuote.quote("/var/lib/libvirt/images/web1.qcow2")).isEqualTo("/var/lib/libvirt/images/web1.qcow2");
    assertThat(ShellQuote.quote("--mtu=9000")).isEqualTo("--mtu=9000");
    assertThat(ShellQuote.quote("user@host:22")).isEqualTo("user@host:22");
    assertThat(ShellQuote.quote("-n")).isEqualTo("-n");
  }

  @Test
  void everythingElseIsSingleQuoted() {
    assertThat(ShellQuote.quote("")).isEqualTo("''");
    assertThat(ShellQuote.quote("two words")).isEqualTo("'two words'");
    assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
    assertThat(ShellQuote.quote("'")).isEqualTo("''\\'''");
    assertThat(ShellQuote.quote("$(x)")).isEqualTo("'$(x)'");
    assertThat(ShellQuote.quote("*")).isEqualTo("'*'");
    assertThat(ShellQuote.quote("~")).isEqualTo("'~'");
    assertThat(ShellQuote.quote("a\nb")).isEqualTo("'a\nb'");
    assertThat(ShellQuote.quote("ü")).isEqualTo("'ü'");
  }

  @Test
  void reservedWordsAndAssignmentsAreQuotedSoTheyStayCommands() {
    assertThat(ShellQuote.quote("if")).isEqualTo("'if'");
    assertThat(ShellQuote.quote("!")).isEqualTo("'!'");
    assertThat(ShellQuote.quote("LANG=C")).isEqualTo("'LANG=C'");
    assertThat(ShellQuote.join(List.of("if", "x"))).isEqualTo("'if' x");
  }

  @Test
  void nulCannotBeQuoted() {
    assertThatThrownBy(() -> ShellQuote.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void joinIsSplitBackIntoTheSameWordsByRealShells() {
    for (String shell : List.of("sh", "bash")) {
      Oracles.require(HostTesting.onPath(shell), shell + " is not on the PATH");
      // the words reach printf as argv through `sh -c`, one level of parsing: exactly what ssh does remotely
      String line = "printf '%s\\0' " + ShellQuote.join(HostTesting.ADVERSARIAL);
      CommandResult r = LocalCommandRunner.create().run(HostCommand.of(shell, "-c", line));
      assertThat(r.exitCode()).isZero();
      assertThat(HostTesting.splitNul(r.stdoutBytes())).as(shell).isEqualTo(HostTesting.ADVERSARIAL);
    }
  }

  /** Every word of every stage reaches its program as it was, adversarial ones included; the exit status is the last stage's. */
  @Test
  void pipelineStagesReachTheirProgramsWordForWord() {
    Oracles.require(HostTesting.onPath("sh"), "sh is not on the PATH");
    java.util.List<String> printf = new java.util.ArrayList<>(List.of("printf", "%s\\0"));
    printf.addAll(HostTesting.ADVERSARIAL);
    HostCommand p = HostCommand.pipeline(printf, List.of("cat"));
    assertThat(p.argv()).hasSize(3).startsWith("sh", "-c");
    CommandResult r = LocalCommandRunner.create().run(p);
    assertThat(r.exitCode()).isZero();
    assertThat(HostTesting.splitNul(r.stdoutBytes())).isEqualTo(HostTesting.ADVERSARIAL);
    assertThat(LocalCommandRunner.create().run(HostCommand.pipeline(List.of("printf", "a b"), List.of("grep", "-qx", "a b"))).exitCode()).isZero();
    assertThat(LocalCommandRunner.create().run(HostCommand.pipeline(List.of("printf", "a b"), List.of("grep", "-qx", "a"))).exitCode()).isOne();
    assertThat(HostCommand.pipeline(List.of("nft", "list", "tables"), List.of("grep", "-x", "table inet kvm")).argv().get(2))
        .isEqualTo("nft list tables | grep -x 'table inet kvm'");
    assertThatThrownBy(() -> HostCommand.pipeline()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HostCommand.pipeline(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
