package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <spinlocks>} Hyper-V enlightenment: spinlock retry count. */
@Value.Immutable
public abstract class FeaturesHypervSpinlocks {
  /** The {@code state} attribute. */
  public abstract Optional<Boolean> state();
  /** At least 4095. */
  public abstract Optional<Integer> retries();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    if (retries().isPresent() && Integer.compareUnsigned(retries().get(), 4095) < 0) {
      throw new InvalidSpecException("@retries", "must be at least 4095, got " + Integer.toUnsignedString(retries().get()));
    }
  }

  /** Derives a changed copy. */
  public FeaturesHypervSpinlocks copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FeaturesHypervSpinlocks}. */
  public static class Builder extends ImmutableFeaturesHypervSpinlocks.Builder {}
}
