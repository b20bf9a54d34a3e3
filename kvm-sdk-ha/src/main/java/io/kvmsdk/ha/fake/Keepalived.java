package io.kvmsdk.ha.fake;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.ha.internal.KeepalivedText;
import io.kvmsdk.ha.keepalived.KeepalivedConf;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * keepalived 2.2.7 as the HA plans run it. {@code keepalived -t -f FILE} reads the file with the
 * SDK's parser and checks the host as the real one does: a missing file is only reported (exit 0,
 * as keepalived does), an unreadable file or rule exits 5, an instance on an interface the namespace
 * lacks or on a loopback exits 5, with keepalived's words. {@code keepalived [-P] -f FILE -p PID
 * -r VRRP_PID} daemonizes: it records the loaded file ({@link FakeProcesses}) and writes its pid
 * files; a second start while the first runs does nothing. VRRP itself is not run: no adverts, no
 * VIPs moving (the live test in a network namespace proves that part).
 */
public final class Keepalived implements FakeTool {
  @Override public Set<String> names() { return Set.of("keepalived"); }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    List<String> a = command.argv().subList(1, command.argv().size());
    boolean test = false;
    String file = "/etc/keepalived/keepalived.conf";
    String pid = "/run/keepalived.pid";
    String vrrpPid = "/run/keepalived_vrrp.pid";
    for (int i = 0; i < a.size(); i++) {
      String o = a.get(i);
      switch (o) {
        case "-t": case "--config-test": test = true; break;
        case "-f": file = value(a, ++i, o, ctx); break;
        case "-p": pid = value(a, ++i, o, ctx); break;
        case "-r": vrrpPid = value(a, ++i, o, ctx); break;
        case "-c": value(a, ++i, o, ctx); break;
        case "-P": case "-D": case "-l": case "--log-detail": case "--vrrp": case "--dont-release-vrrp": break;
        case "-n": throw ctx.fail(1, "keepalived: the fake runs daemonized only (no -n)");
        default:
          if (o.startsWith("--use-file=")) file = o.substring("--use-file=".length());
          else throw ctx.fail(1, "keepalived: unrecognized option '" + o + "'");
      }
    }
    return test ? check(file, ctx) : start(file, pid, vrrpPid, ctx);
  }

  private static String value(List<String> a, int i, String o, FakeToolContext ctx) {
    if (i >= a.size()) throw ctx.fail(1, "keepalived: option requires an argument -- '" + o.replace("-", "") + "'");
    return a.get(i);
  }

  private CommandResult check(String file, FakeToolContext ctx) {
    Optional<String> text = ctx.readFile(file);
    if (text.isEmpty()) return ctx.result(0, "", "Config files missing '" + file + "'.\n");
    try {
      KeepalivedConf.parse(text.get());
    } catch (InvalidSpecException e) {
      throw ctx.fail(5, "(" + file + ") " + e.getMessage());
    }
    List<String> err = new ArrayList<>();
    for (KeepalivedText.Statement s : KeepalivedText.parse(text.get())) {
      if (!s.keyword().equals("vrrp_instance") || !s.hasBlock()) continue;
      String name = s.args().get(0);
      for (KeepalivedText.Statement i : s.block()) {
        if (!i.keyword().equals("interface")) continue;
        String iface = i.args().get(0);
        if (iface.equals("lo")) {
          err.add("(" + file + ": Line " + i.line() + ") (" + name + ") cannot use a loopback interface (lo) for vrrp - ignoring");
          err.add("(" + name + ") Unknown interface!");
        } else if (ctx.link(iface).isEmpty()) {
          err.add("(" + file + ": Line " + i.line() + ") WARNING - interface " + iface + " for vrrp_instance " + name + " doesn't exist");
          err.add("Non-existent interface specified in configuration");
        }
      }
    }
    if (!err.isEmpty()) throw ctx.fail(5, String.join("\n", err));
    return ctx.ok();
  }

  private CommandResult start(String file, String pidFile, String vrrpPidFile, FakeToolContext ctx) {
    FakeProcesses procs = ctx.state(FakeProcesses.SLOT);
    Optional<String> running = ctx.readFile(pidFile).map(String::strip).filter(p -> p.matches("[0-9]+"));
    if (running.isPresent() && procs.get(Integer.parseInt(running.get())).isPresent()) return ctx.ok(); // "daemon is already running"
    int pid = procs.nextPid();
    int child = procs.nextPid();
    procs.put(new FakeProcesses.Process(pid, "keepalived", file, ctx.readFile(file).orElse(""), List.of(pidFile, vrrpPidFile), 0));
    ctx.writeFile(pidFile, pid + "\n");
    ctx.writeFile(vrrpPidFile, child + "\n");
    return ctx.ok();
  }
}
