package io.kvmsdk.network.fake;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.network.fake.Ovsdb.Column;
import io.kvmsdk.network.fake.Ovsdb.Kind;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import io.kvmsdk.testkit.host.FakeToolExit;
import io.kvmsdk.testkit.host.FakeToolSlot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Open vSwitch 3.1's {@code ovs-vsctl} over a fake host's {@link Ovsdb}, with ovs-vswitchd's part:
 * bridges and internal ports appear as links ({@code tun} devices for the netdev datapath),
 * interfaces get an {@code ofport} (65534 for a bridge's local port), {@code mtu_request} sets the
 * device's MTU, a port on a missing device gets {@code error} and {@code ofport -1}, and without the
 * kernel module a non-netdev bridge is not set up (the command still exits 0 after printing the
 * error, as the real one does). One invocation is one transaction. Commands: {@code init add-br
 * del-br br-exists list-br add-port del-port add-bond list-ports port-to-br set clear add remove get
 * list create destroy wait-until set-fail-mode del-fail-mode get-fail-mode set-controller
 * del-controller get-controller}, with {@code --may-exist}, {@code --if-exists}, {@code --id=@name},
 * {@code --columns} and {@code --format=json|table|list}.
 */
public final class OvsVsctl implements FakeTool {
  /** The host's OVSDB, shared by every OVS tool of the host. */
  public static final FakeToolSlot<Ovsdb> OVSDB = FakeToolSlot.of("ovsdb", Ovsdb::new);

  @Override public Set<String> names() { return Set.of("ovs-vsctl"); }

  /** ovs-vsctl's words without its global options, so a FaultMatcher can say {@code command("ovs-vsctl", "add-br")}. */
  @Override public List<String> words(List<String> argv) {
    List<String> w = new ArrayList<>();
    w.add(argv.get(0));
    int i = 1;
    while (i < argv.size() && argv.get(i).startsWith("-") && !argv.get(i).equals("--")) i++;
    for (; i < argv.size(); i++) if (!argv.get(i).startsWith("--")) w.add(argv.get(i));
    return w;
  }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    return new Run(ctx, ctx.state(OVSDB)).exec(command.argv().subList(1, command.argv().size()));
  }

  private static FakeToolExit fail(String msg) { return new FakeToolExit(1, "ovs-vsctl: " + msg); }

  /** One invocation. */
  private static final class Run {
    final FakeToolContext ctx;
    final Ovsdb db;
    final StringBuilder out = new StringBuilder();
    final StringBuilder err = new StringBuilder();
    final Map<String, String> symbols = new HashMap<>();
    final Set<String> touched = new LinkedHashSet<>();
    String format = "table";
    boolean creating;

    Run(FakeToolContext ctx, Ovsdb db) {
      this.ctx = ctx;
      this.db = db;
    }

    CommandResult exec(List<String> a) {
      int i = 0;
      while (i < a.size() && a.get(i).startsWith("-") && !a.get(i).equals("--")) {
        String o = a.get(i);
        if (o.startsWith("--db=") || o.startsWith("--timeout=") || o.equals("--no-wait") || o.equals("--wait") || o.startsWith("--dry-run")
            || o.equals("--oneline") || o.equals("--no-syslog") || o.startsWith("--verbose") || o.equals("-v")) {
          i++;
        } else if (o.startsWith("--format=")) {
          format = o.substring("--format=".length());
          if (!List.of("json", "table", "list", "csv", "html").contains(format)) throw fail("unknown output format \"" + format + "\"");
          i++;
        } else if (o.equals("-t") || o.equals("--timeout") || o.equals("--db")) {
          i += 2;
        } else if (o.startsWith("--columns=") || o.startsWith("--may-exist") || o.startsWith("--if-exists") || o.startsWith("--id=") || o.equals("--all")) {
          break;
        } else {
          throw fail("unrecognized option '" + o + "'");
        }
      }
      List<List<String>> cmds = new ArrayList<>();
      List<String> cur = new ArrayList<>();
      for (; i < a.size(); i++) {
        if (a.get(i).equals("--")) {
          if (!cur.isEmpty()) cmds.add(cur);
          cur = new ArrayList<>();
        } else {
          cur.add(a.get(i));
        }
      }
      if (!cur.isEmpty()) cmds.add(cur);
      if (cmds.isEmpty()) throw fail("missing command name (use --help for help)");
      for (List<String> c : cmds) command(c);
      db.collectGarbage();
      vswitchd();
      return ctx.result(0, out.toString(), err.toString());
    }

    // ------------------------------------------------------------------ commands

    void command(List<String> c) {
      boolean mayExist = false;
      boolean ifExists = false;
      String id = null;
      List<String> columns = null;
      int i = 0;
      while (i < c.size() && c.get(i).startsWith("--")) {
        String o = c.get(i++);
        if (o.equals("--may-exist")) mayExist = true;
        else if (o.equals("--if-exists")) ifExists = true;
        else if (o.startsWith("--id=")) id = o.substring(5);
        else if (o.startsWith("--columns=")) columns = List.of(o.substring(10).split(","));
        else if (o.equals("--all")) continue;
        else throw fail("'" + (i < c.size() ? c.get(i) : "") + "' command has no '" + o + "' option");
      }
      if (i >= c.size()) throw fail("missing command name (use --help for help)");
      String name = c.get(i);
      List<String> args = c.subList(i + 1, c.size());
      switch (name) {
        case "init": break;
        case "add-br": addBr(args, mayExist); break;
        case "del-br": delBr(args, ifExists); break;
        case "br-exists":
          need(name, args, 1, 1);
          if (db.find("Bridge", args.get(0)).isEmpty()) throw new FakeToolExit(2, "");
          break;
        case "list-br":
          db.rows.get("Bridge").values().stream().map(r -> String.valueOf(r.get("name"))).sorted().forEach(n -> out.append(n).append('\n'));
          break;
        case "add-port": addPort(args, mayExist); break;
        case "del-port": delPort(args, ifExists); break;
        case "add-bond": addBond(args, mayExist); break;
        case "list-ports": {
          need(name, args, 1, 1);
          String br = bridge(args.get(0));
          new TreeSet<>(portNames(br)).forEach(n -> out.append(n).append('\n'));
          break;
        }
        case "port-to-br": {
          need(name, args, 1, 1);
          String p = db.find("Port", args.get(0)).orElseThrow(() -> fail("no port named " + args.get(0)));
          out.append(db.row("Bridge", db.bridgeOfPort(p).orElseThrow()).get("name")).append('\n');
          break;
        }
        case "set": set(args, ifExists); break;
        case "clear": clear(args, ifExists); break;
        case "add": addRemove(args, true, ifExists); break;
        case "remove": addRemove(args, false, ifExists); break;
        case "get": get(args, id, ifExists); break;
        case "list": list(args, columns); break;
        case "create": create(args, id); break;
        case "destroy": destroy(args, ifExists); break;
        case "wait-until": waitUntil(args); break;
        case "set-fail-mode": {
          need(name, args, 2, 2);
          if (!args.get(1).equals("standalone") && !args.get(1).equals("secure")) throw fail("fail-mode must be \"standalone\" or \"secure\"");
          db.row("Bridge", bridge(args.get(0))).put("fail_mode", args.get(1));
          break;
        }
        case "del-fail-mode": need(name, args, 1, 1); db.row("Bridge", bridge(args.get(0))).remove("fail_mode"); break;
        case "get-fail-mode": {
          need(name, args, 1, 1);
          Object f = db.row("Bridge", bridge(args.get(0))).get("fail_mode");
          if (f != null) out.append(f).append('\n');
          break;
        }
        case "set-controller": {
          need(name, args, 1, Integer.MAX_VALUE);
          Map<String, Object> br = db.row("Bridge", bridge(args.get(0)));
          List<Object> ctl = new ArrayList<>();
          for (String t : args.subList(1, args.size())) {
            Map<String, Object> r = Ovsdb.newRow("Controller");
            r.put("target", t);
            String u = db.uuid();
            db.rows.get("Controller").put(u, r);
            ctl.add(u);
          }
          br.put("controller", ctl);
          break;
        }
        case "del-controller": need(name, args, 1, 1); db.row("Bridge", bridge(args.get(0))).put("controller", new ArrayList<>()); break;
        case "get-controller": {
          need(name, args, 1, 1);
          List<String> t = new ArrayList<>();
          for (Object u : (List<?>) db.row("Bridge", bridge(args.get(0))).get("controller")) t.add(String.valueOf(db.row("Controller", String.valueOf(u)).get("target")));
          t.stream().sorted().forEach(x -> out.append(x).append('\n'));
          break;
        }
        default: throw fail("unknown command '" + name + "'; use --help for help");
      }
    }

    void need(String cmd, List<String> args, int min, int max) {
      if (args.size() < min) throw fail("'" + cmd + "' command requires at least " + min + " arguments");
      if (args.size() > max) throw fail("'" + cmd + "' command takes at most " + max + " arguments");
    }

    String bridge(String name) { return db.find("Bridge", name).orElseThrow(() -> fail("no bridge named " + name)); }

    List<String> portNames(String brUuid) {
      List<String> names = new ArrayList<>();
      for (Object u : (List<?>) db.row("Bridge", brUuid).get("ports")) {
        Map<String, Object> p = db.row("Port", String.valueOf(u));
        if (p != null && !p.get("name").equals(db.row("Bridge", brUuid).get("name"))) names.add(String.valueOf(p.get("name")));
      }
      return names;
    }

    @SuppressWarnings("unchecked") List<Object> list(Map<String, Object> row, String col) { return (List<Object>) row.get(col); }

    void addBr(List<String> a, boolean mayExist) {
      need("add-br", a, 1, 3);
      String name = a.get(0);
      if (db.find("Bridge", name).isPresent()) {
        if (mayExist) return;
        throw fail("cannot create a bridge named " + name + " because a bridge named " + name + " already exists");
      }
      if (db.find("Port", name).isPresent()) throw fail("cannot create a bridge named " + name + " because a port named " + name + " already exists");
      String iface = newRow("Interface", name);
      db.row("Interface", iface).put("type", "internal");
      String port = newRow("Port", name);
      list(db.row("Port", port), "interfaces").add(iface);
      String br = newRow("Bridge", name);
      list(db.row("Bridge", br), "ports").add(port);
      list(db.row("Open_vSwitch", db.root()), "bridges").add(br);
      touched.add(name);
    }

    String newRow(String table, String name) {
      Map<String, Object> r = Ovsdb.newRow(table);
      r.put("name", name);
      String u = db.uuid();
      db.rows.get(table).put(u, r);
      return u;
    }

    void delBr(List<String> a, boolean ifExists) {
      need("del-br", a, 1, 1);
      Optional<String> br = db.find("Bridge", a.get(0));
      if (br.isEmpty()) {
        if (ifExists) return;
        throw fail("no bridge named " + a.get(0));
      }
      list(db.row("Open_vSwitch", db.root()), "bridges").remove(br.get());
    }

    void addPort(List<String> a, boolean mayExist) {
      need("add-port", a, 2, Integer.MAX_VALUE);
      String br = bridge(a.get(0));
      String name = a.get(1);
      Optional<String> existing = db.find("Port", name);
      if (existing.isPresent()) {
        String onBr = String.valueOf(db.row("Bridge", db.bridgeOfPort(existing.get()).orElse(br)).get("name"));
        if (mayExist && onBr.equals(a.get(0))) return;
        if (mayExist) throw fail("\"--may-exist add-port " + a.get(0) + " " + name + "\" but " + name + " is actually attached to bridge " + onBr);
        throw fail("cannot create a port named " + name + " because a port named " + name + " already exists on bridge " + onBr);
      }
      String iface = newRow("Interface", name);
      String port = newRow("Port", name);
      list(db.row("Port", port), "interfaces").add(iface);
      list(db.row("Bridge", br), "ports").add(port);
      for (String kv : a.subList(2, a.size())) setColumn("Port", port, kv);
      touched.add(name);
    }

    void delPort(List<String> a, boolean ifExists) {
      need("del-port", a, 1, 2);
      String name = a.get(a.size() - 1);
      Optional<String> p = db.find("Port", name);
      if (p.isEmpty()) {
        if (ifExists) return;
        throw fail("no port named " + name);
      }
      String brOf = db.bridgeOfPort(p.get()).orElseThrow();
      if (a.size() == 2 && !brOf.equals(bridge(a.get(0)))) {
        throw fail("bridge " + a.get(0) + " does not have a port " + name + " (although its parent bridge " + db.row("Bridge", brOf).get("name") + " does)");
      }
      list(db.row("Bridge", brOf), "ports").remove(p.get());
    }

    void addBond(List<String> a, boolean mayExist) {
      if (a.size() < 4) throw fail("'add-bond' command requires at least 4 arguments");
      String br = bridge(a.get(0));
      String name = a.get(1);
      List<String> ifaces = new ArrayList<>();
      List<String> settings = new ArrayList<>();
      for (String x : a.subList(2, a.size())) (x.contains("=") ? settings : ifaces).add(x);
      if (ifaces.size() < 2) throw fail("add-bond requires at least 2 interfaces, but only " + ifaces.size() + " were specified");
      Optional<String> existing = db.find("Port", name);
      if (existing.isPresent()) {
        if (mayExist) return;
        throw fail("cannot create a port named " + name + " because a port named " + name + " already exists on bridge "
            + db.row("Bridge", db.bridgeOfPort(existing.get()).orElse(br)).get("name"));
      }
      for (String i : ifaces) if (db.find("Interface", i).isPresent()) throw fail("cannot create an interface named " + i + " because an interface named " + i + " already exists on bridge " + a.get(0));
      String port = newRow("Port", name);
      for (String i : ifaces) {
        list(db.row("Port", port), "interfaces").add(newRow("Interface", i));
        touched.add(i);
      }
      list(db.row("Bridge", br), "ports").add(port);
      for (String kv : settings) setColumn("Port", port, kv);
    }

    // ------------------------------------------------------------------ database commands

    String table(String t) {
      for (String name : Ovsdb.SCHEMA.keySet()) if (name.equalsIgnoreCase(t)) return name;
      throw fail("unknown table \"" + t + "\"");
    }

    String record(String table, String rec, boolean ifExists) {
      if (rec.startsWith("@")) {
        String u = symbols.get(rec);
        if (u == null) throw fail("row id \"" + rec + "\" is referenced but never created (e.g. with \"-- --id=" + rec + " create ...\")");
        return u;
      }
      Optional<String> u = db.find(table, rec);
      if (u.isEmpty()) {
        if (ifExists) return null;
        throw fail("no row \"" + rec + "\" in table " + table);
      }
      return u.get();
    }

    /** A column a command may change: the name columns of bridges, ports, interfaces are fixed at creation. */
    Column writable(String table, String name) {
      Column c = column(table, name);
      if (c.name.equals("name") && List.of("Bridge", "Port", "Interface").contains(table)) {
        throw fail("cannot modify read-only column name in table " + table);
      }
      return c;
    }

    Column column(String table, String name) {
      Map<String, Column> cols = Ovsdb.SCHEMA.get(table);
      if (cols.containsKey(name)) return cols.get(name);
      List<Column> m = cols.values().stream().filter(c -> c.name.startsWith(name)).toList();
      if (m.size() == 1) return m.get(0);
      if (m.isEmpty()) throw fail(table + " does not contain a column whose name matches \"" + name + "\"");
      throw fail(table + " contains more than one column whose name matches \"" + name + "\"");
    }

    void set(List<String> a, boolean ifExists) {
      if (a.size() < 3) throw fail("'set' command requires at least 3 arguments");
      String t = table(a.get(0));
      String u = record(t, a.get(1), ifExists);
      if (u == null) return;
      for (String kv : a.subList(2, a.size())) setColumn(t, u, kv);
    }

    @SuppressWarnings("unchecked")
    void setColumn(String t, String u, String kv) {
      int eq = kv.indexOf('=');
      if (eq < 0) throw fail(kv + ": argument does not end in \"=\" followed by a value.");
      String lhs = kv.substring(0, eq);
      String value = kv.substring(eq + 1);
      String key = null;
      int colon = lhs.indexOf(':');
      if (colon >= 0) {
        key = unquote(lhs.substring(colon + 1));
        lhs = lhs.substring(0, colon);
      }
      Column c = creating ? column(t, lhs) : writable(t, lhs);
      Map<String, Object> row = db.row(t, u);
      if (key != null) {
        if (!c.map) throw fail("cannot specify key to set for non-map column " + c.name);
        ((Map<String, String>) row.get(c.name)).put(key, unquote(value));
        return;
      }
      if (c.map) {
        Map<String, String> m = new LinkedHashMap<>();
        String body = value.trim();
        if (body.startsWith("{") && body.endsWith("}")) body = body.substring(1, body.length() - 1);
        for (String e : splitList(body)) {
          int q = e.indexOf('=');
          if (q < 0) throw fail("\"" + value + "\" is not a valid map");
          m.put(unquote(e.substring(0, q)), unquote(e.substring(q + 1)));
        }
        row.put(c.name, m);
        return;
      }
      List<Object> atoms = new ArrayList<>();
      String body = value.trim();
      if (body.startsWith("[") && body.endsWith("]")) body = body.substring(1, body.length() - 1);
      for (String e : splitList(body)) atoms.add(atom(c, e));
      if (atoms.size() < c.min && !(c.scalar())) throw fail("\"" + value + "\" is not a valid value for column " + c.name);
      if (c.scalar() || c.optional()) {
        if (atoms.size() > 1) throw fail("\"" + value + "\": " + c.name + " takes at most one value");
        if (atoms.isEmpty()) {
          if (c.scalar()) throw fail("\"" + value + "\" is not a valid value for column " + c.name);
          row.remove(c.name);
        } else {
          row.put(c.name, atoms.get(0));
        }
      } else {
        row.put(c.name, new ArrayList<>(new LinkedHashSet<>(atoms)));
      }
    }

    Object atom(Column c, String text) {
      String s = text.trim();
      switch (c.kind) {
        case INT: {
          long v;
          try {
            v = Long.parseLong(s);
          } catch (NumberFormatException e) {
            throw fail("\"" + s + "\" is not a valid integer or range");
          }
          if (v < c.lo || v > c.hi) throw fail("constraint violation: " + v + " is not in the valid range " + c.lo + " to " + c.hi + " (inclusive)");
          return v;
        }
        case BOOL:
          if (s.equals("true")) return Boolean.TRUE;
          if (s.equals("false")) return Boolean.FALSE;
          throw fail("\"" + s + "\" is not a valid boolean (use \"true\" or \"false\")");
        case UUID: {
          if (s.startsWith("@")) return record(c.ref, s, false);
          return record(c.ref, s, false);
        }
        default: {
          String v = unquote(s);
          if (c.enums != null && !c.enums.contains(v)) {
            throw fail("constraint violation: " + v + " is not one of the allowed values ([" + String.join(", ", new TreeSet<>(c.enums)) + "])");
          }
          return v;
        }
      }
    }

    static String unquote(String s) {
      String t = s.trim();
      if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) return t.substring(1, t.length() - 1).replace("\\\"", "\"");
      return t;
    }

    /** Splits on commas outside double quotes. */
    static List<String> splitList(String body) {
      List<String> parts = new ArrayList<>();
      if (body.isBlank()) return parts;
      StringBuilder cur = new StringBuilder();
      boolean q = false;
      for (char ch : body.toCharArray()) {
        if (ch == '"') q = !q;
        if (ch == ',' && !q) {
          parts.add(cur.toString());
          cur.setLength(0);
        } else {
          cur.append(ch);
        }
      }
      parts.add(cur.toString());
      return parts;
    }

    @SuppressWarnings("unchecked")
    void clear(List<String> a, boolean ifExists) {
      if (a.size() < 3) throw fail("'clear' command requires at least 3 arguments");
      String t = table(a.get(0));
      String u = record(t, a.get(1), ifExists);
      if (u == null) return;
      Map<String, Object> row = db.row(t, u);
      for (String col : a.subList(2, a.size())) {
        Column c = writable(t, col);
        if (c.scalar() || c.min > 0) throw fail("\"clear\" operation cannot be applied to column " + c.name + " of table " + t + ", which is not allowed to be empty");
        if (c.map) ((Map<String, String>) row.get(c.name)).clear();
        else if (c.set()) ((List<Object>) row.get(c.name)).clear();
        else row.remove(c.name);
      }
    }

    @SuppressWarnings("unchecked")
    void addRemove(List<String> a, boolean add, boolean ifExists) {
      if (a.size() < 4) throw fail("'" + (add ? "add" : "remove") + "' command requires at least 4 arguments");
      String t = table(a.get(0));
      String u = record(t, a.get(1), ifExists);
      if (u == null) return;
      Column c = writable(t, a.get(2));
      Map<String, Object> row = db.row(t, u);
      for (String v : a.subList(3, a.size())) {
        if (c.map) {
          Map<String, String> m = (Map<String, String>) row.get(c.name);
          int q = v.indexOf('=');
          if (add) {
            if (q < 0) throw fail("\"" + v + "\" is not a valid map entry");
            m.putIfAbsent(unquote(v.substring(0, q)), unquote(v.substring(q + 1)));
          } else {
            m.remove(unquote(q < 0 ? v : v.substring(0, q)));
          }
        } else if (c.set()) {
          List<Object> l = (List<Object>) row.get(c.name);
          for (String e : splitList(v)) {
            Object at = atom(c, e);
            if (add && !l.contains(at)) l.add(at);
            if (!add) l.remove(at);
          }
        } else {
          Object at = atom(c, v);
          if (add) row.put(c.name, at);
          else if (at.equals(row.get(c.name))) row.remove(c.name);
        }
      }
    }

    @SuppressWarnings("unchecked")
    void get(List<String> a, String id, boolean ifExists) {
      if (a.size() < 2) throw fail("'get' command requires at least 2 arguments");
      String t = table(a.get(0));
      String u = record(t, a.get(1), ifExists);
      if (u == null) return;
      if (id != null) symbols.put(id, u);
      Map<String, Object> row = db.row(t, u);
      for (String col : a.subList(2, a.size())) {
        String key = null;
        int colon = col.indexOf(':');
        if (colon >= 0) {
          key = col.substring(colon + 1);
          col = col.substring(0, colon);
        }
        Column c = column(t, col);
        if (key != null) {
          String v = ((Map<String, String>) row.get(c.name)).get(key);
          if (v == null) throw fail("no key \"" + key + "\" in " + t + " record \"" + a.get(1) + "\" column " + c.name);
          out.append(word(v)).append('\n');
        } else {
          out.append(text(c, row.get(c.name))).append('\n');
        }
      }
    }

    void create(List<String> a, String id) {
      if (a.isEmpty()) throw fail("'create' command requires at least 1 arguments");
      String t = table(a.get(0));
      Map<String, Object> r = Ovsdb.newRow(t);
      String u = db.uuid();
      db.rows.get(t).put(u, r);
      if (id != null) symbols.put(id, u);
      creating = true;
      for (String kv : a.subList(1, a.size())) setColumn(t, u, kv);
      creating = false;
      for (Column c : Ovsdb.SCHEMA.get(t).values()) {
        if (c.set() && c.min > 0 && ((List<?>) r.get(c.name)).isEmpty()) throw fail("transaction error: constraint violation: " + c.name + " must have at least " + c.min + " value");
      }
      if (id == null) out.append(u).append('\n');
    }

    void destroy(List<String> a, boolean ifExists) {
      if (a.size() < 2) throw fail("'destroy' command requires at least 2 arguments");
      String t = table(a.get(0));
      for (String rec : a.subList(1, a.size())) {
        String u = record(t, rec, ifExists);
        if (u != null) db.rows.get(t).remove(u);
      }
    }

    void waitUntil(List<String> a) {
      if (a.size() < 2) throw fail("'wait-until' command requires at least 2 arguments");
      String t = table(a.get(0));
      Optional<String> u = db.find(t, a.get(1));
      boolean ok = u.isPresent();
      if (ok) {
        // the conditions are judged after ovs-vswitchd has caught up with this transaction
        db.collectGarbage();
        vswitchd();
        Map<String, Object> row = db.row(t, u.get());
        for (String cond : a.subList(2, a.size())) {
          int eq = cond.indexOf('=');
          Column c = column(t, cond.substring(0, eq));
          Object want = atom(c, cond.substring(eq + 1));
          if (!want.equals(row.get(c.name))) ok = false;
        }
      }
      if (!ok) throw new FakeToolExit(142, "ovs-vsctl: fatal_signal|WARN|terminating with signal 14 (Alarm clock)");
    }

    void list(List<String> a, List<String> columns) {
      if (a.isEmpty()) throw fail("'list' command requires at least 1 arguments");
      String t = table(a.get(0));
      List<String> uuids = new ArrayList<>();
      if (a.size() == 1) uuids.addAll(db.rows.get(t).keySet());
      else for (String rec : a.subList(1, a.size())) uuids.add(record(t, rec, false));
      List<String> heads = new ArrayList<>();
      if (columns == null) {
        heads.add("_uuid");
        heads.addAll(Ovsdb.SCHEMA.get(t).keySet());
      } else {
        for (String c : columns) heads.add(c.equals("_uuid") ? "_uuid" : column(t, c).name);
      }
      if (format.equals("json")) {
        out.append("{\"data\":[");
        out.append(uuids.stream().map(u -> heads.stream().map(h -> h.equals("_uuid") ? "[\"uuid\"," + q(u) + "]"
            : json(Ovsdb.SCHEMA.get(t).get(h), db.row(t, u).get(h))).collect(Collectors.joining(",", "[", "]"))).collect(Collectors.joining(",")));
        out.append("],\"headings\":[").append(heads.stream().map(OvsVsctl::q).collect(Collectors.joining(","))).append("]}\n");
        return;
      }
      boolean first = true;
      for (String u : uuids) {
        if (!first) out.append('\n');
        first = false;
        for (String h : heads) {
          String v = h.equals("_uuid") ? u : text(Ovsdb.SCHEMA.get(t).get(h), db.row(t, u).get(h));
          out.append(String.format("%-20s: %s%n", h, v));
        }
      }
    }

    // ------------------------------------------------------------------ ovs-vswitchd

    /** What ovs-vswitchd does after a transaction: devices for bridges and internal ports, ofports, MTUs, errors. */
    void vswitchd() {
      Set<String> wanted = new java.util.HashSet<>();
      Set<String> refused = new java.util.HashSet<>();
      for (Map.Entry<String, Map<String, Object>> be : db.rows.get("Bridge").entrySet()) {
        Map<String, Object> b = be.getValue();
        String dp = String.valueOf(b.get("datapath_type"));
        boolean up = dp.equals("netdev") || db.kernelDatapath;
        String type = dp.equals("netdev") ? "tun" : "openvswitch";
        String brName = String.valueOf(b.get("name"));
        for (Object pu : list(b, "ports")) {
          Map<String, Object> p = db.row("Port", String.valueOf(pu));
          if (p == null) continue;
          for (Object iu : list(p, "interfaces")) {
            String iuuid = String.valueOf(iu);
            Map<String, Object> i = db.row("Interface", iuuid);
            if (i == null) continue;
            String name = String.valueOf(i.get("name"));
            if (!up) {
              i.remove("ofport");
              if (touched.contains(name)) {
                err.append("ovs-vsctl: Error detected while setting up '").append(name).append("'.  See ovs-vswitchd log for details.\n")
                    .append("ovs-vsctl: The default log directory is \"/var/log/openvswitch\".\n");
                touched.remove(name);
              }
              continue;
            }
            boolean internal = i.get("type").equals("internal");
            // a userspace bridge's internal port is a tap device, whose name vswitchd cuts to the kernel's 15 bytes
            String dev = internal && dp.equals("netdev") ? kernelName(name) : name;
            if (internal) {
              wanted.add(dev);
              if (ctx.link(dev).isEmpty()) {
                try {
                  ctx.addLink(dev, type);
                  db.made.add(dev);
                } catch (IllegalArgumentException kernelRefused) {
                  refused.add(name);   // a name the kernel refuses ("a b", "x:y", and 16+ characters on the kernel datapath): EINVAL
                }
              }
            }
            if (!name.equals(brName) && !db.ofports.containsKey(iuuid)) {
              long next = db.nextOfport.getOrDefault(be.getKey(), 1L);
              db.ofports.put(iuuid, next);
              db.nextOfport.put(be.getKey(), next + 1);
            }
            if (ctx.link(dev).isEmpty()) {
              i.put("ofport", -1L);
              String e = "could not open network device " + name + (refused.contains(name) ? " (Invalid argument)" : " (No such device)");
              i.put("error", e);
              i.remove("mtu");
              if (touched.remove(name)) {
                err.append("ovs-vsctl: Error detected while setting up '").append(name).append("': ").append(e)
                    .append(".  See ovs-vswitchd log for details.\novs-vsctl: The default log directory is \"/var/log/openvswitch\".\n");
              }
              continue;
            }
            i.remove("error");
            i.put("ofport", name.equals(brName) ? 65534L : db.ofports.get(iuuid));
            Object req = i.get("mtu_request");
            if (req != null && ctx.link(dev).get().mtu() != ((Long) req).intValue()) {
              ctx.run(HostCommand.of("ip", "link", "set", "dev", dev, "mtu", String.valueOf(req)));
            }
            i.put("mtu", (long) ctx.link(dev).get().mtu());
          }
        }
      }
      // devices of bridges and internal ports that are gone
      for (String made : List.copyOf(db.made)) {
        if (wanted.contains(made)) continue;
        db.made.remove(made);
        if (ctx.link(made).isPresent()) ctx.deleteLink(made);
      }
    }
  }

  /** A name cut to the kernel's IFNAMSIZ - 1 = 15 bytes of UTF-8, as vswitchd copies it into a tap's ifreq (never mid-character). */
  static String kernelName(String name) {
    int bytes = 0;
    int end = 0;
    while (end < name.length()) {
      int cp = name.codePointAt(end);
      int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + len > 15) break;
      bytes += len;
      end += Character.charCount(cp);
    }
    return name.substring(0, end);
  }

  // ------------------------------------------------------------------ rendering

  static String q(String s) { return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""; }

  @SuppressWarnings("unchecked")
  static String json(Column c, Object v) {
    if (c.map) {
      Map<String, String> m = (Map<String, String>) v;
      return "[\"map\",[" + m.entrySet().stream().map(e -> "[" + q(e.getKey()) + "," + q(e.getValue()) + "]").collect(Collectors.joining(",")) + "]]";
    }
    if (c.set()) {
      List<Object> l = (List<Object>) v;
      if (l.size() == 1) return jsonAtom(c, l.get(0));
      return "[\"set\",[" + l.stream().map(x -> jsonAtom(c, x)).collect(Collectors.joining(",")) + "]]";
    }
    if (v == null) return "[\"set\",[]]";
    return jsonAtom(c, v);
  }

  static String jsonAtom(Column c, Object v) {
    if (c.kind == Kind.UUID) return "[\"uuid\"," + q(String.valueOf(v)) + "]";
    if (c.kind == Kind.STRING) return q(String.valueOf(v));
    return String.valueOf(v);
  }

  @SuppressWarnings("unchecked")
  static String text(Column c, Object v) {
    if (c.map) {
      Map<String, String> m = (Map<String, String>) v;
      return "{" + m.entrySet().stream().map(e -> word(e.getKey()) + "=" + word(e.getValue())).collect(Collectors.joining(", ")) + "}";
    }
    if (c.set()) {
      List<Object> l = (List<Object>) v;
      return "[" + l.stream().map(x -> textAtom(c, x)).collect(Collectors.joining(", ")) + "]";
    }
    if (v == null) return "[]";
    return textAtom(c, v);
  }

  static String textAtom(Column c, Object v) { return c.kind == Kind.STRING ? word(String.valueOf(v)) : String.valueOf(v); }

  /** A string as ovs-vsctl prints it: bare when it is a plain word, else quoted. */
  static String word(String s) {
    return !s.isEmpty() && s.matches("[A-Za-z_][A-Za-z0-9_./-]*") && !s.equals("true") && !s.equals("false") ? s : q(s);
  }
}
