package io.kvmsdk.testkit;

import io.kvmsdk.testkit.FakeHostState.Cidr;
import io.kvmsdk.testkit.FakeHostState.Link;
import io.kvmsdk.testkit.FakeHostState.Ns;
import io.kvmsdk.testkit.FakeHostState.Route;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Interprets one argv of {@code ip}, {@code bridge} or {@code sysctl} against a {@link FakeHostState},
 * with the exit codes and stderr texts of iproute2 6.1 / procps-ng measured on a real kernel.
 */
final class FakeHostInterpreter {
  /** A command's outcome; {@code commit} says whether its changes stay (always on success, sometimes on failure). */
  record Outcome(int exitCode, String stdout, String stderr, boolean commit) {}

  /** Thrown to end a command with an exit code and stderr. */
  static final class Fail extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int code;
    final String stderr;
    /** True when the command changed part of the state before it failed (the change stays). */
    final boolean partial;

    Fail(int code, String stderr) { this(code, stderr, false); }

    Fail(int code, String stderr, boolean partial) {
      super(stderr, null, false, false);
      this.code = code;
      this.stderr = stderr;
      this.partial = partial;
    }
  }

  private static final Pattern IFNAME = Pattern.compile("[^/\\s:]{1,15}");
  private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}");

  private final FakeHostState s;
  private final StringBuilder out = new StringBuilder();
  private final StringBuilder err = new StringBuilder();
  /** Set by commands that keep what they did even when they fail (sysctl with several keys). */
  private boolean partial;

  FakeHostInterpreter(FakeHostState state) { this.s = state; }

  /** Runs {@code argv} (program first, sudo already stripped) in namespace {@code ns}. */
  Outcome run(List<String> argv, String ns) {
    try {
      int rc = dispatch(argv, ns);
      return new Outcome(rc, out.toString(), err.toString(), rc == 0 || partial);
    } catch (Fail f) {
      String e = err + f.stderr + (f.stderr.isEmpty() || f.stderr.endsWith("\n") ? "" : "\n");
      return new Outcome(f.code, out.toString(), e, f.partial);
    }
  }

  private int dispatch(List<String> argv, String ns) {
    String prog = argv.get(0);
    String base = prog.substring(prog.lastIndexOf('/') + 1);
    List<String> args = argv.subList(1, argv.size());
    switch (base) {
      case "ip": return ip(args, ns);
      case "bridge": return bridge(args, ns);
      case "sysctl": return sysctl(args, ns);
      case "true": return 0;
      case "false": return 1;
      case "test": case "[": return test(args, ns);
      case "cat": return cat(args, ns);
      case "grep": return grep(args, ns, null);
      case "sh": return sh(args, ns);
      default: throw new Fail(127, prog + ": command not found");
    }
  }

  // ------------------------------------------------------------------ ip

  private static final class Opts {
    String ns;
    boolean json;
    boolean brief;
  }

  private int ip(List<String> a, String ns) {
    Opts o = new Opts();
    o.ns = ns;
    int i = 0;
    while (i < a.size() && a.get(i).startsWith("-")) {
      String opt = a.get(i).replaceFirst("^--", "-");
      switch (opt) {
        case "-n": case "-netns":
          if (i + 1 >= a.size()) throw new Fail(255, "Option \"-n\" requires an argument");
          o.ns = a.get(++i);
          if (!s.namespaces.containsKey(o.ns)) throw new Fail(255, "Cannot open network namespace \"" + o.ns + "\": No such file or directory");
          break;
        case "-j": case "-json": o.json = true; break;
        case "-br": case "-brief": o.brief = true; break;
        case "-d": case "-details": case "-s": case "-stats": case "-p": case "-pretty": case "-o": case "-oneline":
        case "-4": case "-c": case "-color": break;
        default: throw new Fail(255, "Option \"" + a.get(i) + "\" is unknown, try \"ip -help\".");
      }
      i++;
    }
    if (i >= a.size()) throw new Fail(255, "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }");
    String obj = a.get(i);
    List<String> rest = a.subList(i + 1, a.size());
    if ("address".startsWith(obj)) return addr(rest, o);
    if ("route".startsWith(obj)) return route(rest, o);
    if ("link".startsWith(obj)) return link(rest, o);
    if (obj.startsWith("netn") && "netns".startsWith(obj)) return netns(rest, o);
    throw new Fail(1, "Object \"" + obj + "\" is unknown, try \"ip help\".");
  }

  private Ns ns(Opts o) { return s.namespaces.get(o.ns); }

  private static boolean is(String word, String... names) {
    for (String n : names) if (n.equals(word)) return true;
    return false;
  }

  private static String need(List<String> a, int i, String what) {
    if (i >= a.size()) throw new Fail(255, "Command line is not complete. Try option \"help\"");
    return a.get(i);
  }

  private Link device(Ns ns, String name) {
    Link l = ns.links.get(name);
    if (l == null) throw new Fail(1, "Cannot find device \"" + name + "\"");
    return l;
  }

  private static int intArg(String v, String what) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new Fail(255, "Error: argument \"" + v + "\" is wrong: Invalid \"" + what + "\" value");
    }
  }

  // ip link ------------------------------------------------------------

  private int link(List<String> a, Opts o) {
    if (a.isEmpty()) return linkShow(List.of(), o);
    String cmd = a.get(0);
    List<String> r = a.subList(1, a.size());
    if (is(cmd, "add")) return linkAdd(r, o);
    if (is(cmd, "del", "delete")) return linkDel(r, o);
    if (is(cmd, "set", "change")) return linkSet(r, o);
    if (is(cmd, "show", "list", "lst", "ls")) return linkShow(r, o);
    throw new Fail(255, "Command \"" + cmd + "\" is unknown, try \"ip link help\".");
  }

  private void checkName(String name) {
    if (!IFNAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new Fail(255, "Error: argument \"" + name + "\" is wrong: \"name\" not a valid ifname");
    }
  }

  private int linkAdd(List<String> a, Opts o) {
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
      if (is(w, "type")) { type = need(a, ++i, "type"); i++; break; }
      if (is(w, "name", "dev")) { name = need(a, ++i, w); keyword = true; }
      else if (is(w, "link")) parent = need(a, ++i, w);
      else if (is(w, "mtu")) mtu = intArg(need(a, ++i, w), "mtu");
      else if (is(w, "address")) mac = need(a, ++i, w);
      else if (name == null) name = w;
      else throw new Fail(255, "Error: either \"dev\" is duplicate, or \"" + w + "\" is a garbage.");
    }
    if (type == null) throw new Fail(255, "Not enough information: \"type\" argument is required");
    List<String> targs = a.subList(Math.min(i, a.size()), a.size());
    switch (type) {
      case "bridge":
        for (int k = 0; k < targs.size(); k += 2) {
          if (!is(targs.get(k), "vlan_filtering", "stp_state", "forward_delay", "mcast_snooping", "vlan_default_pvid")) {
            throw new Fail(255, "bridge: unknown command \"" + targs.get(k) + "\"?");
          }
        }
        break;
      case "veth":
        for (int k = 0; k < targs.size(); k++) {
          if (is(targs.get(k), "peer")) continue;
          if (is(targs.get(k), "name")) peer = need(targs, ++k, "name");
          else throw new Fail(255, "Error: either \"dev\" is duplicate, or \"" + targs.get(k) + "\" is a garbage.");
        }
        break;
      case "dummy":
        if (!targs.isEmpty()) throw new Fail(255, "Garbage instead of arguments \"" + targs.get(0) + " ...\". Try \"ip link help\".");
        break;
      case "vlan":
        for (int k = 0; k < targs.size(); k++) {
          if (is(targs.get(k), "id")) vid = intArg(need(targs, ++k, "id"), "id");
          else if (is(targs.get(k), "protocol")) k++;
          else throw new Fail(255, "vlan: unknown command \"" + targs.get(k) + "\"?");
        }
        if (vid == null) throw new Fail(2, "Error: 8021q: VLAN id not specified");
        if (vid < 0 || vid > 4095) throw new Fail(255, "Error: argument \"" + vid + "\" is wrong: id is invalid");
        break;
      default:
        throw new Fail(2, "Error: Unknown device type.");
    }
    if (name == null) throw new Fail(255, "Not enough information: \"dev\" argument is required.");
    if (keyword) checkName(name);
    if (peer != null) checkName(peer);
    // a bare name is not checked by ip; the kernel's netlink policy refuses it
    if (!keyword && !IFNAME.matcher(name).matches()) throw new Fail(2, "Error: Attribute failed policy validation.");
    if (mac != null && !MAC.matcher(mac).matches()) throw new Fail(1, "\"" + mac + "\" is invalid lladdr.");
    Link par = null;
    if (parent != null) par = device(ns, parent);
    if (type.equals("vlan") && par == null) throw new Fail(2, "Error: 8021q: VLAN device requires a lower device");
    if (ns.links.containsKey(name) || (peer != null && ns.links.containsKey(peer))) throw new Fail(2, "RTNETLINK answers: File exists");
    if (mtu != null) checkMtu(mtu);
    Link l = ns.add(name, type);
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
    if (mtu < FakeHostState.MIN_MTU) throw new Fail(2, "Error: mtu less than device minimum.");
    if (mtu > FakeHostState.MAX_MTU) throw new Fail(2, "Error: mtu greater than device maximum.");
  }

  private int linkDel(List<String> a, Opts o) {
    Ns ns = ns(o);
    String name = null;
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i);
      if (is(w, "dev", "name")) name = need(a, ++i, w);
      else if (is(w, "type")) i++;
      else if (name == null) name = w;
      else throw new Fail(255, "Error: either \"dev\" is duplicate, or \"" + w + "\" is a garbage.");
    }
    if (name == null) throw new Fail(255, "Not enough information: \"dev\" argument is required.");
    Link l = device(ns, name);
    if (l.type.equals("loopback") || l.type.equals("device")) throw new Fail(2, "RTNETLINK answers: Operation not supported");
    delete(ns, l);
    return 0;
  }

  private void delete(Ns ns, Link l) {
    String master = l.master;
    ns.removeOnly(l.name);
    if (master != null) ns.adjustBridgeMtu(master);
    if (l.type.equals("veth") && l.peerNs != null) {
      Ns pns = s.namespaces.get(l.peerNs);
      if (pns != null && pns.links.containsKey(l.peer)) {
        Link p = pns.links.get(l.peer);
        pns.removeOnly(p.name);
        if (p.master != null) pns.adjustBridgeMtu(p.master);
      }
    }
    for (Link v : new ArrayList<>(ns.links.values())) if (l.name.equals(v.parent)) delete(ns, v);
  }

  private int linkSet(List<String> a, Opts o) {
    Ns ns = ns(o);
    String name = null;
    Boolean up = null;
    String master = null;
    boolean nomaster = false;
    Integer mtu = null;
    String mac = null;
    String newName = null;
    String toNs = null;
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i);
      if (is(w, "dev")) name = need(a, ++i, w);
      else if (is(w, "up")) up = true;
      else if (is(w, "down")) up = false;
      else if (is(w, "master")) {
        master = need(a, ++i, w);
        if (!ns.links.containsKey(master)) throw new Fail(255, "Error: argument \"" + master + "\" is wrong: Device does not exist\n");
      } else if (is(w, "nomaster")) nomaster = true;
      else if (is(w, "mtu")) mtu = intArg(need(a, ++i, w), "mtu");
      else if (is(w, "address")) {
        mac = need(a, ++i, w);
        if (!MAC.matcher(mac).matches()) throw new Fail(1, "\"" + mac + "\" is invalid lladdr.");
      } else if (is(w, "name")) { newName = need(a, ++i, w); checkName(newName); }
      else if (is(w, "netns")) {
        toNs = need(a, ++i, w);
        if (!s.namespaces.containsKey(toNs)) throw new Fail(255, "Error: argument \"" + toNs + "\" is wrong: Invalid \"netns\" value\n");
      } else if (is(w, "arp", "multicast", "promisc", "allmulticast", "txqueuelen", "qlen")) i++;
      else if (name == null) name = w;
      else throw new Fail(255, "Error: either \"dev\" is duplicate, or \"" + w + "\" is a garbage.");
    }
    if (name == null) throw new Fail(255, "Not enough information: \"dev\" argument is required.");
    Link l = device(ns, name);
    // the kernel (do_setlink) applies address, MTU, name, flags, then master, and stops at the first
    // error: what came before it stays applied (the command still fails)
    try {
      if (mac != null) l.mac = mac.toLowerCase();
      if (mtu != null) {
        checkMtu(mtu);
        l.mtu = mtu;
        if (l.type.equals("bridge")) l.mtuSetByUser = true;
        if (l.master != null) ns.adjustBridgeMtu(l.master);
        for (Link v : ns.links.values()) if (l.name.equals(v.parent) && v.mtu > mtu) v.mtu = mtu;
      }
      if (newName != null && !newName.equals(l.name)) {
        if (l.up) throw new Fail(2, "RTNETLINK answers: Device or resource busy");
        if (ns.links.containsKey(newName)) throw new Fail(2, "RTNETLINK answers: File exists");
        rename(ns, l, newName);
      }
      if (up != null && up && !l.up) l.routed.addAll(l.addresses);
      if (up != null && !up && l.up) l.routed.clear();
      if (up != null) l.up = up;
      if (up != null && !up) ns.staticRoutes.removeIf(r -> r.dev.equals(l.name));
      if (nomaster && l.master != null) {
        String old = l.master;
        l.master = null;
        l.vlans.clear();
        ns.adjustBridgeMtu(old);
      }
      if (master != null) {
        Link br = ns.links.get(master);
        if (l.type.equals("bridge")) throw new Fail(2, "Error: Can not enslave a bridge to a bridge.");
        if (!br.type.equals("bridge")) throw new Fail(2, "RTNETLINK answers: Operation not supported");
        if (l.type.equals("loopback")) throw new Fail(2, "Error: Can not enslave loopback device.");
        if (!master.equals(l.master)) {
          String old = l.master;
          l.master = master;
          l.vlans.clear();
          l.vlans.put(1, new LinkedHashSet<>(List.of("PVID", "untagged")));
          if (old != null) ns.adjustBridgeMtu(old);
          ns.adjustBridgeMtu(master);
        }
      }
      if (toNs != null && !toNs.equals(ns.name)) {
        Ns target = s.namespaces.get(toNs);
        if (target.links.containsKey(l.name)) throw new Fail(2, "RTNETLINK answers: File exists");
        if (l.type.equals("loopback")) throw new Fail(2, "RTNETLINK answers: Invalid argument");
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
    } catch (Fail f) {
      throw new Fail(f.code, f.stderr, true);
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

  private int linkShow(List<String> a, Opts o) {
    Ns ns = ns(o);
    String name = null;
    String type = null;
    String master = null;
    boolean onlyUp = false;
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i);
      if (is(w, "dev")) name = need(a, ++i, w);
      else if (is(w, "type")) type = need(a, ++i, w);
      else if (is(w, "master")) master = need(a, ++i, w);
      else if (is(w, "up")) onlyUp = true;
      else if (name == null) name = w;
      else throw new Fail(255, "Error: either \"dev\" is duplicate, or \"" + w + "\" is a garbage.");
    }
    if (name != null && !ns.links.containsKey(name)) throw new Fail(1, "Device \"" + name + "\" does not exist.");
    if (master != null && !ns.links.containsKey(master)) throw new Fail(1, "Device \"" + master + "\" does not exist.");
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

  private void printLinks(Ns ns, List<Link> links, Opts o, boolean withAddrs) {
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
    j.append(",\"flags\":[").append(List.of(flags(ns, l).split(",")).stream().map(FakeHostInterpreter::q).collect(Collectors.joining(","))).append(']');
    j.append(",\"mtu\":").append(l.mtu);
    if (l.master != null) j.append(",\"master\":").append(q(l.master));
    j.append(",\"operstate\":").append(q(ns.operState(l, s)));
    j.append(",\"link_type\":").append(q(l.type.equals("loopback") ? "loopback" : "ether"));
    j.append(",\"address\":").append(q(l.mac));
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

  static String q(String v) {
    return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t").replace("\n", "\\n") + "\"";
  }

  // ip addr ------------------------------------------------------------

  private int addr(List<String> a, Opts o) {
    if (a.isEmpty()) return addrShow(List.of(), o);
    String cmd = a.get(0);
    List<String> r = a.subList(1, a.size());
    if (is(cmd, "add", "replace")) return addrChange(r, o, true, cmd.equals("replace"));
    if (is(cmd, "del", "delete")) return addrChange(r, o, false, false);
    if (is(cmd, "show", "list", "lst", "ls")) return addrShow(r, o);
    if (is(cmd, "flush")) return addrFlush(r, o);
    throw new Fail(255, "Command \"" + cmd + "\" is unknown, try \"ip address help\".");
  }

  private int addrChange(List<String> a, Opts o, boolean add, boolean replace) {
    Ns ns = ns(o);
    String local = null;
    String dev = null;
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i);
      if (is(w, "dev")) dev = need(a, ++i, w);
      else if (is(w, "brd", "broadcast", "label", "scope", "valid_lft", "preferred_lft", "peer")) i++;
      else if (is(w, "local")) local = need(a, ++i, w);
      else if (is(w, "noprefixroute", "nodad", "home")) continue;
      else if (local == null) local = w;
      else throw new Fail(255, "Error: either \"local\" is duplicate, or \"" + w + "\" is a garbage.");
    }
    if (local == null) throw new Fail(1, "Not enough information: \"local\" argument is required.");
    boolean v6 = local.contains(":");
    Cidr c = v6 ? null : Cidr.tryParse(local);
    if (!v6 && c == null) throw new Fail(1, "Error: any valid prefix is expected rather than \"" + local + "\".");
    if (dev == null) throw new Fail(1, "Not enough information: \"dev\" argument is required.");
    boolean wildcard = !v6 && !local.contains("/") && !add;
    String cidr = v6 ? (local.contains("/") ? local : local + "/128") : c.cidr();
    Link l = device(ns, dev);
    String fam = v6 ? "ipv6" : "ipv4";
    if (add) {
      if (l.addresses.contains(cidr)) {
        if (replace) return 0;
        throw new Fail(2, v6 ? "RTNETLINK answers: File exists" : "Error: ipv4: Address already assigned.");
      }
      l.addresses.add(cidr);
      l.routed.add(cidr);
      return 0;
    }
    if (wildcard) {
      err.append("Warning: Executing wildcard deletion to stay compatible with old scripts.\n"
          + "         Explicitly specify the prefix length (" + local + "/32) to avoid this warning.\n"
          + "         This special behaviour is likely to disappear in further releases,\n"
          + "         fix your scripts!\n");
      String loc = local;
      String match = l.addresses.stream().filter(x -> x.startsWith(loc + "/")).findFirst().orElse(null);
      if (match == null) throw new Fail(2, "Error: " + fam + ": Address not found.");
      l.addresses.remove(match);
      l.routed.remove(match);
    } else if (l.addresses.remove(cidr)) {
      l.routed.remove(cidr);
    } else {
      throw new Fail(2, v6 ? "RTNETLINK answers: Cannot assign requested address" : "Error: ipv4: Address not found.");
    }
    dropUnreachableRoutes(ns);
    return 0;
  }

  /** IPv4 drops routes whose gateway is no longer on a connected subnet. */
  private void dropUnreachableRoutes(Ns ns) {
    ns.staticRoutes.removeIf(r -> r.via != null && !reachable(ns, Cidr.parse(r.via).addr, r.dev));
  }

  private boolean reachable(Ns ns, long gw, String dev) {
    for (Link l : ns.links.values()) {
      if (!l.up || (dev != null && !l.name.equals(dev))) continue;
      for (String a : l.addresses) {
        if (a.contains(":")) continue;
        if (Cidr.parse(a).contains(gw)) return true;
      }
    }
    return false;
  }

  private int addrShow(List<String> a, Opts o) {
    Ns ns = ns(o);
    String name = null;
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i);
      if (is(w, "dev")) name = need(a, ++i, w);
      else if (is(w, "up", "scope", "label", "to")) { if (!w.equals("up")) i++; }
      else if (name == null) name = w;
    }
    if (name != null && !ns.links.containsKey(name)) throw new Fail(1, "Device \"" + name + "\" does not exist.");
    List<Link> shown = new ArrayList<>();
    for (Link l : ns.links.values()) if (name == null || l.name.equals(name)) shown.add(l);
    printLinks(ns, shown, o, true);
    return 0;
  }

  private int addrFlush(List<String> a, Opts o) {
    Ns ns = ns(o);
    String name = null;
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i);
      if (is(w, "dev")) name = need(a, ++i, w);
      else if (name == null) name = w;
    }
    if (name == null) throw new Fail(1, "Flush requires arguments.");
    if (!ns.links.containsKey(name)) throw new Fail(1, "Device \"" + name + "\" does not exist.");
    ns.links.get(name).addresses.clear();
    ns.links.get(name).routed.clear();
    dropUnreachableRoutes(ns);
    return 0;
  }

  // ip route -----------------------------------------------------------

  private int route(List<String> a, Opts o) {
    if (a.isEmpty()) return routeShow(o);
    String cmd = a.get(0);
    List<String> r = a.subList(1, a.size());
    if (is(cmd, "add", "append")) return routeChange(r, o, 1);
    if (is(cmd, "replace")) return routeChange(r, o, 2);
    if (is(cmd, "del", "delete")) return routeChange(r, o, 0);
    if (is(cmd, "show", "list", "lst", "ls")) return routeShow(o);
    throw new Fail(255, "Command \"" + cmd + "\" is unknown, try \"ip route help\".");
  }

  private int routeChange(List<String> a, Opts o, int mode) {
    Ns ns = ns(o);
    String prefix = null;
    String via = null;
    String dev = null;
    Integer metric = null;
    String proto = "boot";
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i);
      if (is(w, "via")) via = need(a, ++i, w);
      else if (is(w, "dev", "oif")) dev = need(a, ++i, w);
      else if (is(w, "metric", "preference", "priority")) metric = intArg(need(a, ++i, w), "metric");
      else if (is(w, "proto", "protocol")) proto = need(a, ++i, w);
      else if (is(w, "table")) {
        String t = need(a, ++i, w);
        if (!is(t, "main", "254")) throw new Fail(255, "Error: the fake host models only the main routing table, got \"" + t + "\".");
      } else if (is(w, "scope", "src", "mtu")) i++;
      else if (is(w, "onlink")) continue;
      else if (is(w, "to")) prefix = need(a, ++i, w);
      else if (prefix == null) prefix = w;
      else throw new Fail(255, "Error: either \"to\" is duplicate, or \"" + w + "\" is a garbage.");
    }
    if (prefix == null) throw new Fail(mode == 0 ? 2 : 2, "RTNETLINK answers: No such device");
    Cidr p = Cidr.tryParse(prefix);
    if (p == null) throw new Fail(1, "Error: any valid prefix is expected rather than \"" + prefix + "\".");
    if (p.hostBitsSet()) throw new Fail(2, "Error: Invalid prefix for given prefix length.");
    String net = p.network();
    Link d = dev == null ? null : device(ns, dev);
    Cidr gw = null;
    if (via != null) {
      gw = Cidr.tryParse(via);
      if (gw == null || gw.len != 32) throw new Fail(1, "Error: inet address is expected rather than \"" + via + "\".");
    }
    if (mode == 0) {
      Integer m = metric;
      String v = via;
      String dv = dev;
      Route hit = ns.staticRoutes.stream().filter(r -> r.prefix.equals(net) && (m == null || r.metric == m)
          && (v == null || v.equals(r.via)) && (dv == null || dv.equals(r.dev))).findFirst().orElse(null);
      if (hit == null) throw new Fail(2, "RTNETLINK answers: No such process");
      ns.staticRoutes.remove(hit);
      return 0;
    }
    if (via == null && d == null) throw new Fail(2, "RTNETLINK answers: No such device");
    if (d != null && !d.up) throw new Fail(2, "Error: Nexthop device is not up.");
    if (gw != null) {
      if (!reachable(ns, gw.addr, dev)) throw new Fail(2, "Error: Nexthop has invalid gateway.");
      if (dev == null) {
        long g = gw.addr;
        for (Link l : ns.links.values()) {
          if (l.up && l.addresses.stream().anyMatch(x -> !x.contains(":") && Cidr.parse(x).contains(g))) { dev = l.name; break; }
        }
      }
    }
    int met = metric == null ? 0 : metric;
    String devName = dev;
    boolean exists = ns.staticRoutes.stream().anyMatch(r -> r.prefix.equals(net) && r.metric == met)
        || ns.routes().stream().anyMatch(r -> r.proto().equals("kernel") && r.prefix().equals(net) && r.metric() == met);
    if (exists && mode == 1) throw new Fail(2, "RTNETLINK answers: File exists");
    if (mode == 2) ns.staticRoutes.removeIf(r -> r.prefix.equals(net) && r.metric == met);
    ns.staticRoutes.add(new Route(net, via, devName, met, proto));
    return 0;
  }

  private int routeShow(Opts o) {
    Ns ns = ns(o);
    List<FakeHostRoute> routes = ns.routes();
    if (o.json) {
      out.append(routes.stream().map(r -> "{\"dst\":" + q(r.prefix()) + r.via().map(v -> ",\"gateway\":" + q(v)).orElse("")
          + ",\"dev\":" + q(r.dev()) + (r.proto().equals("boot") ? "" : ",\"protocol\":" + q(r.proto()))
          + (r.metric() == 0 ? "" : ",\"metric\":" + r.metric()) + ",\"flags\":[" + (linkDown(ns, r) ? "\"linkdown\"" : "") + "]}")
          .collect(Collectors.joining(",", "[", "]"))).append('\n');
      return 0;
    }
    for (FakeHostRoute r : routes) out.append(r).append(linkDown(ns, r) ? " linkdown " : " ").append('\n');
    return 0;
  }

  private boolean linkDown(Ns ns, FakeHostRoute r) {
    Link l = ns.links.get(r.dev());
    return l != null && !ns.operUp(l, s);
  }

  // ip netns -----------------------------------------------------------

  private int netns(List<String> a, Opts o) {
    if (a.isEmpty() || is(a.get(0), "list", "show", "ls")) {
      List<String> names = new ArrayList<>(s.namespaces.keySet());
      names.remove(FakeHostState.HOST_NS);
      for (String n : names) out.append(n).append('\n');
      return 0;
    }
    String cmd = a.get(0);
    if (is(cmd, "add")) {
      String name = need(a, 1, "name");
      if (s.namespaces.containsKey(name)) throw new Fail(1, "Cannot create namespace file \"/run/netns/" + name + "\": File exists");
      s.addNamespace(name);
      return 0;
    }
    if (is(cmd, "del", "delete")) {
      String name = need(a, 1, "name");
      if (!s.namespaces.containsKey(name) || name.isEmpty()) {
        throw new Fail(1, "Cannot remove namespace file \"/run/netns/" + name + "\": No such file or directory");
      }
      Ns gone = s.namespaces.remove(name);
      for (Link l : gone.links.values()) {
        if (l.type.equals("veth") && l.peerNs != null && !l.peerNs.equals(name)) {
          Ns pns = s.namespaces.get(l.peerNs);
          if (pns != null && pns.links.containsKey(l.peer)) delete(pns, pns.links.get(l.peer));
        }
      }
      return 0;
    }
    if (is(cmd, "exec")) {
      String name = need(a, 1, "name");
      if (!s.namespaces.containsKey(name)) throw new Fail(255, "Cannot open network namespace \"" + name + "\": No such file or directory");
      if (a.size() < 3) throw new Fail(255, "No command specified");
      return dispatch(a.subList(2, a.size()), name);
    }
    throw new Fail(255, "Command \"" + cmd + "\" is unknown, try \"ip netns help\".");
  }

  // ------------------------------------------------------------------ bridge

  private int bridge(List<String> a, String ns) {
    Opts o = new Opts();
    o.ns = ns;
    int i = 0;
    while (i < a.size() && a.get(i).startsWith("-")) {
      String opt = a.get(i);
      if (is(opt, "-n", "-netns")) {
        o.ns = need(a, ++i, opt);
        if (!s.namespaces.containsKey(o.ns)) throw new Fail(255, "Cannot open network namespace \"" + o.ns + "\": No such file or directory");
      } else if (is(opt, "-j", "-json")) o.json = true;
      else if (!is(opt, "-d", "-details", "-s", "-p", "-pretty", "-c", "-compressvlans")) {
        throw new Fail(255, "Option \"" + opt + "\" is unknown, try \"bridge help\".");
      }
      i++;
    }
    if (i >= a.size() || !"vlan".startsWith(a.get(i)) || a.get(i).isEmpty()) {
      throw new Fail(255, i >= a.size() ? "Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }"
          : "Object \"" + a.get(i) + "\" is unknown, try \"bridge help\".");
    }
    List<String> r = a.subList(i + 1, a.size());
    String cmd = r.isEmpty() ? "show" : r.get(0);
    if (is(cmd, "add", "del", "delete")) return vlanChange(r.subList(1, r.size()), o, cmd.equals("add"));
    if (is(cmd, "show", "list", "ls")) return vlanShow(r.isEmpty() ? r : r.subList(1, r.size()), o);
    throw new Fail(255, "Command \"" + cmd + "\" is unknown, try \"bridge vlan help\".");
  }

  private int vlanChange(List<String> a, Opts o, boolean add) {
    Ns ns = ns(o);
    String dev = null;
    String vid = null;
    boolean pvid = false;
    boolean untagged = false;
    boolean self = false;
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i);
      if (is(w, "dev")) dev = need(a, ++i, w);
      else if (is(w, "vid")) vid = need(a, ++i, w);
      else if (is(w, "pvid")) pvid = true;
      else if (is(w, "untagged")) untagged = true;
      else if (is(w, "self")) self = true;
      else if (is(w, "master")) continue;
      else throw new Fail(255, "Unknown argument \"" + w + "\"");
    }
    if (dev == null) throw new Fail(255, "Device is a required argument.");
    if (vid == null) throw new Fail(255, "VLAN ID is a required argument.");
    Link l = ns.links.get(dev);
    if (l == null) throw new Fail(255, "Cannot find bridge device \"" + dev + "\"");
    int from;
    int to;
    try {
      String[] p = vid.split("-", 2);
      from = Integer.parseInt(p[0]);
      to = p.length == 2 ? Integer.parseInt(p[1]) : from;
    } catch (NumberFormatException e) {
      throw new Fail(255, "Invalid VLAN ID \"" + vid + "\"");
    }
    if (from < 1 || to > 4094 || to < from) throw new Fail(255, "Invalid VLAN ID \"" + vid + "\"");
    boolean isBridgeSelf = l.type.equals("bridge") && self;
    if (l.master == null && !isBridgeSelf) throw new Fail(255, "RTNETLINK answers: Operation not supported");
    for (int v = from; v <= to; v++) {
      if (add) {
        if (pvid) for (Set<String> f : l.vlans.values()) f.remove("PVID");
        Set<String> f = new LinkedHashSet<>();
        if (pvid) f.add("PVID");
        if (untagged) f.add("untagged");
        l.vlans.put(v, f);
      } else if (l.vlans.remove(v) == null) {
        throw new Fail(255, "RTNETLINK answers: No such file or directory");
      }
    }
    return 0;
  }

  private int vlanShow(List<String> a, Opts o) {
    Ns ns = ns(o);
    String dev = null;
    for (int i = 0; i < a.size(); i++) if (is(a.get(i), "dev")) dev = need(a, ++i, "dev");
    if (dev != null && !ns.links.containsKey(dev)) throw new Fail(255, "Cannot find bridge device \"" + dev + "\"");
    List<Link> ls = new ArrayList<>();
    for (Link l : ns.links.values()) if (!l.vlans.isEmpty() && (dev == null || l.name.equals(dev))) ls.add(l);
    if (o.json) {
      out.append(ls.stream().map(l -> "{\"ifname\":" + q(l.name) + ",\"vlans\":[" + l.vlans.entrySet().stream().map(e -> "{\"vlan\":" + e.getKey()
          + (e.getValue().isEmpty() ? "" : ",\"flags\":[" + e.getValue().stream().map(f -> q(f.equals("untagged") ? "Egress Untagged" : f))
              .collect(Collectors.joining(",")) + "]") + "}").collect(Collectors.joining(",")) + "]}")
          .collect(Collectors.joining(",", "[", "]"))).append('\n');
      return 0;
    }
    out.append("port              vlan-id  \n");
    for (Link l : ls) {
      boolean first = true;
      for (Map.Entry<Integer, Set<String>> e : l.vlans.entrySet()) {
        String flags = (e.getValue().contains("PVID") ? " PVID" : "") + (e.getValue().contains("untagged") ? " Egress Untagged" : "");
        out.append(String.format("%-17s %s%s%n", first ? l.name : "", e.getKey(), flags));
        first = false;
      }
    }
    return 0;
  }

  // ------------------------------------------------------------------ sysctl

  private int sysctl(List<String> a, String nsName) {
    boolean write = false;
    boolean valuesOnly = false;
    boolean quiet = false;
    boolean ignoreUnknown = false;
    List<String> items = new ArrayList<>();
    for (String w : a) {
      if (w.startsWith("-") && w.length() > 1 && !w.startsWith("--")) {
        for (char c : w.substring(1).toCharArray()) {
          switch (c) {
            case 'w': write = true; break;
            case 'n': valuesOnly = true; break;
            case 'q': quiet = true; break;
            case 'e': ignoreUnknown = true; break;
            case 'N': break;
            default: throw new Fail(255, "sysctl: invalid option -- '" + c + "'");
          }
        }
      } else if (w.equals("--write")) write = true;
      else if (w.equals("--values")) valuesOnly = true;
      else if (w.equals("--quiet")) quiet = true;
      else items.add(w);
    }
    if (items.isEmpty()) throw new Fail(255, "sysctl: no variables specified\nTry `sysctl --help' for more information.");
    Ns ns = s.namespaces.get(nsName);
    partial = true;
    int rc = 0;
    for (String item : items) {
      int eq = item.indexOf('=');
      String key = (eq < 0 ? item : item.substring(0, eq)).replace('/', '.');
      boolean net = key.startsWith("net.");
      Map<String, String> table = net ? ns.sysctls : s.hostSysctls;
      if (!table.containsKey(key)) {
        if (!ignoreUnknown) err.append("sysctl: cannot stat /proc/sys/").append(key.replace('.', '/')).append(": No such file or directory\n");
        rc = 1;
        continue;
      }
      if (eq >= 0) {
        String value = item.substring(eq + 1);
        String old = table.get(key);
        if (old.matches("-?\\d+") && !value.strip().matches("-?\\d+")) {
          err.append("sysctl: setting key \"").append(key).append("\": Invalid argument\n");
          rc = 1;
          continue;
        }
        table.put(key, value.strip());
        if (key.equals("net.ipv4.ip_forward")) {
          for (String k : new ArrayList<>(ns.sysctls.keySet())) if (k.matches("net\\.ipv4\\.conf\\.[^.]+\\.forwarding")) ns.sysctls.put(k, value.strip());
        }
        if (!quiet) out.append(valuesOnly ? value.strip() : key + " = " + value.strip()).append('\n');
      } else if (!write) {
        String v = table.get(key);
        out.append(valuesOnly ? v : key + " = " + v).append('\n');
      }
    }
    return rc;
  }

  // ------------------------------------------------------------------ files, test, cat, grep, sh -c

  /** The content of a virtual /proc/sys or /sys/class/net file, "" for a directory, or null when absent. */
  private String file(String path, String nsName) {
    Ns ns = s.namespaces.get(nsName);
    if (path.startsWith("/proc/sys/")) {
      String key = path.substring("/proc/sys/".length()).replace('/', '.');
      String v = key.startsWith("net.") ? ns.sysctls.get(key) : s.hostSysctls.get(key);
      if (v != null) return v + "\n";
      String pre = key + ".";
      boolean dir = ns.sysctls.keySet().stream().anyMatch(k -> k.startsWith(pre)) || s.hostSysctls.keySet().stream().anyMatch(k -> k.startsWith(pre));
      return dir || key.isEmpty() ? "" : null;
    }
    if (path.equals("/sys/class/net") || path.equals("/sys/class/net/")) return "";
    if (!path.startsWith("/sys/class/net/")) return null;
    String[] p = path.substring("/sys/class/net/".length()).split("/");
    Link l = ns.links.get(p[0]);
    if (l == null) return null;
    if (p.length == 1) return "";
    String attr = p[1];
    switch (attr) {
      case "mtu": return p.length == 2 ? l.mtu + "\n" : null;
      case "address": return p.length == 2 ? l.mac + "\n" : null;
      case "operstate": return p.length == 2 ? ns.operState(l, s).toLowerCase() + "\n" : null;
      case "ifindex": return p.length == 2 ? l.index + "\n" : null;
      case "flags": {
        int f = (l.up ? 0x1 : 0) | (l.type.equals("loopback") ? 0x8 : 0x1002);
        return p.length == 2 ? String.format("0x%x%n", f) : null;
      }
      case "master": return l.master == null || p.length > 2 ? null : "";
      case "bridge": return l.type.equals("bridge") && p.length == 2 ? "" : null;
      case "brif":
        if (!l.type.equals("bridge")) return null;
        if (p.length == 2) return "";
        Link port = ns.links.get(p[2]);
        return p.length == 3 && port != null && l.name.equals(port.master) ? "" : null;
      default: return null;
    }
  }

  private int test(List<String> a, String ns) {
    List<String> x = a.isEmpty() || !a.get(a.size() - 1).equals("]") ? a : a.subList(0, a.size() - 1);
    if (x.size() == 2 && is(x.get(0), "-e", "-d", "-f", "-r", "-s")) {
      String c = file(x.get(1), ns);
      if (c == null) return 1;
      boolean dir = c.isEmpty();
      switch (x.get(0)) {
        case "-d": return dir ? 0 : 1;
        case "-f": case "-s": return dir ? 1 : 0;
        default: return 0;
      }
    }
    if (x.size() == 3 && is(x.get(1), "=", "!=")) return (x.get(0).equals(x.get(2))) == x.get(1).equals("=") ? 0 : 1;
    if (x.size() == 1) return x.get(0).isEmpty() ? 1 : 0;
    throw new Fail(2, "test: the fake host understands only test -e|-d|-f PATH and test A = B");
  }

  private int cat(List<String> a, String ns) {
    int rc = 0;
    for (String f : a) {
      String c = file(f, ns);
      if (c == null) { err.append("cat: ").append(f).append(": No such file or directory\n"); rc = 1; }
      else if (c.isEmpty()) { err.append("cat: ").append(f).append(": Is a directory\n"); rc = 1; }
      else out.append(c);
    }
    return rc;
  }

  /** grep [-q] [-x] [-F] [-w] [-E] [-i] PATTERN [FILE]; input is {@code stdin} when no file. */
  private int grep(List<String> a, String ns, String stdin) {
    boolean quiet = false;
    boolean line = false;
    boolean fixed = false;
    boolean word = false;
    boolean icase = false;
    String pattern = null;
    String fileName = null;
    for (String w : a) {
      if (pattern == null && w.startsWith("-") && w.length() > 1) {
        for (char c : w.substring(1).toCharArray()) {
          switch (c) {
            case 'q': quiet = true; break;
            case 'x': line = true; break;
            case 'F': fixed = true; break;
            case 'w': word = true; break;
            case 'E': break;
            case 'i': icase = true; break;
            default: throw new Fail(2, "grep: the fake host does not understand -" + c);
          }
        }
      } else if (pattern == null) pattern = w;
      else fileName = w;
    }
    if (pattern == null) throw new Fail(2, "Usage: grep [OPTION]... PATTERNS [FILE]...");
    String text = stdin;
    if (fileName != null) {
      text = file(fileName, ns);
      if (text == null) throw new Fail(2, "grep: " + fileName + ": No such file or directory");
    }
    if (text == null) text = "";
    String re = fixed ? Pattern.quote(pattern) : pattern;
    if (word) re = "\\b" + re + "\\b";
    Pattern pat = Pattern.compile(re, icase ? Pattern.CASE_INSENSITIVE : 0);
    boolean any = false;
    for (String l : text.split("\n", -1)) {
      if (l.isEmpty() && !line) continue;
      boolean m = line ? pat.matcher(l).matches() : pat.matcher(l).find();
      if (m && !(l.isEmpty() && text.endsWith("\n"))) {
        any = true;
        if (!quiet) out.append(l).append('\n');
      }
    }
    return any ? 0 : 1;
  }

  /** {@code sh -c 'A [| B]'}: one simple command, or a pipeline of two whose second is grep. */
  private int sh(List<String> a, String ns) {
    if (a.size() != 2 || !a.get(0).equals("-c")) throw new Fail(2, "sh: the fake host understands only sh -c 'COMMAND [| grep ...]'");
    String script = a.get(1);
    List<List<String>> stages = new ArrayList<>();
    List<String> cur = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i <= script.length(); i++) {
      char c = i == script.length() ? ' ' : script.charAt(i);
      if (quote != 0) {
        if (c == quote) quote = 0; else word.append(c);
        continue;
      }
      if (c == '\'' || c == '"') { quote = c; if (word == null) word = new StringBuilder(); continue; }
      if (c == '|' || Character.isWhitespace(c)) {
        if (word != null) { cur.add(word.toString()); word = null; }
        if (c == '|') { stages.add(cur); cur = new ArrayList<>(); }
        continue;
      }
      if ("&;<>$`()".indexOf(c) >= 0) throw new Fail(2, "sh: the fake host understands no '" + c + "' in sh -c scripts: " + script);
      if (word == null) word = new StringBuilder();
      word.append(c);
    }
    stages.add(cur);
    if (stages.size() > 2 || stages.stream().anyMatch(List::isEmpty)) throw new Fail(2, "sh: the fake host understands only 'A' or 'A | grep ...': " + script);
    if (stages.size() == 1) return dispatch(stages.get(0), ns);
    int mark = out.length();
    try {
      dispatch(stages.get(0), ns);
    } catch (Fail f) {
      err.append(f.stderr).append(f.stderr.endsWith("\n") ? "" : "\n");
    }
    String piped = out.substring(mark);
    out.setLength(mark);
    List<String> g = stages.get(1);
    if (!g.get(0).equals("grep")) throw new Fail(2, "sh: the fake host pipes only into grep: " + script);
    return grep(g.subList(1, g.size()), ns, piped);
  }
}
