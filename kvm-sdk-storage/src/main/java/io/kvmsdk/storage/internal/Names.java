package io.kvmsdk.storage.internal;

import io.kvmsdk.core.InvalidSpecException;
import java.util.regex.Pattern;

/** Name rules shared by the storage specs: each refused with the field and the rule. */
public final class Names {
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]{0,127}");
  private static final Pattern HOST = Pattern.compile(
      "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern CIDR4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}/(3[0-2]|[12]?\\d)");

  private Names() {}

  /** A name of an LVM, ZFS, Gluster or libvirt object: letters, digits, '_', '.', '+' and '-', at most 128, not starting with '.', '+' or '-'. */
  public static String word(String field, String value) {
    if (value == null || !WORD.matcher(value).matches()) {
      throw new InvalidSpecException(field, "must be 1-128 of letters, digits, '_', '.', '+' and '-' (not starting with '.', '+' or '-'), got " + quoted(value));
    }
    return value;
  }

  /** A host name (RFC 1123 labels) or an IPv4 address. */
  public static String host(String field, String value) {
    if (value == null || value.length() > 253 || !(HOST.matcher(value).matches() || IPV4.matcher(value).matches())) {
      throw new InvalidSpecException(field, "must be a host name or an IPv4 address, got " + quoted(value));
    }
    return value;
  }

  /** True for a dotted IPv4 address. */
  public static boolean isIpv4(String value) { return value != null && IPV4.matcher(value).matches(); }

  /** True for an IPv4 network in CIDR form ({@code 192.0.2.0/24}). */
  public static boolean isCidr4(String value) { return value != null && CIDR4.matcher(value).matches(); }

  /**
   * An absolute path without control characters, blanks, quotes or backslashes: every tool's
   * config file and every check pipeline can carry it unquoted or in single quotes.
   */
  public static String path(String field, String value) {
    if (value == null || !value.startsWith("/") || value.length() > 4095
        || value.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '"' || c == '\\' || c == '\'' || c == '#')) {
      throw new InvalidSpecException(field, "must be an absolute path without blanks, control characters, quotes, '#' or '\\', got " + quoted(value));
    }
    return value;
  }

  /** {@code value} in single quotes, cut at 60 characters, or "nothing". */
  public static String quoted(String v) {
    if (v == null) return "nothing";
    return "'" + (v.length() > 60 ? v.substring(0, 60) + "..." : v) + "'";
  }
}
