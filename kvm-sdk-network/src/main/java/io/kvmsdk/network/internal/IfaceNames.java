package io.kvmsdk.network.internal;

import io.kvmsdk.core.InvalidSpecException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The rules every host-side name and number of this module obeys, checked when a spec is built so
 * that nothing malformed reaches a shell: Linux interface names (at most 15 bytes, no {@code /},
 * blanks, {@code :} or shell metacharacters), MTUs, VLAN ids.
 */
public final class IfaceNames {
  /** IFNAMSIZ - 1. */
  public static final int MAX_BYTES = 15;
  public static final int MIN_MTU = 68;
  public static final int MAX_MTU = 65535;
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.+-]+");

  private IfaceNames() {}

  /** {@code name} when it is a valid interface name, else {@link InvalidSpecException} naming {@code field}. */
  public static String check(String field, String name) {
    if (name == null || name.isEmpty()) throw new InvalidSpecException(field, "an interface name is required");
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw new InvalidSpecException(field, "an interface name has at most " + MAX_BYTES + " bytes, got " + bytes + " in '" + printable(name) + "'");
    }
    if (name.equals(".") || name.equals("..")) throw new InvalidSpecException(field, "'" + name + "' is not an interface name");
    if (!SAFE.matcher(name).matches()) {
      throw new InvalidSpecException(field, "an interface name may hold only letters, digits and . _ + - (no '/', blanks, ':' or shell "
          + "metacharacters), got '" + printable(name) + "'");
    }
    if (name.startsWith("-")) throw new InvalidSpecException(field, "an interface name must not start with '-', got '" + name + "'");
    return name;
  }

  /** {@code mtu} when it is within 68..65535. */
  public static int mtu(String field, int mtu) {
    if (mtu < MIN_MTU || mtu > MAX_MTU) throw new InvalidSpecException(field, "an MTU must be " + MIN_MTU + ".." + MAX_MTU + ", got " + mtu);
    return mtu;
  }

  /** {@code id} when it is a usable 802.1Q VLAN id, 1..4094 (0 is priority tagging, 4095 reserved). */
  public static int vlan(String field, int id) {
    if (id < 1 || id > 4094) throw new InvalidSpecException(field, "a VLAN id must be 1..4094, got " + id);
    return id;
  }

  /** {@code value} when it is within {@code min..max}. */
  public static int range(String field, int value, int min, int max, String what) {
    if (value < min || value > max) throw new InvalidSpecException(field, what + " must be " + min + ".." + max + ", got " + value);
    return value;
  }

  /** A plain word for a host tool (OVS names, mirror names): the interface-name alphabet, any length up to 64. */
  public static String word(String field, String value) {
    if (value == null || value.isEmpty() || value.length() > 64 || !SAFE.matcher(value).matches() || value.startsWith("-")) {
      throw new InvalidSpecException(field, "must be 1..64 letters, digits or . _ + - (not starting with '-'), got '"
          + (value == null ? "null" : printable(value)) + "'");
    }
    return value;
  }

  /** {@code s} with control characters shown as {@code ?}, so a message never carries a newline or escape. */
  static String printable(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return b.toString();
  }
}
