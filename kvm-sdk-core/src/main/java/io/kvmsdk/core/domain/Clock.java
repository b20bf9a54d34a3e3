package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <clock>}: how the guest clock is synchronised to the host, and its timers. */
@Value.Immutable
public abstract class Clock {
  /** {@code utc}, {@code localtime}, {@code timezone}, {@code variable} or {@code absolute}. */
  public abstract Optional<String> offset();
  /** The {@code timezone} attribute. */
  public abstract Optional<String> timezone();
  /** The {@code adjustment} attribute. */
  public abstract Optional<String> adjustment();
  /** {@code utc} or {@code localtime}, with {@code offset='variable'}. */
  public abstract Optional<String> basis();
  /** Epoch seconds, with {@code offset='absolute'}. */
  public abstract Optional<Long> start();
  /** The {@code <timer>} children, in order. */
  public abstract List<ClockTimer> timers();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  static final java.util.Set<String> OFFSETS = java.util.Set.of("utc", "localtime", "timezone", "variable", "absolute");

  /** The guest clock runs in UTC (right for Linux guests). */
  public static Clock utc() { return builder().offset("utc").build(); }

  /** The guest clock runs in the host's local time (what Windows guests expect). */
  public static Clock localtime() { return builder().offset("localtime").build(); }

  /** The guest clock runs in time zone {@code tz}, such as {@code Europe/Paris}. */
  public static Clock timezone(String tz) { return builder().offset("timezone").timezone(tz).build(); }

  /** The guest clock runs {@code adjustmentSeconds} ahead of {@code basis} ({@code utc} or {@code localtime}). */
  public static Clock variable(long adjustmentSeconds, String basis) {
    return builder().offset("variable").adjustment(Long.toString(adjustmentSeconds)).basis(basis).build();
  }

  /** A copy with {@code timer} added. */
  public Clock withTimer(ClockTimer timer) { return copy(b -> b.addTimer(timer)); }

  @Value.Check protected void check() {
    if (offset().isPresent() && !OFFSETS.contains(offset().get())) {
      throw new InvalidSpecException("@offset", "must be one of utc, localtime, timezone, variable, absolute, got '" + offset().get() + "'");
    }
    if (offset().equals(Optional.of("timezone")) && timezone().isEmpty()) {
      throw new InvalidSpecException("@timezone", "is required with offset='timezone'");
    }
  }

  /** Derives a changed copy. */
  public Clock copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Clock}. */
  public static class Builder extends ImmutableClock.Builder {}
}
