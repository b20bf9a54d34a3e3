package io.kvmsdk.core.domain;

import java.util.EnumSet;
import java.util.Set;

/** How {@link Domain#migrateTo(io.kvmsdk.core.Kvm, MigrateOption...)} moves a domain ({@code virDomainMigrateFlags}). */
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
  AUTO_CONVERGE(8192),
  /**
   * Allow switching to post-copy ({@code VIR_MIGRATE_POSTCOPY}): the migration starts as pre-copy;
   * {@code migrateStartPostCopy} then runs the guest on the destination, which pulls the memory left.
   */
  POSTCOPY(32768),
  /** Encrypt the migration stream with TLS (QEMU's own, set up in the daemons' qemu.conf) ({@code VIR_MIGRATE_TLS}). */
  TLS(65536),
  /** Send memory over several connections ({@code VIR_MIGRATE_PARALLEL}, QEMU's multifd). */
  PARALLEL(131072);

  private final int flag;

  MigrateOption(int flag) { this.flag = flag; }

  /** libvirt's flag bit. */
  public int flag() { return flag; }

  /** What {@code migrateTo(destination)} uses: {@code LIVE, PERSIST_DEST, UNDEFINE_SOURCE} (the domain moves for good). */
  public static Set<MigrateOption> defaults() { return EnumSet.of(LIVE, PERSIST_DEST, UNDEFINE_SOURCE); }
}
