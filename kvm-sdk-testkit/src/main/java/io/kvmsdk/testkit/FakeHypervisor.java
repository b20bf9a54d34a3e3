package io.kvmsdk.testkit;

import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.KvmSubscription;
import io.kvmsdk.core.KvmTimeoutException;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainEvent;
import io.kvmsdk.core.domain.DomainEventType;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.domain.Domains;
import io.kvmsdk.core.domain.SnapshotSpec;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.testkit.FakeHypervisorState.Dom;
import io.kvmsdk.testkit.FakeHypervisorState.Secret;
import io.kvmsdk.testkit.FakeHypervisorState.Snap;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A pure-Java, in-memory {@link Hypervisor} that behaves like libvirt's QEMU driver: persistent and
 * transient domains, define over an existing name (same UUID updates the next-boot definition,
 * another UUID fails), the state machine with libvirt's error for each invalid transition
 * ({@code VIR_ERR_OPERATION_INVALID}: "domain is already running" to start or resume a running
 * domain, "domain is not running" to stop, suspend or reboot a shut-off one; suspending a paused
 * domain succeeds, as in the QEMU driver), undefine of a running
 * domain making it transient, live vs inactive XML, snapshots, autostart, lifecycle events, secrets,
 * networks, storage pools and volumes, nwfilters (as libvirt's network, storage and nwfilter drivers
 * keep them), and deterministic statistics driven by the cluster's {@link FakeClock}. Missing objects raise
 * {@link NotFoundException} whose cause is the {@link LibvirtException} libvirt would raise.
 *
 * <p>Each instance is one connection to one host of a {@link FakeCluster}; connections to the same
 * host share its state. Reach it with {@code Kvm.connect("fake:///NAME")} or
 * {@code Kvm.using(cluster.hypervisor("NAME"))}. Faults: {@link #inject(FaultRule)} with
 * {@link FaultMatcher}s over {@code [method, object name]}, e.g. {@code operation("startDomain", "web1")}.
 */
public final class FakeHypervisor implements Hypervisor {

  private final FakeHypervisorState st;
  private final List<Consumer<DomainEvent>> mine = new ArrayList<>();
  private volatile boolean closed;
  private volatile boolean dropped;

  FakeHypervisor(FakeHypervisorState state) { this.st = state; }

  /** A connection to a fresh fake host named {@code name} in a new cluster of its own. */
  public static FakeHypervisor create(String name) { return FakeCluster.create().hypervisor(name); }

  /** The host's name. */
  public String name() { return st.name; }

  /** The clock driving this host's statistics, shutdowns and timeouts. */
  public FakeClock clock() { return st.clock; }

  @Override public String uri() { return "fake:///" + st.name; }

  @Override public boolean isAlive() { return !closed && !dropped && !crashed(); }

  @Override public void close() {
    synchronized (st.lock) {
      if (closed) return;
      closed = true;
      st.listeners.removeAll(mine);
      mine.clear();
    }
  }

  // ------------------------------------------------------------------ errors

  private static LibvirtException libvirt(String op, String code, int number, String from, int fromNumber, String msg, boolean retryable) {
    return new LibvirtException(op, code, number, from, fromNumber, msg, retryable, null);
  }

  private static LibvirtException invalid(String op, String msg) {
    return libvirt(op, "VIR_ERR_OPERATION_INVALID", 55, "VIR_FROM_QEMU", 10, "Requested operation is not valid: " + msg, false);
  }

  /** "domain is not running": libvirt's generic check ({@code virDomainObjCheckActive}) reports it from VIR_FROM_DOMAIN. */
  private static LibvirtException notRunning(String op) {
    return libvirt(op, "VIR_ERR_OPERATION_INVALID", 55, "VIR_FROM_DOMAIN", 20, "Requested operation is not valid: domain is not running", false);
  }

  private static LibvirtException failed(String op, String msg) {
    return libvirt(op, "VIR_ERR_OPERATION_FAILED", 9, "VIR_FROM_DOMAIN", 20, "operation failed: " + msg, false);
  }

  private static NotFoundException noDomain(String op, String name) {
    return new NotFoundException("domain", name, libvirt(op, "VIR_ERR_NO_DOMAIN", 42, "VIR_FROM_QEMU", 10,
        "Domain not found: no domain with matching name '" + name + "'", false));
  }

  private static LibvirtException dropped(String op) {
    return libvirt(op, "VIR_ERR_INTERNAL_ERROR", 1, "VIR_FROM_RPC", 7, "internal error: client socket is closed", true);
  }

  /** Operations whose effect a {@link Fault#REPLY_LOST} lets happen before the reply is lost. */
  private static final Set<String> MUTATING = Set.of("defineDomain", "createDomain", "startDomain", "shutdownDomain",
      "destroyDomain", "suspendDomain", "resumeDomain", "undefineDomain", "migrateDomain");
  /** Set by {@link #enter} when a {@link Fault#REPLY_LOST} hit the running operation; read by {@link #replied}. */
  private static final ThreadLocal<Boolean> REPLY_LOST = new ThreadLocal<>();

  /** The end of a mutating operation: the effect happened; a lost reply now surfaces as a dropped connection. */
  private void replied(String op) {
    if (REPLY_LOST.get() == null) return;
    REPLY_LOST.remove();
    dropped = true;
    throw dropped(op);
  }

  /** Every call starts here: connection checks, then the first matching fault. */
  private void enter(String op, String method, String object) {
    REPLY_LOST.remove();
    if (closed) throw new KvmException(op + " failed: the connection to " + uri() + " is closed");
    if (st.crashed) {
      throw libvirt(op, "VIR_ERR_SYSTEM_ERROR", 38, "VIR_FROM_RPC", 7,
          "Cannot recv data: Connection reset by peer (host " + st.name + " is down)", true);
    }
    dropped = false;
    List<String> words = object == null ? List.of(method) : List.of(method, object);
    FaultRule hit = null;
    for (int i = 0; i < st.rules.size(); i++) {
      FaultRule r = st.rules.get(i);
      if (r.fault() == Fault.COMMAND_FAILS || !r.matches(words)) continue;
      FaultRule next = r.consumed();
      if (next == null) st.rules.remove(i); else st.rules.set(i, next);
      hit = r;
      break;
    }
    if (hit == null) return;
    switch (hit.fault()) {
      case LIBVIRT_ERROR:
        throw libvirt(op, hit.libvirtCode(), hit.libvirtCodeNumber(), "VIR_FROM_QEMU", 10, hit.message(), false);
      case MIGRATION_FAILS_MIDWAY:
        st.clock.advance(hit.delay());
        throw failed(op, "migration failed midway: " + hit.message());
      case CONNECTION_DROPPED:
        dropped = true;
        throw dropped(op);
      case REPLY_LOST:
        if (MUTATING.contains(method)) {
          REPLY_LOST.set(Boolean.TRUE);
          return;
        }
        dropped = true;
        throw dropped(op);
      case SLOW:
        st.clock.advance(hit.delay());
        return;
      case TIMEOUT:
        st.clock.advance(hit.delay());
        throw new KvmTimeoutException(op, hit.delay());
      case HOST_CRASH:
        crashLocked();
        throw dropped(op);
      default:
        return;
    }
  }

  private Dom dom(String op, String name) {
    Dom d = st.domains.get(name);
    if (d == null) throw noDomain(op, name);
    settle(d);
    return d;
  }

  /** Applies what fake time did: a shutdown requested earlier completes once its delay has passed. */
  private void settle(Dom d) {
    if (d.shutdownAt != null && d.active() && !st.clock.instant().isBefore(d.shutdownAt)) {
      d.shutdownAt = null;
      emit(d.name, DomainEventType.SHUTDOWN, "FINISHED");
      stop(d, DomainEventType.STOPPED, "SHUTDOWN");
    }
  }

  private void emit(String name, DomainEventType type, String detail) {
    DomainEvent ev = new DomainEvent(name, type, detail);
    for (Consumer<DomainEvent> l : st.listeners) {
      try {
        l.accept(ev);
      } catch (RuntimeException e) {
        // a failing listener must not break the others, as in the libvirt adapter
      }
    }
  }

  private String uuidFor(String name) {
    return UUID.nameUUIDFromBytes((st.name + "/" + name + "/" + (st.uuidSeq++)).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The definition without the runtime {@code id} attribute (what libvirt stores as the inactive XML). */
  private static String withoutId(String xml) {
    DomainSpec spec = DomainSpec.fromXml(xml);
    return spec.id().isEmpty() ? xml : spec.copy(b -> b.id(Optional.empty())).toXml();
  }

  /** {@code spec} with {@code uuid} and without the runtime {@code id}: what libvirt stores as the inactive definition. */
  private static DomainSpec canonical(DomainSpec spec, String uuid) {
    DomainSpec withUuid = spec.uuid().isPresent() && spec.uuid().get().equals(uuid) ? spec : spec.copy(b -> b.uuid(uuid));
    return withUuid.id().isEmpty() ? withUuid : withUuid.copy(b -> b.id(Optional.empty()));
  }

  // ------------------------------------------------------------------ node

  @Override public io.kvmsdk.core.node.NodeInfo nodeInfo() {
    synchronized (st.lock) {
      enter("get the node info of " + uri(), "nodeInfo", null);
      return st.node;
    }
  }

  /** The host's memory less what its active domains hold (their current balloon, else their memory). */
  @Override public long freeMemory() {
    synchronized (st.lock) {
      enter("get the free memory of " + uri(), "freeMemory", null);
      for (Dom d : new ArrayList<>(st.domains.values())) settle(d);
      long used = 0;
      for (Dom d : st.domains.values()) {
        if (!d.active()) continue;
        used += d.live.currentMemory().or(() -> d.live.memory()).map(io.kvmsdk.core.Size::bytes).orElse(0L);
      }
      return Math.max(0, st.node.memory().bytes() - used);
    }
  }

  /** Sets what this host reports as its CPUs and memory (default 16 CPUs, 64 GiB); free memory follows the running domains. */
  public FakeHypervisor resources(int cpus, io.kvmsdk.core.Size memory) {
    if (cpus < 1) throw new IllegalArgumentException("a host has at least one CPU, got " + cpus);
    synchronized (st.lock) {
      st.node = new io.kvmsdk.core.node.NodeInfo("x86_64", io.kvmsdk.core.Size.kib(memory.kib()), cpus, 2400, 1, 1, cpus, 1);
    }
    return this;
  }

  // ------------------------------------------------------------------ domains

  @Override public DomainRef defineDomain(String xml) {
    synchronized (st.lock) {
      enter("define domain", "defineDomain", null);
      DomainSpec spec = DomainSpec.fromXml(xml);
      String name = spec.name();
      enterObject("define domain '" + name + "'", "defineDomain", name);
      Dom byName = st.domains.get(name);
      Dom byUuid = spec.uuid().flatMap(u -> st.domains.values().stream().filter(d -> d.uuid.equalsIgnoreCase(u)).findFirst()).orElse(null);
      String op = "define domain '" + name + "'";
      if (byUuid != null && !byUuid.name.equals(name)) {
        throw failed(op, "domain '" + byUuid.name + "' is already defined with uuid " + byUuid.uuid);
      }
      // libvirt gives a definition without a UUID a random one, so it never matches an existing domain
      if (byName != null && (spec.uuid().isEmpty() || !byName.uuid.equalsIgnoreCase(spec.uuid().get()))) {
        throw failed(op, "domain '" + name + "' already exists with uuid " + byName.uuid);
      }
      String uuid = spec.uuid().orElseGet(() -> uuidFor(name));
      DomainSpec canonical = canonical(spec, uuid);
      boolean added = byName == null || byName.persistent == null;
      Dom d = byName != null ? byName : new Dom(name, uuid);
      d.persistent = canonical;
      st.domains.put(name, d);
      emit(name, DomainEventType.DEFINED, added ? "ADDED" : "UPDATED");
      replied(op);
      return new DomainRef(name, uuid);
    }
  }

  /** A fault check for calls whose object is known only after parsing. */
  private void enterObject(String op, String method, String object) {
    List<String> words = List.of(method, object);
    for (FaultRule r : st.rules) {
      if (r.fault() != Fault.COMMAND_FAILS && r.matches(words) && !r.matches(List.of(method))) {
        enter(op, method, object);
        return;
      }
    }
  }

  @Override public DomainRef createDomain(String xml) {
    synchronized (st.lock) {
      enter("create domain", "createDomain", null);
      DomainSpec spec = DomainSpec.fromXml(xml);
      String op = "create domain '" + spec.name() + "'";
      enterObject(op, "createDomain", spec.name());
      // libvirt's order (virDomainObjListAdd): the UUID first, then the name
      Dom byUuid = spec.uuid().flatMap(u -> st.domains.values().stream().filter(d -> d.uuid.equalsIgnoreCase(u)).findFirst()).orElse(null);
      if (byUuid != null && !byUuid.name.equals(spec.name())) {
        throw failed(op, "domain '" + byUuid.name + "' is already defined with uuid " + byUuid.uuid);
      }
      if (byUuid != null && byUuid.active()) throw invalid(op, "domain '" + spec.name() + "' is already active");
      Dom existing = st.domains.get(spec.name());
      if (existing != null && existing != byUuid) throw failed(op, "domain '" + spec.name() + "' already exists with uuid " + existing.uuid);
      String uuid = existing != null ? existing.uuid : spec.uuid().orElseGet(() -> uuidFor(spec.name()));
      checkNetworks(op, spec);
      Dom d = existing != null ? existing : new Dom(spec.name(), uuid);
      st.domains.put(d.name, d);
      boot(d, canonical(spec, uuid), "BOOTED");
      replied(op);
      return new DomainRef(d.name, uuid);
    }
  }

  @Override public Optional<DomainRef> lookupDomain(String name) {
    synchronized (st.lock) {
      enter("look up domain '" + name + "'", "lookupDomain", name);
      Dom d = st.domains.get(name);
      return d == null ? Optional.empty() : Optional.of(new DomainRef(d.name, d.uuid));
    }
  }

  @Override public List<DomainRef> listDomains() { return listDomains(Set.of()); }

  @Override public List<DomainRef> listDomains(Set<Domains.Filter> filters) {
    synchronized (st.lock) {
      enter("list domains", "listDomains", null);
      List<DomainRef> out = new ArrayList<>();
      for (Dom d : new ArrayList<>(st.domains.values())) settle(d);
      for (Dom d : st.domains.values()) if (passes(d, filters)) out.add(new DomainRef(d.name, d.uuid));
      return out;
    }
  }

  /** libvirt's rule: within a group any filter admits, every group given must admit. */
  private static boolean passes(Dom d, Set<Domains.Filter> f) {
    return group(f, d.active(), Domains.Filter.ACTIVE, Domains.Filter.INACTIVE)
        && group(f, d.persistent != null, Domains.Filter.PERSISTENT, Domains.Filter.TRANSIENT)
        && group(f, d.autostart, Domains.Filter.AUTOSTART, Domains.Filter.NO_AUTOSTART)
        && stateGroup(f, d.state);
  }

  private static boolean group(Set<Domains.Filter> f, boolean yes,
      Domains.Filter ifYes, Domains.Filter ifNo) {
    if (!f.contains(ifYes) && !f.contains(ifNo)) return true;
    return yes ? f.contains(ifYes) : f.contains(ifNo);
  }

  private static boolean stateGroup(Set<Domains.Filter> f, DomainState state) {
    var running = Domains.Filter.RUNNING;
    var paused = Domains.Filter.PAUSED;
    var off = Domains.Filter.SHUTOFF;
    if (!f.contains(running) && !f.contains(paused) && !f.contains(off)) return true;
    return (f.contains(running) && state == DomainState.RUNNING) || (f.contains(paused) && state == DomainState.PAUSED)
        || (f.contains(off) && state == DomainState.SHUTOFF);
  }

  @Override public DomainState domainState(String name) {
    synchronized (st.lock) {
      String op = "get the state of domain '" + name + "'";
      enter(op, "domainState", name);
      return dom(op, name).state;
    }
  }

  private void boot(Dom d, String xml) { boot(d, DomainSpec.fromXml(xml), "BOOTED"); }

  /** Like libvirt's network driver at a domain's start: every {@code <interface type='network'>} needs an active network. */
  private void checkNetworks(String op, DomainSpec spec) {
    for (io.kvmsdk.core.domain.Nic nic : spec.devices().interfaces()) {
      if (!"network".equals(nic.type().orElse(""))) continue;
      String net = nic.source().flatMap(x -> x.network()).orElse(null);
      if (net != null) st.networks.checkUsable(op, net);
    }
  }

  /** Starts {@code d} from {@code spec} (its definition without the runtime id). */
  private void boot(Dom d, DomainSpec spec, String detail) {
    d.id = st.nextId++;
    int id = d.id;
    d.live = spec.copy(b -> b.id(id));
    d.state = DomainState.RUNNING;
    d.runningSince = st.clock.instant();
    d.shutdownAt = null;
    // QEMU's CPUs start before libvirt reports the boot: RESUMED/UNPAUSED comes first, as a real libvirtd sends it
    if (detail.equals("MIGRATED")) {
      // an incoming migration: the caller reports the definition and the resume that follow the start
      emit(d.name, DomainEventType.STARTED, detail);
    } else {
      emit(d.name, DomainEventType.RESUMED, "UNPAUSED");
      emit(d.name, DomainEventType.STARTED, detail);
    }
  }

  /** Stops an active domain; a transient one disappears. */
  private void stop(Dom d, DomainEventType type, String detail) {
    d.ranBefore = d.runTime(st.clock.instant());
    d.runningSince = null;
    d.live = null;
    d.id = -1;
    d.state = DomainState.SHUTOFF;
    d.shutdownAt = null;
    emit(d.name, type, detail);
    if (d.persistent == null) st.domains.remove(d.name);   // a transient domain vanishes; libvirt sends no UNDEFINED for it
  }

  @Override public void startDomain(String name) {
    synchronized (st.lock) {
      String op = "start domain '" + name + "'";
      enter(op, "startDomain", name);
      Dom d = dom(op, name);
      if (d.active()) throw invalid(op, "domain is already running");
      checkNetworks(op, d.persistent);
      boot(d, d.persistent, "BOOTED");
      replied(op);
    }
  }

  @Override public void shutdownDomain(String name) {
    synchronized (st.lock) {
      String op = "shut down domain '" + name + "'";
      enter(op, "shutdownDomain", name);
      Dom d = dom(op, name);
      // QEMU sends ACPI only to a running guest: a paused one refuses, with the same words
      if (!d.active() || d.state != DomainState.RUNNING) throw invalid(op, "domain is not running");
      if (d.ignoresShutdown) {
        replied(op);
        return;
      }
      if (st.shutdownDelay.isZero()) {
        emit(name, DomainEventType.SHUTDOWN, "FINISHED");
        stop(d, DomainEventType.STOPPED, "SHUTDOWN");
      } else if (d.shutdownAt == null) {
        d.shutdownAt = st.clock.instant().plus(st.shutdownDelay);
      }
      replied(op);
    }
  }

  @Override public void destroyDomain(String name) {
    synchronized (st.lock) {
      String op = "destroy domain '" + name + "'";
      enter(op, "destroyDomain", name);
      Dom d = dom(op, name);
      if (!d.active()) throw notRunning(op);
      // QEMU reports a host-initiated shutdown (a detail libvirt-java does not name) before it exits
      emit(name, DomainEventType.SHUTDOWN, "UNKNOWN");
      stop(d, DomainEventType.STOPPED, "DESTROYED");
      replied(op);
    }
  }

  @Override public void rebootDomain(String name) {
    synchronized (st.lock) {
      String op = "reboot domain '" + name + "'";
      enter(op, "rebootDomain", name);
      Dom d = dom(op, name);
      if (!d.active()) throw notRunning(op);
    }
  }

  @Override public void suspendDomain(String name) {
    synchronized (st.lock) {
      String op = "suspend domain '" + name + "'";
      enter(op, "suspendDomain", name);
      Dom d = dom(op, name);
      if (!d.active()) throw notRunning(op);
      if (d.state == DomainState.PAUSED) {   // the QEMU driver accepts suspending a paused domain
        replied(op);
        return;
      }
      d.ranBefore = d.runTime(st.clock.instant());
      d.runningSince = null;
      d.state = DomainState.PAUSED;
      emit(name, DomainEventType.SUSPENDED, "PAUSED");
      replied(op);
    }
  }

  @Override public void resumeDomain(String name) {
    synchronized (st.lock) {
      String op = "resume domain '" + name + "'";
      enter(op, "resumeDomain", name);
      Dom d = dom(op, name);
      if (!d.active()) throw notRunning(op);
      if (d.state != DomainState.PAUSED) throw invalid(op, "domain is already running");
      d.state = DomainState.RUNNING;
      d.runningSince = st.clock.instant();
      emit(name, DomainEventType.RESUMED, "UNPAUSED");
      replied(op);
    }
  }

  @Override public void undefineDomain(String name, Set<Domain.UndefineOption> options) {
    synchronized (st.lock) {
      String op = "undefine domain '" + name + "'";
      enter(op, "undefineDomain", name);
      Dom d = dom(op, name);
      if (d.persistent == null) throw invalid(op, "cannot undefine transient domain");
      if (!d.snapshots.isEmpty() && !options.contains(Domain.UndefineOption.SNAPSHOTS_METADATA)) {
        throw invalid(op, "cannot delete inactive domain with " + d.snapshots.size() + " snapshots");
      }
      d.snapshots.clear();
      d.currentSnapshot = null;
      d.persistent = null;
      d.autostart = false;
      emit(name, DomainEventType.UNDEFINED, "REMOVED");
      if (!d.active()) st.domains.remove(name);
      replied(op);
    }
  }

  @Override public boolean autostart(String name) {
    synchronized (st.lock) {
      String op = "get autostart of domain '" + name + "'";
      enter(op, "autostart", name);
      return dom(op, name).autostart;
    }
  }

  @Override public void setAutostart(String name, boolean autostart) {
    synchronized (st.lock) {
      String op = "set autostart of domain '" + name + "'";
      enter(op, "setAutostart", name);
      Dom d = dom(op, name);
      if (d.persistent == null) throw invalid(op, "cannot set autostart for transient domain");
      d.autostart = autostart;
    }
  }

  @Override public boolean isPersistent(String name) {
    synchronized (st.lock) {
      String op = "ask whether domain '" + name + "' is persistent";
      enter(op, "isPersistent", name);
      return dom(op, name).persistent != null;
    }
  }

  @Override public String domainXml(String name, boolean inactive) {
    synchronized (st.lock) {
      String op = "get the XML of domain '" + name + "'";
      enter(op, "domainXml", name);
      Dom d = dom(op, name);
      if (inactive && d.persistent != null) return d.persistentXml();
      return d.active() ? withAgentState(d) : d.persistentXml();
    }
  }

  // ------------------------------------------------------------------ stats

  @Override public Map<String, Object> domainStats(String name) {
    synchronized (st.lock) {
      String op = "get the statistics of domain '" + name + "'";
      enter(op, "domainStats", name);
      return stats(dom(op, name));
    }
  }

  @Override public Map<String, Map<String, Object>> allDomainStats() {
    synchronized (st.lock) {
      enter("get all domain statistics", "allDomainStats", null);
      Map<String, Map<String, Object>> out = new LinkedHashMap<>();
      for (Dom d : new ArrayList<>(st.domains.values())) settle(d);
      for (Dom d : st.domains.values()) out.put(d.name, stats(d));
      return out;
    }
  }

  /**
   * Deterministic synthetic statistics: every vCPU busy 25% of the domain's running time on the
   * fake clock; each disk reads 1 MiB/s and writes 512 KiB/s (4 KiB requests); each interface
   * receives 100 KB/s and sends 50 KB/s (1000-byte packets); the balloon at the defined memory.
   */
  private Map<String, Object> stats(Dom d) {
    DomainSpec spec = d.currentSpec();
    long secs = d.runTime(st.clock.instant()).toSeconds();
    long nanos = d.runTime(st.clock.instant()).toNanos();
    int vcpus = spec.vcpu().flatMap(v -> v.current().or(v::count)).orElse(1);
    long memKiB = spec.memory().map(s -> s.kib()).orElse(0L);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state.state", d.state.ordinal());
    m.put("state.reason", 1);
    m.put("cpu.time", nanos / 4 * vcpus);
    m.put("cpu.user", nanos / 8 * vcpus);
    m.put("cpu.system", nanos / 16 * vcpus);
    m.put("balloon.current", d.active() ? spec.currentMemory().map(s -> s.kib()).orElse(memKiB) : memKiB);
    m.put("balloon.maximum", memKiB);
    if (d.active()) m.put("balloon.rss", memKiB / 2);
    m.put("vcpu.current", vcpus);
    m.put("vcpu.maximum", spec.vcpu().flatMap(Vcpu -> Vcpu.count()).orElse(vcpus));
    List<Disk> disks = spec.devices().disks();
    m.put("block.count", disks.size());
    for (int i = 0; i < disks.size(); i++) {
      String p = "block." + i + ".";
      int n = i;
      m.put(p + "name", disks.get(i).target().flatMap(t -> t.dev()).orElse("vd" + (char) ('a' + n)));
      m.put(p + "rd.bytes", secs * 1048576L);
      m.put(p + "rd.reqs", secs * 256L);
      m.put(p + "wr.bytes", secs * 524288L);
      m.put(p + "wr.reqs", secs * 128L);
    }
    int nics = spec.devices().interfaces().size();
    m.put("net.count", nics);
    for (int i = 0; i < nics; i++) {
      String p = "net." + i + ".";
      m.put(p + "name", "vnet" + i);
      m.put(p + "rx.bytes", secs * 100_000L);
      m.put(p + "rx.pkts", secs * 100L);
      m.put(p + "tx.bytes", secs * 50_000L);
      m.put(p + "tx.pkts", secs * 50L);
    }
    return m;
  }

  // ------------------------------------------------------------------ snapshots

  /** Named {@code domain/snapshot}, as the libvirt adapter names it. */
  private static NotFoundException noSnapshot(String op, String domain, String snapshot) {
    return new NotFoundException("snapshot", domain + "/" + snapshot, libvirt(op, "VIR_ERR_NO_DOMAIN_SNAPSHOT", 72, "VIR_FROM_QEMU", 10,
        "Domain snapshot not found: no domain snapshot with matching name '" + snapshot + "'", false));
  }

  @Override public String createSnapshot(String domain, String xml) {
    synchronized (st.lock) {
      String op = "create a snapshot of domain '" + domain + "'";
      enter(op, "createSnapshot", domain);
      Dom d = dom(op, domain);
      SnapshotSpec spec = SnapshotSpec.fromXml(xml);
      String name = spec.name().orElse(Long.toString(st.clock.instant().getEpochSecond()));
      if (d.snapshots.containsKey(name)) throw invalid(op, "domain snapshot '" + name + "' already exists");
      checkInternalSnapshot(op, d);
      String state = d.active() ? (d.state == DomainState.PAUSED ? "paused" : "running") : "shutoff";
      String domXml = d.active() ? d.liveXml() : d.persistentXml();
      String domainXml = withoutId(domXml);
      String snapXml = SnapshotSpec.builder().name(name).description(spec.description()).state(state)
          .parent(Optional.ofNullable(d.currentSnapshot)).creationTime(st.clock.instant().getEpochSecond())
          .domain(DomainSpec.fromXml(domainXml)).build().toXml();
      d.snapshots.put(name, new Snap(name, snapXml, domainXml, d.persistentXml(), d.state, d.currentSnapshot));
      d.currentSnapshot = name;
      return name;
    }
  }

  /** QEMU's internal snapshots need at least one disk, and every disk qcow2 (messages as libvirt 9.0 words them). */
  private static void checkInternalSnapshot(String op, Dom d) {
    DomainSpec spec = d.currentSpec();
    List<Disk> disks = spec.devices().disks().stream()
        .filter(x -> x.device().orElse("disk").equals("disk") && !"no".equals(x.snapshot().orElse(""))).toList();
    if (disks.isEmpty()) {
      throw unsupported(op, d.active() ? "internal and full system snapshots require all disks to be selected for snapshot"
          : "nothing selected for snapshot", "VIR_FROM_QEMU", 10);
    }
    for (int i = 0; i < disks.size(); i++) {
      Disk x = disks.get(i);
      String format = x.driver().flatMap(v -> v.type()).orElse("raw");
      if (!format.equals("qcow2")) {
        int n = i;
        String dev = x.target().flatMap(t -> t.dev()).orElse("vd" + (char) ('a' + n));
        throw unsupported(op, "internal snapshot for disk " + dev + " unsupported for storage type " + format, "VIR_FROM_QEMU", 10);
      }
    }
  }

  private static LibvirtException unsupported(String op, String msg, String from, int fromNumber) {
    return libvirt(op, "VIR_ERR_CONFIG_UNSUPPORTED", 67, from, fromNumber, "unsupported configuration: " + msg, false);
  }

  @Override public List<String> snapshotNames(String domain) {
    synchronized (st.lock) {
      String op = "list the snapshots of domain '" + domain + "'";
      enter(op, "snapshotNames", domain);
      return List.copyOf(dom(op, domain).snapshots.keySet());
    }
  }

  @Override public Optional<String> snapshotXml(String domain, String snapshot) {
    synchronized (st.lock) {
      String op = "get snapshot '" + snapshot + "' of domain '" + domain + "'";
      enter(op, "snapshotXml", domain);
      Snap s = dom(op, domain).snapshots.get(snapshot);
      return s == null ? Optional.empty() : Optional.of(s.xml());
    }
  }

  @Override public Optional<String> currentSnapshot(String domain) {
    synchronized (st.lock) {
      String op = "get the current snapshot of domain '" + domain + "'";
      enter(op, "currentSnapshot", domain);
      return Optional.ofNullable(dom(op, domain).currentSnapshot);
    }
  }

  @Override public void revertToSnapshot(String domain, String snapshot) {
    synchronized (st.lock) {
      String op = "revert to snapshot '" + snapshot + "' of domain '" + domain + "'";
      enter(op, "revertToSnapshot", domain);
      Dom d = dom(op, domain);
      Snap s = d.snapshots.get(snapshot);
      if (s == null) throw noSnapshot(op, domain, snapshot);
      if (d.active()) stop(d, DomainEventType.STOPPED, "FROM_SNAPSHOT");
      if (!st.domains.containsKey(domain)) st.domains.put(domain, d);
      // libvirt restores the next-boot definition too (the snapshot's inactive one if it kept it)
      if (d.persistent != null) d.persistent = DomainSpec.fromXml(s.inactiveXml() != null ? s.inactiveXml() : s.domainXml());
      if (s.state() != DomainState.SHUTOFF) {
        boot(d, s.domainXml());
        if (s.state() == DomainState.PAUSED) {
          d.ranBefore = d.runTime(st.clock.instant());
          d.runningSince = null;
          d.state = DomainState.PAUSED;
        }
      }
      d.currentSnapshot = snapshot;
    }
  }

  @Override public void deleteSnapshot(String domain, String snapshot) {
    synchronized (st.lock) {
      String op = "delete snapshot '" + snapshot + "' of domain '" + domain + "'";
      enter(op, "deleteSnapshot", domain);
      Dom d = dom(op, domain);
      Snap s = d.snapshots.remove(snapshot);
      if (s == null) throw noSnapshot(op, domain, snapshot);
      for (Map.Entry<String, Snap> e : d.snapshots.entrySet()) {
        Snap c = e.getValue();
        if (snapshot.equals(c.parent())) {
          // the children move up to the deleted snapshot's parent, in their XML too
          SnapshotSpec spec = SnapshotSpec.fromXml(c.xml());
          SnapshotSpec.Builder b = SnapshotSpec.builder().from(spec).parent(Optional.ofNullable(s.parent()));
          e.setValue(new Snap(c.name(), b.build().toXml(), c.domainXml(), c.inactiveXml(), c.state(), s.parent()));
        }
      }
      if (snapshot.equals(d.currentSnapshot)) d.currentSnapshot = s.parent();
    }
  }

  // ------------------------------------------------------------------ events

  @Override public KvmSubscription onLifecycle(Consumer<DomainEvent> listener) {
    synchronized (st.lock) {
      enter("register a lifecycle listener", "onLifecycle", null);
      Consumer<DomainEvent> l = listener::accept;
      st.listeners.add(l);
      mine.add(l);
      return () -> {
        synchronized (st.lock) {
          st.listeners.remove(l);
          mine.remove(l);
        }
      };
    }
  }

  // ------------------------------------------------------------------ secrets

  private static NotFoundException noSecret(String op, String uuid) {
    return new NotFoundException("secret", uuid, libvirt(op, "VIR_ERR_NO_SECRET", 66, "VIR_FROM_SECRET", 36,
        "Secret not found: no secret with matching uuid '" + uuid + "'", false));
  }

  @Override public String defineSecret(String xml) {
    synchronized (st.lock) {
      enter("define a secret", "defineSecret", null);
      io.kvmsdk.core.secret.SecretSpec spec = io.kvmsdk.core.secret.SecretSpec.fromXml(xml);
      String uuid = spec.uuid().orElseGet(() -> uuidFor("secret"));
      Optional<String> usage = spec.usageName();
      if (usage.isPresent()) {
        for (Secret other : st.secrets.values()) {
          if (other.uuid.equals(uuid)) continue;
          io.kvmsdk.core.secret.SecretSpec o = io.kvmsdk.core.secret.SecretSpec.fromXml(other.xml);
          if (o.usageType().equals(spec.usageType()) && o.usageName().equals(usage)) {
            throw libvirt("define a secret", "VIR_ERR_INTERNAL_ERROR", 1, "VIR_FROM_SECRET", 36,
                "internal error: a secret with UUID " + other.uuid + " already defined for use with " + usage.get(), false);
          }
        }
      }
      String stored = spec.uuid().isPresent() ? xml : spec.copy(b -> b.uuid(uuid)).toXml();
      Secret s = st.secrets.get(uuid);
      if (s == null) st.secrets.put(uuid, new Secret(uuid, stored)); else s.xml = stored;
      return uuid;
    }
  }

  @Override public List<String> listSecrets() {
    synchronized (st.lock) {
      enter("list secrets", "listSecrets", null);
      return List.copyOf(st.secrets.keySet());
    }
  }

  @Override public Optional<String> secretXml(String uuid) {
    synchronized (st.lock) {
      enter("get secret '" + uuid + "'", "secretXml", uuid);
      Secret s = st.secrets.get(uuid);
      return s == null ? Optional.empty() : Optional.of(s.xml);
    }
  }

  @Override public void setSecretValue(String uuid, byte[] value) {
    synchronized (st.lock) {
      String op = "set the value of secret '" + uuid + "'";
      enter(op, "setSecretValue", uuid);
      Secret s = st.secrets.get(uuid);
      if (s == null) throw noSecret(op, uuid);
      s.value = value.clone();
    }
  }

  @Override public void undefineSecret(String uuid) {
    synchronized (st.lock) {
      String op = "undefine secret '" + uuid + "'";
      enter(op, "undefineSecret", uuid);
      if (st.secrets.remove(uuid) == null) throw noSecret(op, uuid);
    }
  }

  // ------------------------------------------------------------------ networks, storage, nwfilters
  // Thin delegations: the state and libvirt's rules live in FakeNetworks, FakeStorage and FakeNwfilters.

  @Override public String defineNetwork(String xml) {
    synchronized (st.lock) { enter("define network", "defineNetwork", null); return st.networks.define(xml); }
  }

  @Override public String createNetwork(String xml) {
    synchronized (st.lock) { enter("create network", "createNetwork", null); return st.networks.create(xml); }
  }

  @Override public Optional<NetworkRef> lookupNetwork(String name) {
    synchronized (st.lock) { enter("look up network '" + name + "'", "lookupNetwork", name); return st.networks.lookup(name); }
  }

  @Override public List<String> listNetworks() {
    synchronized (st.lock) { enter("list networks", "listNetworks", null); return st.networks.list(); }
  }

  @Override public String networkXml(String name, boolean inactive) {
    synchronized (st.lock) { enter("get the XML of network '" + name + "'", "networkXml", name); return st.networks.xml(name, inactive); }
  }

  @Override public void startNetwork(String name) {
    synchronized (st.lock) { enter("start network '" + name + "'", "startNetwork", name); st.networks.start(name); }
  }

  @Override public void destroyNetwork(String name) {
    synchronized (st.lock) { enter("destroy network '" + name + "'", "destroyNetwork", name); st.networks.destroy(name); }
  }

  @Override public void undefineNetwork(String name) {
    synchronized (st.lock) { enter("undefine network '" + name + "'", "undefineNetwork", name); st.networks.undefine(name); }
  }

  @Override public boolean isNetworkActive(String name) {
    synchronized (st.lock) { enter("ask the state of network '" + name + "'", "isNetworkActive", name); return st.networks.isActive(name); }
  }

  @Override public boolean isNetworkPersistent(String name) {
    synchronized (st.lock) { enter("ask persistence of network '" + name + "'", "isNetworkPersistent", name); return st.networks.isPersistent(name); }
  }

  @Override public boolean networkAutostart(String name) {
    synchronized (st.lock) { enter("get autostart of network '" + name + "'", "networkAutostart", name); return st.networks.autostart(name); }
  }

  @Override public void setNetworkAutostart(String name, boolean autostart) {
    synchronized (st.lock) {
      enter("set autostart of network '" + name + "'", "setNetworkAutostart", name);
      st.networks.setAutostart(name, autostart);
    }
  }

  @Override public String defineStoragePool(String xml) {
    synchronized (st.lock) { enter("define storage pool", "defineStoragePool", null); return st.storage.define(xml); }
  }

  @Override public String createStoragePool(String xml) {
    synchronized (st.lock) { enter("create storage pool", "createStoragePool", null); return st.storage.create(xml); }
  }

  @Override public Optional<StoragePoolRef> lookupStoragePool(String name) {
    synchronized (st.lock) { enter("look up storage pool '" + name + "'", "lookupStoragePool", name); return st.storage.lookup(name); }
  }

  @Override public List<String> listStoragePools() {
    synchronized (st.lock) { enter("list storage pools", "listStoragePools", null); return st.storage.list(); }
  }

  @Override public String storagePoolXml(String name, boolean inactive) {
    synchronized (st.lock) {
      enter("get the XML of storage pool '" + name + "'", "storagePoolXml", name);
      return st.storage.xml(name, inactive);
    }
  }

  @Override public void buildStoragePool(String name) {
    synchronized (st.lock) { enter("build storage pool '" + name + "'", "buildStoragePool", name); st.storage.build(name); }
  }

  @Override public void startStoragePool(String name) {
    synchronized (st.lock) { enter("start storage pool '" + name + "'", "startStoragePool", name); st.storage.start(name); }
  }

  @Override public void destroyStoragePool(String name) {
    synchronized (st.lock) { enter("destroy storage pool '" + name + "'", "destroyStoragePool", name); st.storage.destroy(name); }
  }

  @Override public void deleteStoragePool(String name) {
    synchronized (st.lock) { enter("delete storage pool '" + name + "'", "deleteStoragePool", name); st.storage.delete(name); }
  }

  @Override public void undefineStoragePool(String name) {
    synchronized (st.lock) { enter("undefine storage pool '" + name + "'", "undefineStoragePool", name); st.storage.undefine(name); }
  }

  @Override public boolean isStoragePoolActive(String name) {
    synchronized (st.lock) {
      enter("ask the state of storage pool '" + name + "'", "isStoragePoolActive", name);
      return st.storage.isActive(name);
    }
  }

  @Override public boolean isStoragePoolPersistent(String name) {
    synchronized (st.lock) {
      enter("ask persistence of storage pool '" + name + "'", "isStoragePoolPersistent", name);
      return st.storage.isPersistent(name);
    }
  }

  @Override public boolean storagePoolAutostart(String name) {
    synchronized (st.lock) {
      enter("get autostart of storage pool '" + name + "'", "storagePoolAutostart", name);
      return st.storage.autostart(name);
    }
  }

  @Override public void setStoragePoolAutostart(String name, boolean autostart) {
    synchronized (st.lock) {
      enter("set autostart of storage pool '" + name + "'", "setStoragePoolAutostart", name);
      st.storage.setAutostart(name, autostart);
    }
  }

  @Override public void refreshStoragePool(String name) {
    synchronized (st.lock) { enter("refresh storage pool '" + name + "'", "refreshStoragePool", name); st.storage.refresh(name); }
  }

  @Override public String createStorageVolume(String pool, String xml) {
    synchronized (st.lock) {
      enter("create a volume in storage pool '" + pool + "'", "createStorageVolume", pool);
      return st.storage.createVolume(pool, xml);
    }
  }

  @Override public List<String> listStorageVolumes(String pool) {
    synchronized (st.lock) {
      enter("list the volumes of storage pool '" + pool + "'", "listStorageVolumes", pool);
      return st.storage.listVolumes(pool);
    }
  }

  @Override public String storageVolumeXml(String pool, String volume) {
    synchronized (st.lock) {
      enter("get the XML of storage volume '" + volume + "' of pool '" + pool + "'", "storageVolumeXml", pool);
      return st.storage.volumeXml(pool, volume);
    }
  }

  @Override public void deleteStorageVolume(String pool, String volume) {
    synchronized (st.lock) {
      enter("delete storage volume '" + volume + "' of pool '" + pool + "'", "deleteStorageVolume", pool);
      st.storage.deleteVolume(pool, volume);
    }
  }

  @Override public String defineNwfilter(String xml) {
    synchronized (st.lock) { enter("define nwfilter", "defineNwfilter", null); return st.nwfilters.define(xml); }
  }

  @Override public List<String> listNwfilters() {
    synchronized (st.lock) { enter("list nwfilters", "listNwfilters", null); return st.nwfilters.list(); }
  }

  @Override public String nwfilterXml(String name) {
    synchronized (st.lock) { enter("get the XML of nwfilter '" + name + "'", "nwfilterXml", name); return st.nwfilters.xml(name); }
  }

  @Override public void undefineNwfilter(String name) {
    synchronized (st.lock) { enter("undefine nwfilter '" + name + "'", "undefineNwfilter", name); st.nwfilters.undefine(name); }
  }

  // ------------------------------------------------------------------ migration

  /**
   * {@code virDomainMigrate} between two hosts of the same fake cluster: the domain leaves this host
   * ({@code STOPPED/MIGRATED}, undefined here with {@code UNDEFINE_SOURCE}) and runs on the
   * destination ({@code STARTED/MIGRATED}; defined there with {@code PERSIST_DEST}; paused with
   * {@code PAUSED} or when it was paused). A {@link Fault#MIGRATION_FAILS_MIDWAY} rule matching
   * {@code [migrateDomain, NAME]} takes the rule's delay of fake time and fails with
   * {@code VIR_ERR_OPERATION_FAILED}: the domain still runs here, nothing is left on the destination.
   * A crashed destination fails retryably; faults of the destination host's rules matching
   * {@code [migrateDomain, NAME]} apply too (the incoming half of the migration).
   */
  @Override public void migrateDomain(String name, Hypervisor destination, Set<Domain.MigrateOption> options) {
    String op = "migrate domain '" + name + "' to " + destination.uri();
    if (!(destination instanceof FakeHypervisor dest) || dest.st.cluster != st.cluster) {
      throw new KvmException(op + " failed: the destination must be a host of the same fake cluster, got " + destination);
    }
    FakeHypervisorState a = st;
    FakeHypervisorState b = dest.st;
    boolean aFirst = a == b || a.name.compareTo(b.name) < 0;
    synchronized (aFirst ? a.lock : b.lock) {
      synchronized (aFirst ? b.lock : a.lock) {
        enter(op, "migrateDomain", name);
        Dom d = dom(op, name);
        if (!d.active()) throw notRunning(op);
        if (a == b) {
          throw libvirt(op, "VIR_ERR_INTERNAL_ERROR", 1, "VIR_FROM_QEMU", 10,
              "internal error: Attempt to migrate guest to the same host " + a.hostUuid, false);
        }
        if (dest.closed) throw new KvmException(op + " failed: the connection to " + dest.uri() + " is closed");
        if (b.crashed) {
          throw libvirt(op, "VIR_ERR_SYSTEM_ERROR", 38, "VIR_FROM_RPC", 7, "Cannot recv data: Connection reset by peer (host " + b.name + " is down)", true);
        }
        Boolean lost = REPLY_LOST.get();   // the destination's own check must not forget the source's fault
        dest.enter(op, "migrateDomain", name);
        if (lost != null) REPLY_LOST.set(lost);
        Dom there = b.domains.get(name);
        if (there != null && !there.uuid.equalsIgnoreCase(d.uuid)) {
          throw failed(op, "domain '" + name + "' already exists with uuid " + there.uuid);
        }
        if (there != null && there.active()) throw invalid(op, "domain '" + name + "' is already active");
        DomainSpec live = d.live.copy(x -> x.id(Optional.empty()));
        dest.checkNetworks(op, live);
        boolean persist = options.contains(Domain.MigrateOption.PERSIST_DEST);
        Dom nd = there != null ? there : new Dom(name, d.uuid);
        b.domains.put(name, nd);
        nd.ranBefore = d.runTime(a.clock.instant());
        DomainSpec persistent = d.persistent != null ? d.persistent : live;
        boolean added = nd.persistent == null;
        dest.boot(nd, live, "MIGRATED");
        // as a real libvirtd reports it: STARTED/MIGRATED, DEFINED (with PERSIST_DEST), then RESUMED/MIGRATED
        if (persist) {
          nd.persistent = persistent;
          dest.emit(name, DomainEventType.DEFINED, added ? "ADDED" : "UPDATED");
        }
        if (d.state == DomainState.PAUSED || options.contains(Domain.MigrateOption.PAUSED)) {
          nd.ranBefore = nd.runTime(b.clock.instant());
          nd.runningSince = null;
          nd.state = DomainState.PAUSED;
          dest.emit(name, DomainEventType.SUSPENDED, "PAUSED");
        } else {
          dest.emit(name, DomainEventType.RESUMED, "MIGRATED");
        }
        if (options.contains(Domain.MigrateOption.UNDEFINE_SOURCE) && d.persistent != null) {
          d.persistent = null;
          d.autostart = false;
          d.snapshots.clear();
          d.currentSnapshot = null;
        }
        FakeGuestAgent agent = a.agents.remove(name);   // the guest, and its agent, now run on the destination
        if (agent != null) b.agents.put(name, agent.migratedTo(b.lock));
        emit(name, DomainEventType.SUSPENDED, "MIGRATED");
        stop(d, DomainEventType.STOPPED, "MIGRATED");   // libvirt reports no UNDEFINED for the source
        replied(op);
      }
    }
  }

  @Override public io.kvmsdk.core.spi.Ticker ticker() { return st.ticker; }

  // ------------------------------------------------------------------ guest agent (behaviour and state: FakeGuestAgent)

  /** The guest agent of {@code domain} on this host, to connect it and program its replies. */
  public FakeGuestAgent guestAgent(String domain) {
    synchronized (st.lock) { return st.agents.computeIfAbsent(domain, n -> new FakeGuestAgent(st.lock, st.clock, n)); }
  }

  /** The active domain {@code name} for an agent call (libvirt's {@code virDomainObjCheckActive} first). */
  private Dom agentDomain(String op, String method, String name) {
    enter(op, method, name);
    Dom d = dom(op, name);
    if (!d.active()) throw notRunning(op);
    return d;
  }

  /** The live XML with the agent channel's {@code state} as libvirt shows it ({@code connected}/{@code disconnected}). */
  private String withAgentState(Dom d) {
    if (!io.kvmsdk.core.domain.GuestAgent.isConfigured(d.live)) return d.liveXml();
    FakeGuestAgent agent = st.agents.get(d.name);
    return FakeGuestAgent.withChannelState(d.live, agent != null && agent.isConnected()).toXml();
  }

  @Override public String agentCommand(String domain, String json, int timeoutSeconds) {
    synchronized (st.lock) {
      String op = "run a guest agent command in domain '" + domain + "'";
      Dom d = agentDomain(op, "agentCommand", domain);
      return guestAgent(domain).command(op, d, json, timeoutSeconds);
    }
  }

  @Override public String agentHostname(String domain) {
    synchronized (st.lock) {
      String op = "get the guest agent's hostname of domain '" + domain + "'";
      Dom d = agentDomain(op, "agentHostname", domain);
      return guestAgent(domain).hostname(op, d);
    }
  }

  @Override public List<io.kvmsdk.core.domain.DomainInterfaceAddress> agentInterfaceAddresses(String domain) {
    synchronized (st.lock) {
      String op = "get the guest agent's interface addresses of domain '" + domain + "'";
      Dom d = agentDomain(op, "agentInterfaceAddresses", domain);
      return guestAgent(domain).interfaceAddresses(op, d);
    }
  }

  // ------------------------------------------------------------------ test controls

  /** Injects {@code rule} on this host (all its connections); the first matching rule applies. */
  public FakeHypervisor inject(FaultRule rule) {
    synchronized (st.lock) { st.rules.add(rule); }
    return this;
  }

  /** Removes every injected fault of this host. */
  public FakeHypervisor clearFaults() {
    synchronized (st.lock) { st.rules.clear(); }
    return this;
  }

  /** How long a guest takes to power off after {@code shutdownDomain} (fake time; default zero: at once). */
  public FakeHypervisor shutdownDelay(Duration delay) {
    synchronized (st.lock) { st.shutdownDelay = delay; }
    return this;
  }

  /** Makes the guest of {@code domain} ignore shutdown requests (no ACPI), as some guests do. */
  public FakeHypervisor ignoreShutdown(String domain, boolean ignore) {
    synchronized (st.lock) { dom("configure domain '" + domain + "'", domain).ignoresShutdown = ignore; }
    return this;
  }

  /** The value stored for a secret (tests only; the port never returns it). */
  public Optional<byte[]> secretValue(String uuid) {
    synchronized (st.lock) {
      Secret s = st.secrets.get(uuid);
      return s == null || s.value == null ? Optional.empty() : Optional.of(s.value.clone());
    }
  }

  /**
   * Crashes the host now: running domains, networks and storage pools stop ({@code CRASHED}), transient
   * ones vanish, calls fail retryably until {@link #reboot()}.
   */
  public FakeHypervisor crash() {
    synchronized (st.lock) { crashLocked(); }
    return this;
  }

  private void crashLocked() {
    for (Dom d : new ArrayList<>(st.domains.values())) {
      if (!d.active()) continue;
      d.ranBefore = d.runTime(st.clock.instant());
      d.runningSince = null;
      d.live = null;
      d.id = -1;
      d.state = DomainState.SHUTOFF;
      d.shutdownAt = null;
      if (d.persistent == null) st.domains.remove(d.name);
    }
    st.networks.hostDown();
    st.storage.hostDown();
    st.crashed = true;
  }

  /** True while the host is crashed. */
  public boolean crashed() { synchronized (st.lock) { return st.crashed; } }

  /** Boots the host again: it answers calls and starts its autostart networks, pools and domains, as libvirtd does at boot. */
  public FakeHypervisor reboot() {
    synchronized (st.lock) {
      st.crashed = false;
      st.networks.hostUp();
      st.storage.hostUp();
      for (Dom d : st.domains.values()) {
        if (!d.autostart || d.active()) continue;
        try {
          checkNetworks("autostart domain '" + d.name + "'", d.persistent);
        } catch (KvmException e) {
          continue;   // libvirtd logs the failed autostart and goes on with the others
        }
        boot(d, d.persistent, "BOOTED");
      }
    }
    return this;
  }

  /** Names of every domain of this host, active and inactive. */
  public List<String> domainNames() {
    synchronized (st.lock) {
      for (Dom d : new ArrayList<>(st.domains.values())) settle(d);
      return List.copyOf(st.domains.keySet());
    }
  }

  @Override public String toString() { return "FakeHypervisor[" + uri() + (closed ? ", closed" : "") + "]"; }
}
