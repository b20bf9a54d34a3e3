package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.host.ApplyOptions;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.LocalCommandRunner;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.PlanEvent;
import io.kvmsdk.core.host.PlanListener;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.core.host.SshCommandRunner;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What every recipe's {@code main} shares: one command line, fake hosts unless told otherwise,
 * progress lines, and three exit statuses.
 *
 * <pre>
 * RECIPE                      fake hosts (fake:///NAME, the testkit's): nothing on this machine is touched
 * RECIPE --uri URI ...        real libvirt hosts, one --uri per host the recipe names, in its order;
 *                             host plans are printed as dry-run scripts
 * RECIPE --uri URI --apply    also applies the host plans: on this machine for a local URI (qemu:///system),
 *                             over ssh for qemu+ssh://USER@HOST/system (root: the recipe says why first)
 * RECIPE ... --port 9177      a recipe's own options ({@link #option}, {@link #flag}), anywhere on the line
 * </pre>
 *
 * Exit status: 0 done; 1 the recipe ran and something failed (its report says what, and what was
 * rolled back); 2 nothing was done or the recipe could not go on: a bad argument, a URI that does
 * not connect, a host lost, missing privileges — one line on stderr saying what to fix, no stack trace.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   Recipe.named("VipFailover").hosts("hv1", "hv2").root("writes /etc/keepalived and starts keepalived").main(args, r -> {
 *     Kvm hv1 = r.kvm("hv1");                        // fake:///hv1, or the first --uri
 *     r.apply("hv1", plan);                          // on the fake host, for real with --apply, else a dry run
 *     return Recipe.DONE;
 *   });
 * }
 * }</pre>
 */
public final class Recipe {
  /** Exit status: everything done. */
  public static final int DONE = 0;
  /** Exit status: the recipe ran and reported a failure. */
  public static final int FAILED = 1;
  /** Exit status: an expected error stopped the recipe (bad argument, unreachable host, missing privileges). */
  public static final int STOPPED = 2;

  /** The recipe's work; returns the exit status ({@link #DONE} or {@link #FAILED}). */
  @FunctionalInterface
  public interface Body {
    int run(Recipe r);
  }

