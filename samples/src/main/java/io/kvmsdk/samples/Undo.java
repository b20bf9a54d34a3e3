package io.kvmsdk.samples;

import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.core.host.StepResult;
import io.kvmsdk.core.host.StepStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What a recipe's run did, to take back newest first when a later step fails: the recipes are all
 * or nothing. A failed undo is added to the original error as suppressed and the rest still run.
 */
final class Undo {
  private record Action(String what, Runnable action) {}

  private final Deque<Action> actions = new ArrayDeque<>();

  /** Remembers {@code action} (undoing what {@code what} says was done). */
  void push(String what, Runnable action) { actions.push(new Action(what, action)); }

  /**
   * Remembers to undo plan result {@code applied} on {@code runner}: the undo commands of the
   * steps it applied, last step first (steps found already so are left alone).
   */
  void plan(String what, CommandRunner runner, PlanResult applied) {
    List<StepResult> done = new ArrayList<>(applied.steps(StepStatus.APPLIED));
    if (done.isEmpty()) return;
    push(what, () -> {
      for (int i = done.size() - 1; i >= 0; i--) {
        for (HostCommand c : done.get(i).step().undo()) runner.run(c).orThrow();
      }
    });
  }

  /** Undoes everything, newest first; returns what was undone (and what could not be, marked). */
  List<String> run(Throwable cause) {
    List<String> out = new ArrayList<>();
    while (!actions.isEmpty()) {
      Action a = actions.pop();
      try {
        a.action().run();
        out.add(a.what());
      } catch (RuntimeException again) {
        if (cause != null) cause.addSuppressed(again);
        out.add(a.what() + " (NOT undone: " + Recipe.cause(again) + ")");
      }
    }
    return out;
  }
}
