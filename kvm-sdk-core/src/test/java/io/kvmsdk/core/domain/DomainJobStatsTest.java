package io.kvmsdk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed view of {@code virDomainGetJobStats}' parameters, as a real libvirtd 9.0 reported them for a completed migration. */
class DomainJobStatsTest {
  static final Map<String, Object> COMPLETED = Map.ofEntries(Map.entry("operation", 5), Map.entry("time_elapsed", 3149L),
      Map.entry("downtime", 62L), Map.entry("setup_time", 4L), Map.entry("data_total", 67502080L), Map.entry("data_processed", 594788L),
      Map.entry("data_remaining", 0L), Map.entry("memory_total", 67502080L), Map.entry("memory_bps", 1477453L),
      Map.entry("memory_dirty_rate", 0L), Map.entry("memory_iteration", 3L), Map.entry("memory_page_size", 4096L),
      Map.entry("memory_postcopy_requests", 0L));

  @Test void readsWhatAMigrationReports() {
    DomainJobStats s = DomainJobStats.of("web1", DomainJobType.COMPLETED, COMPLETED);
    assertThat(s.operation()).isEqualTo(DomainJobOperation.MIGRATION_OUT);
    assertThat(s.timeElapsed()).contains(Duration.ofMillis(3149));
    assertThat(s.downtime()).contains(Duration.ofMillis(62));
    assertThat(s.dataTotal()).hasValue(67502080L);
    assertThat(s.memoryIteration()).hasValue(3L);
    assertThat(s.autoConvergeThrottle()).isEmpty();
    assertThat(s.isActive()).isFalse();
    assertThat(s.toString()).contains("COMPLETED MIGRATION_OUT elapsed=3149ms");
  }

  @Test void typesAndOperationsOutOfRangeAreUnknownAndAnIdleDomainHasNoJob() {
    assertThat(DomainJobType.of(2)).isEqualTo(DomainJobType.UNBOUNDED);
    assertThat(DomainJobType.of(2).isActive()).isTrue();
    assertThat(DomainJobType.of(99)).isEqualTo(DomainJobType.UNKNOWN);
    assertThat(DomainJobOperation.of(4)).isEqualTo(DomainJobOperation.MIGRATION_IN);
    assertThat(DomainJobOperation.of(0)).isEqualTo(DomainJobOperation.UNKNOWN);
    assertThat(DomainJobOperation.of(42)).isEqualTo(DomainJobOperation.UNKNOWN);
    DomainJobStats none = DomainJobStats.none("web1");
    assertThat(none.isActive()).isFalse();
    assertThat(none.operation()).isEqualTo(DomainJobOperation.UNKNOWN);
    assertThat(none.toString()).isEqualTo("DomainJobStats[web1 NONE]");
  }

  @Test void aCompletedEventCarriesTheFinalStatistics() {
    DomainJobEvent e = DomainJobEvent.completed("web1", COMPLETED);
    assertThat(e.completedStats().type()).isEqualTo(DomainJobType.COMPLETED);
    assertThat(e.completedStats().dataTotal()).hasValue(67502080L);
    assertThat(DomainJobEvent.iteration("web1", 2).toString()).isEqualTo("DomainJobEvent[web1 MIGRATION_ITERATION 2]");
  }
}
