package io.kvmsdk.core.host;

import static io.kvmsdk.core.host.HostTesting.ADVERSARIAL;
import static io.kvmsdk.core.host.HostTesting.nulJoined;
import static io.kvmsdk.core.host.HostTesting.runScript;
import static io.kvmsdk.core.host.HostTesting.splitNul;
import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.Oracles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The dry-run script, run by real shells, does exactly what the argv says. */
class PlanScriptTest {
  @TempDir Path dir;

  private static HostCommand printfNul(List<String> words) {
    return HostCommand.builder().args("printf", "%s\\0").args(words).build();
  }

  /** A plan exercising every rendering path: plain args, a skipped step, a failing check, stdin, env, secrets. */
  private static Plan adversarialPlan() {
    return Plan.builder()
        .step("print every adversarial word", printfNul(ADVERSARIAL))
        .step(Step.builder("already done: never runs its change").check(HostCommand.of("true"))
            .change(HostCommand.of("touch", "pwned-skipped")))
        .step(Step.builder("check fails, so the change runs").check(HostCommand.of("test", "$(touch pwned8)", "=", "`touch pwned9`"))
            .change(printfNul(List.of("changed after check"))))
        .step("stdin is passed through", HostCommand.builder().arg("cat").stdin(String.join("\n", ADVERSARIAL)).build())
        .step("binary stdin is passed through", HostCommand.builder().arg("cat").stdin(new byte[] {0, 1, 2, (byte) 0xff, '\'', '\n'}).build())
        .step("env is passed through", HostCommand.builder().args("printenv", "KVMSDK_T").env("KVMSDK_T", "$(touch pwned10) 'q' \"d\"").build())
        .step("secret arg", HostCommand.builder().args("printf", "%s\\0").secretArg("s3cr'et $(touch pwned11)")
            .arg(Arg.secret("TOKEN_T", "tok-value").withPrefix("--token=")).build())
        .step("secret stdin", HostCommand.builder().arg("cat").secretStdin("stdin-secret\n").build())
        .build();
  }

  private static byte[] expectedOutput() {
    List<byte[]> parts = List.of(
        nulJoined(ADVERSARIAL),
        nulJoined(List.of("changed after check")),
        String.join("\n", ADVERSARIAL).getBytes(StandardCharsets.UTF_8),
        new byte[] {0, 1, 2, (byte) 0xff, '\'', '\n'},
        "$(touch pwned10) 'q' \"d\"\n".getBytes(StandardCharsets.UTF_8),
        nulJoined(List.of("s3cr'et $(touch pwned11)", "--token=tok-value")),
        "stdin-secret\n".getBytes(StandardCharsets.UTF_8));
    int len = parts.stream().mapToInt(p -> p.length).sum();
    byte[] all = new byte[len];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  private static final Map<String, String> SECRETS = Map.of(
      "KVMSDK_SECRET_1", "s3cr'et $(touch pwned11)", "TOKEN_T", "tok-value", "KVMSDK_SECRET_2", "stdin-secret\n");

  private Path writeScript(Plan plan) throws Exception {
    PlanResult dry = plan.apply(LocalCommandRunner.create(), ApplyOptions.dryRun());
    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.steps()).allMatch(s -> s.status() == StepStatus.NOT_RUN);
    assertThat(dry.script()).contains(plan.toScript());
    Path script = dir.resolve("plan.sh");
    Files.writeString(script, dry.script().orElseThrow());
    return script;
  }

  private void plantGlobBait() throws Exception {
    for (String f : List.of("a", "b", "ab", "-rf")) Files.writeString(dir.resolve(f), f);
  }

