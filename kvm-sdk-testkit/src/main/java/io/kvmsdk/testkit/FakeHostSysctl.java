package io.kvmsdk.testkit;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.FakeHostState.Ns;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import io.kvmsdk.testkit.host.FakeToolExit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * procps-ng's {@code sysctl [-n] [-q] [-e] [-w] KEY[=VALUE]...}: net.* per network namespace, the
 * rest per host. Like the real one it sets key after key and keeps those set before an error.
 */
final class FakeHostSysctl implements FakeTool {
  @Override public Set<String> names() { return Set.of("sysctl"); }

  @Override public CommandResult run(HostCommand command, FakeToolContext context) {
    FakeHostContext ctx = FakeHostContext.of(context);
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    return ctx.collect(out, err, () -> sysctl(command.argv().subList(1, command.argv().size()), ctx, out, err));
  }

  private static int sysctl(List<String> a, FakeHostContext ctx, StringBuilder out, StringBuilder err) {
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
            default: throw new FakeToolExit(255, "sysctl: invalid option -- '" + c + "'");
          }
        }
      } else if (w.equals("--write")) write = true;
      else if (w.equals("--values")) valuesOnly = true;
      else if (w.equals("--quiet")) quiet = true;
      else items.add(w);
    }
    if (items.isEmpty()) throw new FakeToolExit(255, "sysctl: no variables specified\nTry `sysctl --help' for more information.");
    FakeHostState s = ctx.state();
    Ns ns = ctx.ns();
    ctx.keepChanges();
    int rc = 0;
    for (String item : items) {
      int eq = item.indexOf('=');
      String key = (eq < 0 ? item : item.substring(0, eq)).replace('/', '.');
      Map<String, String> table = key.startsWith("net.") ? ns.sysctls : s.hostSysctls;
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
        s.setSysctl(ns, key, value.strip());
        if (!quiet) out.append(valuesOnly ? value.strip() : key + " = " + value.strip()).append('\n');
      } else if (!write) {
        String v = table.get(key);
        out.append(valuesOnly ? v : key + " = " + v).append('\n');
      }
    }
    return rc;
  }
}
