package io.kvmsdk.testkit;

import static io.kvmsdk.testkit.FakeHostArgs.intArg;
import static io.kvmsdk.testkit.FakeHostArgs.is;
import static io.kvmsdk.testkit.FakeHostArgs.need;
import static io.kvmsdk.testkit.FakeHostArgs.q;

import io.kvmsdk.testkit.FakeHostIp.Call;
import io.kvmsdk.testkit.FakeHostState.Cidr;
import io.kvmsdk.testkit.FakeHostState.Link;
import io.kvmsdk.testkit.FakeHostState.Ns;
import io.kvmsdk.testkit.FakeHostState.Route;
import io.kvmsdk.testkit.host.FakeToolExit;
import java.util.List;
import java.util.stream.Collectors;

/** {@code ip route}: add, append, replace, del, show, in the main table (IPv4). */
final class FakeHostIpRoute {
  private final Call c;
  private final FakeHostState s;
  private final StringBuilder out;

  private FakeHostIpRoute(Call c) {
    this.c = c;
    this.s = c.s;
    this.out = c.out;
  }

  private Ns ns(Call o) { return o.ns(); }

  private Link device(Ns ns, String name) { return c.device(name); }

  static int run(List<String> a, Call c) { return new FakeHostIpRoute(c).route(a, c); }

  private int route(List<String> a, Call o) {
    if (a.isEmpty()) return routeShow(o);
    String cmd = a.get(0);
    List<String> r = a.subList(1, a.size());
    if (is(cmd, "add", "append")) return routeChange(r, o, 1);
    if (is(cmd, "replace")) return routeChange(r, o, 2);
    if (is(cmd, "del", "delete")) return routeChange(r, o, 0);
    if (is(cmd, "show", "list", "lst", "ls")) return routeShow(o);
    throw new FakeToolExit(255, "Command \"" + cmd + "\" is unknown, try \"ip route help\".");
  }

  private int routeChange(List<String> a, Call o, int mode) {
    Ns ns = ns(o);
    String prefix = null;
    String via = null;
    String dev = null;
    Integer metric = null;
    String proto = "boot";
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i);
      if (is(w, "via")) via = need(a, ++i);
      else if (is(w, "dev", "oif")) dev = need(a, ++i);
      else if (is(w, "metric", "preference", "priority")) metric = intArg(need(a, ++i), "metric");
      else if (is(w, "proto", "protocol")) proto = need(a, ++i);
      else if (is(w, "table")) {
        String t = need(a, ++i);
        if (!is(t, "main", "254")) throw new FakeToolExit(255, "Error: the fake host models only the main routing table, got \"" + t + "\".");
      } else if (is(w, "scope", "src", "mtu")) i++;
      else if (is(w, "onlink")) continue;
      else if (is(w, "to")) prefix = need(a, ++i);
      else if (prefix == null) prefix = w;
      else throw new FakeToolExit(255, "Error: either \"to\" is duplicate, or \"" + w + "\" is a garbage.");
    }
    if (prefix == null) throw new FakeToolExit(mode == 0 ? 2 : 2, "RTNETLINK answers: No such device");
    Cidr p = Cidr.tryParse(prefix);
    if (p == null) throw new FakeToolExit(1, "Error: any valid prefix is expected rather than \"" + prefix + "\".");
    if (p.hostBitsSet()) throw new FakeToolExit(2, "Error: Invalid prefix for given prefix length.");
    String net = p.network();
    Link d = dev == null ? null : device(ns, dev);
    Cidr gw = null;
    if (via != null) {
      gw = Cidr.tryParse(via);
      if (gw == null || gw.len != 32) throw new FakeToolExit(1, "Error: inet address is expected rather than \"" + via + "\".");
    }
    if (mode == 0) {
      Integer m = metric;
      String v = via;
      String dv = dev;
      Route hit = ns.staticRoutes.stream().filter(r -> r.prefix.equals(net) && (m == null || r.metric == m)
          && (v == null || v.equals(r.via)) && (dv == null || dv.equals(r.dev))).findFirst().orElse(null);
      if (hit == null) throw new FakeToolExit(2, "RTNETLINK answers: No such process");
      ns.staticRoutes.remove(hit);
      return 0;
    }
    if (via == null && d == null) throw new FakeToolExit(2, "RTNETLINK answers: No such device");
    if (d != null && !d.up) throw new FakeToolExit(2, "Error: Nexthop device is not up.");
    if (gw != null) {
      if (!ns.reachable(gw.addr, dev)) throw new FakeToolExit(2, "Error: Nexthop has invalid gateway.");
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
    if (exists && mode == 1) throw new FakeToolExit(2, "RTNETLINK answers: File exists");
    if (mode == 2) ns.staticRoutes.removeIf(r -> r.prefix.equals(net) && r.metric == met);
    ns.staticRoutes.add(new Route(net, via, devName, met, proto));
    return 0;
  }

  private int routeShow(Call o) {
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

}
