package io.kvmsdk.testkit;

import io.kvmsdk.testkit.host.FakeToolSlot;
import io.kvmsdk.testkit.host.FakeToolState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The mutable state behind a {@link FakeHost}, the kernel and disk the tools act on: namespaces of
 * links, routes and sysctls, kept files, and the tools' own states. Not thread-safe; FakeHost locks.
 */
final class FakeHostState {
  static final String HOST_NS = "";
  static final int MIN_MTU = 68;
  static final int MAX_MTU = 65535;

  /** Sysctls every network namespace has, with a fresh namespace's values. */
  static final Map<String, String> NET_DEFAULTS = new LinkedHashMap<>();
  /** Per-interface sysctl suffixes under net.ipv4.conf.IF and net.ipv6.conf.IF. */
  static final Map<String, String> IPV4_CONF = new LinkedHashMap<>();
  static final Map<String, String> IPV6_CONF = new LinkedHashMap<>();
  /** net.* sysctls only the host's own (initial) namespace has, as on Linux 6.x: neighbour table sizes, the backlog. */
  static final Map<String, String> INIT_NET_DEFAULTS = new LinkedHashMap<>();
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
    NET_DEFAULTS.put("net.ipv4.tcp_window_scaling", "1");
    // br_netfilter loaded, as on a libvirt host (and on the machine the fake is proven on)
    NET_DEFAULTS.put("net.bridge.bridge-nf-call-arptables", "1");
    NET_DEFAULTS.put("net.bridge.bridge-nf-call-ip6tables", "1");
    NET_DEFAULTS.put("net.bridge.bridge-nf-call-iptables", "1");
    for (String v : List.of("ipv4", "ipv6")) {
      INIT_NET_DEFAULTS.put("net." + v + ".neigh.default.gc_thresh1", "128");
      INIT_NET_DEFAULTS.put("net." + v + ".neigh.default.gc_thresh2", "512");
      INIT_NET_DEFAULTS.put("net." + v + ".neigh.default.gc_thresh3", "1024");
    }
    INIT_NET_DEFAULTS.put("net.core.netdev_max_backlog", "1000");
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
  /** Regular files the host keeps, by absolute path (directories are implied by the files in them). */
  final TreeMap<String, String> files = new TreeMap<>();
  /** The tools' states, by slot name. */
  final Map<String, Held<?>> tools = new TreeMap<>();

  static FakeHostState boot() {
    FakeHostState s = new FakeHostState();
    s.hostSysctls.putAll(HOST_DEFAULTS);
    s.addNamespace(HOST_NS);
    return s;
  }

  Ns addNamespace(String name) {
    Ns ns = new Ns(name);
    ns.sysctls.putAll(NET_DEFAULTS);
    if (name.equals(HOST_NS)) ns.sysctls.putAll(INIT_NET_DEFAULTS);
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
    s.files.putAll(files);
    tools.forEach((k, v) -> s.tools.put(k, v.copy()));
    return s;
  }

  /** Makes this state equal to {@code other} (which it then owns): how a failed nested command is undone in place. */
  void restore(FakeHostState other) {
    namespaces.clear();
    namespaces.putAll(other.namespaces);
    hostSysctls.clear();
    hostSysctls.putAll(other.hostSysctls);
    files.clear();
    files.putAll(other.files);
    tools.clear();
    tools.putAll(other.tools);
  }

  /**
   * The state after a crash or reboot: {@code boot}'s links, namespaces and sysctls, this state's
   * files except those on tmpfs, and what each tool's state keeps ({@link FakeToolState#afterReboot()}).
   */
  FakeHostState rebooted(FakeHostState boot) {
    FakeHostState s = boot.copy();
    s.files.clear();
    files.forEach((k, v) -> { if (!onTmpfs(k)) s.files.put(k, v); });
    s.tools.clear();
    tools.forEach((k, v) -> v.afterReboot().ifPresent(h -> s.tools.put(k, h)));
    return s;
  }

