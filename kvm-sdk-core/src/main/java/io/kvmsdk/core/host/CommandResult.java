package io.kvmsdk.core.host;

import io.kvmsdk.core.CommandFailedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * What a finished {@link HostCommand} left: exit code, captured stdout and stderr (bounded: stdout
 * keeps its head, stderr its tail, see {@link #stdoutTruncated()}), how long it ran and where, and
 * whether the connection to the host was lost ({@link #connectionLost()}: then the exit code is the
 * transport's, not the command's, and the command may or may not have run).
 */
public final class CommandResult {
  /** How many characters of stderr an exception message quotes. */
  static final int STDERR_TAIL_CHARS = 2000;
  private static final int STDERR_TAIL_LINES = 20;

  private final HostCommand command;
  private final String host;
  private final int exitCode;
  private final byte[] stdout;
  private final byte[] stderr;
  private final boolean stdoutTruncated;
  private final boolean stderrTruncated;
  private final Duration duration;
  private final boolean connectionLost;

  public CommandResult(HostCommand command, String host, int exitCode, byte[] stdout, byte[] stderr,
      boolean stdoutTruncated, boolean stderrTruncated, Duration duration) {
    this(command, host, exitCode, stdout, stderr, stdoutTruncated, stderrTruncated, duration, false);
  }

  private CommandResult(HostCommand command, String host, int exitCode, byte[] stdout, byte[] stderr,
      boolean stdoutTruncated, boolean stderrTruncated, Duration duration, boolean connectionLost) {
    this.command = Objects.requireNonNull(command, "command");
    this.host = Objects.requireNonNull(host, "host");
    this.exitCode = exitCode;
    this.stdout = stdout.clone();
    this.stderr = stderr.clone();
    this.stdoutTruncated = stdoutTruncated;
    this.stderrTruncated = stderrTruncated;
    this.duration = Objects.requireNonNull(duration, "duration");
    this.connectionLost = connectionLost;
    if (connectionLost && exitCode == 0) throw new IllegalArgumentException("a result whose connection was lost cannot have exit code 0");
  }

  /** A result with text output, for fakes and tests of code built on a {@link CommandRunner}. */
  public static CommandResult of(HostCommand command, String host, int exitCode, String stdout, String stderr) {
    return new CommandResult(command, host, exitCode, stdout.getBytes(StandardCharsets.UTF_8),
        stderr.getBytes(StandardCharsets.UTF_8), false, false, Duration.ZERO);
  }

  /** The command that ran. */
  public HostCommand command() { return command; }

  /** Where it ran. */
  public String host() { return host; }

  /** The exit status (0 means success). */
  public int exitCode() { return exitCode; }

  /** True when the exit status is 0. */
  public boolean ok() { return exitCode == 0; }

  /** Captured stdout, decoded as UTF-8. */
  public String stdout() { return new String(stdout, StandardCharsets.UTF_8); }

  /** Captured stdout bytes (a copy). */
  public byte[] stdoutBytes() { return stdout.clone(); }

  /** Captured stderr, decoded as UTF-8. */
  public String stderr() { return new String(stderr, StandardCharsets.UTF_8); }

  /** Captured stderr bytes (a copy). */
  public byte[] stderrBytes() { return stderr.clone(); }

  /** True when stdout was longer than the capture limit (its head was kept). */
  public boolean stdoutTruncated() { return stdoutTruncated; }

  /** True when stderr was longer than the capture limit (its tail was kept). */
  public boolean stderrTruncated() { return stderrTruncated; }

  /** How long the command ran. */
  public Duration duration() { return duration; }

  /**
   * True when the connection to the host was lost (ssh exited 255: it could not connect, or the
   * connection dropped while the command ran): the command may not have run, or may have run fully
   * with its reply lost. A failure built from such a result is {@link CommandFailedException#retryable()
   * retryable}; a caller that retries should first look whether the command's effect is already there.
   */
  public boolean connectionLost() { return connectionLost; }

  /** A copy of this result marked as {@link #connectionLost()} (its exit code must not be 0). */
  public CommandResult withConnectionLost() {
    return new CommandResult(command, host, exitCode, stdout, stderr, stdoutTruncated, stderrTruncated, duration, true);
  }

  /** The last lines of stderr with the command's secrets masked, as quoted in exception messages. */
  public String stderrTail() {
    String s = command.redact(stderr()).strip();
    String[] lines = s.split("\\R", -1);
    if (lines.length > STDERR_TAIL_LINES) {
      s = "..." + String.join("\n", java.util.Arrays.copyOfRange(lines, lines.length - STDERR_TAIL_LINES, lines.length));
    }
    if (s.length() > STDERR_TAIL_CHARS) s = "..." + s.substring(s.length() - STDERR_TAIL_CHARS);
    return s;
  }

  /**
   * The exception that reports this result as a failure (host, masked argv, exit code, stderr tail);
   * retryable exactly when the {@link #connectionLost() connection was lost}.
   */
  public CommandFailedException toException() {
    String tail = stderrTail();
    if (connectionLost) tail = tail.isEmpty() ? "connection to the host lost" : tail + " (connection to the host lost)";
    return new CommandFailedException(host, command.maskedCommandLine(), exitCode, tail, null, connectionLost);
  }

  /** This result if the exit status is 0, else throws {@link #toException()}. */
  public CommandResult orThrow() {
    if (!ok()) throw toException();
    return this;
  }

  @Override public String toString() {
    return "`" + command + "` on " + host + " -> exit " + exitCode + " in " + duration.toMillis() + " ms"
        + (connectionLost ? ", connection lost" : "") + (stderr.length == 0 ? "" : ", stderr: " + stderrTail());
  }
}
