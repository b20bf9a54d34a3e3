package io.kvmsdk.testkit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An in-JVM cluster of fake hosts sharing one {@link FakeClock}: each name is one host with a fake
 * hypervisor ({@code fake:///NAME}) and a {@link FakeHost} command runner. The same name gives the
 * same host, and both halves of it go down and come back together: {@link FakeHypervisor#crash()} makes
 * its commands fail as an unreachable host's do, a {@link Fault#HOST_CRASH} on its commands crashes its
 * hypervisor, and either one's reboot boots both. {@code Kvm.connect("fake:///NAME")} reaches the {@link #current()} cluster: the one the
 * JUnit extension bound to the test's thread, else the JVM-wide {@link #shared()} one. Thread-safe.
 *
 * <pre>{@code
 * FakeCluster cluster = FakeCluster.create();
 * try (Kvm kvm = Kvm.using(cluster.hypervisor("hv1"))) { ... }
 * try (var bound = cluster.bind(); Kvm kvm = Kvm.connect("fake:///hv1")) { ... }   // same host
 * }</pre>
 */
public final class FakeCluster {
  private static final FakeCluster SHARED = new FakeCluster(FakeClock.create());
  private static final InheritableThreadLocal<FakeCluster> CURRENT = new InheritableThreadLocal<>();

  private final FakeClock clock;
  private final Map<String, FakeHypervisorState> nodes = new TreeMap<>();
  private final Map<String, FakeHost> hosts = new TreeMap<>();

  private FakeCluster(FakeClock clock) { this.clock = Objects.requireNonNull(clock, "clock"); }

  /** An empty cluster with its own clock. */
  public static FakeCluster create() { return new FakeCluster(FakeClock.create()); }

  /** An empty cluster driven by {@code clock}. */
  public static FakeCluster create(FakeClock clock) { return new FakeCluster(clock); }

  /** The JVM-wide cluster {@code fake:///NAME} reaches when no cluster is bound to the thread. */
  public static FakeCluster shared() { return SHARED; }

  /** The cluster bound to this thread (see {@link #bind()}), else {@link #shared()}. */
  public static FakeCluster current() {
    FakeCluster c = CURRENT.get();
    return c == null ? SHARED : c;
  }

  /** Binds this cluster to the calling thread (and threads it starts) until the returned handle is closed. */
  public Binding bind() {
    FakeCluster previous = CURRENT.get();
    CURRENT.set(this);
    return () -> {
      if (previous == null) CURRENT.remove(); else CURRENT.set(previous);
    };
  }

  /** Undoes a {@link #bind()}; closing twice is harmless. */
  public interface Binding extends AutoCloseable {
    @Override void close();
  }

  /** The clock every host of this cluster uses. */
  public FakeClock clock() { return clock; }

  /** A new connection to the fake hypervisor of host {@code name} (created on first use). */
  public FakeHypervisor hypervisor(String name) { return new FakeHypervisor(node(name)); }

  /** The fake command runner of host {@code name} (created on first use; the same instance each time). */
  public FakeHost host(String name) {
    FakeHypervisorState node;
    synchronized (nodes) { node = nodes.get(name); }
    boolean down = node != null && node.crashed;
    synchronized (hosts) { return hosts.computeIfAbsent(name, n -> FakeHost.create(n, clock).joined(this, down)); }
  }

  // One name is one machine: its hypervisor and its command runner crash and boot together. The hypervisor's lock
  // is always taken before the host's: a host that crashed tells the hypervisor after releasing its own lock.

  void hypervisorCrashed(String name) { onHost(name, FakeHost::crashedWithHypervisor); }

  void hypervisorRebooted(String name) { onHost(name, FakeHost::bootedWithHypervisor); }

  void hostCrashed(String name) { onHypervisor(name, false, FakeHypervisor::crashAlone); }

  void hostRebooted(String name) { onHypervisor(name, true, FakeHypervisor::rebootAlone); }

  /** {@code act} on the command runner of {@code name}, if one was made. */
  private void onHost(String name, Consumer<FakeHost> act) {
    FakeHost h;
    synchronized (hosts) { h = hosts.get(name); }
    if (h != null) act.accept(h);
  }

  /** {@code act} on the hypervisor of {@code name}, if there is one and it is crashed ({@code whenCrashed}) or not, under its lock. */
  private void onHypervisor(String name, boolean whenCrashed, Consumer<FakeHypervisor> act) {
    FakeHypervisorState n;
    synchronized (nodes) { n = nodes.get(name); }
    if (n == null) return;
    FakeHypervisor hv = new FakeHypervisor(n);
    synchronized (n.lock) { if (n.crashed == whenCrashed) act.accept(hv); }
  }

  /** Names of the hosts with a hypervisor, in order. */
  public List<String> hypervisorNames() { synchronized (nodes) { return List.copyOf(nodes.keySet()); } }

  /**
   * Where domain {@code domain} is in this cluster, as {@code host -> "RUNNING, persistent"}, read
   * directly (no faults apply, no events fire). For tests and their failure messages.
   */
  public Map<String, String> locate(String domain) {
    Map<String, String> out = new TreeMap<>();
    List<FakeHypervisorState> all;
    synchronized (nodes) { all = List.copyOf(nodes.values()); }
    for (FakeHypervisorState n : all) {
      synchronized (n.lock) {
        FakeHypervisorState.Dom d = n.domains.get(domain);
        if (d != null) out.put(n.name, d.state + (d.persistent != null ? ", persistent" : ", transient"));
      }
    }
    return out;
  }

  FakeHypervisorState node(String name) {
    if (name == null || name.isEmpty() || name.contains("/")) {
      throw new IllegalArgumentException("a fake host name is one non-empty path segment, got '" + name + "'");
    }
    synchronized (nodes) {
      FakeHypervisorState st = nodes.get(name);
      if (st != null) return st;
      st = FakeHypervisorState.create(name, clock, this);
      FakeHost h;
      synchronized (hosts) { h = hosts.get(name); }
      if (h != null && h.crashed()) {
        st.crashed = true;   // the machine is down: its hypervisor too
        st.crashedAt = clock.instant();
      }
      nodes.put(name, st);
      return st;
    }
  }

  @Override public String toString() { return "FakeCluster" + hypervisorNames(); }
}
