package io.kvmsdk.testkit;

import io.kvmsdk.core.KvmTimeoutException;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolSlot;
import io.kvmsdk.testkit.host.FakeToolState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Consumer;

/**
 * A fake {@link CommandRunner}: interprets the host commands the SDK emits into a simulated host
 * that tests can query, fails like the real tools on impossible commands, records every command,
 * and takes injected {@link Fault}s. Pure Java, in memory, thread-safe.
 *
 * <p>Understood commands (each also as {@code ip netns exec NS <command>} and with {@code sudo}, which
 * the fake host, running everything as root, accepts and ignores like the real runner's
 * {@code sudo -n --} prefix):
 * <ul>
 * <li>{@code ip [-n NS] [-j] [-br] link add [link P] NAME [mtu N] [address MAC] type bridge|veth [peer name P]|dummy|vlan id N},
 *     {@code link del [dev] X}, {@code link set [dev] X} with any of {@code up down master BR nomaster mtu N
 *     address MAC name NEW netns NS}, {@code link show [dev X] [type T] [master BR] [up]};</li>
 * <li>{@code ip addr add|del|replace CIDR dev X}, {@code addr show [dev X]}, {@code addr flush dev X} (IPv4; IPv6 stored only);</li>
 * <li>{@code ip route add|append|replace|del PREFIX|default [via GW] [dev X] [metric N] [proto P]}, {@code route show} (main table, IPv4);</li>
 * <li>{@code ip netns add|del|list|exec};</li>
 * <li>{@code bridge [-n NS] [-j] vlan add|del dev X vid N[-M] [pvid] [untagged] [self]}, {@code bridge vlan show [dev X]};</li>
 * <li>{@code sysctl [-n] [-q] [-e] [-w] KEY[=VALUE]...} (net.* per namespace, others per host);</li>
 * <li>reads of the kernel's files {@code /proc/sys/KEY} and {@code /sys/class/net/IF[/mtu|address|operstate|flags|ifindex|master|bridge|brif/PORT]}
 *     and of kept files ({@link #withFile}, or written by a tool) with {@code test -e|-d|-f|-s PATH},
 *     {@code cat PATH}, {@code grep [-qxFwi] PATTERN [PATH]}, so plans can check state by exit code;</li>
 * <li>{@code sh -c 'COMMAND'} and {@code sh -c 'A | B | ...'} (simple commands, each reading the one before's stdout);</li>
 * <li>{@code true}, {@code false}.</li>
 * </ul>
 * Each tool is read by its own interpreter, a {@link FakeTool}; more come from the class path
 * ({@code META-INF/services/io.kvmsdk.testkit.host.FakeTool}: a feature module's fakes of
 * ovs-vsctl, nft, tgtadm, ...) and from {@link #withTool(FakeTool)}. A tool keeps its own state
 * (an OVSDB, a ruleset) in the host, so snapshots, crashes and reboots cover it. A program no tool
 * answers to exits 127 with {@code <prog>: command not found}, as bash reports it (a path:
 * {@code No such file or directory}). Errors reproduce iproute2 6.1's and procps-ng's exit codes and
 * stderr (the contract test {@code FakeHostContractTest} runs the same commands against the real
 * tools in a scratch namespace). A command that fails changes nothing, unless its real tool applies
 * item by item: like the kernel, a {@code link set} with several settings applies them in the
 * kernel's order and keeps those before a failing one, and {@code sysctl} keeps the keys it set.
 * Known simplifications: MACs are derived from link names; bridges keep their own MAC.
 *
 * <pre>{@code
 * FakeHost host = FakeHost.create("hv1");
 * plan.apply(host);
 * assertThat(host.ports("br0")).containsExactly("vnet0");
 * FakeHostSnapshot before = host.snapshot();
 * assertThat(plan.apply(host).changed()).isFalse();
 * assertThat(host.snapshot()).isEqualTo(before);
 * }</pre>
 */
