package io.kvmsdk.core.domain;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <metadata_cache>} of a qcow2 image. */
@Value.Immutable
public abstract class DiskMetadataCache {
  /** {@code <max_size>}: the most memory the cache may use. */
  public abstract Optional<Size> maxSize();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskMetadataCache copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskMetadataCache}. */
  public static class Builder extends ImmutableDiskMetadataCache.Builder {}
}
