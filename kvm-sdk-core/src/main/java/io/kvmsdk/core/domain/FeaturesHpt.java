package io.kvmsdk.core.domain;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <hpt>}: pSeries hash page table resizing and maximum page size. */
@Value.Immutable
public abstract class FeaturesHpt {
  /** {@code enabled}, {@code disabled} or {@code required}. */
  public abstract Optional<String> resizing();
  /** The {@code <maxpagesize>} child. */
  public abstract Optional<Size> maxpagesize();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public FeaturesHpt copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FeaturesHpt}. */
  public static class Builder extends ImmutableFeaturesHpt.Builder {}
}