public final class FakeHost implements CommandRunner {
  private final String name;
  private final FakeClock clock;
  private final Object lock = new Object();
  private FakeHostState state;
  private FakeHostState bootState;
  private FakeHostTools tools;
  private final List<HostCommand> commands = new ArrayList<>();
  private final List<CommandResult> results = new ArrayList<>();
  private final List<FaultRule> rules = new ArrayList<>();
  private boolean crashed;
  /** The cluster whose host of this name this is (its hypervisor crashes and boots with it), or null. */
  private volatile FakeCluster cluster;

  private FakeHost(String name, FakeClock clock) {
    this.name = Objects.requireNonNull(name, "name");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.state = FakeHostState.boot();
    this.bootState = state.copy();
    this.tools = FakeHostTools.discover();
  }

  /** A fresh host named {@code fakehost} with its own clock. */
  public static FakeHost create() { return new FakeHost("fakehost", FakeClock.create()); }

  /** A fresh host named {@code name} with its own clock. */
  public static FakeHost create(String name) { return new FakeHost(name, FakeClock.create()); }

  /** A fresh host named {@code name} whose slow and timed-out commands advance {@code clock}. */
  public static FakeHost create(String name, FakeClock clock) { return new FakeHost(name, clock); }

  @Override public String host() { return name; }

  /** The clock slow commands and timeouts advance. */
  public FakeClock clock() { return clock; }

  // ------------------------------------------------------------------ set-up

  /**
   * Adds a physical NIC (type {@code device}, up, MTU 1500) to the host namespace, as present at
   * boot: it survives a {@link Fault#HOST_CRASH} and cannot be deleted. Returns this host.
   */
  public FakeHost withPhysicalLink(String linkName) {
    synchronized (lock) {
      for (FakeHostState st : List.of(state, bootState)) {
        FakeHostState.Ns ns = st.namespaces.get(FakeHostState.HOST_NS);
        if (ns.links.containsKey(linkName)) throw new IllegalArgumentException("link '" + linkName + "' already exists on " + name);
        ns.add(linkName, "device").up = true;
      }
    }
    return this;
  }

  /** Creates (or sets) sysctl {@code key} as present at boot, e.g. {@code net.bridge.bridge-nf-call-iptables} once br_netfilter is "loaded". */
  public FakeHost withSysctl(String key, String value) {
    synchronized (lock) {
      String k = key.replace('/', '.');
      for (FakeHostState st : List.of(state, bootState)) {
        if (k.startsWith("net.")) st.namespaces.get(FakeHostState.HOST_NS).sysctls.put(k, value);
        else st.hostSysctls.put(k, value);
      }
    }
    return this;
  }

  /**
   * Adds a kept file, as on the host's disk before the test (e.g. {@code /etc/os-release}): tools
   * read it, {@code cat}, {@code grep} and {@code test} see it, snapshots list it. Returns this host.
   */
  public FakeHost withFile(String path, String content) {
    synchronized (lock) { state.writeFile(path, content); }
    return this;
  }

  /**
   * Adds {@code tool}, which answers to its {@link FakeTool#names()} from now on, instead of any
   * built-in or class-path tool of the same name. Returns this host.
   */
  public FakeHost withTool(FakeTool tool) {
    Objects.requireNonNull(tool, "tool");
    synchronized (lock) { tools = tools.with(tool); }
    return this;
  }

  /**
   * Changes the state of {@code slot} as its tool would, e.g. to start from a Ceph cluster that
   * already has pools. What survives a reboot is what the state's {@link FakeToolState#afterReboot()} keeps.
   */
  public <S extends FakeToolState<S>> FakeHost withState(FakeToolSlot<S> slot, Consumer<? super S> change) {
    Objects.requireNonNull(change, "change");
    synchronized (lock) {
      FakeHostState work = state.copy();
      change.accept(work.state(slot));
      state = work;
    }
    return this;
  }

