package io.kvmsdk.ha.internal;

import io.kvmsdk.core.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DRBD's configuration format (drbd-utils 9): statements {@code keyword value...;} and sections
 * {@code keyword [name] { ... }}, {@code #} comments, strings in double quotes. The writer quotes a
 * value unless it is a plain word and refuses what the format cannot carry (quotes, backslashes,
 * control characters); the reader splits a file into the same statements and sections.
 */
public final class DrbdText {
  private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_./:@+-]+");
  public static final int MAX_CHARS = 1 << 20;
  private static final int MAX_DEPTH = 16;

  private DrbdText() {}

  /** {@code s} as one value: bare when it is a plain word, else in double quotes. */
  public static String word(String s, String field) {
    if (BARE.matcher(s).matches() && !s.startsWith("#")) return s;
    return quoted(s, field);
  }

  /**
   * {@code keyword} as an error message may show it: a keyword-shaped word as it is, anything else
   * (a value that slid into the keyword's place, perhaps a secret) as {@code a statement}.
   */
  public static String shownKeyword(String keyword) {
    return keyword.matches("[a-z][a-z0-9-]{0,39}") ? "'" + keyword + "'" : "a statement";
  }

  /** {@code s} in double quotes. */
  public static String quoted(String s, String field) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
        throw new InvalidSpecException(field, "a DRBD value cannot contain quotes, '\\' or control characters");
      }
    }
    return '"' + s + '"';
  }

  /** Builds a file: two-space indents. */
  public static final class Writer {
    private final StringBuilder sb = new StringBuilder(512);
    private int depth;

    public Writer open(String keyword, String... words) {
      indent().append(keyword);
      for (String w : words) sb.append(' ').append(w);
      sb.append(" {\n");
      depth++;
      return this;
    }

    public Writer close() {
      depth--;
      indent().append("}\n");
      return this;
    }

    public Writer stmt(String keyword, String... words) {
      indent().append(keyword);
      for (String w : words) sb.append(' ').append(w);
      sb.append(";\n");
      return this;
    }

    private StringBuilder indent() {
      for (int i = 0; i < depth; i++) sb.append("  ");
      return sb;
    }

    @Override public String toString() { return sb.toString(); }
  }

  /** A statement or a section of a file. */
  public static final class Node {
    public final int line;
    public final List<String> words;
    public final List<Node> block; // null for a plain statement

    Node(int line, List<String> words, List<Node> block) {
      this.line = line;
      this.words = words;
      this.block = block;
    }

    public String keyword() { return words.get(0); }

    public List<String> args() { return words.subList(1, words.size()); }

    public boolean isSection() { return block != null; }

    @Override public String toString() { return "line " + line + ": " + String.join(" ", words) + (block == null ? ";" : " {...}"); }
  }

  /** Parses {@code text} into its top-level statements and sections. */
  public static List<Node> parse(String text) {
    if (text.length() > MAX_CHARS) throw new InvalidSpecException("drbd.res", "is larger than " + MAX_CHARS + " characters");
    Parser p = new Parser(text);
    List<Node> top = p.nodes(0);
    if (p.pos < text.length()) throw p.error("unexpected '}'");
    return top;
  }

  private static final class Parser {
    final String s;
    int pos;
    int line = 1;

    Parser(String s) { this.s = s; }

    InvalidSpecException error(String rule) { return new InvalidSpecException("drbd.res line " + line, rule); }

    /** Reads nodes until '}' (left unread) or the end. */
    List<Node> nodes(int depth) {
      if (depth > MAX_DEPTH) throw error("sections nested deeper than " + MAX_DEPTH);
      List<Node> out = new ArrayList<>();
      List<String> words = new ArrayList<>();
      int start = line;
      while (true) {
        skipBlanks();
        if (pos >= s.length()) {
          if (!words.isEmpty()) throw error(shownKeyword(words.get(0)) + " is missing its ';'");
          return out;
        }
        char c = s.charAt(pos);
        if (c == '}') {
          if (!words.isEmpty()) throw error(shownKeyword(words.get(0)) + " is missing its ';'");
          return out;
        }
        if (words.isEmpty()) start = line;
        if (c == ';') {
          pos++;
          if (words.isEmpty()) throw error("an empty statement");
          out.add(new Node(start, List.copyOf(words), null));
          words.clear();
        } else if (c == '{') {
          pos++;
          if (words.isEmpty()) throw error("a section needs a keyword");
          List<Node> block = nodes(depth + 1);
          if (pos >= s.length()) throw new InvalidSpecException("drbd.res line " + start, "section " + shownKeyword(words.get(0)) + " is missing its '}'");
          pos++; // '}'
          out.add(new Node(start, List.copyOf(words), block));
          words.clear();
        } else if (c == '"') {
          words.add(string());
        } else {
          int b = pos;
          while (pos < s.length() && !Character.isWhitespace(s.charAt(pos)) && ";{}\"#".indexOf(s.charAt(pos)) < 0) pos++;
          words.add(s.substring(b, pos));
        }
      }
    }

    void skipBlanks() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == '\n') {
          line++;
          pos++;
        } else if (Character.isWhitespace(c)) {
          pos++;
        } else if (c == '#') {
          while (pos < s.length() && s.charAt(pos) != '\n') pos++;
        } else {
          return;
        }
      }
    }

    String string() {
      StringBuilder w = new StringBuilder();
      pos++;
      while (true) {
        if (pos >= s.length() || s.charAt(pos) == '\n') throw error("unterminated string");
        char c = s.charAt(pos++);
        if (c == '"') return w.toString();
        if (c == '\\') {
          if (pos >= s.length()) throw error("unterminated string");
          w.append(s.charAt(pos++));
        } else {
          w.append(c);
        }
      }
    }
  }
}
