package io.kvmsdk.testkit;

import static io.kvmsdk.testkit.FakeHypervisor.failed;
import static io.kvmsdk.testkit.FakeHypervisor.invalid;
import static io.kvmsdk.testkit.FakeHypervisor.libvirt;
import static io.kvmsdk.testkit.FakeHypervisor.noDomain;
import static io.kvmsdk.testkit.FakeHypervisor.notRunning;

import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.KvmSubscription;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.domain.Devices;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.DomainEvent;
import io.kvmsdk.core.domain.DomainEventType;
import io.kvmsdk.core.domain.DomainFilter;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.domain.MigrateOption;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.NicSource;
import io.kvmsdk.core.domain.NicTarget;
import io.kvmsdk.core.domain.SnapshotDisk;
import io.kvmsdk.core.domain.SnapshotMemory;
import io.kvmsdk.core.domain.SnapshotSpec;
import io.kvmsdk.core.domain.UndefineOption;
import io.kvmsdk.core.spi.DomainDriver;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.core.spi.ObjectRef;
import io.kvmsdk.testkit.FakeHypervisorState.Dom;
import io.kvmsdk.testkit.FakeHypervisorState.Snap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The domains of one fake host, as libvirt's QEMU driver keeps them: persistent and transient domains,
 * define over an existing name (same UUID updates the next-boot definition, another UUID fails), the
 * state machine with libvirt's error for each invalid transition ({@code VIR_ERR_OPERATION_INVALID}:
 * "domain is already running" to start or resume a running domain, "domain is not running" to stop,
 * suspend or reboot a shut-off one; suspending a paused domain succeeds, as in the QEMU driver),
 * undefine of a running domain making it transient, live vs inactive XML, snapshots, autostart,
 * lifecycle events, migration between hosts of one cluster, the guest agent, and deterministic
 * statistics driven by the cluster's {@link FakeClock}. A MAC is given to every interface at define; at
 * start each interface gets a tap ({@code vnetN}) and the bridge of its network, asks that network for
 * a DHCP lease, and has its {@code <filterref>} bound (a binding the nwfilter driver keeps until the
 * guest stops). One instance per connection; the domains belong to the host ({@link FakeHypervisorState}).
 */
final class FakeDomains implements DomainDriver {
  private final FakeHypervisor conn;
  private final FakeHypervisorState st;

