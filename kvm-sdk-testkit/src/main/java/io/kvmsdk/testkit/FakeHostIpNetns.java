package io.kvmsdk.testkit;

import static io.kvmsdk.testkit.FakeHostArgs.is;
import static io.kvmsdk.testkit.FakeHostArgs.need;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.testkit.FakeHostIp.Call;
import io.kvmsdk.testkit.FakeHostState.Link;
import io.kvmsdk.testkit.FakeHostState.Ns;
import io.kvmsdk.testkit.host.FakeToolExit;
import java.util.ArrayList;
import java.util.List;

/** {@code ip netns}: add, del, list, exec. */
final class FakeHostIpNetns {
  private final Call c;
  private final FakeHostState s;
  private final StringBuilder out;
  private final StringBuilder err;

  private FakeHostIpNetns(Call c) {
    this.c = c;
    this.s = c.s;
    this.out = c.out;
    this.err = c.err;
  }

  /** Runs {@code ip netns A...}; {@code a} starts at argument {@code offset} of the command. */
  static int run(List<String> a, Call c, int offset) { return new FakeHostIpNetns(c).netns(a, offset); }

  private int netns(List<String> a, int offset) {
    if (a.isEmpty() || is(a.get(0), "list", "show", "ls")) {
      List<String> names = new ArrayList<>(s.namespaces.keySet());
      names.remove(FakeHostState.HOST_NS);
      for (String n : names) out.append(n).append('\n');
      return 0;
    }
    String cmd = a.get(0);
    if (is(cmd, "add")) {
      String name = need(a, 1);
      if (s.namespaces.containsKey(name)) throw new FakeToolExit(1, "Cannot create namespace file \"/run/netns/" + name + "\": File exists");
      s.addNamespace(name);
      return 0;
    }
    if (is(cmd, "del", "delete")) {
      String name = need(a, 1);
      if (!s.namespaces.containsKey(name) || name.isEmpty()) {
        throw new FakeToolExit(1, "Cannot remove namespace file \"/run/netns/" + name + "\": No such file or directory");
      }
      Ns gone = s.namespaces.remove(name);
      for (Link l : gone.links.values()) {
        if (l.type.equals("veth") && l.peerNs != null && !l.peerNs.equals(name)) {
          Ns pns = s.namespaces.get(l.peerNs);
          if (pns != null && pns.links.containsKey(l.peer)) s.delete(pns, pns.links.get(l.peer));
        }
      }
      return 0;
    }
    if (is(cmd, "exec")) {
      String name = need(a, 1);
      if (!s.namespaces.containsKey(name)) throw new FakeToolExit(255, "Cannot open network namespace \"" + name + "\": No such file or directory");
      if (a.size() < 3) throw new FakeToolExit(255, "No command specified");
      String prog = a.get(2);
      if (!c.ctx.hasTool(prog)) throw new FakeToolExit(1, "exec of \"" + prog + "\" failed: No such file or directory");
      CommandResult r = c.ctx.runIn(name, FakeHostContext.tail(c.command, offset + 2));
      out.append(r.stdout());
      err.append(r.stderr());
      return r.exitCode();
    }
    throw new FakeToolExit(255, "Command \"" + cmd + "\" is unknown, try \"ip netns help\".");
  }
}
