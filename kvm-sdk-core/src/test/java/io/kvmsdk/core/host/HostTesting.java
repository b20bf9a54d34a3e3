package io.kvmsdk.core.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.Marker;

/** Shared bits of the host tests: adversarial words, NUL-joined bytes, a capturing SLF4J logger, process checks. */
final class HostTesting {
  private HostTesting() {}

  /** Words that break naive quoting. */
  static final List<String> ADVERSARIAL = List.of(
      "plain", "", " ", "two words", "it's", "'", "''", "'\\''", "\"double\"", "\"", "$(touch pwned1)",
      "`touch pwned2`", "$HOME", "${PATH}", "$((1+1))", "a\nb", "trailing\n", "line\r\n", ";", "; touch pwned3",
      "&& touch pwned4", "|| touch pwned5", "| touch pwned6", "*", "?", "[ab]", "{a,b}", "~", "~root", "-n", "-e",
      "--", "-", "--help", "\\", "\\n", "\\0", "%s", "%s\\0", "!", "!!", "if", "then", "fi", "done", "{", "}",
      "#comment", "a=b", "PATH=/nowhere", "x\ty", "<", ">pwned7", "2>&1", "$'\\x41'", "ünïcödé ✓ 日本語 😀",
      "\u00a0nbsp", "\u2028sep", "\u0007bell", "\u001b[31mred", "a b 'c' \"d\" $e `f` \\g");

  /** The bytes {@code printf '%s\0' words...} writes. */
  static byte[] nulJoined(List<String> words) {
    StringBuilder sb = new StringBuilder();
    for (String w : words) sb.append(w).append('\0');
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Splits NUL-terminated output back into words, for readable assertion failures. */
  static List<String> splitNul(byte[] out) {
    String s = new String(out, StandardCharsets.UTF_8);
    List<String> words = new ArrayList<>(List.of(s.split("\0", -1)));
    if (!words.isEmpty() && words.get(words.size() - 1).isEmpty()) words.remove(words.size() - 1);
    return words;
  }

  /** Runs {@code shell script} in {@code dir} with stdout to {@code out}, returns the exit code. */
  static int runScript(String shell, Path script, Path dir, Path out, Path err, java.util.Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(shell, script.toString()).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("script did not finish");
    }
    return p.exitValue();
  }

  /** True when {@code which} finds the program. */
  static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) return true;
    }
    return false;
  }

  /** True when the process exists and is not a zombie. */
  static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return false;
    }
  }

  /** An SLF4J logger with every level on that keeps the formatted lines. */
  static final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());

    CapturingLogger() { this.name = "capture"; }

    @Override public boolean isTraceEnabled() { return true; }
    @Override public boolean isDebugEnabled() { return true; }
    @Override public boolean isInfoEnabled() { return true; }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public boolean isErrorEnabled() { return true; }
    @Override protected String getFullyQualifiedCallerName() { return null; }

    @Override protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args, Throwable t) {
      lines.add(level + " " + MessageFormatter.basicArrayFormat(pattern, args) + (t == null ? "" : " " + t));
    }
  }
}
