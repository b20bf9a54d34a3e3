package io.kvmsdk.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.testing.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Rules files rendered from {@link KvmAlerts}' types, checked by Prometheus' own {@code promtool check rules}. */
class AlertRulesTest {
  @Test void theDefaultRulesRenderAsARulesFilePromtoolAccepts() throws Exception {
    String yaml = KvmAlerts.defaults().toYaml();
    assertThat(yaml).isEqualTo("""
        groups:
          - name: "kvm-sdk"
            rules:
              - alert: "KvmGuestDown"
                expr: "kvm_domain_state != 1"
                for: "1m"
                labels:
                  severity: "critical"
                annotations:
                  summary: "Guest {{ $labels.guest }} on host {{ $labels.host }} has not been running for 1m (state {{ $value }})"
              - alert: "KvmHostMemoryHigh"
                expr: "1 - kvm_host_memory_free_bytes / kvm_host_memory_bytes > 0.9"
                for: "5m"
                labels:
                  severity: "warning"
                annotations:
                  summary: "Host {{ $labels.host }} uses {{ $value | humanizePercentage }} of its memory (above 90%)"
              - alert: "KvmHostDown"
                expr: "kvm_host_up == 0"
                for: "1m"
                labels:
                  severity: "critical"
                annotations:
                  summary: "The statistics of host {{ $labels.host }} could not be read for 1m"
              - alert: "KvmGuestCrashed"
                expr: "increase(kvm_domain_events_total{event=\\"crashed\\"}[5m]) > 0"
                labels:
                  severity: "critical"
                annotations:
                  summary: "A guest crashed on host {{ $labels.host }} in the last 5m"
        """);
    assertPromtoolAccepts(yaml, 4);
  }

  @Test void valuesThatCouldBreakTheFileAreQuoted() throws Exception {
    AlertRule odd = KvmAlerts.guestDown(Duration.ofSeconds(90), "web-\"1\"|db\\d+")
        .withLabel("team", "a: b # not a comment\n- neither a list")
        .withAnnotation("runbook", "tab\there, bell\u0007, quote \" and {{ $labels.guest }}");
    String yaml = AlertRules.builder().group("odd: group", odd).build().toYaml();
    assertThat(yaml).contains("expr: \"kvm_domain_state{guest=~\\\"web-\\\\\\\"1\\\\\\\"|db\\\\\\\\d+\\\"} != 1\"", "for: \"1m30s\"",
        "team: \"a: b # not a comment\\n- neither a list\"", "bell\\u0007");
    assertPromtoolAccepts(yaml, 1);
  }

  @Test void rulesThatPromtoolWouldRefuseAreRefusedWhenMade() {
    assertThatThrownBy(() -> KvmAlerts.guestDown(Duration.ZERO)).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e.field()).isEqualTo("for"));
    assertThatThrownBy(() -> KvmAlerts.guestDown(Duration.ofMillis(1500))).isInstanceOf(InvalidSpecException.class).hasMessageContaining("whole seconds");
    assertThatThrownBy(() -> KvmAlerts.hostMemoryAbove(1.2, Duration.ofMinutes(1))).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e.field()).isEqualTo("ratio"));
    assertThatThrownBy(() -> new AlertRule("bad name", "up", Duration.ZERO, Map.of(), Map.of())).isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("alert");
    assertThatThrownBy(() -> new AlertRule("A", "up", Duration.ZERO, Map.of("bad-label", "x"), Map.of())).isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("labels");
    assertThatThrownBy(() -> AlertRules.builder().build()).isInstanceOf(InvalidSpecException.class);
    AlertRule r = KvmAlerts.hostDown(Duration.ofMinutes(1));
    assertThatThrownBy(() -> AlertRules.builder().group("g", r, r)).isInstanceOf(InvalidSpecException.class).hasMessageContaining("twice");
  }

  /** {@code promtool check rules} says SUCCESS with {@code rules} rules. */
  static void assertPromtoolAccepts(String yaml, int rules) throws IOException, InterruptedException {
    Path promtool = null;
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, "promtool"))) promtool = Path.of(dir, "promtool");
    }
    Oracles.require(promtool != null, "promtool is not installed (package prometheus): `bash scripts/oracles.sh install`");
    Path f = Files.createTempFile("kvmsdk-rules-", ".yml");
    try {
      Files.writeString(f, yaml, StandardCharsets.UTF_8);
      Process p = new ProcessBuilder(promtool.toString(), "check", "rules", f.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("SUCCESS: " + rules + " rules found");
    } finally {
      Files.deleteIfExists(f);
    }
  }
}
