package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <passthrough>} Xen feature: IOMMU mappings for PCI passthrough. */
@Value.Immutable
public abstract class FeaturesXenPassthrough {
  /** The {@code state} attribute. */
  public abstract Optional<Boolean> state();
  /** {@code sync_pt} or {@code share_pt}. */
  public abstract Optional<String> mode();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public FeaturesXenPassthrough copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FeaturesXenPassthrough}. */
  public static class Builder extends ImmutableFeaturesXenPassthrough.Builder {}
}