  static boolean onTmpfs(String path) {
    for (String t : List.of("/run/", "/tmp/", "/dev/shm/")) if (path.startsWith(t)) return true;
    return false;
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
    TreeMap<String, List<String>> toolLines = new TreeMap<>();
    tools.forEach((k, v) -> {
      List<String> lines = List.copyOf(v.state.describe());
      if (!lines.isEmpty()) toolLines.put(k, lines);
    });
    return new FakeHostSnapshot(Collections.unmodifiableSortedMap(out), Collections.unmodifiableSortedMap(new TreeMap<>(files)),
        Collections.unmodifiableSortedMap(toolLines));
  }

  // ------------------------------------------------------------------ tool states

  /** The state in {@code slot}, made on first use. */
  <S extends FakeToolState<S>> S state(FakeToolSlot<S> slot) {
    Held<?> h = tools.get(slot.name());
    if (h == null) {
      Held<S> made = new Held<>(slot, slot.initial());
      tools.put(slot.name(), made);
      return made.state;
    }
    if (h.slot != slot) throw new IllegalStateException("two tool-state slots are named '" + slot.name() + "': " + h.slot + " and " + slot);
    @SuppressWarnings("unchecked") Held<S> typed = (Held<S>) h;
    return typed.state;
  }

  /** A tool's state with its slot. */
  static final class Held<S extends FakeToolState<S>> {
    final FakeToolSlot<S> slot;
    final S state;

    Held(FakeToolSlot<S> slot, S state) {
      this.slot = slot;
      this.state = Objects.requireNonNull(state, () -> "the state of slot " + slot.name());
    }

    Held<S> copy() { return new Held<>(slot, Objects.requireNonNull(state.copy(), () -> slot.name() + " copy()")); }

    Optional<Held<S>> afterReboot() { return state.afterReboot().map(s -> new Held<>(slot, s)); }
  }

  // ------------------------------------------------------------------ files

  /** What a path names: a directory ({@code content == null}) or a regular file. */
  record Node(String content) {
    static final Node DIR = new Node(null);

    boolean isDirectory() { return content == null; }
  }

