package io.kvmsdk.storage.tiering;

/** How a volume will be used, which decides the tier it prefers. */
public enum IoProfile {
  /** Small random I/O where latency matters (databases, boot disks): the fastest tier first. */
  LATENCY,
  /** Large sequential I/O or no special need (bulk data, scratch): the slow tier first, a fast one if it is full. */
  THROUGHPUT,
  /** Cold data (backups, ISOs): the slowest tier only, never a fast one. */
  ARCHIVE
}
