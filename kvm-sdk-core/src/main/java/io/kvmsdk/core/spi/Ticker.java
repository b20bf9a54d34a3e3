package io.kvmsdk.core.spi;

import java.time.Duration;

/**
 * The time the SDK's waiters measure timeouts in ({@code Domain.waitFor}, {@code shutdown(timeout)}).
 * A real connection uses the JVM's monotonic clock and sleeps; a fake hypervisor reads its fake clock
 * and advances it instead of sleeping, so a test of a two-minute timeout takes no real time.
 */
public interface Ticker {
  /** Real time: {@link System#nanoTime()} and {@link Thread#sleep(long)}. */
  Ticker SYSTEM = new Ticker() {
    @Override public long nanoTime() { return System.nanoTime(); }

    @Override public void sleep(Duration d) throws InterruptedException { Thread.sleep(Math.max(0, d.toMillis())); }

    @Override public String toString() { return "Ticker.SYSTEM"; }
  };

  /** A monotonic reading in nanoseconds; only differences between readings mean anything. */
  long nanoTime();

  /** Lets {@code d} pass before the waiter polls again. */
  void sleep(Duration d) throws InterruptedException;
}
