package io.kvmsdk.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.CommandFailedException;
import io.kvmsdk.core.KvmTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LocalCommandRunnerTest {
  private final LocalCommandRunner runner = LocalCommandRunner.create();

  @Test
  void capturesExitCodeStdoutAndStderr() {
    CommandResult r = runner.run(HostCommand.of("sh", "-c", "echo out; echo err >&2; exit 7"));
    assertThat(r.exitCode()).isEqualTo(7);
    assertThat(r.ok()).isFalse();
    assertThat(r.stdout()).isEqualTo("out\n");
    assertThat(r.stderr()).isEqualTo("err\n");
    assertThat(r.host()).isEqualTo("localhost");
    assertThat(r.duration()).isPositive();
    assertThatThrownBy(r::orThrow).isInstanceOf(CommandFailedException.class)
        .hasMessage("command `sh -c 'echo out; echo err >&2; exit 7'` failed on localhost with exit code 7: err");
  }

  @Test
  void runCheckedThrowsNamingHostArgvExitCodeAndStderrTail() {
    CommandFailedException e = (CommandFailedException) org.assertj.core.api.Assertions.catchThrowable(
        () -> runner.runChecked(HostCommand.of("ls", "/nonexistent-kvmsdk")));
    assertThat(e.host()).isEqualTo("localhost");
    assertThat(e.argv()).containsExactly("ls", "/nonexistent-kvmsdk");
    assertThat(e.exitCode()).isEqualTo(2);
    assertThat(e.stderrTail()).contains("No such file or directory");
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void missingProgramIsACommandFailedExceptionNotStarted() {
    assertThatThrownBy(() -> runner.run(HostCommand.of("kvmsdk-no-such-program", "x")))
        .isInstanceOfSatisfying(CommandFailedException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(CommandFailedException.NOT_STARTED);
          assertThat(e.getMessage()).startsWith("command `kvmsdk-no-such-program x` could not be started on localhost");
        });
  }

  @Test
  void bigStdoutAndStderrTogetherDoNotDeadlockAndAreCapped() {
    LocalCommandRunner small = LocalCommandRunner.builder().maxOutputBytes(100_000).build();
    // both pipes fill far beyond their 64 KiB kernel buffers at the same time
    HostCommand noisy = HostCommand.builder().args("sh", "-c",
        "i=0; while [ $i -lt 3000 ]; do echo \"out line $i ................................................\"; "
            + "echo \"err line $i ................................................\" >&2; i=$((i+1)); done")
        .timeout(Duration.ofSeconds(30)).build();
    CommandResult r = small.run(noisy);
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdoutBytes()).hasSize(100_000);
    assertThat(r.stderrBytes()).hasSize(100_000);
    assertThat(r.stdoutTruncated()).isTrue();
    assertThat(r.stderrTruncated()).isTrue();
    assertThat(r.stdout()).startsWith("out line 0 ");
    assertThat(r.stderr()).endsWith("err line 2999 ................................................\n");
  }

  @Test
  void stdinLargerThanAPipeBufferIsFedWhileOutputIsRead() {
    byte[] data = new byte[1_000_000];
    new Random(42).nextBytes(data);
    CommandResult r = runner.run(HostCommand.builder().arg("cat").stdin(data).build());
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdoutBytes()).isEqualTo(data);
  }

  @Test
  void environmentIsSetWithoutAShell() {
    CommandResult r = runner.run(HostCommand.builder().args("printenv", "KVMSDK_A", "KVMSDK_B")
        .env("KVMSDK_A", "$(no expansion)").secretEnv("KVMSDK_B", "secret value").build());
    assertThat(r.stdout()).isEqualTo("$(no expansion)\nsecret value\n");
  }

  @Test
  void timeoutKillsTheCommandQuickly() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> runner.run(HostCommand.of("sleep", "30").withTimeout(Duration.ofMillis(300))))
        .isInstanceOfSatisfying(KvmTimeoutException.class, e -> {
          assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300));
          assertThat(e.retryable()).isTrue();
          assertThat(e.getMessage()).contains("`sleep 30`", "localhost");
        });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .map(p -> p.info().commandLine().orElse("")).filter(c -> c.contains("sleep 30")).collect(Collectors.toList()))
        .isEmpty();
  }

  @Test
  void timeoutKillsTheWholeProcessTree() throws Exception {
    HostCommand tree = HostCommand.of("sh", "-c", "sleep 31 & sleep 32 & (sleep 33; :) & wait")
        .withTimeout(Duration.ofSeconds(2));
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    Set<String> sleeps = ConcurrentHashMap.newKeySet();
    ExecutorService ex = Executors.newSingleThreadExecutor();
    try {
      Future<?> f = ex.submit(() -> runner.run(tree));
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1800);
      while (System.nanoTime() < until && sleeps.size() < 3) {
        ProcessHandle.current().descendants().forEach(p -> {
          String cmd = p.info().commandLine().orElse("");
          boolean sleep = cmd.matches("(\\S*/)?sleep 3[123]");
          if (sleep) sleeps.add(cmd.substring(cmd.length() - 2));
          if (sleep || cmd.contains("sleep 31 &")) seen.add(p.pid());
        });
        Thread.sleep(20);
      }
      assertThatThrownBy(f::get).hasCauseInstanceOf(KvmTimeoutException.class);
    } finally {
      ex.shutdownNow();
    }
    assertThat(sleeps).as("the three sleeps were seen running").hasSize(3);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<Long> alive = new ArrayList<>(seen);
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      alive.removeIf(pid -> !HostTesting.running(pid));
      Thread.sleep(50);
    }
    assertThat(alive).as("processes left running").isEmpty();
  }

  @Test
  void isThreadSafe() throws Exception {
    ExecutorService ex = Executors.newFixedThreadPool(8);
    try {
      List<Future<CommandResult>> fs = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        String word = "word-" + i;
        fs.add(ex.submit(() -> runner.run(HostCommand.of("printf", "%s", word))));
      }
      for (int i = 0; i < 32; i++) assertThat(fs.get(i).get().stdout()).isEqualTo("word-" + i);
    } finally {
      ex.shutdownNow();
    }
  }

  @Test
  void backgroundChildHoldingThePipeDoesNotHangTheRunner() {
    long start = System.nanoTime();
    CommandResult r = runner.run(HostCommand.of("sh", "-c", "echo started; (sleep 10) & exit 0"));
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("started\n");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void outputIsUtf8() {
    CommandResult r = runner.run(HostCommand.of("printf", "%s", "日本語 ✓"));
    assertThat(r.stdoutBytes()).isEqualTo("日本語 ✓".getBytes(StandardCharsets.UTF_8));
  }
}
