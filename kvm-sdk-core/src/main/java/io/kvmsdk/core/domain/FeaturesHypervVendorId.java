package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <vendor_id>} Hyper-V enlightenment: the hypervisor vendor id shown to the guest. */
@Value.Immutable
public abstract class FeaturesHypervVendorId {
  /** The {@code state} attribute. */
  public abstract Optional<Boolean> state();
  /** At most 12 characters. */
  public abstract Optional<String> value();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    if (value().isPresent() && value().get().length() > 12) {
      throw new InvalidSpecException("@value", "must be at most 12 characters, got '" + value().get() + "'");
    }
  }

  /** Derives a changed copy. */
  public FeaturesHypervVendorId copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FeaturesHypervVendorId}. */
  public static class Builder extends ImmutableFeaturesHypervVendorId.Builder {}
}
