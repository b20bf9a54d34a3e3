package io.kvmsdk.testkit;

import static io.kvmsdk.testkit.FakeHostArgs.is;
import static io.kvmsdk.testkit.FakeHostArgs.need;

import io.kvmsdk.testkit.FakeHostIp.Call;
import io.kvmsdk.testkit.FakeHostState.Cidr;
import io.kvmsdk.testkit.FakeHostState.Link;
import io.kvmsdk.testkit.FakeHostState.Ns;
import io.kvmsdk.testkit.host.FakeToolExit;
import java.util.ArrayList;
import java.util.List;

/** {@code ip address}: add, replace, del, show, flush (IPv4; IPv6 addresses are kept, not routed). */
final class FakeHostIpAddress {
  private final Call c;
  private final FakeHostState s;
  private final StringBuilder err;

  private FakeHostIpAddress(Call c) {
    this.c = c;
    this.s = c.s;
    this.err = c.err;
  }

  private Ns ns(Call o) { return o.ns(); }

  private Link device(Ns ns, String name) { return c.device(name); }

  static int run(List<String> a, Call c) { return new FakeHostIpAddress(c).addr(a, c); }

  private int addr(List<String> a, Call o) {
    if (a.isEmpty()) return addrShow(List.of(), o);
    String cmd = a.get(0);
    List<String> r = a.subList(1, a.size());
    if (is(cmd, "add", "replace")) return addrChange(r, o, true, cmd.equals("replace"));
    if (is(cmd, "del", "delete")) return addrChange(r, o, false, false);
    if (is(cmd, "show", "list", "lst", "ls")) return addrShow(r, o);
    if (is(cmd, "flush")) return addrFlush(r, o);
    throw new FakeToolExit(255, "Command \"" + cmd + "\" is unknown, try \"ip address help\".");
  }

  private int addrChange(List<String> a, Call o, boolean add, boolean replace) {
    Ns ns = ns(o);
    String local = null;
    String dev = null;
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i);
      if (is(w, "dev")) dev = need(a, ++i);
      else if (is(w, "brd", "broadcast", "label", "scope", "valid_lft", "preferred_lft", "peer")) i++;
      else if (is(w, "local")) local = need(a, ++i);
      else if (is(w, "noprefixroute", "nodad", "home")) continue;
      else if (local == null) local = w;
      else throw new FakeToolExit(255, "Error: either \"local\" is duplicate, or \"" + w + "\" is a garbage.");
    }
    if (local == null) throw new FakeToolExit(1, "Not enough information: \"local\" argument is required.");
    boolean v6 = local.contains(":");
    Cidr parsed = v6 ? null : Cidr.tryParse(local);
    if (!v6 && parsed == null) throw new FakeToolExit(1, "Error: any valid prefix is expected rather than \"" + local + "\".");
    if (dev == null) throw new FakeToolExit(1, "Not enough information: \"dev\" argument is required.");
    boolean wildcard = !v6 && !local.contains("/") && !add;
    String cidr = v6 ? (local.contains("/") ? local : local + "/128") : parsed.cidr();
    Link l = device(ns, dev);
    String fam = v6 ? "ipv6" : "ipv4";
    if (add) {
      if (l.addresses.contains(cidr)) {
        if (replace) return 0;
        throw new FakeToolExit(2, v6 ? "RTNETLINK answers: File exists" : "Error: ipv4: Address already assigned.");
      }
      ns.addAddress(l, cidr);
      return 0;
    }
    if (wildcard) {
      err.append("Warning: Executing wildcard deletion to stay compatible with old scripts.\n"
          + "         Explicitly specify the prefix length (" + local + "/32) to avoid this warning.\n"
          + "         This special behaviour is likely to disappear in further releases,\n"
          + "         fix your scripts!\n");
      String loc = local;
      String match = l.addresses.stream().filter(x -> x.startsWith(loc + "/")).findFirst().orElse(null);
      if (match == null) throw new FakeToolExit(2, "Error: " + fam + ": Address not found.");
      ns.deleteAddress(l, match);
    } else if (!ns.deleteAddress(l, cidr)) {
      throw new FakeToolExit(2, v6 ? "RTNETLINK answers: Cannot assign requested address" : "Error: ipv4: Address not found.");
    }
    return 0;
  }

  private int addrShow(List<String> a, Call o) {
    Ns ns = ns(o);
    String name = null;
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i);
      if (is(w, "dev")) name = need(a, ++i);
      else if (is(w, "up", "scope", "label", "to")) { if (!w.equals("up")) i++; }
      else if (name == null) name = w;
    }
    if (name != null && !ns.links.containsKey(name)) throw new FakeToolExit(1, "Device \"" + name + "\" does not exist.");
    List<Link> shown = new ArrayList<>();
    for (Link l : ns.links.values()) if (name == null || l.name.equals(name)) shown.add(l);
    FakeHostIpLink.print(c, shown, true);
    return 0;
  }

  private int addrFlush(List<String> a, Call o) {
    Ns ns = ns(o);
    String name = null;
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i);
      if (is(w, "dev")) name = need(a, ++i);
      else if (name == null) name = w;
    }
    if (name == null) throw new FakeToolExit(1, "Flush requires arguments.");
    if (!ns.links.containsKey(name)) throw new FakeToolExit(1, "Device \"" + name + "\" does not exist.");
    ns.links.get(name).addresses.clear();
    ns.links.get(name).routed.clear();
    ns.dropUnreachableRoutes();
    return 0;
  }

}
