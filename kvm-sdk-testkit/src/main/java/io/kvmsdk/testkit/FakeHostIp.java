package io.kvmsdk.testkit;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.FakeHostState.Link;
import io.kvmsdk.testkit.FakeHostState.Ns;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import io.kvmsdk.testkit.host.FakeToolExit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * iproute2 6.1's {@code ip}: the global options ({@code -n NS}, {@code -j}, {@code -br}, ...) and
 * the objects {@code link} ({@link FakeHostIpLink}), {@code address} ({@link FakeHostIpAddress}),
 * {@code route} ({@link FakeHostIpRoute}) and {@code netns} ({@link FakeHostIpNetns}), with the
 * real tool's exit codes and messages.
 */
final class FakeHostIp implements FakeTool {
  /** One run of ip: the state, the namespace and output options chosen, and the output. */
  static final class Call {
    final FakeHostContext ctx;
    final FakeHostState s;
    final HostCommand command;
    String ns;
    boolean json;
    boolean brief;
    boolean details;
    final StringBuilder out = new StringBuilder();
    final StringBuilder err = new StringBuilder();

    Call(FakeHostContext ctx, HostCommand command) {
      this.ctx = ctx;
      this.s = ctx.state();
      this.command = command;
      this.ns = ctx.namespace();
    }

    Ns ns() { return s.namespaces.get(ns); }

    /** The link {@code name}, or ip's "Cannot find device". */
    Link device(String name) {
      Link l = ns().links.get(name);
      if (l == null) throw new FakeToolExit(1, "Cannot find device \"" + name + "\"");
      return l;
    }
  }

  @Override public Set<String> names() { return Set.of("ip"); }

  @Override public List<String> words(List<String> argv) { return withoutGlobalOptions(argv); }

  /** {@code argv} without {@code ip}'s or {@code bridge}'s global options (and {@code -n}'s argument). */
  static List<String> withoutGlobalOptions(List<String> argv) {
    List<String> w = new ArrayList<>();
    w.add(argv.get(0));
    int i = 1;
    while (i < argv.size() && argv.get(i).startsWith("-")) {
      if (Set.of("-n", "-netns").contains(argv.get(i))) i++;
      i++;
    }
    w.addAll(argv.subList(Math.min(i, argv.size()), argv.size()));
    return w;
  }

  @Override public CommandResult run(HostCommand command, FakeToolContext context) {
    FakeHostContext ctx = FakeHostContext.of(context);
    Call c = new Call(ctx, command);
    return ctx.collect(c.out, c.err, () -> ip(command.argv().subList(1, command.argv().size()), c));
  }

  private static int ip(List<String> a, Call c) {
    int i = 0;
    while (i < a.size() && a.get(i).startsWith("-")) {
      String opt = a.get(i).replaceFirst("^--", "-");
      switch (opt) {
        case "-n": case "-netns":
          if (i + 1 >= a.size()) throw new FakeToolExit(255, "Option \"-n\" requires an argument");
          c.ns = a.get(++i);
          if (!c.s.namespaces.containsKey(c.ns)) throw new FakeToolExit(255, "Cannot open network namespace \"" + c.ns + "\": No such file or directory");
          break;
        case "-j": case "-json": c.json = true; break;
        case "-br": case "-brief": c.brief = true; break;
        case "-d": case "-details": c.details = true; break;
        case "-s": case "-stats": case "-p": case "-pretty": case "-o": case "-oneline":
        case "-4": case "-c": case "-color": break;
        default: throw new FakeToolExit(255, "Option \"" + a.get(i) + "\" is unknown, try \"ip -help\".");
      }
      i++;
    }
    if (i >= a.size()) throw new FakeToolExit(255, "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }");
    String obj = a.get(i);
    List<String> rest = a.subList(i + 1, a.size());
    if ("address".startsWith(obj)) return FakeHostIpAddress.run(rest, c);
    if ("route".startsWith(obj)) return FakeHostIpRoute.run(rest, c);
    if ("link".startsWith(obj)) return FakeHostIpLink.run(rest, c);
    if (obj.startsWith("netn") && "netns".startsWith(obj)) return FakeHostIpNetns.run(rest, c, 1 + i + 1);
    throw new FakeToolExit(1, "Object \"" + obj + "\" is unknown, try \"ip help\".");
  }
}
