package io.kvmsdk.core.host;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place that quotes for the POSIX shell. A word made only of characters no shell treats
 * specially stays as is; every other word is wrapped in single quotes, a single quote inside
 * becoming {@code '\''}. Used for rendered scripts and for the command string ssh hands to the
 * remote shell; never needed for local commands, which run as argv lists.
 */
public final class ShellQuote {
  private ShellQuote() {}

  /** Characters that never need quoting (no {@code ~}, which expands at the start of a word). */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+:,./=-]+");
  /** {@code NAME=...} in command position is a variable assignment, not a command: always quoted. */
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);
  /** Words the shell reads as syntax when they stand in command position. */
  private static final Set<String> RESERVED = Set.of("!", "{", "}", "[[", "]]", "case", "do", "done",
      "elif", "else", "esac", "fi", "for", "function", "if", "in", "select", "then", "time",
      "until", "while", "coproc");

  /**
   * Quotes one word so that {@code sh} reads it back as exactly {@code word}.
   *
   * @throws IllegalArgumentException if the word contains NUL, which no shell word or argv element can hold
   */
  public static String quote(String word) {
    if (word.indexOf('\0') >= 0) throw new IllegalArgumentException("a shell word cannot contain NUL");
    if (!word.isEmpty() && SAFE.matcher(word).matches() && !RESERVED.contains(word)
        && !ASSIGNMENT.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** Quotes every word and joins them with single spaces: a command line {@code sh} splits back into {@code words}. */
  public static String join(List<String> words) {
    return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
  }
}
