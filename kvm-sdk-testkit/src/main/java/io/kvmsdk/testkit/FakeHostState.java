package io.kvmsdk.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The mutable state behind a {@link FakeHost}: namespaces of links, routes and sysctls. Not thread-safe; FakeHost locks. */
final class FakeHostState {
  static final String HOST_NS = "";
  static final int MIN_MTU = 68;
  static final int MAX_MTU = 65535;

  /** Sysctls every network namespace has, with a fresh namespace's values. */
  static final Map<String, String> NET_DEFAULTS = new LinkedHashMap<>();
  /** Per-interface sysctl suffixes under net.ipv4.conf.IF and net.ipv6.conf.IF. */
  static final Map<String, String> IPV4_CONF = new LinkedHashMap<>();
  static final Map<String, String> IPV6_CONF = new LinkedHashMap<>();
  /** Sysctls outside net.*: one set per host, seen from every namespace. */
  static final Map<String, String> HOST_DEFAULTS = new LinkedHashMap<>();

  static {
    IPV4_CONF.put("forwarding", "0");
    IPV4_CONF.put("rp_filter", "0");
    IPV4_CONF.put("proxy_arp", "0");
    IPV4_CONF.put("arp_ignore", "0");
    IPV4_CONF.put("arp_announce", "0");
    IPV4_CONF.put("accept_redirects", "1");
    IPV4_CONF.put("send_redirects", "1");
    IPV6_CONF.put("forwarding", "0");
    IPV6_CONF.put("disable_ipv6", "0");
    IPV6_CONF.put("accept_ra", "1");
    NET_DEFAULTS.put("net.ipv4.ip_forward", "0");
    NET_DEFAULTS.put("net.ipv4.ip_nonlocal_bind", "0");
    NET_DEFAULTS.put("net.ipv4.ip_local_port_range", "32768\t60999");
    NET_DEFAULTS.put("net.core.somaxconn", "4096");
    for (String dev : List.of("all", "default")) {
      IPV4_CONF.forEach((k, v) -> NET_DEFAULTS.put("net.ipv4.conf." + dev + "." + k, v));
      IPV6_CONF.forEach((k, v) -> NET_DEFAULTS.put("net.ipv6.conf." + dev + "." + k, v));
    }
    HOST_DEFAULTS.put("kernel.panic", "0");
    HOST_DEFAULTS.put("vm.swappiness", "60");
    HOST_DEFAULTS.put("vm.overcommit_memory", "0");
  }

  final Map<String, Ns> namespaces = new TreeMap<>();
  final Map<String, String> hostSysctls = new TreeMap<>();

  static FakeHostState boot() {
    FakeHostState s = new FakeHostState();
    s.hostSysctls.putAll(HOST_DEFAULTS);
    s.addNamespace(HOST_NS);
    return s;
  }

  Ns addNamespace(String name) {
    Ns ns = new Ns(name);
    ns.sysctls.putAll(NET_DEFAULTS);
    namespaces.put(name, ns);
    Link lo = ns.add("lo", "loopback");
    lo.mtu = 65536;
    lo.mac = "00:00:00:00:00:00";
    return ns;
  }

  FakeHostState copy() {
    FakeHostState s = new FakeHostState();
    s.hostSysctls.putAll(hostSysctls);
    namespaces.forEach((k, v) -> s.namespaces.put(k, v.copy()));
    return s;
  }

  /** Finds a link by name in namespace {@code ns}, with the namespace it is in. */
  Link link(String ns, String name) { return namespaces.get(ns).links.get(name); }

  FakeHostSnapshot snapshot() {
    TreeMap<String, FakeHostSnapshot.Namespace> out = new TreeMap<>();
    namespaces.forEach((name, ns) -> {
      TreeMap<String, String> sys = new TreeMap<>(ns.sysctls);
      if (name.equals(HOST_NS)) sys.putAll(hostSysctls);
      out.put(name, new FakeHostSnapshot.Namespace(ns.publicLinks(), ns.routes(), Collections.unmodifiableSortedMap(sys)));
    });
    return new FakeHostSnapshot(Collections.unmodifiableSortedMap(out));
  }

  /** One network namespace. */
  static final class Ns {
    final String name;
    final Map<String, Link> links = new LinkedHashMap<>();
    final List<Route> staticRoutes = new ArrayList<>();
    final Map<String, String> sysctls = new TreeMap<>();
    int nextIndex = 1;

