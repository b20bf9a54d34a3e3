package io.kvmsdk.testkit;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * coreutils' {@code install}, {@code mv}, {@code rm} and diffutils' {@code cmp}, as far as plans
 * that write config files use them: {@code install [-D] [-m MODE] SRC DEST} ({@code SRC} may be {@code /dev/stdin};
 * modes are not modelled), {@code cmp [-s] A B} ({@code -} is stdin; exit 0 same, 1 different, 2
 * trouble), {@code mv [-f] A B}, {@code rm [-f] FILE...}, with coreutils' messages.
 */
final class FakeHostFiles implements FakeTool {
  @Override public Set<String> names() { return Set.of("install", "cmp", "mv", "rm"); }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    List<String> argv = command.argv();
    String prog = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
    List<String> a = argv.subList(1, argv.size());
    switch (prog) {
      case "install": return install(a, command, ctx);
      case "cmp": return cmp(a, command, ctx);
      case "mv": return mv(a, ctx);
      default: return rm(a, ctx);
    }
  }

  private static String stdin(HostCommand c) { return c.stdin().map(b -> new String(b, StandardCharsets.UTF_8)).orElse(""); }

  private static String parent(String path) {
    int i = path.lastIndexOf('/');
    return i <= 0 ? "/" : path.substring(0, i);
  }

  private CommandResult install(List<String> a, HostCommand c, FakeToolContext ctx) {
    boolean makeDirs = false;
    int i = 0;
    for (; i < a.size() && a.get(i).startsWith("-"); i++) {
      if (a.get(i).equals("-D")) makeDirs = true;
      else if (a.get(i).equals("-m")) i++;
      else throw ctx.fail(1, "install: the fake knows -D and -m only, got '" + a.get(i) + "'");
    }
    List<String> ops = a.subList(Math.min(i, a.size()), a.size());
    if (ops.size() != 2) throw ctx.fail(1, "install: missing file operand\nTry 'install --help' for more information.");
    String src = ops.get(0);
    String dest = ops.get(1);
    Optional<String> content = src.equals("/dev/stdin") ? Optional.of(stdin(c)) : ctx.readFile(src);
    if (content.isEmpty() && !ctx.exists(src)) throw ctx.fail(1, "install: cannot stat '" + src + "': No such file or directory");
    if (!makeDirs && !ctx.isDirectory(parent(dest))) {
      throw ctx.fail(1, "install: cannot create regular file '" + dest + "': No such file or directory");
    }
    ctx.writeFile(dest, content.orElse(""));
    return ctx.ok();
  }

  private CommandResult cmp(List<String> a, HostCommand c, FakeToolContext ctx) {
    boolean silent = !a.isEmpty() && a.get(0).equals("-s");
    List<String> ops = silent ? a.subList(1, a.size()) : a;
    if (ops.size() != 2) throw ctx.fail(2, "cmp: missing operand after '" + (ops.isEmpty() ? "cmp" : ops.get(0)) + "'\ncmp: Try 'cmp --help' for more information.");
    Optional<String> x = ops.get(0).equals("-") ? Optional.of(stdin(c)) : ctx.readFile(ops.get(0));
    Optional<String> y = ops.get(1).equals("-") ? Optional.of(stdin(c)) : ctx.readFile(ops.get(1));
    for (int k = 0; k < 2; k++) {
      Optional<String> f = k == 0 ? x : y;
      if (f.isEmpty() && !ctx.exists(ops.get(k))) {
        return ctx.result(2, "", silent ? "" : "cmp: " + ops.get(k) + ": No such file or directory\n");
      }
    }
    if (x.orElse("").equals(y.orElse(""))) return ctx.ok();
    return ctx.result(1, silent ? "" : ops.get(0) + " " + ops.get(1) + " differ\n", "");
  }

  private CommandResult mv(List<String> a, FakeToolContext ctx) {
    List<String> ops = a.stream().filter(s -> !s.equals("-f")).toList();
    if (ops.size() != 2) throw ctx.fail(1, "mv: missing destination file operand\nTry 'mv --help' for more information.");
    Optional<String> content = ctx.readFile(ops.get(0));
    if (content.isEmpty()) throw ctx.fail(1, "mv: cannot stat '" + ops.get(0) + "': No such file or directory");
    ctx.writeFile(ops.get(1), content.get());
    ctx.deleteFile(ops.get(0));
    return ctx.ok();
  }

  private CommandResult rm(List<String> a, FakeToolContext ctx) {
    boolean force = a.contains("-f");
    StringBuilder err = new StringBuilder();
    for (String f : a) {
      if (f.equals("-f")) continue;
      if (!ctx.deleteFile(f) && !force) err.append("rm: cannot remove '").append(f).append("': No such file or directory\n");
    }
    if (err.length() > 0) {
      ctx.keepChanges();
      return ctx.result(1, "", err.toString());
    }
    return ctx.ok();
  }
}