  FakeDomains(FakeHypervisor conn) {
    this.conn = conn;
    this.st = conn.st;
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

  void emit(String name, DomainEventType type, String detail) {
    DomainEvent ev = new DomainEvent(name, type, detail);
    for (Consumer<DomainEvent> l : st.listeners) {
      try {
        l.accept(ev);
      } catch (RuntimeException e) {
        // a failing listener must not break the others, as in the libvirt adapter
      }
    }
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

  // ------------------------------------------------------------------ domains

  @Override public ObjectRef define(String xml) {
    synchronized (st.lock) {
      conn.enter("define domain", "defineDomain", null);
      DomainSpec spec = DomainSpec.fromXml(xml);
      String name = spec.name();
      conn.enterObject("define domain '" + name + "'", "defineDomain", name);
      Dom byName = st.domains.get(name);
      Dom byUuid = spec.uuid().flatMap(u -> st.domains.values().stream().filter(d -> d.uuid.equalsIgnoreCase(u)).findFirst()).orElse(null);
      String op = "define domain '" + name + "'";
      // libvirt fills in the definition (MACs, addresses) while it parses it, before it looks for conflicts
      String uuid = spec.uuid().orElseGet(() -> st.uuidFor(name));
      DomainSpec canonical = defaults(op, withMacs(canonical(spec, uuid)));
      if (byUuid != null && !byUuid.name.equals(name)) {
        throw failed(op, "domain '" + byUuid.name + "' is already defined with uuid " + byUuid.uuid);
      }
      // libvirt gives a definition without a UUID a random one, so it never matches an existing domain
      if (byName != null && (spec.uuid().isEmpty() || !byName.uuid.equalsIgnoreCase(spec.uuid().get()))) {
        throw failed(op, "domain '" + name + "' already exists with uuid " + byName.uuid);
      }
      boolean added = byName == null || byName.persistent == null;
      Dom d = byName != null ? byName : new Dom(name, uuid);
      d.persistent = canonical;
      st.domains.put(name, d);
      emit(name, DomainEventType.DEFINED, added ? "ADDED" : "UPDATED");
      conn.replied(op);
      return new ObjectRef(name, uuid);
    }
  }

  @Override public ObjectRef create(String xml) {
    synchronized (st.lock) {
      conn.enter("create domain", "createDomain", null);
      DomainSpec spec = DomainSpec.fromXml(xml);
      String op = "create domain '" + spec.name() + "'";
      conn.enterObject(op, "createDomain", spec.name());
      // libvirt's order (virDomainObjListAdd): the UUID first, then the name
      Dom byUuid = spec.uuid().flatMap(u -> st.domains.values().stream().filter(d -> d.uuid.equalsIgnoreCase(u)).findFirst()).orElse(null);
      if (byUuid != null && !byUuid.name.equals(spec.name())) {
        throw failed(op, "domain '" + byUuid.name + "' is already defined with uuid " + byUuid.uuid);
      }
      if (byUuid != null && byUuid.active()) throw invalid(op, "domain '" + spec.name() + "' is already active");
      Dom existing = st.domains.get(spec.name());
      if (existing != null && existing != byUuid) throw failed(op, "domain '" + spec.name() + "' already exists with uuid " + existing.uuid);
      String uuid = existing != null ? existing.uuid : spec.uuid().orElseGet(() -> st.uuidFor(spec.name()));
      checkStartable(op, spec);
      Dom d = existing != null ? existing : new Dom(spec.name(), uuid);
      st.domains.put(d.name, d);
      boot(d, defaults(op, withMacs(canonical(spec, uuid))), "BOOTED");
      conn.replied(op);
      return new ObjectRef(d.name, uuid);
    }
  }

  @Override public Optional<ObjectRef> lookup(String name) {
    synchronized (st.lock) {
      conn.enter("look up domain '" + name + "'", "lookupDomain", name);
      Dom d = st.domains.get(name);
      return d == null ? Optional.empty() : Optional.of(new ObjectRef(d.name, d.uuid));
    }
  }

  @Override public List<ObjectRef> list() { return list(Set.of()); }

  @Override public List<ObjectRef> list(Set<DomainFilter> filters) {
    synchronized (st.lock) {
      conn.enter("list domains", "listDomains", null);
      List<ObjectRef> out = new ArrayList<>();
      for (Dom d : new ArrayList<>(st.domains.values())) settle(d);
      for (Dom d : st.domains.values()) if (passes(d, filters)) out.add(new ObjectRef(d.name, d.uuid));
      return out;
    }
  }

  /** libvirt's rule: within a group any filter admits, every group given must admit. */
  private static boolean passes(Dom d, Set<DomainFilter> f) {
    return group(f, d.active(), DomainFilter.ACTIVE, DomainFilter.INACTIVE)
        && group(f, d.persistent != null, DomainFilter.PERSISTENT, DomainFilter.TRANSIENT)
        && group(f, d.autostart, DomainFilter.AUTOSTART, DomainFilter.NO_AUTOSTART)
        && stateGroup(f, d.state);
  }

  private static boolean group(Set<DomainFilter> f, boolean yes,
      DomainFilter ifYes, DomainFilter ifNo) {
    if (!f.contains(ifYes) && !f.contains(ifNo)) return true;
    return yes ? f.contains(ifYes) : f.contains(ifNo);
  }

  private static boolean stateGroup(Set<DomainFilter> f, DomainState state) {
    var running = DomainFilter.RUNNING;
    var paused = DomainFilter.PAUSED;
    var off = DomainFilter.SHUTOFF;
    if (!f.contains(running) && !f.contains(paused) && !f.contains(off)) return true;
    return (f.contains(running) && state == DomainState.RUNNING) || (f.contains(paused) && state == DomainState.PAUSED)
        || (f.contains(off) && state == DomainState.SHUTOFF);
  }

  @Override public DomainState state(String name) {
    synchronized (st.lock) {
      String op = "get the state of domain '" + name + "'";
      conn.enter(op, "domainState", name);
      return dom(op, name).state;
    }
  }

  void boot(Dom d, String xml) { boot(d, DomainSpec.fromXml(xml), "BOOTED"); }

  /**
   * What a domain's start checks beyond its own state, as libvirt's drivers do: every
   * {@code <interface type='network'>} needs an active network, every {@code <filterref>} a defined filter.
   */
  void checkStartable(String op, DomainSpec spec) {
    for (Nic nic : spec.devices().interfaces()) {
      if (!"network".equals(nic.type().orElse(""))) continue;
      String net = nic.source().flatMap(x -> x.network()).orElse(null);
      if (net != null) conn.networksImpl().checkUsable(op, net);
    }
    for (Nic nic : spec.devices().interfaces()) {
      String filter = nic.filterref().flatMap(f -> f.filter()).orElse(null);
      if (filter != null && !conn.nwfiltersImpl().defined(filter)) {
        throw FakeObjects.Driver.NWFILTER.internal(op, "referenced filter '" + filter + "' is missing");
      }
    }
  }

  /**
   * {@code spec} with a MAC address on every interface that has none, as libvirt's parser gives them
   * ({@code 52:54:00:xx:xx:xx}), and without the tap names libvirt generated ({@code vnetN}), which it
   * drops from a definition.
   */
  private DomainSpec withMacs(DomainSpec spec) {
    List<Nic> nics = spec.devices().interfaces();
    boolean change = false;
    for (Nic n : nics) change |= n.mac().flatMap(m -> m.address()).isEmpty() || generatedTap(n);
    if (!change) return spec;
    List<Nic> out = new ArrayList<>(nics.size());
    for (Nic n : nics) {
      Nic x = n;
      if (x.mac().flatMap(m -> m.address()).isEmpty()) {
        String mac = st.newMac();
        x = x.copy(b -> b.mac(mac));
      }
      if (generatedTap(x)) x = x.copy(b -> b.target(Optional.empty()));
      out.add(x);
    }
    return spec.copy(b -> b.devices(Devices.builder().from(spec.devices()).interfaces(out).build()));
  }

  /** Whether libvirt's QEMU driver would hold this domain (the fake answers as that driver for them). */
  private static boolean qemu(DomainSpec spec) { return spec.type().equals("qemu") || spec.type().equals("kvm"); }

  /**
   * What libvirt's QEMU driver fills in at define (machine type, emulator, implicit controllers,
   * addresses, ...; see {@link io.kvmsdk.testkit.qemu.QemuDefaults}); other domain types are kept as given.
   * What libvirt refuses while it fills them in comes out as its {@link LibvirtException} for {@code op}.
   */
  private DomainSpec defaults(String op, DomainSpec spec) {
    if (!qemu(spec)) return spec;
    try {
      return io.kvmsdk.testkit.qemu.QemuDefaults.inactive(spec, st.qemu);
    } catch (io.kvmsdk.testkit.qemu.QemuDefaults.Refused e) {
      throw e.toLibvirt(op);   // a PCI address used twice, no free slot, ...: libvirt refuses the definition
    }
  }

  /** Frees what a running domain held on the host (ptys, display ports) before its live definition goes. */
  void release(Dom d) {
    if (d.live != null && qemu(d.live)) st.qemu.release(d.live);
  }

  private static boolean generatedTap(Nic n) { return n.target().flatMap(t -> t.dev()).filter(d -> d.startsWith("vnet")).isPresent(); }

  /**
   * The running definition of {@code spec} as libvirt's QEMU driver plugs it: each interface gets a tap
   * ({@code <target dev='vnetN'/>}, numbered per host) and, on a virtual network, the network's bridge.
   */
  private DomainSpec plugged(DomainSpec spec) {
    List<Nic> nics = spec.devices().interfaces();
    if (nics.isEmpty()) return spec;
    List<Nic> out = new ArrayList<>(nics.size());
    for (Nic n : nics) {
      Nic x = n;
      if (x.target().flatMap(t -> t.dev()).isEmpty() || generatedTap(x)) {
        String tap = "vnet" + st.nextTap++;
        NicTarget target = NicTarget.builder().from(n.target().orElse(NicTarget.builder().build())).dev(tap).build();
        x = x.copy(b -> b.target(target));
      }
      String net = "network".equals(x.type().orElse("")) ? x.source().flatMap(s -> s.network()).orElse(null) : null;
      Optional<String> bridge = net == null ? Optional.empty() : conn.networksImpl().bridgeOf(net);
      if (bridge.isPresent() && x.source().flatMap(s -> s.bridge()).isEmpty()) {
        NicSource src = NicSource.builder().from(x.source().get()).bridge(bridge.get()).build();
        x = x.copy(b -> b.source(src));
      }
      out.add(x);
    }
    return spec.copy(b -> b.devices(Devices.builder().from(spec.devices()).interfaces(out).build()));
  }

  /** What a running guest's interfaces make the network and nwfilter drivers do: DHCP leases, filter bindings. */
  private void connectInterfaces(Dom d) {
    for (Nic n : d.live.devices().interfaces()) {
      String mac = n.mac().flatMap(m -> m.address()).orElse(null);
      if ("network".equals(n.type().orElse(""))) n.source().flatMap(s -> s.network()).ifPresent(net -> conn.networksImpl().leaseFor(net, mac));
      String tap = n.target().flatMap(t -> t.dev()).orElse(null);
      String filter = n.filterref().flatMap(f -> f.filter()).orElse(null);
      if (filter != null && tap != null) conn.nwfiltersImpl().bindGuest(tap, d.name, d.uuid, mac, filter, n.filterref().get().parameters());
    }
  }

  /** Starts {@code d} from {@code spec} (its definition without the runtime id). */
  void boot(Dom d, DomainSpec spec, String detail) {
    d.booted = spec;
    d.id = st.nextId++;
    int id = d.id;
    d.live = qemu(spec)
        ? io.kvmsdk.testkit.qemu.QemuDefaults.live(spec, io.kvmsdk.testkit.qemu.QemuDefaults.LiveContext.of(st.qemu, id,
            net -> conn.networksImpl().bridgeOf(net)))
        : plugged(spec).copy(b -> b.id(id));
    d.state = DomainState.RUNNING;
    d.runningSince = st.clock.instant();
    d.shutdownAt = null;
    connectInterfaces(d);
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
    release(d);
    d.live = null;
    d.booted = null;
    d.id = -1;
    d.state = DomainState.SHUTOFF;
    d.shutdownAt = null;
    conn.nwfiltersImpl().unbindGuest(d.name);
    emit(d.name, type, detail);
    if (d.persistent == null) st.domains.remove(d.name);   // a transient domain vanishes; libvirt sends no UNDEFINED for it
  }

  @Override public void start(String name) {
    synchronized (st.lock) {
      String op = "start domain '" + name + "'";
      conn.enter(op, "startDomain", name);
      Dom d = dom(op, name);
      if (d.active()) throw invalid(op, "domain is already running");
      checkStartable(op, d.persistent);
      boot(d, d.persistent, "BOOTED");
      conn.replied(op);
    }
  }

  @Override public void shutdown(String name) {
    synchronized (st.lock) {
      String op = "shut down domain '" + name + "'";
      conn.enter(op, "shutdownDomain", name);
      Dom d = dom(op, name);
      // QEMU sends ACPI only to a running guest: a paused one refuses, with the same words
      if (!d.active() || d.state != DomainState.RUNNING) throw invalid(op, "domain is not running");
      if (d.ignoresShutdown) {
        conn.replied(op);
        return;
      }
      if (st.shutdownDelay.isZero()) {
        emit(name, DomainEventType.SHUTDOWN, "FINISHED");
        stop(d, DomainEventType.STOPPED, "SHUTDOWN");
      } else if (d.shutdownAt == null) {
        d.shutdownAt = st.clock.instant().plus(st.shutdownDelay);
      }
      conn.replied(op);
    }
  }

  @Override public void destroy(String name) {
    synchronized (st.lock) {
      String op = "destroy domain '" + name + "'";
      conn.enter(op, "destroyDomain", name);
      Dom d = dom(op, name);
      if (!d.active()) throw notRunning(op);
      // QEMU reports a host-initiated shutdown (a detail libvirt-java does not name) before it exits
      emit(name, DomainEventType.SHUTDOWN, "UNKNOWN");
      stop(d, DomainEventType.STOPPED, "DESTROYED");
      conn.replied(op);
    }
  }

  @Override public void reboot(String name) {
    synchronized (st.lock) {
      String op = "reboot domain '" + name + "'";
      conn.enter(op, "rebootDomain", name);
      Dom d = dom(op, name);
      if (!d.active()) throw notRunning(op);
    }
  }

  @Override public void suspend(String name) {
    synchronized (st.lock) {
      String op = "suspend domain '" + name + "'";
      conn.enter(op, "suspendDomain", name);
      Dom d = dom(op, name);
      if (!d.active()) throw notRunning(op);
      if (d.state == DomainState.PAUSED) {   // the QEMU driver accepts suspending a paused domain
        conn.replied(op);
        return;
      }
      d.ranBefore = d.runTime(st.clock.instant());
      d.runningSince = null;
      d.state = DomainState.PAUSED;
      emit(name, DomainEventType.SUSPENDED, "PAUSED");
      conn.replied(op);
    }
  }

  @Override public void resume(String name) {
    synchronized (st.lock) {
      String op = "resume domain '" + name + "'";
      conn.enter(op, "resumeDomain", name);
      Dom d = dom(op, name);
      if (!d.active()) throw notRunning(op);
      if (d.state != DomainState.PAUSED) throw invalid(op, "domain is already running");
      d.state = DomainState.RUNNING;
      d.runningSince = st.clock.instant();
      emit(name, DomainEventType.RESUMED, "UNPAUSED");
      conn.replied(op);
    }
  }

  @Override public void undefine(String name, Set<UndefineOption> options) {
    synchronized (st.lock) {
      String op = "undefine domain '" + name + "'";
      conn.enter(op, "undefineDomain", name);
      Dom d = dom(op, name);
      // qemuDomainUndefineFlags checks contradicting flags first
      if (options.contains(UndefineOption.KEEP_NVRAM) && options.contains(UndefineOption.NVRAM)) {
        throw invalid(op, "cannot both keep and delete nvram");
      }
      if (options.contains(UndefineOption.KEEP_TPM) && options.contains(UndefineOption.TPM)) throw invalid(op, "cannot both keep and delete TPM");
      if (d.persistent == null) throw invalid(op, "cannot undefine transient domain");
      if (!d.snapshots.isEmpty() && !options.contains(UndefineOption.SNAPSHOTS_METADATA)) {
        throw invalid(op, "cannot delete inactive domain with " + d.snapshots.size() + " snapshots");
      }
      d.snapshots.clear();
      d.currentSnapshot = null;
      d.persistent = null;
      d.autostart = false;
      emit(name, DomainEventType.UNDEFINED, "REMOVED");
      if (!d.active()) st.domains.remove(name);
      conn.replied(op);
    }
  }

  @Override public boolean autostart(String name) {
    synchronized (st.lock) {
      String op = "get autostart of domain '" + name + "'";
      conn.enter(op, "autostart", name);
      return dom(op, name).autostart;
    }
  }

  @Override public void setAutostart(String name, boolean autostart) {
    synchronized (st.lock) {
      String op = "set autostart of domain '" + name + "'";
      conn.enter(op, "setAutostart", name);
      Dom d = dom(op, name);
      if (d.persistent == null) throw invalid(op, "cannot set autostart for transient domain");
      d.autostart = autostart;
    }
  }

  @Override public boolean isPersistent(String name) {
    synchronized (st.lock) {
      String op = "ask whether domain '" + name + "' is persistent";
      conn.enter(op, "isPersistent", name);
      return dom(op, name).persistent != null;
    }
  }

  @Override public String xml(String name, boolean inactive) {
    synchronized (st.lock) {
      String op = "get the XML of domain '" + name + "'";
      conn.enter(op, "domainXml", name);
      Dom d = dom(op, name);
      if (inactive && d.persistent != null) return withoutSecrets(d.persistent).toXml();
      return withoutSecrets(d.active() ? withAgentState(d) : d.persistent).toXml();
    }
  }

  /**
   * The XML libvirt hands out without {@code VIR_DOMAIN_XML_SECURE} (the SDK never asks for it): no
   * graphics {@code passwd}, so a domain read back and redefined loses it on libvirt and on the fake alike.
   */
  static DomainSpec withoutSecrets(DomainSpec spec) {
    List<io.kvmsdk.core.domain.Graphics> graphics = spec.devices().graphics();
    boolean any = false;
    for (io.kvmsdk.core.domain.Graphics g : graphics) any |= g.passwd().isPresent();
    if (!any) return spec;
    List<io.kvmsdk.core.domain.Graphics> kept = new java.util.ArrayList<>(graphics.size());
    for (io.kvmsdk.core.domain.Graphics g : graphics) {
      kept.add(g.passwd().isEmpty() ? g : io.kvmsdk.core.domain.Graphics.builder().from(g).passwd(Optional.empty()).build());
    }
    io.kvmsdk.core.domain.Devices devices = io.kvmsdk.core.domain.Devices.builder().from(spec.devices()).graphics(kept).build();
    return spec.copy(b -> b.devices(devices));
  }

  // ------------------------------------------------------------------ stats

  @Override public Map<String, Object> stats(String name) {
    synchronized (st.lock) {
      String op = "get the statistics of domain '" + name + "'";
      conn.enter(op, "domainStats", name);
      return stats(dom(op, name));
    }
  }

  @Override public Map<String, Map<String, Object>> allStats() {
    synchronized (st.lock) {
      conn.enter("get all domain statistics", "allDomainStats", null);
      Map<String, Map<String, Object>> out = new LinkedHashMap<>();
      for (Dom d : new ArrayList<>(st.domains.values())) settle(d);
      for (Dom d : st.domains.values()) out.put(d.name, stats(d));
      return out;
    }
  }

  /**
   * Deterministic synthetic statistics, moving with the fake clock while the domain runs: the
   * domain's process busy 25% of its running time per vCPU ({@code cpu.time}), each vCPU running 20%
   * ({@code vcpu.N.time}, the rest being emulator threads); each disk reads 1 MiB/s and writes
   * 512 KiB/s (4 KiB requests); each interface receives 100 KB/s and sends 50 KB/s (1000-byte
   * packets), no drops or errors; the balloon at the defined memory. An inactive domain reports what
   * QEMU's driver reports for one: its state, CPU time so far, balloon, vCPU counts and its disks'
   * names, no I/O or interface counters.
   */
  private Map<String, Object> stats(Dom d) {
    DomainSpec spec = d.currentSpec();
    long secs = d.runTime(st.clock.instant()).toSeconds();
    long nanos = d.runTime(st.clock.instant()).toNanos();
    int vcpus = spec.vcpu().flatMap(v -> v.current().or(v::count)).orElse(1);
    long memKiB = spec.memory().map(s -> s.kib()).orElse(0L);
    boolean active = d.active();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state.state", d.state.ordinal());
    m.put("state.reason", 1);
    m.put("cpu.time", nanos / 4 * vcpus);
    m.put("cpu.user", nanos / 8 * vcpus);
    m.put("cpu.system", nanos / 16 * vcpus);
    m.put("balloon.current", active ? spec.currentMemory().map(s -> s.kib()).orElse(memKiB) : memKiB);
    m.put("balloon.maximum", memKiB);
    if (active) m.put("balloon.rss", memKiB / 2);
    m.put("vcpu.current", vcpus);
    m.put("vcpu.maximum", spec.vcpu().flatMap(Vcpu -> Vcpu.count()).orElse(vcpus));
    if (active) {
      for (int i = 0; i < vcpus; i++) {
        m.put("vcpu." + i + ".state", 1);
        m.put("vcpu." + i + ".time", nanos / 5);
      }
    }
    List<Disk> disks = spec.devices().disks();
    m.put("block.count", disks.size());
    for (int i = 0; i < disks.size(); i++) {
      String p = "block." + i + ".";
      int n = i;
      m.put(p + "name", disks.get(i).target().flatMap(t -> t.dev()).orElse("vd" + (char) ('a' + n)));
      if (!active) continue;
      m.put(p + "rd.reqs", secs * 256L);
      m.put(p + "rd.bytes", secs * 1048576L);
      m.put(p + "wr.reqs", secs * 128L);
      m.put(p + "wr.bytes", secs * 524288L);
    }
    if (!active) return m;
    List<Nic> nics = spec.devices().interfaces();
    m.put("net.count", nics.size());
    for (int i = 0; i < nics.size(); i++) {
      String p = "net." + i + ".";
      int n = i;
      m.put(p + "name", nics.get(i).target().flatMap(t -> t.dev()).orElse("vnet" + n));   // the tap the start gave it
      m.put(p + "rx.bytes", secs * 100_000L);
      m.put(p + "rx.pkts", secs * 100L);
      m.put(p + "rx.errs", 0L);
      m.put(p + "rx.drop", 0L);
      m.put(p + "tx.bytes", secs * 50_000L);
      m.put(p + "tx.pkts", secs * 50L);
      m.put(p + "tx.errs", 0L);
      m.put(p + "tx.drop", 0L);
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
      conn.enter(op, "createSnapshot", domain);
      Dom d = dom(op, domain);
      SnapshotSpec spec = SnapshotSpec.fromXml(xml);
      String name = spec.name().orElse(Long.toString(st.clock.instant().getEpochSecond()));
      // libvirt's order (qemuSnapshotCreateXML): the request's memory, each disk's mode, what QEMU can snapshot, then the name
      String memory = d.active() ? "internal" : "no";
      String asked = spec.memory().flatMap(m -> m.snapshot()).orElse("");
      if (!d.active() && (asked.equals("internal") || asked.equals("external"))) {
        throw libvirt(op, "VIR_ERR_XML_ERROR", 27, "VIR_FROM_DOMAIN_SNAPSHOT", 35,
            "XML error: memory state cannot be saved with offline or disk-only snapshot", false);
      }
      if (d.active() && asked.equals("no")) {
        throw libvirt(op, "VIR_ERR_OPERATION_UNSUPPORTED", 84, "VIR_FROM_QEMU", 10,
            "Operation not supported: internal snapshot of a running VM must include the memory state", false);
      }
      List<SnapshotDisk> disks = alignDisks(op, d.currentSpec(), spec.disks());
      checkInternalSnapshot(op, d, disks);
      if (d.snapshots.containsKey(name)) throw failed(op, "domain moment " + name + " already exists");
      String state = d.active() ? (d.state == DomainState.PAUSED ? "paused" : "running") : "shutoff";
      String domainXml = snapshotCopy(d.active() ? migratable(d) : d.persistent).toXml();
      SnapshotSpec.Builder b = SnapshotSpec.builder().name(name).description(spec.description()).state(state)
          .parent(Optional.ofNullable(d.currentSnapshot)).creationTime(st.clock.instant().getEpochSecond())
          .memory(SnapshotMemory.builder().snapshot(memory).build()).disks(disks).domain(DomainSpec.fromXml(domainXml));
      // a running guest's snapshot keeps its next-boot definition (when it has one) and QEMU's save cookie
      if (d.active() && d.persistent != null) b.inactiveDomain(d.persistent);
      if (d.active()) b.cookie(saveCookie(d.live));
      String snapXml = b.build().toXml();
      d.snapshots.put(name, new Snap(name, snapXml, domainXml, d.persistentXml(), d.state, d.currentSnapshot));
      d.currentSnapshot = name;
      return name;
    }
  }

  /**
   * The running guest's definition as a snapshot keeps it (libvirt's migratable copy, {@code virDomainDefCopy}):
   * its configuration without aliases, runtime ids, taps or the CPU QEMU reported, read again by libvirt's
   * parser (the controllers sorted by type), and each disk's backing chain as the start found it.
   */
  private static DomainSpec migratable(Dom d) {
    DomainSpec spec = d.booted;
    List<Disk> disks = spec.devices().disks();
    List<Disk> live = d.live.devices().disks();
    if (disks.size() != live.size()) return spec;
    List<Disk> out = new ArrayList<>(disks.size());
    for (int i = 0; i < disks.size(); i++) {
      Disk x = disks.get(i);
      Optional<io.kvmsdk.core.domain.DiskBackingStore> chain = live.get(i).backingStore();
      out.add(chain.isPresent() && x.backingStore().isEmpty() ? x.copy(b -> b.backingStore(chain)) : x);
    }
    return spec.copy(b -> b.devices(Devices.builder().from(spec.devices()).disks(out).build()));
  }

  /**
   * {@code spec} as a snapshot keeps it: libvirt copies it through its XML in migratable form, which
   * leaves out the default USB controller (piix3-uhci at 00:01.2) and the pci-root for older libvirts,
   * and its parser adds them back after the other controllers ({@code qemuDomainDefFormatBufInternal}).
   */
  private static DomainSpec snapshotCopy(DomainSpec spec) {
    if (!qemu(spec)) return spec;
    List<io.kvmsdk.core.domain.Controller> kept = new ArrayList<>();
    List<io.kvmsdk.core.domain.Controller> readded = new ArrayList<>();
    for (io.kvmsdk.core.domain.Controller c : spec.devices().controllers()) {
      String type = c.type().orElse("");
      String model = c.model().orElse("");
      boolean usb = type.equals("usb") && c.index().orElse(0) == 0 && (model.isEmpty() || model.equals("piix3-uhci"))
          && c.address().map(a -> a.equals(io.kvmsdk.core.common.DeviceAddress.pci(0, 0, 1, 2))).orElse(true);
      boolean pciRoot = type.equals("pci") && c.index().orElse(0) == 0 && model.equals("pci-root");
      (usb || pciRoot ? readded : kept).add(c);
    }
    if (readded.isEmpty()) return spec;
    for (io.kvmsdk.core.domain.Controller c : readded) {
      if (kept.stream().anyMatch(o -> o.type().equals(c.type()))) return spec;   // another of its type keeps it in place
    }
    readded.sort(java.util.Comparator.comparing(c -> c.type().orElse("").equals("usb") ? 0 : 1));
    kept.addAll(readded);
    return spec.copy(b -> b.devices(Devices.builder().from(spec.devices()).controllers(kept).build()));
  }

  /**
   * Every disk of {@code dom} with the snapshot mode libvirt gives it ({@code virDomainSnapshotAlignDisks}
   * for an internal snapshot, where every disk must match): a disk the request names keeps its mode, which
   * must be {@code internal} (or {@code no} for a disk its definition excludes); the others take their
   * definition's mode, {@code no} for an empty or read-only one (a CD-ROM), else {@code internal}.
   */
  private static List<SnapshotDisk> alignDisks(String op, DomainSpec dom, List<SnapshotDisk> asked) {
    List<Disk> all = dom.devices().disks();
    String[] modes = new String[all.size()];
    for (SnapshotDisk sd : asked) {
      String name = sd.name().orElse("");
      int i = diskByName(all, name);
      if (i < 0) throw snapshotConfig(op, "no disk named '" + name + "'");
      if (modes[i] != null) throw snapshotConfig(op, "disk '" + name + "' specified twice");
      String own = all.get(i).snapshot().orElse("");
      String mode = sd.snapshot().orElse("");
      if (mode.isEmpty()) {
        mode = !own.isEmpty() && !own.equals("no") ? own : "internal";
      } else if (!mode.equals("internal") && !(mode.equals("no") && own.equals("no"))) {
        throw snapshotConfig(op, "disk '" + name + "' must use snapshot mode 'internal'");
      }
      modes[i] = mode;
    }
    List<SnapshotDisk> out = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      Disk x = all.get(i);
      String mode = modes[i];
      if (mode == null) mode = emptySource(x) || x.isReadonly() ? "no" : x.snapshot().orElse("internal");
      out.add(SnapshotDisk.builder().name(diskName(x, i)).snapshot(mode).build());
    }
    return out;
  }

  /** The disk {@code name} stands for: its target, else its source path ({@code virDomainDiskByName}); -1 if none. */
  private static int diskByName(List<Disk> disks, String name) {
    for (int i = 0; i < disks.size(); i++) if (disks.get(i).target().flatMap(t -> t.dev()).filter(name::equals).isPresent()) return i;
    for (int i = 0; i < disks.size(); i++) if (disks.get(i).source().flatMap(x -> x.file().or(x::dev)).filter(name::equals).isPresent()) return i;
    return -1;
  }

  private static String diskName(Disk x, int i) { return x.target().flatMap(t -> t.dev()).orElse("vd" + (char) ('a' + i)); }

  /** No medium: a CD-ROM without a source ({@code virStorageSourceIsEmpty}). */
  private static boolean emptySource(Disk x) {
    return x.source().filter(v -> v.file().isPresent() || v.dev().isPresent() || v.dir().isPresent() || v.volume().isPresent()
        || v.name().isPresent()).isEmpty();
  }

  private static LibvirtException snapshotConfig(String op, String msg) { return unsupported(op, msg, "VIR_FROM_DOMAIN_SNAPSHOT", 35); }

  /**
   * QEMU's save cookie ({@code qemuDomainSaveCookieFormat}): the CPU the guest runs with and, when no
   * interface uses QEMU's built-in user networking, {@code <slirpHelper/>}.
   */
  private static io.kvmsdk.core.xml.XmlElement saveCookie(DomainSpec live) {
    io.kvmsdk.core.xml.XmlElement.Builder b = io.kvmsdk.core.xml.XmlElement.builder("cookie");
    for (io.kvmsdk.core.xml.XmlElement c : io.kvmsdk.core.xml.XmlElement.parse(live.toXml()).children()) {
      if (c.name().equals("cpu")) b.child(c);
    }
    if (live.devices().interfaces().stream().noneMatch(n -> "user".equals(n.type().orElse("")))) {
      b.child(io.kvmsdk.core.xml.XmlElement.builder("slirpHelper").build());
    }
    return b.build();
  }

  /** QEMU's internal snapshots need a disk to snapshot, and every such disk qcow2 (messages as libvirt 9.0 words them). */
  private static void checkInternalSnapshot(String op, Dom d, List<SnapshotDisk> aligned) {
    List<Disk> all = d.currentSpec().devices().disks();
    boolean any = false;
    for (int i = 0; i < all.size(); i++) {
      if (!aligned.get(i).snapshot().orElse("").equals("internal")) continue;
      any = true;
      Disk x = all.get(i);
      String format = x.driver().flatMap(v -> v.type()).orElse("raw");
      if (!format.equals("qcow2")) {
        throw unsupported(op, "internal snapshot for disk " + aligned.get(i).name().orElse("") + " unsupported for storage type " + format,
            "VIR_FROM_QEMU", 10);
      }
    }
    if (!any) {
      throw unsupported(op, d.active() ? "internal and full system snapshots require all disks to be selected for snapshot"
          : "nothing selected for snapshot", "VIR_FROM_QEMU", 10);
    }
  }

  private static LibvirtException unsupported(String op, String msg, String from, int fromNumber) {
    return libvirt(op, "VIR_ERR_CONFIG_UNSUPPORTED", 67, from, fromNumber, "unsupported configuration: " + msg, false);
  }

  @Override public List<String> snapshotNames(String domain) {
    synchronized (st.lock) {
      String op = "list the snapshots of domain '" + domain + "'";
      conn.enter(op, "snapshotNames", domain);
      return List.copyOf(dom(op, domain).snapshots.keySet());
    }
  }

  @Override public Optional<String> snapshotXml(String domain, String snapshot) {
    synchronized (st.lock) {
      String op = "get snapshot '" + snapshot + "' of domain '" + domain + "'";
      conn.enter(op, "snapshotXml", domain);
      Snap s = dom(op, domain).snapshots.get(snapshot);
      return s == null ? Optional.empty() : Optional.of(s.xml());
    }
  }

  @Override public Optional<String> currentSnapshot(String domain) {
    synchronized (st.lock) {
      String op = "get the current snapshot of domain '" + domain + "'";
      conn.enter(op, "currentSnapshot", domain);
      return Optional.ofNullable(dom(op, domain).currentSnapshot);
    }
  }

  @Override public void revertToSnapshot(String domain, String snapshot) {
    synchronized (st.lock) {
      String op = "revert to snapshot '" + snapshot + "' of domain '" + domain + "'";
      conn.enter(op, "revertToSnapshot", domain);
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
      conn.enter(op, "deleteSnapshot", domain);
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
      conn.enter("register a lifecycle listener", "onLifecycle", null);
      Consumer<DomainEvent> l = listener::accept;
      st.listeners.add(l);
      conn.mine.add(l);
      return () -> {
        synchronized (st.lock) {
          st.listeners.remove(l);
          conn.mine.remove(l);
        }
      };
    }
  }

  // ------------------------------------------------------------------ migration

  /** How long an unwatched migration that never converges runs in fake time before the fake gives up on it. */
  static final Duration UNWATCHED_LIMIT = Duration.ofHours(1);
  /** Real time a watched migration waits for someone to move the fake clock before it moves the clock itself. */
  static final long IDLE_NANOS = 2_000_000_000L;
  /** The typed parameters libvirt 9.0's QEMU driver accepts for a migration. */
  static final Set<String> MIGRATION_PARAMS = Set.of("migrate_uri", "destination_name", "destination_xml", "persistent_xml", "bandwidth",
      "bandwidth.postcopy", "graphics_uri", "listen_address", "migrate_disks", "disks_port", "disks_uri", "compression",
      "compression.mt.level", "compression.mt.threads", "compression.mt.dthreads", "compression.xbzrle.cache", "auto_converge.initial",
      "auto_converge.increment", "parallel.connections", "tls.destination");

  @Override public void migrate(String name, Hypervisor destination, Set<MigrateOption> options) { migrate(name, destination, Map.of(), options); }

  @Override public void migrate(String name, Hypervisor destination, Map<String, Object> params, Set<MigrateOption> options) {
    migrate(name, destination, params, options, "migrate domain '" + name + "' to " + destination.uri());
  }

  /**
   * {@code virDomainMigrateToURI3} with {@code PEER2PEER}: {@code fake:///NAME} names a host of this
   * cluster; any other URI fails as an unreachable daemon does.
   */
  @Override public void migrateToUri(String name, String destinationUri, Map<String, Object> params, Set<MigrateOption> options) {
    String op = "migrate domain '" + name + "' to " + destinationUri;
    if (!options.contains(MigrateOption.PEER2PEER)) {
      throw libvirt(op, "VIR_ERR_ARGUMENT_UNSUPPORTED", 74, "VIR_FROM_DOMAIN", 20,
          "argument unsupported: direct migration is not supported by the source host", false);
    }
    FakeCluster cluster = (FakeCluster) st.cluster;
    String host = destinationUri.startsWith("fake:///") ? destinationUri.substring("fake:///".length()) : null;
    if (host == null || !cluster.hypervisorNames().contains(host)) {
      throw libvirt(op, "VIR_ERR_SYSTEM_ERROR", 38, "VIR_FROM_RPC", 7,
          "Failed to connect socket to '" + destinationUri + "': No such file or directory", true);
    }
    FakeHypervisor dest = cluster.hypervisor(host);
    try {
      migrate(name, dest, params, options, op);
    } finally {
      dest.close();
    }
  }

  /**
   * A live migration between two hosts of the same fake cluster, modelled over fake time
   * ({@link FakeMigration}): the destination starts the incoming guest paused ({@code STARTED/MIGRATED}),
   * memory goes over at the migration's bandwidth (the lower of its {@code bandwidth} and the host's
   * {@link FakeHypervisor#migrationBandwidth link}; without either it takes no time) while the guest
   * dirties it ({@link FakeHypervisor#dirtyRate}); the switch-over pauses the guest here
   * ({@code SUSPENDED/MIGRATED}); at the end it runs there ({@code DEFINED} with {@code PERSIST_DEST},
   * {@code RESUMED/MIGRATED}; paused with {@code PAUSED} or when it was paused) and stops here
   * ({@code STOPPED/MIGRATED}, undefined with {@code UNDEFINE_SOURCE}), and the source reports
   * {@code JOB_COMPLETED}. On failure the guest keeps running here and the destination's copy stops
   * ({@code STOPPED/FAILED}).
   *
   * <p><b>Fake time.</b> When nobody watches the source's job events ({@code onJobEvent}), the call runs
   * the whole migration at once and advances the cluster's clock to its end (a migration that never
   * converges fails after an hour of fake time). When someone watches, the call waits for them to move the
   * clock (a policy polling the job and sleeping on the connection's ticker) and follows it, so the job's
   * statistics, the downtime and speed changes, post-copy and abort take effect at the fake instants they
   * were made at; if the clock stands still for 2 s of real time the call moves it itself.
   *
   * <p>Faults: a {@link Fault#MIGRATION_FAILS_MIDWAY} rule matching {@code [migrateDomain, NAME]} on
   * either host makes the migration fail (it never switches over) after the rule's delay of fake time, with
   * {@code VIR_ERR_OPERATION_FAILED}; a destination that crashes (or is down) fails it retryably.
   */
  private void migrate(String name, Hypervisor destination, Map<String, Object> params, Set<MigrateOption> options, String op) {
    if (!(destination instanceof FakeHypervisor dest) || dest.st.cluster != st.cluster) {
      throw new KvmException(op + " failed: the destination must be a host of the same fake cluster, got " + destination);
    }
    FakeHypervisorState a = st;
    FakeHypervisorState b = dest.st;
    boolean aFirst = a == b || a.name.compareTo(b.name) < 0;
    Object first = aFirst ? a.lock : b.lock;
    Object second = aFirst ? b.lock : a.lock;
    FakeMigration job;
    synchronized (first) {
      synchronized (second) {
        job = begin(op, name, dest, params, options);
        if (a.jobListeners.isEmpty()) {
          Instant end = job.runToEnd(UNWATCHED_LIMIT);
          if (end == null) {
            end = job.start.plus(UNWATCHED_LIMIT);
            job.failNow(end, failed(op, "the fake migration did not converge in " + UNWATCHED_LIMIT.toMinutes() + " minutes of fake time"
                + " (the guest dirties memory faster than it goes over): watch its job to raise the downtime, switch to post-copy or abort"));
          }
          if (end.isAfter(a.clock.instant())) a.clock.advanceTo(end);
          finishIfEnded(job, dest);
          conn.replied(op);
          return;
        }
      }
    }
    Instant seen = a.clock.instant();
    long still = System.nanoTime();
    boolean selfDriven = false;
    boolean interrupted = false;
    try {
      while (true) {
        synchronized (first) {
          synchronized (second) {
            Instant now = a.clock.instant();
            checkEnds(job, dest, now);
            job.advanceTo(now);
            if (finishIfEnded(job, dest)) {
              conn.replied(op);
              return;
            }
          }
        }
        try {
          synchronized (job) { job.wait(2); }
        } catch (InterruptedException e) {
          interrupted = true;
          job.cancel(a.clock.instant(), aborted(op));
        }
        Instant now = a.clock.instant();
        if (!now.equals(seen)) {
          seen = now;
          still = System.nanoTime();
        } else if (selfDriven || System.nanoTime() - still > IDLE_NANOS) {
          selfDriven = true;
          a.clock.advance(FakeMigration.TICK);
        }
      }
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  private static LibvirtException aborted(String op) {
    return libvirt(op, "VIR_ERR_OPERATION_ABORTED", 78, "VIR_FROM_QEMU", 10, "operation aborted: job 'migration out' canceled by client", false);
  }

  private static LibvirtException invalidArg(String op, String msg) {
    return libvirt(op, "VIR_ERR_INVALID_ARG", 8, "VIR_FROM_QEMU", 10, "invalid argument: " + msg, false);
  }

  /** libvirt 9.0's refusals of flags and typed parameters, in its order. */
  private static void checkMigration(String op, Map<String, Object> params, Set<MigrateOption> options) {
    for (String key : params.keySet()) {
      if (!MIGRATION_PARAMS.contains(key)) {
        throw libvirt(op, "VIR_ERR_ARGUMENT_UNSUPPORTED", 74, "VIR_FROM_NONE", 0, "argument unsupported: parameter '" + key + "' not supported", false);
      }
    }
    if (options.contains(MigrateOption.TUNNELLED) && !options.contains(MigrateOption.PEER2PEER)) {
      throw libvirt(op, "VIR_ERR_INVALID_ARG", 8, "VIR_FROM_DOMAIN", 20, "cannot perform tunnelled migration without using peer2peer flag", false);
    }
    if (options.contains(MigrateOption.POSTCOPY) && (!options.contains(MigrateOption.LIVE) || options.contains(MigrateOption.PAUSED))) {
      throw libvirt(op, "VIR_ERR_ARGUMENT_UNSUPPORTED", 74, "VIR_FROM_QEMU", 10,
          "argument unsupported: post-copy migration is not supported with non-live or paused migration", false);
    }
    if ((params.containsKey("auto_converge.initial") || params.containsKey("auto_converge.increment"))
        && !options.contains(MigrateOption.AUTO_CONVERGE)) {
      throw invalidArg(op, "Turn auto convergence on to tune it");
    }
    if (params.containsKey("parallel.connections") && !options.contains(MigrateOption.PARALLEL)) {
      throw invalidArg(op, "Turn parallel migration on to tune it");
    }
    Object c = params.get("compression");
    List<?> methods = c == null ? List.of() : c instanceof List<?> l ? l : List.of(c);
    java.util.Set<Object> seen = new java.util.HashSet<>();
    for (Object m : methods) {
      if (!"xbzrle".equals(m) && !"mt".equals(m)) throw invalidArg(op, "Unsupported compression method '" + m + "'");
      if (!seen.add(m)) throw invalidArg(op, "Compression method '" + m + "' is specified twice");
    }
    if ((params.containsKey("compression.mt.level") || params.containsKey("compression.mt.threads")
        || params.containsKey("compression.mt.dthreads")) && !seen.contains("mt")) {
      throw invalidArg(op, "Turn multithread compression on to tune it");
    }
    if (params.containsKey("compression.xbzrle.cache") && !seen.contains("xbzrle")) throw invalidArg(op, "Turn xbzrle compression on to tune it");
  }

  /** The checks and the start of a migration, holding both hosts' locks: returns the running job, the incoming guest started paused. */
  private FakeMigration begin(String op, String name, FakeHypervisor dest, Map<String, Object> params, Set<MigrateOption> options) {
    FakeHypervisorState a = st;
    FakeHypervisorState b = dest.st;
    FaultRule midway = conn.takeMigrationFault(name);
    conn.enter(op, "migrateDomain", name);
    Dom d = dom(op, name);
    if (!d.active()) throw notRunning(op);
    if (a == b) {
      throw libvirt(op, "VIR_ERR_INTERNAL_ERROR", 1, "VIR_FROM_QEMU", 10,
          "internal error: Attempt to migrate guest to the same host " + a.hostUuid, false);
    }
    checkMigration(op, params, options);
    if (a.outgoing.containsKey(name) || a.incoming.containsKey(name)) {
      throw invalid(op, "another migration job is already running for domain '" + name + "'");
    }
    if (dest.closed) throw new KvmException(op + " failed: the connection to " + dest.uri() + " is closed");
    if (b.crashed) throw hostDown(op, b);
    Boolean lost = FakeHypervisor.REPLY_LOST.get();   // the destination's own check must not forget the source's fault
    FaultRule midwayThere = dest.takeMigrationFault(name);
    dest.enter(op, "migrateDomain", name);
    if (lost != null) FakeHypervisor.REPLY_LOST.set(lost);
    if (options.contains(MigrateOption.TLS) && !(a.migrationTls && b.migrationTls)) {
      throw libvirt(op, "VIR_ERR_INTERNAL_ERROR", 1, "VIR_FROM_QEMU", 10, "internal error: unable to execute QEMU command 'object-add': "
          + "Unable to access credentials /etc/pki/qemu/ca-cert.pem: No such file or directory", false);
    }
    FakeDomains there = dest.domainsImpl();
    Dom existing = b.domains.get(name);
    if (existing != null && !existing.uuid.equalsIgnoreCase(d.uuid)) {
      throw failed(op, "domain '" + name + "' already exists with uuid " + existing.uuid);
    }
    if (existing != null && existing.active()) throw invalid(op, "domain '" + name + "' is already active");
    DomainSpec live = d.live.copy(x -> x.id(Optional.empty()));
    there.checkStartable(op, live);
    Instant now = a.clock.instant();
    long memory = d.live.memory().map(io.kvmsdk.core.Size::bytes).orElse(0L);
    FakeMigration job = new FakeMigration(name, options, params, now, memory, d.dirtyRate, d.workingSet, a.migrationLink, d.maxDowntimeMs,
        d.maxSpeedMib, d.maxPostcopySpeedMib);
    job.op = op;
    job.source = d;
    job.wasPaused = d.state == DomainState.PAUSED;
    FaultRule fault = midway != null ? midway : midwayThere;
    if (fault != null) job.failAt(now.plus(fault.delay()), fault.message());
    // the destination starts QEMU for the incoming guest, paused until the switch-over;
    // the QEMU driver rebuilds the runtime parts (aliases, taps, ptys) there from the definition
    Dom nd = existing != null ? existing : new Dom(name, d.uuid);
    b.domains.put(name, nd);
    nd.dirtyRate = d.dirtyRate;
    nd.workingSet = d.workingSet;
    nd.ranBefore = d.runTime(now);
    there.boot(nd, qemu(live) && d.persistent != null ? d.persistent : live, "MIGRATED");
    nd.runningSince = null;
    nd.state = DomainState.PAUSED;
    job.incoming = nd;
    job.there = b;
    a.outgoing.put(name, job);
    b.incoming.put(name, job);
    return job;
  }

  private static LibvirtException hostDown(String op, FakeHypervisorState host) {
    return libvirt(op, "VIR_ERR_SYSTEM_ERROR", 38, "VIR_FROM_RPC", 7, "Cannot recv data: Connection reset by peer (host " + host.name + " is down)", true);
  }

  /** When {@code host} crashed, but not after {@code now} (the job fails no earlier than its last modelled instant). */
  private static Instant crashInstant(FakeHypervisorState host, Instant now) {
    Instant t = host.crashedAt;
    return t == null || t.isAfter(now) ? now : t;
  }

  /** A watched migration meets what happened meanwhile: a host down, the guest stopped here or its copy gone there. */
  private void checkEnds(FakeMigration job, FakeHypervisor dest, Instant now) {
    FakeHypervisorState b = dest.st;
    if (b.crashed) {
      job.failNow(crashInstant(b, now), hostDown(job.op, b));
    } else if (st.crashed) {
      job.failNow(crashInstant(st, now), hostDown(job.op, st));
    } else if (st.domains.get(job.domain) != job.source || !job.source.active()) {
      job.failNow(now, notRunning(job.op));
    } else if (b.domains.get(job.domain) != job.incoming || !job.incoming.active()) {
      job.failNow(now, failed(job.op, "job 'migration out' unexpectedly failed: the destination's guest is gone"));
    }
  }

  /**
   * Shows on both hosts what the job did (new passes, the switch-over, post-copy) and, once it ended,
   * finishes it: true when it completed; throws its error when it failed or was aborted.
   */
  private boolean finishIfEnded(FakeMigration job, FakeHypervisor dest) {
    FakeHypervisorState a = st;
    FakeHypervisorState b = dest.st;
    FakeDomains there = dest.domainsImpl();
    String name = job.domain;
    for (int it : job.newIterations()) emitJob(a, io.kvmsdk.core.domain.DomainJobEvent.iteration(name, it));
    FakeMigration.Phase p = job.phase();
    Dom d = job.source;
    Dom nd = job.incoming;
    boolean postcopy = job.wentPostcopy();
    Instant now = a.clock.instant();
    if (job.shown == FakeMigration.Phase.PRECOPY && (p == FakeMigration.Phase.SWITCHOVER || p == FakeMigration.Phase.POSTCOPY
        || p == FakeMigration.Phase.COMPLETED || (postcopy && p.terminal()))) {
      if (d.active() && d.state == DomainState.RUNNING) {
        d.ranBefore = d.runTime(now);
        d.runningSince = null;
        d.state = DomainState.PAUSED;
      }
      if (d.active()) emit(name, DomainEventType.SUSPENDED, "MIGRATED");
      job.shown = FakeMigration.Phase.SWITCHOVER;
    }
    if (postcopy && job.shown == FakeMigration.Phase.SWITCHOVER) {
      // post-copy: from now on the guest runs on the destination, which pulls the pages left
      if (d.active()) emit(name, DomainEventType.SUSPENDED, "POSTCOPY");
      if (nd.active()) {
        nd.state = DomainState.RUNNING;
        nd.runningSince = now;
        there.emit(name, DomainEventType.RESUMED, "POSTCOPY");
      }
      job.shown = FakeMigration.Phase.POSTCOPY;
    }
    if (!p.terminal()) return false;
    a.outgoing.remove(name);
    b.incoming.remove(name);
    Instant end = job.endedAt();
    if (p == FakeMigration.Phase.COMPLETED) {
      if (job.flags.contains(MigrateOption.PERSIST_DEST)) {
        boolean added = nd.persistent == null;
        nd.persistent = d.persistent != null ? d.persistent : d.live.copy(x -> x.id(Optional.empty()));
        there.emit(name, DomainEventType.DEFINED, added ? "ADDED" : "UPDATED");
      }
      if (job.shown == FakeMigration.Phase.POSTCOPY) {
        there.emit(name, DomainEventType.RESUMED, "MIGRATED");
      } else if (job.wasPaused || job.flags.contains(MigrateOption.PAUSED)) {
        there.emit(name, DomainEventType.SUSPENDED, "PAUSED");
      } else {
        nd.state = DomainState.RUNNING;
        nd.runningSince = end;
        there.emit(name, DomainEventType.RESUMED, "MIGRATED");
      }
      if (job.flags.contains(MigrateOption.UNDEFINE_SOURCE) && d.persistent != null) {
        d.persistent = null;
        d.autostart = false;
        d.snapshots.clear();
        d.currentSnapshot = null;
      }
      FakeGuestAgent agent = a.agents.remove(name);   // the guest, and its agent, now run on the destination
      if (agent != null) b.agents.put(name, agent.migratedTo(b.lock));
      if (d.active()) stop(d, DomainEventType.STOPPED, "MIGRATED");   // libvirt reports no UNDEFINED for the source
      d.completedType = io.kvmsdk.core.domain.DomainJobType.COMPLETED;
      d.completedJob = job.completedStats(false);
      nd.completedType = io.kvmsdk.core.domain.DomainJobType.COMPLETED;
      nd.completedJob = job.completedStats(true);
      emitJob(a, io.kvmsdk.core.domain.DomainJobEvent.completed(name, job.completedStats(false)));
      return true;
    }
    if (nd.active() && b.domains.get(name) == nd) there.stop(nd, DomainEventType.STOPPED, "FAILED");
    if (job.shown == FakeMigration.Phase.POSTCOPY) {
      if (d.active()) emit(name, DomainEventType.SUSPENDED, "POSTCOPY_FAILED");   // the guest's memory is split: it stays paused here
    } else if (job.shown == FakeMigration.Phase.SWITCHOVER && d.active() && !job.wasPaused) {
      d.state = DomainState.RUNNING;
      d.runningSince = now;
      emit(name, DomainEventType.RESUMED, "MIGRATED");
    }
    if (a.domains.get(name) == d) {
      d.completedType = p == FakeMigration.Phase.CANCELLED ? io.kvmsdk.core.domain.DomainJobType.CANCELLED
          : io.kvmsdk.core.domain.DomainJobType.FAILED;
      Map<String, Object> failedStats = new LinkedHashMap<>(job.completedStats(false));
      failedStats.put("errmsg", job.error.libvirtMessage());
      d.completedJob = failedStats;
    }
    throw job.error;
  }

  void emitJob(FakeHypervisorState host, io.kvmsdk.core.domain.DomainJobEvent ev) {
    for (Consumer<io.kvmsdk.core.domain.DomainJobEvent> l : host.jobListeners) {
      try {
        l.accept(ev);
      } catch (RuntimeException e) {
        // a failing listener must not break the others, as in the libvirt adapter
      }
    }
  }

  @Override public io.kvmsdk.core.domain.DomainJobStats jobStats(String name, boolean completed) {
    synchronized (st.lock) {
      String op = "get the job statistics of domain '" + name + "'";
      conn.enter(op, "domainJobStats", name);
      Dom d = dom(op, name);
      if (completed) {
        return d.completedJob == null ? io.kvmsdk.core.domain.DomainJobStats.none(name)
            : io.kvmsdk.core.domain.DomainJobStats.of(name, d.completedType, d.completedJob);
      }
      if (!d.active()) throw notRunning(op);
      FakeMigration in = st.incoming.get(name);
      if (in != null && in.incoming == d) {
        throw libvirt(op, "VIR_ERR_OPERATION_UNSUPPORTED", 84, "VIR_FROM_QEMU", 10,
            "Operation not supported: migration statistics are available only on the source host", false);
      }
      FakeMigration out = running(name);
      if (out == null) return io.kvmsdk.core.domain.DomainJobStats.none(name);
      return io.kvmsdk.core.domain.DomainJobStats.of(name, io.kvmsdk.core.domain.DomainJobType.UNBOUNDED, out.stats(st.clock.instant(), false));
    }
  }

  /**
   * The outgoing migration of {@code name} still running at the clock's instant (the caller holds the lock), or null.
   * A destination that crashed meanwhile ends it at the crash, even before the migrating thread notices.
   */
  private FakeMigration running(String name) {
    FakeMigration out = st.outgoing.get(name);
    if (out == null) return null;
    Instant now = st.clock.instant();
    FakeHypervisorState b = out.there;
    if (b != null && b.crashed) out.failNow(crashInstant(b, now), hostDown(out.op, b));
    out.advanceTo(now);
    return out.phase().terminal() ? null : out;
  }

  @Override public void abortJob(String name) {
    synchronized (st.lock) {
      String op = "abort the job of domain '" + name + "'";
      conn.enter(op, "abortDomainJob", name);
      Dom d = dom(op, name);
      if (!d.active()) throw notRunning(op);
      FakeMigration in = st.incoming.get(name);
      if (in != null && in.incoming == d) throw invalid(op, "cannot abort incoming migration; use virDomainDestroy instead");
      FakeMigration out = running(name);
      if (out == null) throw invalid(op, "no job is active on the domain");
      if (out.postcopyRequested()) throw invalid(op, "cannot abort migration in post-copy mode");
      out.cancel(st.clock.instant(), aborted(out.op));
      synchronized (out) { out.notifyAll(); }
    }
  }

  @Override public void migrateSetMaxDowntime(String name, long millis) {
    synchronized (st.lock) {
      String op = "set the maximum migration downtime of domain '" + name + "'";
      conn.enter(op, "setDomainMaxDowntime", name);
      Dom d = dom(op, name);
      if (!d.active()) throw notRunning(op);
      d.maxDowntimeMs = millis;
      FakeMigration out = running(name);
      if (out != null) {
        out.maxDowntime(millis);
        synchronized (out) { out.notifyAll(); }
      }
    }
  }

  @Override public long migrateGetMaxDowntime(String name) {
    synchronized (st.lock) {
      String op = "get the maximum migration downtime of domain '" + name + "'";
      conn.enter(op, "domainMaxDowntime", name);
      Dom d = dom(op, name);
      if (!d.active()) throw notRunning(op);
      return d.maxDowntimeMs;
    }
  }

  @Override public void migrateSetMaxSpeed(String name, long mibPerSecond, boolean postcopy) {
    synchronized (st.lock) {
      String op = "set the maximum migration speed of domain '" + name + "'";
      conn.enter(op, "setDomainMaxSpeed", name);
      Dom d = dom(op, name);
      if (mibPerSecond < 0 || mibPerSecond > FakeMigration.UNLIMITED_MIB) {
        throw libvirt(op, "VIR_ERR_OVERFLOW", 82, "VIR_FROM_QEMU", 10,
            "numerical overflow: bandwidth must be less than " + (FakeMigration.UNLIMITED_MIB + 1), false);
      }
      if (postcopy && !d.active()) throw notRunning(op);
      if (postcopy) d.maxPostcopySpeedMib = mibPerSecond; else d.maxSpeedMib = mibPerSecond;
      FakeMigration out = d.active() ? running(name) : null;
      if (out != null) {
        out.speed(mibPerSecond, postcopy);
        synchronized (out) { out.notifyAll(); }
      }
    }
  }

  @Override public long migrateGetMaxSpeed(String name, boolean postcopy) {
    synchronized (st.lock) {
      String op = "get the maximum migration speed of domain '" + name + "'";
      conn.enter(op, "domainMaxSpeed", name);
      Dom d = dom(op, name);
      if (postcopy && !d.active()) throw notRunning(op);
      return postcopy ? d.maxPostcopySpeedMib : d.maxSpeedMib;
    }
  }

  @Override public void migrateStartPostCopy(String name) {
    synchronized (st.lock) {
      String op = "start post-copy of the migration of domain '" + name + "'";
      conn.enter(op, "startDomainPostCopy", name);
      Dom d = dom(op, name);
      if (!d.active()) throw notRunning(op);
      FakeMigration out = running(name);
      if (out == null) throw invalid(op, "post-copy can only be started while outgoing migration is in progress");
      if (!out.flags.contains(MigrateOption.POSTCOPY)) {
        throw invalid(op, "switching to post-copy requires migration to be started with VIR_MIGRATE_POSTCOPY flag");
      }
      out.requestPostcopy();
      synchronized (out) { out.notifyAll(); }
    }
  }

  @Override public KvmSubscription onJobEvent(Consumer<io.kvmsdk.core.domain.DomainJobEvent> listener) {
    synchronized (st.lock) {
      conn.enter("register a job event listener", "onJobEvent", null);
      Consumer<io.kvmsdk.core.domain.DomainJobEvent> l = listener::accept;
      st.jobListeners.add(l);
      conn.mineJobs.add(l);
      return () -> {
        synchronized (st.lock) {
          st.jobListeners.remove(l);
          conn.mineJobs.remove(l);
        }
      };
    }
  }

  /** The active domain {@code name} for an agent call (libvirt's {@code virDomainObjCheckActive} first). */
  private Dom agentDomain(String op, String method, String name) {
    conn.enter(op, method, name);
    Dom d = dom(op, name);
    if (!d.active()) throw notRunning(op);
    return d;
  }

  /** The live XML with the agent channel's {@code state} as libvirt shows it ({@code connected}/{@code disconnected}). */
  private DomainSpec withAgentState(Dom d) {
    if (!io.kvmsdk.core.domain.GuestAgent.isConfigured(d.live)) return d.live;
    FakeGuestAgent agent = st.agents.get(d.name);
    return FakeGuestAgent.withChannelState(d.live, agent != null && agent.isConnected());
  }

  @Override public String agentCommand(String domain, String json, int timeoutSeconds) {
    synchronized (st.lock) {
      String op = "run a guest agent command in domain '" + domain + "'";
      Dom d = agentDomain(op, "agentCommand", domain);
      return conn.guestAgent(domain).command(op, d, json, timeoutSeconds);
    }
  }

  @Override public String agentHostname(String domain) {
    synchronized (st.lock) {
      String op = "get the guest agent's hostname of domain '" + domain + "'";
      Dom d = agentDomain(op, "agentHostname", domain);
      return conn.guestAgent(domain).hostname(op, d);
    }
  }

  @Override public List<io.kvmsdk.core.domain.DomainInterfaceAddress> agentInterfaceAddresses(String domain) {
    synchronized (st.lock) {
      String op = "get the guest agent's interface addresses of domain '" + domain + "'";
      Dom d = agentDomain(op, "agentInterfaceAddresses", domain);
      return conn.guestAgent(domain).interfaceAddresses(op, d);
    }
  }


  // ------------------------------------------------------------------ the host (the caller holds the lock)

  /** The memory the active domains hold: their current balloon, else their memory. */
  long usedMemory() {
    for (Dom d : new ArrayList<>(st.domains.values())) settle(d);
    long used = 0;
    for (Dom d : st.domains.values()) {
      if (!d.active()) continue;
      used += d.live.currentMemory().or(() -> d.live.memory()).map(io.kvmsdk.core.Size::bytes).orElse(0L);
    }
    return used;
  }

  /** The host crashed: running domains stop without events, transient ones vanish, their bindings go. */
  void hostDown() {
    for (Dom d : new ArrayList<>(st.domains.values())) {
      if (!d.active()) continue;
      d.ranBefore = d.runTime(st.clock.instant());
      d.runningSince = null;
      release(d);
      d.live = null;
      d.booted = null;
      d.id = -1;
      d.state = DomainState.SHUTOFF;
      d.shutdownAt = null;
      conn.nwfiltersImpl().unbindGuest(d.name);
      if (d.persistent == null) st.domains.remove(d.name);
    }
  }

  /** The host booted: libvirtd starts the autostart domains that can start (it logs the others). */
  void hostUp() {
    for (Dom d : new ArrayList<>(st.domains.values())) {
      if (!d.autostart || d.active()) continue;
      try {
        checkStartable("autostart domain '" + d.name + "'", d.persistent);
      } catch (KvmException e) {
        continue;   // libvirtd logs the failed autostart and goes on with the others
      }
      boot(d, d.persistent, "BOOTED");
    }
  }

  /** Names of every domain of this host, active and inactive, after what fake time did. */
  List<String> names() {
    for (Dom d : new ArrayList<>(st.domains.values())) settle(d);
    return List.copyOf(st.domains.keySet());
  }

  /** The domain for a test control, after what fake time did. */
  Dom domainForControl(String op, String name) { return dom(op, name); }

  @Override public String toString() { return "FakeDomains[" + conn.uri() + "]"; }
}
