package io.kvmsdk.testkit;

import io.kvmsdk.core.domain.MigrateOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One outgoing live migration of the fake, as a model over fake time that behaves like QEMU's:
 * pre-copy passes over the guest's memory at the migration bandwidth while the guest dirties pages
 * (its {@code dirtyRate}), a switch-over once what is left fits in the maximum downtime at that
 * bandwidth, auto-converge throttling, post-copy on request, abort, an injected failure at a given
 * instant. The model advances in QEMU's 100 ms rate-limiting periods from the job's start, so a
 * migration's course depends only on fake time and on the controls' instants: the same calls at the
 * same fake instants give the same job statistics.
 *
 * <p>Guarded by its own monitor, which is always taken last (after any host's lock).
 */
final class FakeMigration {
  /** QEMU's rate-limiting period (BUFFER_DELAY): the model's step. */
  static final Duration TICK = Duration.ofMillis(100);
  static final long PAGE = 4096;
  /** What {@code virDomainMigrateGetMaxSpeed} reports for "no limit" (QEMU's INT64_MAX bytes/s in MiB/s). */
  static final long UNLIMITED_MIB = 8796093022207L;
  private static final long MIB = 1024 * 1024;

  /** Where the migration is. */
  enum Phase {
    /** Passes over memory while the guest runs on the source. */
    PRECOPY,
    /** The guest is paused on the source while the last pages go over (the downtime). */
    SWITCHOVER,
    /** The guest runs on the destination, which pulls the pages left. */
    POSTCOPY,
    /** Done: the guest runs on the destination. */
    COMPLETED,
    /** Failed (an injected fault, a host down, the guest gone): the guest stays on the source. */
    FAILED,
    /** Aborted by the client. */
    CANCELLED;

    boolean terminal() { return this == COMPLETED || this == FAILED || this == CANCELLED; }
  }

  final String domain;
  final Set<MigrateOption> flags;
  final Map<String, Object> params;
  final Instant start;
  /** The destination host's state (its crash ends the job). */
  FakeHypervisorState there;
  final long memory;
  /** Bytes per second the guest dirties while it runs, within its working set (bytes). */
  private final long dirtyRate;
  private final long workingSet;
  private final int throttleInitial;
  private final int throttleIncrement;
  /** The host link's bytes per second (Long.MAX_VALUE: no limit). */
  private final long link;

  // ---- controls
  private long maxDowntimeMs;
  private long speedMib;
  private long postcopySpeedMib;
  private boolean postcopyRequested;
  private Instant failAt;
  private String failureMessage;

  // ---- the model's state at the end of the last step
  private Instant at;
  private Phase phase = Phase.PRECOPY;
  /** The phase the hosts show (the migrating call applies the model's phase to the domains). */
  Phase shown = Phase.PRECOPY;
  private long sent;
  private long pass;           // bytes left of the current pass
  private long passSize;       // the current pass's size
  private long dirtied;        // bytes dirtied since the current pass began
  private int iteration = 1;
  private int reportedIteration;
  private int throttle;
  private long postcopyRequests;
  private Instant switchedAt;
  private Instant endsAt;
  private Instant endedAt;
  private long downtimeMs;
  /** Why the job failed: the libvirt error to throw (set with FAILED or CANCELLED). */
  io.kvmsdk.core.LibvirtException error;

  // ---- what the migrating call keeps (guarded by the hosts' locks)
  /** The migrate call's operation, naming the error. */
  String op;
  FakeHypervisorState.Dom source;
  FakeHypervisorState.Dom incoming;
  boolean wasPaused;

  FakeMigration(String domain, Set<MigrateOption> flags, Map<String, Object> params, Instant start, long memory, long dirtyRate,
      long workingSet, long link, long maxDowntimeMs, long speedMib, long postcopySpeedMib) {
    this.domain = domain;
    this.flags = Set.copyOf(flags);
    this.params = Map.copyOf(params);
    this.start = start;
    this.memory = memory;
    this.dirtyRate = dirtyRate;
    this.workingSet = workingSet <= 0 ? memory : Math.min(workingSet, memory);
    this.link = link;
    this.maxDowntimeMs = maxDowntimeMs;
    Object bw = params.get("bandwidth");
    this.speedMib = bw instanceof Number n && n.longValue() > 0 ? n.longValue() : speedMib;
    Object pbw = params.get("bandwidth.postcopy");
    this.postcopySpeedMib = pbw instanceof Number n && n.longValue() > 0 ? n.longValue() : postcopySpeedMib;
    this.throttleInitial = intParam(params, "auto_converge.initial", 20);
    this.throttleIncrement = intParam(params, "auto_converge.increment", 10);
    this.at = start;
    this.pass = memory;
    this.passSize = memory;
  }

  private static int intParam(Map<String, Object> params, String key, int fallback) {
    Object v = params.get(key);
    return v instanceof Number n ? n.intValue() : fallback;
  }

  /** Bytes per second at {@code mib} MiB/s, capped by the link. */
  private long bps(long mib) {
    long wanted = mib <= 0 || mib >= UNLIMITED_MIB ? Long.MAX_VALUE : mib * MIB;
    return Math.min(wanted, link);
  }

  private long precopyBps() { return bps(speedMib); }

  /** QEMU's {@code max-postcopy-bandwidth}: 0 (the default) means no limit but the link's. */
  private long postcopyBps() { return bps(postcopySpeedMib); }

  /** Bytes per {@link #TICK} at {@code bps}, never less than one. */
  private static long perTick(long bps) { return bps == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, ceilDiv(bps, 10)); }

  // ------------------------------------------------------------------ the model

  /** Runs the model's steps up to {@code now}: every 100 ms boundary, switch-over end or failure instant not after it. */
  synchronized void advanceTo(Instant now) {
    while (!phase.terminal()) {
      Instant next = begun ? at.plus(TICK) : start;
      if (failAt != null && !failAt.isAfter(next) && !failAt.isAfter(now)) {
        fail(failAt, failureError());
        return;
      }
      if (endsAt != null && !endsAt.isAfter(next) && !endsAt.isAfter(now)) {
        complete(endsAt);
        return;
      }
      if (next.isAfter(now)) return;
      step(next);
    }
  }

  private boolean begun;
  private boolean wentPostcopy;

  /**
   * One period ending at {@code t}: pre-copy sends a period's worth of the current pass (the first
   * "period" is the check at the start itself), a pass that is done ends with a bitmap sync, then QEMU's
   * check: what is left fits in the maximum downtime at this bandwidth, so the guest pauses for the rest.
   */
  private void step(Instant t) {
    boolean first = !begun;
    begun = true;
    at = t;
    switch (phase) {
      case PRECOPY -> {
        if (postcopyRequested) {
          phase = Phase.POSTCOPY;
          wentPostcopy = true;
          switchedAt = t;
          downtimeMs = 0;
          pass += dirtied;      // what is left; from now on the guest runs (and dirties) on the destination
          dirtied = 0;
          if (pass == 0 && failAt == null) endsAt = t;
          return;
        }
        long bps = precopyBps();
        if (!first) {
          long send = Math.min(pass, perTick(bps));
          pass -= send;
          sent += send;
          long rate = dirtyRate * (100 - throttle) / 100;
          // the guest rewrites the same pages: at most its working set is dirty
          dirtied = Math.min(workingSet, dirtied + rate / 10);
          if (pass == 0) {
            // a bitmap sync: the pages dirtied during this pass make the next one
            boolean high = dirtied > passSize / 2;
            iteration++;
            pass = dirtied;
            passSize = dirtied;
            dirtied = 0;
            if (flags.contains(MigrateOption.AUTO_CONVERGE) && iteration > 2 && high) {
              throttle = throttle == 0 ? throttleInitial : Math.min(99, throttle + throttleIncrement);
            }
          }
        }
        long pending = pass + dirtied;
        long threshold = bps == Long.MAX_VALUE ? Long.MAX_VALUE : multiplyCapped(bps, maxDowntimeMs) / 1000;
        // a migration that is to fail midway never gets to its switch-over
        if (failAt == null && pending <= threshold) {
          phase = Phase.SWITCHOVER;
          switchedAt = t;
          iteration++;            // the last sync, with the guest paused
          downtimeMs = bps == Long.MAX_VALUE ? 0 : ceilDiv(multiplyCapped(pending, 1000), bps);
          endsAt = t.plusMillis(downtimeMs);
          sent += pending;
          pass = 0;
          dirtied = 0;
        }
      }
      case POSTCOPY -> {
        long send = Math.min(pass, perTick(postcopyBps()));
        pass -= send;
        sent += send;
        postcopyRequests += (send + PAGE * 64 - 1) / (PAGE * 64);
        if (pass == 0 && failAt == null && endsAt == null) endsAt = t;
      }
      default -> { }
    }
  }

  /** Runs the model to its end as if nobody interfered: the instant it ends, or null when it does not end within {@code limit}. */
  synchronized Instant runToEnd(Duration limit) {
    Instant stop = start.plus(limit);
    while (!phase.terminal()) {
      Instant target = begun ? at.plus(TICK) : start;
      if (target.isAfter(stop)) return null;
      advanceTo(target);
    }
    return endedAt;
  }

  private static long multiplyCapped(long a, long b) {
    long r = a * b;
    return a != 0 && (r / a != b || r < 0) ? Long.MAX_VALUE : r;
  }

  private static long ceilDiv(long a, long b) { return (a + b - 1) / b; }

  private void complete(Instant t) {
    at = t;
    endedAt = t;
    phase = Phase.COMPLETED;
  }

  private void fail(Instant t, io.kvmsdk.core.LibvirtException why) {
    if (t.isBefore(at)) t = at;
    at = t;
    endedAt = t;
    phase = Phase.FAILED;
    error = why;
  }

  private io.kvmsdk.core.LibvirtException failureError() {
    return FakeHypervisor.failed("migrate domain '" + domain + "'", "migration failed midway: " + failureMessage);
  }

  // ------------------------------------------------------------------ controls (callers advance the model to now first)

  synchronized Phase phase() { return phase; }

  synchronized Instant endedAt() { return endedAt; }

  synchronized long downtimeMs() { return downtimeMs; }

  synchronized Instant switchedAt() { return switchedAt; }

  /** The iterations begun since the last call (for MIGRATION_ITERATION events), in order. */
  synchronized int[] newIterations() {
    int[] out = new int[Math.max(0, iteration - reportedIteration)];
    for (int i = 0; i < out.length; i++) out[i] = reportedIteration + 1 + i;
    reportedIteration = iteration;
    return out;
  }

  synchronized void failAt(Instant when, String message) {
    failAt = when;
    failureMessage = message;
  }

  /** The destination or the guest went away: fails at {@code now} with {@code why}. */
  synchronized void failNow(Instant now, io.kvmsdk.core.LibvirtException why) {
    if (!phase.terminal()) fail(now, why);
  }

  synchronized void cancel(Instant now, io.kvmsdk.core.LibvirtException why) {
    if (phase.terminal()) return;
    at = now;
    endedAt = now;
    phase = Phase.CANCELLED;
    error = why;
  }

  synchronized void maxDowntime(long ms) { maxDowntimeMs = ms; }

  synchronized void speed(long mib, boolean postcopy) {
    if (postcopy) postcopySpeedMib = mib; else speedMib = mib;
  }

  synchronized void requestPostcopy() { postcopyRequested = true; }

  synchronized boolean postcopyRequested() { return postcopyRequested; }

  /** True once the migration switched to post-copy (the guest runs on the destination). */
  synchronized boolean wentPostcopy() { return wentPostcopy; }

  // ------------------------------------------------------------------ statistics

  /** The running job's statistics at {@code now} ({@code incoming}: as the destination reports them). */
  synchronized Map<String, Object> stats(Instant now, boolean incoming) {
    Map<String, Object> m = new LinkedHashMap<>();
    long elapsed = Duration.between(start, now).toMillis();
    long bps = phase == Phase.POSTCOPY ? postcopyBps() : precopyBps();
    m.put("operation", incoming ? 4 : 5);
    m.put("time_elapsed", elapsed);
    m.put("time_elapsed_net", elapsed);
    long remaining = pass + (phase == Phase.PRECOPY ? 0 : dirtied);
    m.put("data_total", memory);
    m.put("data_processed", sent);
    m.put("data_remaining", remaining);
    m.put("memory_total", memory);
    m.put("memory_processed", sent);
    m.put("memory_remaining", remaining);
    m.put("memory_bps", bps == Long.MAX_VALUE ? 0L : bps);
    long rate = dirtyRate * (100 - throttle) / 100;
    m.put("memory_dirty_rate", iteration > 1 ? rate / PAGE : 0L);
    m.put("memory_page_size", PAGE);
    m.put("memory_iteration", (long) iteration);
    if (flags.contains(MigrateOption.POSTCOPY)) m.put("memory_postcopy_requests", postcopyRequests);
    m.put("downtime", expectedDowntime(bps));
    m.put("setup_time", 0L);
    if (flags.contains(MigrateOption.AUTO_CONVERGE)) m.put("auto_converge_throttle", throttle);
    return m;
  }

  /** QEMU's expected downtime: the limit in the first pass, then what is left at the current bandwidth. */
  private long expectedDowntime(long bps) {
    if (phase == Phase.SWITCHOVER) return downtimeMs;
    if (iteration == 1 || bps == Long.MAX_VALUE) return maxDowntimeMs;
    return ceilDiv(multiplyCapped(pass + dirtied, 1000), bps);
  }

  /** The completed job's statistics ({@code incoming}: as the destination keeps them). */
  synchronized Map<String, Object> completedStats(boolean incoming) {
    Map<String, Object> m = new LinkedHashMap<>();
    long elapsed = Duration.between(start, endedAt).toMillis();
    m.put("operation", incoming ? 4 : 5);
    m.put("time_elapsed", elapsed);
    m.put("time_elapsed_net", elapsed);
    m.put("downtime", downtimeMs);
    m.put("downtime_net", downtimeMs);
    m.put("setup_time", 0L);
    m.put("data_total", memory);
    m.put("data_processed", sent);
    m.put("data_remaining", 0L);
    m.put("memory_total", memory);
    m.put("memory_processed", sent);
    m.put("memory_remaining", 0L);
    long secs = Math.max(1, elapsed);
    m.put("memory_bps", sent * 1000 / secs);
    m.put("memory_dirty_rate", 0L);
    m.put("memory_page_size", PAGE);
    m.put("memory_iteration", (long) iteration);
    if (flags.contains(MigrateOption.POSTCOPY)) m.put("memory_postcopy_requests", postcopyRequests);
    m.put("disk_total", 0L);
    m.put("disk_processed", 0L);
    m.put("disk_remaining", 0L);
    return m;
  }

  @Override public synchronized String toString() {
    return "FakeMigration[" + domain + " " + phase + " at +" + Duration.between(start, at).toMillis() + "ms, iteration " + iteration + "]";
  }
}
