package io.kvmsdk.ha.migration;

import io.kvmsdk.core.domain.DomainJobStats;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One poll of a running migration: its phase, the job's elapsed time, the maximum downtime the policy
 * has set so far, and libvirt's job statistics ({@code virDomainGetJobStats}).
 */
public record MigrationProgress(String domain, MigrationPhase phase, Duration elapsed, Optional<Duration> maxDowntime, DomainJobStats stats) {
  public MigrationProgress {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(maxDowntime, "maxDowntime");
    Objects.requireNonNull(stats, "stats");
  }

  /** Bytes left in the current pass. */
  public OptionalLong dataRemaining() { return stats.dataRemaining(); }

  /** Bytes to move in all. */
  public OptionalLong dataTotal() { return stats.dataTotal(); }

  /** The pass over memory, from 1. */
  public OptionalLong iteration() { return stats.memoryIteration(); }

  /** The pause QEMU expects the switch-over to take now. */
  public Optional<Duration> expectedDowntime() { return stats.downtime(); }

  /** {@code web1 PRECOPY +12.5s pass 3, 18874368 B left, expected downtime 2300 ms (max 1000 ms)}. */
  @Override public String toString() {
    return domain + " " + phase + " +" + elapsed.toMillis() / 1000.0 + "s pass " + iteration().orElse(0) + ", " + dataRemaining().orElse(0)
        + " B left, expected downtime " + expectedDowntime().map(Duration::toMillis).orElse(-1L) + " ms"
        + maxDowntime.map(d -> " (max " + d.toMillis() + " ms)").orElse("");
  }
}
