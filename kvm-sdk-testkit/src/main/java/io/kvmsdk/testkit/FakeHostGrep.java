package io.kvmsdk.testkit;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** GNU {@code grep [-qxFwEi] PATTERN [FILE]}: reads the file, or stdin when there is none (a pipe of {@code sh -c}). */
final class FakeHostGrep implements FakeTool {
  @Override public Set<String> names() { return Set.of("grep"); }

  /** The command's stdin as text, "" when it has none. */
  static String stdin(HostCommand command) {
    return command.stdin().map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
  }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    List<String> a = command.argv().subList(1, command.argv().size());
    boolean quiet = false;
    boolean line = false;
    boolean fixed = false;
    boolean word = false;
    boolean icase = false;
    String pattern = null;
    String fileName = null;
    for (String w : a) {
      if (pattern == null && w.startsWith("-") && w.length() > 1) {
        for (char c : w.substring(1).toCharArray()) {
          switch (c) {
            case 'q': quiet = true; break;
            case 'x': line = true; break;
            case 'F': fixed = true; break;
            case 'w': word = true; break;
            case 'E': break;
            case 'i': icase = true; break;
            default: throw ctx.fail(2, "grep: the fake host does not understand -" + c);
          }
        }
      } else if (pattern == null) pattern = w;
      else fileName = w;
    }
    if (pattern == null) throw ctx.fail(2, "Usage: grep [OPTION]... PATTERNS [FILE]...");
    String text;
    if (fileName != null) {
      if (!ctx.exists(fileName)) throw ctx.fail(2, "grep: " + fileName + ": No such file or directory");
      if (ctx.isDirectory(fileName)) throw ctx.fail(2, "grep: " + fileName + ": Is a directory");
      text = ctx.readFile(fileName).orElseThrow();
    } else {
      text = stdin(command);
    }
    String re = fixed ? Pattern.quote(pattern) : pattern;
    if (word) re = "\\b" + re + "\\b";
    Pattern pat;
    try {
      pat = Pattern.compile(re, icase ? Pattern.CASE_INSENSITIVE : 0);
    } catch (PatternSyntaxException e) {
      throw ctx.fail(2, "grep: the fake host cannot read the pattern '" + pattern + "': " + e.getDescription());
    }
    StringBuilder out = new StringBuilder();
    boolean any = false;
    for (String l : text.split("\n", -1)) {
      if (l.isEmpty() && !line) continue;
      boolean m = line ? pat.matcher(l).matches() : pat.matcher(l).find();
      if (m && !(l.isEmpty() && text.endsWith("\n"))) {
        any = true;
        if (!quiet) out.append(l).append('\n');
      }
    }
    return ctx.result(any ? 0 : 1, out.toString(), "");
  }
}
