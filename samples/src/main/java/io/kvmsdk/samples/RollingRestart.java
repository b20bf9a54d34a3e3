package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.KvmTimeoutException;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.spi.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts the running domains of a host one at a time (to pick up a new definition, a new QEMU
 * binary, a changed host setting), asking each guest to shut down and pulling the plug only when it
 * does not within the timeout; the next guest goes down only once the previous one runs again.
 *
 * <pre>{@code
 * try (Kvm kvm = Kvm.connect("qemu:///system")) {
 *   RollingRestart.Report report = RollingRestart.of(kvm).shutdownTimeout(Duration.ofMinutes(3)).run();
 *   System.out.println(report);
 * }
 * }</pre>
 *
 * <p>The policy, per domain, in the order the host lists them:
 * <ul>
 *   <li><b>Only running, persistent domains.</b> A transient domain has no definition to start
 *       again: stopping it deletes it, so it is {@link Outcome#SKIPPED skipped}. A paused domain is
 *       paused on purpose (and cannot react to a shutdown request): skipped too. Shut-off ones are
 *       left alone and not reported.
 *   <li><b>Graceful first.</b> {@code shutdown(timeout)} asks the guest (ACPI) and waits on the
 *       connection's {@link Ticker}: against the testkit's fake the wait passes in fake time.
 *   <li><b>Then forced.</b> On {@link KvmTimeoutException} the domain is destroyed (power cut). A
 *       guest that finishes shutting down just as the destroy arrives is fine: the destroy's
 *       "not running" refusal is ignored once the domain is seen shut off.
 *   <li><b>Start and wait for RUNNING</b> within the start timeout. Add your own readiness check
 *       (guest agent ping, HTTP health) where the comment in {@link #restart} says so.
 *   <li><b>Halt on failure</b> (default): after the first domain that fails, the rest are not
 *       touched ({@link Outcome#NOT_ATTEMPTED}), so one bad change does not take the whole host down.
 * </ul>
 * Immutable: the setters return a new instance.
 */
public final class RollingRestart {
  private static final Logger LOG = LoggerFactory.getLogger(RollingRestart.class);

  /** What happened to one domain. */
  public enum Outcome {
    /** The guest shut down when asked and runs again. */
    GRACEFUL,
    /** The guest ignored the shutdown request; it was destroyed after the timeout and runs again. */
    FORCED,
    /** Not restarted on purpose: transient or paused (see {@link Result#detail()}). */
    SKIPPED,
    /** A step failed; {@link Result#error()} says which and {@link Result#stateAfter()} where the domain was left. */
    FAILED,
    /** Not touched because an earlier domain failed and the rollout halted. */
    NOT_ATTEMPTED
  }

  private final Kvm kvm;
  private final Duration shutdownTimeout;
  private final Duration startTimeout;
  private final boolean haltOnFailure;

  private RollingRestart(Kvm kvm, Duration shutdownTimeout, Duration startTimeout, boolean haltOnFailure) {
    this.kvm = kvm;
    this.shutdownTimeout = shutdownTimeout;
    this.startTimeout = startTimeout;
    this.haltOnFailure = haltOnFailure;
  }

  /** A rolling restart of {@code kvm}'s running domains: 2 min to shut down, 1 min to start, halting on the first failure. */
  public static RollingRestart of(Kvm kvm) {
    return new RollingRestart(Objects.requireNonNull(kvm, "kvm"), Duration.ofMinutes(2), Duration.ofMinutes(1), true);
  }

  /** How long a guest may take to shut down when asked before it is destroyed. */
  public RollingRestart shutdownTimeout(Duration timeout) {
    return new RollingRestart(kvm, positive(timeout, "shutdownTimeout"), startTimeout, haltOnFailure);
  }

  /** How long a started domain may take to report RUNNING. */
  public RollingRestart startTimeout(Duration timeout) {
    return new RollingRestart(kvm, shutdownTimeout, positive(timeout, "startTimeout"), haltOnFailure);
  }

  /** Whether the rollout stops at the first failed domain (default true). */
  public RollingRestart haltOnFailure(boolean halt) { return new RollingRestart(kvm, shutdownTimeout, startTimeout, halt); }

  private static Duration positive(Duration d, String what) {
    if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(what + " must be positive, got " + d);
    return d;
  }

  /** Restarts every running domain in turn; never throws for one domain (see the report), only if the host cannot be listed. */
  public Report run() {
    List<Result> results = new ArrayList<>();
    boolean halted = false;
    for (Domain d : kvm.domains().list()) {
      DomainState state;
      try {
        state = d.state();
      } catch (KvmException e) {
        results.add(new Result(d.name(), Outcome.FAILED, "could not read its state", Optional.of(e), DomainState.UNKNOWN, Duration.ZERO));
        if (haltOnFailure) halted = true;
        continue;
      }
      if (!state.isActive()) continue;
      Result r = halted ? new Result(d.name(), Outcome.NOT_ATTEMPTED, "an earlier domain failed", Optional.empty(), state, Duration.ZERO)
          : restart(d, state);
      LOG.info("{}", r);
      results.add(r);
      if (r.outcome() == Outcome.FAILED && haltOnFailure) halted = true;
    }
    return new Report(kvm.uri(), List.copyOf(results));
  }

  private Result restart(Domain d, DomainState state) {
    String name = d.name();
    if (state != DomainState.RUNNING) return skipped(d, state, "it is " + state + ", not running");
    Ticker ticker = kvm.ticker();
    long down = ticker.nanoTime();
    Outcome how = Outcome.GRACEFUL;
    String step = "ask whether it is persistent";
    try {
      if (!d.isPersistent()) return skipped(d, state, "transient: stopping it would delete it");
      try {
        step = "shut down";
        d.shutdown(shutdownTimeout);
      } catch (KvmTimeoutException e) {
        how = Outcome.FORCED;
        step = "destroy after the shutdown timed out";
        destroy(d);
      }
      step = "start";
      d.start();
      d.waitFor(DomainState.RUNNING, startTimeout);
      // your readiness check goes here (guest agent ping, service health); throw to fail this domain
      return new Result(name, how, how == Outcome.GRACEFUL ? "shut down when asked" : "ignored the shutdown request for "
          + shutdownTimeout + ", destroyed", Optional.empty(), d.state(), Duration.ofNanos(ticker.nanoTime() - down));
    } catch (KvmException e) {
      return new Result(name, Outcome.FAILED, "failed to " + step, Optional.of(e), stateOf(d), Duration.ofNanos(ticker.nanoTime() - down));
    }
  }

  /** Destroys {@code d}, accepting libvirt's "not running" refusal when the guest got there on its own meanwhile. */
  private static void destroy(Domain d) {
    try {
      d.destroy();
    } catch (LibvirtException e) {
      if (stateOf(d) != DomainState.SHUTOFF) throw e;
    }
  }

  private static Result skipped(Domain d, DomainState state, String why) {
    return new Result(d.name(), Outcome.SKIPPED, why, Optional.empty(), state, Duration.ZERO);
  }

  private static DomainState stateOf(Domain d) {
    try {
      return d.state();
    } catch (KvmException e) {
      return DomainState.UNKNOWN;
    }
  }

  /**
   * What one domain went through.
   *
   * @param domain the domain's name
   * @param outcome what happened
   * @param detail the same in words: why it was skipped, which step failed
   * @param error the failure, for {@link Outcome#FAILED}
   * @param stateAfter the domain's state when the recipe left it (UNKNOWN if it could not be read)
   * @param downtime from the shutdown request until it ran again (or failed), on the connection's ticker
   */
  public record Result(String domain, Outcome outcome, String detail, Optional<KvmException> error, DomainState stateAfter,
      Duration downtime) {
    @Override public String toString() {
      return domain + " " + outcome + ": " + detail + error.map(e -> " (" + HostDrainer.cause(e) + ")").orElse("") + ", now " + stateAfter
          + (downtime.isZero() ? "" : ", down " + downtime);
    }
  }

  /** The results of one run, one per domain that was active, in order. {@link #complete()} when none failed or was left out. */
  public record Report(String host, List<Result> results) {
    /** True when no domain failed and none was left out by a halt. */
    public boolean complete() {
      return results.stream().noneMatch(r -> r.outcome() == Outcome.FAILED || r.outcome() == Outcome.NOT_ATTEMPTED);
    }

    /** Domain name to its outcome. */
    public Map<String, Outcome> outcomes() {
      Map<String, Outcome> out = new LinkedHashMap<>();
      for (Result r : results) out.put(r.domain(), r.outcome());
      return out;
    }

    /** The result of {@code domain}, if it was active. */
    public Optional<Result> result(String domain) { return results.stream().filter(r -> r.domain().equals(domain)).findFirst(); }

    @Override public String toString() {
      StringBuilder sb = new StringBuilder("rolling restart of " + host + ":\n");
      for (Result r : results) sb.append("  ").append(r).append('\n');
      return sb.toString();
    }
  }

  /**
   * Restarts the running domains of one host, printing the report; exits 1 when one failed. With no
   * arguments, on fake host hv1 with three guests. After {@code ./mvnw -q -DskipTests package}, from the project root:
   * <pre>java -cp "$(cat samples/target/classpath.txt):samples/target/classes" io.kvmsdk.samples.RollingRestart --uri qemu:///system</pre>
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != Recipe.DONE) System.exit(status);
  }

  /** {@link #main}'s work, returning its exit code: 0 all restarted, 1 a failure, 2 a bad argument or an unreachable host (nothing touched). */
  static int run(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
    return Recipe.named("RollingRestart").run(args, out, err, r -> {
      Kvm kvm = r.kvm("hv1");
      if (r.fake()) {
        for (String g : java.util.List.of("web1", "web2", "web3")) {
          kvm.domains().define(io.kvmsdk.core.domain.DomainSpec.builder().type("kvm").name(g).memory(io.kvmsdk.core.Size.mib(512))
              .osType("hvm").build()).start();
        }
      }
      Report report = RollingRestart.of(kvm).run();
      r.out().print(report);
      return report.complete() ? Recipe.DONE : Recipe.FAILED;
    });
  }
}
