package io.kvmsdk.testkit;

import static io.kvmsdk.testkit.FakeHostArgs.is;
import static io.kvmsdk.testkit.FakeHostArgs.need;
import static io.kvmsdk.testkit.FakeHostArgs.q;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.FakeHostIp.Call;
import io.kvmsdk.testkit.FakeHostState.Link;
import io.kvmsdk.testkit.FakeHostState.Ns;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import io.kvmsdk.testkit.host.FakeToolExit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** iproute2 6.1's {@code bridge vlan}: add, del, show, with {@code -n NS} and {@code -j}. */
final class FakeHostBridge implements FakeTool {
  @Override public Set<String> names() { return Set.of("bridge"); }

  @Override public List<String> words(List<String> argv) { return FakeHostIp.withoutGlobalOptions(argv); }

  @Override public CommandResult run(HostCommand command, FakeToolContext context) {
    FakeHostContext ctx = FakeHostContext.of(context);
    Call c = new Call(ctx, command);
    return ctx.collect(c.out, c.err, () -> bridge(command.argv().subList(1, command.argv().size()), c));
  }

  private static int bridge(List<String> a, Call o) {
    int i = 0;
    while (i < a.size() && a.get(i).startsWith("-")) {
      String opt = a.get(i);
      if (is(opt, "-n", "-netns")) {
        o.ns = need(a, ++i);
        if (!o.s.namespaces.containsKey(o.ns)) throw new FakeToolExit(255, "Cannot open network namespace \"" + o.ns + "\": No such file or directory");
      } else if (is(opt, "-j", "-json")) o.json = true;
      else if (!is(opt, "-d", "-details", "-s", "-p", "-pretty", "-c", "-compressvlans")) {
        throw new FakeToolExit(255, "Option \"" + opt + "\" is unknown, try \"bridge help\".");
      }
      i++;
    }
    if (i >= a.size() || !"vlan".startsWith(a.get(i)) || a.get(i).isEmpty()) {
      throw new FakeToolExit(255, i >= a.size() ? "Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }"
          : "Object \"" + a.get(i) + "\" is unknown, try \"bridge help\".");
    }
    List<String> r = a.subList(i + 1, a.size());
    String cmd = r.isEmpty() ? "show" : r.get(0);
    if (is(cmd, "add", "del", "delete")) return vlanChange(r.subList(1, r.size()), o, cmd.equals("add"));
    if (is(cmd, "show", "list", "ls")) return vlanShow(r.isEmpty() ? r : r.subList(1, r.size()), o);
    throw new FakeToolExit(255, "Command \"" + cmd + "\" is unknown, try \"bridge vlan help\".");
  }

  private static int vlanChange(List<String> a, Call o, boolean add) {
    Ns ns = o.ns();
    String dev = null;
    String vid = null;
    boolean pvid = false;
    boolean untagged = false;
    boolean self = false;
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i);
      if (is(w, "dev")) dev = need(a, ++i);
      else if (is(w, "vid")) vid = need(a, ++i);
      else if (is(w, "pvid")) pvid = true;
      else if (is(w, "untagged")) untagged = true;
      else if (is(w, "self")) self = true;
      else if (is(w, "master")) continue;
      else throw new FakeToolExit(255, "Unknown argument \"" + w + "\"");
    }
    if (dev == null) throw new FakeToolExit(255, "Device is a required argument.");
    if (vid == null) throw new FakeToolExit(255, "VLAN ID is a required argument.");
    Link l = ns.links.get(dev);
    if (l == null) throw new FakeToolExit(255, "Cannot find bridge device \"" + dev + "\"");
    int from;
    int to;
    try {
      String[] p = vid.split("-", 2);
      from = Integer.parseInt(p[0]);
      to = p.length == 2 ? Integer.parseInt(p[1]) : from;
    } catch (NumberFormatException e) {
      throw new FakeToolExit(255, "Invalid VLAN ID \"" + vid + "\"");
    }
    if (from < 1 || to > 4094 || to < from) throw new FakeToolExit(255, "Invalid VLAN ID \"" + vid + "\"");
    boolean isBridgeSelf = l.type.equals("bridge") && self;
    if (l.master == null && !isBridgeSelf) throw new FakeToolExit(255, "RTNETLINK answers: Operation not supported");
    for (int v = from; v <= to; v++) {
      if (add) {
        if (pvid) for (Set<String> f : l.vlans.values()) f.remove("PVID");
        Set<String> f = new LinkedHashSet<>();
        if (pvid) f.add("PVID");
        if (untagged) f.add("untagged");
        l.vlans.put(v, f);
      } else if (l.vlans.remove(v) == null) {
        throw new FakeToolExit(255, "RTNETLINK answers: No such file or directory");
      }
    }
    return 0;
  }

  private static int vlanShow(List<String> a, Call o) {
    Ns ns = o.ns();
    String dev = null;
    for (int i = 0; i < a.size(); i++) if (is(a.get(i), "dev")) dev = need(a, ++i);
    if (dev != null && !ns.links.containsKey(dev)) throw new FakeToolExit(255, "Cannot find bridge device \"" + dev + "\"");
    List<Link> ls = new ArrayList<>();
    for (Link l : ns.links.values()) if (!l.vlans.isEmpty() && (dev == null || l.name.equals(dev))) ls.add(l);
    if (o.json) {
      o.out.append(ls.stream().map(l -> "{\"ifname\":" + q(l.name) + ",\"vlans\":[" + l.vlans.entrySet().stream().map(e -> "{\"vlan\":" + e.getKey()
          + (e.getValue().isEmpty() ? "" : ",\"flags\":[" + e.getValue().stream().map(f -> q(f.equals("untagged") ? "Egress Untagged" : f))
              .collect(Collectors.joining(",")) + "]") + "}").collect(Collectors.joining(",")) + "]}")
          .collect(Collectors.joining(",", "[", "]"))).append('\n');
      return 0;
    }
    o.out.append("port              vlan-id  \n");
    for (Link l : ls) {
      boolean first = true;
      for (Map.Entry<Integer, Set<String>> e : l.vlans.entrySet()) {
        String flags = (e.getValue().contains("PVID") ? " PVID" : "") + (e.getValue().contains("untagged") ? " Egress Untagged" : "");
        o.out.append(String.format("%-17s %s%s%n", first ? l.name : "", e.getKey(), flags));
        first = false;
      }
    }
    return 0;
  }
}