  /** {@code path} without {@code .}, {@code ..}, doubled or trailing slashes; fails unless absolute. */
  static String normalize(String path) {
    if (!path.startsWith("/")) throw new IllegalArgumentException("the fake host knows files by absolute path, got '" + path + "'");
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) continue;
      if (p.equals("..")) { if (!parts.isEmpty()) parts.remove(parts.size() - 1); continue; }
      parts.add(p);
    }
    return "/" + String.join("/", parts);
  }

  /** The file or directory at {@code path} as namespace {@code nsName} sees it, or null. */
  Node lookup(String path, String nsName) {
    if (!path.startsWith("/")) return null;
    String norm = normalize(path);
    Ns ns = namespaces.get(nsName);
    if (norm.equals("/proc/sys") || norm.startsWith("/proc/sys/")) {
      String key = norm.length() <= "/proc/sys/".length() ? "" : norm.substring("/proc/sys/".length()).replace('/', '.');
      String v = key.startsWith("net.") ? ns.sysctls.get(key) : hostSysctls.get(key);
      if (v != null) return new Node(v + "\n");
      String pre = key + ".";
      boolean dir = ns.sysctls.keySet().stream().anyMatch(k -> k.startsWith(pre)) || hostSysctls.keySet().stream().anyMatch(k -> k.startsWith(pre));
      return dir || key.isEmpty() ? Node.DIR : null;
    }
    if (norm.equals("/sys/class/net")) return Node.DIR;
    if (norm.startsWith("/sys/class/net/")) return netFile(norm.substring("/sys/class/net/".length()).split("/"), ns);
    String stored = files.get(norm);
    if (stored != null) return new Node(stored);
    if (norm.equals("/")) return Node.DIR;
    String ceiling = files.ceilingKey(norm + "/");
    return ceiling != null && ceiling.startsWith(norm + "/") ? Node.DIR : null;
  }

  /** A file of /sys/class/net/IF/... */
  private Node netFile(String[] p, Ns ns) {
    Link l = ns.links.get(p[0]);
    if (l == null) return null;
    if (p.length == 1) return Node.DIR;
    String attr = p[1];
    switch (attr) {
      case "mtu": return p.length == 2 ? new Node(l.mtu + "\n") : null;
      case "address": return p.length == 2 ? new Node(l.mac + "\n") : null;
      case "operstate": return p.length == 2 ? new Node(ns.operState(l, this).toLowerCase() + "\n") : null;
      case "ifindex": return p.length == 2 ? new Node(l.index + "\n") : null;
      case "flags": {
        int f = (l.up ? 0x1 : 0) | (l.type.equals("loopback") ? 0x8 : 0x1002);
        return p.length == 2 ? new Node(String.format("0x%x%n", f)) : null;
      }
      case "master": return l.master == null || p.length > 2 ? null : Node.DIR;
      case "bridge": return l.type.equals("bridge") && p.length == 2 ? Node.DIR : null;
      case "bonding": return l.type.equals("bond") && p.length == 2 ? Node.DIR : null;
      case "brif":
        if (!l.type.equals("bridge")) return null;
        if (p.length == 2) return Node.DIR;
        Link port = ns.links.get(p[2]);
        return p.length == 3 && port != null && l.name.equals(port.master) ? Node.DIR : null;
      default: {
        if (attr.startsWith("lower_") && p.length == 2) {
          Link lower = ns.links.get(attr.substring("lower_".length()));
          return lower != null && (l.name.equals(lower.master) || (lower.name.equals(l.parent))) ? Node.DIR : null;
        }
        return null;
      }
    }
  }

  /** Keeps {@code content} at {@code path}; fails for the kernel's files and where a directory is. */
  void writeFile(String path, String content) {
    String norm = normalize(path);
    String why = unwritable(norm);
    if (why != null) throw new IllegalArgumentException(norm + ": " + why);
    files.put(norm, Objects.requireNonNull(content, "content"));
  }

  /** Why no regular file can be written at {@code norm} (a normalized path), as the kernel says it; null when one can. */
  String unwritable(String norm) {
    if (norm.equals("/proc") || norm.startsWith("/proc/") || norm.equals("/sys") || norm.startsWith("/sys/")) {
      return "Permission denied (a kernel file: the fake changes it through its tool, sysctl or ip)";
    }
    Node n = lookup(norm, HOST_NS);
    if (n != null && n.isDirectory()) return "Is a directory";
    for (String parent = norm.substring(0, norm.lastIndexOf('/')); !parent.isEmpty(); parent = parent.substring(0, parent.lastIndexOf('/'))) {
      if (files.containsKey(parent)) return "Not a directory";
    }
    return null;
  }

  /** Sets sysctl {@code key} (which exists) as the kernel does: writing {@code net.ipv4.ip_forward} sets every interface's {@code forwarding}. */
  void setSysctl(Ns ns, String key, String value) {
    Map<String, String> table = key.startsWith("net.") ? ns.sysctls : hostSysctls;
    table.put(key, value);
    if (key.equals("net.ipv4.ip_forward")) {
      for (String k : new ArrayList<>(ns.sysctls.keySet())) if (k.matches("net\\.ipv4\\.conf\\.[^.]+\\.forwarding")) ns.sysctls.put(k, value);
    }
  }

  // ------------------------------------------------------------------ the kernel's link operations (ip and tools use them alike)

  /** Deletes {@code l}: a veth's peer (in whatever namespace) and VLANs on it go too. */
  void delete(Ns ns, Link l) {
    String master = l.master;
    ns.removeOnly(l.name);
    if (master != null) ns.adjustBridgeMtu(master);
    if (l.type.equals("veth") && l.peerNs != null) {
      Ns pns = namespaces.get(l.peerNs);
      if (pns != null && pns.links.containsKey(l.peer)) {
        Link p = pns.links.get(l.peer);
        pns.removeOnly(p.name);
        if (p.master != null) pns.adjustBridgeMtu(p.master);
      }
    }
    for (Link v : new ArrayList<>(ns.links.values())) if (l.name.equals(v.parent)) delete(ns, v);
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
      for (Link l : links.values()) if (linkName.equals(l.master)) { l.master = null; l.vlans.clear(); l.slaveKind = null; l.slaveInfo.clear(); }
    }

    /** The bridge MTU rule: unless set by the user, the smallest port MTU, or 1500 without ports. */
    void adjustBridgeMtu(String bridge) {
      Link br = links.get(bridge);
      if (br == null || !br.type.equals("bridge") || br.mtuSetByUser) return;
      int min = links.values().stream().filter(l -> bridge.equals(l.master)).mapToInt(l -> l.mtu).min().orElse(1500);
      br.mtu = min;
    }

    /** Sets {@code l} up or down: its subnet routes come back with it up and go (with its static routes) when it goes down. */
    void setUp(Link l, boolean up) {
      if (up && !l.up) l.routed.addAll(l.addresses);
      if (!up && l.up) l.routed.clear();
      l.up = up;
      if (!up) staticRoutes.removeIf(r -> r.dev.equals(l.name));
    }

    /** Frees {@code l} from its master, if any. */
    void release(Link l) {
      if (l.master == null) return;
      String old = l.master;
      l.master = null;
      l.vlans.clear();
      l.slaveKind = null;
      l.slaveInfo.clear();
      adjustBridgeMtu(old);
    }

    /** Enslaves {@code l} to {@code master}; a bridge port starts with VLAN 1 PVID untagged. */
    void enslave(Link l, String master) {
      if (master.equals(l.master)) return;
      String old = l.master;
      l.master = master;
      l.vlans.clear();
      Link m = links.get(master);
      l.slaveKind = m == null ? null : m.type.equals("bridge") || m.type.equals("bond") ? m.type : null;
      l.slaveInfo.clear();
      if (m != null && m.type.equals("bridge")) {
        l.vlans.put(1, new LinkedHashSet<>(List.of("PVID", "untagged")));
        FakeHostLinkKinds.initBridgePort(l);
      }
      if (m != null && m.type.equals("bond")) {
        FakeHostLinkKinds.initBondSlave(this, m, l);
        l.mtu = m.mtu;
      }
      if (old != null) adjustBridgeMtu(old);
      adjustBridgeMtu(master);
    }

    /** Adds address {@code cidr} (normalized) to {@code l} with its subnet route. */
    void addAddress(Link l, String cidr) {
      l.addresses.add(cidr);
      l.routed.add(cidr);
    }

    /** Removes address {@code cidr} from {@code l}; routes whose gateway is no longer reachable go. */
    boolean deleteAddress(Link l, String cidr) {
      if (!l.addresses.remove(cidr)) return false;
      l.routed.remove(cidr);
      dropUnreachableRoutes();
      return true;
    }

    /** IPv4 drops routes whose gateway is no longer on a connected subnet. */
    void dropUnreachableRoutes() {
      staticRoutes.removeIf(r -> r.via != null && !reachable(Cidr.parse(r.via).addr, r.dev));
    }

    /** True when {@code gw} is on the subnet of an address of an up link ({@code dev} if not null). */
    boolean reachable(long gw, String dev) {
      for (Link l : links.values()) {
        if (!l.up || (dev != null && !l.name.equals(dev))) continue;
        for (String a : l.addresses) {
          if (a.contains(":")) continue;
          if (Cidr.parse(a).contains(gw)) return true;
        }
      }
      return false;
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
        case "vlan": case "macvlan": case "macvtap": {
          Link p = links.get(l.parent);
          return p != null && operUp(p, s);
        }
        case "bond":
          return links.values().stream().anyMatch(p -> l.name.equals(p.master) && operUp(p, s));
        default:
          return true;
      }
    }

    String operState(Link l, FakeHostState s) {
      if (l.type.equals("loopback") || l.type.equals("dummy")) return l.up ? "UNKNOWN" : "DOWN";
      if (!l.up) return "DOWN";
      if (operUp(l, s)) return "UP";
      return l.type.equals("veth") || l.type.equals("vlan") || l.type.equals("macvlan") || l.type.equals("macvtap") ? "LOWERLAYERDOWN" : "DOWN";
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
    /** The kind's settings as {@code ip -d} prints them ({@code info_data}), in its order. */
    final Map<String, Object> info = new LinkedHashMap<>();
    /** The kind of this link's master ({@code bridge}, {@code bond}) while it has one, and its per-port settings. */
    String slaveKind;
    final Map<String, Object> slaveInfo = new LinkedHashMap<>();

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
      l.info.putAll(info);
      l.slaveKind = slaveKind;
      l.slaveInfo.putAll(slaveInfo);
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
