package io.kvmsdk.ha.migration;

import io.kvmsdk.core.KvmException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What a {@link MigrationPolicy} did to a running migration, when (the job's elapsed time), and the error if libvirt refused it. */
public record MigrationAction(Duration at, Kind kind, String detail, Optional<KvmException> failure) {
  /** The policy's moves. */
  public enum Kind {
    /** Set a new maximum downtime ({@code virDomainMigrateSetMaxDowntime}). */
    MAX_DOWNTIME,
    /** Switched to post-copy ({@code virDomainMigrateStartPostCopy}). */
    POST_COPY,
    /** Aborted at the deadline ({@code virDomainAbortJob}). */
    ABORT,
    /** The deadline passed in post-copy, which cannot be aborted: the migration goes on. */
    DEADLINE_IN_POST_COPY
  }

  public MigrationAction {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(failure, "failure");
  }

  /** True when libvirt did what the policy asked. */
  public boolean succeeded() { return failure.isEmpty(); }

  /** {@code +30.0s MAX_DOWNTIME 1000 ms} or {@code +60.0s POST_COPY FAILED: ...}. */
  @Override public String toString() {
    return "+" + at.toMillis() / 1000.0 + "s " + kind + " " + detail + failure.map(e -> " FAILED: " + e.getMessage()).orElse("");
  }
}
