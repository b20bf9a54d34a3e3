package io.kvmsdk.testkit.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.domain.SnapshotSpec;
import io.kvmsdk.core.domain.UndefineOption;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.core.network.Network;
import io.kvmsdk.core.network.NetworkSpec;
import io.kvmsdk.core.storage.StoragePool;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.testkit.FakeCluster;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.FakeHypervisor;
import io.kvmsdk.testkit.Fault;
import io.kvmsdk.testkit.FaultMatcher;
import io.kvmsdk.testkit.FaultRule;
import io.kvmsdk.testkit.contract.ContractCases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The fault soak of a {@link FakeCluster} (issue 14): thousands of random operations (define, create,
 * start, shutdown, destroy, undefine, migrate, snapshot create/revert/delete, network and pool
 * define/start/destroy/undefine, host plans) on four hosts, each with a random {@link Fault} injected.
 * A ledger says what every guest, network and pool should be; after every operation the cluster, read
 * through the API, must match it. Every failure must be a {@link KvmException} whose
 * {@link KvmException#retryable()} matches what a retry does: after a retryable one the soak looks the
 * state up first (a lost reply means the operation took effect: it is not repeated) and a retry of
 * one that did not take effect succeeds; a non-retryable one changed nothing and is refused again.
 * Every plan is applied fully or rolled back: the host equals a twin that got the whole plan or none.
 *
 * <p>{@code -Dkvmsdk.soakSeed=N} replays a run (the seed is printed on failure); {@code -Dkvmsdk.soakOps=N}
 * sets its length (a few hundred by default, 10,000 under {@code -Psoak}).
 */
class FaultSoakTest {
  private static final List<String> HOSTS = List.of("hv1", "hv2", "hv3", "hv4");
  private static final int GUEST_NAMES = 16;
  private static final int OBJECT_NAMES = 4;

  // ------------------------------------------------------------------ the ledger

  /** What a guest should be. */
  static final class Guest {
    String host;
    boolean persistent;
    boolean running;
    /** snapshot name -> whether the guest was running when it was taken. */
    final TreeMap<String, Boolean> snaps = new TreeMap<>();

    Guest(String host, boolean persistent, boolean running) {
      this.host = host;
      this.persistent = persistent;
      this.running = running;
    }

    Guest copy() {
      Guest g = new Guest(host, persistent, running);
      g.snaps.putAll(snaps);
      return g;
    }
  }

  /** What a network or pool should be. */
  record Obj(boolean active, boolean persistent) {}

  /** Where everything should be. */
  static final class Ledger {
    final TreeMap<String, Guest> guests = new TreeMap<>();
    final Map<String, TreeMap<String, Obj>> nets = new TreeMap<>();
    final Map<String, TreeMap<String, Obj>> pools = new TreeMap<>();

    Ledger() {
      for (String h : HOSTS) {
        nets.put(h, new TreeMap<>());
        pools.put(h, new TreeMap<>());
      }
    }

    Ledger copy() {
      Ledger l = new Ledger();
      guests.forEach((n, g) -> l.guests.put(n, g.copy()));
      nets.forEach((h, m) -> l.nets.get(h).putAll(m));
      pools.forEach((h, m) -> l.pools.get(h).putAll(m));
      return l;
    }

    /** The host crashed: running guests, networks and pools stop; transient ones vanish. */
    void crash(String host) {
      guests.values().removeIf(g -> g.host.equals(host) && g.running && !g.persistent);
      guests.values().stream().filter(g -> g.host.equals(host)).forEach(g -> g.running = false);
      for (TreeMap<String, Obj> m : List.of(nets.get(host), pools.get(host))) {
        m.values().removeIf(o -> o.active() && !o.persistent());
        m.replaceAll((n, o) -> new Obj(false, o.persistent()));
      }
    }

    String render() {
      StringBuilder sb = new StringBuilder();
      guests.forEach((n, g) -> sb.append("guest ").append(n).append(" @").append(g.host).append(g.running ? " RUNNING" : " SHUTOFF")
          .append(g.persistent ? " persistent" : " transient").append(" snapshots=").append(g.snaps.keySet()).append('\n'));
      nets.forEach((h, m) -> m.forEach((n, o) -> sb.append("network ").append(n).append(" @").append(h).append(render(o)).append('\n')));
      pools.forEach((h, m) -> m.forEach((n, o) -> sb.append("pool ").append(n).append(" @").append(h).append(render(o)).append('\n')));
      return sb.toString();
    }

    private static String render(Obj o) {
      return (o.active() ? " active" : " inactive") + (o.persistent() ? " persistent" : " transient");
    }
  }

  /** One operation: valid in a ledger, its effect on it, the one call that does it, and the port method a fault aims at. */
  record Op(String description, String host, String method, Predicate<Ledger> valid, Consumer<Ledger> effect, Runnable call,
      boolean migration) {}

  // ------------------------------------------------------------------ the run

  private final long seed = Long.getLong("kvmsdk.soakSeed", 20261206L);
  private final int opsWanted = Integer.getInteger("kvmsdk.soakOps", 400);
  private final Random rnd = new Random(seed);
  private final FakeCluster cluster = FakeCluster.create();
  private final Map<String, Kvm> kvm = new LinkedHashMap<>();
  private final Map<String, FakeHost> twins = new TreeMap<>();
  private Ledger ledger = new Ledger();
  private int snapshotCounter;

  private int ops;
  private int retries;
  private int lookedUpNotRepeated;
  private int refusedAgain;
  private int mootAfterCrash;
  private int crashes;
  private int plans;
  private int plansRolledBack;
  private final Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
  private final Failures failures = new Failures();
  private String current = "(none)";

  @Test
  void everyFaultSurfacesTypedAndNothingIsLostOrDuplicated() {
    long t0 = System.nanoTime();
    for (String h : HOSTS) {
      kvm.put(h, Kvm.using(cluster.hypervisor(h)));
      twins.put(h, FakeHost.create("twin-" + h));
    }
    try {
      while (ops < opsWanted) {
        ops++;
        if (rnd.nextInt(6) == 0) planOp(); else hypervisorOp();
      }
      check("at the end");
      Map<String, Integer> where = new TreeMap<>();
      int lost = 0;
      int duplicated = 0;
      for (int i = 0; i < GUEST_NAMES; i++) {
        String g = guestName(i);
        int n = cluster.locate(g).size();
        int want = ledger.guests.containsKey(g) ? 1 : 0;
        if (n < want) lost++;
        if (n > want) duplicated++;
        where.merge(n == 0 ? "none" : String.join(",", cluster.locate(g).keySet()), 1, Integer::sum);
      }
      assertThat(lost).as("guests lost").isZero();
      assertThat(duplicated).as("guests duplicated").isZero();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("fault soak (seed %d): %d operations (%d plan applies), faults injected %s, failures %s,"
          + " retries %d, looked up and not repeated %d, refused again %d, moot after a crash %d, crashes %d,"
          + " plans rolled back %d, lost 0, duplicated 0, %d guests at the end, in %d ms%n",
          seed, ops, plans, injected, failures, retries, lookedUpNotRepeated, refusedAgain, mootAfterCrash, crashes,
          plansRolledBack, ledger.guests.size(), ms);
      assertThat(failures.count()).as("faults surfaced as failures").isPositive();
      assertThat(retries + lookedUpNotRepeated).as("retryable failures handled").isPositive();
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("fault soak failed at operation " + ops + " (" + current + "); replay with -Dkvmsdk.soakSeed=" + seed
          + " -Dkvmsdk.soakOps=" + opsWanted + ": " + e.getMessage(), e);
    } finally {
      kvm.values().forEach(Kvm::close);
    }
  }

  // ------------------------------------------------------------------ hypervisor operations

  private void hypervisorOp() {
    Op op = randomOp();
    current = op.description();
    Fault fault = null;
    FaultRule rule = null;
    if (rnd.nextInt(10) < 4) {
      List<Fault> kinds = new ArrayList<>(List.of(Fault.LIBVIRT_ERROR, Fault.CONNECTION_DROPPED, Fault.REPLY_LOST, Fault.SLOW,
          Fault.TIMEOUT, Fault.HOST_CRASH));
      if (op.migration()) kinds.add(Fault.MIGRATION_FAILS_MIDWAY);
      fault = kinds.get(rnd.nextInt(kinds.size()));
      rule = FaultRule.of(fault, FaultMatcher.operation(op.method())).delay(Duration.ofSeconds(1 + rnd.nextInt(5)));
      // a non-retryable refusal is the same every time (until the soak lifts it); the others happen once
      if (!retryableFault(fault)) rule = rule.libvirtError("VIR_ERR_OPERATION_FAILED", 9).message("injected refusal");
      else rule = rule.once();
      cluster.hypervisor(op.host()).inject(rule);
      injected.merge(fault, 1, Integer::sum);
    }
    Ledger before = ledger;
    RuntimeException error = Failures.attempt(op.call());
    if (error == null) {
      clearFaults();
      Ledger after = before.copy();
      op.effect().accept(after);
      ledger = after;
      check("after it succeeded" + (fault == null ? "" : " despite " + fault));
      return;
    }
    failures.add(error);
    KvmException e = (KvmException) error;
    if (!e.retryable()) {
      assertThat(fault != null && !retryableFault(fault)).as("a non-retryable failure of a valid operation comes from an injected refusal: %s",
          e.getMessage()).isTrue();
      check("after a non-retryable failure (nothing may change): " + e.getMessage());
      RuntimeException again = Failures.attempt(op.call());
      assertThat(again).as("a retry of a non-retryable failure (%s) is refused again", e.getMessage()).isInstanceOf(KvmException.class);
      assertThat(((KvmException) again).retryable()).as("refused again the same way: %s", again.getMessage()).isFalse();
      refusedAgain++;
      clearFaults();
      check("after the refused retry");
      return;
    }
    clearFaults();
    Ledger base = before.copy();
    for (String h : HOSTS) {
      FakeHypervisor hv = cluster.hypervisor(h);
      if (hv.crashed()) {
        crashes++;
        hv.reboot();
        base.crash(h);
        twins.get(h).reboot();   // the machine rebooted: what plans made on it since boot is gone (sameAsTwin compares)
        assertThat(cluster.host(h).crashed()).as("%s's commands run again after its hypervisor booted", h).isFalse();
      }
    }
    // look before retrying: a lost reply means the operation took effect
    String seen = observe();
    Ledger done = base.copy();
    if (op.valid().test(base)) op.effect().accept(done);
    if (seen.equals(done.render()) && !seen.equals(base.render())) {
      lookedUpNotRepeated++;
      ledger = done;
      return;
    }
    assertThat(seen).as("after a retryable failure (%s) the operation either took effect or did not", e.getMessage())
        .isEqualTo(base.render());
    ledger = base;
    if (!op.valid().test(base)) {
      mootAfterCrash++;
      return;
    }
    RuntimeException retry = Failures.attempt(op.call());
    if (retry != null) throw new AssertionError("the retry after a retryable failure (" + e.getMessage() + ") failed: " + retry, retry);
    retries++;
    ledger = done;
    check("after the retry");
  }

  private static boolean retryableFault(Fault f) { return f != Fault.LIBVIRT_ERROR && f != Fault.MIGRATION_FAILS_MIDWAY && f != Fault.COMMAND_FAILS; }

  /** Runs the op's call; returns its failure, which must be typed. */
  private void clearFaults() { for (String h : HOSTS) cluster.hypervisor(h).clearFaults(); }

  /** The cluster as the API reports it, in the ledger's words. */
  private String observe() {
    Ledger l = new Ledger();
    for (String h : HOSTS) {
      Kvm k = kvm.get(h);
      for (Domain d : k.domains().list()) {
        DomainState s = d.state();
        Guest g = new Guest(h, d.isPersistent(), s == DomainState.RUNNING);
        assertThat(s).as("state of %s on %s", d.name(), h).isIn(DomainState.RUNNING, DomainState.SHUTOFF);
        d.snapshots().list().forEach(x -> g.snaps.put(x.name(), Boolean.FALSE));
        Guest other = l.guests.put(d.name(), g);
        assertThat(other).as("guest %s is on %s and on %s", d.name(), h, other == null ? "" : other.host).isNull();
      }
      for (Network n : k.networks().list()) {
        if (!n.name().equals("default")) l.nets.get(h).put(n.name(), new Obj(n.isActive(), n.isPersistent()));
      }
      for (StoragePool p : k.pools().list()) l.pools.get(h).put(p.name(), new Obj(p.isActive(), p.isPersistent()));
    }
    return l.render();
  }

  private void check(String when) {
    assertThat(observe()).as("the cluster %s matches the ledger", when).isEqualTo(ledger.render());
  }

  // ------------------------------------------------------------------ random operations

  private static String guestName(int i) { return String.format("g%02d", i); }

  private String anyHost() { return HOSTS.get(rnd.nextInt(HOSTS.size())); }

  private <T> T pick(List<T> xs) { return xs.get(rnd.nextInt(xs.size())); }

  private Op randomOp() {
    for (int tries = 0; tries < 20; tries++) {
      Op op = switch (rnd.nextInt(16)) {
        case 0, 1 -> define(false);
        case 2 -> define(true);
        case 3 -> start();
        case 4 -> stop(false);
        case 5 -> stop(true);
        case 6 -> undefine();
        case 7, 8 -> migrate();
        case 9 -> snapshot();
        case 10 -> revert();
        case 11 -> deleteSnapshot();
        case 12, 13 -> object(true);
        default -> object(false);
      };
      if (op != null) return op;
    }
    return define(false);
  }

  private List<String> guests(Predicate<Guest> p) {
    return ledger.guests.entrySet().stream().filter(e -> p.test(e.getValue())).map(Map.Entry::getKey).toList();
  }

  private static DomainSpec spec(String name) {
    return ContractCases.tinyGuest(name).copy(b -> b.addDisk(Disk.file("/var/lib/libvirt/images/" + name + ".qcow2").qcow2().target("vda", "virtio")));
  }

  private Op define(boolean transientGuest) {
    List<String> free = new ArrayList<>();
    for (int i = 0; i < GUEST_NAMES; i++) if (!ledger.guests.containsKey(guestName(i))) free.add(guestName(i));
    if (free.isEmpty()) return null;
    String g = pick(free);
    String h = anyHost();
    Kvm k = kvm.get(h);
    DomainSpec spec = spec(g);
    return transientGuest
        ? new Op("create transient " + g + " on " + h, h, "createDomain", l -> !l.guests.containsKey(g),
            l -> l.guests.put(g, new Guest(h, false, true)), () -> k.domains().create(spec), false)
        : new Op("define " + g + " on " + h, h, "defineDomain", l -> !l.guests.containsKey(g),
            l -> l.guests.put(g, new Guest(h, true, false)), () -> k.domains().define(spec), false);
  }

  private Domain domain(String g, String h) { return new Domain(kvm.get(h).hypervisor(), g, null); }

  private Op start() {
    List<String> c = guests(x -> x.persistent && !x.running);
    if (c.isEmpty()) return null;
    String g = pick(c);
    String h = ledger.guests.get(g).host;
    return new Op("start " + g + " on " + h, h, "startDomain", l -> l.guests.containsKey(g) && !l.guests.get(g).running,
        l -> l.guests.get(g).running = true, () -> domain(g, h).start(), false);
  }

  private Op stop(boolean destroy) {
    List<String> c = guests(x -> x.running);
    if (c.isEmpty()) return null;
    String g = pick(c);
    String h = ledger.guests.get(g).host;
    Consumer<Ledger> effect = l -> {
      if (l.guests.get(g).persistent) l.guests.get(g).running = false; else l.guests.remove(g);
    };
    Predicate<Ledger> valid = l -> l.guests.containsKey(g) && l.guests.get(g).running;
    return destroy
        ? new Op("destroy " + g + " on " + h, h, "destroyDomain", valid, effect, () -> domain(g, h).destroy(), false)
        : new Op("shut down " + g + " on " + h, h, "shutdownDomain", valid, effect, () -> domain(g, h).shutdown(), false);
  }

  private Op undefine() {
    List<String> c = guests(x -> x.persistent);
    if (c.isEmpty()) return null;
    String g = pick(c);
    String h = ledger.guests.get(g).host;
    return new Op("undefine " + g + " on " + h, h, "undefineDomain", l -> l.guests.containsKey(g) && l.guests.get(g).persistent, l -> {
      Guest x = l.guests.get(g);
      x.snaps.clear();
      if (x.running) x.persistent = false; else l.guests.remove(g);
    }, () -> domain(g, h).undefine(UndefineOption.SNAPSHOTS_METADATA), false);
  }

  private Op migrate() {
    List<String> c = guests(x -> x.running && x.snaps.isEmpty());
    if (c.isEmpty()) return null;
    String g = pick(c);
    String h = ledger.guests.get(g).host;
    List<String> others = HOSTS.stream().filter(x -> !x.equals(h)).toList();
    String to = pick(others);
    return new Op("migrate " + g + " from " + h + " to " + to, h, "migrateDomain",
        l -> l.guests.containsKey(g) && l.guests.get(g).running && l.guests.get(g).host.equals(h), l -> {
          Guest x = l.guests.get(g);
          x.host = to;
          x.persistent = true;
        }, () -> domain(g, h).migrateTo(kvm.get(to)), true);
  }

  private Op snapshot() {
    List<String> c = guests(x -> x.persistent && x.snaps.size() < 3);
    if (c.isEmpty()) return null;
    String g = pick(c);
    String h = ledger.guests.get(g).host;
    String s = "s" + (++snapshotCounter);
    return new Op("snapshot " + g + " on " + h + " as " + s, h, "createSnapshot", l -> l.guests.containsKey(g),
        l -> l.guests.get(g).snaps.put(s, l.guests.get(g).running),
        () -> domain(g, h).snapshots().create(SnapshotSpec.builder().name(s).build()), false);
  }

  private Op revert() {
    List<String> c = guests(x -> x.persistent && !x.snaps.isEmpty());
    if (c.isEmpty()) return null;
    String g = pick(c);
    Guest x = ledger.guests.get(g);
    String s = pick(new ArrayList<>(x.snaps.keySet()));
    String h = x.host;
    return new Op("revert " + g + " on " + h + " to " + s, h, "revertToSnapshot", l -> l.guests.containsKey(g) && l.guests.get(g).snaps.containsKey(s),
        l -> l.guests.get(g).running = l.guests.get(g).snaps.get(s), () -> domain(g, h).snapshots().revert(s), false);
  }

  private Op deleteSnapshot() {
    List<String> c = guests(x -> !x.snaps.isEmpty());
    if (c.isEmpty()) return null;
    String g = pick(c);
    Guest x = ledger.guests.get(g);
    String s = pick(new ArrayList<>(x.snaps.keySet()));
    String h = x.host;
    return new Op("delete snapshot " + s + " of " + g + " on " + h, h, "deleteSnapshot", l -> l.guests.containsKey(g) && l.guests.get(g).snaps.containsKey(s),
        l -> l.guests.get(g).snaps.remove(s), () -> domain(g, h).snapshots().delete(s), false);
  }

  /** A network ({@code net}) or storage pool operation: define, start, destroy or undefine, whichever the object allows. */
  private Op object(boolean net) {
    String h = anyHost();
    String kind = net ? "Network" : "StoragePool";
    String name = (net ? "n" : "p") + rnd.nextInt(OBJECT_NAMES);
    Obj o = (net ? ledger.nets : ledger.pools).get(h).get(name);
    Kvm k = kvm.get(h);
    java.util.function.Function<Ledger, TreeMap<String, Obj>> of = l -> (net ? l.nets : l.pools).get(h);
    if (o == null) {
      Runnable call = net
          ? () -> k.networks().define(NetworkSpec.fromXml("<network><name>" + name + "</name><bridge name='sk-" + name + "'/></network>"))
          : () -> k.pools().define(StoragePoolSpec.fromXml("<pool type='dir'><name>" + name + "</name><target><path>/var/lib/libvirt/images/soak-"
              + name + "</path></target></pool>"));
      return new Op("define " + kind + " " + name + " on " + h, h, "define" + kind, l -> !of.apply(l).containsKey(name),
          l -> of.apply(l).put(name, new Obj(false, true)), call, false);
    }
    int choice = rnd.nextInt(2);
    if (!o.active() && o.persistent()) {
      if (choice == 0) {
        Runnable call = net ? () -> k.networks().get(name).start() : () -> k.pools().get(name).build().start();
        return new Op("start " + kind + " " + name + " on " + h, h, "start" + kind,
            l -> of.apply(l).containsKey(name) && !of.apply(l).get(name).active(), l -> of.apply(l).put(name, new Obj(true, true)), call, false);
      }
    } else if (o.active() && choice == 0) {
      Runnable call = net ? () -> k.networks().get(name).destroy() : () -> k.pools().get(name).destroy();
      return new Op("destroy " + kind + " " + name + " on " + h, h, "destroy" + kind,
          l -> of.apply(l).containsKey(name) && of.apply(l).get(name).active(), l -> {
            if (of.apply(l).get(name).persistent()) of.apply(l).put(name, new Obj(false, true)); else of.apply(l).remove(name);
          }, call, false);
    }
    // libvirt keeps an active pool's definition (undefine is refused); an active network goes on as transient
    if (!o.persistent() || (!net && o.active())) return null;
    Runnable call = net ? () -> k.networks().get(name).undefine() : () -> k.pools().get(name).undefine();
    return new Op("undefine " + kind + " " + name + " on " + h, h, "undefine" + kind,
        l -> of.apply(l).containsKey(name) && of.apply(l).get(name).persistent(), l -> {
          if (of.apply(l).get(name).active()) of.apply(l).put(name, new Obj(true, false)); else of.apply(l).remove(name);
        }, call, false);
  }

  // ------------------------------------------------------------------ host plans

  private static HostCommand cmd(String... argv) { return HostCommand.of(List.of(argv)); }

  /** 1 to 4 steps on distinct objects, so no command is both one step's change and another's undo. */
  private Plan randomPlan() {
    List<Step> steps = new ArrayList<>();
    List<Integer> links = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
    java.util.Collections.shuffle(links, rnd);
    boolean forwarding = false;
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      int kind = rnd.nextInt(4);
      String link = "sk" + links.get(i);
      if (kind == 3 && !forwarding) {
        forwarding = true;
        String v = Integer.toString(rnd.nextInt(2));
        steps.add(Step.builder("ip_forward=" + v).check(cmd("grep", "-qx", v, "/proc/sys/net/ipv4/ip_forward"))
            .change(cmd("sysctl", "-w", "net.ipv4.ip_forward=" + v)).undo(cmd("sysctl", "-w", "net.ipv4.ip_forward=" + (v.equals("1") ? "0" : "1")))
            .build());
      } else if (kind == 2) {
        steps.add(Step.builder("remove " + link).check(cmd("test", "!", "-e", "/sys/class/net/" + link))
            .change(cmd("ip", "link", "del", link)).undo(cmd("ip", "link", "add", link, "type", "bridge")).build());
      } else {
        // removals undo as bridges, so dummies have names of their own
        String type = kind == 1 ? "dummy" : "bridge";
        if (kind == 1) link = "dm" + links.get(i);
        steps.add(Step.builder("create " + type + " " + link).check(cmd("ip", "link", "show", link))
            .change(cmd("ip", "link", "add", link, "type", type)).undo(cmd("ip", "link", "del", link)).build());
      }
    }
    return Plan.of(steps);
  }

  private void planOp() {
    plans++;
    String h = anyHost();
    FakeHost host = cluster.host(h);
    FakeHost twin = twins.get(h);
    Plan plan = randomPlan();
    current = "apply on " + h + ": " + plan;
    // aim the faults at the steps that will run (the twin, equal to the host, tells which are not done yet;
    // the steps touch distinct objects, so each one's check is independent of the others)
    List<HostCommand> changes = new ArrayList<>();
    List<HostCommand> all = new ArrayList<>();
    for (Step s : plan.steps()) {
      s.check().ifPresent(all::add);
      if (s.check().isPresent() && twin.run(s.check().get()).ok()) continue;
      changes.addAll(s.change());
      all.addAll(s.change());
      all.addAll(s.undo());
    }
    twin.clearCommands();
    boolean refusal = false;
    int r = rnd.nextInt(10);
    if (r < 2 && !changes.isEmpty()) {
      refusal = true;
      HostCommand c = pick(changes);
      host.inject(FaultRule.of(Fault.COMMAND_FAILS, FaultMatcher.command(c.argv().toArray(new String[0]))).exitCode(2).message("injected refusal"));
      injected.merge(Fault.COMMAND_FAILS, 1, Integer::sum);
    } else if (r < 6) {
      List<HostCommand> targets = new ArrayList<>(all);
      java.util.Collections.shuffle(targets, rnd);
      int faults = 1 + rnd.nextInt(2);
      List<Fault> kinds = List.of(Fault.CONNECTION_DROPPED, Fault.REPLY_LOST, Fault.TIMEOUT, Fault.SLOW, Fault.HOST_CRASH);
      for (int i = 0; i < faults && i < targets.size(); i++) {
        Fault f = pick(kinds);
        host.inject(FaultRule.of(f, FaultMatcher.command(targets.get(i).argv().toArray(new String[0]))).delay(Duration.ofSeconds(2)).once());
        injected.merge(f, 1, Integer::sum);
      }
    }
    PlanFailedException e = applyOn(host, plan);
    if (e == null) {
      host.clearFaults();
      plan.apply(twin);
      sameAsTwin(h, "after the plan applied fully");
      return;
    }
    failures.add(e);
    if (!e.retryable()) {
      assertThat(refusal).as("a non-retryable plan failure comes from an injected refusal: %s", e.getMessage()).isTrue();
      assertThat(e.notRolledBack()).as("rolled back fully: %s", e.getMessage()).isEmpty();
      plansRolledBack++;
      sameAsTwin(h, "after a non-retryable failure, rolled back");
      PlanFailedException again = applyOn(host, plan);
      assertThat(again).as("a retry of a non-retryable plan failure is refused again").isNotNull();
      assertThat(again.retryable()).isFalse();
      refusedAgain++;
      host.clearFaults();
      sameAsTwin(h, "after the refused retry");
      return;
    }
    host.clearFaults();
    if (host.crashed()) {
      // one machine: its hypervisor crashed with it (guests, networks and pools stopped) and boots with it
      assertThat(cluster.hypervisor(h).crashed()).as("%s's hypervisor is down with its host", h).isTrue();
      crashes++;
      host.reboot();
      twin.reboot();
      assertThat(cluster.hypervisor(h).crashed()).as("%s's hypervisor booted with its host", h).isFalse();
      ledger.crash(h);
      check("after a host crash met by a plan");
    } else {
      assertThat(e.notRolledBack()).as("rolled back fully: %s", e.getMessage()).isEmpty();
      plansRolledBack++;
    }
    sameAsTwin(h, "after a retryable failure (" + e.getMessage() + ")");
    PlanFailedException retry = applyOn(host, plan);
    if (retry != null) throw new AssertionError("the retry of a retryable plan failure failed: " + retry.getMessage(), retry);
    retries++;
    plan.apply(twin);
    sameAsTwin(h, "after the retry");
  }

  private PlanFailedException applyOn(FakeHost host, Plan plan) {
    try {
      plan.apply(host);
      return null;
    } catch (PlanFailedException e) {
      assertThat(e.getCause()).as("the cause of a plan failure is typed").isInstanceOf(KvmException.class);
      return e;
    } catch (RuntimeException e) {
      throw new AssertionError("an untyped plan failure: " + e, e);
    }
  }

  private void sameAsTwin(String h, String when) {
    List<String> diff = cluster.host(h).snapshot().diff(twins.get(h).snapshot());
    assertThat(diff).as("host %s %s equals its twin that got the whole plan or none", h, when).isEmpty();
  }
}
