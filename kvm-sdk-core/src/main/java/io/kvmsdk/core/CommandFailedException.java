package io.kvmsdk.core;

import io.kvmsdk.core.host.ShellQuote;
import java.util.List;

/**
 * A host command exited with a non-zero status (or could not be started). Names the host, the
 * argv with every secret argument shown as {@code ****}, the exit code and the tail of stderr
 * (with secret values masked too). Never carries a secret: build it from already-masked text.
 */
public class CommandFailedException extends KvmException {
  private static final long serialVersionUID = 1L;
  /** Exit code used when the command could not be started at all. */
  public static final int NOT_STARTED = -1;

  private final String host;
  private final List<String> argv;
  private final int exitCode;
  private final String stderrTail;

  /**
   * @param host       where the command ran ({@code localhost}, {@code root@hv1})
   * @param argv       the command line, secrets already masked
   * @param exitCode   the exit status, or {@link #NOT_STARTED}
   * @param stderrTail the last lines of stderr (or why it could not start), secrets already masked
   */
  public CommandFailedException(String host, List<String> argv, int exitCode, String stderrTail) {
    this(host, argv, exitCode, stderrTail, null, false);
  }

  public CommandFailedException(String host, List<String> argv, int exitCode, String stderrTail,
      Throwable cause, boolean retryable) {
    super(message(host, argv, exitCode, stderrTail), cause, retryable);
    this.host = host;
    this.argv = List.copyOf(argv);
    this.exitCode = exitCode;
    this.stderrTail = stderrTail == null ? "" : stderrTail;
  }

  private static String message(String host, List<String> argv, int exitCode, String stderrTail) {
    String cmd = ShellQuote.join(argv);
    String tail = stderrTail == null || stderrTail.isBlank() ? "" : ": " + stderrTail.strip();
    if (exitCode == NOT_STARTED) return "command `" + cmd + "` could not be started on " + host + tail;
    return "command `" + cmd + "` failed on " + host + " with exit code " + exitCode + tail;
  }

  /** Where the command ran. */
  public String host() { return host; }

  /** The command line as shown to people: secret arguments are {@code ****}. */
  public List<String> argv() { return argv; }

  /** The exit status, or {@link #NOT_STARTED}. */
  public int exitCode() { return exitCode; }

  /** The last lines of stderr, secret values masked. */
  public String stderrTail() { return stderrTail; }
}
