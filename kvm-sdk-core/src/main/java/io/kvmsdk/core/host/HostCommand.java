package io.kvmsdk.core.host;

import io.kvmsdk.core.InvalidSpecException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One command to run on a host: an argv list (never a shell string), a timeout, and optionally
 * sudo, stdin and environment variables. Immutable. Secret arguments, environment values and stdin
 * are passed for real but print as {@code ****}.
 *
 * <pre>{@code
 * HostCommand add = HostCommand.of("ip", "link", "add", "br0", "type", "bridge");
 * HostCommand chap = HostCommand.builder().args("tgtadm", "--lld", "iscsi", "--op", "new",
 *     "--mode", "account", "--user", "alice", "--password").secretArg(password).sudo().build();
 * }</pre>
 */
public final class HostCommand {
  /** The timeout a command gets unless it says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final List<Arg> args;
  private final Duration timeout;
  private final boolean sudo;
  private final byte[] stdin;
  private final boolean stdinSecret;
  private final Map<String, Arg> env;

  private HostCommand(Builder b) {
    if (b.args.isEmpty()) throw new InvalidSpecException("argv", "a command needs at least the program name");
    if (b.args.get(0).value().isEmpty()) throw new InvalidSpecException("argv[0]", "the program name must not be empty");
    if (b.timeout.isNegative() || b.timeout.isZero()) {
      throw new InvalidSpecException("timeout", "must be positive, got " + b.timeout);
    }
    this.args = List.copyOf(b.args);
    this.timeout = b.timeout;
    this.sudo = b.sudo;
    this.stdin = b.stdin == null ? null : b.stdin.clone();
    this.stdinSecret = b.stdinSecret;
    this.env = Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
  }

  /** A command from its argv, e.g. {@code HostCommand.of("ip", "link", "show", "br0")}. */
  public static HostCommand of(String program, String... args) {
    return builder().arg(program).args(args).build();
  }

  /** A command from its argv list. */
  public static HostCommand of(List<String> argv) {
    return builder().args(argv).build();
  }

  /**
   * A read-only check that needs a pipeline: {@code sh -c 'stage1 | stage2 | ...'}, each stage an
   * argv list quoted word by word by {@link ShellQuote} (nothing of a stage is read as shell syntax),
   * e.g. {@code pipeline(List.of("nft", "list", "table", "inet", "kvm"), List.of("sha256sum"))}.
   * Its exit status is the last stage's.
   */
  @SafeVarargs
  public static HostCommand pipeline(List<String>... stages) {
    if (stages.length == 0) throw new IllegalArgumentException("a pipeline needs at least one stage");
    StringBuilder script = new StringBuilder();
    for (List<String> stage : stages) {
      if (stage.isEmpty()) throw new IllegalArgumentException("a pipeline stage needs a program");
      if (script.length() > 0) script.append(" | ");
      script.append(ShellQuote.join(stage));
    }
    return of("sh", "-c", script.toString());
  }

  public static Builder builder() { return new Builder(); }

  /** A builder holding this command's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.args.addAll(args);
    b.timeout = timeout;
    b.sudo = sudo;
    b.stdin = stdin;
    b.stdinSecret = stdinSecret;
    b.env.putAll(env);
    return b;
  }

  /** A copy changed by {@code change}, e.g. {@code cmd.copy(b -> b.sudo().timeout(Duration.ofMinutes(5)))}. */
  public HostCommand copy(Consumer<Builder> change) {
    Builder b = toBuilder();
    change.accept(b);
    return b.build();
  }

  /** This command with another timeout. */
  public HostCommand withTimeout(Duration timeout) { return copy(b -> b.timeout(timeout)); }

  /** This command run through {@code sudo -n}. */
  public HostCommand withSudo() { return copy(Builder::sudo); }

  /** The arguments, program first. */
  public List<Arg> args() { return args; }

  /** The real argv, program first. Contains secret values: never log it; use {@link #maskedArgv()}. */
  public List<String> argv() { return args.stream().map(Arg::value).collect(Collectors.toUnmodifiableList()); }

  /** The argv as people may see it: secrets are {@code ****}. */
  public List<String> maskedArgv() { return args.stream().map(Arg::masked).collect(Collectors.toUnmodifiableList()); }

  /** How long the command may run before it is killed. */
  public Duration timeout() { return timeout; }

  /** True when the command runs through {@code sudo -n} (never prompting). */
  public boolean sudo() { return sudo; }

  /** The bytes fed to the command's stdin (a copy); empty when stdin is {@code /dev/null}. */
  public Optional<byte[]> stdin() { return Optional.ofNullable(stdin).map(byte[]::clone); }

  /** True when the stdin bytes are secret. */
  public boolean stdinSecret() { return stdinSecret; }

  /** Environment variables set for the command (values may be secret). */
  public Map<String, Arg> env() { return env; }

  /**
   * The full command line as it runs on a remote host or in a script: {@code sudo -n --} when
   * sudo, then {@code env NAME=value...} when there are environment variables, then the argv.
   */
  public List<Arg> commandLine() {
    List<Arg> out = new ArrayList<>();
    if (sudo) out.addAll(List.of(Arg.of("sudo"), Arg.of("-n"), Arg.of("--")));
    if (!env.isEmpty()) {
      out.add(Arg.of("env"));
      env.forEach((k, v) -> out.add(v.withPrefix(k + "=")));
    }
    out.addAll(args);
    return out;
  }

