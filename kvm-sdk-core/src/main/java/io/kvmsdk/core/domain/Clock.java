package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <clock>}: the guest clock and its timers. */
@Value.Immutable
public abstract class Clock {
  public abstract Optional<String> offset();
  public abstract Optional<String> timezone();
  public abstract Optional<String> adjustment();
  public abstract Optional<String> basis();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Clock copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Clock}. */
  public static class Builder extends ImmutableClock.Builder {}
}
