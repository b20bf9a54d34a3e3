package io.kvmsdk.testkit.host;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import java.util.List;
import java.util.Set;

/**
 * A test-only tool registered explicitly ({@code FakeHost.withTool}), never from the class path:
 * {@code hostnamectl hostname} prints the name in {@code /etc/hostname} (or the host's),
 * {@code hostnamectl set-hostname NAME} writes that file.
 */
public final class Hostnamectl implements FakeTool {
  @Override public Set<String> names() { return Set.of("hostnamectl"); }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    List<String> a = command.argv().subList(1, command.argv().size());
    if (a.equals(List.of("hostname"))) return ctx.ok(ctx.readFile("/etc/hostname").map(String::strip).orElse(ctx.host()) + "\n");
    if (a.size() == 2 && a.get(0).equals("set-hostname")) {
      ctx.writeFile("/etc/hostname", a.get(1) + "\n");
      return ctx.ok();
    }
    throw ctx.fail(1, "Unknown command verb '" + (a.isEmpty() ? "" : a.get(0)) + "'.");
  }
}
