package io.kvmsdk.ha.internal;

import io.kvmsdk.core.InvalidSpecException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * keepalived.conf as text: the one writer that quotes every value the way keepalived 2.2's parser
 * reads it back, and the reader that splits a file into statements and blocks as that parser does.
 *
 * <p>keepalived's rules, from its {@code lib/parser.c}: a file is read line by line; {@code #} and
 * {@code !} start a comment outside double quotes; {@code {} and {@code }} outside quotes split a
 * line; a word that starts with {@code "} runs to the next {@code "} (no escapes); lines starting
 * with {@code $}, {@code @}, {@code ~} or {@code include} are definitions, conditionals, sequences
 * and includes (refused here). Script keywords ({@code script}, {@code notify_*}) re-read their
 * line with quotes and backslash escapes, then split the command the same way: the writer wraps a
 * command in double quotes and each word that needs it in single quotes.
 */
public final class KeepalivedText {
  /** keepalived reads a line into a 1024-byte buffer: longer lines would be cut. */
  public static final int MAX_LINE = 1000;
  /** The largest file the reader accepts. */
  public static final int MAX_CHARS = 1 << 20;
  private static final int MAX_DEPTH = 16;

  private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_.:/%+,=-][A-Za-z0-9_.:/@%+,=~-]*");
  private static final Pattern BARE_IN_COMMAND = Pattern.compile("[A-Za-z0-9_.:/@%+,=~-]+");

  private KeepalivedText() {}

  // ------------------------------------------------------------------ writing

  /** {@code s} as one keepalived word: bare when safe, else in double quotes; refused when it cannot be written. */
  public static String word(String s, String field) {
    if (BARE.matcher(s).matches()) return s;
    checkPrintable(s, field);
    if (s.indexOf('"') >= 0 || s.indexOf('\\') >= 0) {
      throw new InvalidSpecException(field, "keepalived.conf cannot carry '\"' or '\\' in a value, got " + shown(s));
    }
    return '"' + s + '"';
  }

  /** A command ({@code argv}) as the one double-quoted word script keywords take. */
  public static String command(List<String> argv, String field) {
    if (argv.isEmpty()) throw new InvalidSpecException(field, "a command needs at least the program");
    if (argv.get(0).isEmpty()) throw new InvalidSpecException(field, "the program must not be empty");
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < argv.size(); i++) {
      String a = argv.get(i);
      if (i > 0) sb.append(' ');
      if (BARE_IN_COMMAND.matcher(a).matches()) {
        sb.append(a);
        continue;
      }
      checkPrintable(a, field);
      if (a.indexOf('\'') >= 0 || a.indexOf('"') >= 0 || a.indexOf('\\') >= 0) {
        throw new InvalidSpecException(field, "a keepalived script argument cannot contain quotes or '\\', got " + shown(a));
      }
      sb.append('\'').append(a).append('\'');
    }
    return sb.append('"').toString();
  }

  private static void checkPrintable(String s, String field) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) throw new InvalidSpecException(field, "keepalived.conf values cannot contain control characters (newline, tab, NUL ...)");
    }
  }

  private static String shown(String s) { return "'" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "'"; }

  /** Builds a file: two-space indents, one statement per line. */
  public static final class Writer {
    private final StringBuilder sb = new StringBuilder(1024);
    private int depth;

    /** {@code keyword word...} on one line (the words already quoted). */
    public Writer line(String keyword, String... words) {
      StringBuilder l = new StringBuilder();
      for (int i = 0; i < depth; i++) l.append("  ");
      l.append(keyword);
      for (String w : words) l.append(' ').append(w);
      if (l.length() > MAX_LINE) {
        throw new InvalidSpecException(keyword, "keepalived reads lines of at most " + MAX_LINE + " characters; this one has " + l.length());
      }
      sb.append(l).append('\n');
      return this;
    }

    /** {@code keyword word... {}, then the block's lines. */
    public Writer open(String keyword, String... words) {
      String[] w = java.util.Arrays.copyOf(words, words.length + 1);
      w[words.length] = "{";
      line(keyword, w);
      depth++;
      return this;
    }

    /** Ends the innermost block. */
    public Writer close() {
      depth--;
      return line("}");
    }

    @Override public String toString() { return sb.toString(); }
  }

  // ------------------------------------------------------------------ reading

  /** One statement of a file: its words (keyword first), its line, and its block when it opens one. */
  public static final class Statement {
    private final int line;
    private final String raw;
    private final List<String> words;
    private List<Statement> block;

    Statement(int line, String raw, List<String> words) {
      this.line = line;
      this.raw = raw;
      this.words = words;
    }

    public int line() { return line; }

    /** The line as keepalived re-reads it for script keywords (comments removed). */
    public String raw() { return raw; }

    public String keyword() { return words.get(0); }

    /** The words after the keyword. */
    public List<String> args() { return words.subList(1, words.size()); }

    public boolean hasBlock() { return block != null; }

    /** The statements of its block; empty when it has none. */
    public List<Statement> block() { return block == null ? List.of() : block; }

    /**
     * The words as a script keyword reads them (double and single quotes, backslash escapes),
     * keyword first.
     */
    public List<String> escapedWords() { return splitEscaped(raw, "line " + line); }

    @Override public String toString() { return "line " + line + ": " + String.join(" ", words); }
  }

  /** Splits {@code text} into its top-level statements. */
  public static List<Statement> parse(String text) {
    if (text.length() > MAX_CHARS) throw new InvalidSpecException("keepalived.conf", "is larger than " + MAX_CHARS + " characters");
    List<Statement> top = new ArrayList<>();
    Deque<List<Statement>> open = new ArrayDeque<>();
    Deque<Statement> owners = new ArrayDeque<>();
    List<Statement> cur = top;
    Statement last = null;
    String[] lines = text.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      int lineNo = n + 1;
      String l = lines[n];
      if (l.endsWith("\r")) l = l.substring(0, l.length() - 1);
      l = decomment(l, lineNo);
      while (!l.isEmpty()) {
        char first = l.charAt(0);
        if (first == '{' || first == '}') {
          String rest = l.substring(1).strip();
          if (first == '{') {
            if (last == null || last.block != null) throw error(lineNo, "unexpected '{'");
            if (open.size() >= MAX_DEPTH) throw error(lineNo, "blocks nested deeper than " + MAX_DEPTH);
            last.block = new ArrayList<>();
            open.push(cur);
            owners.push(last);
            cur = last.block;
            last = null;
          } else {
            if (open.isEmpty()) throw error(lineNo, "unexpected '}'");
            cur = open.pop();
            last = null;
            owners.pop();
          }
          l = rest;
          continue;
        }
        int brace = braceAt(l);
        String stmt = brace < 0 ? l : l.substring(0, brace).strip();
        l = brace < 0 ? "" : l.substring(brace);
        if (stmt.startsWith("$") || stmt.startsWith("@") || stmt.startsWith("~")) {
          throw error(lineNo, "definitions ($), conditionals (@) and sequences (~SEQ) are not supported");
        }
        List<String> words = splitPlain(stmt, lineNo);
        if (words.get(0).equals("include")) throw error(lineNo, "'include' is not supported: give the whole configuration");
        last = new Statement(lineNo, stmt, words);
        cur.add(last);
      }
    }
    if (!open.isEmpty()) throw error(owners.peek().line(), "block of '" + owners.peek().keyword() + "' is missing its '}'");
    return top;
  }

  private static InvalidSpecException error(int line, String rule) {
    return new InvalidSpecException("keepalived.conf line " + line, rule);
  }

  /** keepalived's decomment(): strips blanks and comments outside double quotes, unescapes {@code \#} and {@code \!}. */
  static String decomment(String l, int lineNo) {
    StringBuilder out = new StringBuilder(l.length());
    boolean quote = false;
    int i = 0;
    while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) i++;
    for (; i < l.length(); i++) {
      char c = l.charAt(i);
      if (c == '"') {
        quote = !quote;
        out.append(c);
      } else if (c == '\\') {
        if (i + 1 >= l.length()) throw error(lineNo, "a line ending in '\\' (continuation) is not supported");
        char d = l.charAt(i + 1);
        if (!quote && (d == '#' || d == '!')) out.append(d);
        else out.append(c).append(d);
        i++;
      } else if (!quote && (c == '#' || c == '!')) {
        break;
      } else {
        out.append(c);
      }
    }
    if (quote) throw error(lineNo, "unterminated quote");
    return out.toString().strip();
  }

  /** The first '{' or '}' outside double quotes, or -1. */
  private static int braceAt(String l) {
    for (int i = 0; i < l.length(); i++) {
      char c = l.charAt(i);
      if (c == '"') {
        int end = l.indexOf('"', i + 1);
        if (end < 0) return -1;
        i = end;
      } else if (c == '{' || c == '}') {
        return i;
      }
    }
    return -1;
  }

  /** keepalived's alloc_strvec: words split on blanks; a word starting with '"' runs to the next '"'. */
  static List<String> splitPlain(String s, int lineNo) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (true) {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
      if (i >= s.length()) break;
      if (s.charAt(i) == '"') {
        int end = s.indexOf('"', i + 1);
        if (end < 0) throw error(lineNo, "unmatched quote");
        out.add(s.substring(i + 1, end));
        i = end + 1;
      } else {
        int j = i;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '"') j++;
        out.add(s.substring(i, j));
        i = j;
      }
    }
    return out;
  }

  /** keepalived's alloc_strvec_quoted_escaped: double and single quotes, backslash escapes. */
  public static List<String> splitEscaped(String s, String where) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (true) {
      while (i < n && Character.isWhitespace(s.charAt(i))) i++;
      if (i >= n) break;
      StringBuilder w = new StringBuilder();
      char quote = 0;
      while (i < n) {
        char c = s.charAt(i);
        if (c == '\\') {
          if (i + 1 >= n) throw new InvalidSpecException("keepalived.conf " + where, "a '\\' at the end of a command");
          char d = s.charAt(i + 1);
          i += 2;
          switch (d) {
            case 'n': w.append('\n'); break;
            case 't': w.append('\t'); break;
            case 'r': w.append('\r'); break;
            default: w.append(d);
          }
          continue;
        }
        if (quote != 0) {
          if (c == quote) quote = 0; else w.append(c);
          i++;
          continue;
        }
        if (c == '"' || c == '\'') {
          quote = c;
          i++;
          continue;
        }
        if (Character.isWhitespace(c)) break;
        w.append(c);
        i++;
      }
      if (quote != 0) throw new InvalidSpecException("keepalived.conf " + where, "missing terminating " + quote);
      out.add(w.toString());
    }
    return out;
  }
}
