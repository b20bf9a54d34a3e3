package io.kvmsdk.testkit;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import java.util.List;
import java.util.Set;

/** coreutils' {@code cat FILE...}: the host's files and the kernel's under /proc/sys and /sys/class/net; {@code cat} alone copies stdin. */
final class FakeHostCat implements FakeTool {
  @Override public Set<String> names() { return Set.of("cat"); }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    List<String> files = command.argv().subList(1, command.argv().size());
    if (files.isEmpty()) return ctx.ok(FakeHostGrep.stdin(command));
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int rc = 0;
    for (String f : files) {
      if (ctx.isDirectory(f)) { err.append("cat: ").append(f).append(": Is a directory\n"); rc = 1; }
      else if (!ctx.exists(f)) { err.append("cat: ").append(f).append(": No such file or directory\n"); rc = 1; }
      else out.append(ctx.readFile(f).orElseThrow());
    }
    return ctx.result(rc, out.toString(), err.toString());
  }
}
