package io.kvmsdk.testkit;

import static io.kvmsdk.testkit.FakeHostArgs.is;
import static io.kvmsdk.testkit.FakeHostArgs.need;
import static io.kvmsdk.testkit.FakeHostArgs.q;

import io.kvmsdk.testkit.FakeHostState.Link;
import io.kvmsdk.testkit.FakeHostState.Ns;
import io.kvmsdk.testkit.host.FakeToolExit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The kind-specific options of {@code ip link add|set ... type KIND ...} (bridge, bridge_slave,
 * bond, bond_slave, vxlan, macvlan/macvtap) as iproute2 6.1 parses them and the kernel checks them,
 * and their {@code -d} output ({@code linkinfo}). The fake answers as a kernel that has the bonding
 * and bridge VLAN-filtering drivers (the kernel of this project's CI machine has neither: those
 * plans are checked here, see the testkit README).
 */
final class FakeHostLinkKinds {
  private FakeHostLinkKinds() {}

  static final List<String> BOND_MODES = List.of("balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad", "balance-tlb", "balance-alb");
  private static final List<String> HASH_POLICIES = List.of("layer2", "layer3+4", "layer2+3", "encap2+3", "encap3+4", "vlan+srcmac");
  private static final List<String> MAC_MODES = List.of("private", "vepa", "bridge", "passthru", "source");

  private static final FakeToolExit RANGE = new FakeToolExit(2, "RTNETLINK answers: Numerical result out of range");

  // ------------------------------------------------------------------ defaults at creation

  /** The info_data a new link of {@code type} starts with. */
  static void initInfo(Link l) {
    Map<String, Object> i = l.info;
    switch (l.type) {
      case "bridge":
        i.put("forward_delay", 1500);
        i.put("hello_time", 200);
        i.put("max_age", 2000);
        i.put("ageing_time", 30000);
        i.put("stp_state", 0);
        i.put("priority", 32768);
        i.put("vlan_filtering", 0);
        i.put("mcast_snooping", 1);
        break;
      case "bond":
        i.put("mode", "balance-rr");
        i.put("miimon", 0);
        i.put("updelay", 0);
        i.put("downdelay", 0);
        i.put("use_carrier", 1);
        i.put("xmit_hash_policy", "layer2");
        i.put("min_links", 0);
        break;
      case "macvlan": case "macvtap":
        i.put("mode", "vepa");
        i.put("bcqueuelen", 1000);
        i.put("usedbcqueuelen", 1000);
        break;
      default:
        break;
    }
  }

  // ------------------------------------------------------------------ bridge

  /** Applies {@code type bridge} options in the kernel's order (br_changelink): forward_delay is range-checked only with STP on. */
  static void bridgeOptions(Link br, List<String> a, boolean creating) {
    Map<String, Integer> v = new LinkedHashMap<>();
    for (int k = 0; k < a.size(); k++) {
      String w = a.get(k);
      if (is(w, "vlan_filtering", "stp_state", "forward_delay", "hello_time", "max_age", "ageing_time", "priority", "mcast_snooping", "vlan_default_pvid")) {
        String arg = need(a, ++k);
        int n;
        try {
          n = Integer.parseInt(arg);
        } catch (NumberFormatException e) {
          throw new FakeToolExit(255, "Error: argument \"" + arg + "\" is wrong: invalid " + w);
        }
        if (w.equals("priority") && (n < 0 || n > 65535)) throw new FakeToolExit(255, "Error: argument \"" + arg + "\" is wrong: invalid priority");
        v.put(w, n);
      } else {
        throw new FakeToolExit(255, "bridge: unknown command \"" + w + "\"?");
      }
    }
    Map<String, Object> i = br.info;
    boolean stp = !i.get("stp_state").equals(0);
    if (v.containsKey("forward_delay")) {
      int f = v.get("forward_delay");
      if (stp && (f < 200 || f > 3000)) throw RANGE;
      i.put("forward_delay", f);
    }
    if (v.containsKey("hello_time")) {
      int h = v.get("hello_time");
      if (h < 100 || h > 1000) throw RANGE;
      i.put("hello_time", h);
    }
    if (v.containsKey("max_age")) {
      int m = v.get("max_age");
      if (m < 600 || m > 4000) throw RANGE;
      i.put("max_age", m);
    }
    if (v.containsKey("ageing_time")) i.put("ageing_time", v.get("ageing_time"));
    if (v.containsKey("stp_state")) i.put("stp_state", v.get("stp_state") == 0 ? 0 : 1);
    if (v.containsKey("priority")) i.put("priority", v.get("priority"));
    if (v.containsKey("vlan_filtering")) i.put("vlan_filtering", v.get("vlan_filtering") == 0 ? 0 : 1);
    if (v.containsKey("mcast_snooping")) i.put("mcast_snooping", v.get("mcast_snooping") == 0 ? 0 : 1);
    if (v.containsKey("vlan_default_pvid")) {
      int p = v.get("vlan_default_pvid");
      if (p < 0 || p > 4094) throw RANGE;
      i.put("vlan_default_pvid", p);
    }
  }

