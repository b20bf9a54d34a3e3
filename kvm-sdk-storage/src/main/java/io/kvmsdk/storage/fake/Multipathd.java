package io.kvmsdk.storage.fake;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * multipath-tools' {@code multipathd reconfigure}: reads {@code /etc/multipath.conf} and answers
 * {@code ok}, or {@code fail} when the file's sections do not nest ({@code name {} ... {@code }}).
 * Not proven against the real daemon (multipath-tools is not installed here).
 */
public final class Multipathd implements FakeTool {
  private static final Set<String> SECTIONS = Set.of("defaults", "blacklist", "blacklist_exceptions", "devices", "device", "multipaths",
      "multipath", "overrides");

  @Override public Set<String> names() { return Set.of("multipathd"); }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    var a = command.argv().subList(1, command.argv().size());
    if (a.size() != 1 || !a.get(0).equals("reconfigure")) throw ctx.fail(1, "multipathd: the fake knows 'multipathd reconfigure' only");
    String conf = ctx.readFile("/etc/multipath.conf").orElse("");
    Deque<String> open = new ArrayDeque<>();
    for (String line : conf.lines().map(String::strip).toList()) {
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (line.endsWith("{")) {
        String name = line.substring(0, line.length() - 1).strip();
        if (!SECTIONS.contains(name)) return ctx.result(1, "fail\n", "");
        open.push(name);
      } else if (line.equals("}")) {
        if (open.isEmpty()) return ctx.result(1, "fail\n", "");
        open.pop();
      } else if (open.isEmpty()) {
        return ctx.result(1, "fail\n", "");
      }
    }
    return open.isEmpty() ? ctx.ok("ok\n") : ctx.result(1, "fail\n", "");
  }
}
