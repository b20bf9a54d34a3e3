package io.kvmsdk.core.domain;

/** What a domain job does ({@code virDomainJobOperation}, the {@code operation} job statistic), plus UNKNOWN. */
public enum DomainJobOperation {
  UNKNOWN, START, SAVE, RESTORE, MIGRATION_IN, MIGRATION_OUT, SNAPSHOT, SNAPSHOT_REVERT, DUMP, BACKUP, SNAPSHOT_DELETE;

  /** The operation for libvirt's number; UNKNOWN when out of range. */
  public static DomainJobOperation of(int virDomainJobOperation) {
    return virDomainJobOperation > 0 && virDomainJobOperation < values().length ? values()[virDomainJobOperation] : UNKNOWN;
  }
}
