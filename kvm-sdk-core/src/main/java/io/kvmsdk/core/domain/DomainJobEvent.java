package io.kvmsdk.core.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A job event of a domain: a migration's new pass over memory ({@code iteration} from 1) or a job's
 * completion (its final statistics as libvirt's typed parameters, as {@link DomainJobStats} reads them).
 */
public record DomainJobEvent(String domainName, DomainJobEventType type, int iteration, Map<String, Object> stats) {
  public DomainJobEvent {
    Objects.requireNonNull(domainName, "domainName");
    Objects.requireNonNull(type, "type");
    stats = Map.copyOf(stats);
  }

  /** A {@link DomainJobEventType#MIGRATION_ITERATION} event. */
  public static DomainJobEvent iteration(String domainName, int iteration) {
    return new DomainJobEvent(domainName, DomainJobEventType.MIGRATION_ITERATION, iteration, Map.of());
  }

  /** A {@link DomainJobEventType#JOB_COMPLETED} event with the job's final statistics. */
  public static DomainJobEvent completed(String domainName, Map<String, Object> stats) {
    return new DomainJobEvent(domainName, DomainJobEventType.JOB_COMPLETED, 0, stats);
  }

  /** The completed job's statistics, typed (for a {@link DomainJobEventType#JOB_COMPLETED} event). */
  public DomainJobStats completedStats() { return DomainJobStats.of(domainName, DomainJobType.COMPLETED, stats); }

  @Override public String toString() {
    return "DomainJobEvent[" + domainName + " " + type + (type == DomainJobEventType.MIGRATION_ITERATION ? " " + iteration : " " + stats) + "]";
  }
}
