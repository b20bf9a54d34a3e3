package io.kvmsdk.core.testing;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.XmlElement;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A seeded fuzzer for the SDK's parsers: mutates seed documents as an attacker or a careless script
 * would (hostile values, elements or lines dropped, duplicated, moved, unknown ones inserted,
 * documents truncated) and checks every outcome against the hardening invariants:
 * <ul>
 *   <li>the parser either refuses with a typed exception ({@link InvalidSpecException}, or the
 *       format's own, see {@link #refusals}) or returns a value whose render parses back to the same
 *       render;</li>
 *   <li>no case takes more than 1 s of CPU, nothing overflows the stack; a document of more than
 *       10 MiB and a 10,000-deep nesting are refused typed;</li>
 *   <li>a secret planted at a secret site (a password, key, CHAP or shared secret) never shows in an
 *       exception message nor in the value's {@code toString()}.</li>
 * </ul>
 * A parser's test is one small class:
 * <pre>{@code
 * @Test void fuzz() {
 *   Fuzz.xml("domain", DomainSpec::fromXml, DomainSpec::toXml).seeds(seeds())
 *       .secretAttributes("passwd").secretText("cookie").run();
 * }
 * }</pre>
 * Case {@code N} is fully determined by its seed {@code N} and the seed documents: a failure names
 * its seed, and {@code -Dkvmsdk.fuzzSeed=N} (with {@code -Dtest=ThatTest}) replays that one case,
 * printing its input. The normal build runs {@link #cases(int) a few thousand} cases per parser;
 * {@code -Dkvmsdk.fuzzCount=N} (the {@code -Pfuzz} profile sets it) runs {@code N}, and
 * {@code -Dkvmsdk.fuzzBase=B} starts at seed {@code B} to explore new cases. Regression tests of
 * fixes keep the failing input itself ({@link #check(String)}) so they do not depend on the corpus.
 *
 * @param <T> what the parser returns
 */
public final class Fuzz<T> {
  /** The largest document a parser must still take; one character more is refused. */
  public static final int MAX_DOCUMENT = 10 * 1024 * 1024;
  /** How deep the nesting is that must be refused without a StackOverflowError. */
  public static final int DEEP = 10_000;
  /** CPU time one case may take. */
  public static final long CASE_CPU_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** What every planted secret starts with: it must never appear in a message or a toString(). */
  public static final String CANARY = "fuzzSecret";

  /** Values an attacker or a careless script puts anywhere. */
  public static final List<String> HOSTILE = List.of(
      "", " ", "0", "-1", "-0", "1.5", "1e309", "NaN", "Infinity", "-Infinity", "0x", "0xzz", "0xffffffffffffffff",
      "2147483648", "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
      "99999999999999999999999999999999", "$(reboot)", "`reboot`", "; reboot", "a;b", "a|b", "&& reboot",
      "a\nb", "\n", "a\rb", "\t", "../../etc/passwd", "/", "x".repeat(5000), "\u202Eevil\u202C", "\u200F",
      "\uD83D\uDE00", "'", "\"", "'\"", "\\", "\\\"", "-", "-rf", "--help", " lead", "trail ", "*", "?", "~",
      "${HOME}", "%s%n", "{", "}", "#", "!", "<", ">", "&", "&amp;", "]]>", "\u00e9t\u00e9", "yes", "no", "on",
      "true", "KiB", "none", "default");

  private final String name;
  private final boolean xml;
  private final Function<String, T> parse;
  private final Function<T, String> render;
  private final List<String> seeds = new ArrayList<>();
  private final List<Class<? extends Throwable>> refusals = new ArrayList<>(List.of(InvalidSpecException.class));
  private final List<String> secretAttributes = new ArrayList<>();
  private final List<String> secretTexts = new ArrayList<>();
  private final List<String> secretKeywords = new ArrayList<>();
  private final List<String> words = new ArrayList<>();
  private Function<T, String> shown = String::valueOf;
  private int cases = 2000;
  private String huge;
  private String deep;
  private volatile boolean verbose;

  private Fuzz(String name, boolean xml, Function<String, T> parse, Function<T, String> render) {
    this.name = Objects.requireNonNull(name, "name");
    this.xml = xml;
    this.parse = Objects.requireNonNull(parse, "parse");
    this.render = render;
  }

  /** A fuzzer for an XML document whose root is {@code root}; {@code render} null when the value has no render. */
  public static <T> Fuzz<T> xml(String root, Function<String, T> parse, Function<T, String> render) {
    return new Fuzz<>(root, true, parse, render);
  }

  /** A fuzzer for a line and brace text format (keepalived.conf, DRBD .res, corosync.conf, crush maps, nft, bird). */
  public static <T> Fuzz<T> text(String name, Function<String, T> parse, Function<T, String> render) {
    return new Fuzz<>(name, false, parse, render);
  }

  /** Documents to mutate: what the parser takes (the corpus, real tools' output, rendered specs). */
  public Fuzz<T> seeds(List<String> docs) {
    seeds.addAll(docs);
    return this;
  }

  /** More exception types that are the format's typed refusal (besides {@link InvalidSpecException}). */
  @SafeVarargs public final Fuzz<T> refusals(Class<? extends Throwable>... types) {
    refusals.addAll(Arrays.asList(types));
    return this;
  }

  /** XML attributes whose values are secret ({@code passwd}): a planted secret must not leak. */
  public Fuzz<T> secretAttributes(String... names) {
    secretAttributes.addAll(Arrays.asList(names));
    return this;
  }

  /** XML elements whose text is secret ({@code cookie}). */
  public Fuzz<T> secretText(String... elements) {
    secretTexts.addAll(Arrays.asList(elements));
    return this;
  }

  /** Text-format keywords whose value is secret ({@code auth_pass}, {@code shared-secret}). */
  public Fuzz<T> secretKeywords(String... keywords) {
    secretKeywords.addAll(Arrays.asList(keywords));
    return this;
  }

  /** Words of the format (keywords, element names, enum values) the mutator also tries in odd places. */
  public Fuzz<T> words(String... vocabulary) {
    words.addAll(Arrays.asList(vocabulary));
    return this;
  }

  /** What people see of a value (default {@code toString()}): checked for planted secrets. */
  public Fuzz<T> shown(Function<T, String> f) {
    shown = Objects.requireNonNull(f);
    return this;
  }

  /** How many cases the normal build runs (default 2,000); {@code -Dkvmsdk.fuzzCount} overrides it. */
  public Fuzz<T> cases(int n) {
    cases = n;
    return this;
  }

  /** The document of more than {@link #MAX_DOCUMENT} characters to try (default: a seed padded with a comment or blanks). */
  public Fuzz<T> huge(String doc) {
    huge = doc;
    return this;
  }

  /** The {@link #DEEP}-deep document to try (default: nested elements, or nested brace blocks). */
  public Fuzz<T> deep(String doc) {
    deep = doc;
    return this;
  }

  /** The files of one kind of libvirt's test corpus ({@code domain}, {@code network}, ...) when ../shared is there, else none. */
  public static List<String> corpus(String kind) {
    java.nio.file.Path dir = Oracles.shared().map(p -> p.resolve("corpus/libvirt-9.0.0/" + kind)).orElse(null);
    if (dir == null || !java.nio.file.Files.isDirectory(dir)) return List.of();
    try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(dir)) {
      List<String> out = new ArrayList<>();
      for (java.nio.file.Path p : s.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) out.add(java.nio.file.Files.readString(p));
      return out;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ running

  /** What a run saw. */
  public static final class Report {
    public int cases;
    public int parsed;
    public int refused;
    public int secretsPlanted;
    public final List<String> failures = new ArrayList<>();
    public long millis;
    /** CPU time the cases took on the worker thread (mutation excluded). */
    public long cpuNanos;
    /** CPU time the main thread took (mutating, loading seeds). */
    public long mainCpuNanos;

    @Override public String toString() {
      return cases + " cases: " + parsed + " parsed and stable, " + refused + " refused typed, " + secretsPlanted
          + " with a planted secret, "
          + failures.size() + " failures, " + millis + " ms (CPU: " + cpuNanos / 1_000_000 + " ms parsing, " + mainCpuNanos / 1_000_000 + " ms mutating)";
    }
  }

  /**
   * Runs the cases (or the one {@code -Dkvmsdk.fuzzSeed} names) and the size and depth limits;
   * fails listing every broken invariant with its replay seed.
   */
  public Report run() {
    if (seeds.isEmpty()) throw new IllegalStateException("fuzz " + name + ": no seed documents");
    String replay = System.getProperty("kvmsdk.fuzzSeed");
    Report rep = new Report();
    long t0 = System.nanoTime();
    long m0 = cpu();
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-" + name);
      t.setDaemon(true);
      return t;
    });
    try {
      if (replay != null && !replay.isBlank()) {
        long seed = Long.parseLong(replay.trim());
        String input = input(seed);
        verbose = true;
        System.out.println("fuzz " + name + " seed " + seed + " input (" + input.length() + " chars):\n" + excerpt(input, 4000));
        Outcome o = runCase(worker, seed, input, rep);
        System.out.println("fuzz " + name + " seed " + seed + ": " + o);
      } else {
        long base = Long.getLong("kvmsdk.fuzzBase", 0L);
        int n = Integer.getInteger("kvmsdk.fuzzCount", 0);
        if (n <= 0) n = cases;
        for (long seed = base; seed < base + n; seed++) runCase(worker, seed, input(seed), rep);
        limits(worker, rep);
      }
    } finally {
      worker.shutdownNow();
    }
    rep.millis = (System.nanoTime() - t0) / 1_000_000;
    rep.mainCpuNanos = cpu() - m0;
    System.out.println("fuzz " + name + ": " + rep);
    if (!rep.failures.isEmpty()) {
      throw new AssertionError("fuzz " + name + ": " + rep.failures.size() + " broken invariants (replay one with -Dkvmsdk.fuzzSeed=N):\n"
          + String.join("\n", rep.failures.subList(0, Math.min(20, rep.failures.size()))));
    }
    return rep;
  }

  /** Checks one input (a regression test keeps the input a seed produced); fails when an invariant breaks. */
  public Outcome check(String input) {
    Report rep = new Report();
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-" + name);
      t.setDaemon(true);
      return t;
    });
    try {
      Outcome o = runCase(worker, -1, input, rep);
      if (!rep.failures.isEmpty()) throw new AssertionError(String.join("\n", rep.failures));
      return o;
    } finally {
      worker.shutdownNow();
    }
  }

  /** The input case {@code seed} feeds the parser. */
  public String input(long seed) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + name.hashCode());
    String doc = seeds.get(r.nextInt(seeds.size()));
    return xml ? new XmlMutator(r, doc).mutate() : new TextMutator(r, doc).mutate();
  }

  /** How one case ended. */
  public static final class Outcome {
    public final String kind; // parsed, refused, failed
    public final String detail;

    Outcome(String kind, String detail) {
      this.kind = kind;
      this.detail = detail;
    }

    @Override public String toString() { return kind + (detail == null ? "" : ": " + detail); }
  }

  private Outcome runCase(ExecutorService worker, long seed, String input, Report rep) {
    rep.cases++;
    if (secretCase(input).planted()) rep.secretsPlanted++;
    long[] used = new long[1];
    Future<Outcome> f = worker.submit(() -> {
      long c0 = cpu();
      try {
        return evaluate(input);
      } finally {
        used[0] = cpu() - c0;
      }
    });
    Outcome o;
    try {
      o = f.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new AssertionError("fuzz " + name + " seed " + seed + ": no answer after 60 s (a loop?); input: " + excerpt(input, 300));
    } catch (ExecutionException e) {
      o = new Outcome("failed", "the harness broke: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    rep.cpuNanos += used[0];
    switch (o.kind) {
      case "parsed": rep.parsed++; break;
      case "refused": rep.refused++; break;
      default:
        rep.failures.add("seed " + seed + ": " + o.detail + "\n    input: " + excerpt(input, 300));
    }
    return o;
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static long cpu() { return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime(); }

  /** Runs on the worker thread: parse, render, re-parse, re-render; the invariants. */
  private Outcome evaluate(String input) {
    long c0 = cpu();
    SecretCase secrets = secretCase(input);
    T v;
    try {
      v = parse.apply(input);
    } catch (Throwable e) {
      return slow(c0, refusal(e, "parse", secrets));
    }
    if (v == null) return new Outcome("failed", "parse returned null");
    String leak = leak(secrets, () -> shown.apply(v), "toString()");
    if (leak != null) return new Outcome("failed", leak);
    if (render == null) {
      try {
        T again = parse.apply(input);
        if (!again.equals(v)) return new Outcome("failed", "parsing the same input twice gives different values");
      } catch (Throwable e) {
        return new Outcome("failed", "parsing the same input again threw " + e);
      }
      return slow(c0, new Outcome("parsed", null));
    }
    String r1;
    String r2;
    try {
      r1 = render.apply(v);
    } catch (Throwable e) {
      return slow(c0, new Outcome("failed", "a parsed value does not render: " + describe(e)));
    }
    T back;
    try {
      back = parse.apply(r1);
    } catch (Throwable e) {
      return slow(c0, new Outcome("failed", "its render does not parse back: " + describe(e) + "\n    render: " + excerpt(r1, 300)));
    }
    try {
      r2 = render.apply(back);
    } catch (Throwable e) {
      return slow(c0, new Outcome("failed", "the re-parsed value does not render: " + describe(e)));
    }
    if (verbose) System.out.println("render:\n" + r1 + (r1.equals(r2) ? "(stable)" : "render of the render:\n" + r2));
    if (!r1.equals(r2)) return slow(c0, new Outcome("failed", "the render is not stable: " + firstDifference(r1, r2)));
    return slow(c0, new Outcome("parsed", null));
  }

  private Outcome refusal(Throwable e, String what, SecretCase secrets) {
    if (e instanceof StackOverflowError) return new Outcome("failed", what + " overflowed the stack");
    if (e instanceof OutOfMemoryError) return new Outcome("failed", what + " ran out of memory");
    boolean typed = refusals.stream().anyMatch(t -> t.isInstance(e));
    if (!typed) return new Outcome("failed", what + " threw an untyped " + describe(e));
    for (Throwable x = e; x != null; x = x.getCause()) {
      if (secrets.shownIn(String.valueOf(x.getMessage())) != null) {
        return new Outcome("failed", "a planted secret shows in the message of " + x.getClass().getSimpleName() + ": "
            + excerpt(x.getMessage(), 200));
      }
    }
    return new Outcome("refused", e.getClass().getSimpleName());
  }

  private static String leak(SecretCase secrets, java.util.function.Supplier<String> shown, String what) {
    if (!secrets.planted()) return null;
    String s;
    try {
      s = shown.get();
    } catch (Throwable e) {
      return what + " threw " + describe(e);
    }
    String found = secrets.shownIn(s);
    return found != null ? "a planted secret shows in " + what + ": " + excerpt(s.substring(Math.max(0, s.indexOf(found) - 80)), 160) : null;
  }

  // ------------------------------------------------------------------ secrets

  private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile(CANARY + "[0-9A-Za-z]*");

  /**
   * The planted secrets of one input. A planted value is a secret only while it sits at a secret
   * site: the value of a {@link #secretAttributes secret attribute}, the text of a
   * {@link #secretText secret element}, the word after a {@link #secretKeywords secret keyword} on
   * its line. A later mutation can move it elsewhere (a character of {@code passwd} dropped, the
   * keyword replaced, the line split): there it is an ordinary value the parser may show.
   */
  public static final class SecretCase {
    private final Set<String> live;
    private final boolean moved;

    SecretCase(Set<String> live, boolean moved) {
      this.live = live;
      this.moved = moved;
    }

    /** Whether the input holds a planted value at a secret site. */
    public boolean planted() { return !live.isEmpty(); }

    /** The planted values found only at secret sites. */
    public Set<String> live() { return live; }

    /**
     * What of a secret {@code shown} shows, or null: any planted prefix when every planted value of
     * the input sits at a secret site; else the start of one that does (the moved ones may show).
     */
    public String shownIn(String shown) {
      if (live.isEmpty() || shown == null) return null;
      if (!moved) return shown.contains(CANARY) ? CANARY : null;
      for (String t : live) {
        String head = t.substring(0, Math.min(t.length(), CANARY.length() + 5));
        if (shown.contains(head)) return head;
      }
      return null;
    }
  }

  /** Where the planted values of {@code input} sit: which are secrets and whether some were moved off a secret site. */
  public SecretCase secretCase(String input) {
    if (!input.contains(CANARY)) return new SecretCase(Set.of(), false);
    List<int[]> sites = new ArrayList<>();
    if (xml) {
      for (String a : secretAttributes) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\w:.-])" + java.util.regex.Pattern.quote(a)
            + "\\s*=\\s*(?:'([^'<]*)'|\"([^\"<]*)\")").matcher(input);
        while (m.find()) sites.add(m.group(1) != null ? new int[] {m.start(1), m.end(1)} : new int[] {m.start(2), m.end(2)});
      }
      for (String t : secretTexts) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<" + java.util.regex.Pattern.quote(t) + "(?:\\s[^>]*)?>([^<]*)").matcher(input);
        while (m.find()) sites.add(new int[] {m.start(1), m.end(1)});
      }
    }
    Set<String> atSite = new java.util.HashSet<>();
    Set<String> elsewhere = new java.util.HashSet<>();
    java.util.regex.Matcher m = TOKEN.matcher(input);
    while (m.find()) {
      boolean site = xml ? within(sites, m.start(), m.end()) : afterSecretKeyword(input, m.start());
      (site ? atSite : elsewhere).add(m.group());
    }
    Set<String> live = new java.util.LinkedHashSet<>(atSite);
    live.removeAll(elsewhere);
    return new SecretCase(Set.copyOf(live), !elsewhere.isEmpty());
  }

  private static boolean within(List<int[]> sites, int from, int to) {
    for (int[] s : sites) if (from >= s[0] && to <= s[1]) return true;
    return false;
  }

  /** Whether the word holding position {@code at} follows a secret keyword on its line. */
  private boolean afterSecretKeyword(String text, int at) {
    int i = at;
    while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) i--;
    while (i > 0 && Character.isWhitespace(text.charAt(i - 1)) && text.charAt(i - 1) != '\n') i--;
    if (i == 0 || text.charAt(i - 1) == '\n') return false;
    int end = i;
    while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) i--;
    String word = text.substring(i, end).replaceAll("^[\"{};]+|[\"{};]+$", "");
    return secretKeywords.contains(word);
  }

  private static Outcome slow(long c0, Outcome o) {
    long used = cpu() - c0;
    if (used > CASE_CPU_NANOS && !o.kind.equals("failed")) return new Outcome("failed", "took " + used / 1_000_000 + " ms of CPU (" + o + ")");
    return o;
  }

  private static String describe(Throwable e) {
    StackTraceElement[] st = e.getStackTrace();
    String at = "";
    for (StackTraceElement s : st) {
      if (s.getClassName().startsWith("io.kvmsdk.")) {
        at = " at " + s.getClassName().substring(s.getClassName().lastIndexOf('.') + 1) + "." + s.getMethodName() + ":" + s.getLineNumber();
        break;
      }
    }
    return e.getClass().getName() + at + ": " + excerpt(String.valueOf(e.getMessage()), 200);
  }

  /** The size and depth limits: refused typed, quickly, without a StackOverflowError. */
  private void limits(ExecutorService worker, Report rep) {
    String seed = seeds.get(0);
    String big = huge != null ? huge : padded(seed, MAX_DOCUMENT + 1);
    String nest = deep != null ? deep : nested(seed);
    for (String[] c : List.of(new String[] {"a " + big.length() + "-character document", big}, new String[] {"a " + DEEP + "-deep nesting", nest})) {
      Outcome o = runCase(worker, -1, c[1], rep);
      if (!o.kind.equals("refused")) rep.failures.add(c[0] + " is not refused typed: " + o);
    }
  }

  private String padded(String doc, int size) {
    if (xml) {
      int end = doc.lastIndexOf("</");
      if (end < 0) end = doc.length();
      StringBuilder sb = new StringBuilder(size + 64).append(doc, 0, end).append("<!--");
      while (sb.length() < size - (doc.length() - end) - 3) sb.append("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
      return sb.append("-->").append(doc, end, doc.length()).toString();
    }
    StringBuilder sb = new StringBuilder(size + 64).append(doc).append("\n#");
    while (sb.length() < size) sb.append("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    return sb.append('\n').toString();
  }

  private String nested(String doc) {
    if (xml) {
      String root = XmlElement.parse(doc).name();
      return "<" + root + ">" + "<a>".repeat(DEEP) + "</a>".repeat(DEEP) + "</" + root + ">";
    }
    return "a {\n".repeat(DEEP) + "}\n".repeat(DEEP);
  }

  static String firstDifference(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) i++;
    int from = Math.max(0, a.lastIndexOf('\n', Math.max(0, i - 1)) + 1);
    return "at character " + i + ": '" + excerpt(a.substring(from, Math.min(a.length(), i + 60)), 160) + "' then '"
        + excerpt(b.substring(from, Math.min(b.length(), i + 60)), 160) + "'";
  }

  /** {@code s} cut to {@code max} characters with control characters escaped, for a message. */
  public static String excerpt(String s, int max) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && sb.length() < max; i++) {
      char c = s.charAt(i);
      if (c == '\n') sb.append("\\n");
      else if (c == '\r') sb.append("\\r");
      else if (c == '\t') sb.append("\\t");
      else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
      else sb.append(c);
    }
    if (sb.length() >= max) sb.append("...(").append(s.length()).append(" chars)");
    return sb.toString();
  }

  // ------------------------------------------------------------------ mutators

  private String hostile(SplittableRandom r) {
    switch (r.nextInt(8)) {
      case 0: return String.valueOf(r.nextLong());
      case 1: return String.valueOf(r.nextInt(70000) - 1000);
      case 2: return words.isEmpty() ? HOSTILE.get(r.nextInt(HOSTILE.size())) : words.get(r.nextInt(words.size()));
      default: return HOSTILE.get(r.nextInt(HOSTILE.size()));
    }
  }

  private String secret(SplittableRandom r) {
    String s = CANARY + Integer.toHexString(r.nextInt(1 << 20));
    switch (r.nextInt(6)) {
      case 0: return s + HOSTILE.get(r.nextInt(HOSTILE.size()));
      case 1: return s + "x".repeat(100);
      default: return s;
    }
  }

  /** A mutable copy of an element tree, changed in place and turned back into XML. */
  private static final class Node {
    String name;
    final List<String[]> attrs = new ArrayList<>();
    final List<Node> kids = new ArrayList<>();
    String text;
    Node parent;

    static Node of(XmlElement e, Node parent) {
      Node n = new Node();
      n.name = e.name();
      n.parent = parent;
      for (int i = 0; i < e.attrCount(); i++) n.attrs.add(new String[] {e.attrName(i), e.attrValue(i)});
      for (XmlElement c : e.children()) n.kids.add(of(c, n));
      n.text = e.text();
      return n;
    }

    XmlElement build() {
      XmlElement.Builder b = XmlElement.builder(name);
      for (String[] a : attrs) b.attr(a[0], a[1]);
      for (Node k : kids) b.child(k.build());
      return b.text(text).build();
    }

    Node copy(Node p) {
      Node n = new Node();
      n.name = name;
      n.parent = p;
      for (String[] a : attrs) n.attrs.add(a.clone());
      for (Node k : kids) n.kids.add(k.copy(n));
      n.text = text;
      return n;
    }

    void all(List<Node> out) {
      out.add(this);
      for (Node k : kids) k.all(out);
    }
  }

  private final Map<String, XmlElement> parsedSeeds = new java.util.HashMap<>();

  private final class XmlMutator {
    final SplittableRandom r;
    final String doc;

    XmlMutator(SplittableRandom r, String doc) {
      this.r = r;
      this.doc = doc;
    }

    String mutate() {
      XmlElement seed;
      synchronized (parsedSeeds) { seed = parsedSeeds.computeIfAbsent(doc, XmlElement::parse); }
      Node root = Node.of(seed, null);
      int n = 1 + r.nextInt(4);
      for (int i = 0; i < n; i++) tree(root);
      String out = root.build().toXml();
      if (r.nextInt(8) == 0) out = raw(out);
      return out;
    }

    Node pick(Node root) {
      List<Node> all = new ArrayList<>();
      root.all(all);
      return all.get(r.nextInt(all.size()));
    }

    void tree(Node root) {
      Node e = pick(root);
      switch (r.nextInt(15)) {
        case 0: case 1: case 2: // a hostile attribute value
          if (!e.attrs.isEmpty()) e.attrs.get(r.nextInt(e.attrs.size()))[1] = hostile(r);
          else e.attrs.add(new String[] {someAttrName(root), hostile(r)});
          break;
        case 3: // an attribute dropped
          if (!e.attrs.isEmpty()) e.attrs.remove(r.nextInt(e.attrs.size()));
          break;
        case 4: // an attribute of another element, here
          e.attrs.add(new String[] {someAttrName(root), hostile(r)});
          break;
        case 5: // an element dropped
          if (e.parent != null) e.parent.kids.remove(e);
          break;
        case 6: // an element duplicated
          if (e.parent != null) e.parent.kids.add(e.parent.kids.indexOf(e) + 1, e.copy(e.parent));
          break;
        case 7: // an element moved to the root
          if (e.parent != null && e.parent != root) {
            e.parent.kids.remove(e);
            e.parent = root;
            root.kids.add(r.nextInt(root.kids.size() + 1), e);
          }
          break;
        case 8: { // an element moved elsewhere
          Node to = pick(root);
          if (e.parent != null && !within(to, e)) {
            e.parent.kids.remove(e);
            e.parent = to;
            to.kids.add(r.nextInt(to.kids.size() + 1), e);
          }
          break;
        }
        case 9: { // an unknown element, maybe inside an element holding text
          Node x = new Node();
          x.name = r.nextBoolean() ? "x" : someElementName(root);
          x.parent = e;
          if (r.nextBoolean()) x.attrs.add(new String[] {"a", hostile(r)});
          if (r.nextInt(3) == 0) x.text = hostile(r);
          e.kids.add(r.nextInt(e.kids.size() + 1), x);
          break;
        }
        case 10: // hostile text
          if (e.kids.isEmpty() || r.nextInt(4) == 0) e.text = blankToNull(hostile(r));
          break;
        case 11: // a copy of another element inserted here
          if (e.parent != null) {
            Node c = pick(root);
            if (!within(e, c) && c != root) e.kids.add(r.nextInt(e.kids.size() + 1), c.copy(e));
          }
          break;
        case 12: // an existing value changed a little
          if (!e.attrs.isEmpty()) {
            String[] a = e.attrs.get(r.nextInt(e.attrs.size()));
            a[1] = nudge(a[1]);
          } else if (e.text != null) {
            e.text = blankToNull(nudge(e.text));
          }
          break;
        default: // a planted secret
          plant(root);
      }
    }

    void plant(Node root) {
      List<Node> all = new ArrayList<>();
      root.all(all);
      List<String[]> sites = new ArrayList<>();
      List<Node> texts = new ArrayList<>();
      for (Node n : all) {
        for (String[] a : n.attrs) if (secretAttributes.contains(a[0])) sites.add(a);
        if (secretTexts.contains(n.name)) texts.add(n);
      }
      int k = sites.size() + texts.size();
      if (k == 0 || r.nextInt(3) == 0) { // a secret attribute where it does not belong
        if (!secretAttributes.isEmpty()) all.get(r.nextInt(all.size())).attrs.add(new String[] {secretAttributes.get(r.nextInt(secretAttributes.size())), secret(r)});
        return;
      }
      int i = r.nextInt(k);
      if (i < sites.size()) sites.get(i)[1] = secret(r);
      else texts.get(i - sites.size()).text = secret(r);
    }

    boolean within(Node n, Node ancestor) {
      for (Node p = n; p != null; p = p.parent) if (p == ancestor) return true;
      return false;
    }

    String someAttrName(Node root) {
      List<Node> all = new ArrayList<>();
      root.all(all);
      for (int tries = 0; tries < 8; tries++) {
        Node n = all.get(r.nextInt(all.size()));
        if (!n.attrs.isEmpty()) return n.attrs.get(r.nextInt(n.attrs.size()))[0];
      }
      return "x";
    }

    String someElementName(Node root) { return pick(root).name; }

    String raw(String s) {
      switch (r.nextInt(4)) {
        case 0: return s.substring(0, r.nextInt(s.length() + 1)); // truncated
        case 1: { // raw markup or an entity somewhere
          String[] junk = {"<", "&", "&#0;", "&#xD800;", "&#x1F600;", "<!--", "-->", "]]>", "<![CDATA[x<y]]>", "&foo;",
              "<!DOCTYPE d [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", "<?pi x?>", "\u0000", "\uFFFE", " a='1' a='2'", "'", "\"", "</x>"};
          int at = r.nextInt(s.length() + 1);
          return s.substring(0, at) + junk[r.nextInt(junk.length)] + s.substring(at);
        }
        case 2: { // a character dropped
          if (s.isEmpty()) return s;
          int at = r.nextInt(s.length());
          return s.substring(0, at) + s.substring(at + 1);
        }
        default: return "<?xml version='1.0' encoding='UTF-8'?>\n" + s;
      }
    }
  }

  private static String blankToNull(String s) { return s.isBlank() ? null : s; }

  private String nudge(String v) {
    if (v.isEmpty()) return "0";
    char last = v.charAt(v.length() - 1);
    if (Character.isDigit(last)) return v + "0";
    return v.substring(0, v.length() - 1) + (char) (last + 1);
  }

  /** Mutations of line and brace formats: lines, words, quotes, braces, comments. */
  private final class TextMutator {
    final SplittableRandom r;
    final String doc;

    TextMutator(SplittableRandom r, String doc) {
      this.r = r;
      this.doc = doc;
    }

    String mutate() {
      List<String> lines = new ArrayList<>(Arrays.asList(doc.split("\n", -1)));
      int n = 1 + r.nextInt(4);
      for (int i = 0; i < n; i++) step(lines);
      String out = String.join("\n", lines);
      if (r.nextInt(10) == 0) out = out.substring(0, r.nextInt(out.length() + 1));
      return out;
    }

    int line(List<String> lines) { return r.nextInt(lines.size()); }

    void step(List<String> lines) {
      if (lines.isEmpty()) lines.add("");
      int i = line(lines);
      switch (r.nextInt(14)) {
        case 0: lines.remove(i); break;
        case 1: lines.add(i, lines.get(i)); break;
        case 2: { int j = line(lines); String t = lines.get(i); lines.set(i, lines.get(j)); lines.set(j, t); break; }
        case 3: { String moved = lines.remove(i).strip(); lines.add(r.nextBoolean() ? 0 : lines.size(), moved); break; }
        case 4: case 5: case 6: lines.set(i, replaceWord(lines.get(i), quoted(hostile(r)))); break;
        case 7: lines.set(i, replaceWord(lines.get(i), "")); break;
        case 8: {
          String[] stmts = {"fuzz_unknown " + quoted(hostile(r)), "fuzz_unknown " + quoted(hostile(r)) + ";", "fuzz {", "}", "{",
              "fuzz_block { x 1; }", words.isEmpty() ? "x" : words.get(r.nextInt(words.size())) + " " + quoted(hostile(r))};
          lines.add(i, stmts[r.nextInt(stmts.length)]);
          break;
        }
        case 9: {
          String[] chars = {"{", "}", "\"", "'", "#", "!", ";", "\\", "\t", "\r", "\u0000", "\u202E", "\uD83D\uDE00", " ", "$", "@", "~"};
          String l = lines.get(i);
          int at = r.nextInt(l.length() + 1);
          lines.set(i, l.substring(0, at) + chars[r.nextInt(chars.length)] + l.substring(at));
          break;
        }
        case 10:
          if (i + 1 < lines.size()) lines.set(i, lines.get(i) + " " + lines.remove(i + 1).strip());
          break;
        case 11: {
          String l = lines.get(i);
          int at = l.indexOf(' ', l.length() / 2);
          if (at > 0) {
            lines.set(i, l.substring(0, at));
            lines.add(i + 1, l.substring(at + 1));
          }
          break;
        }
        default: plant(lines);
      }
    }

    void plant(List<String> lines) {
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String[] w = lines.get(i).strip().split("\\s+");
        if (w.length >= 1 && secretKeywords.contains(w[0])) at.add(i);
      }
      if (at.isEmpty()) return;
      int i = at.get(r.nextInt(at.size()));
      String l = lines.get(i);
      int ind = 0;
      while (ind < l.length() && Character.isWhitespace(l.charAt(ind))) ind++;
      String kw = l.strip().split("\\s+")[0];
      String tail = l.strip().endsWith(";") ? ";" : "";
      lines.set(i, l.substring(0, ind) + kw + " " + quoted(secret(r)) + tail);
    }

    String quoted(String v) {
      switch (r.nextInt(4)) {
        case 0: return "\"" + v + "\"";
        case 1: return "'" + v + "'";
        default: return v;
      }
    }

    String replaceWord(String l, String w) {
      List<int[]> spans = new ArrayList<>();
      int i = 0;
      while (i < l.length()) {
        while (i < l.length() && Character.isWhitespace(l.charAt(i))) i++;
        int b = i;
        while (i < l.length() && !Character.isWhitespace(l.charAt(i))) i++;
        if (i > b) spans.add(new int[] {b, i});
      }
      if (spans.isEmpty()) return l + " " + w;
      int[] s = spans.get(r.nextInt(spans.size()));
      String tail = l.substring(s[0], s[1]).endsWith(";") && !w.endsWith(";") ? ";" : "";
      return l.substring(0, s[0]) + w + tail + l.substring(s[1]);
    }
  }
}
