package io.kvmsdk.testkit;

import io.kvmsdk.core.host.Arg;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.FakeHostState.Cidr;
import io.kvmsdk.testkit.FakeHostState.Link;
import io.kvmsdk.testkit.FakeHostState.Node;
import io.kvmsdk.testkit.FakeHostState.Ns;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import io.kvmsdk.testkit.host.FakeToolExit;
import io.kvmsdk.testkit.host.FakeToolSlot;
import io.kvmsdk.testkit.host.FakeToolState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * A {@link FakeToolContext} for one command run by one tool. The commands one runner call starts
 * (the command itself and those it runs, as {@code sh -c} or {@code ip netns exec} do) share one
 * working copy of the host's state; a nested command that fails without
 * {@link #keepChanges()} is undone on its own, as a child process's changes would never have been made.
 */
final class FakeHostContext implements FakeToolContext {
  static final Pattern IFNAME = Pattern.compile("[^/\\s:]{1,15}");
  private static final int MAX_DEPTH = 16;

  /** What the commands of one runner call share. */
  private static final class Run {
    final String host;
    final FakeClock clock;
    final FakeHostTools tools;
    final FakeHostState work;
    int depth;

    Run(String host, FakeClock clock, FakeHostTools tools, FakeHostState work) {
      this.host = host;
      this.clock = clock;
      this.tools = tools;
      this.work = work;
    }
  }

  /** A command's result and whether its changes stay. */
  record Outcome(CommandResult result, boolean keep) {}

  private final Run run;
  private final HostCommand command;
  private final String ns;
  private boolean keep;

  private FakeHostContext(Run run, HostCommand command, String ns) {
    this.run = run;
    this.command = command;
    this.ns = ns;
  }

  /** Runs {@code command} (sudo removed) in the host namespace against {@code work}; the caller keeps {@code work} if the outcome says so. */
  static Outcome runTop(String host, FakeClock clock, FakeHostTools tools, FakeHostState work, HostCommand command) {
    return exec(new Run(host, clock, tools, work), command, FakeHostState.HOST_NS);
  }

  private static Outcome exec(Run run, HostCommand command, String ns) {
    FakeHostContext c = new FakeHostContext(run, command, ns);
    String prog = command.argv().get(0);
    Optional<FakeTool> tool = run.tools.find(prog);
    if (tool.isEmpty()) return new Outcome(c.result(127, "", notFound(prog)), false);
    CommandResult r;
    try {
      r = tool.get().run(command, c);
      if (r == null) throw new IllegalStateException(tool.get().getClass().getName() + " returned no result for `" + command + "`");
    } catch (FakeToolExit e) {
      r = c.result(e.exitCode(), e.stdout(), e.stderr());
    }
    return new Outcome(r, r.ok() || c.keep);
  }

  /**
   * What bash prints for a program it cannot find, after its own {@code bash: } or
   * {@code bash: line 1: } (which shell runs the command, and how, depends on the runner).
   */
  static String notFound(String prog) {
    return prog + (prog.contains("/") ? ": No such file or directory\n" : ": command not found\n");
  }

  /** The built-ins reach the whole state through this. */
  static FakeHostContext of(FakeToolContext ctx) {
    if (ctx instanceof FakeHostContext) return (FakeHostContext) ctx;
    throw new IllegalArgumentException("the built-in fake tools run only on a FakeHost's context, got " + ctx.getClass().getName());
  }

  /** The working state of this command. */
  FakeHostState state() { return run.work; }

  /** This command's namespace in the working state. */
  Ns ns() { return run.work.namespaces.get(ns); }

  /**
   * Runs {@code body} with stdout and stderr collected in {@code out} and {@code err}: a
   * {@link FakeToolExit} it throws adds its own output after what was collected.
   */
  CommandResult collect(StringBuilder out, StringBuilder err, IntSupplier body) {
    try {
      int rc = body.getAsInt();
      return result(rc, out.toString(), err.toString());
    } catch (FakeToolExit e) {
      return result(e.exitCode(), out + e.stdout(), err + e.stderr());
    }
  }

  /** {@code command} from its argument {@code from} on, with the same stdin, environment and timeout. */
  static HostCommand tail(HostCommand command, int from) {
    HostCommand.Builder b = HostCommand.builder();
    List<Arg> args = command.args();
    for (Arg a : args.subList(from, args.size())) b.arg(a);
    b.timeout(command.timeout());
    command.stdin().ifPresent(in -> { if (command.stdinSecret()) b.secretStdin(in); else b.stdin(in); });
    command.env().forEach((k, v) -> { if (v.isSecret()) b.secretEnv(k, v.value()); else b.env(k, v.value()); });
    return b.build();
  }

  // ------------------------------------------------------------------ FakeToolContext

  @Override public String host() { return run.host; }

  @Override public FakeClock clock() { return run.clock; }

  @Override public HostCommand command() { return command; }

  @Override public String namespace() { return ns; }

  @Override public List<String> namespaces() {
    List<String> out = new ArrayList<>(run.work.namespaces.keySet());
    out.remove(FakeHostState.HOST_NS);
    return List.copyOf(out);
  }

  @Override public List<FakeHostLink> links() { return ns().publicLinks(); }

  @Override public Optional<FakeHostLink> link(String name) {
    return Optional.ofNullable(ns().links.get(name)).map(Link::toPublic);
  }

  private Link existing(String name) {
    Link l = ns().links.get(name);
    if (l == null) throw new IllegalArgumentException("no link '" + name + "' in " + where());
    return l;
  }

  private String where() { return (ns.isEmpty() ? "the host namespace" : "namespace '" + ns + "'") + " of " + run.host; }

  @Override public void addLink(String name, String type) {
    if (!IFNAME.matcher(name).matches() || name.equals(".") || name.equals("..")) throw new IllegalArgumentException("'" + name + "' is not a valid link name");
    if (type.equals("veth") || type.equals("vlan")) throw new IllegalArgumentException("a " + type + " needs its peer or parent: run `ip link add` for it");
    if (type.equals("loopback") || type.equals("device")) throw new IllegalArgumentException("a " + type + " link is there at boot (FakeHost.withPhysicalLink), not made");
    if (ns().links.containsKey(name)) throw new IllegalArgumentException("link '" + name + "' exists in " + where());
    Link l = ns().add(name, type);
    if (type.equals("bridge")) l.vlans.put(1, new java.util.LinkedHashSet<>(List.of("PVID", "untagged")));
  }

  @Override public void deleteLink(String name) {
    Link l = existing(name);
    if (l.type.equals("loopback") || l.type.equals("device")) throw new IllegalArgumentException("the kernel does not delete " + l.type + " link '" + name + "'");
    run.work.delete(ns(), l);
  }

  @Override public void setLinkUp(String name, boolean up) { ns().setUp(existing(name), up); }

  @Override public void setMaster(String name, String master) {
    Link l = existing(name);
    if (master == null) { ns().release(l); return; }
    existing(master);
    if (master.equals(name)) throw new IllegalArgumentException("link '" + name + "' cannot be its own master");
    ns().enslave(l, master);
  }

  private static String address(String cidr) {
    if (cidr.contains(":")) return cidr.contains("/") ? cidr : cidr + "/128";
    Cidr c = Cidr.tryParse(cidr);
    if (c == null) throw new IllegalArgumentException("'" + cidr + "' is not an address");
    return c.cidr();
  }

  @Override public boolean addAddress(String name, String cidr) {
    Link l = existing(name);
    String a = address(cidr);
    if (l.addresses.contains(a)) return false;
    ns().addAddress(l, a);
    return true;
  }

  @Override public boolean deleteAddress(String name, String cidr) { return ns().deleteAddress(existing(name), address(cidr)); }

  @Override public Optional<String> sysctl(String key) {
    String k = key.replace('/', '.');
    return Optional.ofNullable(k.startsWith("net.") ? ns().sysctls.get(k) : run.work.hostSysctls.get(k));
  }

  @Override public void setSysctl(String key, String value) {
    String k = key.replace('/', '.');
    if (sysctl(k).isEmpty()) throw new IllegalArgumentException("no sysctl " + k + " in " + where());
    run.work.setSysctl(ns(), k, value);
  }

  /** {@code path} as absolute: a relative one starts from {@link #WORKING_DIRECTORY}. */
  static String absolute(String path) { return path.startsWith("/") ? path : WORKING_DIRECTORY + "/" + path; }

  @Override public Optional<String> readFile(String path) {
    Node n = run.work.lookup(absolute(path), ns);
    return n == null || n.isDirectory() ? Optional.empty() : Optional.of(n.content());
  }

  @Override public boolean exists(String path) { return run.work.lookup(absolute(path), ns) != null; }

  @Override public boolean isDirectory(String path) {
    Node n = run.work.lookup(absolute(path), ns);
    return n != null && n.isDirectory();
  }

  @Override public void writeFile(String path, String content) {
    String norm = FakeHostState.normalize(absolute(path));
    String why = run.work.unwritable(norm);
    if (why != null) {
      String prog = command.argv().get(0);
      throw fail(1, prog.substring(prog.lastIndexOf('/') + 1) + ": cannot create regular file '" + path + "': " + why);
    }
    run.work.files.put(norm, Objects.requireNonNull(content, "content"));   // checked just above
  }

  @Override public boolean deleteFile(String path) { return run.work.files.remove(FakeHostState.normalize(absolute(path))) != null; }

  @Override public List<String> listDirectory(String dir) {
    String d = FakeHostState.normalize(absolute(dir));
    String prefix = d.equals("/") ? "/" : d + "/";
    java.util.SortedSet<String> names = new java.util.TreeSet<>();
    for (String f : run.work.files.tailMap(prefix).keySet()) {
      if (!f.startsWith(prefix)) break;
      String rest = f.substring(prefix.length());
      names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
    }
    return List.copyOf(names);
  }

  @Override public <S extends FakeToolState<S>> S state(FakeToolSlot<S> slot) { return run.work.state(slot); }

  @Override public boolean hasTool(String program) { return run.tools.find(program).isPresent(); }

  @Override public CommandResult run(HostCommand nested) { return runIn(ns, nested); }

  @Override public CommandResult runIn(String namespace, HostCommand nested) {
    if (!run.work.namespaces.containsKey(namespace)) throw new IllegalArgumentException("no network namespace '" + namespace + "' on " + run.host);
    if (run.depth >= MAX_DEPTH) throw new IllegalStateException("commands nested " + MAX_DEPTH + " deep on " + run.host + ": `" + nested + "`");
    FakeHostState checkpoint = run.work.copy();
    run.depth++;
    try {
      Outcome o = exec(run, nested, namespace);
      // what a child keeps, its caller keeps (a wrapper such as sh or ip netns exec changes nothing itself)
      if (o.keep()) keep = true; else run.work.restore(checkpoint);
      return o.result();
    } finally {
      run.depth--;
    }
  }

  @Override public void keepChanges() { keep = true; }

  @Override public CommandResult result(int exitCode, String stdout, String stderr) {
    return CommandResult.of(command, run.host, exitCode, stdout, stderr);
  }
}
