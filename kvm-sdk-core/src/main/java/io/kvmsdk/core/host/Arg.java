package io.kvmsdk.core.host;

import io.kvmsdk.core.InvalidSpecException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One argv element of a {@link HostCommand}. A secret argument (a password, a key) is passed to the
 * command for real but shows as {@code ****} in {@code toString()}, logs, exception messages and
 * rendered scripts (where it is read from an environment variable, see {@link Plan#toScript()}).
 * A secret may carry a public prefix, e.g. {@code Arg.secret(pw).withPrefix("--password=")} shows
 * as {@code --password=****}.
 */
public final class Arg {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  static final String MASK = "****";
  private static final Pattern SAFE_PREFIX = Pattern.compile("[A-Za-z0-9_@%+:,./=-]*");

  private final String prefix;      // public part (the whole value when not secret)
  private final String secret;      // null when not secret
  private final String name;        // optional name of the secret (the env variable in scripts)
  private final String shown;       // what people see

  private Arg(String prefix, String secret, String name, String shown) {
    if (prefix.indexOf('\0') >= 0 || (secret != null && secret.indexOf('\0') >= 0)) {
      throw new InvalidSpecException("arg", "an argv element cannot contain NUL");
    }
    this.prefix = prefix;
    this.secret = secret;
    this.name = name;
    this.shown = shown;
  }

  /** A plain argument. */
  public static Arg of(String value) {
    Objects.requireNonNull(value, "value");
    return new Arg(value, null, null, null);
  }

  /** A secret argument; in rendered scripts it is read from {@code KVMSDK_SECRET_<n>}. */
  public static Arg secret(String value) {
    Objects.requireNonNull(value, "value");
    return new Arg("", value, null, null);
  }

  /**
   * A named secret argument; in rendered scripts it is read from the environment variable
   * {@code name} (which must be a shell variable name, e.g. {@code CHAP_PASSWORD}).
   */
  public static Arg secret(String name, String value) {
    Objects.requireNonNull(value, "value");
    if (name == null || !ENV_NAME.matcher(name).matches()) {
      throw new InvalidSpecException("arg/name", "a secret's name must be a shell variable name ([A-Za-z_][A-Za-z0-9_]*), got '" + name + "'");
    }
    return new Arg("", value, name, null);
  }

  /** An argument whose real value is {@code value} but which people see as {@code shown}; for runners building composite arguments. */
  static Arg masked(String value, String shown) {
    return new Arg("", value, null, shown);
  }

  /** This argument with {@code prefix} in front; the prefix stays visible, a secret part stays masked. */
  public Arg withPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    return new Arg(prefix + this.prefix, secret, name, shown == null ? null : prefix + shown);
  }

  /** The real value passed to the command (contains the secret, if any: never log it). */
  public String value() { return secret == null ? prefix : prefix + secret; }

  /** True when part of this argument is secret. */
  public boolean isSecret() { return secret != null; }

  /** The name of the secret, the environment variable it is read from in scripts. */
  public Optional<String> secretName() { return Optional.ofNullable(name); }

  /** The visible part in front of the secret ({@code ""} when none); the whole value for a plain argument. */
  String prefix() { return prefix; }

  /** The secret part, or null. */
  String secretPart() { return secret; }

  /** True for composite arguments whose rendering cannot use an environment variable. */
  boolean isComposite() { return shown != null; }

  /** What people see: the value, or the prefix followed by {@code ****}. */
  public String masked() {
    if (secret == null) return prefix;
    return shown != null ? shown : prefix + MASK;
  }

  /** For shell-like display: the quoted value, or the quoted prefix followed by {@code ****}. */
  String maskedQuoted() {
    if (secret == null) return ShellQuote.quote(prefix);
    if (shown != null) return shown;
    // display only (scripts never print a mask): NAME= after env needs no quotes to be read right
    return (SAFE_PREFIX.matcher(prefix).matches() ? prefix : ShellQuote.quote(prefix)) + MASK;
  }

  @Override public boolean equals(Object o) {
    return o instanceof Arg && ((Arg) o).prefix.equals(prefix) && Objects.equals(((Arg) o).secret, secret)
        && Objects.equals(((Arg) o).name, name);
  }

  @Override public int hashCode() { return Objects.hash(prefix, secret, name); }

  /** Same as {@link #masked()}: a secret never shows. */
  @Override public String toString() { return masked(); }
}
