package io.kvmsdk.testkit.host;

/**
 * Thrown by a {@link FakeTool} to end its command with an exit code and output, from however deep
 * in its argument parsing it is; usually made with {@link FakeToolContext#fail(int, String)}. The
 * stderr text gets a final newline if it has none, as the real tools print it.
 */
public final class FakeToolExit extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;
  private final String stdout;
  private final String stderr;

  /** Ends the command with {@code exitCode} and {@code stderr} (nothing on stdout). */
  public FakeToolExit(int exitCode, String stderr) { this(exitCode, "", stderr); }

  /** Ends the command with {@code exitCode}, {@code stdout} and {@code stderr}. */
  public FakeToolExit(int exitCode, String stdout, String stderr) {
    super("exit " + exitCode + (stderr.isEmpty() ? "" : ": " + stderr.strip()), null, false, false);
    if (exitCode < 0 || exitCode > 255) throw new IllegalArgumentException("an exit code is 0..255, got " + exitCode);
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr.isEmpty() || stderr.endsWith("\n") ? stderr : stderr + "\n";
  }

  /** The exit code. */
  public int exitCode() { return exitCode; }

  /** What the command printed on stdout. */
  public String stdout() { return stdout; }

  /** What the command printed on stderr, ending with a newline unless empty. */
  public String stderr() { return stderr; }
}
