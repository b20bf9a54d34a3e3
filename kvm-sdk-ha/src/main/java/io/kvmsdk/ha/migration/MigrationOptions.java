package io.kvmsdk.ha.migration;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.MigrateOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * How one live migration runs: libvirt's migration flags ({@code VIR_MIGRATE_*}) and typed
 * parameters ({@code VIR_MIGRATE_PARAM_*}) as typed options. Defaults: live, persistent on the
 * destination, undefined on the source (the guest moves for good), no limit. The combinations libvirt
 * 9.0 refuses are refused here when the options are built, naming the option ({@code migration/...}):
 * some of libvirt's own refusals come late (once the destination has started the incoming guest) and
 * the one for auto-converge leaves the source's job stuck until the guest stops.
 *
 * <pre>{@code
 * MigrationOptions o = MigrationOptions.builder().bandwidth(100).autoConverge(true).postCopy(true)
 *     .addCompression(Compression.XBZRLE).build();
 * o.flags();    // [LIVE, PERSIST_DEST, UNDEFINE_SOURCE, COMPRESSED, AUTO_CONVERGE, POSTCOPY]
 * o.params();   // {bandwidth=100, compression=[xbzrle]}
 * }</pre>
 */
@Value.Immutable
public abstract class MigrationOptions {
  /** libvirt's largest bandwidth, MiB/s ({@code QEMU_DOMAIN_MIG_BANDWIDTH_MAX}). */
  public static final long MAX_BANDWIDTH = 8796093022207L;

  /** Keep the guest running while memory is copied ({@code VIR_MIGRATE_LIVE}); default true. */
  @Value.Default public boolean live() { return true; }

  /** Define the guest on the destination ({@code VIR_MIGRATE_PERSIST_DEST}); default true. */
  @Value.Default public boolean persistent() { return true; }

  /** Undefine the guest on the source once it runs on the destination ({@code VIR_MIGRATE_UNDEFINE_SOURCE}); default true. */
  @Value.Default public boolean undefineSource() { return true; }

  /** The source daemon talks to the destination's daemon itself ({@code VIR_MIGRATE_PEER2PEER}); default false. */
  @Value.Default public boolean peerToPeer() { return false; }

  /** Carry the migration stream over libvirtd's connection ({@code VIR_MIGRATE_TUNNELLED}; needs {@link #peerToPeer()}). */
  @Value.Default public boolean tunnelled() { return false; }

  /** Leave the guest paused on the destination ({@code VIR_MIGRATE_PAUSED}). */
  @Value.Default public boolean paused() { return false; }

  /** Throttle the guest's vCPUs when memory does not converge ({@code VIR_MIGRATE_AUTO_CONVERGE}). */
  @Value.Default public boolean autoConverge() { return false; }

  /** Auto-converge's first throttle, percent 1..99 ({@code auto_converge.initial}; QEMU's default 20). */
  public abstract Optional<Integer> autoConvergeInitial();

  /** Auto-converge's throttle increment, percent 1..99 ({@code auto_converge.increment}; QEMU's default 10). */
  public abstract Optional<Integer> autoConvergeIncrement();

  /** Allow switching to post-copy ({@code VIR_MIGRATE_POSTCOPY}); the switch itself is the policy's or the caller's. */
  @Value.Default public boolean postCopy() { return false; }

  /** The pre-copy bandwidth limit, MiB/s ({@code bandwidth}); none: as fast as the network goes. */
  public abstract Optional<Long> bandwidth();

  /** The post-copy bandwidth limit, MiB/s ({@code bandwidth.postcopy}); none: as fast as the network goes. */
  public abstract Optional<Long> postCopyBandwidth();

  /** The maximum downtime at the start ({@code virDomainMigrateSetMaxDowntime} before migrating); none: the domain's (QEMU: 300 ms). */
  public abstract Optional<Duration> maxDowntime();

  /** Compression methods ({@code compression}, flag {@code VIR_MIGRATE_COMPRESSED}), each at most once. */
  public abstract List<Compression> compressions();

  /** Level of {@link Compression#MT}, 0..9 ({@code compression.mt.level}). */
  public abstract Optional<Integer> compressionMtLevel();

  /** Compression threads of {@link Compression#MT}, 1..255 ({@code compression.mt.threads}). */
  public abstract Optional<Integer> compressionMtThreads();

  /** Decompression threads of {@link Compression#MT}, 1..255 ({@code compression.mt.dthreads}). */
  public abstract Optional<Integer> compressionMtDthreads();

  /** XBZRLE's cache ({@code compression.xbzrle.cache}, bytes). */
  public abstract Optional<Size> xbzrleCache();

  /** Send memory over this many connections, 1..255 ({@code VIR_MIGRATE_PARALLEL} and {@code parallel.connections}). */
  public abstract Optional<Integer> parallelConnections();

