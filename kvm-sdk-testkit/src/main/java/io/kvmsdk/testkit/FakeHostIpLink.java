package io.kvmsdk.testkit;

import static io.kvmsdk.testkit.FakeHostArgs.intArg;
import static io.kvmsdk.testkit.FakeHostArgs.is;
import static io.kvmsdk.testkit.FakeHostArgs.need;
import static io.kvmsdk.testkit.FakeHostArgs.q;

import io.kvmsdk.testkit.FakeHostIp.Call;
import io.kvmsdk.testkit.FakeHostState.Link;
import io.kvmsdk.testkit.FakeHostState.Ns;
import io.kvmsdk.testkit.host.FakeToolExit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code ip link}: add, del, set, show, and the link listing {@code ip addr show} shares. */
final class FakeHostIpLink {
  private final Call c;
  private final FakeHostState s;
  private final StringBuilder out;

  private FakeHostIpLink(Call c) {
    this.c = c;
    this.s = c.s;
    this.out = c.out;
  }

  private Ns ns(Call o) { return o.ns(); }

  private Link device(Ns ns, String name) { return c.device(name); }

  private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}");

  static int run(List<String> a, Call c) { return new FakeHostIpLink(c).link(a, c); }

  /** Prints {@code links} of the call's namespace as {@code ip link show} (or, {@code withAddrs}, {@code ip addr show}) does. */
  static void print(Call c, List<Link> links, boolean withAddrs) { new FakeHostIpLink(c).printLinks(c.ns(), links, c, withAddrs); }

  private int link(List<String> a, Call o) {
    if (a.isEmpty()) return linkShow(List.of(), o);
    String cmd = a.get(0);
    List<String> r = a.subList(1, a.size());
    if (is(cmd, "add")) return linkAdd(r, o);
    if (is(cmd, "del", "delete")) return linkDel(r, o);
    if (is(cmd, "set", "change")) return linkSet(r, o);
    if (is(cmd, "show", "list", "lst", "ls")) return linkShow(r, o);
    throw new FakeToolExit(255, "Command \"" + cmd + "\" is unknown, try \"ip link help\".");
  }

  private void checkName(String name) {
    if (!FakeHostContext.IFNAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new FakeToolExit(255, "Error: argument \"" + name + "\" is wrong: \"name\" not a valid ifname");
    }
  }

  private int linkAdd(List<String> a, Call o) {
    Ns ns = ns(o);
    String name = null;
    String parent = null;
    String type = null;
    Integer mtu = null;
    String mac = null;
    String peer = null;
    Integer vid = null;
    boolean keyword = false;
    int i = 0;
    for (; i < a.size(); i++) {
      String w = a.get(i);
      if (is(w, "type")) { type = need(a, ++i); i++; break; }
      if (is(w, "name", "dev")) { name = need(a, ++i); keyword = true; }
      else if (is(w, "link")) parent = need(a, ++i);
      else if (is(w, "mtu")) mtu = intArg(need(a, ++i), "mtu");
      else if (is(w, "address")) mac = need(a, ++i);
      else if (name == null) name = w;
      else throw new FakeToolExit(255, "Error: either \"dev\" is duplicate, or \"" + w + "\" is a garbage.");
    }
    if (type == null) throw new FakeToolExit(255, "Not enough information: \"type\" argument is required");
    List<String> targs = a.subList(Math.min(i, a.size()), a.size());
    switch (type) {
      case "bridge": case "bond": case "vxlan": case "macvlan": case "macvtap":
        break;
      case "veth":
        for (int k = 0; k < targs.size(); k++) {
          if (is(targs.get(k), "peer")) continue;
          if (is(targs.get(k), "name")) peer = need(targs, ++k);
          else throw new FakeToolExit(255, "Error: either \"dev\" is duplicate, or \"" + targs.get(k) + "\" is a garbage.");
        }
        break;
      case "dummy":
        if (!targs.isEmpty()) throw new FakeToolExit(255, "Garbage instead of arguments \"" + targs.get(0) + " ...\". Try \"ip link help\".");
        break;
      case "vlan":
        for (int k = 0; k < targs.size(); k++) {
          if (is(targs.get(k), "id")) vid = intArg(need(targs, ++k), "id");
          else if (is(targs.get(k), "protocol")) k++;
          else throw new FakeToolExit(255, "vlan: unknown command \"" + targs.get(k) + "\"?");
        }
        if (vid == null) throw new FakeToolExit(2, "Error: 8021q: VLAN id not specified");
        if (vid < 0 || vid > 4095) throw new FakeToolExit(255, "Error: argument \"" + vid + "\" is wrong: id is invalid");
        break;
      default:
        throw new FakeToolExit(2, "Error: Unknown device type.");
    }
    if (name == null) throw new FakeToolExit(255, "Not enough information: \"dev\" argument is required.");
    if (keyword) checkName(name);
    if (peer != null) checkName(peer);
    // a bare name is not checked by ip; the kernel's netlink policy refuses it
    if (!keyword && !FakeHostContext.IFNAME.matcher(name).matches()) throw new FakeToolExit(2, "Error: Attribute failed policy validation.");
    if (mac != null && !MAC.matcher(mac).matches()) throw new FakeToolExit(1, "\"" + mac + "\" is invalid lladdr.");
    Link par = null;
    if (parent != null) par = device(ns, parent);
    if (type.equals("vlan") && par == null) throw new FakeToolExit(2, "Error: 8021q: VLAN device requires a lower device");
    if ((type.equals("macvlan") || type.equals("macvtap")) && par == null) throw new FakeToolExit(2, "RTNETLINK answers: Invalid argument");
    if (type.equals("vlan")) {
      for (Link other : ns.links.values()) {
        if (parent.equals(other.parent) && other.type.equals("vlan") && vid.equals(other.vlanId)) throw new FakeToolExit(2, "RTNETLINK answers: File exists");
      }
    }
    if (ns.links.containsKey(name) || (peer != null && ns.links.containsKey(peer))) throw new FakeToolExit(2, "RTNETLINK answers: File exists");
    if (mtu != null) checkMtu(mtu);
    // the kind's options are checked on a scratch link first: a refused option creates nothing
    Link scratch = new Link(0, name, type);
    FakeHostLinkKinds.initInfo(scratch);
    String warning = "";
    switch (type) {
      case "bridge": FakeHostLinkKinds.bridgeOptions(scratch, targs, true); break;
      case "bond": FakeHostLinkKinds.bondOptions(ns, scratch, targs); break;
      case "vxlan": warning = FakeHostLinkKinds.vxlanOptions(ns, scratch, targs); break;
      case "macvlan": case "macvtap": FakeHostLinkKinds.macvlanOptions(scratch, targs); break;
      default: break;
    }
    Link l = ns.add(name, type);
    l.info.putAll(scratch.info);
    if (type.equals("vxlan")) l.mtu = scratch.mtu;
    if (type.equals("macvlan") || type.equals("macvtap")) {
      l.parent = parent;
      l.mtu = par.mtu;
    }
    if (!warning.isEmpty()) c.err.append(warning).append('\n');
    if (type.equals("veth")) {
      String pn = peer == null ? nextVethName(ns) : peer;
      Link p = ns.add(pn, "veth");
      p.peer = name;
      p.peerNs = ns.name;
      l.peer = pn;
      l.peerNs = ns.name;
      if (mtu != null) p.mtu = mtu;
    }
    if (type.equals("vlan")) {
      l.parent = parent;
      l.vlanId = vid;
      l.mtu = par.mtu;
      l.mac = par.mac;
    }
    if (type.equals("bridge")) l.vlans.put(1, new LinkedHashSet<>(List.of("PVID", "untagged")));
    if (mtu != null) { l.mtu = mtu; l.mtuSetByUser = type.equals("bridge"); }
    if (mac != null) l.mac = mac.toLowerCase();
    return 0;
  }

  private static String nextVethName(Ns ns) {
    for (int n = 0; ; n++) if (!ns.links.containsKey("veth" + n)) return "veth" + n;
  }

  private static void checkMtu(int mtu) {
    if (mtu < FakeHostState.MIN_MTU) throw new FakeToolExit(2, "Error: mtu less than device minimum.");
    if (mtu > FakeHostState.MAX_MTU) throw new FakeToolExit(2, "Error: mtu greater than device maximum.");
  }

  private int linkDel(List<String> a, Call o) {
    Ns ns = ns(o);
    String name = null;
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i);
      if (is(w, "dev", "name")) name = need(a, ++i);
      else if (is(w, "type")) i++;
      else if (name == null) name = w;
      else throw new FakeToolExit(255, "Error: either \"dev\" is duplicate, or \"" + w + "\" is a garbage.");
    }
    if (name == null) throw new FakeToolExit(255, "Not enough information: \"dev\" argument is required.");
    Link l = device(ns, name);
    if (l.type.equals("loopback") || l.type.equals("device")) throw new FakeToolExit(2, "RTNETLINK answers: Operation not supported");
    s.delete(ns, l);
    return 0;
  }

  private int linkSet(List<String> a, Call o) {
    Ns ns = ns(o);
    String name = null;
    Boolean up = null;
    String master = null;
    boolean nomaster = false;
    Integer mtu = null;
    String mac = null;
    String newName = null;
    String toNs = null;
    String kind = null;
    List<String> kindArgs = List.of();
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i);
      if (is(w, "type")) {
        kind = need(a, ++i);
        kindArgs = a.subList(i + 1, a.size());
        break;
      }
      if (is(w, "dev")) name = need(a, ++i);
      else if (is(w, "up")) up = true;
      else if (is(w, "down")) up = false;
      else if (is(w, "master")) {
        master = need(a, ++i);
        if (!ns.links.containsKey(master)) throw new FakeToolExit(255, "Error: argument \"" + master + "\" is wrong: Device does not exist\n");
      } else if (is(w, "nomaster")) nomaster = true;
      else if (is(w, "mtu")) mtu = intArg(need(a, ++i), "mtu");
      else if (is(w, "address")) {
        mac = need(a, ++i);
        if (!MAC.matcher(mac).matches()) throw new FakeToolExit(1, "\"" + mac + "\" is invalid lladdr.");
      } else if (is(w, "name")) { newName = need(a, ++i); checkName(newName); }
      else if (is(w, "netns")) {
        toNs = need(a, ++i);
        if (!s.namespaces.containsKey(toNs)) throw new FakeToolExit(255, "Error: argument \"" + toNs + "\" is wrong: Invalid \"netns\" value\n");
      } else if (is(w, "arp", "multicast", "promisc", "allmulticast", "txqueuelen", "qlen")) i++;
      else if (name == null) name = w;
      else throw new FakeToolExit(255, "Error: either \"dev\" is duplicate, or \"" + w + "\" is a garbage.");
    }
    if (name == null) throw new FakeToolExit(255, "Not enough information: \"dev\" argument is required.");
    Link l = device(ns, name);
    // the kernel (do_setlink) applies address, MTU, name, flags, then master, and stops at the first
    // error: what came before it stays applied (the command still fails)
    c.ctx.keepChanges();
    if (mac != null) l.mac = mac.toLowerCase();
    if (mtu != null) {
      checkMtu(mtu);
      l.mtu = mtu;
      if (l.type.equals("bridge")) l.mtuSetByUser = true;
      if (l.master != null) ns.adjustBridgeMtu(l.master);
      for (Link v : ns.links.values()) if (l.name.equals(v.parent) && v.mtu > mtu) v.mtu = mtu;
      if (l.type.equals("bond")) for (Link v : ns.links.values()) if (l.name.equals(v.master)) v.mtu = mtu;
    }
    if (newName != null && !newName.equals(l.name)) {
      if (l.up) throw new FakeToolExit(2, "RTNETLINK answers: Device or resource busy");
      if (ns.links.containsKey(newName)) throw new FakeToolExit(2, "RTNETLINK answers: File exists");
      rename(ns, l, newName);
    }
    if (up != null) ns.setUp(l, up);
    if (nomaster) ns.release(l);
    if (master != null) {
      Link br = ns.links.get(master);
      if (l.type.equals("bridge")) throw new FakeToolExit(2, "Error: Can not enslave a bridge to a bridge.");
      if (!br.type.equals("bridge") && !br.type.equals("bond")) throw new FakeToolExit(2, "RTNETLINK answers: Operation not supported");
      if (l.type.equals("loopback")) throw new FakeToolExit(2, "Error: Can not enslave loopback device.");
      if (br.type.equals("bond") && l == br) throw new FakeToolExit(2, "RTNETLINK answers: Invalid argument");
      if (br.type.equals("bond") && l.type.equals("bond") && br.name.equals(l.master)) throw new FakeToolExit(2, "RTNETLINK answers: Invalid argument");
      ns.enslave(l, master);
    }
    if (kind != null) {
      switch (kind) {
        case "bridge":
          if (!l.type.equals("bridge")) throw new FakeToolExit(2, "RTNETLINK answers: Operation not supported");
          FakeHostLinkKinds.bridgeOptions(l, kindArgs, false);
          break;
        case "bridge_slave":
          FakeHostLinkKinds.bridgeSlaveOptions(ns, l, kindArgs);
          break;
        case "bond":
          if (!l.type.equals("bond")) throw new FakeToolExit(2, "RTNETLINK answers: Operation not supported");
          FakeHostLinkKinds.bondOptions(ns, l, kindArgs);
          break;
        default:
          throw new FakeToolExit(2, "Error: Unknown device type.");
      }
    }
    if (toNs != null && !toNs.equals(ns.name)) {
      Ns target = s.namespaces.get(toNs);
      if (target.links.containsKey(l.name)) throw new FakeToolExit(2, "RTNETLINK answers: File exists");
      if (l.type.equals("loopback")) throw new FakeToolExit(2, "RTNETLINK answers: Invalid argument");
      String oldMaster = l.master;
      ns.removeOnly(l.name);
      if (oldMaster != null) ns.adjustBridgeMtu(oldMaster);
      Link moved = target.add(l.name, l.type);
      moved.mtu = l.mtu;
      moved.mac = l.mac;
      moved.peer = l.peer;
      moved.peerNs = l.peerNs;
      moved.vlanId = l.vlanId;
      if (l.type.equals("veth")) {
        Link p = s.link(l.peerNs, l.peer);
        if (p != null) p.peerNs = toNs;
      }
    }
    return 0;
  }

  private void rename(Ns ns, Link l, String newName) {
    String old = l.name;
    Map<String, Link> copy = new java.util.LinkedHashMap<>(ns.links);
    ns.links.clear();
    copy.forEach((k, v) -> ns.links.put(k.equals(old) ? newName : k, v));
    l.name = newName;
    for (Link x : ns.links.values()) {
      if (old.equals(x.master)) x.master = newName;
      if (old.equals(x.parent)) x.parent = newName;
    }
    if (l.type.equals("veth")) {
      Link p = s.link(l.peerNs, l.peer);
      if (p != null) p.peer = newName;
    }
    Map<String, String> moved = new TreeMap<>();
    ns.sysctls.entrySet().removeIf(e -> {
      for (String pre : List.of("net.ipv4.conf.", "net.ipv6.conf.")) {
        if (e.getKey().startsWith(pre + old + ".")) {
          moved.put(pre + newName + e.getKey().substring((pre + old).length()), e.getValue());
          return true;
        }
      }
      return false;
    });
    ns.sysctls.putAll(moved);
  }

  private int linkShow(List<String> a, Call o) {
    Ns ns = ns(o);
    String name = null;
    String type = null;
    String master = null;
    boolean onlyUp = false;
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i);
      if (is(w, "dev")) name = need(a, ++i);
      else if (is(w, "type")) type = need(a, ++i);
      else if (is(w, "master")) master = need(a, ++i);
      else if (is(w, "up")) onlyUp = true;
      else if (name == null) name = w;
      else throw new FakeToolExit(255, "Error: either \"dev\" is duplicate, or \"" + w + "\" is a garbage.");
    }
    if (name != null && !ns.links.containsKey(name)) throw new FakeToolExit(1, "Device \"" + name + "\" does not exist.");
    if (master != null && !ns.links.containsKey(master)) throw new FakeToolExit(1, "Device \"" + master + "\" does not exist.");
    List<Link> shown = new ArrayList<>();
    for (Link l : ns.links.values()) {
      if (name != null && !l.name.equals(name)) continue;
      if (type != null && !l.type.equals(type)) continue;
      if (master != null && !master.equals(l.master)) continue;
      if (onlyUp && !l.up) continue;
      shown.add(l);
    }
    printLinks(ns, shown, o, false);
    return 0;
  }

  private String flags(Ns ns, Link l) {
    List<String> f = new ArrayList<>();
    boolean oper = ns.operUp(l, s);
    if (l.up && !oper && !l.type.equals("loopback") && !l.type.equals("dummy")) f.add("NO-CARRIER");
    f.add(l.type.equals("loopback") ? "LOOPBACK" : "BROADCAST");
    if (!l.type.equals("loopback")) f.add("MULTICAST");
    if (l.up) f.add("UP");
    if (l.up && oper) f.add("LOWER_UP");
    return String.join(",", f);
  }

  private String displayName(Link l) {
    if (l.type.equals("veth") && l.peer != null) return l.name + "@" + (s.namespaces.get(l.peerNs) == null || !l.peerNs.equals(findNs(l)) ? "if" + peerIndex(l) : l.peer);
    if (l.parent != null) return l.name + "@" + l.parent;
    return l.name;
  }

  private String findNs(Link l) {
    for (Ns n : s.namespaces.values()) if (n.links.get(l.name) == l) return n.name;
    return "";
  }

  private int peerIndex(Link l) {
    Link p = s.link(l.peerNs, l.peer);
    return p == null ? 0 : p.index;
  }

  private void printLinks(Ns ns, List<Link> links, Call o, boolean withAddrs) {
    if (o.json) {
      out.append(links.stream().map(l -> linkJson(ns, l, withAddrs)).collect(Collectors.joining(",", "[", "]"))).append('\n');
      return;
    }
    for (Link l : links) {
      String state = ns.operState(l, s);
      if (o.brief) {
        if (withAddrs) {
          out.append(String.format("%-16s %-14s %s%n", displayName(l), state, String.join(" ", l.addresses) + (l.addresses.isEmpty() ? "" : " ")));
        } else {
          out.append(String.format("%-16s %-14s %s <%s> %n", displayName(l), state, l.mac, flags(ns, l)));
        }
        continue;
      }
      out.append(l.index).append(": ").append(displayName(l)).append(": <").append(flags(ns, l)).append("> mtu ").append(l.mtu)
          .append(" qdisc ").append(l.up ? "noqueue" : "noop");
      if (l.master != null) out.append(" master ").append(l.master);
      out.append(" state ").append(state);
      if (!withAddrs) out.append(" mode DEFAULT");
      out.append(" group default qlen 1000\n");
      out.append("    link/").append(l.type.equals("loopback") ? "loopback" : "ether").append(' ').append(l.mac)
          .append(" brd ").append(l.type.equals("loopback") ? "00:00:00:00:00:00" : "ff:ff:ff:ff:ff:ff").append('\n');
      if (withAddrs) {
        for (String a : l.addresses) {
          boolean v6 = a.contains(":");
          out.append("    ").append(v6 ? "inet6 " : "inet ").append(a).append(" scope global ").append(v6 ? "" : l.name).append('\n');
          out.append("       valid_lft forever preferred_lft forever\n");
        }
      }
    }
  }

  private String linkJson(Ns ns, Link l, boolean withAddrs) {
    StringBuilder j = new StringBuilder("{");
    j.append("\"ifindex\":").append(l.index).append(",\"ifname\":").append(q(l.name));
    if (l.peer != null) j.append(",\"link\":").append(q(l.peer));
    if (l.parent != null) j.append(",\"link\":").append(q(l.parent));
    j.append(",\"flags\":[").append(List.of(flags(ns, l).split(",")).stream().map(FakeHostArgs::q).collect(Collectors.joining(","))).append(']');
    j.append(",\"mtu\":").append(l.mtu);
    if (l.master != null) j.append(",\"master\":").append(q(l.master));
    j.append(",\"operstate\":").append(q(ns.operState(l, s)));
    j.append(",\"link_type\":").append(q(l.type.equals("loopback") ? "loopback" : "ether"));
    j.append(",\"address\":").append(q(l.mac));
    if (c.details) j.append(FakeHostLinkKinds.linkinfoJson(l));
    if (withAddrs) {
      j.append(",\"addr_info\":[");
      j.append(l.addresses.stream().map(a -> {
        String[] p = a.split("/");
        return "{\"family\":" + q(a.contains(":") ? "inet6" : "inet") + ",\"local\":" + q(p[0]) + ",\"prefixlen\":" + p[1] + "}";
      }).collect(Collectors.joining(",")));
      j.append(']');
    }
    return j.append('}').toString();
  }

}