  /** The per-port options of a bridge port, with the kernel's defaults. */
  static void initBridgePort(Link port) {
    Map<String, Object> s = port.slaveInfo;
    s.clear();
    s.put("priority", 32);
    s.put("cost", port.type.equals("veth") ? 2 : 100);
    s.put("hairpin", false);
    s.put("guard", false);
    s.put("root_block", false);
    s.put("fastleave", false);
    s.put("learning", true);
    s.put("flood", true);
    s.put("isolated", false);
  }

  /** {@code type bridge_slave ...} on a port of a bridge. */
  static void bridgeSlaveOptions(Ns ns, Link port, List<String> a) {
    Map<String, Object> set = new LinkedHashMap<>();
    for (int k = 0; k < a.size(); k++) {
      String w = a.get(k);
      if (is(w, "guard", "hairpin", "fastleave", "root_block", "learning", "flood", "isolated")) {
        String arg = need(a, ++k);
        if (!is(arg, "on", "off")) throw new FakeToolExit(1, "Error: argument of \"" + w + "\" must be \"on\" or \"off\", not \"" + arg + "\"");
        set.put(w, arg.equals("on"));
      } else if (is(w, "cost", "priority")) {
        String arg = need(a, ++k);
        try {
          set.put(w, Integer.parseInt(arg));
        } catch (NumberFormatException e) {
          throw new FakeToolExit(255, "Error: argument \"" + arg + "\" is wrong: Invalid \"" + w + "\" value");
        }
      } else {
        throw new FakeToolExit(1, "bridge_slave: unknown option \"" + w + "\"?");
      }
    }
    Link master = port.master == null ? null : ns.links.get(port.master);
    if (master == null || !master.type.equals("bridge")) throw new FakeToolExit(2, "RTNETLINK answers: Operation not supported");
    Object cost = set.get("cost");
    if (cost != null && ((Integer) cost < 1 || (Integer) cost > 65535)) throw RANGE;
    Object prio = set.get("priority");
    if (prio != null && ((Integer) prio < 0 || (Integer) prio > 63)) throw RANGE;
    port.slaveInfo.putAll(set);
  }

  // ------------------------------------------------------------------ bond

