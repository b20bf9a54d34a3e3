package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <format>} of a backing store or mirror: the image format. */
@Value.Immutable
public abstract class DiskFormat {
  /** Image format, such as {@code qcow2} or {@code raw}. */
  public abstract Optional<String> type();

  /** {@code <metadata_cache>}: qcow2 metadata cache limit. */
  public abstract Optional<DiskMetadataCache> metadataCache();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskFormat copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskFormat}. */
  public static class Builder extends ImmutableDiskFormat.Builder {}
}
