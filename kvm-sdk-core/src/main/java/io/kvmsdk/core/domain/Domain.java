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
  /** Extra things {@link #undefine(UndefineOption...)} removes or keeps ({@code virDomainUndefineFlagsValues}). */
  public enum UndefineOption {
    /** Also remove a managed save image ({@code VIR_DOMAIN_UNDEFINE_MANAGED_SAVE}). */
    MANAGED_SAVE,
    /** Also remove snapshot metadata ({@code VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA}). */
    SNAPSHOTS_METADATA,
    /** Also remove the UEFI NVRAM file ({@code VIR_DOMAIN_UNDEFINE_NVRAM}). */
    NVRAM,
    /** Keep the UEFI NVRAM file ({@code VIR_DOMAIN_UNDEFINE_KEEP_NVRAM}). */
    KEEP_NVRAM,
    /** Also remove checkpoint metadata ({@code VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA}). */
    CHECKPOINTS,
    /** Also remove the emulated TPM state ({@code VIR_DOMAIN_UNDEFINE_TPM}). */
    TPM,
    /** Keep the emulated TPM state ({@code VIR_DOMAIN_UNDEFINE_KEEP_TPM}). */
    KEEP_TPM;

    /** libvirt's flag bit. */
    public int flag() {
      return switch (this) {
        case MANAGED_SAVE -> 1;
        case SNAPSHOTS_METADATA -> 2;
        case NVRAM -> 4;
        case KEEP_NVRAM -> 8;
        case CHECKPOINTS -> 16;
        case TPM -> 32;
        case KEEP_TPM -> 64;
      };
    }
  }

  /** How {@link #migrateTo(io.kvmsdk.core.Kvm, MigrateOption...)} moves a domain ({@code virDomainMigrateFlags}). */
  public enum MigrateOption {
    /** Keep the guest running while its memory is copied ({@code VIR_MIGRATE_LIVE}). */
    LIVE(1),
    /** The source libvirtd talks to the destination itself ({@code VIR_MIGRATE_PEER2PEER}). */
    PEER2PEER(2),
    /** Tunnel the migration stream through libvirtd's connection ({@code VIR_MIGRATE_TUNNELLED}). */
    TUNNELLED(4),
    /** Define the domain persistently on the destination ({@code VIR_MIGRATE_PERSIST_DEST}). */
    PERSIST_DEST(8),
    /** Undefine the domain on the source once it runs on the destination ({@code VIR_MIGRATE_UNDEFINE_SOURCE}). */
    UNDEFINE_SOURCE(16),
    /** Leave the domain paused on the destination ({@code VIR_MIGRATE_PAUSED}). */
    PAUSED(32),
    /** Copy whole disks too, for hosts without shared storage ({@code VIR_MIGRATE_NON_SHARED_DISK}). */
    NON_SHARED_DISK(64),
    /** Copy disks incrementally over a shared base image ({@code VIR_MIGRATE_NON_SHARED_INC}). */
    NON_SHARED_INC(128),
    /** Migrate even if libvirt considers it unsafe, e.g. disk caches ({@code VIR_MIGRATE_UNSAFE}). */
    UNSAFE(512),
    /** Compress the memory stream ({@code VIR_MIGRATE_COMPRESSED}). */
    COMPRESSED(2048),
    /** Cancel if a disk I/O error happens during migration ({@code VIR_MIGRATE_ABORT_ON_ERROR}). */
    ABORT_ON_ERROR(4096),
    /** Throttle the guest's vCPUs until memory converges ({@code VIR_MIGRATE_AUTO_CONVERGE}). */
    AUTO_CONVERGE(8192);

    private final int flag;

    MigrateOption(int flag) { this.flag = flag; }

    /** libvirt's flag bit. */
    public int flag() { return flag; }

    /** What {@code migrateTo(destination)} uses: {@code LIVE, PERSIST_DEST, UNDEFINE_SOURCE} (the domain moves for good). */
    public static Set<MigrateOption> defaults() { return EnumSet.of(LIVE, PERSIST_DEST, UNDEFINE_SOURCE); }
  }

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
  public DomainState state() { return hypervisor.domainState(name); }

  /** Starts the (shut off) domain. */
  public Domain start() {
    hypervisor.startDomain(name);
    return this;
  }

  /** Asks the guest to shut down (ACPI or agent) and returns at once; see {@link #shutdown(Duration)}. */
  public Domain shutdown() {
    hypervisor.shutdownDomain(name);
    return this;
  }

  /** Asks the guest to shut down and waits until it is shut off; {@link KvmTimeoutException} otherwise. */
  public Domain shutdown(Duration timeout) {
    hypervisor.shutdownDomain(name);
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
    hypervisor.destroyDomain(name);
    return this;
  }

  public Domain reboot() {
    hypervisor.rebootDomain(name);
    return this;
  }

  /** Pauses the vCPUs; the domain keeps its memory. */
  public Domain suspend() {
    hypervisor.suspendDomain(name);
    return this;
  }

  public Domain resume() {
    hypervisor.resumeDomain(name);
    return this;
  }

  /** Removes the persistent definition (a running domain goes on as transient until it stops). */
  public void undefine() { hypervisor.undefineDomain(name, Set.of()); }

  /** Removes the definition together with (or keeping) what the options say. */
  public void undefine(UndefineOption... options) {
    Set<UndefineOption> set = EnumSet.noneOf(UndefineOption.class);
    for (UndefineOption o : options) set.add(Objects.requireNonNull(o));
    hypervisor.undefineDomain(name, set);
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
    hypervisor.migrateDomain(name, destination.hypervisor(), Set.copyOf(set));
    // no lookup on the destination: a failed lookup would report a migration that worked as failed
    return new Domain(destination.hypervisor(), name, uuid);
  }

  /** Whether the domain starts when the host (libvirtd) starts. */
  public boolean autostart() { return hypervisor.autostart(name); }

  public Domain setAutostart(boolean autostart) {
    hypervisor.setAutostart(name, autostart);
    return this;
  }

  /** True for a defined domain, false for a transient one. */
  public boolean isPersistent() { return hypervisor.isPersistent(name); }

  /** The live definition (what runs now, with runtime details), parsed. */
  public DomainSpec spec() { return DomainSpec.fromXml(hypervisor.domainXml(name, false)); }

  /** The persistent definition used at the next start, parsed. */
  public DomainSpec inactiveSpec() { return DomainSpec.fromXml(hypervisor.domainXml(name, true)); }

  /** This domain's snapshots. */
  public DomainSnapshots snapshots() { return new DomainSnapshots(hypervisor, name); }

  /** Current counters from libvirt's bulk statistics. */
  public DomainStats stats() { return DomainStats.fromTypedParameters(name, hypervisor.domainStats(name)); }

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