  /** {@code type bond ...} (at creation or later): mode can only change while the bond is down and has no slaves. */
  static void bondOptions(Ns ns, Link bond, List<String> a) {
    Map<String, Object> set = new LinkedHashMap<>();
    for (int k = 0; k < a.size(); k++) {
      String w = a.get(k);
      switch (w) {
        case "mode": {
          String m = need(a, ++k);
          if (!BOND_MODES.contains(m)) throw new FakeToolExit(255, "Error: argument \"" + m + "\" is wrong: invalid mode");
          set.put("mode", m);
          break;
        }
        case "miimon": case "updelay": case "downdelay": case "min_links": {
          String n = need(a, ++k);
          try {
            int x = Integer.parseInt(n);
            if (x < 0) throw new NumberFormatException();
            set.put(w, x);
          } catch (NumberFormatException e) {
            throw new FakeToolExit(255, "Error: argument \"" + n + "\" is wrong: invalid " + w);
          }
          break;
        }
        case "lacp_rate": {
          String r = need(a, ++k);
          if (!is(r, "slow", "fast", "0", "1")) throw new FakeToolExit(255, "Error: argument \"" + r + "\" is wrong: invalid lacp_rate");
          set.put("ad_lacp_rate", r.equals("1") ? "fast" : r.equals("0") ? "slow" : r);
          break;
        }
        case "ad_select": {
          String r = need(a, ++k);
          if (!is(r, "stable", "bandwidth", "count")) throw new FakeToolExit(255, "Error: argument \"" + r + "\" is wrong: invalid ad_select");
          set.put("ad_select", r);
          break;
        }
        case "xmit_hash_policy": {
          String p = need(a, ++k);
          if (!HASH_POLICIES.contains(p)) throw new FakeToolExit(255, "Error: argument \"" + p + "\" is wrong: invalid xmit_hash_policy");
          set.put("xmit_hash_policy", p);
          break;
        }
        case "primary": {
          String p = need(a, ++k);
          if (!ns.links.containsKey(p)) throw new FakeToolExit(1, "Cannot find device \"" + p + "\"");
          set.put("primary", p);
          break;
        }
        default:
          throw new FakeToolExit(255, "bond: unknown command \"" + w + "\"?");
      }
    }
    Object mode = set.get("mode");
    if (mode != null && !mode.equals(bond.info.get("mode"))) {
      if (ns.links.values().stream().anyMatch(l -> bond.name.equals(l.master))) throw new FakeToolExit(2, "RTNETLINK answers: Directory not empty");
      if (bond.up) throw new FakeToolExit(2, "RTNETLINK answers: Device or resource busy");
    }
    bond.info.putAll(set);
    if ("802.3ad".equals(bond.info.get("mode"))) {
      bond.info.putIfAbsent("ad_lacp_rate", "slow");
      bond.info.putIfAbsent("ad_select", "stable");
    }
  }

  /** The bond slave info of {@code slave}: the first slave of an active-backup bond is active, the others backup. */
  static void initBondSlave(Ns ns, Link bond, Link slave) {
    Map<String, Object> s = slave.slaveInfo;
    s.clear();
    boolean first = ns.links.values().stream().noneMatch(l -> l != slave && bond.name.equals(l.master));
    s.put("state", !"active-backup".equals(bond.info.get("mode")) || first ? "ACTIVE" : "BACKUP");
    s.put("mii_status", "UP");
    s.put("link_failure_count", 0);
    s.put("perm_hwaddr", slave.mac);
    s.put("queue_id", 0);
  }

  // ------------------------------------------------------------------ vxlan

