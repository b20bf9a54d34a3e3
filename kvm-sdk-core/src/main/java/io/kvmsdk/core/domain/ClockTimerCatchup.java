package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <catchup>} of a timer with {@code tickpolicy='catchup'}: how missed ticks are made up. */
@Value.Immutable
public abstract class ClockTimerCatchup {
  /** The {@code threshold} attribute. */
  public abstract Optional<Integer> threshold();
  /** The {@code slew} attribute. */
  public abstract Optional<Integer> slew();
  /** The {@code limit} attribute. */
  public abstract Optional<Integer> limit();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public ClockTimerCatchup copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link ClockTimerCatchup}. */
  public static class Builder extends ImmutableClockTimerCatchup.Builder {}
}