  /** The full command line as people may see it (secrets are {@code ****}). */
  public List<String> maskedCommandLine() {
    return commandLine().stream().map(Arg::masked).collect(Collectors.toUnmodifiableList());
  }

  /** True when any argument, environment value or the stdin is secret. */
  public boolean hasSecrets() {
    return stdinSecret || args.stream().anyMatch(Arg::isSecret) || env.values().stream().anyMatch(Arg::isSecret);
  }

  /** {@code text} with every secret value of this command replaced by {@code ****} (for stderr a tool may echo). */
  public String redact(String text) {
    if (text == null || text.isEmpty() || !hasSecrets()) return text;
    Set<String> secrets = new LinkedHashSet<>();
    for (Arg a : commandLine()) if (a.isSecret() && a.secretPart() != null) secrets.add(a.secretPart());
    if (stdinSecret && stdin != null) {
      String s = new String(stdin, StandardCharsets.UTF_8);
      secrets.add(s);
      secrets.add(s.strip());
      secrets.addAll(Arrays.asList(s.split("\\R")));
    }
    List<String> sorted = secrets.stream().filter(s -> !s.isEmpty())
        .sorted((x, y) -> y.length() - x.length()).collect(Collectors.toList());
    String out = text;
    for (String s : sorted) out = out.replace(s, Arg.MASK);
    return out;
  }

  /** Shell-like, for people: secrets are {@code ****}, other words quoted as {@link ShellQuote} does. */
  @Override public String toString() {
    String line = commandLine().stream().map(Arg::maskedQuoted).collect(Collectors.joining(" "));
    if (stdin == null) return line;
    return line + (stdinSecret ? " <<< ****" : " <<< (" + stdin.length + " bytes)");
  }

  @Override public boolean equals(Object o) {
    if (!(o instanceof HostCommand)) return false;
    HostCommand c = (HostCommand) o;
    return args.equals(c.args) && timeout.equals(c.timeout) && sudo == c.sudo && Arrays.equals(stdin, c.stdin)
        && stdinSecret == c.stdinSecret && env.equals(c.env);
  }

  @Override public int hashCode() { return Objects.hash(args, timeout, sudo, Arrays.hashCode(stdin), stdinSecret, env); }

  /** Builds a {@link HostCommand}. */
  public static final class Builder {
    private final List<Arg> args = new ArrayList<>();
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean sudo;
    private byte[] stdin;
    private boolean stdinSecret;
    private final Map<String, Arg> env = new LinkedHashMap<>();

    private Builder() {}

    /** Appends a plain argument. */
    public Builder arg(String value) { args.add(Arg.of(value)); return this; }

    /** Appends an argument (plain or secret). */
    public Builder arg(Arg arg) { args.add(Objects.requireNonNull(arg, "arg")); return this; }

    /** Appends plain arguments. */
    public Builder args(String... values) { for (String v : values) arg(v); return this; }

    /** Appends plain arguments. */
    public Builder args(List<String> values) { values.forEach(this::arg); return this; }

    /** Appends a secret argument: passed for real, shown as {@code ****}. */
    public Builder secretArg(String value) { return arg(Arg.secret(value)); }

    /** Appends a named secret argument ({@code name} is the environment variable rendered scripts read it from). */
    public Builder secretArg(String name, String value) { return arg(Arg.secret(name, value)); }

    /** How long the command may run (default {@link #DEFAULT_TIMEOUT}). */
    public Builder timeout(Duration timeout) { this.timeout = Objects.requireNonNull(timeout, "timeout"); return this; }

    /** Whether to run through {@code sudo -n}. */
    public Builder sudo(boolean sudo) { this.sudo = sudo; return this; }

    /** Run through {@code sudo -n}. */
    public Builder sudo() { return sudo(true); }

    /** Feeds {@code bytes} to stdin. */
    public Builder stdin(byte[] bytes) { this.stdin = bytes.clone(); this.stdinSecret = false; return this; }

    /** Feeds {@code text} (UTF-8) to stdin. */
    public Builder stdin(String text) { return stdin(text.getBytes(StandardCharsets.UTF_8)); }

    /** Feeds secret bytes to stdin (the safest way to hand a secret to a command: it never shows in {@code ps}). */
    public Builder secretStdin(byte[] bytes) { this.stdin = bytes.clone(); this.stdinSecret = true; return this; }

    /** Feeds secret text (UTF-8) to stdin. */
    public Builder secretStdin(String text) { return secretStdin(text.getBytes(StandardCharsets.UTF_8)); }

    /** Sets an environment variable for the command. */
    public Builder env(String name, String value) { return env(name, Arg.of(value)); }

    /** Sets an environment variable whose value is secret. */
    public Builder secretEnv(String name, String value) { return env(name, Arg.secret(value)); }

    private Builder env(String name, Arg value) {
      if (name == null || !ENV_NAME.matcher(name).matches()) {
        throw new InvalidSpecException("env", "an environment variable name must match [A-Za-z_][A-Za-z0-9_]*, got '" + name + "'");
      }
      env.put(name, value);
      return this;
    }

    public HostCommand build() { return new HostCommand(this); }
  }
}
