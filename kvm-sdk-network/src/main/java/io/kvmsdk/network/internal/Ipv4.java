package io.kvmsdk.network.internal;

import io.kvmsdk.core.InvalidSpecException;

/**
 * IPv4 addresses and prefixes as this module's specs take them: dotted quads only (never a host
 * name: nft would try to resolve one), prefixes with their host bits zero.
 */
public final class Ipv4 {
  /** A prefix: network address and length. */
  public static final class Prefix {
    private final int address;
    private final int length;

    Prefix(int address, int length) {
      this.address = address;
      this.length = length;
    }

    public int address() { return address; }

    public int length() { return length; }

    private int mask() { return length == 0 ? 0 : -1 << (32 - length); }

    /** True when the two prefixes share an address. */
    public boolean overlaps(Prefix o) {
      int m = Math.min(length, o.length) == 0 ? 0 : -1 << (32 - Math.min(length, o.length));
      return (address & m) == (o.address & m);
    }

    /** True when {@code a} is inside this prefix. */
    public boolean contains(int a) { return (a & mask()) == address; }

    /** nft's and iptables' form: the address alone for a /32. */
    public String text() { return length == 32 ? format(address) : format(address) + "/" + length; }

    /** Always with the length, as bird writes prefixes. */
    public String cidr() { return format(address) + "/" + length; }

    @Override public String toString() { return cidr(); }
  }

  /** The rule every IPv4 address of this module follows. */
  public static final String RULE = "must be an IPv4 address a.b.c.d: four decimal octets 0..255 without leading zeros"
      + " (iproute2 reads 010 as octal 8)";

  private Ipv4() {}

  /**
   * A prefix length 0..{@code max} written in decimal without sign or leading zero, or -1. iproute2 reads
   * lengths with {@code strtoul(..., 0)}: {@code 024} is octal 20, {@code +24} is 24, {@code -0} is 0.
   */
  public static int length(String text, int max) {
    if (text == null || !text.matches("0|[1-9][0-9]{0,2}")) return -1;
    int n = Integer.parseInt(text);
    return n <= max ? n : -1;
  }

  /** Parses a dotted quad, or throws naming {@code field}. */
  public static int parse(String field, String text) {
    Integer a = tryParse(text);
    if (a == null) throw new InvalidSpecException(field, RULE + ", got '" + text + "'");
    return a;
  }

  /** Parses {@code a.b.c.d/len} (or a bare address, a /32); the host bits must be zero. */
  public static Prefix prefix(String field, String text) {
    if (text == null) throw new InvalidSpecException(field, "an IPv4 prefix (a.b.c.d/len) is required");
    int slash = text.indexOf('/');
    Integer a = tryParse(slash < 0 ? text : text.substring(0, slash));
    int len = slash < 0 ? 32 : length(text.substring(slash + 1), 32);
    if (a == null || len < 0) {
      throw new InvalidSpecException(field, "must be an IPv4 prefix a.b.c.d/len: octets 0..255 and len 0..32, decimal without sign or"
          + " leading zeros (iproute2 reads 010 as octal 8), got '" + text + "'");
    }
    int mask = len == 0 ? 0 : -1 << (32 - len);
    if ((a & ~mask) != 0) {
      throw new InvalidSpecException(field, "the host bits of '" + text + "' must be zero: did you mean " + format(a & mask) + "/" + len + "?");
    }
    return new Prefix(a, len);
  }

  /** True when {@code text} is a dotted quad. */
  public static boolean isAddress(String text) { return tryParse(text) != null; }

  private static Integer tryParse(String text) {
    if (text == null) return null;
    String[] p = text.split("\\.", -1);
    if (p.length != 4) return null;
    int v = 0;
    for (String o : p) {
      if (!o.matches("0|[1-9][0-9]{0,2}")) return null;
      int n = Integer.parseInt(o);
      if (n > 255) return null;
      v = v << 8 | n;
    }
    return v;
  }

  /** The dotted quad of {@code a}. */
  public static String format(int a) {
    return (a >>> 24) + "." + (a >>> 16 & 255) + "." + (a >>> 8 & 255) + "." + (a & 255);
  }
}
