package io.kvmsdk.testkit;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Debian's {@code sh} (dash) for {@code sh -c 'A [| B]...'}: one simple command or a pipeline of
 * them, words split on blanks with single and double quotes; each stage reads the stdout of the one
 * before, the pipeline exits with the last stage's status. No variables, redirections, lists or
 * substitutions.
 */
final class FakeHostSh implements FakeTool {
  @Override public Set<String> names() { return Set.of("sh"); }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    List<String> a = command.argv().subList(1, command.argv().size());
    if (a.size() != 2 || !a.get(0).equals("-c")) throw ctx.fail(2, "sh: the fake host understands only sh -c 'COMMAND [| COMMAND]...'");
    String script = a.get(1);
    List<List<String>> stages = parse(script, ctx);
    byte[] in = command.stdin().orElse(null);
    StringBuilder err = new StringBuilder();
    CommandResult last = null;
    for (List<String> stage : stages) {
      String prog = stage.get(0);
      if (!ctx.hasTool(prog)) {
        err.append("sh: 1: ").append(prog).append(": not found\n");
        last = ctx.result(127, "", "");
        in = new byte[0];
        continue;
      }
      HostCommand.Builder b = HostCommand.builder().args(stage).timeout(command.timeout());
      if (in != null) b.stdin(in);
      last = ctx.run(b.build());
      err.append(last.stderr());
      in = last.stdout().getBytes(StandardCharsets.UTF_8);
    }
    return ctx.result(last.exitCode(), last.stdout(), err.toString());
  }

  private static List<List<String>> parse(String script, FakeToolContext ctx) {
    List<List<String>> stages = new ArrayList<>();
    List<String> cur = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i <= script.length(); i++) {
      char c = i == script.length() ? ' ' : script.charAt(i);
      if (quote != 0) {
        if (c == quote) quote = 0; else word.append(c);
        continue;
      }
      if (c == '\'' || c == '"') { quote = c; if (word == null) word = new StringBuilder(); continue; }
      if (c == '|' || Character.isWhitespace(c)) {
        if (word != null) { cur.add(word.toString()); word = null; }
        if (c == '|') { stages.add(cur); cur = new ArrayList<>(); }
        continue;
      }
      if ("&;<>$`()".indexOf(c) >= 0) throw ctx.fail(2, "sh: the fake host understands no '" + c + "' in sh -c scripts: " + script);
      if (word == null) word = new StringBuilder();
      word.append(c);
    }
    if (quote != 0) throw ctx.fail(2, "sh: 1: Syntax error: Unterminated quoted string");
    stages.add(cur);
    if (stages.stream().anyMatch(s -> s.isEmpty() || s.get(0).isEmpty())) {
      throw ctx.fail(2, "sh: the fake host understands only 'A' or 'A | B | ...': " + script);
    }
    return stages;
  }
}
