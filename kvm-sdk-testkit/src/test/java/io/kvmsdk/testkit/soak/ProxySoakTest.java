package io.kvmsdk.testkit.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.network.Network;
import io.kvmsdk.core.network.NetworkSpec;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.testkit.UnixSocketProxy;
import io.kvmsdk.testkit.contract.ContractCases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault soak against a real libvirtd (issue 14): random domain and network operations through a
 * {@link UnixSocketProxy} that drops connections, loses replies and delays them, plus requests libvirt
 * refuses. Same invariants as {@link FaultSoakTest}: after every operation libvirtd, read on a direct
 * connection, matches the ledger; every failure is a {@link KvmException} whose {@code retryable()}
 * matched what a retry did (a retryable one is looked up first and not repeated if it took effect);
 * nothing lost or duplicated. Needs {@code bash scripts/oracles.sh start libvirt}
 * ({@code $KVM_SDK_LIBVIRT_URI}); {@code -Dkvmsdk.proxySoakOps=N} sets its length (500 under {@code -Psoak}).
 */
class ProxySoakTest {
  private static final String URI = System.getenv("KVM_SDK_LIBVIRT_URI");
  private static final Pattern SOCKET = Pattern.compile("([?&]socket=)([^&]+)");

  @TempDir Path dir;

  private final long seed = Long.getLong("kvmsdk.soakSeed", 20261206L);
  private final int opsWanted = Integer.getInteger("kvmsdk.proxySoakOps", 100);
  private final Random rnd = new Random(seed);
  private final String prefix = "soak" + Long.toHexString(System.nanoTime() & 0xffffff);

  /** name -> {persistent, running}. */
  private Map<String, boolean[]> guests = new TreeMap<>();
  private TreeSet<String> nets = new TreeSet<>();

  private Kvm direct;
  private Kvm proxied;
  private UnixSocketProxy proxy;
  private int ops;
  private int drops;
  private int lostReplies;
  private int delays;
  private int refusals;
  private int retries;
  private int lookedUpNotRepeated;
  private int refusedAgain;
  private final Failures failures = new Failures();
  private final Map<String, Long> msByKind = new TreeMap<>();
  private String current = "(none)";

  record Op(String description, Predicate<ProxySoakTest> valid, Consumer<ProxySoakTest> effect, Runnable call) {}

  @Test
  void throughADroppingDelayingProxyEveryFailureIsTypedAndNothingIsLost() {
    Oracles.require(URI != null, "KVM_SDK_LIBVIRT_URI is not set: start a private libvirtd with `bash scripts/oracles.sh start libvirt`"
        + " and source its env");
    Matcher m = SOCKET.matcher(URI);
    Oracles.require(m.find(), "KVM_SDK_LIBVIRT_URI names no unix socket (?socket=...): " + URI);
    Path target = Path.of(m.group(2));
    proxy = UnixSocketProxy.start(dir.resolve("proxy-sock"), target);
    String proxiedUri = m.replaceFirst(Matcher.quoteReplacement(m.group(1) + proxy.path()));
    long t0 = System.nanoTime();
    direct = Kvm.connect(URI);
    proxied = Kvm.connect(proxiedUri);
    try {
      while (ops < opsWanted) {
        ops++;
        long t = System.nanoTime();
        step();
        msByKind.merge(current.split(" ")[0], (System.nanoTime() - t) / 1_000_000, Long::sum);
      }
      check(direct, "at the end");
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("proxy soak (seed %d) against %s: %d operations, drops %d, lost replies %d, delays %d, refusals %d,"
          + " failures %s, retries %d, looked up and not repeated %d, refused again %d, proxy %s, lost 0, duplicated 0, in %d ms"
          + " (ms by operation: %s)%n",
          seed, URI, ops, drops, lostReplies, delays, refusals, failures, retries, lookedUpNotRepeated, refusedAgain,
          proxy, ms, msByKind);
      assertThat(failures.count()).as("faults surfaced as failures").isPositive();
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("proxy soak failed at operation " + ops + " (" + current + "); replay with -Dkvmsdk.soakSeed=" + seed
          + " -Dkvmsdk.proxySoakOps=" + opsWanted + ": " + e.getMessage(), e);
    } finally {
      proxy.delay(Duration.ZERO);
      cleanUp();
      proxied.close();
      direct.close();
      proxy.close();
    }
  }

