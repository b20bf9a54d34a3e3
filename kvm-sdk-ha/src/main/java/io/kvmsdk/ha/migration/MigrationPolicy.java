package io.kvmsdk.ha.migration;

import io.kvmsdk.core.InvalidSpecException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * What a {@link LiveMigration} does while the migration runs, by the job's elapsed time: raise the
 * maximum downtime step by step (a busy guest converges once what it dirties per pass fits in the
 * pause), switch to post-copy after a while (the guest then runs on the destination at once and pulls
 * the rest: it always ends, but a network failure meanwhile loses the guest), abort at a deadline (the
 * guest keeps running on the source). The job is polled every {@link #pollInterval()}; each poll feeds
 * the progress listener. Checked when built ({@code policy/...}).
 *
 * <pre>{@code
 * MigrationPolicy p = MigrationPolicy.builder()
 *     .raiseDowntime(Duration.ofMillis(500), Duration.ofSeconds(2), 4, Duration.ofSeconds(30))   // 500 ms at 30 s ... 2 s at 120 s
 *     .postCopyAfter(Duration.ofMinutes(3))
 *     .deadline(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class MigrationPolicy {
  /** How often the job is polled (default 500 ms). */
  @Value.Default public Duration pollInterval() { return Duration.ofMillis(500); }

  /** The maximum downtime steps, by the time they apply, each longer than the one before. */
  public abstract List<DowntimeStep> downtimeSteps();

  /** Switch to post-copy once the migration has run this long (needs {@link MigrationOptions#postCopy()}). */
  public abstract Optional<Duration> postCopyAfter();

  /** Abort once the migration has run this long, unless it is in post-copy already (which cannot be aborted). */
  public abstract Optional<Duration> deadline();

  public static Builder builder() { return new Builder(); }

  /** No steps, no post-copy, no deadline: the migration runs as libvirt runs it, watched every 500 ms. */
  public static MigrationPolicy none() { return builder().build(); }

  /** This policy with some changes. */
  public MigrationPolicy copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  private static InvalidSpecException bad(String field, String rule) { return new InvalidSpecException("policy/" + field, rule); }

  @Value.Check protected void check() {
    if (pollInterval().isNegative() || pollInterval().isZero() || pollInterval().compareTo(Duration.ofMinutes(1)) > 0) {
      throw bad("pollInterval", "must be more than 0 and at most 1 minute, got " + pollInterval());
    }
    for (int i = 0; i < downtimeSteps().size(); i++) {
      DowntimeStep s = downtimeSteps().get(i);
      String at = "downtimeSteps[" + i + "]";
      if (s.after().isNegative()) throw bad(at + "/after", "must not be negative, got " + s.after());
      if (s.maxDowntime().toMillis() < 1 || s.maxDowntime().toMillis() > 2_000_000) {
        throw bad(at + "/maxDowntime", "must be 1 ms..2000 s (QEMU's downtime-limit), got " + s.maxDowntime());
      }
      if (i > 0) {
        DowntimeStep prev = downtimeSteps().get(i - 1);
        if (s.after().compareTo(prev.after()) <= 0) throw bad(at + "/after", "must come after the step before (" + prev.after() + "), got " + s.after());
        if (s.maxDowntime().compareTo(prev.maxDowntime()) <= 0) {
          throw bad(at + "/maxDowntime", "must raise the downtime of the step before (" + prev.maxDowntime().toMillis() + " ms), got "
              + s.maxDowntime().toMillis() + " ms");
        }
      }
    }
    postCopyAfter().ifPresent(d -> {
      if (d.isNegative() || d.isZero()) throw bad("postCopyAfter", "must be more than 0, got " + d);
    });
    deadline().ifPresent(d -> {
      if (d.isNegative() || d.isZero()) throw bad("deadline", "must be more than 0, got " + d);
      if (!downtimeSteps().isEmpty() && d.compareTo(downtimeSteps().get(0).after()) <= 0) {
        throw bad("deadline", "comes at or before the first downtime step (" + downtimeSteps().get(0) + "): the migration would be aborted"
            + " before the policy raised its downtime, got " + d);
      }
      if (postCopyAfter().isPresent() && d.compareTo(postCopyAfter().get()) <= 0) {
        throw bad("deadline", "comes at or before postCopyAfter (" + postCopyAfter().get() + "): the migration would be aborted before"
            + " it switched to post-copy, got " + d);
      }
    });
  }

  @Override public String toString() {
    return "MigrationPolicy[poll " + pollInterval().toMillis() + " ms" + (downtimeSteps().isEmpty() ? "" : ", downtime " + downtimeSteps())
        + postCopyAfter().map(d -> ", post-copy after " + d.toMillis() / 1000.0 + "s").orElse("")
        + deadline().map(d -> ", abort at " + d.toMillis() / 1000.0 + "s").orElse("") + "]";
  }

  public static class Builder extends ImmutableMigrationPolicy.Builder {
    /** Adds a step: after the migration ran {@code after}, its maximum downtime becomes {@code maxDowntime}. */
    public Builder addDowntimeStep(Duration after, Duration maxDowntime) {
      addDowntimeStep(new DowntimeStep(after, maxDowntime));
      return this;
    }

    /**
     * Adds {@code steps} steps raising the maximum downtime evenly from {@code first} to {@code last}, one
     * every {@code every} from {@code every} on: {@code raiseDowntime(500 ms, 2 s, 4, 30 s)} sets 500 ms at
     * 30 s, 1 s at 60 s, 1.5 s at 90 s and 2 s at 120 s.
     */
    public Builder raiseDowntime(Duration first, Duration last, int steps, Duration every) {
      if (steps < 1) throw bad("downtimeSteps", "raiseDowntime needs at least one step, got " + steps);
      if (every.isNegative() || every.isZero()) throw bad("downtimeSteps", "raiseDowntime needs a positive interval, got " + every);
      for (int i = 0; i < steps; i++) {
        long ms = steps == 1 ? last.toMillis() : first.toMillis() + (last.toMillis() - first.toMillis()) * i / (steps - 1);
        addDowntimeStep(every.multipliedBy(i + 1L), Duration.ofMillis(ms));
      }
      return this;
    }
  }
}
