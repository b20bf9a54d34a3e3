package io.kvmsdk.network.fake;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.network.fake.NftState.Chain;
import io.kvmsdk.network.fake.NftState.Table;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * nftables 1.0.6's {@code nft} as the network module's plans use it, per network namespace:
 * {@code nft [-c] [-s] -f FILE|-} (one transaction: nothing applies if any command fails; {@code -c}
 * checks only), {@code nft [-s] list table [FAMILY] NAME | tables [FAMILY] | ruleset},
 * {@code nft add|create|delete|flush table [FAMILY] NAME}, {@code nft flush ruleset},
 * {@code nft add chain|rule ...}. Files hold {@code table}, {@code add/create/delete/flush table} and
 * {@code flush ruleset} commands; tables hold base chains ({@code type T hook H priority P; policy X;})
 * and rules made of {@code iifname/oifname/iif/oif}, {@code ip saddr/daddr/protocol},
 * {@code tcp/udp dport/sport}, {@code meta mark [set]}, {@code meta l4proto}, {@code ct state/status},
 * {@code fib daddr type local}, {@code counter} and the verdicts {@code accept/drop/return},
 * {@code masquerade}, {@code snat/dnat to ADDR[:PORT]}. Listings print as nft does (priorities by
 * name, {@code ct state} in nft's order, marks in hex, /32 without its length, counters); errors come
 * with nft's words, location and caret line for the cases the contract test proves (a missing
 * table, an unknown interface in {@code iif/oif}, a port out of range, a nat chain on the forward
 * hook, a rule closed by '}'), and as a "syntax error" otherwise. Not modelled: sets, maps, JSON
 * ({@code -j}), handles ({@code -a}), service and host names (which the real nft resolves).
 */
public final class Nft implements FakeTool {
  private static final Set<String> FAMILIES = Set.of("ip", "ip6", "inet", "arp", "bridge", "netdev");
  private static final Map<String, Integer> PRIORITIES = new LinkedHashMap<>();
  private static final List<String> CT_STATES = List.of("invalid", "established", "related", "new", "untracked");

  static {
    PRIORITIES.put("raw", -300);
    PRIORITIES.put("mangle", -150);
    PRIORITIES.put("dstnat", -100);
    PRIORITIES.put("filter", 0);
    PRIORITIES.put("security", 50);
    PRIORITIES.put("srcnat", 100);
  }

  @Override public Set<String> names() { return Set.of("nft"); }

