package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * {@code <domainsnapshot><disks><disk name='vda' snapshot='internal|external|no|manual'>}: how one
 * disk is snapshotted. The new overlay's {@code <source>} is a {@link DiskSource}, as libvirt reads it
 * with the domain disk's source parser (file, block device, network volume with hosts, seclabels).
 */
@Value.Immutable
public abstract class SnapshotDisk {
  public abstract Optional<String> name();

  public abstract Optional<String> snapshot();

  /** The overlay's storage type ({@code file}, {@code block}, {@code network}); {@code file} when absent. */
  public abstract Optional<String> type();

  /** {@code <driver>}: the format of the new overlay. */
  public abstract Optional<SnapshotDiskDriver> driver();

  /** {@code <source>}: where the new overlay goes. */
  public abstract Optional<DiskSource> source();

  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The overlay's format ({@code <driver type='...'/>}), when set. */
  public Optional<String> driverType() { return driver().flatMap(SnapshotDiskDriver::type); }

  /** An external snapshot of disk {@code name} into a new file overlay. */
  public static SnapshotDisk external(String name, String file) {
    return builder().name(name).snapshot("external").type("file").source(DiskSource.builder().file(file).build()).build();
  }

  /** Leave disk {@code name} out of the snapshot. */
  public static SnapshotDisk excluded(String name) { return builder().name(name).snapshot("no").build(); }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public SnapshotDisk copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link SnapshotDisk}. */
  public static class Builder extends ImmutableSnapshotDisk.Builder {
    /** Sets the overlay's format ({@code <driver type='qcow2'/>}). */
    public Builder driverType(String type) {
      driver(SnapshotDiskDriver.of(type));
      return this;
    }
  }
}
