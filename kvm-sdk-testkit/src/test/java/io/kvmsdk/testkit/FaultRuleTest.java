package io.kvmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.host.HostCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultRuleTest {
  @Test void matchersSeeArgvWithoutIpsGlobalOptionsAndSudo() {
    FaultMatcher addLink = FaultMatcher.command("ip", "link", "add");
    assertThat(addLink.matches(FakeHost.words(FakeHost.stripSudo(List.of("sudo", "-n", "--", "ip", "-n", "ns1", "-j", "link", "add", "br0"))))).isTrue();
    assertThat(addLink.matches("ip", "link", "del", "br0")).isFalse();
    assertThat(FaultMatcher.containing("br0").and(FaultMatcher.command("ip")).matches("ip", "link", "del", "br0")).isTrue();
    assertThat(FaultMatcher.matching("sysctl -w net\\..*").or(FaultMatcher.command("true")).matches("sysctl", "-w", "net.ipv4.ip_forward=1")).isTrue();
    assertThat(addLink.toString()).isEqualTo("operations starting with ip link add");
  }

  @Test void rulesAreUsedUpAfterTheirTimes() {
    FakeHost host = FakeHost.create();
    host.inject(FaultRule.of(Fault.COMMAND_FAILS, FaultMatcher.command("true")).exitCode(3).message("nope").times(2));
    assertThat(host.run(HostCommand.of("true")).exitCode()).isEqualTo(3);
    assertThat(host.run(HostCommand.of("true")).stderr()).isEqualTo("nope\n");
    assertThat(host.run(HostCommand.of("true")).exitCode()).isZero();
    assertThat(host.faults()).isEmpty();
  }

  @Test void badParametersAreRefused() {
    assertThatThrownBy(() -> FaultRule.of(Fault.SLOW).times(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultRule.of(Fault.SLOW).delay(java.time.Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(FaultRule.of(Fault.HOST_CRASH, FaultMatcher.any()).once()).hasToString("HOST_CRASH on any operation (1x)");
  }
}
