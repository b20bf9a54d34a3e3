package io.kvmsdk.core.host;

import io.kvmsdk.core.InvalidSpecException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a {@link Plan} as a POSIX sh script; see {@link Plan#toScript()}. */
final class PlanScript {
  private static final String INDENT = "  ";

  /** A secret the script reads from the environment. */
  private static final class SecretVar {
    final String name;
    final String value;
    final int firstStep;
    final boolean base64;

    SecretVar(String name, String value, int firstStep, boolean base64) {
      this.name = name;
      this.value = value;
      this.firstStep = firstStep;
      this.base64 = base64;
    }
  }

  private final Map<String, SecretVar> byName = new LinkedHashMap<>();
  private final Map<String, SecretVar> unnamedByValue = new LinkedHashMap<>();
  private int step;

  private PlanScript() {}

  static String render(List<Step> steps) {
    return new PlanScript().doRender(steps);
  }

  /**
   * True when the script can undo the step: it has an undo, and either a check command tells the
   * script whether it was done before the run, or nothing judges that at all (its change always
   * runs, in Java too). A step judged only by a {@link Probe} (Java reads its output) runs its
   * idempotent change in the script, which cannot tell whether the change was already in place, so
   * undoing it could remove what the host had before the run (an address, an uplink's port).
   */
  private static boolean undoable(Step s) {
    return !s.undo().isEmpty() && (s.check().isPresent() || s.probe().isEmpty());
  }

  /** A step whose undo the script must not run: on a failure it names the step and its undo instead. */
  private static boolean kept(Step s) {
    return !s.undo().isEmpty() && !undoable(s);
  }

  private String doRender(List<Step> steps) {
    boolean anyUndo = steps.stream().anyMatch(PlanScript::undoable);
    boolean anyKept = steps.stream().anyMatch(PlanScript::kept);
    StringBuilder body = new StringBuilder();
    StringBuilder undoFns = new StringBuilder();
    int n = steps.size();
    for (int i = 0; i < n; i++) {
      Step s = steps.get(i);
      step = i + 1;
      body.append('\n').append("# Step ").append(step).append('/').append(n).append(": ").append(comment(s.description())).append('\n');
      String ind = "";
      if (s.check().isPresent()) {
        body.append("if ").append(line(s.check().get())).append(" >/dev/null 2>&1; then :; else\n");
        ind = INDENT;
      }
      List<HostCommand> change = s.change();
      for (int c = 0; c < change.size(); c++) {
        body.append(ind).append(line(change.get(c))).append('\n');
        if (c == 0 && undoable(s)) {
          body.append(ind).append("kvmsdk_applied=\"").append(step).append(" $kvmsdk_applied\"\n");
        } else if (c == 0 && kept(s)) {
          body.append(ind).append("kvmsdk_kept=\"").append(step).append(" $kvmsdk_kept\"\n");
        }
      }
      if (s.check().isPresent()) body.append("fi\n");
      if (undoable(s)) {
        undoFns.append("kvmsdk_undo_").append(step).append("() {\n");
        for (HostCommand u : s.undo()) undoFns.append(INDENT).append(line(u)).append(" || return 1\n");
        undoFns.append("}\n");
      } else if (kept(s)) {
        undoFns.append("kvmsdk_kept_").append(step).append("() {\n");
        undoFns.append(INDENT).append("echo ").append(ShellQuote.quote("kvm-sdk: step " + step + " is left as it is: this script cannot tell whether "
            + "it was already done before the run (the Java plan judges it by reading the host); if it was not, undo it with:")).append(" >&2\n");
        for (HostCommand u : s.undo()) undoFns.append(INDENT).append("echo ").append(ShellQuote.quote("  " + line(u))).append(" >&2\n");
        undoFns.append("}\n");
      }
    }

    StringBuilder out = new StringBuilder();
    out.append("#!/bin/sh\n");
    out.append("# Plan rendered by kvm-sdk: ").append(n).append(n == 1 ? " step" : " steps").append(".\n");
    out.append("# A step whose check succeeds is already done and is skipped; the first failure stops the script");
    out.append(anyUndo ? "\n# and undoes the steps it applied, newest first.\n" : ".\n");
    if (anyKept) {
      out.append("# A step judged by reading the host (no check command here) runs its change, which is harmless when\n")
          .append("# already done; a failure does not undo it (it may have been there before) but prints its undo.\n");
    }
    List<SecretVar> vars = new ArrayList<>(byName.values());
    vars.addAll(unnamedByValue.values());
    vars.sort((a, b) -> Integer.compare(a.firstStep, b.firstStep));
    if (!vars.isEmpty()) {
      out.append("# Secrets are not written in this script; set these environment variables before running it:\n");
      for (SecretVar v : vars) {
        out.append("#   ").append(v.name).append(" (first used by step ").append(v.firstStep).append(")")
            .append(v.base64 ? ", base64-encoded" : "").append('\n');
      }
    }
    out.append("set -eu\n");
    for (SecretVar v : vars) {
      out.append(": \"${").append(v.name).append("?set ").append(v.name).append(" to the secret used by step ")
          .append(v.firstStep).append("}\"\n");
    }
    if (anyUndo || anyKept) {
      out.append("kvmsdk_applied=''\n");
      if (anyKept) out.append("kvmsdk_kept=''\n");
      out.append(undoFns);
      out.append("kvmsdk_rollback() {\n")
          .append("  kvmsdk_status=$?\n")
          .append("  trap - EXIT\n")
          .append("  if [ \"$kvmsdk_status\" -ne 0 ]; then\n")
          .append("    set +e\n");
      if (anyKept) {
        out.append("    for kvmsdk_step in $kvmsdk_kept; do\n")
            .append("      \"kvmsdk_kept_$kvmsdk_step\"\n")
            .append("    done\n");
      }
      out.append("    for kvmsdk_step in $kvmsdk_applied; do\n")
          .append("      echo \"kvm-sdk: rolling back step $kvmsdk_step\" >&2\n")
          .append("      \"kvmsdk_undo_$kvmsdk_step\" || echo \"kvm-sdk: step $kvmsdk_step could not be rolled back\" >&2\n")
          .append("    done\n")
          .append("  fi\n")
          .append("  exit \"$kvmsdk_status\"\n")
          .append("}\n")
          .append("trap kvmsdk_rollback EXIT\n");
    }
    out.append(body);
    return out.toString();
  }

  /** One comment line: control characters (a newline would end the comment) become spaces. */
  static String comment(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (Character.getType(cp) == Character.CONTROL || cp == 0x2028 || cp == 0x2029) sb.append(' ');
      else sb.appendCodePoint(cp);
    });
    return sb.toString();
  }

  /** The shell line for a command: its command line (secrets from the environment), fed its stdin if any. */
  private String line(HostCommand c) {
    StringBuilder sb = new StringBuilder();
    for (Arg a : c.commandLine()) {
      if (sb.length() > 0) sb.append(' ');
      sb.append(word(a));
    }
    if (c.stdin().isEmpty()) return sb.toString();
    byte[] in = c.stdin().get();
    String text = utf8(in);
    boolean base64 = text == null || text.indexOf('\0') >= 0;
    String feed;
    if (c.stdinSecret()) {
      String var = secretVar(null, base64 ? Base64.getEncoder().encodeToString(in) : text, base64);
      feed = "printf '%s' \"${" + var + "}\"";
    } else {
      feed = "printf '%s' " + ShellQuote.quote(base64 ? Base64.getEncoder().encodeToString(in) : text);
    }
    return feed + (base64 ? " | base64 -d" : "") + " | " + sb;
  }

  private String word(Arg a) {
    if (!a.isSecret()) return ShellQuote.quote(a.value());
    if (a.isComposite()) return "\"${" + secretVar(null, a.value(), false) + "}\"";
    String ref = "\"${" + secretVar(a.secretName().orElse(null), a.secretPart(), false) + "}\"";
    return a.prefix().isEmpty() ? ref : ShellQuote.quote(a.prefix()) + ref;
  }

  private String secretVar(String name, String value, boolean base64) {
    if (name != null) {
      SecretVar v = byName.get(name);
      if (v == null) {
        byName.put(name, new SecretVar(name, value, step, base64));
      } else if (!v.value.equals(value)) {
        throw new InvalidSpecException("secret " + name, "the same secret name is used for two different values (steps "
            + v.firstStep + " and " + step + ")");
      }
      return name;
    }
    SecretVar v = unnamedByValue.get(value);
    if (v == null) {
      String var = "KVMSDK_SECRET_" + (unnamedByValue.size() + 1);
      while (byName.containsKey(var)) var = var + "_";
      v = new SecretVar(var, value, step, base64);
      unnamedByValue.put(value, v);
    }
    return v.name;
  }

  private static String utf8(byte[] b) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
