package io.kvmsdk.testkit;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import java.util.Set;

/** {@code true} and {@code false}: exit 0 and 1, whatever the arguments. */
final class FakeHostTrue implements FakeTool {
  @Override public Set<String> names() { return Set.of("true", "false"); }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    String prog = command.argv().get(0);
    return ctx.result(prog.substring(prog.lastIndexOf('/') + 1).equals("true") ? 0 : 1, "", "");
  }
}
