package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <xen>}: Xen-specific features. */
@Value.Immutable
public abstract class FeaturesXen {
  /** The {@code <e820_host>} child. */
  public abstract Optional<FeaturesState> e820Host();
  /** The {@code <passthrough>} child. */
  public abstract Optional<FeaturesXenPassthrough> passthrough();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public FeaturesXen copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FeaturesXen}. */
  public static class Builder extends ImmutableFeaturesXen.Builder {}
}
