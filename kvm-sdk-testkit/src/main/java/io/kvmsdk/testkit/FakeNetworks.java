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

  @Override XmlElement parse(String op, String xml) {
    XmlElement def = FakeObjects.parse(k.driver(), op, xml, "network");
    String name = childText(def, "name");
    if (name == null || name.isEmpty()) throw k.driver().error(op, "VIR_ERR_NO_NAME", 31, "missing name information");
    return def;
  }

  @Override boolean conflictsFirst() { return true; }

  @Override void checkConflicts(String op, String name, XmlElement def) {
    XmlElement bridge = child(def, "bridge");
    String b = bridge == null ? null : bridge.attr("name");
    if (b == null) return;
    String owner = data.bridges.get(b);
    if (owner != null && !owner.equals(name)) throw k.driver().internal(op, "bridge name '" + b + "' already in use.");
  }

  /** libvirt's stored form: the UUID after the name; for an isolated, NAT, routed or open network a bridge (with STP on, no delay) and a MAC. */
  @Override XmlElement canonical(String name, String uuid, XmlElement def) {
    List<XmlElement> kids = FakeObjects.kids(def);
    FakeObjects.put(kids, FakeObjects.textElement("uuid", uuid), "name");
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
