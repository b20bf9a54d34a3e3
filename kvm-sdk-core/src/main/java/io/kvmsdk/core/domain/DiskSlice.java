package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <slice>}: a byte range of the source image used as the disk. */
@Value.Immutable
public abstract class DiskSlice {
  /** Always {@code storage}. */
  public abstract Optional<String> type();

  /** Start in bytes. */
  public abstract Optional<Long> offset();

  /** Length in bytes. */
  public abstract Optional<Long> size();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskSlice copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskSlice}. */
  public static class Builder extends ImmutableDiskSlice.Builder {}
}
