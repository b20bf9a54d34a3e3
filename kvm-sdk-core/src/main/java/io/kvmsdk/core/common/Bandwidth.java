package io.kvmsdk.core.common;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <bandwidth>} of an interface: quality of service per direction. */
@Value.Immutable
public abstract class Bandwidth {
  /** The class id (live XML). */
  public abstract Optional<Integer> classID();

  public abstract Optional<BandwidthRate> inbound();

  public abstract Optional<BandwidthRate> outbound();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Bandwidth copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Bandwidth}. */
  public static class Builder extends ImmutableBandwidth.Builder {}
}
