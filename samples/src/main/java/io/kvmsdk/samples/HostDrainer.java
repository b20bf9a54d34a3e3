package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.MigrateOption;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.domain.DomainStats;
import io.kvmsdk.core.spi.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains a host before maintenance: live-migrates every active domain off a source host onto a
 * set of destination hosts, one domain at a time, and reports what moved where and what did not.
 *
 * <pre>{@code
 * try (Kvm hv1 = Kvm.connect("qemu+ssh://hv1/system");
 *      Kvm hv2 = Kvm.connect("qemu+ssh://hv2/system");
 *      Kvm hv3 = Kvm.connect("qemu+ssh://hv3/system")) {
 *   HostDrainer.Report report = HostDrainer.of(hv1, List.of(hv2, hv3)).drain();
 *   System.out.println(report);                 // one line per domain
 *   if (!report.complete()) System.exit(1);     // something still runs on hv1
 * }
 * }</pre>
 *
 * <p>The policy, in the order it is applied:
 * <ul>
 *   <li><b>Which domains</b>: every active domain of the source ({@link DomainState#isActive()}:
 *       running, paused, blocked...), as listed when {@link #drain()} starts, narrowed by
 *       {@link #only}. Shut-off definitions stay where they are: they hold no memory or CPU.
 *   <li><b>Where</b>: for each domain, the destinations with room for its memory first, the one with
 *       the most free memory ({@code kvm.node().freeMemory()}) first, then the one running fewest
 *       active domains; ties keep the order given. Destinations without room come after them (the
 *       host may overcommit); a destination that cannot be asked (host down, connection lost) goes
 *       last instead of being dropped.
 *   <li><b>Retry</b>: a failure that {@link KvmException#retryable() may pass} (dropped connection,
 *       timeout, destination down) is retried on the same destination after a backoff that doubles
 *       from {@link #backoff initial} to {@link #backoff max}, up to {@link #maxAttempts} attempts per
 *       destination; then the next destination is tried. The backoff runs on a {@link Ticker}: the
 *       source connection's by default, so against the testkit's fake it passes in fake time.
 *   <li><b>Another destination</b>: a failure libvirt will repeat (the migration failed midway, the
 *       destination refuses the domain's CPU or name) moves on to the next destination at once.
 *   <li><b>Did it move anyway?</b> A connection may drop after the destination took the guest over;
 *       after every failure the drainer looks on the destination, and a domain running there and no
 *       longer on the source counts as moved.
 *   <li><b>Never half-moved</b>: libvirt's migration is all-or-nothing, a failed one leaves the guest
 *       running on the source. The drainer itself never destroys, undefines or restarts anything, so
 *       a domain that could not be moved is still running on the source, untouched.
 * </ul>
 *
 * Immutable: the setters return a new drainer. Not for parallel migrations (one
 * at a time keeps the network and the destinations' load predictable).
 */
public final class HostDrainer {
  private static final Logger LOG = LoggerFactory.getLogger(HostDrainer.class);

  private final Kvm source;
  private final List<Kvm> destinations;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Ticker ticker;
  private final Set<MigrateOption> options;
  private final Predicate<String> only;
  private final Recipe.Progress progress;

  private HostDrainer(Kvm source, List<Kvm> destinations, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
      Ticker ticker, Set<MigrateOption> options, Predicate<String> only, Recipe.Progress progress) {
    this.source = source;
    this.destinations = destinations;
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.ticker = ticker;
    this.options = options;
    this.only = only;
    this.progress = progress;
  }

  /**
   * A drainer moving the active domains of {@code source} onto {@code destinations}, with 3 attempts
   * per destination, a backoff from 1 s to 30 s, the source connection's ticker and
   * {@link MigrateOption#defaults()} (live, persistent on the destination, undefined on the source).
   */
  public static HostDrainer of(Kvm source, List<Kvm> destinations) {
    Objects.requireNonNull(source, "source");
    List<Kvm> dests = List.copyOf(destinations);
    if (dests.isEmpty()) throw new IllegalArgumentException("a drain needs at least one destination");
    for (Kvm d : dests) {
      if (d.uri().equals(source.uri())) throw new IllegalArgumentException("destination " + d.uri() + " is the source itself");
    }
    return new HostDrainer(source, dests, 3, Duration.ofSeconds(1), Duration.ofSeconds(30), source.ticker(),
        MigrateOption.defaults(), name -> true, Recipe.Progress.NONE);
  }

  /** How many times one destination is tried for one domain when failures are retryable (at least 1). */
  public HostDrainer maxAttempts(int attempts) {
    if (attempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1, got " + attempts);
    return new HostDrainer(source, destinations, attempts, initialBackoff, maxBackoff, ticker, options, only, progress);
  }

  /** The wait before the first retry ({@code initial}), doubling on each further retry up to {@code max}. */
  public HostDrainer backoff(Duration initial, Duration max) {
    if (initial.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 <= initial <= max, got " + initial + " and " + max);
    }
    return new HostDrainer(source, destinations, maxAttempts, initial, max, ticker, options, only, progress);
  }

  /** The time the backoff waits in (default: {@code source.ticker()}). */
  public HostDrainer ticker(Ticker ticker) {
    return new HostDrainer(source, destinations, maxAttempts, initialBackoff, maxBackoff, Objects.requireNonNull(ticker, "ticker"), options,
        only, progress);
  }

  /** The migration flags (default {@link MigrateOption#defaults()}). */
  public HostDrainer options(MigrateOption first, MigrateOption... more) {
    return new HostDrainer(source, destinations, maxAttempts, initialBackoff, maxBackoff, ticker, EnumSet.of(first, more), only, progress);
  }

  /**
   * Moves only the active domains whose name {@code domainName} accepts (default: all), e.g. to leave
   * guests with local disks or passed-through devices, which cannot live-migrate, for a planned shutdown.
   * The others are left running and do not appear in the report.
   */
  public HostDrainer only(Predicate<String> domainName) {
    return new HostDrainer(source, destinations, maxAttempts, initialBackoff, maxBackoff, ticker, options,
        Objects.requireNonNull(domainName, "domainName"), progress);
  }

  /** Who hears "moving domain i of n" before each domain (default: nobody; the command line prints it). */
  public HostDrainer progress(Recipe.Progress progress) {
    return new HostDrainer(source, destinations, maxAttempts, initialBackoff, maxBackoff, ticker, options, only,
        Objects.requireNonNull(progress, "progress"));
  }

  /**
   * Moves every domain active on the source now; never throws for a domain that cannot be moved
   * (see the report), only when the source's domains cannot be listed at all.
   */
  public Report drain() {
    long started = ticker.nanoTime();
    // one bulk call (virConnectGetAllDomainStats) gives every domain with its state
    List<String> active = source.domains().stats().values().stream().filter(s -> s.state().isActive()).map(DomainStats::domainName)
        .filter(only).toList();
    LOG.info("draining {}: {} active domain(s) to {}", source.uri(), active.size(), destinations.stream().map(Kvm::uri).toList());
    List<Moved> moved = new ArrayList<>();
    List<NotMoved> notMoved = new ArrayList<>();
    for (int i = 0; i < active.size(); i++) {
      String name = active.get(i);
      if (Thread.currentThread().isInterrupted()) {
        for (String rest : active.subList(i, active.size())) notMoved.add(new NotMoved(rest, source.uri(), "drain interrupted", List.of()));
        break;
      }
      progress.step(i + 1, active.size(), "moving " + name + " off " + source.uri());
      Outcome outcome = move(name);
      if (outcome.destination != null) {
        moved.add(new Moved(name, outcome.destination, outcome.attempts));
        LOG.info("moved {} to {}", name, outcome.destination);
      } else {
        notMoved.add(new NotMoved(name, source.uri(), outcome.reason, outcome.attempts));
        LOG.warn("could not move {} off {}: {}", name, source.uri(), outcome.reason);
      }
    }
    return new Report(source.uri(), List.copyOf(moved), List.copyOf(notMoved), Duration.ofNanos(ticker.nanoTime() - started));
  }

  /** What happened to one domain: where it went (null if nowhere), and every failed attempt. */
  private record Outcome(String destination, String reason, List<Attempt> attempts) {}

  private Outcome move(String name) {
    List<Attempt> failures = new ArrayList<>();
    for (Kvm dest : byRoom(name)) {
      Duration backoff = initialBackoff;
      for (int attempt = 1; attempt <= maxAttempts; attempt++) {
        try {
          Optional<Domain> here = source.domains().find(name);
          if (here.isEmpty() || !isActive(here.get())) {
            return new Outcome(null, "no longer active on the source (stopped or moved by someone else)", List.copyOf(failures));
          }
          here.get().migrateTo(dest, options.toArray(MigrateOption[]::new));
          return new Outcome(dest.uri(), null, List.copyOf(failures));
        } catch (KvmException e) {
          failures.add(new Attempt(name, dest.uri(), attempt, e));
          LOG.debug("migrating {} from {} to {} failed (attempt {}): {}", name, source.uri(), dest.uri(), attempt, cause(e));
          if (landed(name, dest)) return new Outcome(dest.uri(), null, List.copyOf(failures));
          if (!e.retryable() || attempt == maxAttempts) break;
          try {
            ticker.sleep(backoff);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "drain interrupted", List.copyOf(failures));
          }
          backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
      }
    }
    if (failures.isEmpty()) return new Outcome(null, "no destination to try; still running on " + source.uri(), List.of());
    Attempt last = failures.get(failures.size() - 1);
    return new Outcome(null, "every destination failed (last: " + last.destination() + ": " + last.cause() + "); still running on "
        + source.uri(), List.copyOf(failures));
  }

  /** True when the domain runs on {@code dest} and no longer on the source (the migration went through after all). */
  private boolean landed(String name, Kvm dest) {
    try {
      boolean there = dest.domains().find(name).map(HostDrainer::isActive).orElse(false);
      return there && source.domains().find(name).map(d -> !isActive(d)).orElse(true);
    } catch (KvmException unreachable) {
      return false;
    }
  }

  /** A destination's standing for one domain: room for it, free memory, active domains; unreachable ones sort last. */
  private record Room(boolean reachable, boolean fits, long free, int active) {
    static final Comparator<Room> BEST_FIRST = Comparator.comparing(Room::reachable).reversed()
        .thenComparing(Comparator.comparing(Room::fits).reversed())
        .thenComparing(Comparator.comparingLong(Room::free).reversed())
        .thenComparingInt(Room::active);
  }

  /** The destinations in the order {@link #move} tries them for domain {@code name} (see the class policy). */
  private List<Kvm> byRoom(String name) {
    long needs;
    try {
      DomainSpec spec = source.domains().get(name).spec();
      needs = spec.currentMemory().or(spec::memory).map(s -> s.bytes()).orElse(0L);
    } catch (KvmException e) {
      needs = 0;
    }
    Map<Kvm, Room> room = new LinkedHashMap<>();
    for (Kvm d : destinations) {
      try {
        long free = d.node().freeMemory().bytes();
        int active = (int) d.domains().stats().values().stream().map(DomainStats::state).filter(DomainState::isActive).count();
        room.put(d, new Room(true, free >= needs, free, active));
      } catch (KvmException e) {
        room.put(d, new Room(false, false, -1, Integer.MAX_VALUE));
      }
    }
    List<Kvm> ordered = new ArrayList<>(destinations);
    ordered.sort(Comparator.comparing(room::get, Room.BEST_FIRST));   // stable: ties keep the caller's order
    return ordered;
  }

  private static boolean isActive(Domain d) { return d.state().isActive(); }

  /**
   * What a drain did. {@link #complete()} is true when nothing it set out to move is left behind.
   *
   * @param source the drained host's URI
   * @param moved the domains now running elsewhere, in the order they moved
   * @param notMoved the domains still on the source, with why
   * @param took how long the drain took on the drainer's ticker
   */
  public record Report(String source, List<Moved> moved, List<NotMoved> notMoved, Duration took) {
    /** True when every domain that was active on the source was moved. */
    public boolean complete() { return notMoved.isEmpty(); }

    /** Domain name to the URI of the host it moved to. */
    public Map<String, String> placement() {
      Map<String, String> out = new LinkedHashMap<>();
      for (Moved m : moved) out.put(m.domain(), m.destination());
      return out;
    }

    /** One line per domain: {@code web1 -> fake:///hv2 (after 1 failed attempt)} or {@code web2 NOT MOVED: why}. */
    @Override public String toString() {
      StringBuilder sb = new StringBuilder("drain of " + source + ": " + moved.size() + " moved, " + notMoved.size()
          + " not moved, took " + took + "\n");
      for (Moved m : moved) sb.append("  ").append(m).append('\n');
      for (NotMoved n : notMoved) sb.append("  ").append(n).append('\n');
      return sb.toString();
    }
  }

  /** A domain that now runs on {@code destination}; {@code failedAttempts} lists what failed before. */
  public record Moved(String domain, String destination, List<Attempt> failedAttempts) {
    @Override public String toString() {
      return domain + " -> " + destination + (failedAttempts.isEmpty() ? "" : " (after " + failedAttempts.size() + " failed attempt(s): "
          + failedAttempts + ")");
    }
  }

  /** A domain still on {@code source}: {@code reason} in words, and every attempt that failed. */
  public record NotMoved(String domain, String source, String reason, List<Attempt> attempts) {
    @Override public String toString() {
      return domain + " NOT MOVED off " + source + ": " + reason + (attempts.isEmpty() ? "" : "; attempts: " + attempts);
    }
  }

  /** What went wrong, in words: the exception's message, else its causes', else its type (never empty). */
  static String cause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) return t.getMessage();
    }
    return e.getClass().getSimpleName() + " (no message)";
  }

  /**
   * One failed migration attempt of a domain to {@code destination} (attempts count from 1 per destination).
   * {@link #error()} is the SDK's exception: a {@link LibvirtException} carries libvirt's error code.
   */
  public record Attempt(String domain, String destination, int number, KvmException error) {
    /** libvirt's error code ({@code VIR_ERR_OPERATION_FAILED}) or, for other failures, the exception's simple name. */
    public String code() { return error instanceof LibvirtException le ? le.code() : error.getClass().getSimpleName(); }

    /** Whether this failure was worth retrying on the same destination. */
    public boolean retryable() { return error.retryable(); }

    /** What went wrong, in words (never empty). */
    public String cause() { return HostDrainer.cause(error); }

    @Override public String toString() {
      return domain + " to " + destination + " #" + number + " " + code() + ": " + cause() + (retryable() ? " (retryable)" : "");
    }
  }

  /**
   * Drains the first host onto the others, printing the report; exits 1 when something stayed
   * behind. With no arguments, on fake hosts hv1 (three guests), hv2 and hv3. After
   * {@code ./mvnw -q -DskipTests package}, from the project root:
   * <pre>java -cp "$(cat samples/target/classpath.txt):samples/target/classes" io.kvmsdk.samples.HostDrainer \
   *     --uri qemu+ssh://hv1/system --uri qemu+ssh://hv2/system --uri qemu+ssh://hv3/system</pre>
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != Recipe.DONE) System.exit(status);
  }

  static Recipe recipe() { return Recipe.named("HostDrainer").fleet(2, "hv1", "hv2", "hv3"); }

  /** {@link #main}'s work, returning its exit code: 0 all moved, 1 something stayed, 2 a bad argument or an unreachable host (nothing touched). */
  static int run(String[] args, java.io.PrintStream out, java.io.PrintStream err) { return recipe().run(args, out, err, HostDrainer::body); }

  static int body(Recipe r) {
    List<Kvm> fleet = r.hostNames().stream().map(r::kvm).toList();
    if (r.fake()) {
      for (String g : List.of("web1", "web2", "db1")) {
        fleet.get(0).domains().define(DomainSpec.builder().type("kvm").name(g).vcpus(1).memory(io.kvmsdk.core.Size.gib(2)).osType("hvm")
            .build()).start();
      }
    }
    Report report = HostDrainer.of(fleet.get(0), fleet.subList(1, fleet.size())).progress(r.progress()).drain();
    r.out().print(report);
    return report.complete() ? Recipe.DONE : Recipe.FAILED;
  }
}
