package io.kvmsdk.storage.fake;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * GNU {@code sed} as far as the storage plans' checks use it: {@code sed [-n] [-E|-r] SCRIPT [FILE]}
 * where the script is {@code ;}-separated commands {@code [ADDR[,ADDR]]CMD}, an address being
 * {@code /REGEX/} (basic, or extended with {@code -E}), a line number or {@code $}, a command
 * {@code p}, {@code d}, {@code q [EXIT]} or {@code Q [EXIT]}. Reads the file or stdin. Not on the
 * class path's tool list (another module may bring its own sed): add it with
 * {@link io.kvmsdk.storage.fake.StorageFakes#host} or {@code withTool}.
 */
public final class Sed implements FakeTool {
  @Override public Set<String> names() { return Set.of("sed"); }

  private record Addr(Pattern re, long line, boolean last) {
    boolean matches(String s, long n, boolean isLast) {
      if (re != null) return re.matcher(s).find();
      if (last) return isLast;
      return n == line;
    }
  }

  private static final class Cmd {
    Addr from;
    Addr to;
    char op;
    int exit;
    boolean inRange;
  }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    List<String> a = command.argv().subList(1, command.argv().size());
    boolean quiet = false;
    boolean ere = false;
    String script = null;
    String file = null;
    for (String w : a) {
      if (script == null && w.startsWith("-") && w.length() > 1) {
        for (char c : w.substring(1).toCharArray()) {
          switch (c) {
            case 'n' -> quiet = true;
            case 'E', 'r' -> ere = true;
            default -> throw ctx.fail(1, "sed: the fake host does not understand -" + c);
          }
        }
      } else if (script == null) {
        script = w;
      } else {
        file = w;
      }
    }
    if (script == null) throw ctx.fail(1, "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...");
    List<Cmd> cmds = parse(script, ere, ctx);
    String text;
    if (file != null) {
      if (!ctx.exists(file)) throw ctx.fail(2, "sed: can't read " + file + ": No such file or directory");
      text = ctx.readFile(file).orElse("");
    } else {
      text = command.stdin().map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      long n = i + 1;
      boolean isLast = i == lines.size() - 1;
      boolean deleted = false;
      for (Cmd c : cmds) {
        if (!selects(c, line, n, isLast)) continue;
        switch (c.op) {
          case 'p' -> out.append(line).append('\n');
          case 'd' -> deleted = true;
          case 'q' -> {
            if (!quiet) out.append(line).append('\n');
            return ctx.result(c.exit, out.toString(), "");
          }
          default -> { return ctx.result(c.exit, out.toString(), ""); }
        }
        if (deleted) break;
      }
      if (!deleted && !quiet) out.append(line).append('\n');
    }
    return ctx.ok(out.toString());
  }

  private static boolean selects(Cmd c, String line, long n, boolean isLast) {
    if (c.from == null) return true;
    if (c.to == null) return c.from.matches(line, n, isLast);
    if (c.inRange) {
      if (c.to.matches(line, n, isLast)) c.inRange = false;
      return true;
    }
    if (c.from.matches(line, n, isLast)) {
      c.inRange = true;
      return true;
    }
    return false;
  }

  private static List<Cmd> parse(String script, boolean ere, FakeToolContext ctx) {
    List<Cmd> cmds = new ArrayList<>();
    int[] pos = {0};
    while (pos[0] < script.length()) {
      skipBlanks(script, pos);
      if (pos[0] >= script.length()) break;
      if (script.charAt(pos[0]) == ';' || script.charAt(pos[0]) == '\n') { pos[0]++; continue; }
      Cmd c = new Cmd();
      c.from = address(script, pos, ere, ctx);
      if (c.from != null && pos[0] < script.length() && script.charAt(pos[0]) == ',') {
        pos[0]++;
        c.to = address(script, pos, ere, ctx);
        if (c.to == null) throw ctx.fail(1, "sed: -e expression #1, char " + (pos[0] + 1) + ": unexpected `,'");
      }
      skipBlanks(script, pos);
      if (pos[0] >= script.length()) throw ctx.fail(1, "sed: -e expression #1, char " + pos[0] + ": missing command");
      c.op = script.charAt(pos[0]++);
      if (c.op == 'q' || c.op == 'Q') {
        skipBlanks(script, pos);
        int start = pos[0];
        while (pos[0] < script.length() && Character.isDigit(script.charAt(pos[0]))) pos[0]++;
        c.exit = start == pos[0] ? 0 : Integer.parseInt(script.substring(start, pos[0]));
      } else if (c.op != 'p' && c.op != 'd') {
        throw ctx.fail(1, "sed: the fake host knows the commands p, d, q and Q only, got `" + c.op + "'");
      }
      skipBlanks(script, pos);
      if (pos[0] < script.length() && script.charAt(pos[0]) != ';' && script.charAt(pos[0]) != '\n' && script.charAt(pos[0]) != '}') {
        throw ctx.fail(1, "sed: -e expression #1, char " + (pos[0] + 1) + ": extra characters after command");
      }
      cmds.add(c);
    }
    return cmds;
  }

  private static void skipBlanks(String s, int[] pos) {
    while (pos[0] < s.length() && (s.charAt(pos[0]) == ' ' || s.charAt(pos[0]) == '\t')) pos[0]++;
  }

  private static Addr address(String s, int[] pos, boolean ere, FakeToolContext ctx) {
    if (pos[0] >= s.length()) return null;
    char c = s.charAt(pos[0]);
    if (c == '$') { pos[0]++; return new Addr(null, 0, true); }
    if (Character.isDigit(c)) {
      int start = pos[0];
      while (pos[0] < s.length() && Character.isDigit(s.charAt(pos[0]))) pos[0]++;
      return new Addr(null, Long.parseLong(s.substring(start, pos[0])), false);
    }
    if (c != '/') return null;
    StringBuilder re = new StringBuilder();
    int i = pos[0] + 1;
    for (; i < s.length() && s.charAt(i) != '/'; i++) {
      if (s.charAt(i) == '\\' && i + 1 < s.length()) {
        re.append(s.charAt(i)).append(s.charAt(i + 1));
        i++;
      } else {
        re.append(s.charAt(i));
      }
    }
    if (i >= s.length()) throw ctx.fail(1, "sed: -e expression #1, char " + s.length() + ": unterminated address regex");
    pos[0] = i + 1;
    try {
      return new Addr(Pattern.compile(ere ? fromEre(re.toString()) : fromBre(re.toString())), 0, false);
    } catch (PatternSyntaxException e) {
      throw ctx.fail(1, "sed: -e expression #1: the fake cannot read the regex '" + re + "': " + e.getDescription());
    }
  }

  /** A POSIX basic regular expression (with GNU's \+ \? \| \( \) \{ \}) as a Java one. */
  static String fromBre(String bre) {
    StringBuilder j = new StringBuilder();
    for (int i = 0; i < bre.length(); i++) {
      char c = bre.charAt(i);
      if (c == '\\' && i + 1 < bre.length()) {
        char n = bre.charAt(++i);
        if ("(){}|+?".indexOf(n) >= 0) j.append(n);
        else if (Character.isLetterOrDigit(n)) j.append('\\').append(n);
        else j.append(Pattern.quote(String.valueOf(n)));
      } else if (c == '[') {
        int end = bracketEnd(bre, i);
        j.append(bre, i, end + 1);
        i = end;
      } else if (c == '^') {
        j.append(i == 0 ? "^" : "\\^");
      } else if (c == '$') {
        j.append(i == bre.length() - 1 ? "$" : "\\$");
      } else if (c == '*') {
        j.append(i == 0 ? "\\*" : "*");
      } else if ("(){}|+?".indexOf(c) >= 0) {
        j.append('\\').append(c);
      } else {
        j.append(c);
      }
    }
    return j.toString();
  }

  /** A POSIX extended regular expression as a Java one (brackets copied as they are). */
  static String fromEre(String ere) {
    StringBuilder j = new StringBuilder();
    for (int i = 0; i < ere.length(); i++) {
      char c = ere.charAt(i);
      if (c == '\\' && i + 1 < ere.length()) {
        char n = ere.charAt(++i);
        if (Character.isLetterOrDigit(n)) j.append('\\').append(n);
        else j.append(Pattern.quote(String.valueOf(n)));
      } else if (c == '[') {
        int end = bracketEnd(ere, i);
        j.append(ere, i, end + 1);
        i = end;
      } else {
        j.append(c);
      }
    }
    return j.toString();
  }

  private static int bracketEnd(String s, int open) {
    int i = open + 1;
    if (i < s.length() && s.charAt(i) == '^') i++;
    if (i < s.length() && s.charAt(i) == ']') i++;
    while (i < s.length() && s.charAt(i) != ']') i++;
    return Math.min(i, s.length() - 1);
  }
}
