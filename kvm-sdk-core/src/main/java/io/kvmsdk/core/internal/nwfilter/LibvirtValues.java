package io.kvmsdk.core.internal.nwfilter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How libvirt 9.0 reads the values of nwfilter documents (nwfilter_conf.c, nwfilter_params.c,
 * virmacaddr.c, viruuid.c, virsocketaddr.c over glibc): each method accepts exactly what libvirt
 * accepts, or more where the C library's behaviour is not pinned down here, never less.
 */
final class LibvirtValues {
  private LibvirtValues() {}

  static final String VALID_VARNAME = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
  static final String VALID_VARVALUE = VALID_VARNAME + ".:";
  static final String VALID_CHAINNAME = VALID_VARNAME + ".:-";
  static final String VALID_IPSETNAME = VALID_VARNAME + ".:-+ ";

  static boolean isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r'; }

  static boolean onlyOf(String s, String allowed) {
    for (int i = 0; i < s.length(); i++) if (allowed.indexOf(s.charAt(i)) < 0) return false;
    return true;
  }

  private static int digit(char c, int base) {
    int d = Character.digit(c, base);
    return c < 128 ? d : -1;
  }

  /**
   * {@code virStrToLong_ui(s, &end, base)}: strtoul (leading blanks, a sign, {@code 0x} in base 16)
   * with libvirt's reading of a '-' (as in {@code -1} for UINT_MAX). Returns {value, end} or null.
   */
  static long[] strToUIntPrefix(String s, int base) {
    int i = 0;
    int n = s.length();
    while (i < n && isSpace(s.charAt(i))) i++;
    boolean neg = false;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      neg = s.charAt(i) == '-';
      i++;
    }
    if (base == 16 && i + 2 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
        && digit(s.charAt(i + 2), 16) >= 0) {
      i += 2;
    }
    int start = i;
    long v = 0;
    boolean overflow = false;
    while (i < n && digit(s.charAt(i), base) >= 0) {
      if (v > 0xffffffffL) overflow = true;
      else v = v * base + digit(s.charAt(i), base);
      i++;
    }
    if (i == start || overflow) return null;
    if (neg) {
      if (v > 0xffffffffL) return null;
      v = (-v) & 0xffffffffL;
    } else if (v > 0xffffffffL) {
      return null;
    }
    return new long[] {v, i};
  }

  /** {@code virStrToLong_ui(s, NULL, base)}: the whole string must be the number. */
  static Long strToUInt(String s, int base) {
    long[] r = strToUIntPrefix(s, base);
    return r == null || r[1] != s.length() ? null : r[0];
  }

  /** {@code virStrToLong_i(s, NULL, 10)}: strtol over the whole string, within int. */
  static Integer strToInt(String s) {
    int i = 0;
    int n = s.length();
    while (i < n && isSpace(s.charAt(i))) i++;
    boolean neg = false;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      neg = s.charAt(i) == '-';
      i++;
    }
    int start = i;
    long v = 0;
    while (i < n && digit(s.charAt(i), 10) >= 0) {
      if (v <= 1L << 32) v = v * 10 + digit(s.charAt(i), 10);
      i++;
    }
    if (i == start || i != n) return null;
    if (neg) v = -v;
    return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : (int) v;
  }

  /** An unsigned number of at most {@code max}, decimal tried first then hex, as the rule attribute loop does. */
  static Long decimalOrHex(String s, long max) {
    Long d = strToUInt(s, 10);
    if (d != null && d <= max) return d;
    Long h = strToUInt(s, 16);
    return h != null && h <= max ? h : null;
  }

  private static final Pattern MAC = Pattern.compile("([0-9a-fA-F]{1,2}:){5}[0-9a-fA-F]{1,2}([\\x00-\\x20].*)?", Pattern.DOTALL);

  /** {@code virMacAddrParse}: the 6 bytes, or null. */
  static int[] mac(String s) {
    if (!MAC.matcher(s).matches()) return null;
    int[] b = new int[6];
    int i = 0;
    for (int k = 0; k < 6; k++) {
      int v = 0;
      while (i < s.length() && digit(s.charAt(i), 16) >= 0) v = v * 16 + digit(s.charAt(i++), 16);
      b[k] = v;
      i++; // ':'
    }
    return b;
  }

  /** A valid mask: ones, then zeros. */
  static boolean contiguous(int[] bytes) {
    boolean zeros = false;
    for (int b : bytes) {
      for (int bit = 7; bit >= 0; bit--) {
        boolean one = (b >> bit & 1) == 1;
        if (zeros && one) return false;
        if (!one) zeros = true;
      }
    }
    return true;
  }

  /**
   * An IPv4 address as glibc's numeric getaddrinfo reads it: the inet_aton forms ({@code 10.1},
   * {@code 0x7f.1}) and an IPv4-mapped IPv6 address ({@code ::ffff:10.1.2.3}); null when refused.
   */
  static Long ipv4(String s) {
    Long a = inetAton(s);
    if (a != null || s.indexOf(':') < 0) return a;
    int[] v6 = ipv6(s);
    if (v6 == null) return null;
    for (int k = 0; k < 10; k++) if (v6[k] != 0) return null;
    if (v6[10] != 0xff || v6[11] != 0xff) return null;
    return (long) v6[12] << 24 | v6[13] << 16 | v6[14] << 8 | v6[15];
  }

  private static Long inetAton(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length > 4) return null;
    long[] v = new long[parts.length];
    for (int k = 0; k < parts.length; k++) {
      String p = parts[k];
      if (p.isEmpty() || digit(p.charAt(0), 10) < 0) return null;
      int base = 10;
      int i = 0;
      if (p.startsWith("0x") || p.startsWith("0X")) {
        if (p.length() == 2) return null;
        base = 16;
        i = 2;
      } else if (p.startsWith("0")) {
        base = 8;
      }
      long x = 0;
      for (; i < p.length(); i++) {
        int d = digit(p.charAt(i), base);
        if (d < 0 || x > 0xffffffffL) return null;
        x = x * base + d;
      }
      if (x > 0xffffffffL) return null;
      v[k] = x;
    }
    long addr = 0;
    for (int k = 0; k < v.length - 1; k++) {
      if (v[k] > 0xff) return null;
      addr |= v[k] << (24 - 8 * k);
    }
    long last = v[v.length - 1];
    if (last > (0xffffffffL >>> (8 * (v.length - 1)))) return null;
    return addr | last;
  }

  private static int[] bytes4(long a) { return new int[] {(int) (a >>> 24) & 0xff, (int) (a >>> 16) & 0xff, (int) (a >>> 8) & 0xff, (int) a & 0xff}; }

  /** An IPv6 address as glibc's numeric getaddrinfo reads it (a {@code %scope} allowed): 16 bytes, or null. */
  static int[] ipv6(String s) {
    int pct = s.indexOf('%');
    if (pct >= 0) {
      if (pct == s.length() - 1) return null;
      s = s.substring(0, pct);
    }
    int dc = s.indexOf("::");
    if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) return null;
    List<Integer> head;
    List<Integer> tail;
    if (dc >= 0) {
      head = groups(s.substring(0, dc), false);
      tail = groups(s.substring(dc + 2), true);
      if (head == null || tail == null || head.size() + tail.size() > 7) return null;
    } else {
      head = groups(s, true);
      tail = List.of();
      if (head == null || head.size() != 8) return null;
    }
    int[] out = new int[16];
    for (int k = 0; k < head.size(); k++) {
      out[2 * k] = head.get(k) >> 8;
      out[2 * k + 1] = head.get(k) & 0xff;
    }
    int off = 8 - tail.size();
    for (int k = 0; k < tail.size(); k++) {
      out[2 * (off + k)] = tail.get(k) >> 8;
      out[2 * (off + k) + 1] = tail.get(k) & 0xff;
    }
    return out;
  }

  /** 16-bit groups of {@code s}; a dotted IPv4 tail counts as two when allowed. */
  private static List<Integer> groups(String s, boolean v4Tail) {
    List<Integer> out = new java.util.ArrayList<>();
    if (s.isEmpty()) return out;
    String[] g = s.split(":", -1);
    for (int k = 0; k < g.length; k++) {
      String x = g[k];
      if (k == g.length - 1 && v4Tail && x.indexOf('.') >= 0) {
        String[] q = x.split("\\.", -1);
        if (q.length != 4) return null;
        long a = 0;
        for (String p : q) {
          if (p.isEmpty() || p.length() > 3 || !onlyOf(p, "0123456789")) return null;
          int d = Integer.parseInt(p);
          if (d > 255) return null;
          a = a << 8 | d;
        }
        out.add((int) (a >>> 16));
        out.add((int) (a & 0xffff));
        continue;
      }
      if (x.isEmpty() || x.length() > 4 || !onlyOf(x, "0123456789abcdefABCDEF")) return null;
      out.add(Integer.parseInt(x, 16));
    }
    return out;
  }

  /** {@code DATATYPE_IPMASK}: a prefix length 0-32, or a dotted mask with contiguous ones. */
  static boolean ipv4Mask(String s) {
    Long d = strToUInt(s, 10);
    if (d != null) return d <= 32;
    Long a = ipv4(s);
    return a != null && contiguous(bytes4(a));
  }

  /** {@code DATATYPE_IPV6MASK}: a prefix length 0-128, or an IPv6 mask with contiguous ones. */
  static boolean ipv6Mask(String s) {
    Long d = strToUInt(s, 10);
    if (d != null) return d <= 128;
    int[] a = ipv6(s);
    return a != null && contiguous(a);
  }

  /** {@code virUUIDParse}: 32 hex digits in pairs, '-' or ' ' between pairs, blanks around. */
  static boolean uuid(String s) {
    int i = 0;
    int n = s.length();
    while (i < n && isSpace(s.charAt(i))) i++;
    int pairs = 0;
    while (pairs < 16) {
      if (i >= n) return false;
      char c = s.charAt(i);
      if (c == '-' || c == ' ') {
        i++;
        continue;
      }
      if (digit(c, 16) < 0 || i + 1 >= n || digit(s.charAt(i + 1), 16) < 0) return false;
      i += 2;
      pairs++;
    }
    for (; i < n; i++) if (!isSpace(s.charAt(i))) return false;
    return true;
  }

  /** {@code virNWFilterVarAccessParse} of what follows the '$': {@code IP}, {@code IP[2]}, {@code IP[@1]} (iterator at most 1000). */
  static boolean varAccess(String s) {
    int i = 0;
    int n = s.length();
    while (i < n && VALID_VARNAME.indexOf(s.charAt(i)) >= 0) i++;
    if (i == n) return true;
    if (s.charAt(i) != '[') return false;
    i++;
    while (i < n && isSpace(s.charAt(i))) i++;
    boolean iterator = i < n && s.charAt(i) == '@';
    if (iterator) i++;
    long[] r = strToUIntPrefix(s.substring(i), 10);
    if (r == null) return false;
    i += (int) r[1];
    while (i < n && isSpace(s.charAt(i))) i++;
    if (i >= n || s.charAt(i) != ']') return false;
    return !iterator || r[0] <= 1000;
  }

  /** libvirt's parseStringItems: items from {@code words} (case-insensitive prefixes), separated by {@code sep} or blanks. */
  static boolean stringItems(String s, List<String> words, char sep) {
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && (isSpace(s.charAt(i)) || s.charAt(i) == sep)) i++;
      if (i >= n) break;
      boolean found = false;
      for (String w : words) {
        if (s.regionMatches(true, i, w, 0, w.length())) {
          i += w.length();
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }

  static final List<String> STATES = List.of("NEW", "ESTABLISHED", "RELATED", "INVALID", "NONE");
  static final List<String> TCP_FLAGS = List.of("FIN", "SYN", "RST", "PSH", "ACK", "URG", "ALL", "NONE");

  static boolean tcpFlags(String s) {
    int slash = s.indexOf('/');
    return slash >= 0 && stringItems(s.substring(0, slash), TCP_FLAGS, ',') && stringItems(s.substring(slash + 1), TCP_FLAGS, ',');
  }

  static boolean ipsetName(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length < 32 && onlyOf(s, VALID_IPSETNAME);
  }

  /** libvirt's ipsetFlagsValidator: one to six of src/dst (any case), comma-separated. */
  static boolean ipsetFlags(String s) {
    int idx = 0;
    int num = 0;
    while (num < 6) {
      if (!s.regionMatches(true, idx, "src", 0, 3) && !s.regionMatches(true, idx, "dst", 0, 3)) return false;
      num++;
      idx += 3;
      if (idx >= s.length() || s.charAt(idx) != ',') break;
      idx++;
    }
    return idx == s.length();
  }
}