  /** Parses {@code type vxlan ...} into {@code l.info}; returns the warning ip prints without {@code dstport}. */
  static String vxlanOptions(Ns ns, Link l, List<String> a) {
    Integer id = null;
    String remote = null;
    String group = null;
    String local = null;
    String dev = null;
    Integer port = null;
    boolean learning = true;
    int ttl = 0;
    int ageing = 300;
    boolean udpCsum = true;
    for (int k = 0; k < a.size(); k++) {
      String w = a.get(k);
      switch (w) {
        case "id": case "vni": {
          String v = need(a, ++k);
          try {
            id = Integer.parseInt(v);
            if (id < 0 || id > 16777215) throw new NumberFormatException();
          } catch (NumberFormatException e) {
            throw new FakeToolExit(255, "Error: argument \"" + v + "\" is wrong: invalid id");
          }
          break;
        }
        case "remote": remote = need(a, ++k); break;
        case "group": group = need(a, ++k); break;
        case "local": local = need(a, ++k); break;
        case "dev": dev = need(a, ++k); break;
        case "dstport": {
          String v = need(a, ++k);
          try {
            port = Integer.parseInt(v);
            if (port < 0 || port > 65535) throw new NumberFormatException();
          } catch (NumberFormatException e) {
            throw new FakeToolExit(255, "Error: argument \"" + v + "\" is wrong: dstport");
          }
          break;
        }
        case "learning": learning = true; break;
        case "nolearning": learning = false; break;
        case "udpcsum": udpCsum = true; break;
        case "noudpcsum": udpCsum = false; break;
        case "ttl": case "hoplimit": {
          String v = need(a, ++k);
          ttl = v.equals("auto") || v.equals("inherit") ? 0 : FakeHostArgs.intArg(v, "TTL");
          break;
        }
        case "ageing": ageing = FakeHostArgs.intArg(need(a, ++k), "ageing"); break;
        default:
          throw new FakeToolExit(1, "vxlan: unknown command \"" + w + "\"?");
      }
    }
    if (id == null) throw new FakeToolExit(1, "vxlan: missing virtual network identifier");
    if (remote != null && group != null) throw new FakeToolExit(1, "vxlan: both group and remote cannot be specified");
    for (String addr : new String[] {remote, group, local}) {
      if (addr != null && FakeHostState.Cidr.tryParse(addr) == null) throw new FakeToolExit(1, "Error: any valid prefix is expected rather than \"" + addr + "\".");
    }
    Link parent = null;
    if (dev != null) {
      parent = ns.links.get(dev);
      if (parent == null) throw new FakeToolExit(1, "Error: argument \"" + dev + "\" is wrong: Device does not exist");
    }
    int dst = port == null ? 8472 : port;
    for (Link o : ns.links.values()) {
      if (o != l && o.type.equals("vxlan") && id.equals(o.info.get("id")) && Integer.valueOf(dst).equals(o.info.get("port"))) {
        throw new FakeToolExit(2, "Error: A VXLAN device with the specified VNI already exists.");
      }
    }
    Map<String, Object> i = l.info;
    i.put("id", id);
    if (remote != null) i.put("remote", remote);
    if (group != null) i.put("group", group);
    if (local != null) i.put("local", local);
    if (dev != null) i.put("link", dev);
    Map<String, Object> range = new LinkedHashMap<>();
    range.put("low", 0);
    range.put("high", 0);
    i.put("port_range", range);
    i.put("port", dst);
    i.put("learning", learning);
    i.put("ttl", ttl);
    i.put("df", "unset");
    i.put("ageing", ageing);
    i.put("udp_csum", udpCsum);
    l.mtu = parent == null ? 1500 : parent.mtu - 50;
    return port != null ? "" : "vxlan: destination port not specified\nWill use Linux kernel default (non-standard value)\n"
        + "Use 'dstport 4789' to get the IANA assigned value\nUse 'dstport 0' to get default and quiet this message";
  }

  // ------------------------------------------------------------------ macvlan / macvtap

  static void macvlanOptions(Link l, List<String> a) {
    for (int k = 0; k < a.size(); k++) {
      String w = a.get(k);
      if (is(w, "mode")) {
        String m = need(a, ++k);
        if (!MAC_MODES.contains(m)) {
          throw new FakeToolExit(1, "Error: argument of \"mode\" must be \"private\", \"vepa\", \"bridge\", \"passthru\" or \"source\", not \"" + m + "\"");
        }
        l.info.put("mode", m);
      } else {
        throw new FakeToolExit(1, l.type + ": unknown option \"" + w + "\"?");
      }
    }
  }

  // ------------------------------------------------------------------ -d output

  /** The {@code "linkinfo"} member of {@code ip -d -j link show} for {@code l}, or "" for a link without one (loopback, a NIC). */
  static String linkinfoJson(Link l) {
    if (l.type.equals("loopback") || l.type.equals("device")) return "";
    StringBuilder j = new StringBuilder(",\"linkinfo\":{\"info_kind\":").append(q(l.type));
    if (!l.info.isEmpty()) j.append(",\"info_data\":").append(json(l.info));
    if (l.slaveKind != null) {
      j.append(",\"info_slave_kind\":").append(q(l.slaveKind));
      if (!l.slaveInfo.isEmpty()) j.append(",\"info_slave_data\":").append(json(l.slaveInfo));
    }
    return j.append('}').toString();
  }

  static String json(Object v) {
    if (v instanceof Map) {
      return ((Map<?, ?>) v).entrySet().stream().map(e -> q(String.valueOf(e.getKey())) + ":" + json(e.getValue()))
          .collect(Collectors.joining(",", "{", "}"));
    }
    if (v instanceof String) return q((String) v);
    return String.valueOf(v);
  }
}
