package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <blockio>}: block sizes reported to the guest. */
@Value.Immutable
public abstract class DiskBlockIo {
  /** Logical block size in bytes. */
  public abstract Optional<Integer> logicalBlockSize();

  /** Physical block size in bytes. */
  public abstract Optional<Integer> physicalBlockSize();

  /** Discard granularity in bytes. */
  public abstract Optional<Integer> discardGranularity();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskBlockIo copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskBlockIo}. */
  public static class Builder extends ImmutableDiskBlockIo.Builder {}
}
