package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <dirty-ring>} KVM feature: dirty page tracking with a ring of {@code size} entries. */
@Value.Immutable
public abstract class FeaturesKvmDirtyRing {
  /** The {@code state} attribute. */
  public abstract Optional<Boolean> state();
  /** A power of two between 1024 and 65536. */
  public abstract Optional<Integer> size();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    if (size().isPresent()) {
      int s = size().get();
      if (s < 1024 || s > 65536 || Integer.bitCount(s) != 1) {
        throw new InvalidSpecException("@size", "must be a power of two between 1024 and 65536, got " + Integer.toUnsignedString(s));
      }
    }
  }

  /** Derives a changed copy. */
  public FeaturesKvmDirtyRing copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FeaturesKvmDirtyRing}. */
  public static class Builder extends ImmutableFeaturesKvmDirtyRing.Builder {}
}
