package io.kvmsdk.core.storage;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code <device path=...>} of a pool source: a block device ({@code fs}, {@code disk}, {@code logical},
 * {@code zfs}) or an iSCSI target IQN ({@code iscsi}, {@code iscsi-direct}), with its free extents
 * (output only).
 */
@Value.Immutable
public abstract class PoolSourceDevice {
  /** The device node, or the target IQN of an iSCSI pool. */
  public abstract Optional<String> path();

  /** {@code part_separator='yes|no'}: whether partitions of a multipath device are named with a {@code p} ({@code disk} pools). */
  public abstract Optional<Boolean> partSeparator();

  /** {@code <freeExtent start end>}: unallocated ranges (output only). */
  public abstract List<StorageExtent> freeExtents();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The device (or target IQN) at {@code path}. */
  public static PoolSourceDevice of(String path) { return builder().path(path).build(); }

  @Value.Check protected void check() {
    if (path().isEmpty()) throw new InvalidSpecException("@path", "is required (libvirt: missing storage pool source device path)");
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public PoolSourceDevice copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link PoolSourceDevice}. */
  public static class Builder extends ImmutablePoolSourceDevice.Builder {}
}
