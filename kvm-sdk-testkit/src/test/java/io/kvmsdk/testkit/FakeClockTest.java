package io.kvmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FakeClockTest {
  @Test void standsStillUntilAdvanced() {
    FakeClock clock = FakeClock.create();
    Clock view = clock.asClock();
    assertThat(clock.now()).isEqualTo(FakeClock.DEFAULT_START);
    assertThat(view.instant()).isEqualTo(FakeClock.DEFAULT_START);

    clock.advance(Duration.ofMinutes(2));

    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:02:00Z"));
    assertThat(view.millis()).isEqualTo(clock.millis());
    assertThat(clock.since(FakeClock.DEFAULT_START)).isEqualTo(Duration.ofMinutes(2));
  }

  @Test void neverGoesBack() {
    FakeClock clock = FakeClock.at(Instant.parse("2030-01-01T00:00:00Z"));
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clock.advanceTo(Instant.parse("2029-01-01T00:00:00Z"))).hasMessageContaining("only moves forward");
  }

  @Test void isThreadSafe() throws Exception {
    FakeClock clock = FakeClock.create();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 1000; i++) pool.submit(() -> clock.advanceMillis(1));
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(clock.since(FakeClock.DEFAULT_START)).isEqualTo(Duration.ofSeconds(1));
  }
}
