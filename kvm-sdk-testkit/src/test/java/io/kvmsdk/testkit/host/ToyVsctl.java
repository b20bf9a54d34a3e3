package io.kvmsdk.testkit.host;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A test-only tool written against the public SPI alone, shaped like a sliver of ovs-vsctl: its
 * database lives in a {@link FakeToolSlot} that survives reboots (as OVSDB on disk does), its
 * bridges are kernel links of type {@code openvswitch}, commands joined with {@code --} run as one
 * transaction, and {@code --may-exist}/{@code --if-exists} make them idempotent. Listed in
 * {@code META-INF/services/io.kvmsdk.testkit.host.FakeTool} of the test class path.
 */
public final class ToyVsctl implements FakeTool {
  /** Bridge name to port names. */
  public static final class Db implements FakeToolState<Db> {
    final Map<String, Set<String>> bridges = new TreeMap<>();

    @Override public Db copy() {
      Db d = new Db();
      bridges.forEach((k, v) -> d.bridges.put(k, new TreeSet<>(v)));
      return d;
    }

    @Override public List<String> describe() {
      List<String> out = new ArrayList<>();
      bridges.forEach((b, ports) -> out.add("bridge " + b + " ports " + ports));
      return out;
    }

    @Override public Optional<Db> afterReboot() { return Optional.of(copy()); }

    /** The bridges, sorted. */
    public Set<String> bridges() { return Set.copyOf(bridges.keySet()); }
  }

  public static final FakeToolSlot<Db> DB = FakeToolSlot.of("toy-ovsdb", Db::new);

  @Override public Set<String> names() { return Set.of("toy-vsctl"); }

  @Override public List<String> words(List<String> argv) {
    List<String> w = new ArrayList<>();
    for (String a : argv) if (!a.startsWith("--") || a.equals("--")) w.add(a);
    return w;
  }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    List<String> argv = command.argv();
    List<List<String>> commands = new ArrayList<>();
    List<String> cur = new ArrayList<>();
    for (String a : argv.subList(1, argv.size())) {
      if (a.equals("--")) { commands.add(cur); cur = new ArrayList<>(); } else cur.add(a);
    }
    commands.add(cur);
    Db db = ctx.state(DB);
    StringBuilder out = new StringBuilder();
    for (List<String> c : commands) {
      Getopt.Parsed p = Getopt.of("toy-vsctl", "+", "may-exist", "if-exists").parse(c);
      if (!p.ok()) throw ctx.fail(1, p.errors().get(0));
      if (p.operands().isEmpty()) throw ctx.fail(1, "toy-vsctl: missing command name (use --help for help)");
      List<String> a = p.operands();
      String verb = a.get(0);
      switch (verb) {
        case "add-br": {
          String br = arg(a, 1, ctx);
          if (db.bridges.containsKey(br)) {
            if (p.has("may-exist")) break;
            throw ctx.fail(1, "toy-vsctl: cannot create a bridge named " + br + " because a bridge named " + br + " already exists");
          }
          db.bridges.put(br, new TreeSet<>());
          ctx.addLink(br, "openvswitch");
          break;
        }
        case "del-br": {
          String br = arg(a, 1, ctx);
          if (!db.bridges.containsKey(br)) {
            if (p.has("if-exists")) break;
            throw ctx.fail(1, "toy-vsctl: no bridge named " + br);
          }
          db.bridges.remove(br);
          if (ctx.link(br).isPresent()) ctx.deleteLink(br);
          break;
        }
        case "add-port": {
          String br = arg(a, 1, ctx);
          String port = arg(a, 2, ctx);
          if (!db.bridges.containsKey(br)) throw ctx.fail(1, "toy-vsctl: no bridge named " + br);
          db.bridges.get(br).add(port);
          if (ctx.link(port).isPresent()) ctx.setMaster(port, br);
          break;
        }
        case "list-br":
          db.bridges.keySet().forEach(b -> out.append(b).append('\n'));
          break;
        case "br-exists":
          if (!db.bridges.containsKey(arg(a, 1, ctx))) throw new FakeToolExit(2, "");
          break;
        default:
          throw ctx.fail(1, "toy-vsctl: unknown command '" + verb + "'; use --help for help");
      }
    }
    return ctx.ok(out.toString());
  }

  private static String arg(List<String> a, int i, FakeToolContext ctx) {
    if (i >= a.size()) throw ctx.fail(1, "toy-vsctl: '" + a.get(0) + "' command requires at least " + i + " arguments");
    return a.get(i);
  }
}
