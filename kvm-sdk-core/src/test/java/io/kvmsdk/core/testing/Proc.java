package io.kvmsdk.core.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real program for a test: argv, a timeout, its exit code and output (shared by every module's tests). */
public final class Proc {
  private Proc() {}

  /** What a program did. */
  public record Result(int rc, String out, String err) {
    public boolean ok() { return rc == 0; }

    @Override public String toString() { return "rc=" + rc + (out.isBlank() ? "" : "\nstdout: " + out.strip()) + (err.isBlank() ? "" : "\nstderr: " + err.strip()); }
  }

  public static Result run(String... argv) { return run(List.of(argv), null, 60); }

  /** Runs {@code argv} with {@code stdin} (none when null: /dev/null), failing the test past the timeout. */
  public static Result run(List<String> argv, String stdin, int timeoutSeconds) {
    try {
      Path out = Files.createTempFile("kvmsdk-proc-out", ".txt");
      Path err = Files.createTempFile("kvmsdk-proc-err", ".txt");
      try {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin == null) pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        if (stdin != null) {
          p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
          p.getOutputStream().close();
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError(argv + " ran longer than " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** True when {@code program} is on the PATH (or under /usr/sbin, /sbin). */
  public static boolean has(String program) {
    for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
    }
    return false;
  }

  /** Skips (fails under -Dkvmsdk.requireTools=true) unless {@code programs} are installed. */
  public static void require(String... programs) {
    for (String p : programs) Oracles.require(has(p), p + " is not installed (see scripts/oracles.sh install)");
  }

  /** Skips (fails under -Dkvmsdk.requireTools=true) unless the test runs as root. */
  public static void requireRoot(String why) {
    Oracles.require("root".equals(System.getProperty("user.name")), why + " needs root");
  }
}
