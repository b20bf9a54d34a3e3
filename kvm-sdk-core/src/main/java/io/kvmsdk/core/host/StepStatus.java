package io.kvmsdk.core.host;

/** What applying a {@link Plan} did with one {@link Step}. */
public enum StepStatus {
  /** Its check exited 0: already done, nothing ran. */
  SKIPPED_ALREADY_DONE,
  /** Its change commands ran and it stays applied. */
  APPLIED,
  /** It was applied, then reverted by its undo commands because a later step failed. */
  UNDONE,
  /** Its undo failed during a rollback: its changes may be partly in place. */
  UNDO_FAILED,
  /** Its check or a change command failed. */
  FAILED,
  /** Not run: a dry run, or an earlier step failed. */
  NOT_RUN
}
