package io.kvmsdk.ha.fake;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * procps' {@code pgrep -F PIDFILE} and {@code pkill [-SIGNAL] -F PIDFILE} over the daemons the fake
 * tools started ({@link FakeProcesses}): TERM stops a daemon as it would stop itself (its pid files
 * go), KILL leaves them behind, HUP makes keepalived re-read its file.
 */
public final class ProcessTools implements FakeTool {
  @Override public Set<String> names() { return Set.of("pgrep", "pkill"); }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    List<String> argv = command.argv();
    String prog = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
    String signal = "TERM";
    String pidFile = null;
    for (int i = 1; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.equals("-F") && i + 1 < argv.size()) pidFile = argv.get(++i);
      else if (prog.equals("pkill") && a.matches("-(HUP|TERM|KILL|INT|USR1|USR2|[0-9]+)")) signal = a.substring(1);
      else throw ctx.fail(2, prog + ": the fake knows -F PIDFILE" + (prog.equals("pkill") ? " and -SIGNAL" : "") + " only, got '" + a + "'");
    }
    if (pidFile == null) throw ctx.fail(2, prog + ": no matching criteria specified\nTry `" + prog + " --help' for more information.");
    Optional<String> text = ctx.readFile(pidFile);
    if (text.isEmpty() || !text.get().strip().matches("[0-9]+")) {
      throw ctx.fail(1, prog + ": pidfile not valid\nTry `" + prog + " --help' for more information.");
    }
    int pid = Integer.parseInt(text.get().strip());
    FakeProcesses procs = ctx.state(FakeProcesses.SLOT);
    Optional<FakeProcesses.Process> p = procs.get(pid);
    if (p.isEmpty()) return ctx.result(1, "", "");
    if (prog.equals("pgrep")) return ctx.ok(pid + "\n");
    FakeProcesses.Process proc = p.get();
    switch (signal) {
      case "HUP":
        if (proc.program().equals("keepalived")) {
          String loaded = ctx.readFile(proc.configFile()).orElse("");
          procs.put(new FakeProcesses.Process(pid, proc.program(), proc.configFile(), loaded, proc.pidFiles(), proc.reloads() + 1));
        }
        break;
      case "KILL":
        procs.remove(pid);
        break;
      default:
        procs.remove(pid);
        proc.pidFiles().forEach(ctx::deleteFile);
    }
    return ctx.ok();
  }
}
