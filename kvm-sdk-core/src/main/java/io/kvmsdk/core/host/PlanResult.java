package io.kvmsdk.core.host;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What applying a {@link Plan} did: one {@link StepResult} per step, in plan order, and, for a
 * dry run, the script that would have run.
 */
public final class PlanResult {
  private final String host;
  private final List<StepResult> steps;
  private final String script;

  PlanResult(String host, List<StepResult> steps, String script) {
    this.host = host;
    this.steps = List.copyOf(steps);
    this.script = script;
  }

  /** Where the plan ran (or would run). */
  public String host() { return host; }

  /** One result per step, in plan order. */
  public List<StepResult> steps() { return steps; }

  /** The results with {@code status}. */
  public List<StepResult> steps(StepStatus status) {
    return steps.stream().filter(s -> s.status() == status).collect(Collectors.toUnmodifiableList());
  }

  /** True for a dry run. */
  public boolean dryRun() { return script != null; }

  /** The rendered script of a dry run. */
  public Optional<String> script() { return Optional.ofNullable(script); }

  /** True when at least one step was applied (false when everything was already done). */
  public boolean changed() { return steps.stream().anyMatch(s -> s.status() == StepStatus.APPLIED); }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("PlanResult on ").append(host).append(dryRun() ? " (dry run)" : "").append(':');
    for (StepResult s : steps) sb.append("\n  ").append(s.number()).append(". ").append(s.step().description())
        .append(": ").append(s.status()).append(s.note().isEmpty() ? "" : " (" + s.note() + ")");
    return sb.toString();
  }
}
