package io.kvmsdk.ha.internal;

import io.kvmsdk.core.InvalidSpecException;
import java.util.regex.Pattern;

/** Name rules shared by the HA specs: each refused with the field and the rule. */
public final class Names {
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}");
  private static final Pattern IFACE = Pattern.compile("[^/\\s:\"'\\\\]{1,15}");
  private static final Pattern XML_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  private Names() {}

  /** A name in a config file (instance, script, group): letters, digits, '_', '.', ':' and '-', at most 64. */
  public static String word(String field, String value) {
    if (value == null || !WORD.matcher(value).matches()) {
      throw new InvalidSpecException(field, "must be 1-64 of letters, digits, '_', '.', ':' and '-' (not starting with '.', ':' or '-'), got " + quoted(value));
    }
    return value;
  }

  /** A Linux interface name: 1-15 bytes, no '/', ':', blanks or quotes. */
  public static String iface(String field, String value) {
    if (value == null || !IFACE.matcher(value).matches() || value.equals(".") || value.equals("..")
        || value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 15) {
      throw new InvalidSpecException(field, "must be an interface name of 1-15 bytes without '/', ':', blanks or quotes, got " + quoted(value));
    }
    return value;
  }

  /** A Pacemaker id (an XML ID): a letter or '_', then letters, digits, '_', '.', '-'. */
  public static String xmlId(String field, String value) {
    if (value == null || !XML_ID.matcher(value).matches()) {
      throw new InvalidSpecException(field, "must be an XML ID: a letter or '_', then letters, digits, '_', '.' or '-' (at most 128), got " + quoted(value));
    }
    return value;
  }

  /** A host name (RFC 1123 labels), as cluster nodes and DRBD 'on' sections are named. */
  public static String host(String field, String value) {
    if (value == null || value.length() > 253 || !HOST.matcher(value).matches()) {
      throw new InvalidSpecException(field, "must be a host name (letters, digits and '-' in dot-separated labels), got " + quoted(value));
    }
    return value;
  }

  /** An absolute path without control characters, quotes or backslashes. */
  public static String path(String field, String value) {
    if (value == null || !value.startsWith("/") || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == '\'')) {
      throw new InvalidSpecException(field, "must be an absolute path without control characters, quotes or '\\', got " + quoted(value));
    }
    return value;
  }

  /** {@code v} quoted and cut for a message. */
  public static String shown(String v) { return quoted(v); }

  static String quoted(String v) {
    if (v == null) return "nothing";
    return "'" + (v.length() > 60 ? v.substring(0, 60) + "..." : v) + "'";
  }
}
