package io.kvmsdk.ha.internal;

import io.kvmsdk.core.InvalidSpecException;
import java.util.regex.Pattern;

/**
 * corosync.conf as text. corosync 3's parser ({@code exec/coroparse.c}) reads a line at a time: a
 * line with {@code {} opens a section, otherwise the text after the first {@code :} is the value,
 * blanks trimmed, with no quoting or escaping at all; {@code #} starts a comment only at the start
 * of a line; lines are read into 512 bytes. So the writer cannot quote: it refuses every value
 * corosync would read differently (braces, line breaks, leading or trailing blanks, a leading
 * {@code #}, overlong lines).
 */
public final class CorosyncText {
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");
  private static final int MAX_LINE = 500;

  private CorosyncText() {}

  /** Builds a file: four-space indents as pcs writes, a blank line between sections. */
  public static final class Writer {
    private final StringBuilder sb = new StringBuilder(1024);
    private int depth;
    private boolean sectionClosed;
    private boolean pairWritten;

    public Writer open(String section) {
      if (!KEY.matcher(section).matches()) throw new IllegalArgumentException("bad section name " + section);
      if (sectionClosed || pairWritten) sb.append('\n');
      sectionClosed = false;
      pairWritten = false;
      indent().append(section).append(" {\n");
      depth++;
      return this;
    }

    public Writer close() {
      depth--;
      indent().append("}\n");
      sectionClosed = true;
      pairWritten = false;
      return this;
    }

    /** {@code key: value}, the value checked against corosync's reading rules. */
    public Writer pair(String key, String value, String field) {
      if (!KEY.matcher(key).matches()) throw new InvalidSpecException(field, "a corosync key is lower-case letters, digits and '_', got '" + key + "'");
      check(value, field);
      if (sectionClosed) sb.append('\n');
      sectionClosed = false;
      pairWritten = true;
      int before = sb.length();
      indent().append(key).append(": ").append(value).append('\n');
      // corosync reads a line into 512 bytes: UTF-8 bytes count, not characters
      if (sb.substring(before).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LINE) {
        sb.setLength(before);
        throw new InvalidSpecException(field, "corosync reads lines of at most " + MAX_LINE + " bytes (UTF-8)");
      }
      return this;
    }

    public Writer pair(String key, long value) { return pair(key, String.valueOf(value), key); }

    private StringBuilder indent() {
      for (int i = 0; i < depth; i++) sb.append("    ");
      return sb;
    }

    @Override public String toString() { return sb.toString(); }
  }

  /** Refuses a value corosync would not read back as written. */
  public static void check(String value, String field) {
    if (value.isEmpty()) throw new InvalidSpecException(field, "corosync reads an empty value as no value");
    if (!value.equals(value.strip())) throw new InvalidSpecException(field, "corosync trims leading and trailing blanks: '" + value + "'");
    if (value.startsWith("#")) throw new InvalidSpecException(field, "a value starting with '#' reads as a comment");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '{' || c == '}' || c < 0x20 || c == 0x7f) {
        throw new InvalidSpecException(field, "corosync.conf has no quoting: a value cannot contain braces or control characters");
      }
    }
  }
}
