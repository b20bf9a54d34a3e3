package io.kvmsdk.core.host;

import io.kvmsdk.core.KvmException;
import java.util.Optional;

/**
 * The outcome of one step: its 1-based number, the step, its status, the error that failed it (or
 * its undo), and a note in words (e.g. why it was not rolled back).
 */
public record StepResult(int number, Step step, StepStatus status, Optional<KvmException> error, String note) {
  public StepResult {
    error = error == null ? Optional.empty() : error;
    note = note == null ? "" : note;
  }

  StepResult with(StepStatus status, KvmException error, String note) {
    return new StepResult(number, step, status, Optional.ofNullable(error), note);
  }

  @Override public String toString() {
    return number + ". " + step.description() + ": " + status + (note.isEmpty() ? "" : " (" + note + ")")
        + error.map(e -> " - " + e.getMessage()).orElse("");
  }
}
