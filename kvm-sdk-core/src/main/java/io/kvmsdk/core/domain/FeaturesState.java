package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** A feature element with an optional {@code state='on|off'} (such as {@code <pmu state='off'/>} or Hyper-V's {@code <relaxed state='on'/>}). */
@Value.Immutable
public abstract class FeaturesState {
  /** The {@code state} attribute. */
  public abstract Optional<Boolean> state();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code state='on'}. */
  public static FeaturesState on() { return builder().state(true).build(); }

  /** {@code state='off'}. */
  public static FeaturesState off() { return builder().state(false).build(); }

  /** The element with no {@code state} (the hypervisor default, usually on). */
  public static FeaturesState present() { return builder().build(); }

  /** {@code state='on'} or {@code 'off'}. */
  public static FeaturesState of(boolean on) { return builder().state(on).build(); }

  /** Derives a changed copy. */
  public FeaturesState copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FeaturesState}. */
  public static class Builder extends ImmutableFeaturesState.Builder {}
}