  /** Encrypt the stream with QEMU's TLS ({@code VIR_MIGRATE_TLS}); the daemons' qemu.conf must point at certificates. */
  @Value.Default public boolean tls() { return false; }

  /** The name the destination's TLS certificate holds, when it is not the host name in the URI ({@code tls.destination}). */
  public abstract Optional<String> tlsDestination();

  /**
   * The destination daemon's URI as the source host reaches it, for a peer-to-peer migration
   * ({@code virDomainMigrateToURI3}'s {@code dconnuri}, e.g. {@code qemu+tls://hv2/system}); none: the
   * destination connection's own URI.
   */
  public abstract Optional<String> destinationUri();

  /** Where the migration stream goes ({@code migrate_uri}, e.g. {@code tcp://10.0.0.2}): a dedicated migration network. */
  public abstract Optional<String> migrateUri();

  /** The address the destination's QEMU listens on for the stream ({@code listen_address}). */
  public abstract Optional<String> listenAddress();

  /** Copy whole disks too, for hosts without shared storage ({@code VIR_MIGRATE_NON_SHARED_DISK}). */
  @Value.Default public boolean copyStorageAll() { return false; }

  /** Copy disks over a shared backing image ({@code VIR_MIGRATE_NON_SHARED_INC}). */
  @Value.Default public boolean copyStorageInc() { return false; }

  /** Only these disks (target names, e.g. {@code vda}) are copied ({@code migrate_disks}). */
  public abstract List<String> migrateDisks();

  /** Cancel on a disk I/O error during the migration ({@code VIR_MIGRATE_ABORT_ON_ERROR}). */
  @Value.Default public boolean abortOnError() { return false; }

  /** Migrate even when libvirt thinks it unsafe, e.g. a disk cache mode ({@code VIR_MIGRATE_UNSAFE}). */
  @Value.Default public boolean unsafe() { return false; }

  public static Builder builder() { return new Builder(); }

  /** The defaults: live, persistent on the destination, undefined on the source. */
  public static MigrationOptions defaults() { return builder().build(); }

  /** These options with some changed. */
  public MigrationOptions copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** libvirt's flags for these options. */
  @Value.Derived public Set<MigrateOption> flags() {
    Set<MigrateOption> f = EnumSet.noneOf(MigrateOption.class);
    if (live()) f.add(MigrateOption.LIVE);
    if (peerToPeer()) f.add(MigrateOption.PEER2PEER);
    if (tunnelled()) f.add(MigrateOption.TUNNELLED);
    if (persistent()) f.add(MigrateOption.PERSIST_DEST);
    if (undefineSource()) f.add(MigrateOption.UNDEFINE_SOURCE);
    if (paused()) f.add(MigrateOption.PAUSED);
    if (copyStorageAll()) f.add(MigrateOption.NON_SHARED_DISK);
    if (copyStorageInc()) f.add(MigrateOption.NON_SHARED_INC);
    if (unsafe()) f.add(MigrateOption.UNSAFE);
    if (!compressions().isEmpty()) f.add(MigrateOption.COMPRESSED);
    if (abortOnError()) f.add(MigrateOption.ABORT_ON_ERROR);
    if (autoConverge()) f.add(MigrateOption.AUTO_CONVERGE);
    if (postCopy()) f.add(MigrateOption.POSTCOPY);
    if (tls()) f.add(MigrateOption.TLS);
    if (parallelConnections().isPresent()) f.add(MigrateOption.PARALLEL);
    return Set.copyOf(f);
  }

  /** libvirt's typed parameters for these options (field to value, as {@code DomainDriver.migrate} takes them). */
  @Value.Derived public Map<String, Object> params() {
    Map<String, Object> p = new LinkedHashMap<>();
    bandwidth().ifPresent(v -> p.put("bandwidth", v));
    postCopyBandwidth().ifPresent(v -> p.put("bandwidth.postcopy", v));
    migrateUri().ifPresent(v -> p.put("migrate_uri", v));
    listenAddress().ifPresent(v -> p.put("listen_address", v));
    if (!migrateDisks().isEmpty()) p.put("migrate_disks", List.copyOf(migrateDisks()));
    if (!compressions().isEmpty()) {
      List<String> names = new ArrayList<>();
      for (Compression c : compressions()) names.add(c.libvirtName());
      p.put("compression", List.copyOf(names));
    }
    compressionMtLevel().ifPresent(v -> p.put("compression.mt.level", v));
    compressionMtThreads().ifPresent(v -> p.put("compression.mt.threads", v));
    compressionMtDthreads().ifPresent(v -> p.put("compression.mt.dthreads", v));
    xbzrleCache().ifPresent(v -> p.put("compression.xbzrle.cache", v.bytes()));
    autoConvergeInitial().ifPresent(v -> p.put("auto_converge.initial", v));
    autoConvergeIncrement().ifPresent(v -> p.put("auto_converge.increment", v));
    parallelConnections().ifPresent(v -> p.put("parallel.connections", v));
    tlsDestination().ifPresent(v -> p.put("tls.destination", v));
    return java.util.Collections.unmodifiableMap(p);
  }