    Ns(String name) { this.name = name; }

    Ns copy() {
      Ns n = new Ns(name);
      links.forEach((k, v) -> n.links.put(k, v.copy()));
      staticRoutes.forEach(r -> n.staticRoutes.add(r.copy()));
      n.sysctls.putAll(sysctls);
      n.nextIndex = nextIndex;
      return n;
    }

    Link add(String linkName, String type) {
      Link l = new Link(nextIndex++, linkName, type);
      l.mac = macFor(linkName);
      links.put(linkName, l);
      if (!type.equals("loopback") || true) {
        IPV4_CONF.forEach((k, v) -> sysctls.put("net.ipv4.conf." + linkName + "." + k, sysctls.getOrDefault("net.ipv4.conf.default." + k, v)));
        IPV6_CONF.forEach((k, v) -> sysctls.put("net.ipv6.conf." + linkName + "." + k, sysctls.getOrDefault("net.ipv6.conf.default." + k, v)));
      }
      return l;
    }

    /** Removes the link from this namespace with its routes and per-interface sysctls (no cascade). */
    void removeOnly(String linkName) {
      links.remove(linkName);
      staticRoutes.removeIf(r -> r.dev.equals(linkName));
      sysctls.keySet().removeIf(k -> k.startsWith("net.ipv4.conf." + linkName + ".") || k.startsWith("net.ipv6.conf." + linkName + "."));
      for (Link l : links.values()) if (linkName.equals(l.master)) { l.master = null; l.vlans.clear(); }
    }

    /** The bridge MTU rule: unless set by the user, the smallest port MTU, or 1500 without ports. */
    void adjustBridgeMtu(String bridge) {
      Link br = links.get(bridge);
      if (br == null || !br.type.equals("bridge") || br.mtuSetByUser) return;
      int min = links.values().stream().filter(l -> bridge.equals(l.master)).mapToInt(l -> l.mtu).min().orElse(1500);
      br.mtu = min;
    }

    boolean operUp(Link l, FakeHostState s) {
      if (!l.up) return false;
      switch (l.type) {
        case "veth": {
          Link p = l.peerNs == null ? null : s.link(l.peerNs, l.peer);
          return p != null && p.up;
        }
        case "bridge":
          return links.values().stream().anyMatch(p -> l.name.equals(p.master) && operUp(p, s));
        case "vlan": {
          Link p = links.get(l.parent);
          return p != null && operUp(p, s);
        }
        default:
          return true;
      }
    }

    String operState(Link l, FakeHostState s) {
      if (l.type.equals("loopback") || l.type.equals("dummy")) return l.up ? "UNKNOWN" : "DOWN";
      if (!l.up) return "DOWN";
      if (operUp(l, s)) return "UP";
      return l.type.equals("veth") || l.type.equals("vlan") ? "LOWERLAYERDOWN" : "DOWN";
    }

    List<FakeHostLink> publicLinks() {
      List<FakeHostLink> out = new ArrayList<>();
      for (Link l : links.values()) out.add(l.toPublic());
      return Collections.unmodifiableList(out);
    }

    /** Kernel routes for the IPv4 addresses, then static ones, in the order ip route show prints them. */
    List<FakeHostRoute> routes() {
      List<FakeHostRoute> out = new ArrayList<>();
      for (Link l : links.values()) {
        if (l.type.equals("loopback")) continue;
        for (String a : l.addresses) {
          if (a.contains(":") || !l.routed.contains(a)) continue;
          Cidr c = Cidr.parse(a);
          if (c.len == 32) continue;
          FakeHostRoute r = new FakeHostRoute(c.network(), Optional.empty(), l.name, "kernel", Optional.of(c.address()), 0);
          if (out.stream().noneMatch(x -> x.prefix().equals(r.prefix()) && x.dev().equals(r.dev()))) out.add(r);
        }
      }
      for (Route r : staticRoutes) {
        out.add(new FakeHostRoute(r.prefix, Optional.ofNullable(r.via), r.dev, r.proto, Optional.empty(), r.metric));
      }
      out.sort((x, y) -> {
        Cidr a = Cidr.parsePrefix(x.prefix());
        Cidr b = Cidr.parsePrefix(y.prefix());
        int c = Long.compare(a.networkBits(), b.networkBits());
        if (c != 0) return c;
        c = Integer.compare(a.len, b.len);
        if (c != 0) return c;
        return Integer.compare(x.metric(), y.metric());
      });
      return Collections.unmodifiableList(out);
    }
  }

