package io.kvmsdk.core.internal.network;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * A numeric IPv4 or IPv6 address as libvirt reads it (getaddrinfo with AI_NUMERICHOST: IPv4 in any
 * inet_aton form such as {@code 10.1}, IPv6 with {@code ::}, an embedded IPv4 tail and an optional
 * {@code %zone}). Never resolves a name. Only for the network rules' address arithmetic.
 */
public final class IpAddr {
  private final byte[] bytes;

  private IpAddr(byte[] bytes) { this.bytes = bytes; }

  /** The address {@code s}, or empty when it is not a numeric IPv4/IPv6 address. */
  public static Optional<IpAddr> parse(String s) {
    if (s == null) return Optional.empty();
    byte[] b = s.indexOf(':') >= 0 ? v6(s) : v4(s);
    return b == null ? Optional.empty() : Optional.of(new IpAddr(b));
  }

  public boolean isV4() { return bytes.length == 4; }

  public boolean isV6() { return bytes.length == 16; }

  public int bits() { return bytes.length * 8; }

  public BigInteger value() { return new BigInteger(1, bytes); }

  /** Whether this and {@code o} are of the same family. */
  public boolean sameFamily(IpAddr o) { return bytes.length == o.bytes.length; }

  /** The number of leading one bits of this netmask, or -1 when its ones are not contiguous. */
  public int netmaskBits() {
    BigInteger v = value();
    int n = bits();
    int ones = 0;
    while (ones < n && v.testBit(n - 1 - ones)) ones++;
    for (int i = ones; i < n; i++) if (v.testBit(n - 1 - i)) return -1;
    return ones;
  }

  /** The mask of {@code prefix} leading ones in this address's family. */
  public BigInteger mask(int prefix) {
    int n = bits();
    if (prefix <= 0) return BigInteger.ZERO;
    return BigInteger.ONE.shiftLeft(n).subtract(BigInteger.ONE).xor(BigInteger.ONE.shiftLeft(n - prefix).subtract(BigInteger.ONE));
  }

  /** This address with only its first {@code prefix} bits kept. */
  public BigInteger network(int prefix) { return value().and(mask(prefix)); }

  /** Byte {@code i} (0-based) as an unsigned number. */
  public int octet(int i) { return bytes[i] & 0xff; }

  @Override public boolean equals(Object o) { return o instanceof IpAddr && Arrays.equals(bytes, ((IpAddr) o).bytes); }

  @Override public int hashCode() { return Arrays.hashCode(bytes); }

  // inet_aton: 1 to 4 parts, each decimal, 0x hex or 0-prefixed octal; the last part fills the remaining bytes
  private static byte[] v4(String s) {
    if (s.isEmpty() || s.endsWith(".")) return null;
    String[] parts = s.split("\\.", -1);
    if (parts.length > 4) return null;
    long[] v = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      Long x = num(parts[i]);
      if (x == null) return null;
      v[i] = x;
    }
    long addr = 0;
    for (int i = 0; i < parts.length - 1; i++) {
      if (v[i] > 255) return null;
      addr |= v[i] << (24 - 8 * i);
    }
    long last = v[parts.length - 1];
    long max = (1L << (8 * (5 - parts.length))) - 1;
    if (last > max) return null;
    addr |= last;
    return new byte[] {(byte) (addr >>> 24), (byte) (addr >>> 16), (byte) (addr >>> 8), (byte) addr};
  }

  private static Long num(String p) {
    if (p.isEmpty()) return null;
    try {
      if (p.startsWith("0x") || p.startsWith("0X")) return p.length() == 2 ? 0L : parseDigits(p.substring(2), 16);
      if (p.length() > 1 && p.startsWith("0")) return parseDigits(p.substring(1), 8);
      return parseDigits(p, 10);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Long parseDigits(String p, int radix) {
    for (int i = 0; i < p.length(); i++) if (Character.digit(p.charAt(i), radix) < 0) return null;
    if (p.length() > 12) return null;
    return Long.parseLong(p, radix);
  }

  private static byte[] v6(String s) {
    int pct = s.indexOf('%');
    if (pct >= 0) {
      if (pct == s.length() - 1) return null;
      s = s.substring(0, pct);
    }
    byte[] tail = null;
    int lastColon = s.lastIndexOf(':');
    String head = s;
    if (s.indexOf('.', lastColon) > 0) { // embedded IPv4
      String v4 = s.substring(lastColon + 1);
      if (!v4.matches("\\d{1,3}(\\.\\d{1,3}){3}")) return null;
      tail = v4(v4);
      if (tail == null) return null;
      head = s.substring(0, lastColon + 1) + "0:0";
    }
    int dbl = head.indexOf("::");
    if (dbl >= 0 && head.indexOf("::", dbl + 1) >= 0) return null;
    String[] left;
    String[] right;
    if (dbl >= 0) {
      String l = head.substring(0, dbl);
      String r = head.substring(dbl + 2);
      left = l.isEmpty() ? new String[0] : l.split(":", -1);
      right = r.isEmpty() ? new String[0] : r.split(":", -1);
      if (left.length + right.length > 7) return null;
    } else {
      left = head.split(":", -1);
      right = new String[0];
      if (left.length != 8) return null;
    }
    int[] groups = new int[8];
    for (int i = 0; i < left.length; i++) {
      Integer g = group(left[i]);
      if (g == null) return null;
      groups[i] = g;
    }
    for (int i = 0; i < right.length; i++) {
      Integer g = group(right[i]);
      if (g == null) return null;
      groups[8 - right.length + i] = g;
    }
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[2 * i] = (byte) (groups[i] >>> 8);
      b[2 * i + 1] = (byte) groups[i];
    }
    if (tail != null) System.arraycopy(tail, 0, b, 12, 4);
    return b;
  }

  private static Integer group(String g) {
    if (g.isEmpty() || g.length() > 4) return null;
    for (int i = 0; i < g.length(); i++) if (Character.digit(g.charAt(i), 16) < 0) return null;
    return Integer.parseInt(g, 16);
  }

  @Override public String toString() {
    if (isV4()) return octet(0) + "." + octet(1) + "." + octet(2) + "." + octet(3);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i > 0) sb.append(':');
      sb.append(Integer.toHexString((octet(2 * i) << 8) | octet(2 * i + 1)));
    }
    return sb.toString();
  }
}
