package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <apic>} in {@code <features>}: the APIC, with optional end-of-interrupt handling. */
@Value.Immutable
public abstract class FeaturesApic {
  /** The {@code eoi} attribute. */
  public abstract Optional<Boolean> eoi();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public FeaturesApic copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FeaturesApic}. */
  public static class Builder extends ImmutableFeaturesApic.Builder {}
}
