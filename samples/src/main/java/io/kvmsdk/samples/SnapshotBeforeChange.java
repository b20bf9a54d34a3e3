package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.KvmTimeoutException;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSnapshot;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.domain.SnapshotSpec;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes a domain's definition with a way back: takes a snapshot, redefines the domain, restarts
 * it if it was running so the change takes effect, checks the guest, and reverts to the snapshot
 * when any step or the check fails.
 *
 * <pre>{@code
 * try (Kvm kvm = Kvm.connect("qemu:///system")) {
 *   SnapshotBeforeChange.Result r = SnapshotBeforeChange.of(kvm)
 *       .check(d -> myHealthProbe.isUp(d.name()))
 *       .apply("web1", spec -> spec.copy(b -> b.memory(Size.gib(8))));
 *   System.out.println(r);
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Snapshot first, or nothing.</b> An internal snapshot (QEMU keeps it inside the qcow2
 *       images: every disk must be qcow2). If it cannot be taken, nothing is changed
 *       ({@link Outcome#NOT_APPLIED}).
 *   <li><b>Restart to apply.</b> A running domain is asked to shut down, destroyed if it has not
 *       within the timeout (waiting on the connection's ticker: fake time against the testkit), then
 *       started with the new definition and checked. A shut-off domain is only redefined.
 *   <li><b>Revert on failure.</b> The snapshot brings back the disks, the state (running guests
 *       resume from the snapshot's memory) and the definition; the old definition is also defined
 *       again explicitly, so the way back does not depend on the hypervisor restoring it. Reverting
 *       loses what the guest wrote after the snapshot: right for a change that fails within minutes,
 *       not for a database that took writes meanwhile.
 *   <li><b>Clean up.</b> The snapshot is deleted once the domain is either changed and healthy or
 *       back where it was, unless {@link #keepSnapshot(boolean)} says otherwise.
 * </ul>
 * Immutable: the setters return a new instance.
 */
public final class SnapshotBeforeChange {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotBeforeChange.class);

  /** How a change ended. */
  public enum Outcome {
    /** The new definition is in place (and, for a running domain, running and checked). */
    APPLIED,
    /** A step or the check failed; the domain is back at the snapshot with its old definition. */
    REVERTED,
    /** Nothing was touched: the new definition was invalid or the snapshot could not be taken. */
    NOT_APPLIED,
    /** The change failed and so did the revert: look at the domain now; the snapshot is kept. */
    REVERT_FAILED,
    /** The change left the definition as it was; nothing was done. */
    UNCHANGED
  }

  private final Kvm kvm;
  private final Duration shutdownTimeout;
  private final Duration startTimeout;
  private final Predicate<Domain> check;
  private final boolean keepSnapshot;

  private SnapshotBeforeChange(Kvm kvm, Duration shutdownTimeout, Duration startTimeout, Predicate<Domain> check, boolean keepSnapshot) {
    this.kvm = kvm;
    this.shutdownTimeout = shutdownTimeout;
    this.startTimeout = startTimeout;
    this.check = check;
    this.keepSnapshot = keepSnapshot;
  }

  /** Changes on {@code kvm}: 2 min to shut down, 1 min to reach RUNNING, no further check, snapshot deleted afterwards. */
  public static SnapshotBeforeChange of(Kvm kvm) {
    return new SnapshotBeforeChange(Objects.requireNonNull(kvm, "kvm"), Duration.ofMinutes(2), Duration.ofMinutes(1), d -> true, false);
  }

  /** How long the guest may take to shut down when asked before it is destroyed. */
  public SnapshotBeforeChange shutdownTimeout(Duration timeout) {
    return new SnapshotBeforeChange(kvm, Objects.requireNonNull(timeout), startTimeout, check, keepSnapshot);
  }

  /** How long the restarted domain may take to report RUNNING. */
  public SnapshotBeforeChange startTimeout(Duration timeout) {
    return new SnapshotBeforeChange(kvm, shutdownTimeout, Objects.requireNonNull(timeout), check, keepSnapshot);
  }

  /** Your readiness check of the restarted guest (service up, agent answering); false or an exception reverts. */
  public SnapshotBeforeChange check(Predicate<Domain> check) {
    return new SnapshotBeforeChange(kvm, shutdownTimeout, startTimeout, Objects.requireNonNull(check), keepSnapshot);
  }

  /** Keep the snapshot after the change (default false: deleted once the outcome is settled). */
  public SnapshotBeforeChange keepSnapshot(boolean keep) {
    return new SnapshotBeforeChange(kvm, shutdownTimeout, startTimeout, check, keep);
  }

  /**
   * Applies {@code change} to the persistent definition of {@code domain}; see the class comment.
   * Throws only when the domain does not exist ({@link io.kvmsdk.core.NotFoundException}) or cannot
   * be read; every other failure is in the result.
   */
  public Result apply(String domain, UnaryOperator<DomainSpec> change) {
    Domain d = kvm.domains().get(domain);
    DomainSpec before = d.inactiveSpec();
    boolean wasRunning = d.state() == DomainState.RUNNING;
    DomainSpec after;
    try {
      after = change.apply(before);   // specs validate when built: an invalid change fails here
    } catch (KvmException e) {
      return new Result(domain, Outcome.NOT_APPLIED, "the new definition is invalid", Optional.empty(), Optional.of(e), d.state());
    }
    if (asStored(after).equals(asStored(before))) return new Result(domain, Outcome.UNCHANGED, "nothing to change", Optional.empty(), Optional.empty(), d.state());

    DomainSnapshot snap;
    try {
      snap = d.snapshots().create(SnapshotSpec.builder().name("before-change-" + UUID.randomUUID().toString().substring(0, 8))
          .description("taken by SnapshotBeforeChange before redefining " + domain).build());
    } catch (KvmException e) {
      return new Result(domain, Outcome.NOT_APPLIED, "could not take a snapshot; nothing changed", Optional.empty(), Optional.of(e), d.state());
    }
    LOG.info("snapshot {} of {} taken; applying the change", snap.name(), domain);

    String step = "define the new definition";
    try {
      kvm.domains().define(after);
      if (wasRunning) {
        step = "shut down";
        try {
          d.shutdown(shutdownTimeout);
        } catch (KvmTimeoutException e) {
          step = "destroy after the shutdown timed out";
          d.destroy();
        }
        step = "start with the new definition";
        d.start();
        d.waitFor(DomainState.RUNNING, startTimeout);
        step = "pass the check";
        if (!check.test(d)) throw new KvmException("the check of '" + domain + "' failed after the change");
      }
    } catch (RuntimeException failure) {
      return revert(d, before, snap, "failed to " + step, failure);
    }
    return settled(d, snap, new Result(domain, Outcome.APPLIED, wasRunning ? "redefined, restarted and checked" : "redefined (shut off)",
        Optional.of(snap.name()), Optional.empty(), d.state()));
  }

  private Result revert(Domain d, DomainSpec before, DomainSnapshot snap, String what, RuntimeException failure) {
    KvmException cause = failure instanceof KvmException k ? k : new KvmException(what + ": " + failure, failure);
    LOG.warn("{} {}: {}; reverting to snapshot {}", what, d.name(), failure.getMessage(), snap.name());
    try {
      snap.revert();
      kvm.domains().define(before);
    } catch (KvmException e) {
      cause.addSuppressed(e);
      return new Result(d.name(), Outcome.REVERT_FAILED, what + ", and reverting failed too (" + e.getMessage() + "); snapshot kept",
          Optional.of(snap.name()), Optional.of(cause), stateOf(d));
    }
    return settled(d, snap, new Result(d.name(), Outcome.REVERTED, what + "; reverted to the snapshot", Optional.of(snap.name()),
        Optional.of(cause), stateOf(d)));
  }

  /** Deletes the snapshot unless asked to keep it; a failed delete is logged, not fatal (the change itself is settled). */
  private Result settled(Domain d, DomainSnapshot snap, Result result) {
    if (keepSnapshot) return result;
    try {
      snap.delete();
      return new Result(result.domain(), result.outcome(), result.detail(), Optional.empty(), result.error(), result.stateAfter());
    } catch (KvmException e) {
      LOG.warn("could not delete snapshot {} of {}: {}", snap.name(), d.name(), e.getMessage());
      return result;
    }
  }

  /**
   * The spec with its memory sizes in KiB, as libvirt stores them: {@code Size} keeps the unit it was
   * written with (lossless), so 512 MiB and libvirt's 524288 KiB are different values but the same definition.
   */
  static DomainSpec asStored(DomainSpec spec) {
    return spec.copy(b -> {
      spec.memory().ifPresent(m -> b.memory(io.kvmsdk.core.Size.kib(m.kib())));
      spec.currentMemory().ifPresent(m -> b.currentMemory(io.kvmsdk.core.Size.kib(m.kib())));
    });
  }

  private static DomainState stateOf(Domain d) {
    try {
      return d.state();
    } catch (KvmException e) {
      return DomainState.UNKNOWN;
    }
  }

  /**
   * How one change went.
   *
   * @param domain the domain's name
   * @param outcome how it ended
   * @param detail the same in words: which step failed
   * @param snapshot the name of the snapshot still there (kept on request, or after a failed revert)
   * @param error what failed, if anything (a failed revert's error is suppressed in it)
   * @param stateAfter the domain's state when the recipe left it
   */
  public record Result(String domain, Outcome outcome, String detail, Optional<String> snapshot, Optional<KvmException> error,
      DomainState stateAfter) {
    @Override public String toString() {
      return domain + " " + outcome + ": " + detail + error.map(e -> " (" + e.getMessage() + ")").orElse("") + ", now " + stateAfter
          + snapshot.map(s -> ", snapshot " + s + " kept").orElse("");
    }
  }
}
