package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <tune>} of an interface: tap tuning. */
@Value.Immutable
public abstract class NicTune {
  /** The tap send buffer size. */
  public abstract Optional<Long> sndbuf();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicTune copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NicTune}. */
  public static class Builder extends ImmutableNicTune.Builder {}
}
