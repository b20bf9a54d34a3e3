package io.kvmsdk.ha.migration;

/**
 * Hears a {@link LiveMigration} while it runs, on the thread that called {@code run()}: every poll of the
 * job, and each thing the policy did. A listener that throws is logged; the migration goes on.
 */
@FunctionalInterface
public interface MigrationListener {
  /** One poll of the job. */
  void onProgress(MigrationProgress progress);

  /** The policy raised the downtime, switched to post-copy or aborted (default: nothing). */
  default void onAction(MigrationAction action) {}

  /** A listener that hears nothing. */
  static MigrationListener none() { return p -> {}; }
}
