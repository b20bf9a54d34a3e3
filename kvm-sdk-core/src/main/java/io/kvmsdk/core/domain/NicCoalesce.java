package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <coalesce>} of an interface: interrupt coalescing. */
@Value.Immutable
public abstract class NicCoalesce {
  public abstract Optional<NicCoalesceRx> rx();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicCoalesce copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NicCoalesce}. */
  public static class Builder extends ImmutableNicCoalesce.Builder {}
}
