package io.kvmsdk.testkit;

import static io.kvmsdk.testkit.FakeObjects.child;
import static io.kvmsdk.testkit.FakeObjects.childText;

import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.network.DhcpLease;
import io.kvmsdk.core.spi.NetworkDriver;
import io.kvmsdk.core.xml.XmlElement;
import io.kvmsdk.testkit.FakeObjects.Driver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The virtual networks of one fake host, as libvirt's network driver keeps them (the lifecycle in
 * {@link FakeLifecycle}): a bridge name ({@code virbrN} when none is given, refused when another
 * network has it) and a MAC address added to routed/NAT/isolated/open networks, the NAT port range
 * filled in at start, and the leases of an IPv4 DHCP server: a running guest whose interface is on the
 * network gets one when it starts (as if it asked at once), kept (in the network's status file) until it
 * expires or the network goes away; a stop keeps them.
 */
final class FakeNetworks extends FakeLifecycle implements NetworkDriver {
  static final Kind KIND = new Kind("Network", "network", "network", Driver.NETWORK, "VIR_ERR_NO_NETWORK", 43, "Network not found: no network");
  /** dnsmasq's lease time as libvirt configures it (no {@code <lease>} in the range): one hour. */
  private static final Duration LEASE_TIME = Duration.ofHours(1);

  /** The network state of one host beside the objects: bridge names in use and leases, by network. */
  static final class Data {
    final Store store = new Store();
    final Map<String, String> bridges = new HashMap<>();          // bridge -> network
    final Map<String, Set<String>> bridgesOf = new HashMap<>();   // network -> its bridges
    final Map<String, Map<String, Lease>> leases = new HashMap<>();   // network -> MAC -> lease
  }

  /** A lease handed out: to a MAC, an address, until when. */
  record Lease(String mac, String ip, Instant expiry, String hostname) {}

  private final Data data;

  FakeNetworks(FakeHypervisor conn) {
    super(conn, conn.st.networks.store, KIND);
    this.data = conn.st.networks;
  }

  // ------------------------------------------------------------------ the kind

  /**
   * Parses as {@code virNetworkDefParseXML} does, in its order (name, UUID, MAC, DNS hosts, addresses and
   * their DHCP ranges, forward mode), then checks what the network driver's {@code networkValidate} adds
   * (DHCP on one address per family); each refusal with libvirt's code, error domain and message.
   */
  @Override XmlElement parse(String op, String xml) {
    XmlElement def = FakeObjects.parse(k.driver(), op, xml, "network");
    String name = childText(def, "name");
    if (name == null || name.isEmpty()) throw k.driver().error(op, "VIR_ERR_NO_NAME", 21, "missing name information");
    if (name.indexOf('/') >= 0) throw Driver.XML.error(op, "VIR_ERR_XML_DETAIL", 35, "invalid char in name: /");
    String uuid = childText(def, "uuid");
    if (uuid != null && FakeObjects.parseUuid(uuid) == null) throw k.driver().internal(op, "malformed uuid element");
    XmlElement mac = child(def, "mac");
    String macAddr = mac == null ? null : mac.attr("address");
    if (macAddr != null) {
      if (!macAddr.matches("[0-9a-fA-F]{1,2}([:-][0-9a-fA-F]{1,2}){5}")) {
        throw k.driver().xml(op, "Invalid bridge mac address '" + macAddr + "' in network '" + name + "'");
      }
      if ((Integer.parseInt(macAddr.split("[:-]")[0], 16) & 1) != 0) {
        throw k.driver().xml(op, "Invalid multicast bridge mac address '" + macAddr + "' in network '" + name + "'");
      }
    }
    XmlElement dns = child(def, "dns");
    if (dns != null) {
      for (XmlElement h : dns.children()) {
        if (!h.name().equals("host")) continue;
        if (address(h.attr("ip")) == null) throw k.driver().error(op, "VIR_ERR_XML_DETAIL", 35, "Invalid IP address in network '" + name + "' DNS HOST record");
        if (child(h, "hostname") == null) throw k.driver().error(op, "VIR_ERR_XML_DETAIL", 35, "Missing hostname in network '" + name + "' DNS HOST record");
      }
    }
    int ips = 0;
    for (XmlElement ip : def.children()) {
      if (ip.name().equals("ip")) {
        checkIp(op, name, ip);
        ips++;
      }
    }
    XmlElement forward = child(def, "forward");
    String mode = forward == null ? null : forward.attr("mode");
    if (mode != null && !FORWARD_MODES.contains(mode)) throw k.driver().unsupported(op, "unknown forwarding type '" + mode + "'");
    String m = mode(def);
    if (ips == 0 && Set.of("nat", "route", "open").contains(m)) {
      throw k.driver().xml(op, m + " forwarding requested, but no IP address provided for network '" + name + "'");
    }
    dhcpOncePerFamily(op, def);
    return def;
  }

  private static final Set<String> FORWARD_MODES = Set.of("nat", "route", "open", "bridge", "private", "vepa", "passthrough", "hostdev");

  /** {@code virNetworkIPDefParseXML}: the address, netmask, prefix and family, then the DHCP ranges. */
  private void checkIp(String op, String name, XmlElement ip) {
    String a = ip.attr("address");
    byte[] addr = a == null ? null : address(a);
    if (a != null && addr == null) throw k.driver().xml(op, "Invalid address '" + a + "' in network '" + name + "'");
    String nm = ip.attr("netmask");
    byte[] mask = nm == null ? null : address(nm);
    if (nm != null && mask == null) throw k.driver().xml(op, "Invalid netmask '" + nm + "' in network '" + name + "'");
    int prefix = 0;
    if (ip.attr("prefix") != null) {
      try {
        prefix = Integer.parseUnsignedInt(ip.attr("prefix").strip());
      } catch (NumberFormatException e) {
        throw k.driver().xml(op, "Invalid value for attribute 'prefix' in element 'ip': '" + ip.attr("prefix") + "'. Expected non-negative integer value");
      }
    }
    String family = ip.attr("family");
    if (family == null || family.equals("ipv4")) {
      if (addr != null && addr.length != 4) {
        throw k.driver().unsupported(op, "ipv4 family specified for non-IPv4 address '" + a + "' in network '" + name + "'");
      }
      if (mask != null) {
        if (mask.length != 4) {
          throw k.driver().unsupported(op, "Invalid netmask '" + nm + "' for address '" + a + "' in network '" + name + "' (both must be IPv4)");
        }
        if (prefix > 0) throw k.driver().unsupported(op, "Network '" + name + "' IP address cannot have both a prefix and a netmask");
      } else if (Integer.compareUnsigned(prefix, 32) > 0) {
        throw k.driver().unsupported(op, "Invalid IPv4 prefix '" + Integer.toUnsignedString(prefix) + "' in network '" + name + "'");
      }
    } else if (family.equals("ipv6")) {
      if (addr != null && addr.length != 16) {
        throw k.driver().unsupported(op, "ipv6 family specified for non-IPv6 address '" + a + "' in network '" + name + "'");
      }
      if (mask != null) throw k.driver().unsupported(op, "netmask not allowed for IPv6 address '" + a + "' in network '" + name + "'");
      if (Integer.compareUnsigned(prefix, 128) > 0) {
        throw k.driver().unsupported(op, "Invalid IPv6 prefix '" + Integer.toUnsignedString(prefix) + "' in network '" + name + "'");
      }
    } else {
      throw k.driver().xml(op, "Unrecognized family '" + family + "' in network '" + name + "'");
    }
    XmlElement dhcp = child(ip, "dhcp");
    if (dhcp == null || addr == null) return;
    int p = ipPrefix(addr, mask, prefix);
    for (XmlElement r : dhcp.children()) {
      if (r.name().equals("range") && r.attr("start") != null && r.attr("end") != null) checkRange(op, r.attr("start"), r.attr("end"), a, addr, p);
    }
  }

  /** {@code virSocketAddrGetRange} against the network's address and prefix; its errors come from no driver. */
  private static void checkRange(String op, String start, String end, String netStr, byte[] net, int prefix) {
    byte[] s = address(start), e = address(end);
    if (s == null || e == null) return;
    String range = start + " - " + end;
    if (s.length != e.length) throw Driver.NONE.internal(op, "mismatch of address family in range " + range);
    if (s.length != net.length) throw Driver.NONE.internal(op, "mismatch of address family in range " + range + " for network " + netStr);
    int bits = net.length * 8;
    if (prefix < 0 || prefix > bits) throw Driver.NONE.internal(op, "bad prefix " + prefix + " for network " + netStr + " when  checking range " + range);
    java.math.BigInteger m = mask(bits, prefix), n = new java.math.BigInteger(1, net).and(m);
    java.math.BigInteger sv = new java.math.BigInteger(1, s), ev = new java.math.BigInteger(1, e);
    if (!sv.and(m).equals(n) || !ev.and(m).equals(n)) {
      throw Driver.NONE.internal(op, "range " + range + " is not entirely within network " + netStr + "/" + prefix);
    }
    if (bits == 32) {
      if (sv.equals(n)) throw Driver.NONE.internal(op, "start of range " + range + " in network " + netStr + "/" + prefix + " is the network address");
      if (ev.equals(n.or(mask(32, 32).xor(m)))) {
        throw Driver.NONE.internal(op, "end of range " + range + " in network " + netStr + "/" + prefix + " is the broadcast address");
      }
    }
    int same = bits == 32 ? 2 : 14;
    for (int i = 0; i < same; i++) if (s[i] != e[i]) throw Driver.NONE.internal(op, "range " + range + " is too large (> 65535)");
    if (ev.compareTo(sv) < 0) throw Driver.NONE.internal(op, "range " + range + " is reversed ");
  }

  /** {@code networkValidate}: DHCP (a range or a host) on at most one IPv4 and one IPv6 address. */
  private void dhcpOncePerFamily(String op, XmlElement def) {
    boolean v4 = false, v6 = false;
    for (XmlElement ip : def.children()) {
      if (!ip.name().equals("ip")) continue;
      XmlElement dhcp = child(ip, "dhcp");
      if (dhcp == null || (child(dhcp, "range") == null && child(dhcp, "host") == null)) continue;
      byte[] a = address(ip.attr("address"));
      if (a == null) continue;
      boolean six = a.length == 16;
      if (six ? v6 : v4) {
        throw k.driver().unsupported(op, "Multiple IPv" + (six ? 6 : 4) + " dhcp sections found -- dhcp is supported only for a single IPv"
            + (six ? 6 : 4) + " address on each network");
      }
      if (six) v6 = true; else v4 = true;
    }
  }

  /** A numeric IPv4 (dotted quad) or IPv6 address as bytes, or null. */
  static byte[] address(String s) {
    if (s == null || s.isEmpty()) return null;
    if (s.indexOf(':') < 0) {
      String[] parts = s.split("\\.", -1);
      if (parts.length != 4) return null;
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > 255) return null;
        b[i] = (byte) Integer.parseInt(parts[i]);
      }
      return b;
    }
    if (!s.matches("[0-9a-fA-F:.]+")) return null;
    try {
      byte[] b = java.net.InetAddress.getByName(s).getAddress();   // an IPv6 literal: parsed, never looked up
      return b.length == 16 ? b : null;
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }

  /** {@code virSocketAddrGetIPPrefix}: the prefix, else the netmask's bits, else the IPv4 class (-1: none), else 64. */
  private static int ipPrefix(byte[] addr, byte[] mask, int prefix) {
    if (prefix > 0) return prefix;
    if (mask != null) {
      java.math.BigInteger v = new java.math.BigInteger(1, mask);
      int n = mask.length * 8, ones = 0;
      while (ones < n && v.testBit(n - 1 - ones)) ones++;
      for (int i = ones; i < n; i++) if (v.testBit(n - 1 - i)) return -1;
      return ones;
    }
    if (addr.length == 4) {
      int o = addr[0] & 0xff;
      if (new java.math.BigInteger(1, addr).signum() == 0) return 0;
      return (o & 0x80) == 0 ? 8 : (o & 0xC0) == 0x80 ? 16 : (o & 0xE0) == 0xC0 ? 24 : -1;
    }
    return new java.math.BigInteger(1, addr).signum() == 0 ? 0 : 64;
  }

  private static java.math.BigInteger mask(int bits, int prefix) {
    java.math.BigInteger all = java.math.BigInteger.ONE.shiftLeft(bits).subtract(java.math.BigInteger.ONE);
    return prefix <= 0 ? java.math.BigInteger.ZERO : all.xor(java.math.BigInteger.ONE.shiftLeft(bits - prefix).subtract(java.math.BigInteger.ONE));
  }

  @Override boolean conflictsFirst() { return true; }

  @Override void checkConflicts(String op, String name, XmlElement def) {
    XmlElement bridge = child(def, "bridge");
    String b = bridge == null ? null : bridge.attr("name");
    if (b == null) return;
    String owner = data.bridges.get(b);
    if (owner != null && !owner.equals(name)) throw k.driver().internal(op, "bridge name '" + b + "' already in use.");
  }

  /** libvirt's stored form: the UUID after the name; a forward without mode made {@code mode='nat'}, its {@code dev} listed as its {@code <interface>}; for an isolated, NAT, routed or open network a bridge (with STP on, no delay) and a MAC. */
  @Override XmlElement canonical(String name, String uuid, XmlElement def) {
    List<XmlElement> kids = FakeObjects.kids(def);
    FakeObjects.put(kids, FakeObjects.textElement("uuid", uuid), "name");
    XmlElement forward = child(def, "forward");
    if (forward != null) {
      if (forward.attr("mode") == null) forward = FakeObjects.withAttr(forward, "mode", "nat");
      String dev = forward.attr("dev");
      if (dev != null && child(forward, "interface") == null && child(forward, "address") == null && child(forward, "pf") == null) {
        List<XmlElement> fwd = FakeObjects.kids(forward);
        fwd.add(XmlElement.builder("interface").attr("dev", dev).build());
        forward = FakeObjects.withChildren(forward, fwd);
      }
      FakeObjects.put(kids, forward);
    }
    if (Set.of("none", "nat", "route", "open").contains(mode(def))) {
      XmlElement bridge = child(def, "bridge");
      if (bridge == null) bridge = XmlElement.leaf("bridge");
      if (bridge.attr("name") == null) bridge = FakeObjects.withAttr(bridge, "name", freeBridge(name));
      bridge = FakeObjects.withDefaultAttr(FakeObjects.withDefaultAttr(bridge, "stp", "on"), "delay", "0");
      FakeObjects.put(kids, bridge, "forward", "metadata", "uuid");
      if (child(def, "mac") == null) FakeObjects.put(kids, XmlElement.builder("mac").attr("address", mac(name)).build(), "mtu", "bridge");
    }
    return FakeObjects.withChildren(def, kids);
  }

  private static String mode(XmlElement def) {
    XmlElement forward = child(def, "forward");
    return forward == null ? "none" : Optional.ofNullable(forward.attr("mode")).orElse("nat");
  }

  /**
   * {@code networkCheckRouteCollision}: an IPv4 address whose subnet (address and mask) is already a
   * route of the host's table is refused, naming the route's interface. The fake host's routes are those
   * of its active networks: each IPv4 address's subnet (none for a /32) and each static {@code <route>},
   * on the network's bridge.
   */
  @Override void checkStartable(String op, Obj o, XmlElement def) {
    for (XmlElement ip : def.children()) {
      long[] net = ipv4Subnet(ip);
      if (net == null) continue;
      for (Obj other : store.byName.values()) {
        if (other == o || !other.active()) continue;
        XmlElement bridge = child(other.live, "bridge");
        String iface = bridge == null ? null : bridge.attr("name");
        if (iface == null || !Set.of("none", "nat", "route", "open").contains(mode(other.live))) continue;
        for (XmlElement r : other.live.children()) {
          long[] route = r.name().equals("ip") ? ipv4Subnet(r) : r.name().equals("route") ? ipv4Route(r) : null;
          if (route != null && route[0] == net[0] && route[1] == net[1]) {
            throw Driver.NONE.internal(op, "Network is already in use by interface " + iface);
          }
        }
      }
    }
  }

  /** The subnet of an IPv4 {@code <ip>} as {network, mask}, or null (IPv6, no usable prefix, a /32: no subnet route). */
  private static long[] ipv4Subnet(XmlElement ip) {
    if (!ip.name().equals("ip")) return null;
    byte[] a = address(ip.attr("address"));
    if (a == null || a.length != 4) return null;
    int prefix = ip.attr("prefix") == null ? 0 : Integer.parseInt(ip.attr("prefix").strip());
    int p = ipPrefix(a, address(ip.attr("netmask")), prefix);
    if (p < 0 || p >= 32) return null;
    long m = mask(32, p).longValue();
    return new long[] {ipv4(ip.attr("address")) & m, m};
  }

  /** A static IPv4 {@code <route>} as {network, mask}, or null. */
  private static long[] ipv4Route(XmlElement r) {
    byte[] a = address(r.attr("address"));
    if (a == null || a.length != 4) return null;
    int prefix = r.attr("prefix") == null ? 0 : Integer.parseInt(r.attr("prefix").strip());
    int p = r.attr("netmask") != null ? ipPrefix(a, address(r.attr("netmask")), 0) : prefix;
    if (p < 0 || p > 32) return null;
    long m = mask(32, p).longValue();
    return new long[] {ipv4(r.attr("address")) & m, m};
  }

  /** At start a NAT network's forward gets libvirt's default port range for masquerading. */
  @Override XmlElement started(Obj o, XmlElement def) {
    if (!mode(def).equals("nat")) return def;
    XmlElement forward = child(def, "forward");
    XmlElement nat = child(forward, "nat");
    if (nat == null) nat = XmlElement.leaf("nat");
    if (child(nat, "port") != null) return def;
    List<XmlElement> natKids = FakeObjects.kids(nat);
    natKids.add(XmlElement.builder("port").attr("start", "1024").attr("end", "65535").build());
    List<XmlElement> fwdKids = FakeObjects.kids(forward);
    FakeObjects.put(fwdKids, FakeObjects.withChildren(nat, natKids));
    List<XmlElement> kids = FakeObjects.kids(def);
    FakeObjects.put(kids, FakeObjects.withChildren(forward, fwdKids));
    return FakeObjects.withChildren(def, kids);
  }

  /** Leases live in the network's status file: they outlast a stop and go with the network itself. */
  @Override void indexed(Obj o, boolean gone) {
    Set<String> old = data.bridgesOf.remove(o.name);
    if (old != null) for (String b : old) data.bridges.remove(b, o.name);
    if (gone) {
      data.leases.remove(o.name);
      return;
    }
    Set<String> now = new java.util.HashSet<>();
    for (XmlElement d : new XmlElement[] {o.live, o.config}) {
      XmlElement b = child(d, "bridge");
      if (b != null && b.attr("name") != null) now.add(b.attr("name"));
    }
    for (String b : now) data.bridges.put(b, o.name);
    data.bridgesOf.put(o.name, now);
  }

  /** The live XML counts the guest interfaces using the network ({@code connections='N'}, absent when none), as libvirt's does. */
  @Override XmlElement describe(Obj o, boolean inactive) {
    XmlElement d = super.describe(o, inactive);
    if (inactive || !o.active()) return d;
    int n = 0;
    for (FakeHypervisorState.Dom dom : st.domains.values()) {
      if (dom.live == null) continue;
      for (io.kvmsdk.core.domain.Nic nic : dom.live.devices().interfaces()) {
        if ("network".equals(nic.type().orElse("")) && nic.source().flatMap(x -> x.network()).filter(o.name::equals).isPresent()) n++;
      }
    }
    if (n == 0) return d;
    XmlElement.Builder b = XmlElement.builder(d.name()).attr("connections", Integer.toString(n));
    for (int i = 0; i < d.attrCount(); i++) if (!d.attrName(i).equals("connections")) b.attr(d.attrName(i), d.attrValue(i));
    for (XmlElement c : d.children()) b.child(c);
    return b.text(d.text()).build();
  }

  @Override String alreadyActive(String name) { return "network is already active"; }

  @Override LibvirtException autostartTransient(String op) { return k.driver().invalid(op, "cannot set autostart for transient network"); }

  /** The lowest {@code virbrN} no other network uses, as libvirt picks it. */
  private String freeBridge(String name) {
    for (int i = 0; ; i++) {
      String owner = data.bridges.get("virbr" + i);
      if (owner == null || owner.equals(name)) return "virbr" + i;
    }
  }

  private String mac(String name) {
    byte[] b = UUID.nameUUIDFromBytes((st.name + "/mac/" + name + "/" + (store.seq++)).getBytes(StandardCharsets.UTF_8)).toString()
        .getBytes(StandardCharsets.UTF_8);
    return String.format("52:54:00:%02x:%02x:%02x", b[0] & 0xff, b[9] & 0xff, b[14] & 0xff);
  }

  // ------------------------------------------------------------------ what domains use (the caller holds the lock)

  /**
   * What starting a domain with an {@code <interface type='network'>} on {@code name} checks: the
   * network exists ({@code VIR_ERR_NO_NETWORK}) and is active ({@code VIR_ERR_OPERATION_INVALID}).
   */
  void checkUsable(String op, String name) {
    Obj n = obj(op, name);
    if (!n.active()) throw k.driver().invalid(op, "network '" + name + "' is not active");
  }

  /** The bridge of active network {@code name}, or empty. */
  Optional<String> bridgeOf(String name) {
    Obj n = store.byName.get(name);
    if (n == null || !n.active()) return Optional.empty();
    return Optional.ofNullable(child(n.live, "bridge")).map(b -> b.attr("name"));
  }

  /**
   * A guest interface with {@code mac} came up on network {@code name}: its DHCP server (IPv4, a
   * {@code <dhcp>} with a range or hosts) leases it the address a {@code <host>} entry reserves, the one
   * it had, or the first free one of the range.
   */
  void leaseFor(String name, String mac) {
    Obj n = store.byName.get(name);
    if (n == null || !n.active() || mac == null) return;
    XmlElement ip = dhcpIp(n.live);
    if (ip == null) return;
    XmlElement dhcp = child(ip, "dhcp");
    Map<String, Lease> leases = data.leases.computeIfAbsent(name, x -> new LinkedHashMap<>());
    Instant now = st.clock.instant();
    leases.values().removeIf(l -> !l.expiry().isAfter(now));
    String address = null, hostname = null;
    for (XmlElement h : dhcp.children()) {
      if (h.name().equals("host") && mac.equalsIgnoreCase(h.attr("mac"))) {
        address = h.attr("ip");
        hostname = h.attr("name");
      }
    }
    Lease had = leases.get(mac);
    if (address == null && had != null) address = had.ip();
    XmlElement range = child(dhcp, "range");
    if (address == null && range != null) address = free(range, leases.values());
    if (address == null) return;
    leases.put(mac, new Lease(mac, address, now.plus(LEASE_TIME), hostname));
  }

  private static XmlElement dhcpIp(XmlElement def) {
    for (XmlElement c : def.children()) {
      if (!c.name().equals("ip") || "ipv6".equals(c.attr("family"))) continue;
      if (child(c, "dhcp") != null) return c;
    }
    return null;
  }

  private static String free(XmlElement range, java.util.Collection<Lease> taken) {
    long start = ipv4(range.attr("start")), end = ipv4(range.attr("end"));
    Set<Long> used = new java.util.HashSet<>();
    for (Lease l : taken) used.add(ipv4(l.ip()));
    for (long a = start; a <= end; a++) if (!used.contains(a)) return (a >> 24 & 255) + "." + (a >> 16 & 255) + "." + (a >> 8 & 255) + "." + (a & 255);
    return null;
  }

  private static long ipv4(String s) {
    long v = 0;
    for (int from = 0; from <= s.length(); ) { // dotted quad, without a regex split per lease
      int dot = s.indexOf('.', from);
      if (dot < 0) dot = s.length();
      v = v << 8 | Integer.parseInt(s, from, dot, 10);
      from = dot + 1;
    }
    return v;
  }

  private static int prefix(XmlElement ip) {
    if (ip.attr("prefix") != null) return Integer.parseInt(ip.attr("prefix"));
    if (ip.attr("netmask") != null) return Long.bitCount(ipv4(ip.attr("netmask")));
    return 24;
  }

  // ------------------------------------------------------------------ NetworkDriver

  @Override public List<DhcpLease> dhcpLeases(String network) {
    synchronized (st.lock) {
      String op = "get the DHCP leases of network '" + network + "'";
      conn.enter(op, "networkDhcpLeases", network);
      Obj n = obj(op, network);
      List<DhcpLease> out = new ArrayList<>();
      XmlElement def = n.live != null ? n.live : n.config;
      XmlElement ip = dhcpIp(def);
      String bridge = Optional.ofNullable(child(def, "bridge")).map(b -> b.attr("name")).orElse("");
      Instant now = st.clock.instant();
      for (Lease l : data.leases.getOrDefault(network, Map.of()).values()) {
        if (!l.expiry().isAfter(now)) continue;
        out.add(new DhcpLease(bridge, l.expiry(), "ipv4", l.ip(), ip == null ? 24 : prefix(ip), Optional.of(l.mac()), Optional.empty(),
            Optional.ofNullable(l.hostname()), Optional.of("01:" + l.mac())));
      }
      return out;
    }
  }
}
