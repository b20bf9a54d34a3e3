package io.kvmsdk.testkit.metrics;

import io.kvmsdk.core.testing.Oracles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Prometheus' own checker ({@code promtool check metrics|rules}), the oracle of the exposition and the rules files. */
final class Promtool {
  record Result(int exitCode, String output) {}

  private Promtool() {}

  static Path binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path p = Path.of(dir, "promtool");
      if (Files.isExecutable(p)) return p;
    }
    Oracles.require(false, "promtool is not installed (package prometheus): `bash scripts/oracles.sh install`");
    throw new AssertionError("unreachable");
  }

  /** {@code promtool check metrics} on {@code exposition} (stdin): exit 0 with no output means valid and lint-free. */
  static Result checkMetrics(String exposition) { return run(exposition, binary().toString(), "check", "metrics"); }

  /** {@code promtool check rules FILE}. */
  static Result checkRules(String yaml) {
    try {
      Path f = Files.createTempFile("kvmsdk-rules-", ".yml");
      try {
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return run("", binary().toString(), "check", "rules", f.toString());
      } finally {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Result run(String stdin, String... argv) {
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("promtool did not finish in 60 s");
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
