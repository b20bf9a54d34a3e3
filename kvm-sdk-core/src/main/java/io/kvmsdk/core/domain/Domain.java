package io.kvmsdk.core.domain;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmTimeoutException;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.core.spi.Ticker;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A handle to a defined domain, named by its name. Holds no native resource itself (the connection
 * keeps libvirt's handle between calls and looks the name up again when the domain was replaced),
 * so a handle is cheap, thread-safe and never needs closing. Calls on a domain that no longer exists throw {@link io.kvmsdk.core.NotFoundException};
 * a call libvirt refuses (resume a running domain) throws {@link io.kvmsdk.core.LibvirtException}.
 */
public final class Domain {
  private final Hypervisor hypervisor;
  private final String name;
  private final String uuid;

  /** For the SDK and hypervisor providers; users get handles from {@code kvm.domains()}. */
  public Domain(Hypervisor hypervisor, String name, String uuid) {
    this.hypervisor = Objects.requireNonNull(hypervisor);
    this.name = Objects.requireNonNull(name);
    this.uuid = uuid;
  }

  public String name() { return name; }

  public String uuid() { return uuid; }

  /** The current state, asked from libvirt now. */
  public DomainState state() { return hypervisor.domains().state(name); }

  /** Starts the (shut off) domain. */
  public Domain start() {
    hypervisor.domains().start(name);
    return this;
  }

  /** Asks the guest to shut down (ACPI or agent) and returns at once; see {@link #shutdown(Duration)}. */
  public Domain shutdown() {
    hypervisor.domains().shutdown(name);
    return this;
  }

  /** Asks the guest to shut down and waits until it is shut off; {@link KvmTimeoutException} otherwise. */
  public Domain shutdown(Duration timeout) {
    hypervisor.domains().shutdown(name);
    return waitFor(DomainState.SHUTOFF, timeout);
  }

  /**
   * Waits until the domain reaches {@code state} (polling libvirt, 20 ms doubling to 500 ms); throws
   * {@link KvmTimeoutException} naming the last state seen if it does not within {@code timeout}.
   */
  public Domain waitFor(DomainState state, Duration timeout) {
    Ticker ticker = hypervisor.ticker();
    long deadline = ticker.nanoTime() + timeout.toNanos();
    long sleep = 20;
    DomainState seen;
    while ((seen = state()) != state) {
      long left = deadline - ticker.nanoTime();
      if (left <= 0) throw new KvmTimeoutException("domain '" + name + "' reaching " + state + " (still " + seen + ")", timeout);
      try {
        ticker.sleep(Duration.ofMillis(Math.min(sleep, Math.max(1, left / 1_000_000))));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KvmTimeoutException("domain '" + name + "' reaching " + state + " (interrupted)", timeout);
      }
      sleep = Math.min(sleep * 2, 500);
    }
    return this;
  }

  /** Powers the domain off at once, like pulling the plug. */
  public Domain destroy() {
    hypervisor.domains().destroy(name);
    return this;
  }

  public Domain reboot() {
    hypervisor.domains().reboot(name);
    return this;
  }

  /** Pauses the vCPUs; the domain keeps its memory. */
  public Domain suspend() {
    hypervisor.domains().suspend(name);
    return this;
  }

  public Domain resume() {
    hypervisor.domains().resume(name);
    return this;
  }

  /** Removes the persistent definition (a running domain goes on as transient until it stops). */
  public void undefine() { hypervisor.domains().undefine(name, Set.of()); }

  /** Removes the definition together with (or keeping) what the options say. */
  public void undefine(UndefineOption... options) {
    Set<UndefineOption> set = EnumSet.noneOf(UndefineOption.class);
    for (UndefineOption o : options) set.add(Objects.requireNonNull(o));
    hypervisor.domains().undefine(name, set);
  }

  /**
   * Live-migrates this running domain to the host behind {@code destination} and returns its handle
   * there. Without options it uses {@link MigrateOption#defaults()}: live, persistent on the
   * destination, undefined here. If migration fails the domain keeps running on this host.
   */
  public Domain migrateTo(Kvm destination, MigrateOption... options) {
    Objects.requireNonNull(destination, "destination");
    Set<MigrateOption> set = EnumSet.noneOf(MigrateOption.class);
    for (MigrateOption o : options) set.add(Objects.requireNonNull(o));
    if (set.isEmpty()) set = MigrateOption.defaults();
    hypervisor.domains().migrate(name, destination.hypervisor(), Set.copyOf(set));
    // no lookup on the destination: a failed lookup would report a migration that worked as failed
    return new Domain(destination.hypervisor(), name, uuid);
  }

  /** The domain's running job (a migration, a save, ...) as libvirt reports it now; type NONE when idle. */
  public DomainJobStats jobStats() { return hypervisor.domains().jobStats(name, false); }

  /** The statistics of the domain's last completed job (a migration's downtime and totals, on the destination too). */
  public DomainJobStats completedJobStats() { return hypervisor.domains().jobStats(name, true); }

  /** Aborts the domain's running job; an aborted pre-copy migration leaves the guest running here. */
  public Domain abortJob() {
    hypervisor.domains().abortJob(name);
    return this;
  }

  /** Whether the domain starts when the host (libvirtd) starts. */
  public boolean autostart() { return hypervisor.domains().autostart(name); }

  public Domain setAutostart(boolean autostart) {
    hypervisor.domains().setAutostart(name, autostart);
    return this;
  }

  /** True for a defined domain, false for a transient one. */
  public boolean isPersistent() { return hypervisor.domains().isPersistent(name); }

  /** The live definition (what runs now, with runtime details), parsed. */
  public DomainSpec spec() { return DomainSpec.fromXml(hypervisor.domains().xml(name, false)); }

  /** The persistent definition used at the next start, parsed. */
  public DomainSpec inactiveSpec() { return DomainSpec.fromXml(hypervisor.domains().xml(name, true)); }

  /** This domain's snapshots. */
  public DomainSnapshots snapshots() { return new DomainSnapshots(hypervisor, name); }

  /** Current counters from libvirt's bulk statistics. */
  public DomainStats stats() { return DomainStats.fromTypedParameters(name, hypervisor.domains().stats(name)); }

  /** The domain's QEMU guest agent (needs the {@link GuestAgent#channel()} device and {@code qemu-ga} in the guest). */
  public DomainGuestAgent guestAgent() { return new DomainGuestAgent(hypervisor, name); }

  /** Equal when both name the same domain (same name and UUID). */
  @Override public boolean equals(Object o) {
    return o instanceof Domain d && d.name.equals(name) && Objects.equals(d.uuid, uuid);
  }

  @Override public int hashCode() { return name.hashCode(); }

  /** {@code Domain[web1 RUNNING]}: asks libvirt for the state; shows {@code ?} if that fails. */
  @Override public String toString() {
    String st;
    try {
      st = state().toString();
    } catch (RuntimeException e) {
      st = "?";
    }
    return "Domain[" + name + " " + st + "]";
  }
}
