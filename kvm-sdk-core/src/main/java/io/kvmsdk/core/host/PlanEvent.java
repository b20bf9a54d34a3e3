package io.kvmsdk.core.host;

import io.kvmsdk.core.KvmException;
import java.util.Optional;

/**
 * One moment of applying a {@link Plan}, for a {@link PlanListener}. {@code command} and
 * {@code error} are present where they apply; {@code toString()} masks secrets.
 */
public record PlanEvent(Type type, String host, int stepNumber, int stepCount, Step step,
    Optional<HostCommand> command, Optional<KvmException> error) {

  /** What happened. */
  public enum Type {
    /** A step begins (its check, if any, runs next). */
    STEP_STARTED,
    /** The step's check exited 0; nothing else runs for it. */
    STEP_SKIPPED,
    /** A command (check, change or undo) is about to run. */
    COMMAND_STARTED,
    /** All change commands of the step succeeded. */
    STEP_APPLIED,
    /** The step's check or a change command failed. */
    STEP_FAILED,
    /** Rollback of the applied steps begins. */
    ROLLBACK_STARTED,
    /** A step's undo commands succeeded. */
    STEP_UNDONE,
    /** A step's undo failed (or it has none); its changes stay. */
    STEP_NOT_UNDONE,
    /** Dry run: nothing ran; the script is in the result. */
    DRY_RUN
  }

  @Override public String toString() {
    return type + " step " + stepNumber + "/" + stepCount + (step == null ? "" : " (" + step.description() + ")")
        + " on " + host + command.map(c -> ": " + c).orElse("") + error.map(e -> " - " + e.getMessage()).orElse("");
  }
}
