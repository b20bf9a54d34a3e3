package io.kvmsdk.ha.migration;

import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.domain.DomainJobStats;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link LiveMigration} ended: {@link Outcome#COMPLETED} (the guest runs on the destination),
 * {@link Outcome#ABORTED} (the policy's deadline: the guest runs on the source) or {@link Outcome#FAILED}
 * (libvirt's error in {@link #error()}; the guest runs on the source unless it failed in post-copy), with
 * what the policy did, the last progress polled and the completed job's statistics (its downtime, totals).
 *
 * @param took how long {@code run()} took on the source connection's ticker
 */
public record MigrationResult(String domain, String source, String destination, Outcome outcome, Duration took, boolean postCopy,
    List<MigrationAction> actions, Optional<MigrationProgress> lastProgress, Optional<DomainJobStats> completedStats,
    Optional<KvmException> error) {
  /** How a migration ended. */
  public enum Outcome { COMPLETED, ABORTED, FAILED }

  public MigrationResult {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(outcome, "outcome");
    actions = List.copyOf(actions);
  }

  /** True when the guest runs on the destination now. */
  public boolean completed() { return outcome == Outcome.COMPLETED; }

  /** The downtime the guest saw, when the completed job reported it. */
  public Optional<Duration> downtime() { return completedStats.flatMap(DomainJobStats::downtime); }

  /** This result if completed; otherwise throws its error (an abort at the deadline as a {@link KvmException} saying so). */
  public MigrationResult orThrow() {
    if (completed()) return this;
    if (error.isPresent()) throw error.get();
    throw new KvmException("migration of '" + domain + "' from " + source + " to " + destination + " " + outcome);
  }

  /** {@code web1 fake:///hv1 -> fake:///hv2 COMPLETED in 81.5s (post-copy), downtime 0 ms; +30.0s MAX_DOWNTIME 1000 ms, ...}. */
  @Override public String toString() {
    return domain + " " + source + " -> " + destination + " " + outcome + " in " + took.toMillis() / 1000.0 + "s" + (postCopy ? " (post-copy)" : "")
        + downtime().map(d -> ", downtime " + d.toMillis() + " ms").orElse("") + (actions.isEmpty() ? "" : "; " + actions)
        + error.map(e -> "; " + e.getMessage()).orElse("");
  }
}
