package io.kvmsdk.testkit;

import static io.kvmsdk.testkit.FakeHostArgs.is;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** coreutils' {@code test} and {@code [}: {@code [!] -e|-d|-f|-r|-s PATH}, {@code A = B}, {@code A != B}, {@code STRING}. */
final class FakeHostTestCommand implements FakeTool {
  @Override public Set<String> names() { return Set.of("test", "["); }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    List<String> a = command.argv().subList(1, command.argv().size());
    List<String> x = a.isEmpty() || !a.get(a.size() - 1).equals("]") ? a : a.subList(0, a.size() - 1);
    if (x.size() > 1 && x.get(0).equals("!")) {
      CommandResult r = run(command, ctx, x.subList(1, x.size()));
      return r.exitCode() > 1 ? r : status(ctx, r.exitCode() != 0);
    }
    return run(command, ctx, x);
  }

  private CommandResult run(HostCommand command, FakeToolContext ctx, List<String> x) {
    if (x.size() == 2 && is(x.get(0), "-e", "-d", "-f", "-r", "-s")) {
      String path = x.get(1);
      if (!ctx.exists(path)) return ctx.result(1, "", "");
      boolean dir = ctx.isDirectory(path);
      Optional<String> content = ctx.readFile(path);
      switch (x.get(0)) {
        case "-d": return status(ctx, dir);
        case "-f": return status(ctx, !dir);
        case "-s": return status(ctx, !dir && content.map(c -> !c.isEmpty()).orElse(false));
        default: return ctx.ok();
      }
    }
    if (x.size() == 3 && is(x.get(1), "=", "!=")) return status(ctx, x.get(0).equals(x.get(2)) == x.get(1).equals("="));
    if (x.size() == 1) return status(ctx, !x.get(0).isEmpty());
    throw ctx.fail(2, "test: the fake host understands only test -e|-d|-f PATH and test A = B");
  }

  private static CommandResult status(FakeToolContext ctx, boolean ok) { return ctx.result(ok ? 0 : 1, "", ""); }
}
