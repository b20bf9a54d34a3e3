package io.kvmsdk.ha.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.metrics.AlertRules;
import io.kvmsdk.core.metrics.KvmAlerts;
import io.kvmsdk.core.testing.Oracles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The HA layer's alerts in one rules file with core's, checked by {@code promtool check rules}. */
class HaAlertsTest {
  @Test void haAndCoreRulesMakeOneFilePromtoolAccepts() throws Exception {
    String yaml = AlertRules.builder()
        .group("kvm-hosts", KvmAlerts.guestDown(Duration.ofSeconds(30), "web-.*"), KvmAlerts.hostMemoryAbove(0.85, Duration.ofMinutes(2)))
        .group("kvm-ha", HaAlerts.vipOwnerChanged(Duration.ofMinutes(5)), HaAlerts.pacemakerResourceFailed(Duration.ofSeconds(15)))
        .build().toYaml();
    assertThat(yaml).contains("expr: \"max by (group) (changes(kvm_ha_vip_master[300s])) > 0\"",
        "expr: \"kvm_ha_pacemaker_resource_failed == 1\"", "for: \"15s\"");
    Path promtool = null;
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, "promtool"))) promtool = Path.of(dir, "promtool");
    }
    Oracles.require(promtool != null, "promtool is not installed (package prometheus): `bash scripts/oracles.sh install`");
    Path f = Files.createTempFile("kvmsdk-ha-rules-", ".yml");
    try {
      Files.writeString(f, yaml, StandardCharsets.UTF_8);
      Process p = new ProcessBuilder(promtool.toString(), "check", "rules", f.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("SUCCESS: 4 rules found");
    } finally {
      Files.deleteIfExists(f);
    }
  }

  @Test void windowsMustBeWholePositiveSeconds() {
    assertThatThrownBy(() -> HaAlerts.vipOwnerChanged(Duration.ZERO)).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e.field()).isEqualTo("window"));
    assertThatThrownBy(() -> HaAlerts.pacemakerResourceFailed(Duration.ofMillis(10))).isInstanceOf(InvalidSpecException.class);
  }
}
