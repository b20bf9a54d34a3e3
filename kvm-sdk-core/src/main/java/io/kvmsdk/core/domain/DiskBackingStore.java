package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <backingStore>}: one layer of a disk's backing chain; an empty one ends the chain. */
@Value.Immutable
public abstract class DiskBackingStore {
  /** Storage type, as for {@link Disk#type()}. */
  public abstract Optional<String> type();

  /** Position in the chain (live XML). */
  public abstract Optional<Integer> index();

  /** {@code <format>}: image format of this layer. */
  public abstract Optional<DiskFormat> format();

  /** {@code <source>}: where this layer is. */
  public abstract Optional<DiskSource> source();

  /** The next layer down. */
  public abstract Optional<DiskBackingStore> backingStore();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskBackingStore copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskBackingStore}. */
  public static class Builder extends ImmutableDiskBackingStore.Builder {}
}