  private List<String> dirListing() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "sh"})
  void dryRunScriptDoesExactlyWhatTheArgvSays(String shell) throws Exception {
    Oracles.require(HostTesting.onPath(shell), shell + " is not on the PATH");
    plantGlobBait();
    Path script = writeScript(adversarialPlan());
    List<String> before = dirListing();

    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    int rc = runScript(shell, script, dir, out, err, SECRETS);

    assertThat(rc).as("exit code; stderr: %s", Files.readString(err)).isZero();
    byte[] got = Files.readAllBytes(out);
    assertThat(splitNul(got)).isEqualTo(splitNul(expectedOutput()));
    assertThat(got).isEqualTo(expectedOutput());
    List<String> after = dirListing();
    after.removeAll(List.of("out", "err"));
    assertThat(after).as("no side effect file (pwned*) was created").isEqualTo(before);
  }

  @Test
  void localRunnerGivesTheSameBytesAsTheScript() throws Exception {
    plantGlobBait();
    LocalCommandRunner runner = LocalCommandRunner.builder().workingDirectory(dir).build();
    List<String> before = dirListing();
    CommandResult r = runner.run(printfNul(ADVERSARIAL));
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdoutBytes()).isEqualTo(nulJoined(ADVERSARIAL));

    // the whole plan, applied for real, prints the same bytes the script printed (checks' output aside)
    Plan plan = adversarialPlan();
    List<HostCommand> checks = plan.steps().stream().flatMap(s -> s.check().stream()).collect(Collectors.toList());
    List<byte[]> outputs = new ArrayList<>();
    CommandRunner recording = new CommandRunner() {
      @Override public CommandResult run(HostCommand command) {
        CommandResult res = runner.run(command);
        if (!checks.contains(command)) outputs.add(res.stdoutBytes());
        return res;
      }

      @Override public String host() { return runner.host(); }
    };
    PlanResult result = plan.apply(recording);
    assertThat(result.steps(StepStatus.SKIPPED_ALREADY_DONE)).extracting(StepResult::number).containsExactly(2);
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    for (byte[] o : outputs) all.write(o);
    assertThat(all.toByteArray()).isEqualTo(expectedOutput());
    assertThat(dirListing()).isEqualTo(before);
  }

  @Test
  void scriptWithoutItsSecretsRefusesToRunAnything() throws Exception {
    Path script = writeScript(adversarialPlan());
    String text = Files.readString(script);
    assertThat(text).doesNotContain("s3cr").doesNotContain("tok-value").doesNotContain("stdin-secret");
    assertThat(text).contains("KVMSDK_SECRET_1", "TOKEN_T", "KVMSDK_SECRET_2");
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    int rc = runScript("sh", script, dir, out, err, Map.of("TOKEN_T", "x"));
    assertThat(rc).isNotZero();
    assertThat(Files.size(out)).as("no step ran").isZero();
    assertThat(Files.readString(err)).contains("KVMSDK_SECRET_1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "sh"})
  void scriptRollsBackLikeApplyDoes(String shell) throws Exception {
    Oracles.require(HostTesting.onPath(shell), shell + " is not on the PATH");
    Plan plan = Plan.builder()
        .step(Step.builder("create one").check(HostCommand.of("test", "-e", "one"))
            .change(HostCommand.of("touch", "one")).undo(HostCommand.of("rm", "one")))
        .step(Step.builder("no undo").change(HostCommand.of("touch", "kept")))
        .step(Step.builder("create two, then fail").change(HostCommand.of("touch", "two")).change(HostCommand.of("false"))
            .undo(HostCommand.of("rm", "two")))
        .step(Step.builder("never reached").change(HostCommand.of("touch", "three")))
        .build();
    Path script = writeScript(plan);
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    int rc = runScript(shell, script, dir, out, err, Map.of());
    assertThat(rc).isNotZero();
    assertThat(dir.resolve("one")).doesNotExist();
    assertThat(dir.resolve("two")).doesNotExist();
    assertThat(dir.resolve("three")).doesNotExist();
    assertThat(dir.resolve("kept")).exists();
    assertThat(Files.readString(err)).contains("rolling back step 3", "rolling back step 1");

    // apply does the same
    Files.delete(dir.resolve("kept"));
    applyFailingAtStep(plan, 3);
    assertThat(dir.resolve("one")).doesNotExist();
    assertThat(dir.resolve("two")).doesNotExist();
    assertThat(dir.resolve("kept")).exists();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bash", "sh"})
  void aStepJudgedByAProbeIsNeverUndoneByTheScriptButReported(String shell) throws Exception {
    Oracles.require(HostTesting.onPath(shell), shell + " is not on the PATH");
    // "mark" was on the host before the run, as an address is on a bridge: the probe (Java) would see it and skip the step;
    // the script cannot judge the probe, runs the idempotent change, and must not remove what it did not create
    Files.writeString(dir.resolve("mark"), "before");
    Probe marked = Probe.of(HostCommand.of("ls"), "mark is there", out -> out.lines().anyMatch("mark"::equals));
    Plan plan = Plan.builder()
        .step(Step.builder("create one").check(HostCommand.of("test", "-e", "one"))
            .change(HostCommand.of("touch", "one")).undo(HostCommand.of("rm", "one")))
        .step(Step.builder("mark (idempotent)").probe(marked).change(HostCommand.of("touch", "mark")).undo(HostCommand.of("rm", "mark")))
        .step(Step.builder("fail").change(HostCommand.of("false")))
        .build();
    Path script = writeScript(plan);
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    int rc = runScript(shell, script, dir, out, err, Map.of());
    assertThat(rc).isNotZero();
    assertThat(dir.resolve("one")).doesNotExist();
    assertThat(dir.resolve("mark")).as("what the host had before the run").exists();
    assertThat(Files.readString(err)).contains("rolling back step 1").doesNotContain("rolling back step 2")
        .contains("kvm-sdk: step 2 is left as it is", "  rm mark");

    // apply judges the probe: the step is skipped, so its undo does not run either
    applyFailingAtStep(plan, 3);
    assertThat(dir.resolve("mark")).exists();
    assertThat(dir.resolve("one")).doesNotExist();
  }

  /** Applies {@code plan} in the test's folder, expecting it to fail at step {@code n}. */
  private void applyFailingAtStep(Plan plan, int n) {
    LocalCommandRunner runner = LocalCommandRunner.builder().workingDirectory(dir).build();
    try {
      plan.apply(runner);
      throw new AssertionError("expected PlanFailedException");
    } catch (io.kvmsdk.core.PlanFailedException e) {
      assertThat(e.failedStep().number()).isEqualTo(n);
    }
  }

  @Test
  void scriptShape() {
    Plan plan = Plan.builder()
        .step(Step.builder("create bridge br0\n; rm -rf / #").check(HostCommand.of("ip", "link", "show", "br0"))
            .change(HostCommand.of("ip", "link", "add", "br0", "type", "bridge")).undo(HostCommand.of("ip", "link", "del", "br0")))
        .build();
    String script = plan.toScript();
    assertThat(script).startsWith("#!/bin/sh\n").contains("\nset -eu\n");
    assertThat(script).contains("# Step 1/1: create bridge br0 ; rm -rf / #\n");
    assertThat(script).contains("if ip link show br0 >/dev/null 2>&1; then :; else\n  ip link add br0 type bridge\n");
    assertThat(script).contains("kvmsdk_undo_1() {\n  ip link del br0 || return 1\n}");
    assertThat(script.lines().filter(l -> l.contains("rm -rf")).allMatch(l -> l.startsWith("#"))).isTrue();
  }
}