  // ------------------------------------------------------------------ command line

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    List<String> a = command.argv().subList(1, command.argv().size());
    boolean check = false;
    boolean stateless = false;
    String file = null;
    int i = 0;
    for (; i < a.size(); i++) {
      String o = a.get(i);
      if (!o.startsWith("-") || o.equals("-")) break;
      switch (o) {
        case "-c": case "--check": check = true; break;
        case "-s": case "--stateless": stateless = true; break;
        case "-n": case "--numeric": break;
        case "-f": case "--file":
          if (++i >= a.size()) throw ctx.fail(1, "nft: option requires an argument -- 'f'");
          file = a.get(i);
          break;
        case "-j": case "--json": case "-a": case "--handle": case "-e": case "--echo":
          throw ctx.fail(64, "nft (fake): option " + o + " is not modelled");
        default: throw ctx.fail(1, "nft: invalid option -- '" + o.replace("-", "") + "'");
      }
    }
    NftState state = ctx.state(NftState.SLOT);
    Map<String, Table> live = state.ruleset(ctx.namespace());
    if (file != null) {
      if (i < a.size()) throw ctx.fail(1, "Error: syntax error, options must be specified before commands");
      String name = file.equals("-") ? "/dev/stdin" : file;
      Optional<String> text = file.equals("-") ? Optional.of(command.stdin().map(b -> new String(b, StandardCharsets.UTF_8)).orElse(""))
          : ctx.isDirectory(file) ? Optional.empty() : ctx.readFile(file);
      if (text.isEmpty()) {
        throw ctx.fail(1, "internal:0:0-0: Error: Could not open file \"" + file + "\": No such file or directory\n\n");
      }
      Source src = new Source(name, text.get());
      StringBuilder out = new StringBuilder();
      runScript(src, live, ctx, check, stateless, out);
      return ctx.ok(out.toString());
    }
    if (i >= a.size()) return ctx.ok();
    Source src = new Source(null, String.join(" ", a.subList(i, a.size())));
    StringBuilder out = new StringBuilder();
    runScript(src, live, ctx, check, stateless, out);
    return ctx.ok(out.toString());
  }

  /** Parses {@code src} whole, then runs its commands on a copy of {@code live}, then keeps the copy (one transaction). */
  private static void runScript(Source src, Map<String, Table> live, FakeToolContext ctx, boolean check, boolean stateless, StringBuilder out) {
    List<Cmd> cmds;
    try {
      cmds = new Parser(src).script();
    } catch (NftError e) {
      throw ctx.fail(1, e.render(src));
    }
    Map<String, Table> work = new LinkedHashMap<>();
    live.forEach((k, v) -> work.put(k, v.copy()));
    for (Cmd c : cmds) {
      try {
        c.run(work, ctx, stateless, out);
      } catch (NftError e) {
        throw ctx.fail(1, e.render(src));
      }
    }
    if (!check) {
      live.clear();
      live.putAll(work);
    } else {
      out.setLength(0);
    }
  }

  /** How nft 1.0 prints a base chain's priority: by name when within 10 of a standard one valid for the hook. */
  static String priorityText(String hook, int prio) {
    for (Map.Entry<String, Integer> e : PRIORITIES.entrySet()) {
      String n = e.getKey();
      if (n.equals("dstnat") && !hook.equals("prerouting")) continue;
      if (n.equals("srcnat") && !hook.equals("postrouting")) continue;
      int d = prio - e.getValue();
      if (d == 0) return n;
      if (Math.abs(d) <= 10) return n + (d > 0 ? " + " + d : " - " + (-d));
    }
    return Integer.toString(prio);
  }

  // ------------------------------------------------------------------ source, tokens, errors

  /** The text nft reads: a file (name) or the command line (name null). */
  static final class Source {
    final String name;
    final String[] lines;

    Source(String name, String text) {
      this.name = name;
      this.lines = text.split("\n", -1);
    }
  }

  enum Kind { WORD, QUOTED, LBRACE, RBRACE, SEMI, NEWLINE, EOF }

  record Tok(Kind kind, String text, int line, int col, int end) {
    String shown() {
      switch (kind) {
        case NEWLINE: return "newline";
        case EOF: return "end of file";
        case SEMI: return "';'";
        case LBRACE: return "'{'";
        case RBRACE: return "'}'";
        case QUOTED: return "quoted string";
        default: return Parser.KEYWORDS.contains(text) ? text : "string";
      }
    }
  }

  static final class NftError extends RuntimeException {
    final Tok at;

    NftError(String message, Tok at) {
      super(message, null, false, false);
      this.at = at;
    }

    String render(Source src) {
      int lineNo = Math.min(at.line, src.lines.length);
      String line = src.lines[lineNo - 1];
      StringBuilder caret = new StringBuilder();
      for (int k = 0; k < at.col - 1; k++) caret.append(k < line.length() && line.charAt(k) == '\t' ? '\t' : ' ');
      caret.append("^".repeat(Math.max(1, at.end - at.col + 1)));
      String where = src.name == null ? "" : src.name + ":" + at.line + ":" + at.col + "-" + at.end + ": ";
      return where + "Error: " + getMessage() + "\n" + line + "\n" + caret;
    }
  }

  static List<Tok> tokenize(Source src) {
    List<Tok> out = new ArrayList<>();
    for (int ln = 0; ln < src.lines.length; ln++) {
      String l = src.lines[ln];
      int i = 0;
      while (i < l.length()) {
        char c = l.charAt(i);
        if (c == '#') break;
        if (c == ' ' || c == '\t' || c == '\r') { i++; continue; }
        int line = ln + 1;
        if (c == '{') { out.add(new Tok(Kind.LBRACE, "{", line, i + 1, i + 1)); i++; continue; }
        if (c == '}') { out.add(new Tok(Kind.RBRACE, "}", line, i + 1, i + 1)); i++; continue; }
        if (c == ';') { out.add(new Tok(Kind.SEMI, ";", line, i + 1, i + 1)); i++; continue; }
        if (c == '"') {
          int j = l.indexOf('"', i + 1);
          if (j < 0) throw new NftError("syntax error, unexpected junk", new Tok(Kind.WORD, "\"", line, i + 1, l.length()));
          out.add(new Tok(Kind.QUOTED, l.substring(i + 1, j), line, i + 1, j + 1));
          i = j + 1;
          continue;
        }
        int j = i;
        while (j < l.length() && " \t\r{};\"#".indexOf(l.charAt(j)) < 0) j++;
        out.add(new Tok(Kind.WORD, l.substring(i, j), line, i + 1, j));
        i = j;
      }
      if (ln < src.lines.length - 1) out.add(new Tok(Kind.NEWLINE, "\n", ln + 1, l.length() + 1, l.length() + 1));
    }
    String last = src.lines[src.lines.length - 1];
    out.add(new Tok(Kind.EOF, "", src.lines.length, last.length() + 1, last.length() + 1));
    return out;
  }

  // ------------------------------------------------------------------ commands

  interface Cmd {
    void run(Map<String, Table> rs, FakeToolContext ctx, boolean stateless, StringBuilder out);
  }

  /**
   * Table {@code family name}; when missing, nft names a table whose name is a likely misspelling
   * (edit distance within about a third of the length), else reports the kernel's {@code message}.
   */
  private static Table table(Map<String, Table> rs, String family, Tok name, String message) {
    Table t = rs.get(family + " " + name.text());
    if (t != null) return t;
    Table best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Table c : rs.values()) {
      int d = distance(c.name, name.text());
      if (d <= threshold(c.name, name.text()) && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best != null) {
      throw new NftError("No such file or directory; did you mean table \u2018" + best.name + "\u2019 in family " + best.family + "?", name);
    }
    throw new NftError(message, name);
  }

  private static int threshold(String a, String b) {
    int max = Math.max(a.length(), b.length());
    int min = Math.min(a.length(), b.length());
    if (max <= 1) return -1;
    return max - min <= 1 ? Math.max((max + 2) / 3, 1) : (max + 4) / 3;
  }

  /** Edit distance counting insertions, deletions, substitutions and swaps of neighbours as one each. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int sub = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + sub);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + sub);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  record ChainDef(Tok name, Tok typeTok, String hook, Integer priority, String policy, List<RuleDef> rules) {
    String type() { return typeTok == null ? null : typeTok.text(); }
  }

  /** The hooks each family has (nft: "The arp family does not support this hook" for others). */
  static Set<String> hooksOf(String family) {
    return switch (family) {
      case "arp" -> Set.of("input", "output");
      case "netdev" -> Set.of("ingress", "egress");
      case "inet" -> Set.of("prerouting", "input", "forward", "output", "postrouting", "ingress");
      default -> Set.of("prerouting", "input", "forward", "output", "postrouting");
    };
  }

  record RuleDef(List<String> items, List<Tok> ifaceChecks) {}

  private static void define(Map<String, Table> rs, String family, String tableName, List<ChainDef> chains, FakeToolContext ctx) {
    Table t = rs.computeIfAbsent(family + " " + tableName, k -> new Table(family, tableName));
    for (ChainDef d : chains) {
      if (d.type() != null && !d.type().equals("filter") && !Set.of("ip", "ip6", "inet").contains(family)) {
        // the kernel has no such chain type; nft hints at the chain it finds by that name, the one being added
        throw new NftError("No such file or directory; did you mean chain \u2018" + d.name().text() + "\u2019 in table " + family + " \u2018"
            + tableName + "\u2019?", d.typeTok());
      }
      if (d.type() != null) {
        boolean ok = switch (d.type()) {
          case "nat" -> Set.of("prerouting", "input", "output", "postrouting").contains(d.hook());
          case "route" -> d.hook().equals("output");
          default -> true;
        };
        if (!ok) throw new NftError("Could not process rule: Operation not supported", d.name());
      }
      Chain c = t.chains.computeIfAbsent(d.name().text(), Chain::new);
      if (d.type() != null) {
        c.type = d.type();
        c.hook = d.hook();
        c.priority = d.priority();
      }
      if (d.policy() != null) c.policy = d.policy();
      for (RuleDef r : d.rules()) addRule(c, r, ctx);
    }
  }

  private static void addRule(Chain c, RuleDef r, FakeToolContext ctx) {
    for (Tok iface : r.ifaceChecks()) {
      if (ctx.link(iface.text()).isEmpty()) throw new NftError("Interface does not exist", iface);
    }
    c.rules.add(String.join(" ", r.items()));
  }

  // ------------------------------------------------------------------ parser

  static final class Parser {
    static final Set<String> KEYWORDS = Set.of("table", "chain", "rule", "add", "create", "delete", "flush", "list", "tables", "ruleset",
        "accept", "drop", "return", "masquerade", "snat", "dnat", "to", "policy", "type", "hook", "priority", "ip", "tcp", "udp", "meta",
        "mark", "ct", "state", "status", "fib", "counter", "iifname", "oifname", "iif", "oif", "saddr", "daddr", "dport", "sport", "set",
        "inet", "ip6", "arp", "bridge", "netdev");

    private final List<Tok> toks;
    private int p;

    Parser(Source src) { this.toks = tokenize(src); }

    private Tok peek() { return toks.get(p); }

    private Tok next() { return toks.get(p++); }

    private NftError unexpected(Tok t, String expecting) {
      return new NftError("syntax error, unexpected " + t.shown() + (expecting == null ? "" : ", expecting " + expecting), t);
    }

    private Tok word(String expecting) {
      Tok t = next();
      if (t.kind() != Kind.WORD) throw unexpected(t, expecting);
      return t;
    }

    private void expect(String w) {
      Tok t = next();
      if (t.kind() != Kind.WORD || !t.text().equals(w)) throw unexpected(t, w);
    }

    private void skipSeparators() {
      while (peek().kind() == Kind.NEWLINE || peek().kind() == Kind.SEMI) p++;
    }

    private void endOfCommand() {
      Tok t = peek();
      if (t.kind() == Kind.NEWLINE || t.kind() == Kind.SEMI || t.kind() == Kind.EOF) return;
      throw unexpected(t, "end of file");
    }

    List<Cmd> script() {
      List<Cmd> cmds = new ArrayList<>();
      while (true) {
        skipSeparators();
        Tok t = peek();
        if (t.kind() == Kind.EOF) return cmds;
        if (t.kind() != Kind.WORD) throw unexpected(t, null);
        cmds.add(command());
        endOfCommand();
      }
    }

    private String[] familyAndName() {
      Tok a = peek();
      if (a.kind() == Kind.WORD && FAMILIES.contains(a.text()) && toks.get(p + 1).kind() == Kind.WORD) {
        p++;
        return new String[] {a.text(), null};
      }
      return new String[] {"ip", null};
    }

    private Cmd command() {
      Tok verb = next();
      switch (verb.text()) {
        case "table": return tableCmd("add");
        case "add": case "create": case "delete": case "flush": case "list": {
          Tok what = next();
          if (what.kind() == Kind.WORD && what.text().equals("table")) return tableCmd(verb.text());
          if (what.kind() == Kind.WORD && what.text().equals("ruleset") && verb.text().equals("flush")) {
            return (rs, ctx, st, out) -> rs.clear();
          }
          if (what.kind() == Kind.WORD && what.text().equals("ruleset") && verb.text().equals("list")) {
            return (rs, ctx, st, out) -> rs.values().forEach(t -> out.append(t.listing(st)));
          }
          if (what.kind() == Kind.WORD && what.text().equals("tables") && verb.text().equals("list")) {
            String fam = peek().kind() == Kind.WORD && FAMILIES.contains(peek().text()) ? next().text() : null;
            return (rs, ctx, st, out) -> rs.values().stream().filter(t -> fam == null || t.family.equals(fam))
                .forEach(t -> out.append("table ").append(t.id()).append('\n'));
          }
          if (what.kind() == Kind.WORD && what.text().equals("chain") && (verb.text().equals("add") || verb.text().equals("create"))) {
            return chainCmd();
          }
          if (what.kind() == Kind.WORD && what.text().equals("rule") && verb.text().equals("add")) return ruleCmd();
          throw unexpected(what, null);
        }
        default: throw unexpected(verb, null);
      }
    }

    private Cmd tableCmd(String verb) {
      String family = familyAndName()[0];
      Tok name = word("string");
      List<ChainDef> chains = new ArrayList<>();
      boolean body = false;
      if (peek().kind() == Kind.LBRACE && (verb.equals("add") || verb.equals("create"))) {
        body = true;
        p++;
        while (true) {
          skipSeparators();
          Tok t = next();
          if (t.kind() == Kind.RBRACE) break;
          if (t.kind() == Kind.WORD && t.text().equals("chain")) {
            Tok cn = word("string");
            Tok lb = next();
            if (lb.kind() != Kind.LBRACE) throw unexpected(lb, "'{'");
            chains.add(chainBody(cn, family));
            continue;
          }
          throw unexpected(t, null);
        }
      }
      boolean hasBody = body;
      switch (verb) {
        case "add": return (rs, ctx, st, out) -> define(rs, family, name.text(), chains, ctx);
        case "create": return (rs, ctx, st, out) -> {
          if (rs.containsKey(family + " " + name.text())) throw new NftError("Could not process rule: File exists", name);
          define(rs, family, name.text(), chains, ctx);
        };
        case "delete": return (rs, ctx, st, out) -> {
          table(rs, family, name, "Could not process rule: No such file or directory");
          rs.remove(family + " " + name.text());
        };
        case "flush": return (rs, ctx, st, out) -> table(rs, family, name, "Could not process rule: No such file or directory")
            .chains.values().forEach(c -> c.rules.clear());
        default: return (rs, ctx, st, out) -> {
          if (hasBody) throw new NftError("syntax error", name);
          out.append(table(rs, family, name, "No such file or directory").listing(st));
        };
      }
    }

    private Cmd chainCmd() {
      String family = familyAndName()[0];
      Tok table = word("string");
      Tok cn = word("string");
      ChainDef def;
      if (peek().kind() == Kind.LBRACE) {
        p++;
        def = chainBody(cn, family);
      } else {
        def = new ChainDef(cn, null, null, null, null, List.of());
      }
      return (rs, ctx, st, out) -> {
        table(rs, family, table, "Could not process rule: No such file or directory");
        define(rs, family, table.text(), List.of(def), ctx);
      };
    }

    private Cmd ruleCmd() {
      String family = familyAndName()[0];
      Tok table = word("string");
      Tok cn = word("string");
      RuleDef r = rule();
      return (rs, ctx, st, out) -> {
        Table t = table(rs, family, table, "Could not process rule: No such file or directory");
        Chain c = t.chains.get(cn.text());
        if (c == null) throw new NftError("Could not process rule: No such file or directory", cn);
        addRule(c, r, ctx);
      };
    }

    private ChainDef chainBody(Tok name, String family) {
      Tok type = null;
      String hook = null;
      Integer prio = null;
      String policy = null;
      List<RuleDef> rules = new ArrayList<>();
      while (true) {
        skipSeparators();
        Tok t = peek();
        if (t.kind() == Kind.RBRACE) {
          p++;
          return new ChainDef(name, type, hook, prio, policy, rules);
        }
        if (t.kind() == Kind.EOF) throw unexpected(t, null);
        if (t.kind() == Kind.WORD && t.text().equals("type")) {
          p++;
          Tok ty = word("string");
          if (!Set.of("filter", "nat", "route").contains(ty.text())) throw new NftError("unknown chain type", ty);
          type = ty;
          expect("hook");
          Tok hookTok = word("string");
          hook = hookTok.text();
          if (!hooksOf(family).contains(hook)) throw new NftError("The " + family + " family does not support this hook", hookTok);
          Tok prioWord = next();
          if (prioWord.kind() != Kind.WORD || !prioWord.text().equals("priority")) throw unexpected(prioWord, "priority");
          Tok prioName = peek();
          prio = priority();
          Tok last = toks.get(p - 1);
          boolean ipLike = Set.of("ip", "ip6", "inet").contains(family);
          if ((prioName.text().equals("dstnat") && !hook.equals("prerouting")) || (prioName.text().equals("srcnat") && !hook.equals("postrouting"))
              || (!ipLike && Set.of("raw", "mangle", "security").contains(prioName.text()))
              || (family.equals("arp") && Set.of("dstnat", "srcnat").contains(prioName.text()))) {
            throw new NftError("invalid priority expression value in this context.", new Tok(Kind.WORD, "", prioWord.line(), prioWord.col(), last.end()));
          }
          if (family.equals("netdev") || hook.equals("ingress")) {
            throw new NftError("Missing `device' in this chain definition", new Tok(Kind.WORD, "", t.line(), t.col(), last.end()));
          }
          Tok end = peek();
          if (end.kind() == Kind.RBRACE) throw unexpected(end, "newline or semicolon");
          continue;
        }
        if (t.kind() == Kind.WORD && t.text().equals("policy")) {
          p++;
          Tok pv = word("string");
          if (!pv.text().equals("accept") && !pv.text().equals("drop")) throw unexpected(pv, null);
          policy = pv.text();
          continue;
        }
        rules.add(rule());
        Tok end = peek();
        if (end.kind() == Kind.RBRACE) throw unexpected(end, "newline or semicolon");
      }
    }

    private int priority() {
      Tok t = word("string");
      int v;
      if (PRIORITIES.containsKey(t.text())) v = PRIORITIES.get(t.text());
      else if (t.text().matches("-?[0-9]{1,10}")) v = Integer.parseInt(t.text());
      else throw new NftError("'" + t.text() + "' is invalid priority.", t);
      if (peek().kind() == Kind.WORD && (peek().text().equals("+") || peek().text().equals("-"))) {
        boolean plus = next().text().equals("+");
        Tok n = word("number");
        if (!n.text().matches("[0-9]{1,9}")) throw unexpected(n, "number");
        v += (plus ? 1 : -1) * Integer.parseInt(n.text());
      }
      return v;
    }

    private boolean atRuleEnd() {
      Kind k = peek().kind();
      return k == Kind.NEWLINE || k == Kind.SEMI || k == Kind.RBRACE || k == Kind.EOF;
    }

    private RuleDef rule() {
      List<String> items = new ArrayList<>();
      List<Tok> ifaces = new ArrayList<>();
      if (atRuleEnd()) throw unexpected(peek(), null);
      while (!atRuleEnd()) {
        Tok t = next();
        if (t.kind() != Kind.WORD) throw unexpected(t, null);
        switch (t.text()) {
          case "iifname": case "oifname": items.add(t.text() + " \"" + ifaceName().text() + "\""); break;
          case "iif": case "oif": {
            Tok v = ifaceName();
            ifaces.add(v);
            items.add(t.text() + " \"" + v.text() + "\"");
            break;
          }
          case "ip": {
            Tok f = word("string");
            if (f.text().equals("saddr") || f.text().equals("daddr")) items.add("ip " + f.text() + " " + prefix(word("string")));
            else if (f.text().equals("protocol")) items.add("ip protocol " + proto(word("string")));
            else throw unexpected(f, null);
            break;
          }
          case "tcp": case "udp": {
            Tok f = word("string");
            if (!f.text().equals("dport") && !f.text().equals("sport")) throw unexpected(f, null);
            items.add(t.text() + " " + f.text() + " " + port(word("string")));
            break;
          }
          case "meta": {
            Tok f = word("string");
            if (f.text().equals("mark")) {
              if (peek().kind() == Kind.WORD && peek().text().equals("set")) {
                p++;
                items.add("meta mark set " + mark(word("string")));
              } else {
                items.add("meta mark " + mark(word("string")));
              }
            } else if (f.text().equals("l4proto")) {
              items.add("meta l4proto " + proto(word("string")));
            } else {
              throw unexpected(f, null);
            }
            break;
          }
          case "ct": {
            Tok f = word("string");
            if (f.text().equals("state")) items.add("ct state " + ctStates(word("string")));
            else if (f.text().equals("status")) items.add("ct status " + ctStatus(word("string")));
            else throw unexpected(f, null);
            break;
          }
          case "fib": expect("daddr"); expect("type"); expect("local"); items.add("fib daddr type local"); break;
          case "counter": items.add("counter packets 0 bytes 0"); break;
          case "accept": case "drop": case "return": case "masquerade": items.add(t.text()); break;
          case "snat": case "dnat": {
            expect("to");
            Tok to = word("string");
            items.add(t.text() + " to " + natTarget(to));
            break;
          }
          default: throw new NftError("syntax error, unexpected string", t);
        }
      }
      return new RuleDef(items, ifaces);
    }

    private Tok ifaceName() {
      Tok v = next();
      if (v.kind() != Kind.WORD && v.kind() != Kind.QUOTED) throw unexpected(v, "string");
      return v;
    }

    private static String prefix(Tok t) {
      String s = t.text();
      int slash = s.indexOf('/');
      Integer a = quad(slash < 0 ? s : s.substring(0, slash));
      int len = 32;
      if (slash >= 0) len = s.substring(slash + 1).matches("[0-9]{1,2}") ? Integer.parseInt(s.substring(slash + 1)) : -1;
      if (a == null) throw new NftError("Could not resolve hostname: Name or service not known", t);
      if (len < 0 || len > 32) throw new NftError("syntax error, unexpected string", t);
      int mask = len == 0 ? 0 : -1 << (32 - len);
      String addr = format(a & mask);
      return len == 32 ? addr : addr + "/" + len;
    }

    private static String natTarget(Tok t) {
      String s = t.text();
      int colon = s.indexOf(':');
      String addr = colon < 0 ? s : s.substring(0, colon);
      if (quad(addr) == null) throw new NftError("Could not resolve hostname: Name or service not known", t);
      if (colon < 0) return addr;
      String port = s.substring(colon + 1);
      if (!port.matches("[0-9]{1,9}") || Integer.parseInt(port) > 65535) throw new NftError("Service out of range", t);
      return addr + ":" + Integer.parseInt(port);
    }

    private static String port(Tok t) {
      if (!t.text().matches("[0-9]{1,9}")) throw new NftError("syntax error, unexpected string", t);
      int v = Integer.parseInt(t.text());
      if (v > 65535) throw new NftError("Service out of range", t);
      return Integer.toString(v);
    }

    private static String proto(Tok t) {
      if (!Set.of("tcp", "udp", "icmp").contains(t.text())) throw new NftError("syntax error, unexpected string", t);
      return t.text();
    }

    private static String mark(Tok t) {
      long v;
      try {
        v = t.text().startsWith("0x") ? Long.parseLong(t.text().substring(2), 16) : Long.parseLong(t.text());
      } catch (NumberFormatException e) {
        throw new NftError("syntax error, unexpected string", t);
      }
      if (v < 0 || v > 0xffffffffL) throw new NftError("Value " + t.text() + " exceeds valid range 0-4294967295", t);
      return String.format(Locale.ROOT, "0x%08x", v);
    }

    private static String ctStates(Tok t) {
      List<String> given = List.of(t.text().split(",", -1));
      for (String s : given) if (!CT_STATES.contains(s)) throw new NftError("Could not parse conntrack state", t);
      List<String> ordered = new ArrayList<>();
      for (String s : CT_STATES) if (given.contains(s)) ordered.add(s);
      return String.join(",", ordered);
    }

    private static String ctStatus(Tok t) {
      if (!Set.of("expected", "seen-reply", "assured", "confirmed", "snat", "dnat", "dying").contains(t.text())) {
        throw new NftError("Could not parse conntrack status", t);
      }
      return t.text();
    }

    private static Integer quad(String text) {
      String[] parts = text.split("\\.", -1);
      if (parts.length != 4) return null;
      int v = 0;
      for (String o : parts) {
        if (!o.matches("[0-9]{1,3}") || Integer.parseInt(o) > 255) return null;
        v = v << 8 | Integer.parseInt(o);
      }
      return v;
    }

    private static String format(int a) { return (a >>> 24) + "." + (a >>> 16 & 255) + "." + (a >>> 8 & 255) + "." + (a & 255); }
  }
}
