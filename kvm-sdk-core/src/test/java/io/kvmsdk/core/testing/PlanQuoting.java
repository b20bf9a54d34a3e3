package io.kvmsdk.core.testing;

import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a plan's dry-run script lines under real shells (bash and dash) and checks that every
 * argument, and the stdin, reaches the program unchanged: no expansion, no word splitting, no second
 * command. Each command of each step (check, change, undo) is rendered by {@link Plan#toScript()}
 * as a one-step plan and run with {@code PATH} holding only recording stand-ins of its programs
 * (so nothing real runs, and a second command would be "not found" and fail the script).
 * Commands with secret arguments or stdin (their values come from the environment) and programs
 * named by a path are counted as skipped.
 */
public final class PlanQuoting {
  /** The shells every script line is run by (those present here). */
  public static final List<String> SHELLS = List.of("/bin/bash", "/bin/dash");

  /** Programs the shells run as builtins: no stand-in can record them, so they are skipped. */
  static final java.util.Set<String> BUILTINS = java.util.Set.of("test", "[", "echo", "printf", "true", "false", ":", "cd", "kill", "read", "pwd", "command", "exec", "eval", "set", "export", "trap", "type", "ulimit", "umask", "wait");

  private PlanQuoting() {}

  /** What {@link #check} saw. */
  public static final class Result {
    public int commands;
    public int runs;
    public int skipped;
    /** Commands already run (the same command line and stdin from another plan is not run again). */
    final java.util.Set<List<Object>> seen = new java.util.HashSet<>();
    public final List<String> failures = new ArrayList<>();

    @Override public String toString() { return commands + " commands (" + seen.size() + " different), " + runs + " shell runs, " + skipped + " skipped, " + failures.size() + " failures"; }
  }

  /** True when at least one of {@link #SHELLS} is installed. */
  public static boolean available() { return SHELLS.stream().anyMatch(s -> Files.isExecutable(Path.of(s))); }

  /** Checks every command of {@code plan}; adds to {@code into} (returned). */
  public static Result check(Plan plan, Result into) {
    for (Step s : plan.steps()) {
      List<HostCommand> all = new ArrayList<>();
      s.check().ifPresent(all::add);
      all.addAll(s.change());
      all.addAll(s.undo());
      for (HostCommand c : all) one(s.description(), c, into);
    }
    return into;
  }

  private static void one(String description, HostCommand c, Result r) {
    r.commands++;
    List<String> expected = c.commandLine().stream().map(a -> a.value()).toList();
    if (!r.seen.add(List.of(expected, Arrays.toString(c.stdin().orElse(new byte[0]))))) return;
    String program = expected.get(0);
    if (c.hasSecrets() || c.stdinSecret() || program.contains("/") || BUILTINS.contains(program) || program.isEmpty() || program.startsWith(".")) {
      r.skipped++;
      return;
    }
    String script = Plan.of(Step.of(description, c)).toScript();
    byte[] stdin = c.stdin().orElse(new byte[0]);
    try {
      Path dir = Files.createTempDirectory("kvmsdk-quoting");
      try {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path log = dir.resolve("log");
        String shim = "#!/bin/sh\n{ printf '%s\\0' \"${0##*/}\" \"$@\"; printf '\\036'; /bin/cat; printf '\\035'; } >> \"$KVMSDK_LOG\"\nexit 0\n";
        for (String p : List.of(program, "sudo", "env")) {
          Path f = bin.resolve(p);
          if (!Files.exists(f)) {
            Files.writeString(f, shim);
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
          }
        }
        if (!Files.exists(bin.resolve("base64"))) Files.createSymbolicLink(bin.resolve("base64"), Path.of("/usr/bin/base64"));
        Path file = dir.resolve("plan.sh");
        Files.writeString(file, script);
        for (String shell : SHELLS) {
          if (!Files.isExecutable(Path.of(shell))) continue;
          Files.deleteIfExists(log);
          ProcessBuilder pb = new ProcessBuilder(shell, file.toString()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectErrorStream(true);
          pb.environment().clear();
          pb.environment().put("PATH", bin.toString());
          pb.environment().put("KVMSDK_LOG", log.toString());
          Process p = pb.start();
          byte[] out = p.getInputStream().readAllBytes();
          if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            r.failures.add(shell + ": no end after 30 s: " + c);
            continue;
          }
          r.runs++;
          String what = shell + " ran " + Fuzz.excerpt(String.valueOf(expected), 200);
          if (p.exitValue() != 0) {
            r.failures.add(what + ": exit " + p.exitValue() + ": " + Fuzz.excerpt(new String(out, StandardCharsets.UTF_8), 200));
            continue;
          }
          byte[] got = Files.exists(log) ? Files.readAllBytes(log) : new byte[0];
          List<byte[]> records = split(got, (byte) 035);
          if (records.size() != 1) {
            r.failures.add(what + ": " + records.size() + " programs ran instead of 1");
            continue;
          }
          byte[] rec = records.get(0);
          int sep = indexOf(rec, (byte) 036);
          List<String> argv = new ArrayList<>();
          for (byte[] a : split(Arrays.copyOf(rec, sep), (byte) 0)) argv.add(new String(a, StandardCharsets.UTF_8));
          byte[] in = Arrays.copyOfRange(rec, sep + 1, rec.length);
          if (!argv.equals(expected)) r.failures.add(what + ": the program got " + Fuzz.excerpt(String.valueOf(argv), 200));
          else if (!Arrays.equals(in, stdin)) r.failures.add(what + ": its stdin changed: " + Fuzz.excerpt(new String(in, StandardCharsets.UTF_8), 200));
        }
      } finally {
        try (var w = Files.walk(dir)) {
          for (Path f : w.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int indexOf(byte[] b, byte x) {
    for (int i = 0; i < b.length; i++) if (b[i] == x) return i;
    return b.length;
  }

  /** {@code b} split after each {@code end} byte (a trailing piece without one is dropped). */
  private static List<byte[]> split(byte[] b, byte end) {
    List<byte[]> out = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == end) {
        out.add(Arrays.copyOfRange(b, from, i));
        from = i + 1;
      }
    }
    return out;
  }
}
