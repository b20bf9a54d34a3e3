package io.kvmsdk.network.internal;

import io.kvmsdk.core.InvalidSpecException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The one rule for Linux interface names in this module's specs: 1-15 bytes (the kernel's
 * IFNAMSIZ less the NUL) of letters, digits, '.', '-' and '_', not "." or "..". That refuses what
 * the kernel refuses ('/', ':', blanks) and every shell metacharacter, so a name can never change
 * the meaning of a rendered script or config file.
 */
public final class IfaceNames {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

  private IfaceNames() {}

  /** Returns {@code name}, or throws {@link InvalidSpecException} naming {@code field} and the rule. */
  public static String validate(String field, String name) {
    if (name == null || name.isEmpty()) throw new InvalidSpecException(field, "an interface name is required");
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > 15) throw new InvalidSpecException(field, "an interface name has at most 15 bytes, got " + bytes + " in '" + shown(name) + "'");
    if (!NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new InvalidSpecException(field, "an interface name may hold only letters, digits, '.', '-' and '_'"
          + " (no '/', blanks or shell metacharacters), got '" + shown(name) + "'");
    }
    return name;
  }

  private static String shown(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(40).forEach(c -> {
      if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", c));
      else b.appendCodePoint(c);
    });
    return s.codePointCount(0, s.length()) > 40 ? b + "..." : b.toString();
  }
}