  // ------------------------------------------------------------------ running

  @Override public CommandResult run(HostCommand command) {
    Objects.requireNonNull(command, "command");
    List<String> argv = stripSudo(command.argv());
    CommandResult r;
    boolean crashedNow;
    synchronized (lock) {
      boolean was = crashed;
      commands.add(command);
      r = runLocked(command, argv);
      results.add(r);
      crashedNow = crashed && !was;
    }
    // one host: its hypervisor goes down with it (told after this lock is released: the hypervisor's lock comes first)
    FakeCluster c = cluster;
    if (crashedNow && c != null) c.hostCrashed(name);
    return r;
  }

  private CommandResult runLocked(HostCommand command, List<String> argv) {
    if (crashed) return lost(command, "ssh: connect to host " + name + " port 22: No route to host\n", Duration.ZERO);
    List<String> words = words(argv, tools);
    Duration took = Duration.ZERO;
    boolean replyLost = false;
    for (int i = 0; i < rules.size(); i++) {
      FaultRule rule = rules.get(i);
      if (rule.fault() == Fault.LIBVIRT_ERROR || rule.fault() == Fault.MIGRATION_FAILS_MIDWAY || !rule.matches(words)) continue;
      FaultRule next = rule.consumed();
      if (next == null) rules.remove(i); else rules.set(i, next);
      switch (rule.fault()) {
        case COMMAND_FAILS:
          return result(command, rule.exitCode(), "", withNewline(rule.message()), Duration.ZERO);
        case CONNECTION_DROPPED:
          return lost(command, "Connection to " + name + " closed by remote host.\n", Duration.ZERO);
        case HOST_CRASH:
          crashed = true;
          state = state.rebooted(bootState);
          return lost(command, "Connection to " + name + " closed by remote host.\n", Duration.ZERO);
        case TIMEOUT:
          clock.advance(command.timeout());
          throw new KvmTimeoutException("command `" + command + "` on " + name, command.timeout());
        case SLOW:
          if (rule.delay().compareTo(command.timeout()) > 0) {
            clock.advance(command.timeout());
            throw new KvmTimeoutException("command `" + command + "` on " + name, command.timeout());
          }
          clock.advance(rule.delay());
          took = rule.delay();
          break;
        case REPLY_LOST:
          replyLost = true;
          break;
        default:
          break;
      }
      break;
    }
    if (argv.isEmpty()) return result(command, 1, "", "usage: sudo -h | -K | -k | -V\n", took);
    FakeHostState work = state.copy();
    HostCommand toRun = argv.size() == command.argv().size() ? command : FakeHostContext.tail(command, command.argv().size() - argv.size());
    FakeHostContext.Outcome o = FakeHostContext.runTop(name, clock, tools, work, toRun);
    if (o.keep()) state = work;
    if (replyLost) return lost(command, "Connection to " + name + " closed by remote host.\n", took);
    CommandResult r = o.result();
    return result(command, r.exitCode(), r.stdout(), r.stderr(), took);
  }

  private CommandResult result(HostCommand c, int rc, String out, String err, Duration took) {
    return new CommandResult(c, name, rc, out.getBytes(StandardCharsets.UTF_8), err.getBytes(StandardCharsets.UTF_8), false, false, took);
  }

  /** What ssh reports when the connection is lost: exit 255, marked {@link CommandResult#connectionLost()}. */
  private CommandResult lost(HostCommand c, String err, Duration took) {
    return result(c, 255, "", err, took).withConnectionLost();
  }

  private static String withNewline(String s) { return s.isEmpty() || s.endsWith("\n") ? s : s + "\n"; }

  /** argv without a leading {@code sudo [-n] [--]} (the real runner adds it when {@link HostCommand#sudo()}). */
  static List<String> stripSudo(List<String> argv) {
    if (argv.isEmpty() || !argv.get(0).equals("sudo")) return argv;
    int i = 1;
    while (i < argv.size() && argv.get(i).startsWith("-")) {
      if (argv.get(i).equals("--")) { i++; break; }
      i++;
    }
    return argv.subList(i, argv.size());
  }

