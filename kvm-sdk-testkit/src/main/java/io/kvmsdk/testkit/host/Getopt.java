package io.kvmsdk.testkit.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The command-line parsing of glibc's {@code getopt_long}, with its error messages word for word,
 * for fakes of the many tools built on it (tgtadm, iscsiadm, drbdadm, keepalived, ...). Options
 * are permuted as GNU does (operands may come between options) unless the short-option string
 * starts with {@code +}; {@code --} ends the options; long options may be abbreviated to a unique
 * prefix. Proven against util-linux {@code getopt}, which reports through the same glibc code.
 *
 * <pre>{@code
 * Getopt.Parsed p = Getopt.of("tgtadm", "L:o:m:t:", "lld:", "op:", "mode:", "tid:").parse(args);
 * if (!p.ok()) throw ctx.fail(22, p.errors().get(0) + "\nTry `tgtadm --help' for more information.");
 * String op = p.value("op").orElseThrow();
 * }</pre>
 */
public final class Getopt {
  /** Whether an option takes an argument. */
  private enum Arg { NONE, REQUIRED, OPTIONAL }

  private final String program;
  private final boolean stopAtOperand;
  private final Map<Character, Arg> shortOptions = new LinkedHashMap<>();
  private final Map<String, Arg> longOptions = new LinkedHashMap<>();

  private Getopt(String program, String shortSpec, String... longSpecs) {
    this.program = Objects.requireNonNull(program, "program");
    String s = shortSpec;
    stopAtOperand = s.startsWith("+");
    if (stopAtOperand) s = s.substring(1);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ':' || c == '-') throw new IllegalArgumentException("bad short-option string '" + shortSpec + "'");
      Arg a = Arg.NONE;
      if (i + 1 < s.length() && s.charAt(i + 1) == ':') {
        a = Arg.REQUIRED;
        i++;
        if (i + 1 < s.length() && s.charAt(i + 1) == ':') { a = Arg.OPTIONAL; i++; }
      }
      shortOptions.put(c, a);
    }
    for (String l : longSpecs) {
      String name = l.replaceAll(":+$", "");
      int colons = l.length() - name.length();
      if (name.isEmpty() || colons > 2) throw new IllegalArgumentException("bad long option '" + l + "'");
      longOptions.put(name, colons == 0 ? Arg.NONE : colons == 1 ? Arg.REQUIRED : Arg.OPTIONAL);
    }
  }

  /**
   * A parser for {@code program} (the name errors start with). {@code shortOptions} is getopt's
   * string ({@code "ab:c::"}: {@code a} takes no argument, {@code b} one, {@code c} an optional one
   * given in the same word; a leading {@code +} stops at the first operand); each long option is a
   * name with the same colons, e.g. {@code "lld:"}.
   */
  public static Getopt of(String program, String shortOptions, String... longOptions) {
    return new Getopt(program, shortOptions, longOptions);
  }

  /** One option found: its name ({@code "b"} for {@code -b}, {@code "mode"} for {@code --mode}) and its argument, if any. */
  public record Option(String name, Optional<String> value) {
    @Override public String toString() { return (name.length() == 1 ? "-" : "--") + name + value.map(v -> " " + v).orElse(""); }
  }

  /** What {@link #parse} found: options in order, operands in order, and glibc's message for each bad option. */
  public record Parsed(List<Option> options, List<String> operands, List<String> errors) {
    /** True when no option was bad. */
    public boolean ok() { return errors.isEmpty(); }

    /** True when option {@code name} was given. */
    public boolean has(String name) { return options.stream().anyMatch(o -> o.name().equals(name)); }

    /** The argument of the last {@code name} option (real tools let a later one win). */
    public Optional<String> value(String name) {
      Optional<String> v = Optional.empty();
      for (Option o : options) if (o.name().equals(name)) v = o.value();
      return v;
    }

    /** The arguments of every {@code name} option, in order. */
    public List<String> values(String name) {
      List<String> out = new ArrayList<>();
      for (Option o : options) if (o.name().equals(name)) o.value().ifPresent(out::add);
      return List.copyOf(out);
    }
  }

  /** Parses {@code args} (without the program name). */
  public Parsed parse(List<String> args) {
    List<Option> opts = new ArrayList<>();
    List<String> operands = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    int i = 0;
    while (i < args.size()) {
      String a = args.get(i++);
      if (a.equals("--")) { operands.addAll(args.subList(i, args.size())); break; }
      if (!a.startsWith("-") || a.equals("-")) {
        operands.add(a);
        if (stopAtOperand) { operands.addAll(args.subList(i, args.size())); break; }
        continue;
      }
      if (a.startsWith("--")) {
        i = longOption(a, args, i, opts, errors);
        continue;
      }
      for (int k = 1; k < a.length(); k++) {
        char c = a.charAt(k);
        Arg kind = shortOptions.get(c);
        if (kind == null) { errors.add(program + ": invalid option -- '" + c + "'"); continue; }
        String rest = a.substring(k + 1);
        if (kind == Arg.NONE) { opts.add(new Option(String.valueOf(c), Optional.empty())); continue; }
        if (!rest.isEmpty()) { opts.add(new Option(String.valueOf(c), Optional.of(rest))); break; }
        if (kind == Arg.OPTIONAL) { opts.add(new Option(String.valueOf(c), Optional.empty())); break; }
        if (i < args.size()) opts.add(new Option(String.valueOf(c), Optional.of(args.get(i++))));
        else errors.add(program + ": option requires an argument -- '" + c + "'");
        break;
      }
    }
    return new Parsed(List.copyOf(opts), List.copyOf(operands), List.copyOf(errors));
  }

  /** Parses {@code args}. */
  public Parsed parse(String... args) { return parse(List.of(args)); }

  private int longOption(String a, List<String> args, int i, List<Option> opts, List<String> errors) {
    String body = a.substring(2);
    int eq = body.indexOf('=');
    String typed = eq < 0 ? body : body.substring(0, eq);
    String name = null;
    if (longOptions.containsKey(typed)) name = typed;
    else {
      List<String> hits = new ArrayList<>();
      for (String n : longOptions.keySet()) if (n.startsWith(typed)) hits.add(n);
      if (hits.size() > 1) {
        StringBuilder sb = new StringBuilder(program + ": option '" + a + "' is ambiguous; possibilities:");
        for (String h : hits) sb.append(" '--").append(h).append('\'');
        errors.add(sb.toString());
        return i;
      }
      if (hits.size() == 1) name = hits.get(0);
    }
    if (name == null) {
      errors.add(program + ": unrecognized option '" + a + "'");
      return i;
    }
    Arg kind = longOptions.get(name);
    if (eq >= 0) {
      if (kind == Arg.NONE) errors.add(program + ": option '--" + name + "' doesn't allow an argument");
      else opts.add(new Option(name, Optional.of(body.substring(eq + 1))));
      return i;
    }
    if (kind == Arg.REQUIRED) {
      if (i < args.size()) opts.add(new Option(name, Optional.of(args.get(i++))));
      else errors.add(program + ": option '--" + name + "' requires an argument");
      return i;
    }
    opts.add(new Option(name, Optional.empty()));
    return i;
  }
}
