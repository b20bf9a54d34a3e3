package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <domainsnapshot><disks><disk name='vda' snapshot='internal|external|no|manual'>}: how one disk is snapshotted. */
@Value.Immutable
public abstract class SnapshotDisk {
  public abstract Optional<String> name();

  public abstract Optional<String> snapshot();

  public abstract Optional<String> type();

  /** {@code <driver type='qcow2'/>}: the format of the new overlay. */
  public abstract Optional<String> driverType();

  public abstract Optional<SnapshotDiskSource> source();

  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** An external snapshot of disk {@code name} into a new file overlay. */
  public static SnapshotDisk external(String name, String file) {
    return builder().name(name).snapshot("external").type("file")
        .source(SnapshotDiskSource.builder().file(file).build()).build();
  }

  /** Leave disk {@code name} out of the snapshot. */
  public static SnapshotDisk excluded(String name) { return builder().name(name).snapshot("no").build(); }

  public static Builder builder() { return new Builder(); }

  /** Builds a {@link SnapshotDisk}. */
  public static class Builder extends ImmutableSnapshotDisk.Builder {}
}
