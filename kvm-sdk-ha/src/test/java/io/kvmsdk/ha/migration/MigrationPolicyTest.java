package io.kvmsdk.ha.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MigrationPolicyTest {
  @Test void raiseDowntimeSpreadsTheStepsEvenly() {
    MigrationPolicy p = MigrationPolicy.builder().raiseDowntime(Duration.ofMillis(500), Duration.ofSeconds(2), 4, Duration.ofSeconds(30))
        .postCopyAfter(Duration.ofMinutes(3)).deadline(Duration.ofMinutes(5)).build();
    assertThat(p.downtimeSteps()).containsExactly(new DowntimeStep(Duration.ofSeconds(30), Duration.ofMillis(500)),
        new DowntimeStep(Duration.ofSeconds(60), Duration.ofMillis(1000)), new DowntimeStep(Duration.ofSeconds(90), Duration.ofMillis(1500)),
        new DowntimeStep(Duration.ofSeconds(120), Duration.ofMillis(2000)));
    assertThat(p.toString()).isEqualTo("MigrationPolicy[poll 500 ms, downtime [+30.0s: 500 ms, +60.0s: 1000 ms, +90.0s: 1500 ms, +120.0s: 2000 ms],"
        + " post-copy after 180.0s, abort at 300.0s]");
    assertThat(MigrationPolicy.builder().raiseDowntime(Duration.ofMillis(500), Duration.ofSeconds(2), 1, Duration.ofSeconds(10)).build()
        .downtimeSteps()).containsExactly(new DowntimeStep(Duration.ofSeconds(10), Duration.ofSeconds(2)));
  }

  static void refused(String field, Consumer<MigrationPolicy.Builder> setup) {
    MigrationPolicy.Builder b = MigrationPolicy.builder();
    assertThatThrownBy(() -> {
      setup.accept(b);
      b.build();
    }).isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("policy/" + field));
  }

  @Test void aPolicyThatCannotWorkIsRefusedWhenBuilt() {
    refused("pollInterval", b -> b.pollInterval(Duration.ZERO));
    refused("pollInterval", b -> b.pollInterval(Duration.ofMinutes(2)));
    refused("deadline", b -> b.addDowntimeStep(Duration.ofSeconds(30), Duration.ofSeconds(1)).deadline(Duration.ofSeconds(20)));
    refused("deadline", b -> b.addDowntimeStep(Duration.ofSeconds(30), Duration.ofSeconds(1)).deadline(Duration.ofSeconds(30)));
    refused("deadline", b -> b.postCopyAfter(Duration.ofSeconds(60)).deadline(Duration.ofSeconds(60)));
    refused("deadline", b -> b.deadline(Duration.ZERO));
    refused("postCopyAfter", b -> b.postCopyAfter(Duration.ofSeconds(-1)));
    refused("downtimeSteps[1]/after", b -> b.addDowntimeStep(Duration.ofSeconds(30), Duration.ofSeconds(1))
        .addDowntimeStep(Duration.ofSeconds(30), Duration.ofSeconds(2)));
    refused("downtimeSteps[1]/maxDowntime", b -> b.addDowntimeStep(Duration.ofSeconds(30), Duration.ofSeconds(2))
        .addDowntimeStep(Duration.ofSeconds(40), Duration.ofSeconds(1)));
    refused("downtimeSteps[0]/maxDowntime", b -> b.addDowntimeStep(Duration.ofSeconds(30), Duration.ZERO));
    refused("downtimeSteps[0]/after", b -> b.addDowntimeStep(Duration.ofSeconds(-30), Duration.ofSeconds(1)));
    refused("downtimeSteps", b -> b.raiseDowntime(Duration.ofMillis(500), Duration.ofSeconds(2), 0, Duration.ofSeconds(10)));
  }
}
