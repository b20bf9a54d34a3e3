package io.kvmsdk.testkit;

import io.kvmsdk.testkit.host.FakeToolExit;
import java.util.List;

/** Argument helpers the built-in fake tools share (iproute2's keyword matching and messages). */
final class FakeHostArgs {
  private FakeHostArgs() {}

  /** True when {@code word} is one of {@code names}. */
  static boolean is(String word, String... names) {
    for (String n : names) if (n.equals(word)) return true;
    return false;
  }

  /** The argument at {@code i}, or iproute2's "not complete" failure. */
  static String need(List<String> a, int i) {
    if (i >= a.size()) throw new FakeToolExit(255, "Command line is not complete. Try option \"help\"");
    return a.get(i);
  }

  /** {@code v} as an int, or iproute2's "Invalid value" failure naming {@code what}. */
  static int intArg(String v, String what) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new FakeToolExit(255, "Error: argument \"" + v + "\" is wrong: Invalid \"" + what + "\" value");
    }
  }

  /** {@code v} as a JSON string. */
  static String q(String v) {
    return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t").replace("\n", "\\n") + "\"";
  }
}
