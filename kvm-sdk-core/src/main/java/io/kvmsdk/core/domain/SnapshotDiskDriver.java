package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * {@code <driver type='qcow2'><metadata_cache>...</metadata_cache></driver>} of a snapshot disk: the
 * format of the new overlay and its metadata cache (all libvirt reads there).
 */
@Value.Immutable
public abstract class SnapshotDiskDriver {
  /** The overlay's format ({@code qcow2}, {@code qed}, ...). */
  public abstract Optional<String> type();

  /** {@code <metadata_cache><max_size>}: the qcow2 metadata cache bound. */
  public abstract Optional<DiskMetadataCache> metadataCache();

  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** An overlay of format {@code type}. */
  public static SnapshotDiskDriver of(String type) { return builder().type(type).build(); }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public SnapshotDiskDriver copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link SnapshotDiskDriver}. */
  public static class Builder extends ImmutableSnapshotDiskDriver.Builder {}
}
