package io.kvmsdk.storage.iscsi;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.storage.internal.Names;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * iSCSI names (RFC 3720 section 3.2.6, RFC 3721): an IQN {@code iqn.YYYY-MM.reverse.domain[:id]}
 * ({@code iqn.2026-01.io.kvmsdk:disk1}) or an EUI-64 name {@code eui.} + 16 hex digits. Targets
 * and initiators are named this way; tgt, LIO, libvirt and open-iscsi compare names byte for byte,
 * so only the normalised (lowercase) form is accepted.
 */
public final class Iqn {
  /** The longest iSCSI name, in bytes. */
  public static final int MAX_LENGTH = 223;

  private static final String LABEL = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";
  private static final Pattern IQN = Pattern.compile(
      "iqn\\.(\\d{4})-(\\d{2})\\.([a-z]" + "([a-z0-9-]*[a-z0-9])?(\\." + LABEL + ")+)(:([a-z0-9._:-]+))?");
  private static final Pattern EUI = Pattern.compile("eui\\.[0-9A-Fa-f]{16}");

  private Iqn() {}

  /** True when {@code name} is a valid IQN or EUI name. */
  public static boolean isValid(String name) { return problem(name) == null; }

  /** Returns {@code name} when it is a valid IQN or EUI name; otherwise throws {@link InvalidSpecException} on {@code field}. */
  public static String check(String field, String name) {
    String p = problem(name);
    if (p != null) throw new InvalidSpecException(field, p);
    return name;
  }

  /** What is wrong with {@code name}, or null. */
  static String problem(String name) {
    String shape = "must be an iSCSI name: iqn.YYYY-MM.reverse.domain[:id] (e.g. iqn.2026-01.io.kvmsdk:disk1) or eui. and 16 hex digits";
    if (name == null || name.isEmpty()) return shape + ", got nothing";
    if (name.length() > MAX_LENGTH) return "must be at most " + MAX_LENGTH + " bytes, got " + name.length();
    if (name.startsWith("eui.") || name.startsWith("EUI.")) {
      return EUI.matcher(name).matches() ? null : shape + ", got " + Names.quoted(name);
    }
    if (!name.equals(name.toLowerCase(java.util.Locale.ROOT)) && name.toLowerCase(java.util.Locale.ROOT).startsWith("iqn.")) {
      return "must be lowercase (iSCSI names are compared after lowercasing; tgt, LIO and libvirt compare the bytes), got " + Names.quoted(name);
    }
    Matcher m = IQN.matcher(name);
    if (!m.matches()) return shape + ", got " + Names.quoted(name);
    int month = Integer.parseInt(m.group(2));
    if (month < 1 || month > 12) return "the month of " + Names.quoted(name) + " must be 01-12, got " + m.group(2);
    return null;
  }
}
