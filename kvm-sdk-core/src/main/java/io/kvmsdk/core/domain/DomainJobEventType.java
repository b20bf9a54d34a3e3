package io.kvmsdk.core.domain;

/** The job events libvirt delivers ({@code VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION}, {@code VIR_DOMAIN_EVENT_ID_JOB_COMPLETED}). */
public enum DomainJobEventType {
  /** A migration started another pass over the guest's memory ({@link DomainJobEvent#iteration()} says which, from 1). */
  MIGRATION_ITERATION,
  /** A job (a migration, a save, ...) completed; {@link DomainJobEvent#stats()} holds its final statistics. */
  JOB_COMPLETED
}
