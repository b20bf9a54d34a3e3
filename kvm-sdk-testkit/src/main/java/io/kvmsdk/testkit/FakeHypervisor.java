package io.kvmsdk.testkit;

import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.KvmTimeoutException;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.domain.DomainEvent;
import io.kvmsdk.core.spi.DomainDriver;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.core.spi.NetworkDriver;
import io.kvmsdk.core.spi.NodeDriver;
import io.kvmsdk.core.spi.NwFilterDriver;
import io.kvmsdk.core.spi.SecretDriver;
import io.kvmsdk.core.spi.StoragePoolDriver;
import io.kvmsdk.core.spi.StorageVolumeDriver;
import io.kvmsdk.testkit.FakeHypervisorState.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A pure-Java, in-memory {@link Hypervisor} that behaves like libvirt 9.0 with its QEMU, network,
 * storage ({@code dir}), nwfilter and secret drivers: one connection to one host of a
 * {@link FakeCluster}, with one fake driver per kind of object as libvirt splits them
 * ({@link FakeDomains}, {@link FakeNetworks}, {@link FakeStoragePools}, {@link FakeStorageVolumes},
 * {@link FakeNwfilters}, {@link FakeSecrets}, {@link FakeNode}; networks and pools share
 * {@link FakeLifecycle}). Connections to the same host share its state. Missing objects raise
 * {@link NotFoundException} whose cause is the {@link LibvirtException} libvirt would raise.
 *
 * <p>Reach it with {@code Kvm.connect("fake:///NAME")} or {@code Kvm.using(cluster.hypervisor("NAME"))}.
 * Faults: {@link #inject(FaultRule)} with {@link FaultMatcher}s over {@code [operation, object name]},
 * e.g. {@code operation("startDomain", "web1")}. An operation is named as the flat port named it:
 * {@code <verb><Kind>} ({@code defineNetwork}, {@code startStoragePool}, {@code createStorageVolume},
 * {@code wipeStorageVolume}, {@code defineNwfilter}, {@code createNwfilterBinding}), a getter
 * {@code <kind><Thing>} ({@code networkXml}, {@code domainState}, {@code networkDhcpLeases}); a volume's
 * object is its pool. The test controls ({@link #crash()}, {@link #reboot()}, {@link #guestAgent},
 * {@link #secretValue}, ...) act on the host, whichever connection they are called on.
 */
public final class FakeHypervisor implements Hypervisor {
  final FakeHypervisorState st;
  /** The lifecycle listeners registered through this connection (dropped when it closes). */
  final List<Consumer<DomainEvent>> mine = new ArrayList<>();
  /** The job listeners registered through this connection (dropped when it closes). */
  final List<Consumer<io.kvmsdk.core.domain.DomainJobEvent>> mineJobs = new ArrayList<>();
  volatile boolean closed;
  private volatile boolean dropped;
  private final FakeDomains domains;
  private final FakeNetworks networks;
  private final FakeStoragePools pools;
  private final FakeStorageVolumes volumes;
  private final FakeNwfilters nwfilters;
  private final FakeSecrets secrets;
  private final FakeNode node;

  FakeHypervisor(FakeHypervisorState state) {
    this.st = state;
    this.domains = new FakeDomains(this);
    this.networks = new FakeNetworks(this);
    this.pools = new FakeStoragePools(this);
    this.volumes = new FakeStorageVolumes(this, pools);
    this.nwfilters = new FakeNwfilters(this);
    this.secrets = new FakeSecrets(this);
    this.node = new FakeNode(this);
  }

  /** A connection to a fresh fake host named {@code name} in a new cluster of its own. */
  public static FakeHypervisor create(String name) { return FakeCluster.create().hypervisor(name); }

  /** The host's name. */
  public String name() { return st.name; }

  /** The clock driving this host's statistics, shutdowns and timeouts. */
  public FakeClock clock() { return st.clock; }

  @Override public String uri() { return "fake:///" + st.name; }

  @Override public boolean isAlive() { return !closed && !dropped && !crashed(); }

  @Override public io.kvmsdk.core.spi.Ticker ticker() { return st.ticker; }

  @Override public void close() {
    synchronized (st.lock) {
      if (closed) return;
      closed = true;
      st.listeners.removeAll(mine);
      mine.clear();
      st.jobListeners.removeAll(mineJobs);
      mineJobs.clear();
    }
  }

  @Override public DomainDriver domains() { return domains; }

  @Override public NetworkDriver networks() { return networks; }

  @Override public StoragePoolDriver storagePools() { return pools; }

  @Override public StorageVolumeDriver storageVolumes() { return volumes; }

  @Override public NwFilterDriver nwfilters() { return nwfilters; }

  @Override public SecretDriver secrets() { return secrets; }

  @Override public NodeDriver node() { return node; }

  FakeDomains domainsImpl() { return domains; }

  FakeNetworks networksImpl() { return networks; }

  FakeNwfilters nwfiltersImpl() { return nwfilters; }

  // ------------------------------------------------------------------ errors every fake driver raises

  static LibvirtException libvirt(String op, String code, int number, String from, int fromNumber, String msg, boolean retryable) {
    return new LibvirtException(op, code, number, from, fromNumber, msg, retryable, null);
  }

  static LibvirtException invalid(String op, String msg) {
    return libvirt(op, "VIR_ERR_OPERATION_INVALID", 55, "VIR_FROM_QEMU", 10, "Requested operation is not valid: " + msg, false);
  }

  /** "domain is not running": libvirt's generic check ({@code virDomainObjCheckActive}) reports it from VIR_FROM_DOMAIN. */
  static LibvirtException notRunning(String op) {
    return libvirt(op, "VIR_ERR_OPERATION_INVALID", 55, "VIR_FROM_DOMAIN", 20, "Requested operation is not valid: domain is not running", false);
  }

  static LibvirtException failed(String op, String msg) {
    return libvirt(op, "VIR_ERR_OPERATION_FAILED", 9, "VIR_FROM_DOMAIN", 20, "operation failed: " + msg, false);
  }

  static NotFoundException noDomain(String op, String name) {
    return new NotFoundException("domain", name, libvirt(op, "VIR_ERR_NO_DOMAIN", 42, "VIR_FROM_QEMU", 10,
        "Domain not found: no domain with matching name '" + name + "'", false));
  }

  private static LibvirtException dropped(String op) {
    return libvirt(op, "VIR_ERR_INTERNAL_ERROR", 1, "VIR_FROM_RPC", 7, "internal error: client socket is closed", true);
  }

  // ------------------------------------------------------------------ faults every fake driver passes

  /** Operations whose effect a {@link Fault#REPLY_LOST} lets happen before the reply is lost (each calls {@link #replied} once done). */
  private static final Set<String> MUTATING = mutating();

  private static Set<String> mutating() {
    Set<String> m = new HashSet<>(Set.of("defineDomain", "createDomain", "startDomain", "shutdownDomain", "destroyDomain", "suspendDomain",
        "resumeDomain", "undefineDomain", "migrateDomain", "buildStoragePool", "deleteStoragePool", "createStorageVolume", "cloneStorageVolume",
        "deleteStorageVolume", "wipeStorageVolume", "resizeStorageVolume", "uploadStorageVolume", "defineNwfilter", "undefineNwfilter",
        "createNwfilterBinding", "deleteNwfilterBinding", "defineSecret", "setSecretValue", "undefineSecret"));
    for (String kind : List.of("Network", "StoragePool")) {
      for (String verb : List.of("define", "create", "start", "destroy", "undefine")) m.add(verb + kind);
      m.add("set" + kind + "Autostart");
    }
    return Set.copyOf(m);
  }

  /** Set by {@link #enter} when a {@link Fault#REPLY_LOST} hit the running operation; read by {@link #replied}. */
  static final ThreadLocal<Boolean> REPLY_LOST = new ThreadLocal<>();

  /** The end of a mutating operation: the effect happened; a lost reply now surfaces as a dropped connection. */
  void replied(String op) {
    if (REPLY_LOST.get() == null) return;
    REPLY_LOST.remove();
    dropped = true;
    throw dropped(op);
  }

  /** Every call starts here, holding the host's lock: connection checks, then the first matching fault. */
  void enter(String op, String method, String object) {
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
      // a migration applies its own midway failure (takeMigrationFault): not again when it enters
      if (r.fault() == Fault.MIGRATION_FAILS_MIDWAY && method.equals("migrateDomain")) continue;
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

  /**
   * The {@link Fault#MIGRATION_FAILS_MIDWAY} rule a migration of {@code domain} meets first, consumed; null
   * when the first rule matching {@code [migrateDomain, domain]} is another fault ({@link #enter} applies it).
   */
  FaultRule takeMigrationFault(String domain) {
    List<String> words = List.of("migrateDomain", domain);
    for (int i = 0; i < st.rules.size(); i++) {
      FaultRule r = st.rules.get(i);
      if (r.fault() == Fault.COMMAND_FAILS || !r.matches(words)) continue;
      if (r.fault() != Fault.MIGRATION_FAILS_MIDWAY) return null;
      FaultRule next = r.consumed();
      if (next == null) st.rules.remove(i); else st.rules.set(i, next);
      return r;
    }
    return null;
  }

  /** A fault check for calls whose object is known only after parsing (a definition's name): rules naming the object apply now. */
  void enterObject(String op, String method, String object) {
    List<String> words = List.of(method, object);
    for (FaultRule r : st.rules) {
      if (r.fault() != Fault.COMMAND_FAILS && r.matches(words) && !r.matches(List.of(method))) {
        enter(op, method, object);
        return;
      }
    }
  }

  // ------------------------------------------------------------------ test controls

  /** Sets what this host reports as its CPUs and memory (default 16 CPUs, 64 GiB); free memory follows the running domains. */
  public FakeHypervisor resources(int cpus, io.kvmsdk.core.Size memory) {
    if (cpus < 1) throw new IllegalArgumentException("a host has at least one CPU, got " + cpus);
    synchronized (st.lock) {
      st.node = new io.kvmsdk.core.node.NodeInfo("x86_64", io.kvmsdk.core.Size.kib(memory.kib()), cpus, 2400, 1, 1, cpus, 1);
    }
    return this;
  }

  /** The guest agent of {@code domain} on this host, to connect it and program its replies. */
  public FakeGuestAgent guestAgent(String domain) {
    synchronized (st.lock) { return st.agents.computeIfAbsent(domain, n -> new FakeGuestAgent(st.lock, st.clock, n)); }
  }

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
    synchronized (st.lock) { domains.domainForControl("configure domain '" + domain + "'", domain).ignoresShutdown = ignore; }
    return this;
  }

  /**
   * How fast this host sends live migrations, per second (default: as fast as asked, so a migration
   * without a bandwidth limit takes no fake time). A migration's speed is the lower of this and its
   * {@code bandwidth}.
   */
  public FakeHypervisor migrationBandwidth(io.kvmsdk.core.Size perSecond) {
    if (perSecond.bytes() <= 0) throw new IllegalArgumentException("a migration link moves at least one byte per second, got " + perSecond);
    synchronized (st.lock) { st.migrationLink = perSecond.bytes(); }
    return this;
  }

  /**
   * How fast the guest of {@code domain} dirties its memory, per second (default zero: an idle guest);
   * a live migration must send what the guest dirties again, so a busy guest needs more downtime,
   * auto-converge or post-copy. Moves with the guest when it migrates.
   */
  public FakeHypervisor dirtyRate(String domain, io.kvmsdk.core.Size perSecond) { return dirtyRate(domain, perSecond, io.kvmsdk.core.Size.bytes(0)); }

  /**
   * Like {@link #dirtyRate(String, io.kvmsdk.core.Size)}, for a guest that keeps rewriting the same
   * {@code workingSet} of its memory (a cache, a buffer): what a pass leaves dirty never exceeds it, so
   * the switch-over needs {@code workingSet / bandwidth} of downtime at most.
   */
  public FakeHypervisor dirtyRate(String domain, io.kvmsdk.core.Size perSecond, io.kvmsdk.core.Size workingSet) {
    synchronized (st.lock) {
      FakeHypervisorState.Dom d = domains.domainForControl("configure domain '" + domain + "'", domain);
      d.dirtyRate = perSecond.bytes();
      d.workingSet = workingSet.bytes();
    }
    return this;
  }

  /**
   * Whether QEMU on this host finds TLS credentials for migrations ({@code /etc/pki/qemu}); default false,
   * as on a host whose qemu.conf sets none: a {@code TLS} migration fails like libvirt's then.
   */
  public FakeHypervisor migrationTls(boolean configured) {
    synchronized (st.lock) { st.migrationTls = configured; }
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
   * ones vanish, calls fail retryably until {@link #reboot()}. The cluster's {@link FakeHost} of the same
   * name goes down with it (its commands fail as an unreachable host's).
   */
  public FakeHypervisor crash() {
    synchronized (st.lock) { crashLocked(); }
    return this;
  }

  private void crashLocked() {
    crashAlone();
    // one host: its command runner (ssh) goes down with it
    if (st.cluster instanceof FakeCluster c) c.hypervisorCrashed(st.name);
  }

  /** The crash of this hypervisor only (the host's command runner is told by the caller, if at all). */
  void crashAlone() {
    domains.hostDown();
    networks.hostDown();
    pools.hostDown();
    st.crashed = true;
    st.crashedAt = st.clock.instant();
  }

  /** True while the host is crashed. */
  public boolean crashed() { synchronized (st.lock) { return st.crashed; } }

  /**
   * Boots the host again: it answers calls and starts its autostart networks, pools and domains, as libvirtd
   * does at boot. A crashed host's {@link FakeHost} boots with it.
   */
  public FakeHypervisor reboot() {
    synchronized (st.lock) {
      boolean was = st.crashed;
      rebootAlone();
      if (was && st.cluster instanceof FakeCluster c) c.hypervisorRebooted(st.name);
    }
    return this;
  }

  /** The boot of this hypervisor only. */
  void rebootAlone() {
    st.crashed = false;
    networks.hostUp();
    pools.hostUp();
    domains.hostUp();
  }

  /** Names of every domain of this host, active and inactive. */
  public List<String> domainNames() {
    synchronized (st.lock) { return domains.names(); }
  }

  @Override public String toString() { return "FakeHypervisor[" + uri() + (closed ? ", closed" : "") + "]"; }
}
