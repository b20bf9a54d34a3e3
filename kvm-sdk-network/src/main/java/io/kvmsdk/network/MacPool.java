package io.kvmsdk.network;

import io.kvmsdk.core.InvalidSpecException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Deterministic, collision-free MAC addresses for a fleet of hosts. An address is a fixed
 * {@code prefix} (whole octets, e.g. QEMU's {@code 52:54:00}), then {@code hostBits} naming the host,
 * then {@code guestBits} numbering the guests of that host: with {@code 52:54:00} + 14 + 10 bits, 16,384
 * hosts get 1,024 addresses each, and two hosts can never hand out the same address as long as each
 * has its own {@link Builder#host(long) host index} (its position in your inventory, say).
 *
 * <pre>{@code
 * MacPool pool = MacPool.builder().name("fleet").prefix("52:54:00").hostBits(14).guestBits(10)
 *     .host(17)                                   // this hypervisor's index in the fleet
 *     .avoid(HostMacs.ipLink(runner))             // never an address the host already has
 *     .build();
 * String mac = pool.allocate();                   // 52:54:00:00:44:00, then :01, ...
 * pool.reserve("52:54:00:00:44:10");              // kept out of allocate()
 * pool.release(mac);
 * }</pre>
 *
 * <ul>
 *   <li><b>Never multicast:</b> the multicast bit (bit 0 of the first octet) is in the prefix, and a
 *       prefix with it set is refused at build time.
 *   <li><b>Never in use:</b> the addresses the {@link HostMacs} views report (the host's links, the
 *       host's libvirt domains, ...) are read at build time and again by {@link #refresh()}, and never
 *       allocated.
 *   <li><b>Deterministic:</b> the same pool with the same history hands out the same addresses: the
 *       lowest free guest number after the last one allocated, wrapping around, so a released address
 *       comes back only once the rest of the range has been used.
 * </ul>
 * A pool is mutable and thread-safe; it keeps nothing on disk. Rebuild it from what is in use
 * (the host's domains) after a restart.
 */
public final class MacPool {
  private static final Pattern PREFIX = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){0,4}");
  private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}");
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  /** The largest guest part a pool holds (16M addresses per host). */
  public static final int MAX_GUEST_BITS = 24;

  private final String name;
  private final String prefix;
  private final int hostBits;
  private final int guestBits;
  private final long host;
  private final long base;            // the host's first address
  private final int capacity;
  private final List<HostMacs> views;

  private final BitSet allocated = new BitSet();
  private final BitSet reserved = new BitSet();
  private BitSet onHost = new BitSet();
  private final BitSet taken = new BitSet();   // allocated | reserved | onHost
  private int cursor;

  private MacPool(Builder b) {
    this.name = b.name;
    this.prefix = b.prefix.toLowerCase(Locale.ROOT);
    this.hostBits = b.hostBits;
    this.guestBits = b.guestBits;
    this.host = b.host;
    long p = 0;
    for (String o : prefix.split(":")) p = p << 8 | Integer.parseInt(o, 16);
    this.base = p << (hostBits + guestBits) | host << guestBits;
    this.capacity = 1 << guestBits;
    this.views = List.copyOf(b.views);
    readViews();
  }

  public static Builder builder() { return new Builder(); }

  /** The pool's name, as error messages say it. */
  public String name() { return name; }

  /** The fixed first octets, lower case, e.g. {@code 52:54:00}. */
  public String prefix() { return prefix; }

  public int hostBits() { return hostBits; }

  public int guestBits() { return guestBits; }

  /** This host's index in the fleet. */
  public long host() { return host; }

  /** How many addresses this host's part of the pool holds: {@code 2^guestBits}. */
  public int capacity() { return capacity; }

  /** This host's first address. */
  public String first() { return format(base); }

  /** This host's last address. */
  public String last() { return format(base + capacity - 1); }

  /** The next free address, now taken. @throws MacPoolExhaustedException when none is left */
  public synchronized String allocate() { return format(base + take()); }

  /** The next {@code count} free addresses, now taken; none is taken when fewer are left. */
  public synchronized List<String> allocate(int count) {
    if (count < 0) throw new IllegalArgumentException("count must be >= 0, got " + count);
    if (count > capacity - taken.cardinality()) throw exhausted(count);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) out.add(format(base + take()));
    return out;
  }

  private int take() {
    int i = taken.nextClearBit(cursor);
    if (i >= capacity) {
      i = taken.nextClearBit(0);
      if (i >= capacity) throw exhausted(1);
    }
    taken.set(i);
    allocated.set(i);
    cursor = i + 1 == capacity ? 0 : i + 1;
    return i;
  }

  /**
   * Takes {@code mac} out of allocation (an address configured by hand, a guest kept from an older
   * scheme). False when it was taken already.
   * @throws InvalidSpecException when {@code mac} is not in this host's part of the pool
   */
  public synchronized boolean reserve(String mac) {
    int i = index("mac", mac);
    if (taken.get(i)) return false;
    taken.set(i);
    reserved.set(i);
    return true;
  }

  /**
   * Gives {@code mac}, allocated or reserved, back to the pool. False when it was neither (an
   * address in use on the host stays taken until {@link #refresh()} no longer sees it).
   * @throws InvalidSpecException when {@code mac} is not in this host's part of the pool
   */
  public synchronized boolean release(String mac) {
    int i = index("mac", mac);
    if (!allocated.get(i) && !reserved.get(i)) return false;
    allocated.clear(i);
    reserved.clear(i);
    if (!onHost.get(i)) taken.clear(i);
    return true;
  }

  /** True when {@code mac} is a well-formed address of this host's part of the pool. */
  public boolean contains(String mac) {
    if (mac == null || !MAC.matcher(mac).matches()) return false;
    long v = parse(mac);
    return v >= base && v < base + capacity;
  }

  /** True when {@code mac}, of this host's part of the pool, is neither allocated, reserved nor in use on the host. */
  public synchronized boolean isFree(String mac) { return !taken.get(index("mac", mac)); }

  /** How many of this host's addresses are taken: allocated, reserved or in use on the host. */
  public synchronized int inUse() { return taken.cardinality(); }

  /** How many this pool allocated (and were not released). */
  public synchronized int allocatedCount() { return allocated.cardinality(); }

  /** How many are reserved. */
  public synchronized int reservedCount() { return reserved.cardinality(); }

  /** How many of this host's addresses the {@link HostMacs} views reported in use. */
  public synchronized int onHostCount() { return onHost.cardinality(); }

  /** Reads the {@link HostMacs} views again: addresses no longer in use on the host become free (unless allocated or reserved). */
  public synchronized void refresh() { readViews(); }

  private void readViews() {
    BitSet seen = new BitSet();
    for (HostMacs v : views) {
      for (String mac : v.read()) {
        if (mac == null || !MAC.matcher(mac).matches()) continue;
        long a = parse(mac);
        if (a >= base && a < base + capacity) seen.set((int) (a - base));
      }
    }
    synchronized (this) {
      onHost = seen;
      taken.clear();
      taken.or(allocated);
      taken.or(reserved);
      taken.or(onHost);
    }
  }

  private int index(String field, String mac) {
    if (mac == null || !MAC.matcher(mac).matches()) {
      throw new InvalidSpecException(field, "must be six hex octets separated by ':', got '" + mac + "'");
    }
    long v = parse(mac);
    if (v < base || v >= base + capacity) {
      throw new InvalidSpecException(field, "'" + mac + "' is not in MAC pool '" + name + "' for host " + host + " (" + first() + " .. " + last() + ")");
    }
    return (int) (v - base);
  }

  private MacPoolExhaustedException exhausted(int wanted) {
    return new MacPoolExhaustedException(name, host, capacity, taken.cardinality(), allocated.cardinality(),
        reserved.cardinality(), onHost.cardinality(), wanted);
  }

  private static long parse(String mac) {
    long v = 0;
    for (int i = 0; i < 17; i += 3) v = v << 8 | Integer.parseInt(mac.substring(i, i + 2), 16);
    return v;
  }

  /** {@code v}'s 48 bits as {@code xx:xx:xx:xx:xx:xx}, lower case. */
  static String format(long v) {
    char[] c = new char[17];
    for (int i = 0; i < 6; i++) {
      int o = (int) (v >>> (40 - 8 * i)) & 0xff;
      c[3 * i] = HEX[o >>> 4];
      c[3 * i + 1] = HEX[o & 15];
      if (i < 5) c[3 * i + 2] = ':';
    }
    return new String(c);
  }

  @Override public synchronized String toString() {
    return "MacPool[" + name + ": " + prefix + " + " + hostBits + " host bits + " + guestBits + " guest bits, host " + host
        + " (" + first() + " .. " + last() + "), " + taken.cardinality() + "/" + capacity + " in use]";
  }

  /** Builds a {@link MacPool}; {@code build()} checks the layout. */
  public static final class Builder {
    private String name;
    private String prefix;
    private Integer hostBits;
    private Integer guestBits;
    private long host;
    private final List<HostMacs> views = new ArrayList<>();

    private Builder() {}

    /** The pool's name (required), as error messages say it. */
    public Builder name(String name) { this.name = name; return this; }

    /** The fixed first octets (1 to 5), e.g. {@code 52:54:00}; the multicast bit must be clear. */
    public Builder prefix(String prefix) { this.prefix = prefix; return this; }

    /** Bits naming the host; prefix bits + host bits + guest bits must be 48. */
    public Builder hostBits(int bits) { this.hostBits = bits; return this; }

    /** Bits numbering one host's guests (1 to {@value MacPool#MAX_GUEST_BITS}). */
    public Builder guestBits(int bits) { this.guestBits = bits; return this; }

    /** This host's index in the fleet, 0 to {@code 2^hostBits - 1} (default 0). */
    public Builder host(long index) { this.host = index; return this; }

    /** Never allocate an address {@code view} reports in use (read at build time and by {@link MacPool#refresh()}). */
    public Builder avoid(HostMacs view) { views.add(Objects.requireNonNull(view, "view")); return this; }

    /** Never allocate these addresses. */
    public Builder avoid(Collection<String> macs) { return avoid(HostMacs.of(macs)); }

    public MacPool build() {
      if (name == null || name.isBlank()) throw new InvalidSpecException("macPool/name", "is required");
      if (prefix == null) throw new InvalidSpecException("macPool/prefix", "is required, e.g. 52:54:00");
      if (!PREFIX.matcher(prefix).matches()) {
        throw new InvalidSpecException("macPool/prefix", "must be 1 to 5 hex octets separated by ':' (e.g. 52:54:00), got '" + prefix + "'");
      }
      int first = Integer.parseInt(prefix.substring(0, 2), 16);
      if ((first & 1) != 0) {
        throw new InvalidSpecException("macPool/prefix", "'" + prefix + "' has the multicast bit set (bit 0 of the first octet): "
            + "guests need unicast addresses, e.g. " + String.format("%02x", first & 0xfe) + prefix.substring(2));
      }
      if (hostBits == null) throw new InvalidSpecException("macPool/hostBits", "is required");
      if (guestBits == null) throw new InvalidSpecException("macPool/guestBits", "is required");
      if (hostBits < 0) throw new InvalidSpecException("macPool/hostBits", "must be >= 0, got " + hostBits);
      if (guestBits < 1 || guestBits > MAX_GUEST_BITS) {
        throw new InvalidSpecException("macPool/guestBits", "must be 1.." + MAX_GUEST_BITS + ", got " + guestBits);
      }
      int prefixBits = (prefix.length() + 1) / 3 * 8;
      if (prefixBits + hostBits + guestBits != 48) {
        throw new InvalidSpecException("macPool/hostBits", "prefix (" + prefixBits + " bits) + hostBits (" + hostBits + ") + guestBits ("
            + guestBits + ") must be 48, got " + (prefixBits + hostBits + guestBits));
      }
      if (host < 0 || (hostBits < 63 && host >= 1L << hostBits)) {
        throw new InvalidSpecException("macPool/host", "must be 0.." + ((1L << hostBits) - 1) + " for " + hostBits + " host bits, got " + host);
      }
      return new MacPool(this);
    }
  }
}