  /** The words fault matchers see with the built-in tools: argv without ip's/bridge's global options. */
  static List<String> words(List<String> argv) { return words(argv, FakeHostTools.builtIn()); }

  /** The words fault matchers see: what the program's tool makes of the argv ({@link FakeTool#words}). */
  private static List<String> words(List<String> argv, FakeHostTools tools) {
    if (argv.isEmpty()) return argv;
    return tools.find(argv.get(0)).map(t -> t.words(argv)).orElse(argv);
  }

  // ------------------------------------------------------------------ faults

  /** Injects {@code rule}; rules are tried in the order they were injected, the first match applies. */
  public FakeHost inject(FaultRule rule) {
    synchronized (lock) { rules.add(Objects.requireNonNull(rule, "rule")); }
    return this;
  }

  /** Every command {@code matcher} hits exits {@code exitCode} with {@code stderr}, changing nothing. */
  public FakeHost failWhen(FaultMatcher matcher, int exitCode, String stderr) {
    return inject(FaultRule.of(Fault.COMMAND_FAILS, matcher).exitCode(exitCode).message(stderr));
  }

  /** The next command {@code matcher} hits exits {@code exitCode} with {@code stderr}; later ones run normally. */
  public FakeHost failNext(FaultMatcher matcher, int exitCode, String stderr) {
    return inject(FaultRule.of(Fault.COMMAND_FAILS, matcher).exitCode(exitCode).message(stderr).once());
  }

  /** The injected rules still active. */
  public List<FaultRule> faults() { synchronized (lock) { return List.copyOf(rules); } }

  /** Removes every injected fault. */
  public FakeHost clearFaults() {
    synchronized (lock) { rules.clear(); }
    return this;
  }

  /** True after a {@link Fault#HOST_CRASH} (or, in a {@link FakeCluster}, its hypervisor's crash), until {@link #reboot()}. */
  public boolean crashed() { synchronized (lock) { return crashed; } }

  /**
   * Brings a crashed (or running) host back in its boot state: links, addresses, routes, sysctls and
   * namespaces made since boot are gone, as are files under {@code /run}, {@code /tmp} and
   * {@code /dev/shm}; other files stay, and each tool's state keeps what its
   * {@link FakeToolState#afterReboot()} says (a {@link Fault#HOST_CRASH} does the same). In a
   * {@link FakeCluster}, a crashed host's hypervisor boots with it.
   */
  public FakeHost reboot() {
    boolean was;
    synchronized (lock) {
      was = crashed;
      crashed = false;
      state = state.rebooted(bootState);
    }
    FakeCluster c = cluster;
    if (was && c != null) c.hostRebooted(name);
    return this;
  }

  /** Joins {@code c} as its host of this name; crashed from the start when that host's hypervisor is. */
  FakeHost joined(FakeCluster c, boolean hypervisorCrashed) {
    cluster = c;
    if (hypervisorCrashed) crashedWithHypervisor();
    return this;
  }

  /** The hypervisor of this host crashed: so did the host (what a {@link Fault#HOST_CRASH} does, not told back). */
  void crashedWithHypervisor() {
    synchronized (lock) {
      if (crashed) return;
      crashed = true;
      state = state.rebooted(bootState);
    }
  }

  /** The hypervisor of this crashed host booted: so did the host (not told back). */
  void bootedWithHypervisor() {
    synchronized (lock) {
      if (!crashed) return;
      crashed = false;
      state = state.rebooted(bootState);
    }
  }

  // ------------------------------------------------------------------ records

  /** Every command run, in order (including those that failed or hit a fault). */
  public List<HostCommand> commands() { synchronized (lock) { return List.copyOf(commands); } }

