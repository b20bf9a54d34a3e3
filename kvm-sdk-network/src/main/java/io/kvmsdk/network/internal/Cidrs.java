package io.kvmsdk.network.internal;

import io.kvmsdk.core.InvalidSpecException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Interface addresses ({@code 198.51.100.1/24}, {@code 2001:db8::1/64}) and plain IP addresses, checked and normalized. */
public final class Cidrs {
  private static final Pattern V4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private Cidrs() {}

  /** {@code cidr} when it is ADDRESS/PREFIX (IPv4 or IPv6), else {@link InvalidSpecException}. */
  public static String cidr(String field, String cidr) {
    if (cidr == null) throw new InvalidSpecException(field, "an address with its prefix is required, e.g. 198.51.100.1/24");
    int slash = cidr.indexOf('/');
    if (slash < 0) throw new InvalidSpecException(field, "an address needs its prefix length, e.g. 198.51.100.1/24, got '" + cidr + "'");
    String addr = cidr.substring(0, slash);
    boolean v6 = ip(field, addr);
    int max = v6 ? 128 : 32;
    int len;
    try {
      len = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new InvalidSpecException(field, "the prefix length must be a number, got '" + cidr + "'");
    }
    if (len < 0 || len > max) throw new InvalidSpecException(field, "the prefix length must be 0.." + max + ", got '" + cidr + "'");
    return cidr;
  }

  /** Checks a plain address; true when it is IPv6. */
  public static boolean ip(String field, String addr) {
    if (addr == null) throw new InvalidSpecException(field, "an IP address is required");
    if (V4.matcher(addr).matches()) {
      for (String o : addr.split("\\.")) {
        if (Integer.parseInt(o) > 255) throw new InvalidSpecException(field, "not an IPv4 address: '" + addr + "'");
      }
      return false;
    }
    if (addr.contains(":") && V6.matcher(addr).matches()) {
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