  /** Hears "step {@code done} of {@code total}: {@code what}" during a long step. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total, what) -> { };

    void step(int done, int total, String what);
  }

  /**
   * An expected error: {@link #main} prints its message as one line and exits {@link #STOPPED}.
   * Say what to fix in the message.
   */
  /** {@code --help}: the usage goes to stdout and the recipe exits 0 without running. */
  private static final class Help extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Help(String usage) { super(usage, null, false, false); }
  }

  public static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Stop(String line) { super(line, null, false, false); }
  }

  /** A recipe's own command-line option: {@code --name VALUE}, or a flag {@code --name} when {@code value} is null. */
  private record Opt(String name, String value, String what) {
    String usage() { return name + (value == null ? "" : " " + value); }
  }

  private final String name;
  private List<String> hosts;   // a fleet's real run renames them hv1..hvN
  private final int atLeast;
  private final String rootFor;
  private final BooleanSupplier isRoot;
  private final List<Opt> opts;
  // set per run
  private List<String> uris = List.of();
  private boolean applyForReal;
  private final Map<String, String> given = new LinkedHashMap<>();
  private PrintStream out = System.out;
  private final Map<String, Kvm> open = new LinkedHashMap<>();

  private Recipe(String name, List<String> hosts, int atLeast, String rootFor, BooleanSupplier isRoot) {
    this(name, hosts, atLeast, rootFor, isRoot, List.of());
  }

  private Recipe(String name, List<String> hosts, int atLeast, String rootFor, BooleanSupplier isRoot, List<Opt> opts) {
    this.name = name;
    this.hosts = hosts;
    this.atLeast = atLeast;
    this.rootFor = rootFor;
    this.isRoot = isRoot;
    this.opts = opts;
  }

  /** A recipe called {@code name} (its class's simple name), on one host named {@code hv1}. */
  public static Recipe named(String name) { return new Recipe(name, List.of("hv1"), 0, null, Recipe::runningAsRoot); }

  /** The hosts the recipe works on, by the names its fake hosts get ({@code fake:///NAME}); {@code --uri}s map to them in order. */
  public Recipe hosts(String... names) {
    if (names.length == 0) throw new IllegalArgumentException("a recipe works on at least one host");
    return new Recipe(name, List.of(names), 0, rootFor, isRoot, opts);
  }

  /**
   * Like {@link #hosts} for a fleet: the fake run uses {@code names}; real runs take {@code min} or
   * more {@code --uri}s, named {@code hv1}, {@code hv2}, ... in order.
   */
  public Recipe fleet(int min, String... names) {
    if (min < 1 || names.length < min) throw new IllegalArgumentException("a fleet of at least " + min + " needs as many fake hosts");
    return new Recipe(name, List.of(names), min, rootFor, isRoot, opts);
  }

  /** Says that {@code --apply} needs root, and why ("writes /etc/keepalived/keepalived.conf and starts keepalived"). */
  public Recipe root(String why) { return new Recipe(name, hosts, atLeast, Objects.requireNonNull(why, "why"), isRoot, opts); }

  /** For tests: how the recipe finds out whether it runs as root. */
  Recipe rootCheck(BooleanSupplier check) { return new Recipe(name, hosts, atLeast, rootFor, check, opts); }

  /**
   * Adds option {@code --name VALUE} ({@code option("--port", "N", "where to listen, 0: any free port")}):
   * the body reads it with {@link #value}; given twice, the last one counts.
   */
  public Recipe option(String name, String value, String what) { return withOpt(new Opt(name, Objects.requireNonNull(value, "value"), what)); }

  /** Adds flag {@code --name} ({@code flag("--serve", "keep serving until Ctrl-C")}): the body reads it with {@link #flagged}. */
  public Recipe flag(String name, String what) { return withOpt(new Opt(name, null, what)); }

  private Recipe withOpt(Opt o) {
    if (!o.name().matches("--[a-z][a-z0-9-]*") || Set.of("--uri", "--apply", "--help").contains(o.name())
        || opts.stream().anyMatch(x -> x.name().equals(o.name()))) {
      throw new IllegalArgumentException("option '" + o.name() + "': must be --lower-case-words, not --uri, --apply, --help or twice");
    }
    Objects.requireNonNull(o.what(), "what");
    List<Opt> more = new ArrayList<>(opts);
    more.add(o);
    return new Recipe(name, hosts, atLeast, rootFor, isRoot, List.copyOf(more));
  }

  /** Runs {@code body} with {@code args}; exits the JVM with the status unless it is 0 (then {@code main} just returns). */
  public void main(String[] args, Body body) {
    int status = run(args, System.out, System.err, body);
    if (status != DONE) System.exit(status);
  }

  /** {@link #main}'s work: parses {@code args}, runs {@code body}, closes the connections, returns the exit status. */
  public int run(String[] args, PrintStream out, PrintStream err, Body body) {
    Recipe r = new Recipe(name, hosts, atLeast, rootFor, isRoot, opts);
    r.out = out;
    AutoCloseable binding = null;
    try {
      r.parse(args);
      if (r.uris.isEmpty()) {
        binding = SampleHosts.freshFakeWorld().orElseThrow(() -> new Stop(name + ": no --uri given and the testkit's fake is not on the class"
            + " path; give --uri URI (e.g. --uri qemu:///system) or run with samples/target/classpath.txt"));
        out.println("# " + name + " on fake hosts " + String.join(", ", r.hosts) + " (fake:///NAME: nothing on this machine is touched)");
      } else {
        out.println("# " + name + " on " + String.join(", ", r.uris) + (r.applyForReal ? ", applying host plans on this machine"
            : ", host plans as dry runs (add --apply to run them)"));
      }
      return body.run(r);
    } catch (Help h) {
      out.println(h.getMessage());
      return DONE;
    } catch (Stop s) {
      err.println(name + ": " + s.getMessage());
      return STOPPED;
    } catch (PlanFailedException e) {
      err.println(name + ": " + oneLine(e));
      return FAILED;
    } catch (KvmException e) {
      if (lostConnection(e)) {
        err.println(name + ": lost the connection to a host (" + cause(e) + "); check that it is up and reachable, then run again");
        return STOPPED;
      }
      err.println(name + ": failed: " + cause(e));
      return FAILED;
    } finally {
      r.open.values().forEach(Kvm::close);
      if (binding != null) {
        try {
          binding.close();
        } catch (Exception ignored) {
          // unbinding a fake world cannot fail
        }
      }
    }
  }

  private void parse(String[] args) {
    List<String> u = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--uri" -> {
          if (i + 1 >= args.length || args[i + 1].startsWith("--")) throw new Stop("--uri needs a value, e.g. --uri qemu:///system; " + usage());
          u.add(args[++i]);
        }
        case "--apply" -> applyForReal = true;
        case "--help", "-h" -> throw new Help(usage());
        default -> {
          String arg = args[i];
          Opt o = opts.stream().filter(x -> x.name().equals(arg)).findFirst()
              .orElseThrow(() -> new Stop("unknown argument '" + arg + "'; " + usage()));
          if (o.value() == null) {
            given.put(o.name(), "");
          } else {
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) throw new Stop(o.name() + " needs a value (" + o.value() + "); " + usage());
            given.put(o.name(), args[++i]);
          }
        }
      }
    }
    if (!u.isEmpty() && atLeast > 0) {
      if (u.size() < atLeast) throw new Stop("needs at least " + atLeast + " --uri, got " + u.size() + "; " + usage());
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= u.size(); i++) names.add("hv" + i);
      hosts = List.copyOf(names);
    } else if (!u.isEmpty() && u.size() != hosts.size()) {
      throw new Stop("needs " + hosts.size() + " --uri (for " + String.join(", ", hosts) + "), got " + u.size() + "; " + usage());
    }
    if (applyForReal && u.isEmpty()) throw new Stop("--apply needs real hosts: give --uri too (without --uri everything runs on fake hosts)");
    uris = List.copyOf(u);
    if (applyForReal) {
      Map<String, String> hostOfMachine = new java.util.HashMap<>();
      for (int i = 0; i < uris.size(); i++) {
        String other = hostOfMachine.putIfAbsent(machine(uris.get(i)), hosts.get(i));
        if (other != null) {
          throw new Stop("--apply: " + other + " and " + hosts.get(i) + " are the same machine (" + uris.get(hosts.indexOf(other)) + ", "
              + uris.get(i) + "), which would get both hosts' plans; give each host its own machine, or leave out --apply for a dry run");
        }
      }
    }
    if (applyForReal && rootFor != null) {
      out.println("# --apply needs root: " + name + " " + rootFor);
      boolean local = uris.stream().anyMatch(Recipe::isLocal);
      if (local && !isRoot.getAsBoolean()) throw new Stop("--apply needs root (" + rootFor + "): run it as root, or leave out --apply for a dry run");
    }
  }

  private String usage() {
    String each = atLeast > 0 ? "--uri URI (at least " + atLeast + (atLeast == 1 ? " time)" : " times)")
        : hosts.size() == 1 ? "--uri URI" : String.join(" ", hosts.stream().map(h -> "--uri URI_OF_" + h.toUpperCase()).toList());
    StringBuilder own = new StringBuilder();
    for (Opt o : opts) own.append(" [").append(o.usage()).append("]");
    StringBuilder help = new StringBuilder();
    for (Opt o : opts) help.append(help.length() == 0 ? "; " : ", ").append(o.name()).append(": ").append(o.what());
    return "usage: " + name + " [" + each + " [--apply]]" + own + "   (no arguments: fake hosts " + String.join(", ", hosts) + ")" + help;
  }

  /** The value of option {@code name} ({@link #option}) on this run's command line, if given. */
  public Optional<String> value(String name) {
    Opt o = declared(name);
    if (o.value() == null) throw new IllegalArgumentException(name + " is a flag: use flagged(\"" + name + "\")");
    return Optional.ofNullable(given.get(name));
  }

  /** True when flag {@code name} ({@link #flag}) is on this run's command line. */
  public boolean flagged(String name) {
    Opt o = declared(name);
    if (o.value() != null) throw new IllegalArgumentException(name + " takes a value: use value(\"" + name + "\")");
    return given.containsKey(name);
  }

  /**
   * The value of option {@code name} as a whole number in {@code min..max}, else {@code otherwise};
   * anything else stops the recipe with one line ({@link #STOPPED}).
   */
  public int intValue(String name, int min, int max, int otherwise) {
    Optional<String> v = value(name);
    if (v.isEmpty()) return otherwise;
    try {
      int n = Integer.parseInt(v.get());
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException notANumber) {
      // said below
    }
    throw new Stop(name + " must be a whole number from " + min + " to " + max + ", got '" + v.get() + "'");
  }

  private Opt declared(String name) {
    return opts.stream().filter(x -> x.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(this.name + " has no option " + name + " (declare it with option or flag)"));
  }

  /** True when no {@code --uri} was given: every host is the testkit's fake. */
  public boolean fake() { return uris.isEmpty(); }

  /** True with {@code --apply}: host plans run for real on this machine. */
  public boolean applying() { return applyForReal; }

  /** Where the recipe prints. */
  public PrintStream out() { return out; }

  /** Prints one line. */
  public void say(String line) { out.println(line); }

  /** The host names the recipe works on. */
  public List<String> hostNames() { return hosts; }

  /** The URI of host {@code host}: {@code fake:///host}, or its {@code --uri}. */
  public String uri(String host) {
    int i = hosts.indexOf(host);
    if (i < 0) throw new IllegalArgumentException(name + " has no host '" + host + "' (hosts: " + hosts + ")");
    return fake() ? "fake:///" + host : uris.get(i);
  }

  /**
   * The connection to host {@code host} (opened once, closed when the recipe ends). A URI that does
   * not connect stops the recipe with one line ({@link #STOPPED}).
   */
  public Kvm kvm(String host) {
    String uri = uri(host);
    Kvm k = open.get(host);
    if (k != null) return k;
    try {
      k = Kvm.connect(uri);
    } catch (KvmException e) {
      throw new Stop("cannot connect to " + uri + ": " + cause(e) + "; check the URI (qemu:///system, qemu+ssh://root@HOST/system),"
          + " that libvirtd runs there and that you may use it");
    }
    open.put(host, k);
    return k;
  }

  /**
   * Where host {@code host}'s plans run: the fake host (with physical NICs {@code nics} and the
   * fakes of every tool on the class path) on fake hosts, this machine with {@code --apply},
   * nowhere otherwise ({@link #apply} then prints a dry run).
   */
  public Optional<CommandRunner> runner(String host, String... nics) {
    uri(host);   // checks the name
    if (fake()) return SampleHosts.clusterHost(host, nics);
    if (!applyForReal) return Optional.empty();
    return Optional.of(realRunner(uri(host)));
  }

  /**
   * This machine for a local URI ({@code qemu:///system}), ssh to the URI's host for
   * {@code qemu+ssh://[user@]host/...} or {@code ssh://[user@]host} (a host without libvirt, e.g. a SAN).
   */
  static CommandRunner realRunner(String uri) {
    machine(uri);   // refuses what no machine stands behind
    java.net.URI u = java.net.URI.create(uri);
    if (u.getHost() == null || u.getHost().isEmpty()) return LocalCommandRunner.create();
    SshCommandRunner.Builder b = SshCommandRunner.builder(u.getHost());
    if (u.getUserInfo() != null) b.user(u.getUserInfo());
    if (u.getPort() > 0) b.port(u.getPort());
    return b.build();
  }

  /**
   * The machine {@code --apply} would run a host's plans on: {@code "this machine"} for a local URI,
   * {@code ssh:HOST:PORT} for {@code qemu+ssh://} and {@code ssh://}; refuses libvirt's test driver
   * ({@code test:///default} stands for no machine) and any URI that reaches no shell.
   */
  static String machine(String uri) {
    java.net.URI u;
    try {
      u = java.net.URI.create(uri);
    } catch (IllegalArgumentException e) {
      throw new Stop("'" + uri + "' is not a URI: " + e.getMessage());
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme();
    if (scheme.equals("test") || scheme.startsWith("test+") || scheme.equals("fake")) {
      throw new Stop("--apply runs host plans on the machine a URI names, and " + uri + " is a stand-in hypervisor, not a machine: "
          + "leave out --apply for a dry run, or use a local URI (qemu:///system) or qemu+ssh://USER@HOST/system");
    }
    if (u.getHost() == null || u.getHost().isEmpty()) return "this machine";
    if (scheme.endsWith("+ssh") || scheme.equals("ssh")) {
      return "ssh:" + u.getHost().toLowerCase(java.util.Locale.ROOT) + ":" + (u.getPort() > 0 ? u.getPort() : 22);
    }
    throw new Stop("--apply runs host plans on this machine or over ssh: use a local URI (qemu:///system) or qemu+ssh://USER@HOST/system, not "
        + uri);
  }

  /**
   * On fake hosts, puts {@code path} on fake host {@code host} as present at boot (a stand-in for a
   * disk or an LV the real host has); nothing on real hosts.
   */
  public void fakeFile(String host, String path, String content) {
    uri(host);
    if (fake()) SampleHosts.clusterFile(host, path, content);
  }

  /**
   * Applies {@code plan} to host {@code host} ({@link #runner}), printing a line per step; without a
   * runner prints the dry-run script instead. A failed step throws {@link PlanFailedException}
   * after the plan rolled back what it had applied.
   */
  public PlanResult apply(String host, Plan plan, String... nics) {
    Optional<CommandRunner> runner = runner(host, nics);
    if (runner.isEmpty()) {
      PlanResult dry = plan.apply(LocalCommandRunner.create(), ApplyOptions.dryRun());
      say("# " + host + ": dry run (add --apply to run it)\n" + dry.script().orElse(plan.toScript()));
      return dry;
    }
    say("# " + host + ": applying " + plan.size() + " step(s)");
    return plan.apply(runner.get(), ApplyOptions.builder().listener(planProgress(out)).build());
  }

  /** A {@link PlanListener} printing one line per step's outcome: {@code   hv1 [2/3] start keepalived: applied}. */
  public static PlanListener planProgress(PrintStream out) {
    return e -> {
      String what = switch (e.type()) {
        case STEP_APPLIED -> "applied";
        case STEP_SKIPPED -> "already so";
        case STEP_FAILED -> "FAILED" + e.error().map(x -> ": " + cause(x)).orElse("");
        case STEP_UNDONE -> "undone";
        case STEP_NOT_UNDONE -> "NOT undone";
        case ROLLBACK_STARTED -> "rolling back";
        default -> null;
      };
      if (what == null) return;
      String step = e.step() == null ? "" : " " + e.step().description();
      out.println("  " + e.host() + " [" + e.stepNumber() + "/" + e.stepCount() + "]" + (e.type() == PlanEvent.Type.ROLLBACK_STARTED ? "" : step)
          + ": " + what);
    };
  }

  /** Options applying a plan with {@link #planProgress} on {@code out}. */
  public static ApplyOptions progressOptions(PrintStream out) { return ApplyOptions.builder().listener(planProgress(out)).build(); }

  /** A {@link Progress} printing {@code   [2/5] migrating web1 to fake:///hv3}. */
  public Progress progress() { return (done, total, what) -> out.println("  [" + done + "/" + total + "] " + what); }

  /**
   * What went wrong, in words: a file error's file and reason, else the exception's message, else its
   * causes', else its type (never empty).
   */
  public static String cause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.nio.file.FileSystemException f) return fileProblem(f);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) return t.getMessage();
    }
    return e.getClass().getSimpleName() + " (no message)";
  }

  /** A file error in words: its file and what is wrong (a {@code NoSuchFileException}'s message is only the path). */
  private static String fileProblem(java.nio.file.FileSystemException f) {
    String what = f.getReason() != null ? f.getReason()
        : f instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
        : f instanceof java.nio.file.AccessDeniedException ? "permission denied"
        : f instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
        : f instanceof java.nio.file.NotDirectoryException ? "not a directory"
        : f instanceof java.nio.file.DirectoryNotEmptyException ? "directory not empty"
        : f.getClass().getSimpleName();
    return (f.getFile() == null ? "" : f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": ") + what;
  }

  private static final Set<String> CONNECTION_CODES = Set.of(LibvirtException.NO_CONNECT, "VIR_ERR_AUTH_FAILED", "VIR_ERR_AUTH_CANCELLED",
      "VIR_ERR_AUTH_UNAVAILABLE", "VIR_ERR_RPC", "VIR_ERR_OPERATION_DENIED");

  /** True for the failures that mean "this host cannot be used" rather than "this request failed": a dropped connection, denied access. */
  static boolean lostConnection(KvmException e) {
    if (e instanceof LibvirtException le && CONNECTION_CODES.contains(le.code())) return true;
    return e.retryable();
  }

  /** A failed plan in one line: host, failed step, and what was rolled back. */
  static String oneLine(PlanFailedException e) {
    return "plan failed on " + e.host() + " at step " + e.failedStep().number() + "/" + e.stepCount() + " (" + e.failedStep().description()
        + "): " + e.failedStep().note() + "; rolled back: " + e.rolledBack().size() + " step(s)"
        + (e.notRolledBack().isEmpty() ? "" : "; NOT rolled back: " + e.notRolledBack());
  }

  /** True for a URI naming no host (this machine's libvirt, or anything unparsable: checked later). */
  static boolean isLocal(String uri) {
    try {
      String h = java.net.URI.create(uri).getHost();
      return h == null || h.isEmpty();
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  /** True when this JVM runs as uid 0. */
  static boolean runningAsRoot() {
    try {
      return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    } catch (LinkageError | RuntimeException notUnix) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  @Override public String toString() { return "Recipe[" + name + " on " + hosts + "]"; }
}