  /** The argv of every command run, as people may see it (secrets masked), sudo included. */
  public List<String> commandLines() {
    synchronized (lock) {
      List<String> out = new ArrayList<>();
      for (HostCommand c : commands) out.add(String.join(" ", c.maskedCommandLine()));
      return out;
    }
  }

  /** The result of every command that returned one, in order. */
  public List<CommandResult> results() { synchronized (lock) { return List.copyOf(results); } }

  /** Forgets the recorded commands and results (the state stays). */
  public FakeHost clearCommands() {
    synchronized (lock) {
      commands.clear();
      results.clear();
    }
    return this;
  }

  // ------------------------------------------------------------------ state

  /** The program names this host's tools answer to (built-in, class path, {@link #withTool}). */
  public SortedSet<String> tools() { synchronized (lock) { return tools.names(); } }

  /** The file {@code path} as the host namespace sees it (kept files and the kernel's), empty when absent or a directory. */
  public Optional<String> file(String path) {
    synchronized (lock) {
      FakeHostState.Node n = state.lookup(path, FakeHostState.HOST_NS);
      return n == null || n.isDirectory() ? Optional.empty() : Optional.of(n.content());
    }
  }

  /** A copy of the state in {@code slot} now (a fresh one if no tool has used it): read it, changing it changes nothing. */
  public <S extends FakeToolState<S>> S state(FakeToolSlot<S> slot) {
    synchronized (lock) { return state.copy().state(slot); }
  }

  /** The whole state now: compare two snapshots to prove a second apply changed nothing. */
  public FakeHostSnapshot snapshot() { synchronized (lock) { return state.snapshot(); } }

  /**
   * Fails with an {@link AssertionError} listing every difference (links, routes, sysctls,
   * namespaces, files, tool states) and the commands run since, unless the state equals {@code before}: the check that
   * a second apply changed nothing.
   */
  public void assertUnchangedSince(FakeHostSnapshot before) {
    FakeHostSnapshot now = snapshot();
    List<String> diff = now.diff(before);
    if (diff.isEmpty()) return;
    throw new AssertionError("the state of fake host " + name + " changed:\n  " + String.join("\n  ", diff)
        + "\ncommands run on it: " + (commandLines().isEmpty() ? "none" : "\n  " + String.join("\n  ", commandLines())));
  }

  /** The host's own network namespace. */
  public FakeHostNamespace ns() { return new FakeHostNamespace(this, FakeHostState.HOST_NS); }

  /** The network namespace {@code name} (created with {@code ip netns add}); {@code ""} is the host's own. */
  public FakeHostNamespace ns(String nsName) { return new FakeHostNamespace(this, nsName); }

  /** Names of the namespaces created with {@code ip netns add}. */
  public List<String> namespaces() {
    synchronized (lock) {
      List<String> out = new ArrayList<>(state.namespaces.keySet());
      out.remove(FakeHostState.HOST_NS);
      return List.copyOf(out);
    }
  }

  /** Links of the host namespace. */
  public List<FakeHostLink> links() { return ns().links(); }

  /** The link {@code name} of the host namespace; fails naming the existing links if absent. */
  public FakeHostLink link(String linkName) { return ns().link(linkName); }

  /** True when the host namespace has the link. */
  public boolean hasLink(String linkName) { return ns().hasLink(linkName); }

  /** Bridges of the host namespace. */
  public List<String> bridges() { return ns().bridges(); }

  /** Ports of {@code bridge} in the host namespace. */
  public List<String> ports(String bridge) { return ns().ports(bridge); }

  /** Routes of the host namespace's main table. */
  public List<FakeHostRoute> routes() { return ns().routes(); }

  /** A sysctl of the host namespace. */
  public String sysctl(String key) { return ns().sysctl(key); }

  @Override public String toString() { return "FakeHost[" + name + (crashed() ? ", crashed" : "") + "]"; }
}
