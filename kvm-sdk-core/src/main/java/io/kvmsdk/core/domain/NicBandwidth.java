package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <bandwidth>} of an interface: quality of service per direction. */
@Value.Immutable
public abstract class NicBandwidth {
  /** The class id (live XML). */
  public abstract Optional<Integer> classID();

  public abstract Optional<NicBandwidthRate> inbound();

  public abstract Optional<NicBandwidthRate> outbound();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicBandwidth copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NicBandwidth}. */
  public static class Builder extends ImmutableNicBandwidth.Builder {}
}