  private static InvalidSpecException bad(String option, String rule) { return new InvalidSpecException("migration/" + option, rule); }

  private static void range(String option, Optional<Integer> v, int min, int max) {
    if (v.isPresent() && (v.get() < min || v.get() > max)) throw bad(option, "must be " + min + ".." + max + ", got " + v.get());
  }

  @Value.Check protected void check() {
    bandwidth().ifPresent(v -> {
      if (v < 1 || v > MAX_BANDWIDTH) throw bad("bandwidth", "must be 1.." + MAX_BANDWIDTH + " MiB/s, got " + v);
    });
    postCopyBandwidth().ifPresent(v -> {
      if (v < 1 || v > MAX_BANDWIDTH) throw bad("postCopyBandwidth", "must be 1.." + MAX_BANDWIDTH + " MiB/s, got " + v);
      if (!postCopy()) throw bad("postCopyBandwidth", "applies only with postCopy(true) (VIR_MIGRATE_POSTCOPY)");
    });
    maxDowntime().ifPresent(d -> {
      if (d.toMillis() < 1 || d.toMillis() > 2_000_000) throw bad("maxDowntime", "must be 1 ms..2000 s (QEMU's downtime-limit), got " + d);
    });
    if (tunnelled() && !peerToPeer()) {
      throw bad("tunnelled", "needs peerToPeer(true): libvirt refuses a tunnelled migration without VIR_MIGRATE_PEER2PEER");
    }
    if (postCopy() && (!live() || paused())) {
      throw bad("postCopy", "needs a live migration that does not leave the guest paused (libvirt: not supported with non-live or paused migration)");
    }
    if ((autoConvergeInitial().isPresent() || autoConvergeIncrement().isPresent()) && !autoConverge()) {
      throw bad(autoConvergeInitial().isPresent() ? "autoConvergeInitial" : "autoConvergeIncrement",
          "applies only with autoConverge(true): libvirt 9.0 refuses it only once the destination is prepared, and leaves the source's job stuck");
    }
    range("autoConvergeInitial", autoConvergeInitial(), 1, 99);
    range("autoConvergeIncrement", autoConvergeIncrement(), 1, 99);
    Set<Compression> seen = new HashSet<>();
    for (Compression c : compressions()) if (!seen.add(c)) throw bad("compressions", c + " is given twice");
    if ((compressionMtLevel().isPresent() || compressionMtThreads().isPresent() || compressionMtDthreads().isPresent()) && !seen.contains(Compression.MT)) {
      throw bad(compressionMtLevel().isPresent() ? "compressionMtLevel" : compressionMtThreads().isPresent() ? "compressionMtThreads" : "compressionMtDthreads",
          "applies only with Compression.MT");
    }
    range("compressionMtLevel", compressionMtLevel(), 0, 9);
    range("compressionMtThreads", compressionMtThreads(), 1, 255);
    range("compressionMtDthreads", compressionMtDthreads(), 1, 255);
    xbzrleCache().ifPresent(c -> {
      if (!seen.contains(Compression.XBZRLE)) throw bad("xbzrleCache", "applies only with Compression.XBZRLE");
      if (c.bytes() < 4096) throw bad("xbzrleCache", "must be at least one page (4 KiB), got " + c);
    });
    range("parallelConnections", parallelConnections(), 1, 255);
    if (parallelConnections().isPresent() && tunnelled()) {
      throw bad("parallelConnections", "needs QEMU's own connections: a tunnelled migration has one stream, libvirt's");
    }
    if (tls() && tunnelled()) throw bad("tls", "QEMU's TLS protects its own stream: a tunnelled migration goes over libvirt's connection instead");
    if (tlsDestination().isPresent() && !tls()) throw bad("tlsDestination", "applies only with tls(true)");
    if (destinationUri().isPresent() && !peerToPeer()) {
      throw bad("destinationUri", "is the destination daemon's URI for a peer-to-peer migration: needs peerToPeer(true)");
    }
    if (copyStorageAll() && copyStorageInc()) throw bad("copyStorageInc", "excludes copyStorageAll (libvirt: the flags are mutually exclusive)");
    if (!migrateDisks().isEmpty() && !copyStorageAll() && !copyStorageInc()) {
      throw bad("migrateDisks", "chooses disks to copy: needs copyStorageAll(true) or copyStorageInc(true)");
    }
  }

  /** Every option that differs from the defaults, e.g. {@code MigrationOptions[bandwidth=100, postCopy, autoConverge]}. */
  @Override public String toString() { return "MigrationOptions" + flags().stream().map(Enum::name).sorted().toList() + params(); }

  public static class Builder extends ImmutableMigrationOptions.Builder {}
}
