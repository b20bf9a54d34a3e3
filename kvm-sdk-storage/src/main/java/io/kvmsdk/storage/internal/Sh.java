package io.kvmsdk.storage.internal;

import io.kvmsdk.core.host.HostCommand;
import java.util.List;

/**
 * The stages of check commands that need a pipeline ({@link HostCommand#pipeline}: {@code sh -c
 * 'A | B | ...'}, each word quoted): sed and grep filters, and the BRE/ERE literals they match. The
 * specs only put validated names and paths into them, so the script is plain POSIX sh, readable in a
 * dry run, and the testkit's fake {@code sh} reads it too.
 */
public final class Sh {
  private Sh() {}

  /** {@code text} as a BRE that matches it literally (for {@code sed} addresses delimited by '/'). */
  public static String bre(String text) {
    StringBuilder sb = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (".[]*^$\\/".indexOf(c) >= 0) sb.append('\\');
      sb.append(c);
    }
    return sb.toString();
  }

  /** {@code sed -n '/^HEADER$/,/^NEXT/p'} : the lines from the one equal to {@code header} to the next one starting with {@code nextPrefix}. */
  public static List<String> section(String headerRegex, String nextPrefixRegex) {
    return List.of("sed", "-n", "/" + headerRegex + "/,/" + nextPrefixRegex + "/p");
  }

  /** {@code sed -n '/^LINE$/q1'}: exits 1 when a line equals {@code line}, 0 otherwise (an empty input included). */
  public static List<String> absent(String line) {
    return List.of("sed", "-n", "/^" + bre(line) + "$/q1");
  }

  /**
   * {@code text} as an ERE that matches it literally, for {@code grep -E} and for {@code sed -E}
   * addresses; {@code text} must not contain '/' (sed's delimiter; grep 3.8 warns about "\/").
   */
  public static String ere(String text) {
    if (text.indexOf('/') >= 0) throw new IllegalArgumentException("no '/' in an ERE literal: " + text);
    StringBuilder sb = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (".[]()*+?{}|^$\\".indexOf(c) >= 0) sb.append('\\');
      sb.append(c);
    }
    return sb.toString();
  }

  /** {@code sed -E -n '/RE/q1'}: exits 1 when a line matches the ERE {@code re}, 0 otherwise (an empty input included). */
  public static List<String> noLineMatching(String re) {
    return List.of("sed", "-E", "-n", "/" + re + "/q1");
  }

  /** {@code grep -qE RE}: exits 0 when a line matches the ERE {@code re}. */
  public static List<String> hasMatch(String re) {
    return List.of("grep", "-qE", re);
  }

  /** {@code grep -qxF LINE}: exits 0 when a line equals {@code line}. */
  public static List<String> hasLine(String line) {
    return List.of("grep", "-qxF", line);
  }
}