  private void step() {
    int kind = rnd.nextInt(10);
    if (kind == 0) {
      refusal();
      return;
    }
    Op op = randomOp();
    current = op.description();
    String fault = "none";
    if (kind <= 2) {
      fault = "drop";
      drops++;
      proxy.dropAll();
    } else if (kind == 3) {
      fault = "lost reply";
      lostReplies++;
      proxy.loseNextReply();
    } else if (kind == 4) {
      fault = "delay";
      delays++;
      proxy.delay(Duration.ofMillis(20 + rnd.nextInt(80)));
    }
    RuntimeException e = Failures.attempt(op.call());
    proxy.delay(Duration.ZERO);
    if (e == null) {
      op.effect().accept(this);
      check(direct, "after it succeeded (fault: " + fault + ")");
      return;
    }
    failures.add(e);
    KvmException k = (KvmException) e;
    assertThat(k.retryable()).as("a valid request that failed under '%s' failed retryably: %s", fault, e.getMessage()).isTrue();
    // look before retrying, on the (reconnecting) proxied connection as a client would
    String before = render();
    Map<String, boolean[]> g0 = copy(guests);
    TreeSet<String> n0 = new TreeSet<>(nets);
    op.effect().accept(this);
    String done = render();
    String seen = observe(proxied);
    if (seen.equals(done)) {
      lookedUpNotRepeated++;
    } else {
      assertThat(seen).as("after a retryable failure (%s) the operation took effect or did not", e.getMessage()).isEqualTo(before);
      guests = g0;
      nets = n0;
      RuntimeException again = Failures.attempt(op.call());
      if (again != null) throw new AssertionError("the retry after a retryable failure (" + e.getMessage() + ") failed: " + again, again);
      retries++;
      op.effect().accept(this);
    }
    check(direct, "after the retryable failure was resolved");
  }

  /** A request libvirt refuses: not retryable, nothing changes, refused again. */
  private void refusal() {
    List<String> running = names(g -> g[1]);
    List<String> off = names(g -> !g[1]);
    Runnable call;
    if (!running.isEmpty() && rnd.nextBoolean()) {
      String g = pick(running);
      current = "start running " + g;
      call = () -> domain(g).start();
    } else if (!off.isEmpty() && rnd.nextBoolean()) {
      String g = pick(off);
      current = "destroy shut-off " + g;
      call = () -> domain(g).destroy();
    } else {
      current = "undefine missing network";
      call = () -> proxied.networks().get(prefix + "-nx").undefine();
    }
    refusals++;
    RuntimeException e = Failures.attempt(call);
    assertThat(e).as("libvirt refuses it").isNotNull();
    failures.add(e);
    assertThat(((KvmException) e).retryable()).as("a refusal is not retryable: %s", e.getMessage()).isFalse();
    check(direct, "after a refusal");
    RuntimeException again = Failures.attempt(call);
    assertThat(again).as("refused again").isNotNull();
    assertThat(((KvmException) again).retryable()).isFalse();
    assertThat(again.getClass()).isEqualTo(e.getClass());
    refusedAgain++;
  }

  private Op randomOp() {
    for (int tries = 0; tries < 20; tries++) {
      Op op = switch (rnd.nextInt(7)) {
        case 0, 1 -> define();
        case 2 -> start();
        case 3 -> destroy();
        case 4 -> undefine();
        case 5 -> defineNet();
        default -> undefineNet();
      };
      if (op != null) return op;
    }
    return define();
  }

  private Op define() {
    List<String> free = new ArrayList<>();
    for (int i = 0; i < 5; i++) if (!guests.containsKey(prefix + "-g" + i)) free.add(prefix + "-g" + i);
    if (free.isEmpty()) return null;
    String g = pick(free);
    return new Op("define " + g, t -> !t.guests.containsKey(g), t -> t.guests.put(g, new boolean[] {true, false}),
        () -> proxied.domains().define(ContractCases.tinyGuest(g)));
  }

  private Op start() {
    List<String> c = names(x -> x[0] && !x[1]);
    if (c.isEmpty()) return null;
    String g = pick(c);
    return new Op("start " + g, t -> true, t -> t.guests.get(g)[1] = true, () -> domain(g).start());
  }

