package io.kvmsdk.network.internal;

import io.kvmsdk.core.InvalidSpecException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Interface addresses ({@code 198.51.100.1/24}, {@code 2001:db8::1/64}) and plain IP addresses, checked and normalized.
 * One rule for every number in them, as {@link Ipv4} has it: decimal, no sign, no leading zero. iproute2 reads
 * octets and prefix lengths with {@code strtoul(..., 0)}, so {@code 010.001.1.1/024} would be applied as
 * {@code 8.1.1.1/20} and {@code /+24}, {@code /-0} as {@code /24}, {@code /0}.
 */
public final class Cidrs {
  private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+");
  private static final Pattern HEXTET = Pattern.compile("[0-9A-Fa-f]{0,4}");

  private Cidrs() {}

  /** {@code cidr} when it is ADDRESS/PREFIX (IPv4 or IPv6), else {@link InvalidSpecException}. */
  public static String cidr(String field, String cidr) {
    if (cidr == null) throw new InvalidSpecException(field, "an address with its prefix is required, e.g. 198.51.100.1/24");
    int slash = cidr.indexOf('/');
    if (slash < 0) throw new InvalidSpecException(field, "an address needs its prefix length, e.g. 198.51.100.1/24, got '" + cidr + "'");
    String addr = cidr.substring(0, slash);
    boolean v6 = ip(field, addr);
    int max = v6 ? 128 : 32;
    if (Ipv4.length(cidr.substring(slash + 1), max) < 0) {
      throw new InvalidSpecException(field, "the prefix length must be 0.." + max + ", decimal without sign or leading zero (iproute2 reads /024 as"
          + " octal /20), got '" + IfaceNames.printable(cidr) + "'");
    }
    return cidr;
  }

  /** Checks a plain address; true when it is IPv6. */
  public static boolean ip(String field, String addr) {
    if (addr == null) throw new InvalidSpecException(field, "an IP address is required");
    if (addr.matches("[0-9.]+")) {
      if (!Ipv4.isAddress(addr)) throw new InvalidSpecException(field, Ipv4.RULE + ", got '" + addr + "'");
      return false;
    }
    if (addr.contains(":") && V6.matcher(addr).matches()) {
      String[] groups = addr.split(":", -1);
      for (int i = 0; i < groups.length; i++) {
        boolean v4Tail = i == groups.length - 1 && groups[i].contains(".");
        if (v4Tail ? !Ipv4.isAddress(groups[i]) : !HEXTET.matcher(groups[i]).matches()) {
          throw new InvalidSpecException(field, "not an IPv6 address (groups of at most 4 hex digits, an IPv4 tail of decimal octets"
              + " without leading zeros, as inet_pton reads them): '" + addr + "'");
        }
      }
      try {
        InetAddress.getByName(addr); // literal only: the pattern rules out host names, so no lookup happens
        return true;
      } catch (UnknownHostException e) {
        throw new InvalidSpecException(field, "not an IPv6 address: '" + addr + "'");
      }
    }
    throw new InvalidSpecException(field, "not an IP address: '" + IfaceNames.printable(addr) + "'");
  }

  /**
   * {@code cidr} (ADDRESS or ADDRESS/PREFIX) with an IPv6 address in the JDK's canonical form; anything else
   * as it is. Only an IPv6 literal reaches {@link InetAddress} ({@link #V6}): a name there would be a DNS lookup.
   */
  public static String canonical(String cidr) {
    int slash = cidr.indexOf('/');
    String addr = slash < 0 ? cidr : cidr.substring(0, slash);
    if (!addr.contains(":") || !V6.matcher(addr).matches()) return cidr;
    try {
      return InetAddress.getByName(addr).getHostAddress() + (slash < 0 ? "" : cidr.substring(slash));
    } catch (UnknownHostException e) {
      return cidr;
    }
  }

  /** True for an IPv4 multicast address (224.0.0.0/4). */
  public static boolean isV4Multicast(String addr) {
    int first = Integer.parseInt(addr.substring(0, addr.indexOf('.')));
    return first >= 224 && first <= 239;
  }
}
