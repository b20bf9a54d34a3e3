package io.kvmsdk.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kvmsdk.core.CommandFailedException;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.KvmTimeoutException;
import io.kvmsdk.core.PlanFailedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A secret is passed for real but never shows in toString(), scripts, exception messages, events or log lines. */
class PlanSecretsTest {
  private static final String SECRET = "hunter2-S3CRET";
  private static final String STDIN_SECRET = "stdin-Pa55word";
  private static final String ENV_SECRET = "env-T0ken";
  private final LocalCommandRunner runner = LocalCommandRunner.create();

  /** Prints its secret argument to stderr, as a tool complaining about a bad password would. */
  private static HostCommand echoesSecretAndFails() {
    return HostCommand.builder().args("sh", "-c", "echo \"bad password: $1\" >&2; exit 3", "sh").secretArg(SECRET).build();
  }

  private static void assertClean(String text) {
    assertThat(text).doesNotContain(SECRET).doesNotContain(STDIN_SECRET).doesNotContain(ENV_SECRET);
  }

  private static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  @Test
  void secretsArePassedForReal() {
    CommandResult r = runner.run(HostCommand.builder().args("printf", "%s|").secretArg(SECRET)
        .arg(Arg.secret(SECRET).withPrefix("--password=")).build());
    assertThat(r.stdout()).isEqualTo(SECRET + "|--password=" + SECRET + "|");
    assertThat(runner.run(HostCommand.builder().arg("cat").secretStdin(STDIN_SECRET).build()).stdout()).isEqualTo(STDIN_SECRET);
    assertThat(runner.run(HostCommand.builder().args("printenv", "PW").secretEnv("PW", ENV_SECRET).build()).stdout())
        .isEqualTo(ENV_SECRET + "\n");
  }

  @Test
  void toStringOfCommandsStepsPlansMasksSecrets() {
    HostCommand cmd = HostCommand.builder().args("tgtadm", "--password").secretArg(SECRET)
        .arg(Arg.secret(SECRET).withPrefix("--password=")).secretEnv("PW", ENV_SECRET).secretStdin(STDIN_SECRET).sudo().build();
    assertThat(cmd.toString()).isEqualTo("sudo -n -- env PW=**** tgtadm --password **** --password=**** <<< ****");
    assertThat(cmd.maskedArgv()).containsExactly("tgtadm", "--password", "****", "--password=****");
    assertThat(cmd.argv()).contains(SECRET);
    assertThat(cmd.hasSecrets()).isTrue();
    Step step = Step.builder("set the CHAP password").check(cmd).change(cmd).undo(cmd).build();
    Plan plan = Plan.of(step);
    assertClean(cmd.toString());
    assertClean(step.toString());
    assertClean(plan.toString());
    assertClean(cmd.args().toString());
    assertClean(CommandResult.of(cmd, "localhost", 1, "", "").toString());
  }

  @Test
  void scriptsNeverContainSecrets() {
    HostCommand cmd = HostCommand.builder().args("tgtadm", "--password").secretArg(SECRET).secretEnv("PW", ENV_SECRET)
        .secretStdin(STDIN_SECRET).build();
    String script = Plan.of(Step.builder("set password " + "(described without the secret)").check(cmd).change(cmd).undo(cmd).build())
        .toScript();
    assertClean(script);
    assertThat(script).contains("\"${KVMSDK_SECRET_1}\"");
  }

  @Test
  void namedSecretsBecomeTheScriptsVariablesAndMustNotClash() {
    HostCommand a = HostCommand.builder().arg("login").secretArg("CHAP_PASSWORD", SECRET).build();
    String script = Plan.of(Step.of("one", a), Step.of("two", a)).toScript();
    assertThat(script).contains("#   CHAP_PASSWORD (first used by step 1)", "login \"${CHAP_PASSWORD}\"");
    assertClean(script);
    HostCommand b = HostCommand.builder().arg("login").secretArg("CHAP_PASSWORD", "another").build();
    Plan clash = Plan.of(Step.of("one", a), Step.of("two", b));
    assertThatThrownBy(clash::toScript).isInstanceOf(InvalidSpecException.class)
        .hasMessage("secret CHAP_PASSWORD: the same secret name is used for two different values (steps 1 and 2)");
  }

  @Test
  void failedCommandsMaskSecretsEvenWhenTheToolEchoesThem() {
    CommandResult r = runner.run(echoesSecretAndFails());
    assertThat(r.stderr()).contains(SECRET);
    assertThat(r.stderrTail()).isEqualTo("bad password: ****");
    CommandFailedException e = r.toException();
    assertClean(e.getMessage());
    assertClean(String.join(" ", e.argv()));
    assertClean(e.stderrTail());
    assertClean(r.toString());

    CommandResult viaStdin = runner.run(HostCommand.builder().args("sh", "-c", "read x; echo \"got $x\" >&2; exit 4")
        .secretStdin(STDIN_SECRET + "\n").build());
    assertThat(viaStdin.stderrTail()).isEqualTo("got ****");
    CommandResult viaEnv = runner.run(HostCommand.builder().args("sh", "-c", "echo \"env $PW\" >&2; exit 5")
        .secretEnv("PW", ENV_SECRET).build());
    assertThat(viaEnv.toException().getMessage()).endsWith("with exit code 5: env ****");
  }

  @Test
  void timeoutsMaskSecrets() {
    HostCommand slow = HostCommand.builder().args("sh", "-c", "sleep 30", "sh").secretArg(SECRET)
        .timeout(Duration.ofMillis(300)).build();
    KvmTimeoutException e = catchThrowableOfType(KvmTimeoutException.class, () -> runner.run(slow));
    assertThat(e.getMessage()).contains("****");
    assertClean(stackTrace(e));
  }

  @Test
  void planFailuresEventsResultsAndLogLinesMaskSecrets() {
    HostTesting.CapturingLogger log = new HostTesting.CapturingLogger();
    List<String> events = new ArrayList<>();
    HostCommand withSecret = HostCommand.builder().args("true").secretArg(SECRET).build();
    Plan plan = Plan.builder()
        .step(Step.builder("first").check(HostCommand.builder().args("false").secretArg(SECRET).build())
            .change(withSecret).undo(HostCommand.builder().args("sh", "-c", "echo \"undo $1\" >&2; exit 9", "sh").secretArg(SECRET).build()))
        .step(Step.builder("second").change(echoesSecretAndFails()))
        .build();
    Throwable t = catchThrowable(() -> plan.apply(runner, ApplyOptions.builder().logger(log)
        .listener(e -> events.add(e.toString())).build()));

    assertThat(t).isInstanceOf(PlanFailedException.class);
    PlanFailedException e = (PlanFailedException) t;
    assertThat(e.getMessage()).contains("bad password: ****", "undo failed", "undo ****");
    assertClean(stackTrace(e));
    assertClean(e.notRolledBack().toString());
    assertThat(events).isNotEmpty();
    events.forEach(PlanSecretsTest::assertClean);
    assertThat(log.lines).hasSizeGreaterThan(5).anyMatch(l -> l.startsWith("DEBUG") && l.contains("true ****"));
    log.lines.forEach(PlanSecretsTest::assertClean);

    PlanResult dry = plan.apply(runner, ApplyOptions.dryRun().copy(b -> b.logger(log)));
    assertClean(dry.toString());
    assertClean(dry.script().orElseThrow());
    log.lines.forEach(PlanSecretsTest::assertClean);
  }
}
