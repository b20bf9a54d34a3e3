package io.kvmsdk.core.common;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <inbound>} or {@code <outbound>} of an interface bandwidth: rates in KiB/s, burst in KiB. */
@Value.Immutable
public abstract class BandwidthRate {
  public abstract Optional<Long> average();

  public abstract Optional<Long> peak();

  public abstract Optional<Long> floor();

  public abstract Optional<Long> burst();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public BandwidthRate copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** An average rate in KiB/s. */
  public static BandwidthRate average(long kibPerSecond) { return builder().average(kibPerSecond).build(); }

  /** Builds a {@link BandwidthRate}. */
  public static class Builder extends ImmutableBandwidthRate.Builder {}
}
