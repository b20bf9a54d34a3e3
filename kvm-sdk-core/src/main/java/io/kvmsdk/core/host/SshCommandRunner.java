package io.kvmsdk.core.host;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.KvmTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs commands on a remote host through the system OpenSSH client:
 * {@code ssh -o BatchMode=yes [-p port] [-i key] [-o StrictHostKeyChecking=...] [user@]host -- <command>}.
 * ssh hands the command to the remote user's login shell as one string, so that string is built
 * only with {@link ShellQuote} from the command's argv (the login shell must be POSIX: sh, bash,
 * dash, zsh, ksh). Secret arguments travel inside that string but show as {@code ****} everywhere;
 * prefer {@link HostCommand.Builder#secretStdin} for secrets, as the remote {@code ps} shows argv.
 * stdin is forwarded. On timeout the local ssh client is killed; a remote command that ignores the
 * hang-up may keep running. ssh's own exit status 255 (it could not connect, or the connection
 * dropped; not an authentication or host-key refusal) gives a result marked
 * {@link CommandResult#connectionLost()}, whose failure is retryable; a remote command that itself
 * exits 255 cannot be told apart and is reported the same way. Thread-safe: each call starts its
 * own ssh process (use {@link Builder#option} with {@code ControlMaster}/{@code ControlPath} to
 * share connections).
 */
public final class SshCommandRunner implements CommandRunner {
  /** The exit status OpenSSH's client reports for its own errors (connection refused or dropped, authentication failed). */
  static final int SSH_CONNECTION_LOST = 255;
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]%-]+");
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]*");
  private static final Pattern OPTION = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

  /** OpenSSH's {@code StrictHostKeyChecking} values. */
  public enum StrictHostKeyChecking {
    /** Refuse unknown and changed host keys. */
    YES("yes"),
    /** Add unknown host keys, refuse changed ones. */
    ACCEPT_NEW("accept-new"),
    /** Accept any host key (test setups only). */
    NO("no");

    private final String value;

    StrictHostKeyChecking(String value) { this.value = value; }

    /** The value as ssh_config writes it. */
    public String value() { return value; }
  }

  private final String sshProgram;
  private final String host;
  private final String user;
  private final Integer port;
  private final Path identityFile;
  private final StrictHostKeyChecking strictHostKeyChecking;
  private final Path knownHostsFile;
  private final Duration connectTimeout;
  private final List<String> options;
  private final LocalCommandRunner local;

  private SshCommandRunner(Builder b) {
    this.sshProgram = b.sshProgram;
    this.host = b.host;
    this.user = b.user;
    this.port = b.port;
    this.identityFile = b.identityFile;
    this.strictHostKeyChecking = b.strictHostKeyChecking;
    this.knownHostsFile = b.knownHostsFile;
    this.connectTimeout = b.connectTimeout;
    this.options = List.copyOf(b.options);
    this.local = b.local;
  }

  /** A builder for commands on {@code host} (a name or address; never starting with {@code -}). */
  public static Builder builder(String host) { return new Builder(host); }

  /** {@code user@host}, or {@code host} when no user is set. */
  @Override public String host() { return user == null ? host : user + "@" + host; }

  /**
   * The local ssh command that runs {@code remote} on the host: its last argument is the remote
   * command string (quoted with {@link ShellQuote}, secrets masked when shown); timeout and stdin
   * are those of {@code remote}.
   */
  public HostCommand sshCommand(HostCommand remote) {
    HostCommand.Builder b = HostCommand.builder().arg(sshProgram).args("-o", "BatchMode=yes");
    if (connectTimeout != null) b.args("-o", "ConnectTimeout=" + Math.max(1, connectTimeout.toSeconds()));
    if (port != null) b.args("-p", Integer.toString(port));
    if (identityFile != null) b.args("-i", identityFile.toString());
    if (strictHostKeyChecking != null) b.args("-o", "StrictHostKeyChecking=" + strictHostKeyChecking.value());
    if (knownHostsFile != null) b.args("-o", "UserKnownHostsFile=" + knownHostsFile);
    for (String o : options) b.args("-o", o);
    b.arg(host()).arg("--").arg(remoteCommand(remote));
    b.timeout(remote.timeout());
    remote.stdin().ifPresent(in -> {
      if (remote.stdinSecret()) b.secretStdin(in); else b.stdin(in);
    });
    return b.build();
  }

  /** The remote command string: every word of the command line quoted, secrets masked in what people see. */
  static Arg remoteCommand(HostCommand remote) {
    List<Arg> line = remote.commandLine();
    String value = ShellQuote.join(line.stream().map(Arg::value).collect(Collectors.toList()));
    if (line.stream().noneMatch(Arg::isSecret)) return Arg.of(value);
    String shown = line.stream().map(Arg::maskedQuoted).collect(Collectors.joining(" "));
    return Arg.masked(value, shown);
  }

  @Override public CommandResult run(HostCommand command) {
    HostCommand ssh = sshCommand(command);
    try {
      CommandResult r = local.execute(ssh.argv(), Map.of(), ssh, host());
      // report the remote command, not the ssh wrapper
      CommandResult remote = new CommandResult(command, host(), r.exitCode(), r.stdoutBytes(), r.stderrBytes(),
          r.stdoutTruncated(), r.stderrTruncated(), r.duration());
      return connectionLost(r) ? remote.withConnectionLost() : remote;
    } catch (KvmTimeoutException e) {
      throw new KvmTimeoutException("command `" + command + "` on " + host() + " (over ssh)", command.timeout());
    }
  }

  /**
   * True when ssh's exit 255 reports a lost or refused connection, the kind a retry may get past;
   * not when ssh was refused for good (authentication, a changed host key).
   */
  static boolean connectionLost(CommandResult r) {
    if (r.exitCode() != SSH_CONNECTION_LOST) return false;
    String err = r.stderr();
    return !(err.contains("Permission denied (") || err.contains("Host key verification failed")
        || err.contains("REMOTE HOST IDENTIFICATION HAS CHANGED"));
  }

  @Override public String toString() { return "SshCommandRunner[" + host() + (port == null ? "" : ":" + port) + "]"; }

  /** Builds a {@link SshCommandRunner}. */
  public static final class Builder {
    private final String host;
    private String sshProgram = "ssh";
    private String user;
    private Integer port;
    private Path identityFile;
    private StrictHostKeyChecking strictHostKeyChecking;
    private Path knownHostsFile;
    private Duration connectTimeout;
    private final List<String> options = new ArrayList<>();
    private LocalCommandRunner local = LocalCommandRunner.create();

    private Builder(String host) {
      if (host == null || host.startsWith("-") || !HOST.matcher(host).matches()) {
        throw new InvalidSpecException("host", "must be a host name or address not starting with '-', got '" + host + "'");
      }
      this.host = host;
    }

    /** The remote user ({@code user@host}); default: ssh's (the local user or ssh_config's {@code User}). */
    public Builder user(String user) {
      if (user == null || !USER.matcher(user).matches()) {
        throw new InvalidSpecException("user", "must be a user name ([A-Za-z0-9._-], not starting with '-'), got '" + user + "'");
      }
      this.user = user;
      return this;
    }

    /** The ssh port ({@code -p}). */
    public Builder port(int port) {
      if (port < 1 || port > 65535) throw new InvalidSpecException("port", "must be 1-65535, got " + port);
      this.port = port;
      return this;
    }

    /** The private key file ({@code -i}). */
    public Builder identityFile(Path key) { this.identityFile = Objects.requireNonNull(key, "key"); return this; }

    /** {@code -o StrictHostKeyChecking=...}; default: ssh_config's (with BatchMode an unknown host fails). */
    public Builder strictHostKeyChecking(StrictHostKeyChecking value) { this.strictHostKeyChecking = Objects.requireNonNull(value); return this; }

    /** {@code -o UserKnownHostsFile=...}. */
    public Builder knownHostsFile(Path file) { this.knownHostsFile = Objects.requireNonNull(file, "file"); return this; }

    /** {@code -o ConnectTimeout=...} (whole seconds, at least 1). */
    public Builder connectTimeout(Duration timeout) { this.connectTimeout = Objects.requireNonNull(timeout); return this; }

    /** Any other ssh_config option, e.g. {@code option("ServerAliveInterval", "15")}. */
    public Builder option(String name, String value) {
      if (name == null || !OPTION.matcher(name).matches()) throw new InvalidSpecException("option", "must be an ssh_config keyword, got '" + name + "'");
      if (value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) throw new InvalidSpecException("option/" + name, "value must be one line");
      options.add(name + "=" + value);
      return this;
    }

    /** The ssh client program (default {@code ssh} on the PATH). */
    public Builder sshProgram(String program) { this.sshProgram = Objects.requireNonNull(program); return this; }

    /** The local runner that starts ssh (default {@link LocalCommandRunner#create()}). */
    public Builder localRunner(LocalCommandRunner runner) { this.local = Objects.requireNonNull(runner); return this; }

    public SshCommandRunner build() { return new SshCommandRunner(this); }
  }
}
