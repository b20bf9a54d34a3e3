package io.kvmsdk.ha.migration;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.KvmSubscription;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.domain.DomainJobEvent;
import io.kvmsdk.core.domain.DomainJobEventType;
import io.kvmsdk.core.domain.DomainJobStats;
import io.kvmsdk.core.domain.DomainJobType;
import io.kvmsdk.core.spi.DomainDriver;
import io.kvmsdk.core.spi.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live migration of a domain from one host to another, run with typed {@link MigrationOptions}
 * and steered by a {@link MigrationPolicy}, reporting its progress to a {@link MigrationListener}.
 *
 * <pre>{@code
 * MigrationResult r = LiveMigration.of(hv1, "web1", hv2)
 *     .options(MigrationOptions.builder().bandwidth(200).postCopy(true).build())
 *     .policy(MigrationPolicy.builder().raiseDowntime(Duration.ofMillis(500), Duration.ofSeconds(2), 4, Duration.ofSeconds(20))
 *         .postCopyAfter(Duration.ofSeconds(120)).deadline(Duration.ofSeconds(300)).build())
 *     .listener(p -> log.info("{}", p))
 *     .run();
 * }</pre>
 *
 * <p>{@link #run()} subscribes to the source's job events, sets the starting maximum downtime, starts
 * the migration ({@code virDomainMigrate3}, or {@code virDomainMigrateToURI3} for a peer-to-peer
 * migration to {@link MigrationOptions#destinationUri()}) on a thread of its own, and polls the job
 * ({@code virDomainGetJobStats}) on the calling thread every {@link MigrationPolicy#pollInterval()} of the
 * source connection's {@link Ticker} (fake time on the testkit's fake). By the job's elapsed time it
 * applies the policy: the due downtime step, post-copy (once data moves: a real QEMU refuses the switch
 * before), the abort at the deadline. A poll that fails retryably (a dropped connection) is skipped.
 * It returns when the migration call returns: it never throws for a migration that failed or was aborted
 * (see {@link MigrationResult}), only for arguments it refuses before anything starts. Interrupting the
 * calling thread aborts the migration (unless it is in post-copy) and returns once it ended.
 *
 * <p>Immutable: the setters return a new instance.
 */
public final class LiveMigration {
  private static final Logger LOG = LoggerFactory.getLogger(LiveMigration.class);
  /** How long {@link #run()} waits (real time) for the migration's job to show up, or for the call to return once the job ended. */
  static final Duration REAL_WAIT = Duration.ofMinutes(5);

  private final Kvm source;
  private final String domain;
  private final Kvm destination;
  private final MigrationOptions options;
  private final MigrationPolicy policy;
  private final MigrationListener listener;

  private LiveMigration(Kvm source, String domain, Kvm destination, MigrationOptions options, MigrationPolicy policy,
      MigrationListener listener) {
    this.source = source;
    this.domain = domain;
    this.destination = destination;
    this.options = options;
    this.policy = policy;
    this.listener = listener;
  }

  /** The options and the policy agree (checked by {@link #run}, so they may be set in either order). */
  private void check() {
    if (policy.postCopyAfter().isPresent() && !options.postCopy()) {
      throw new InvalidSpecException("policy/postCopyAfter", "needs MigrationOptions.postCopy(true): libvirt switches only a migration started"
          + " with VIR_MIGRATE_POSTCOPY");
    }
  }

  /** A migration of {@code domain} from {@code source} to {@code destination} with the default options, no policy and no listener. */
  public static LiveMigration of(Kvm source, String domain, Kvm destination) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(destination, "destination");
    return new LiveMigration(source, domain, destination, MigrationOptions.defaults(), MigrationPolicy.none(), MigrationListener.none());
  }

  /** The options (default {@link MigrationOptions#defaults()}). */
  public LiveMigration options(MigrationOptions options) {
    return new LiveMigration(source, domain, destination, Objects.requireNonNull(options, "options"), policy, listener);
  }

  /** The policy (default {@link MigrationPolicy#none()}); a post-copy step needs {@link MigrationOptions#postCopy()} (checked by {@link #run}). */
  public LiveMigration policy(MigrationPolicy policy) {
    return new LiveMigration(source, domain, destination, options, Objects.requireNonNull(policy, "policy"), listener);
  }

  /** Who hears the progress and the policy's actions (default nobody). */
  public LiveMigration listener(MigrationListener listener) {
    return new LiveMigration(source, domain, destination, options, policy, Objects.requireNonNull(listener, "listener"));
  }

  public MigrationOptions options() { return options; }

  public MigrationPolicy policy() { return policy; }

  /**
   * Runs the migration to its end; see the class comment.
   *
   * @throws InvalidSpecException before anything reaches libvirt, when the policy needs an option not set
   */
  public MigrationResult run() {
    check();
    DomainDriver here = source.hypervisor().domains();
    Ticker ticker = source.ticker();
    long started = ticker.nanoTime();
    String target = options.destinationUri().orElse(destination.uri());
    Run r = new Run();
    AtomicReference<DomainJobStats> completed = new AtomicReference<>();
    KvmSubscription events;
    try {
      events = here.onJobEvent(e -> onJobEvent(e, completed));
    } catch (KvmException e) {
      return r.result(source.uri(), target, MigrationResult.Outcome.FAILED, ticker, started, Optional.empty(), e);
    }
    try {
      if (options.maxDowntime().isPresent()) {
        here.migrateSetMaxDowntime(domain, options.maxDowntime().get().toMillis());
        r.maxDowntime = options.maxDowntime();
      }
      FutureTask<Void> call = new FutureTask<>(() -> {
        if (options.destinationUri().isPresent()) {
          here.migrateToUri(domain, options.destinationUri().get(), options.params(), options.flags());
        } else {
          here.migrate(domain, destination.hypervisor(), options.params(), options.flags());
        }
      }, null);
      Thread t = new Thread(call, "kvm-sdk-migrate-" + domain);
      t.setDaemon(true);
      LOG.debug("migrating {} from {} to {} with {} under {}", domain, source.uri(), target, options, policy);
      t.start();
      watch(here, ticker, call, r);
      Optional<KvmException> failure = outcome(call);
      MigrationResult.Outcome outcome = failure.isEmpty() ? MigrationResult.Outcome.COMPLETED
          : r.aborted && failure.get() instanceof LibvirtException le && le.is("VIR_ERR_OPERATION_ABORTED") ? MigrationResult.Outcome.ABORTED
          : MigrationResult.Outcome.FAILED;
      Optional<DomainJobStats> stats = outcome == MigrationResult.Outcome.COMPLETED ? completedStats(completed) : Optional.empty();
      MigrationResult result = r.result(source.uri(), target, outcome, ticker, started, stats, failure.orElse(null));
      LOG.debug("{}", result);
      return result;
    } catch (KvmException e) {   // refused before it started (the starting downtime)
      return r.result(source.uri(), target, MigrationResult.Outcome.FAILED, ticker, started, Optional.empty(), e);
    } finally {
      events.close();
    }
  }

  /** What one run saw and did. */
  private final class Run {
    final List<MigrationAction> actions = new ArrayList<>();
    Optional<Duration> maxDowntime = Optional.empty();
    Optional<MigrationProgress> last = Optional.empty();
    int nextStep;
    boolean postCopy;
    boolean postCopyTried;
    boolean aborted;
    boolean deadlineNoted;

    MigrationResult result(String from, String to, MigrationResult.Outcome outcome, Ticker ticker, long started, Optional<DomainJobStats> stats,
        KvmException error) {
      return new MigrationResult(domain, from, to, outcome, Duration.ofNanos(ticker.nanoTime() - started), postCopy, actions, last, stats,
          Optional.ofNullable(error));
    }

    void act(MigrationAction a) {
      actions.add(a);
      LOG.debug("migration of {}: {}", domain, a);
      try {
        listener.onAction(a);
      } catch (RuntimeException e) {
        LOG.warn("a migration listener failed on {}", a, e);
      }
    }
  }

  private void onJobEvent(DomainJobEvent e, AtomicReference<DomainJobStats> completed) {
    if (!e.domainName().equals(domain)) return;
    if (e.type() == DomainJobEventType.JOB_COMPLETED) completed.set(e.completedStats());
  }

  /** Polls the job and applies the policy until the job is over (or the call returned). */
  private void watch(DomainDriver here, Ticker ticker, FutureTask<Void> call, Run r) {
    boolean seen = false;
    long realDeadline = System.nanoTime() + REAL_WAIT.toNanos();
    long started = ticker.nanoTime();
    while (!call.isDone()) {
      if (Thread.currentThread().isInterrupted()) {
        interrupted(here, ticker, started, r);
        return;
      }
      DomainJobStats s;
      try {
        s = here.jobStats(domain, false);
      } catch (NotFoundException gone) {
        return;   // the domain left the source: the call is about to return
      } catch (KvmException e) {
        LOG.debug("polling the migration of {} failed: {}", domain, e.getMessage());
        if (!e.retryable() && !seen) return;   // cannot watch it (the domain stopped?): wait for the call
        if (seen) sleep(ticker, r); else realSleep(5);
        continue;
      }
      if (!s.isActive()) {
        if (seen) return;   // the job ended: the call returns at once
        // not started yet: wait in real time, so a fake's clock does not move before the job exists
        if (System.nanoTime() > realDeadline) return;
        realSleep(5);
        continue;
      }
      seen = true;
      Duration elapsed = s.timeElapsed().orElse(Duration.ofNanos(ticker.nanoTime() - started));
      MigrationPhase phase = r.postCopy ? MigrationPhase.POSTCOPY : s.memoryTotal().orElse(0) > 0 ? MigrationPhase.PRECOPY : MigrationPhase.STARTING;
      MigrationProgress p = new MigrationProgress(domain, phase, elapsed, r.maxDowntime, s);
      r.last = Optional.of(p);
      try {
        listener.onProgress(p);
      } catch (RuntimeException e) {
        LOG.warn("a migration listener failed on {}", p, e);
      }
      applyPolicy(here, p, r);
      if (r.aborted) return;
      sleep(ticker, r);
    }
  }

  private void applyPolicy(DomainDriver here, MigrationProgress p, Run r) {
    Duration t = p.elapsed();
    List<DowntimeStep> steps = policy.downtimeSteps();
    int due = r.nextStep;
    while (due < steps.size() && steps.get(due).after().compareTo(t) <= 0) due++;
    if (due > r.nextStep && !r.postCopy) {
      DowntimeStep step = steps.get(due - 1);   // the latest due step: the ones passed in between would be lower
      r.nextStep = due;
      try {
        here.migrateSetMaxDowntime(domain, step.maxDowntime().toMillis());
        r.maxDowntime = Optional.of(step.maxDowntime());
        r.act(new MigrationAction(t, MigrationAction.Kind.MAX_DOWNTIME, step.maxDowntime().toMillis() + " ms", Optional.empty()));
      } catch (KvmException e) {
        r.act(new MigrationAction(t, MigrationAction.Kind.MAX_DOWNTIME, step.maxDowntime().toMillis() + " ms", Optional.of(e)));
      }
    }
    if (policy.postCopyAfter().isPresent() && !r.postCopyTried && p.phase() == MigrationPhase.PRECOPY
        && policy.postCopyAfter().get().compareTo(t) <= 0) {
      r.postCopyTried = true;
      try {
        here.migrateStartPostCopy(domain);
        r.postCopy = true;
        r.act(new MigrationAction(t, MigrationAction.Kind.POST_COPY, "switched to post-copy", Optional.empty()));
      } catch (KvmException e) {
        r.act(new MigrationAction(t, MigrationAction.Kind.POST_COPY, "switch to post-copy", Optional.of(e)));
      }
    }
    if (policy.deadline().isPresent() && policy.deadline().get().compareTo(t) <= 0) {
      if (r.postCopy) {
        if (!r.deadlineNoted) {
          r.deadlineNoted = true;
          r.act(new MigrationAction(t, MigrationAction.Kind.DEADLINE_IN_POST_COPY, "post-copy cannot be aborted: it goes on", Optional.empty()));
        }
      } else if (!r.aborted) {
        abort(here, t, "deadline " + policy.deadline().get().toMillis() / 1000.0 + "s", r);
      }
    }
  }

  private void abort(DomainDriver here, Duration t, String why, Run r) {
    try {
      here.abortJob(domain);
      r.aborted = true;
      r.act(new MigrationAction(t, MigrationAction.Kind.ABORT, why, Optional.empty()));
    } catch (KvmException e) {
      r.aborted = true;   // no job any more (it just ended) or libvirt refused: the call's result says which
      r.act(new MigrationAction(t, MigrationAction.Kind.ABORT, why, Optional.of(e)));
    }
  }

  private void interrupted(DomainDriver here, Ticker ticker, long started, Run r) {
    Duration t = r.last.map(MigrationProgress::elapsed).orElse(Duration.ofNanos(ticker.nanoTime() - started));
    if (!r.postCopy) abort(here, t, "interrupted", r);
  }

  private void sleep(Ticker ticker, Run r) {
    try {
      ticker.sleep(policy.pollInterval());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void realSleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits (real time) for the migration call: its failure, or empty when it succeeded. */
  private Optional<KvmException> outcome(FutureTask<Void> call) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          call.get(REAL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
          return Optional.empty();
        } catch (InterruptedException e) {
          interrupted = true;   // the abort was sent; the call ends soon
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof KvmException k) return Optional.of(k);
          return Optional.of(new KvmException("migration of '" + domain + "' failed: " + c, c, false));
        } catch (TimeoutException e) {
          return Optional.of(new KvmException("migration of '" + domain + "' did not return within " + REAL_WAIT.toMinutes()
              + " minutes after its job ended"));
        }
      }
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  /** The completed job's statistics: from the source's JOB_COMPLETED event, else the destination's completed job. */
  private Optional<DomainJobStats> completedStats(AtomicReference<DomainJobStats> fromEvent) {
    long until = System.nanoTime() + 2_000_000_000L;   // a real daemon's event may trail the call's return
    while (fromEvent.get() == null && System.nanoTime() < until) realSleep(10);
    if (fromEvent.get() != null) return Optional.of(fromEvent.get());
    try {
      DomainJobStats s = destination.hypervisor().domains().jobStats(domain, true);
      return s.type() == DomainJobType.COMPLETED ? Optional.of(s) : Optional.empty();
    } catch (KvmException e) {
      return Optional.empty();
    }
  }

  @Override public String toString() {
    return "LiveMigration[" + domain + " " + source.uri() + " -> " + options.destinationUri().orElse(destination.uri()) + ", " + options + ", "
        + policy + "]";
  }
}
