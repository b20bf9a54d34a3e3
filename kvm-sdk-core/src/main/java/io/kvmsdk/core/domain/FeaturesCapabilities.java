package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <capabilities>} in {@code <features>}: Linux capabilities of a container (policy; the per-capability children are kept as written). */
@Value.Immutable
public abstract class FeaturesCapabilities {
  /** {@code default}, {@code allow} or {@code deny}. */
  public abstract Optional<String> policy();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public FeaturesCapabilities copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FeaturesCapabilities}. */
  public static class Builder extends ImmutableFeaturesCapabilities.Builder {}
}
