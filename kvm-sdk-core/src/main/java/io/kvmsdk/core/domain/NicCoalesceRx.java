package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <rx>} of an interface coalesce setting. */
@Value.Immutable
public abstract class NicCoalesceRx {
  /** {@code <frames max='..'/>}: packets received before an interrupt. */
  public abstract Optional<Integer> framesMax();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicCoalesceRx copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NicCoalesceRx}. */
  public static class Builder extends ImmutableNicCoalesceRx.Builder {}
}
