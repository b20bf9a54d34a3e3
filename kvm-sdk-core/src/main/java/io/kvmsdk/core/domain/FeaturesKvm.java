package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <kvm>}: KVM-specific features (hidden state, PV hints, dirty ring). */
@Value.Immutable
public abstract class FeaturesKvm {
  /** The {@code <hidden>} child. */
  public abstract Optional<FeaturesState> hidden();
  /** The {@code <hint-dedicated>} child. */
  public abstract Optional<FeaturesState> hintDedicated();
  /** The {@code <poll-control>} child. */
  public abstract Optional<FeaturesState> pollControl();
  /** The {@code <pv-ipi>} child. */
  public abstract Optional<FeaturesState> pvIpi();
  /** The {@code <dirty-ring>} child. */
  public abstract Optional<FeaturesKvmDirtyRing> dirtyRing();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public FeaturesKvm copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FeaturesKvm}. */
  public static class Builder extends ImmutableFeaturesKvm.Builder {}
}