  /** A deterministic, locally administered unicast MAC derived from the link name. */
  static String macFor(String name) {
    int h = name.hashCode();
    int h2 = (name + "#").hashCode();
    return String.format("02:%02x:%02x:%02x:%02x:%02x", (h >>> 24) & 0xff, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff, h2 & 0xff);
  }

  /** One link. */
  static final class Link {
    final int index;
    String name;
    final String type;
    boolean up;
    int mtu = 1500;
    boolean mtuSetByUser;
    String master;
    String peer;
    String peerNs;
    String parent;
    Integer vlanId;
    String mac;
    final List<String> addresses = new ArrayList<>();
    /** Addresses whose subnet route is in the table: added with the address, flushed when the link goes down, back when it goes up. */
    final Set<String> routed = new LinkedHashSet<>();
    final TreeMap<Integer, Set<String>> vlans = new TreeMap<>();

    Link(int index, String name, String type) {
      this.index = index;
      this.name = name;
      this.type = type;
    }

    Link copy() {
      Link l = new Link(index, name, type);
      l.up = up;
      l.mtu = mtu;
      l.mtuSetByUser = mtuSetByUser;
      l.master = master;
      l.peer = peer;
      l.peerNs = peerNs;
      l.parent = parent;
      l.vlanId = vlanId;
      l.mac = mac;
      l.addresses.addAll(addresses);
      l.routed.addAll(routed);
      vlans.forEach((k, v) -> l.vlans.put(k, new LinkedHashSet<>(v)));
      return l;
    }

    FakeHostLink toPublic() {
      TreeMap<Integer, Set<String>> v = new TreeMap<>();
      vlans.forEach((k, f) -> v.put(k, Collections.unmodifiableSet(new TreeSet<>(f))));
      return new FakeHostLink(name, type, up, mtu, Optional.ofNullable(master), Optional.ofNullable(peer),
          Optional.ofNullable(parent), Optional.ofNullable(vlanId), mac, List.copyOf(addresses),
          Collections.unmodifiableSortedMap(v));
    }
  }

  /** One static route. */
  static final class Route {
    final String prefix;
    final String via;
    final String dev;
    final int metric;
    final String proto;

    Route(String prefix, String via, String dev, int metric, String proto) {
      this.prefix = prefix;
      this.via = via;
      this.dev = dev;
      this.metric = metric;
      this.proto = proto;
    }

    Route copy() { return new Route(prefix, via, dev, metric, proto); }
  }

  /** An IPv4 address with prefix length. */
  static final class Cidr {
    final long addr;
    final int len;

    private Cidr(long addr, int len) {
      this.addr = addr;
      this.len = len;
    }

    /** Parses {@code a.b.c.d[/len]}; null when it is not one. */
    static Cidr tryParse(String s) {
      if (s.equals("default")) return new Cidr(0, 0);
      String[] parts = s.split("/", -1);
      if (parts.length > 2) return null;
      String[] o = parts[0].split("\\.", -1);
      if (o.length != 4) return null;
      long a = 0;
      try {
        for (String x : o) {
          if (x.isEmpty() || x.length() > 3) return null;
          int v = Integer.parseInt(x);
          if (v < 0 || v > 255) return null;
          a = (a << 8) | v;
        }
        int len = parts.length == 2 ? Integer.parseInt(parts[1]) : 32;
        if (len < 0 || len > 32) return null;
        return new Cidr(a, len);
      } catch (NumberFormatException e) {
        return null;
      }
    }

    static Cidr parse(String s) {
      Cidr c = tryParse(s);
      if (c == null) throw new IllegalArgumentException(s);
      return c;
    }

    static Cidr parsePrefix(String s) { return parse(s); }

    long mask() { return len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL; }

    long networkBits() { return addr & mask(); }

    boolean hostBitsSet() { return (addr & ~mask() & 0xffffffffL) != 0; }

    boolean contains(long ip) { return (ip & mask()) == networkBits(); }

    static String dotted(long a) { return ((a >> 24) & 0xff) + "." + ((a >> 16) & 0xff) + "." + ((a >> 8) & 0xff) + "." + (a & 0xff); }

    String address() { return dotted(addr); }

    String network() { return len == 0 ? "default" : len == 32 ? dotted(networkBits()) : dotted(networkBits()) + "/" + len; }

    String cidr() { return dotted(addr) + "/" + len; }
  }
}
