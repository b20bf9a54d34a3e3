package io.kvmsdk.ha.migration;

import java.time.Duration;
import java.util.Objects;

/** One step of a {@link MigrationPolicy}: once the migration has run {@code after}, its maximum downtime becomes {@code maxDowntime}. */
public record DowntimeStep(Duration after, Duration maxDowntime) {
  public DowntimeStep {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(maxDowntime, "maxDowntime");
  }

  /** {@code +20s: 1000 ms}. */
  @Override public String toString() { return "+" + after.toMillis() / 1000.0 + "s: " + maxDowntime.toMillis() + " ms"; }
}
