package io.kvmsdk.core.host;

import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.PlanFailedException.StepRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * An ordered list of {@link Step}s that bring a host to a desired state, idempotently: a step
 * whose check says it is done is skipped, so applying twice changes nothing the second time.
 * {@code toString()} lists the numbered steps with their argv (secrets masked); {@link #toScript()}
 * renders the same plan as a runnable POSIX sh script. Immutable and thread-safe.
 *
 * <pre>{@code
 * Plan plan = Plan.builder()
 *     .step(Step.builder("create bridge br0")
 *         .check(HostCommand.of("ip", "link", "show", "br0"))
 *         .change(HostCommand.of("ip", "link", "add", "br0", "type", "bridge"))
 *         .undo(HostCommand.of("ip", "link", "del", "br0")))
 *     .build();
 * System.out.println(plan);
 * PlanResult r = plan.apply(LocalCommandRunner.create());
 * }</pre>
 */
public final class Plan {
  private static final Plan EMPTY = new Plan(List.of());

  private final List<Step> steps;

  private Plan(List<Step> steps) { this.steps = List.copyOf(steps); }

  /** The plan with no steps. */
  public static Plan empty() { return EMPTY; }

  /** A plan of these steps, in order. */
  public static Plan of(Step... steps) { return new Plan(Arrays.asList(steps)); }

  /** A plan of these steps, in order. */
  public static Plan of(List<Step> steps) { return new Plan(steps); }

  /** The steps of {@code plans}, one plan after the other. */
  public static Plan concat(Plan... plans) {
    List<Step> all = new ArrayList<>();
    for (Plan p : plans) all.addAll(p.steps);
    return new Plan(all);
  }

  public static Builder builder() { return new Builder(); }

  /** This plan followed by {@code next}. */
  public Plan then(Plan next) { return concat(this, next); }

  /** This plan followed by {@code step}. */
  public Plan then(Step step) { return concat(this, of(step)); }

  /** The steps, in order. */
  public List<Step> steps() { return steps; }

  /** How many steps. */
  public int size() { return steps.size(); }

  public boolean isEmpty() { return steps.isEmpty(); }

  /**
   * The plan as a POSIX sh script ({@code set -eu}; each step {@code if check; then :; else change; fi},
   * every word quoted by {@link ShellQuote}). When a step fails the script undoes the steps it
   * applied, newest first, like {@link #apply}. Secret values are not written: each is read from an
   * environment variable ({@code KVMSDK_SECRET_<n>}, or the secret's name) that the script's header
   * lists and checks; secret stdin is fed from such a variable too. Command timeouts are not rendered.
   */
  public String toScript() { return PlanScript.render(steps); }

  /** Applies the plan with {@link ApplyOptions#defaults()}. */
  public PlanResult apply(CommandRunner runner) { return apply(runner, ApplyOptions.defaults()); }

  /**
   * Applies the plan: for each step, runs its check (exit 0: skip) or judges its {@link Probe} (a
   * probe's read runs once and is shared by the following steps until a change runs), then its change commands. At
   * the first failure it stops, runs the undo commands of the steps it applied (newest first,
   * including the failing step when some of its change commands had succeeded, or when its change
   * failed retryably (a lost connection, a timeout) and its check, run again, says it got done) and throws
   * {@link PlanFailedException} naming the failed step, what was applied, what was rolled back and
   * what could not be. A check whose connection was lost fails its step retryably rather than
   * counting as "not done"; an undo that fails retryably is checked again and, if the step is still
   * done, run once more. A dry run runs nothing and returns the script.
   *
   * @throws PlanFailedException when a step fails; its cause is the step's error
   */
  public PlanResult apply(CommandRunner runner, ApplyOptions options) {
    Objects.requireNonNull(runner, "runner");
    Objects.requireNonNull(options, "options");
    return new Applier(runner, options).run();
  }

  @Override public boolean equals(Object o) { return o instanceof Plan && ((Plan) o).steps.equals(steps); }

  @Override public int hashCode() { return steps.hashCode(); }

  /** The numbered steps with their commands (secrets masked). */
  @Override public String toString() {
    StringBuilder sb = new StringBuilder("Plan with ").append(steps.size()).append(steps.size() == 1 ? " step" : " steps");
    sb.append(steps.isEmpty() ? "" : ":");
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      sb.append("\n  ").append(i + 1).append(". ").append(PlanScript.comment(s.description()));
      s.check().ifPresent(c -> sb.append("\n       check:  ").append(c));
      s.probe().ifPresent(p -> sb.append("\n       probe:  ").append(p));
      for (HostCommand c : s.change()) sb.append("\n       change: ").append(c);
      for (HostCommand c : s.undo()) sb.append("\n       undo:   ").append(c);
    }
    return sb.toString();
  }

  /** One run of {@link #apply}. */
  private final class Applier {
    private final CommandRunner runner;
    private final ApplyOptions options;
    private final Logger log;
    private final String host;
    private final int n = steps.size();
    private final StepResult[] results = new StepResult[steps.size()];
    /** Outputs of probe reads of this run, dropped whenever a change or undo command runs. */
    private final java.util.Map<HostCommand, String> reads = new java.util.HashMap<>();
    /** The undo command run last, named by a failed undo's event. */
    private HostCommand lastUndo;

    Applier(CommandRunner runner, ApplyOptions options) {
      this.runner = runner;
      this.options = options;
      this.log = options.logger();
      this.host = runner.host();
      for (int i = 0; i < n; i++) results[i] = new StepResult(i + 1, steps.get(i), StepStatus.NOT_RUN, Optional.empty(), "");
    }

    PlanResult run() {
      if (options.isDryRun()) {
        String script = toScript();
        log.debug("dry run of a plan with {} steps for {}: nothing runs", n, host);
        emit(PlanEvent.Type.DRY_RUN, 0, null, null, null);
        return new PlanResult(host, List.of(results), script);
      }
      List<Integer> applied = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Step s = steps.get(i);
        int num = i + 1;
        emit(PlanEvent.Type.STEP_STARTED, num, s, null, null);
        int changesDone = 0;
        boolean changing = false;
        HostCommand current = null;
        try {
          if (checked(s)) {
            current = s.probe().isPresent() ? s.probe().get().read() : s.check().get();
            if (isDone(num, s)) {
              log.debug("step {}/{} ({}) on {}: already done, skipped", num, n, s.description(), host);
              results[i] = results[i].with(StepStatus.SKIPPED_ALREADY_DONE, null, "");
              emit(PlanEvent.Type.STEP_SKIPPED, num, s, current, null);
              continue;
            }
          }
          changing = true;
          for (HostCommand c : s.change()) {
            current = c;
            exec(num, s, "change", c).orThrow();
            changesDone++;
          }
        } catch (RuntimeException e) {
          KvmException err = asKvm(e, current);
          String note = changesDone == 0 ? "" : "failed after " + changesDone + " of " + s.change().size() + " change commands";
          boolean undoItToo = changesDone > 0;
          if (changing && err.retryable() && checked(s)) {
            // a lost reply or a timeout: the change may have taken effect anyway, so look before choosing what to undo
            String seen = recheck(num, s);
            if (!seen.equals("not done")) {
              undoItToo = true;
              note = (note.isEmpty() ? "" : note + "; ") + (seen.equals("done")
                  ? "its check says it got done although its change failed"
                  : "whether its change took effect is unknown (" + seen + ")");
            }
          }
          results[i] = results[i].with(StepStatus.FAILED, err, note);
          log.debug("step {}/{} ({}) on {}: failed: {}", num, n, s.description(), host, err.getMessage());
          emit(PlanEvent.Type.STEP_FAILED, num, s, current, err);
          throw rollBack(i, undoItToo, applied, err);
        }
        applied.add(i);
        results[i] = results[i].with(StepStatus.APPLIED, null, "");
        log.debug("step {}/{} ({}) on {}: applied", num, n, s.description(), host);
        emit(PlanEvent.Type.STEP_APPLIED, num, s, null, null);
      }
      return new PlanResult(host, List.of(results), null);
    }

    private boolean checked(Step s) { return s.probe().isPresent() || s.check().isPresent(); }

    /**
     * The step's probe or check says it is done. A check (or probe read) whose connection was lost
     * says nothing: it throws its retryable failure instead of concluding "not done".
     */
    private boolean isDone(int num, Step s) {
      if (s.probe().isPresent()) return probe(num, s, s.probe().get());
      CommandResult r = exec(num, s, "check", s.check().get());
      if (r.connectionLost()) throw r.toException();
      return r.ok();
    }

    /** After a retryable failure of a change or undo: {@code done}, {@code not done}, or why it could not be told. */
    private String recheck(int num, Step s) {
      try {
        return isDone(num, s) ? "done" : "not done";
      } catch (RuntimeException e) {
        return "re-check failed: " + asKvm(e, null).getMessage();
      }
    }

    /** Judges {@code p} on its read's output, run once and shared until a change or undo runs. */
    private boolean probe(int num, Step s, Probe p) {
      String out = reads.get(p.read());
      if (out == null) {
        CommandResult r = exec(num, s, "probe", p.read());
        if (r.connectionLost()) throw r.toException();
        if (!r.ok()) return false;
        out = r.stdout();
        reads.put(p.read(), out);
      }
      return p.test(out);
    }

    private CommandResult exec(int num, Step s, String role, HostCommand c) {
      if (!role.equals("probe") && !role.equals("check")) reads.clear();
      log.debug("step {}/{} ({}) on {}: {}: {}", num, n, s.description(), host, role, c);
      emit(PlanEvent.Type.COMMAND_STARTED, num, s, c, null);
      CommandResult r = runner.run(c);
      log.debug("step {}/{} on {}: {} exited {} in {} ms", num, n, host, role, r.exitCode(), r.duration().toMillis());
      return r;
    }

    private KvmException asKvm(RuntimeException e, HostCommand current) {
      if (e instanceof KvmException) return (KvmException) e;
      String msg = current == null ? String.valueOf(e.getMessage()) : current.redact(String.valueOf(e.getMessage()));
      return new KvmException("unexpected " + e.getClass().getName() + " on " + host + ": " + msg, e);
    }

    private PlanFailedException rollBack(int failed, boolean failedPartly, List<Integer> applied, KvmException cause) {
      List<StepRef> appliedRefs = new ArrayList<>();
      for (int i : applied) appliedRefs.add(ref(i, ""));
      List<Integer> toUndo = new ArrayList<>();
      if (failedPartly) toUndo.add(failed);
      for (int k = applied.size() - 1; k >= 0; k--) toUndo.add(applied.get(k));
      List<StepRef> rolledBack = new ArrayList<>();
      List<StepRef> notRolledBack = new ArrayList<>();
      if (!toUndo.isEmpty() && options.rollback()) {
        log.debug("rolling back {} steps on {}", toUndo.size(), host);
        emit(PlanEvent.Type.ROLLBACK_STARTED, failed + 1, steps.get(failed), null, cause);
      }
      for (int i : toUndo) {
        Step s = steps.get(i);
        boolean isFailed = i == failed;
        StepStatus keep = results[i].status();
        String partly = isFailed ? results[i].note() + "; " : "";
        if (!options.rollback()) {
          notRolledBack.add(ref(i, "rollback disabled"));
          results[i] = results[i].with(keep, results[i].error().orElse(null), partly + "not rolled back: rollback disabled");
          continue;
        }
        if (s.undo().isEmpty()) {
          notRolledBack.add(ref(i, "no undo command"));
          results[i] = results[i].with(keep, results[i].error().orElse(null), partly + "not rolled back: no undo command");
          log.debug("step {}/{} ({}) on {}: cannot be rolled back, it has no undo command", i + 1, n, s.description(), host);
          emit(PlanEvent.Type.STEP_NOT_UNDONE, i + 1, s, null, null);
          continue;
        }
        try {
          try {
            runUndo(i, s);
          } catch (KvmException first) {
            // a lost reply or a timeout: the undo may have worked; if its check says the step is still done, undo once more
            if (!first.retryable() || !checked(s)) throw first;
            String seen = recheck(i + 1, s);
            if (seen.equals("done")) runUndo(i, s);
            else if (!seen.equals("not done")) throw first;
          }
          rolledBack.add(ref(i, ""));
          results[i] = isFailed
              ? results[i].with(StepStatus.FAILED, results[i].error().orElse(null), partly + "rolled back")
              : results[i].with(StepStatus.UNDONE, null, "");
          emit(PlanEvent.Type.STEP_UNDONE, i + 1, s, null, null);
        } catch (RuntimeException e) {
          KvmException ue = asKvm(e, lastUndo);
          notRolledBack.add(ref(i, "undo failed: " + ue.getMessage()));
          results[i] = isFailed
              ? results[i].with(StepStatus.FAILED, results[i].error().orElse(null), partly + "undo failed: " + ue.getMessage())
              : results[i].with(StepStatus.UNDO_FAILED, ue, "");
          log.debug("step {}/{} ({}) on {}: undo failed: {}", i + 1, n, s.description(), host, ue.getMessage());
          emit(PlanEvent.Type.STEP_NOT_UNDONE, i + 1, s, lastUndo, ue);
        }
      }
      return new PlanFailedException(host, ref(failed, results[failed].note()), n, appliedRefs, rolledBack, notRolledBack, cause);
    }

    /** Runs step {@code i}'s undo commands, throwing at the first failure (as a {@link KvmException}). */
    private void runUndo(int i, Step s) {
      for (HostCommand u : s.undo()) {
        lastUndo = u;
        try {
          exec(i + 1, s, "undo", u).orThrow();
        } catch (RuntimeException e) {
          throw asKvm(e, u);
        }
      }
    }

    private StepRef ref(int i, String note) { return new StepRef(i + 1, steps.get(i).description(), note); }

    private void emit(PlanEvent.Type type, int num, Step s, HostCommand c, KvmException e) {
      PlanEvent event = new PlanEvent(type, host, num, n, s, Optional.ofNullable(c), Optional.ofNullable(e));
      try {
        options.listener().onEvent(event);
      } catch (RuntimeException listenerError) {
        // a broken listener must not leave the host half-applied: note it and carry on
        log.warn("plan listener failed on {}: {}", event, listenerError.toString());
      }
    }
  }

  /** Builds a {@link Plan}. */
  public static final class Builder {
    private final List<Step> steps = new ArrayList<>();

    private Builder() {}

    /** Appends a step. */
    public Builder step(Step step) { steps.add(Objects.requireNonNull(step, "step")); return this; }

    /** Appends the step {@code step} builds. */
    public Builder step(Step.Builder step) { return step(step.build()); }

    /** Appends a step that always runs {@code change}. */
    public Builder step(String description, HostCommand change) { return step(Step.of(description, change)); }

    /** Appends steps. */
    public Builder steps(List<Step> more) { more.forEach(this::step); return this; }

    /** Appends the steps of {@code plan}. */
    public Builder plan(Plan plan) { return steps(plan.steps()); }

    public Plan build() { return new Plan(steps); }
  }
}
