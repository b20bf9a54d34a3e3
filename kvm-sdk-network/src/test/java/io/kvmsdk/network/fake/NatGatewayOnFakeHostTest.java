package io.kvmsdk.network.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.host.ApplyOptions;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.network.NatGateway;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.FakeHostSnapshot;
import io.kvmsdk.testkit.FaultMatcher;
import org.junit.jupiter.api.Test;

/** The NAT gateway's plans on a fake host whose nft, sysctl and sha256sum answer like the real ones. */
class NatGatewayOnFakeHostTest {
  static final NatGateway GW = NatGateway.builder().outInterface("eth0").addSource("10.10.0.0/24").addPortForward(8080, "10.10.0.5", 80).build();

  @Test void appliesOnceThenChangesNothingThenRemoves() {
    FakeHost host = FakeHost.create("gw1");
    assertThat(host.tools()).contains("nft", "sha256sum");
    PlanResult first = GW.plan().apply(host);
    assertThat(first.changed()).isTrue();
    assertThat(host.sysctl("net.ipv4.ip_forward")).isEqualTo("1");
    NftState.Table t = host.state(NftState.SLOT).table("", "ip", "kvmsdk_nat").orElseThrow();
    assertThat(t.chainNames()).containsExactly("prerouting", "postrouting", "forward");
    assertThat(t.rules("prerouting")).containsExactly("fib daddr type local tcp dport 8080 dnat to 10.10.0.5:80");
    assertThat(host.run(HostCommand.of("nft", "list", "table", "ip", "kvmsdk_nat")).stdout()).isEqualTo(GW.nftTable().listing());

    FakeHostSnapshot converged = host.snapshot();
    host.clearCommands();
    PlanResult again = GW.plan().apply(host);
    assertThat(again.changed()).isFalse();
    host.assertUnchangedSince(converged);
    assertThat(host.commands()).as("two checks, no change").hasSize(2);

    assertThat(GW.removalPlan().apply(host).changed()).isTrue();
    assertThat(host.state(NftState.SLOT).tables("")).isEmpty();
    assertThat(GW.removalPlan().apply(host).changed()).isFalse();
    assertThat(host.sysctl("net.ipv4.ip_forward")).as("forwarding stays").isEqualTo("1");
  }

  @Test void aFailedLoadRollsBackForwarding() {
    FakeHost host = FakeHost.create("gw2");
    host.failNext(FaultMatcher.command("nft", "-f"), 1, "Error: Could not process rule: No buffer space available");
    PlanFailedException e = catchThrowableOfType(PlanFailedException.class, () -> GW.plan().apply(host));
    assertThat(e.failedStep().number()).isEqualTo(2);
    assertThat(e.rolledBack()).extracting(r -> r.number()).as("the failed load changed nothing").containsExactly(1);
    assertThat(host.sysctl("net.ipv4.ip_forward")).isEqualTo("0");
    assertThat(host.state(NftState.SLOT).tables("")).isEmpty();
  }

  @Test void aHandEditIsReplacedAndTheDryRunIsAScript() {
    FakeHost host = FakeHost.create("gw3");
    GW.plan().apply(host);
    host.run(HostCommand.of("nft", "add", "rule", "ip", "kvmsdk_nat", "forward", "ip", "saddr", "10.9.9.9", "accept"));
    assertThat(GW.plan().apply(host).changed()).isTrue();
    assertThat(host.state(NftState.SLOT).table("", "ip", "kvmsdk_nat").orElseThrow().rules("forward")).doesNotContain("ip saddr 10.9.9.9 accept");
    String script = GW.plan().apply(host, ApplyOptions.dryRun()).script().orElseThrow();
    assertThat(script).contains("nft -f -").contains("table ip kvmsdk_nat {");
  }

  @Test void aRebootForgetsTheRuleset() {
    FakeHost host = FakeHost.create("gw4");
    GW.plan().apply(host);
    host.reboot();
    assertThat(host.state(NftState.SLOT).tables("")).isEmpty();
    assertThat(GW.plan().apply(host).changed()).isTrue();
  }
}
