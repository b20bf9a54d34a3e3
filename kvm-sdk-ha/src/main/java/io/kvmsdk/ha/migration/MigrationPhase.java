package io.kvmsdk.ha.migration;

/** Where a running migration is, as {@link MigrationProgress} reports it. */
public enum MigrationPhase {
  /** The job exists but moves no data yet (a real destination starts its QEMU first). */
  STARTING,
  /** Passes over memory while the guest runs on the source. */
  PRECOPY,
  /** The guest runs on the destination, which pulls the pages left. */
  POSTCOPY
}
