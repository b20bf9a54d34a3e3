package io.kvmsdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that stands still until a test {@link #advance(Duration) advances} it; drives the fakes'
 * timeouts, waiters and synthetic statistics. Thread-safe. Starts at {@link #DEFAULT_START}
 * (2026-01-01T00:00:00Z) unless told otherwise, so runs are reproducible.
 *
 * <pre>{@code
 * FakeClock clock = FakeClock.create();
 * clock.advance(Duration.ofSeconds(30));
 * Clock javaClock = clock.asClock();   // hand to code that takes a java.time.Clock
 * }</pre>
 */
public final class FakeClock {
  /** Where a clock made by {@link #create()} starts. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private final Object lock = new Object();
  private Instant now;

  private FakeClock(Instant start) { this.now = Objects.requireNonNull(start, "start"); }

  /** A clock at {@link #DEFAULT_START}. */
  public static FakeClock create() { return new FakeClock(DEFAULT_START); }

  /** A clock at {@code start}. */
  public static FakeClock at(Instant start) { return new FakeClock(start); }

  /** The current instant. */
  public Instant instant() { synchronized (lock) { return now; } }

  /** Same as {@link #instant()}. */
  public Instant now() { return instant(); }

  /** Milliseconds since the epoch, like {@link Clock#millis()}. */
  public long millis() { return instant().toEpochMilli(); }

  /** Moves time forward by {@code d} (not negative) and returns the new instant. */
  public Instant advance(Duration d) {
    Objects.requireNonNull(d, "duration");
    if (d.isNegative()) throw new IllegalArgumentException("a FakeClock only moves forward, got " + d);
    synchronized (lock) {
      now = now.plus(d);
      lock.notifyAll();
      return now;
    }
  }

  /** Moves time forward by {@code millis} milliseconds. */
  public Instant advanceMillis(long millis) { return advance(Duration.ofMillis(millis)); }

  /** Moves time to {@code instant}, which must not be before now. */
  public Instant advanceTo(Instant instant) {
    synchronized (lock) {
      if (instant.isBefore(now)) throw new IllegalArgumentException("a FakeClock only moves forward: " + instant + " is before " + now);
      now = instant;
      lock.notifyAll();
      return now;
    }
  }

  /** How much fake time passed since {@code since}. */
  public Duration since(Instant since) { return Duration.between(since, instant()); }

  /**
   * A {@link io.kvmsdk.core.spi.Ticker} over this clock: {@code nanoTime} reads it and {@code sleep}
   * advances it, so the SDK's waiters ({@code Domain.waitFor}, {@code shutdown(timeout)}) run in fake time.
   */
  public io.kvmsdk.core.spi.Ticker ticker() {
    FakeClock self = this;
    return new io.kvmsdk.core.spi.Ticker() {
      @Override public long nanoTime() {
        Instant t = self.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
      }

      @Override public void sleep(Duration d) { self.advance(d); }

      @Override public String toString() { return "Ticker[" + self + "]"; }
    };
  }

  /** A {@link java.time.Clock} (UTC) that reads this fake clock. */
  public Clock asClock() { return asClock(ZoneOffset.UTC); }

  /** A {@link java.time.Clock} in {@code zone} that reads this fake clock. */
  public Clock asClock(ZoneId zone) { return new View(this, zone); }

  @Override public String toString() { return "FakeClock[" + instant() + "]"; }

  /** The java.time view. */
  private static final class View extends Clock {
    private final FakeClock clock;
    private final ZoneId zone;

    View(FakeClock clock, ZoneId zone) {
      this.clock = clock;
      this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override public ZoneId getZone() { return zone; }

    @Override public Clock withZone(ZoneId zone) { return new View(clock, zone); }

    @Override public Instant instant() { return clock.instant(); }

    @Override public boolean equals(Object o) { return o instanceof View && ((View) o).clock == clock && ((View) o).zone.equals(zone); }

    @Override public int hashCode() { return System.identityHashCode(clock) * 31 + zone.hashCode(); }

    @Override public String toString() { return "FakeClock.asClock[" + clock.instant() + ", " + zone + "]"; }
  }
}