  private Op destroy() {
    List<String> c = names(x -> x[1]);
    if (c.isEmpty()) return null;
    String g = pick(c);
    return new Op("destroy " + g, t -> true, t -> {
      if (t.guests.get(g)[0]) t.guests.get(g)[1] = false; else t.guests.remove(g);
    }, () -> domain(g).destroy());
  }

  private Op undefine() {
    List<String> c = names(x -> x[0]);
    if (c.isEmpty()) return null;
    String g = pick(c);
    return new Op("undefine " + g, t -> true, t -> {
      if (t.guests.get(g)[1]) t.guests.get(g)[0] = false; else t.guests.remove(g);
    }, () -> domain(g).undefine());
  }

  private Op defineNet() {
    String n = prefix + "-n" + rnd.nextInt(3);
    if (nets.contains(n)) return null;
    return new Op("define network " + n, t -> true, t -> t.nets.add(n),
        () -> proxied.networks().define(NetworkSpec.fromXml("<network><name>" + n + "</name></network>")));
  }

  private Op undefineNet() {
    if (nets.isEmpty()) return null;
    String n = pick(new ArrayList<>(nets));
    return new Op("undefine network " + n, t -> true, t -> t.nets.remove(n), () -> proxied.networks().get(n).undefine());
  }

  private Domain domain(String g) { return new Domain(proxied.hypervisor(), g, null); }

  private List<String> names(Predicate<boolean[]> p) {
    return guests.entrySet().stream().filter(e -> p.test(e.getValue())).map(Map.Entry::getKey).toList();
  }

  private <T> T pick(List<T> xs) { return xs.get(rnd.nextInt(xs.size())); }

  private static Map<String, boolean[]> copy(Map<String, boolean[]> m) {
    Map<String, boolean[]> c = new TreeMap<>();
    m.forEach((k, v) -> c.put(k, v.clone()));
    return c;
  }

  private String render() {
    StringBuilder sb = new StringBuilder();
    guests.forEach((n, g) -> sb.append("guest ").append(n).append(g[1] ? " RUNNING" : " SHUTOFF").append(g[0] ? " persistent" : " transient")
        .append('\n'));
    nets.forEach(n -> sb.append("network ").append(n).append('\n'));
    return sb.toString();
  }

  /** This run's guests and networks as {@code k} reports them, in the ledger's words. */
  private String observe(Kvm k) {
    StringBuilder sb = new StringBuilder();
    Map<String, String> seen = new TreeMap<>();
    for (Domain d : k.domains().list()) {
      if (!d.name().startsWith(prefix + "-")) continue;
      DomainState s = d.state();
      assertThat(s).as("state of %s", d.name()).isIn(DomainState.RUNNING, DomainState.SHUTOFF);
      String line = "guest " + d.name() + " " + s + (d.isPersistent() ? " persistent" : " transient") + "\n";
      assertThat(seen.put(d.name(), line)).as("guest %s listed twice", d.name()).isNull();
    }
    seen.values().forEach(sb::append);
    TreeSet<String> networks = new TreeSet<>();
    for (Network n : k.networks().list()) {
      if (!n.name().startsWith(prefix + "-")) continue;
      assertThat(n.isActive()).as("network %s stays inactive", n.name()).isFalse();
      assertThat(networks.add(n.name())).as("network %s listed twice", n.name()).isTrue();
    }
    networks.forEach(n -> sb.append("network ").append(n).append('\n'));
    return sb.toString();
  }

  private void check(Kvm k, String when) {
    assertThat(observe(k)).as("libvirtd %s matches the ledger", when).isEqualTo(render());
  }

  private void cleanUp() {
    if (direct == null) return;
    try {
      for (Domain d : direct.domains().list()) {
        if (!d.name().startsWith(prefix + "-")) continue;
        if (d.state() != DomainState.SHUTOFF) d.destroy();
        if (direct.domains().find(d.name()).isPresent()) d.undefine();
      }
      for (Network n : direct.networks().list()) if (n.name().startsWith(prefix + "-")) n.undefine();
    } catch (KvmException e) {
      System.err.println("proxy soak: clean-up failed: " + e.getMessage());
    }
  }
}
