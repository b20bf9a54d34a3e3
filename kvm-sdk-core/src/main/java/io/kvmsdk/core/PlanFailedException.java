package io.kvmsdk.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Applying a host plan failed at one step. Reports exactly the state the host was left in: the
 * step that failed, the steps that had been applied before it, which of them were rolled back and
 * which could not be (and why). The cause is the step's failure, usually a
 * {@link CommandFailedException} (or a {@link KvmTimeoutException}).
 */
public class PlanFailedException extends KvmException {
  private static final long serialVersionUID = 1L;

  /** A step of the plan: its 1-based number, its description and, where useful, a note (why it was not rolled back). */
  public record StepRef(int number, String description, String note) {
    @Override public String toString() {
      return number + " (" + description + ")" + (note == null || note.isEmpty() ? "" : ": " + note);
    }
  }

  private final String host;
  private final StepRef failedStep;
  private final int stepCount;
  private final List<StepRef> applied;
  private final List<StepRef> rolledBack;
  private final List<StepRef> notRolledBack;

  public PlanFailedException(String host, StepRef failedStep, int stepCount, List<StepRef> applied,
      List<StepRef> rolledBack, List<StepRef> notRolledBack, Throwable cause) {
    super(message(host, failedStep, stepCount, applied, rolledBack, notRolledBack, cause), cause,
        cause instanceof KvmException && ((KvmException) cause).retryable());
    this.host = host;
    this.failedStep = failedStep;
    this.stepCount = stepCount;
    this.applied = List.copyOf(applied);
    this.rolledBack = List.copyOf(rolledBack);
    this.notRolledBack = List.copyOf(notRolledBack);
  }

  private static String message(String host, StepRef failed, int count, List<StepRef> applied,
      List<StepRef> rolledBack, List<StepRef> notRolledBack, Throwable cause) {
    StringBuilder sb = new StringBuilder()
        .append("plan failed on ").append(host).append(" at step ").append(failed.number()).append('/')
        .append(count).append(" (").append(failed.description()).append(")");
    if (cause != null && cause.getMessage() != null) sb.append(": ").append(cause.getMessage());
    sb.append("; applied before the failure: ").append(list(applied));
    sb.append("; rolled back: ").append(list(rolledBack));
    sb.append("; NOT rolled back: ").append(list(notRolledBack));
    sb.append(notRolledBack.isEmpty()
        ? "; the host is back to its state before the plan"
        : "; the host keeps the changes of the steps not rolled back");
    return sb.toString();
  }

  private static String list(List<StepRef> steps) {
    return steps.isEmpty() ? "none" : steps.stream().map(StepRef::toString).collect(Collectors.joining(", ", "[", "]"));
  }

  /** Where the plan ran. */
  public String host() { return host; }

  /** The step that failed. */
  public StepRef failedStep() { return failedStep; }

  /** How many steps the plan has. */
  public int stepCount() { return stepCount; }

  /** The steps this run applied before the failure (not those skipped as already done), in order. */
  public List<StepRef> applied() { return applied; }

  /** The steps whose undo ran successfully, in the order they were undone. */
  public List<StepRef> rolledBack() { return rolledBack; }

  /** The steps whose changes remain on the host, each with the reason (no undo, undo failed, rollback disabled). */
  public List<StepRef> notRolledBack() { return notRolledBack; }
}
