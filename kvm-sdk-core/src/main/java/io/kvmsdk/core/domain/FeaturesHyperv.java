package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <hyperv>}: Hyper-V enlightenments for Windows guests. */
@Value.Immutable
public abstract class FeaturesHyperv {
  /** {@code custom} or {@code passthrough}. */
  public abstract Optional<String> mode();
  /** The {@code <relaxed>} child. */
  public abstract Optional<FeaturesState> relaxed();
  /** The {@code <vapic>} child. */
  public abstract Optional<FeaturesState> vapic();
  /** The {@code <spinlocks>} child. */
  public abstract Optional<FeaturesHypervSpinlocks> spinlocks();
  /** The {@code <vpindex>} child. */
  public abstract Optional<FeaturesState> vpindex();
  /** The {@code <runtime>} child. */
  public abstract Optional<FeaturesState> runtime();
  /** The {@code <synic>} child. */
  public abstract Optional<FeaturesState> synic();
  /** The {@code <stimer>} child. */
  public abstract Optional<FeaturesHypervStimer> stimer();
  /** The {@code <reset>} child. */
  public abstract Optional<FeaturesState> reset();
  /** The {@code <vendor_id>} child. */
  public abstract Optional<FeaturesHypervVendorId> vendorId();
  /** The {@code <frequencies>} child. */
  public abstract Optional<FeaturesState> frequencies();
  /** The {@code <reenlightenment>} child. */
  public abstract Optional<FeaturesState> reenlightenment();
  /** The {@code <tlbflush>} child. */
  public abstract Optional<FeaturesState> tlbflush();
  /** The {@code <ipi>} child. */
  public abstract Optional<FeaturesState> ipi();
  /** The {@code <evmcs>} child. */
  public abstract Optional<FeaturesState> evmcs();
  /** The {@code <avic>} child. */
  public abstract Optional<FeaturesState> avic();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** The enlightenments virt-install and Windows guides recommend: relaxed, vapic and spinlocks (8191 retries). */
  public static FeaturesHyperv recommended() {
    return builder().mode("custom").relaxed(FeaturesState.on()).vapic(FeaturesState.on())
        .spinlocks(FeaturesHypervSpinlocks.builder().state(true).retries(8191).build()).build();
  }

  /** Every enlightenment the host supports ({@code mode='passthrough'}). */
  public static FeaturesHyperv passthrough() { return builder().mode("passthrough").build(); }

  /** Derives a changed copy. */
  public FeaturesHyperv copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FeaturesHyperv}. */
  public static class Builder extends ImmutableFeaturesHyperv.Builder {}
}
