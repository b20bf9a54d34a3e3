package io.kvmsdk.core.domain;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <smm>}: System Management Mode and the size of its extended TSEG. */
@Value.Immutable
public abstract class FeaturesSmm {
  /** The {@code state} attribute. */
  public abstract Optional<Boolean> state();
  /** The {@code <tseg>} child: the extended TSEG size (unit defaults to MiB). */
  public abstract Optional<Size> tseg();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** SMM enabled (needed for secure boot on q35). */
  public static FeaturesSmm on() { return builder().state(true).build(); }

  /** Derives a changed copy. */
  public FeaturesSmm copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FeaturesSmm}. */
  public static class Builder extends ImmutableFeaturesSmm.Builder {}
}
