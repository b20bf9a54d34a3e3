package io.kvmsdk.ha.internal;

import io.kvmsdk.core.InvalidSpecException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals and prefixes, parsed without ever asking a resolver: an IPv4 dotted quad
 * (four decimal bytes, no leading zeros) or an IPv6 literal. Internal: the HA specs use it to
 * check addresses, VIPs and subnets.
 */
public final class Inet {
  private static final Pattern V4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
  private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private Inet() {}

  /** An address with an optional prefix length, as written ({@code 192.0.2.1/24}, {@code 2001:db8::1}). */
  public static final class Cidr {
    private final String address;
    private final byte[] bytes;
    private final int prefix;
    private final boolean hasPrefix;

    private Cidr(String address, byte[] bytes, int prefix, boolean hasPrefix) {
      this.address = address;
      this.bytes = bytes;
      this.prefix = prefix;
      this.hasPrefix = hasPrefix;
    }

    /** The address part as written. */
    public String address() { return address; }

    /** The prefix length: as written, or the full length (32 or 128) when none was given. */
    public int prefix() { return prefix; }

    public boolean hasPrefix() { return hasPrefix; }

    public boolean isV4() { return bytes.length == 4; }

    /** The address's bytes (a copy). */
    public byte[] bytes() { return bytes.clone(); }

    /** True when {@code other}'s address lies in this address's subnet of {@code prefixLen} bits. */
    public boolean sameSubnet(Cidr other, int prefixLen) {
      if (other.bytes.length != bytes.length) return false;
      for (int bit = 0; bit < prefixLen; bit++) {
        int i = bit / 8;
        int mask = 0x80 >>> (bit % 8);
        if ((bytes[i] & mask) != (other.bytes[i] & mask)) return false;
      }
      return true;
    }

    /** True when both name the same address (whatever the prefix and spelling). */
    public boolean sameAddress(Cidr other) { return Arrays.equals(bytes, other.bytes); }

    @Override public String toString() { return hasPrefix ? address + "/" + prefix : address; }
  }

  /** The bytes of an IP literal, or empty when {@code s} is not one. Never resolves names. */
  public static Optional<byte[]> literal(String s) {
    if (s == null || s.isEmpty()) return Optional.empty();
    if (V4.matcher(s).matches()) {
      String[] p = s.split("\\.");
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        int v = Integer.parseInt(p[i]);
        if (v > 255) return Optional.empty();
        b[i] = (byte) v;
      }
      return Optional.of(b);
    }
    if (s.indexOf(':') >= 0 && V6.matcher(s).matches()) {
      try {
        // a literal with ':' is parsed, never looked up
        byte[] b = InetAddress.getByName(s).getAddress();
        return b.length == 16 ? Optional.of(b) : Optional.empty();
      } catch (UnknownHostException | RuntimeException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** True when {@code s} is an IPv4 or IPv6 literal. */
  public static boolean isLiteral(String s) { return literal(s).isPresent(); }

  /** Parses {@code ADDRESS[/PREFIX]}; {@link InvalidSpecException} on {@code field} otherwise. */
  public static Cidr cidr(String s, String field) {
    if (s == null) throw new InvalidSpecException(field, "is required");
    int slash = s.indexOf('/');
    String addr = slash < 0 ? s : s.substring(0, slash);
    Optional<byte[]> b = literal(addr);
    if (b.isEmpty()) throw new InvalidSpecException(field, "must be an IPv4 or IPv6 address (optionally /prefix), got '" + s + "'");
    int max = b.get().length * 8;
    int prefix = max;
    if (slash >= 0) {
      String p = s.substring(slash + 1);
      if (!p.matches("(0|[1-9][0-9]{0,2})") || Integer.parseInt(p) > max) {
        throw new InvalidSpecException(field, "prefix length must be 0.." + max + ", got '" + s + "'");
      }
      prefix = Integer.parseInt(p);
    }
    return new Cidr(addr, b.get(), prefix, slash >= 0);
  }

  /** Parses a plain address (no prefix); {@link InvalidSpecException} on {@code field} otherwise. */
  public static Cidr address(String s, String field) {
    if (s != null && s.indexOf('/') >= 0) throw new InvalidSpecException(field, "must be an address without a prefix, got '" + s + "'");
    return cidr(s, field);
  }
}
