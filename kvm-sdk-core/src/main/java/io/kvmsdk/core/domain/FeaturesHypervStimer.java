package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <stimer>} Hyper-V enlightenment: synthetic timers, optionally in direct mode. */
@Value.Immutable
public abstract class FeaturesHypervStimer {
  /** The {@code state} attribute. */
  public abstract Optional<Boolean> state();
  /** The {@code <direct>} child. */
  public abstract Optional<FeaturesState> direct();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public FeaturesHypervStimer copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FeaturesHypervStimer}. */
  public static class Builder extends ImmutableFeaturesHypervStimer.Builder {}
}
