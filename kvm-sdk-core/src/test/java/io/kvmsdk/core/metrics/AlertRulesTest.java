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

  @Test void theRulesFireWhenPrometheusWould() throws Exception {
    String rules = AlertRules.builder().group("kvm", KvmAlerts.guestDown(Duration.ofSeconds(30)), KvmAlerts.hostMemoryAbove(0.9, Duration.ofMinutes(1)),
        KvmAlerts.hostDown(Duration.ofSeconds(30)), KvmAlerts.guestCrashed(Duration.ofMinutes(5))).build().toYaml();
    // promtool test rules: series as KvmMetrics exports them, every 15 s
    String tests = """
        rule_files: [rules.yml]
        evaluation_interval: 15s
        tests:
          - interval: 15s
            input_series:
              - series: 'kvm_domain_state{host="hv1",guest="web1"}'
                values: '1 1 5 5 5 5 5 5 5 5'
              - series: 'kvm_domain_state{host="hv1",guest="db1"}'
                values: '1x9'
              - series: 'kvm_host_memory_bytes{host="hv1"}'
                values: '100x9'
              - series: 'kvm_host_memory_free_bytes{host="hv1"}'
                values: '50 50 5 5 5 5 5 5 5 5'
              - series: 'kvm_host_up{host="hv1"}'
                values: '1x9'
              - series: 'kvm_domain_events_total{host="hv1",event="crashed"}'
                values: '0 0 0 1 1 1 1 1 1 1'
            alert_rule_test:
              - eval_time: 30s
                alertname: KvmGuestDown
                exp_alerts: []
              - eval_time: 60s
                alertname: KvmGuestDown
                exp_alerts:
                  - exp_labels: {severity: critical, host: hv1, guest: web1}
                    exp_annotations: {summary: "Guest web1 on host hv1 has not been running for 30s (state 5)"}
              - eval_time: 60s
                alertname: KvmHostMemoryHigh
                exp_alerts: []
              - eval_time: 2m
                alertname: KvmHostMemoryHigh
                exp_alerts:
                  - exp_labels: {severity: warning, host: hv1}
                    exp_annotations: {summary: "Host hv1 uses 95% of its memory (above 90%)"}
              - eval_time: 2m
                alertname: KvmHostDown
                exp_alerts: []
              - eval_time: 60s
                alertname: KvmGuestCrashed
                exp_alerts:
                  - exp_labels: {severity: critical, host: hv1, event: crashed}
                    exp_annotations: {summary: "A guest crashed on host hv1 in the last 5m"}
        """;
    Path dir = Files.createTempDirectory("kvmsdk-rules-test");
    try {
      Files.writeString(dir.resolve("rules.yml"), rules);
      Files.writeString(dir.resolve("tests.yml"), tests);
      Process p = new ProcessBuilder(promtool().toString(), "test", "rules", "tests.yml").directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("SUCCESS");
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) Files.delete(f);
      }
      Files.delete(dir);
    }
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
  static Path promtool() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, "promtool"))) return Path.of(dir, "promtool");
    }
    Oracles.require(false, "promtool is not installed (package prometheus): `bash scripts/oracles.sh install`");
    throw new AssertionError("unreachable");
  }

  static void assertPromtoolAccepts(String yaml, int rules) throws IOException, InterruptedException {
    Path promtool = promtool();
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
