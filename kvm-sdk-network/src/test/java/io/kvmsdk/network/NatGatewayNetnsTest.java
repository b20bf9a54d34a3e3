package io.kvmsdk.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.core.testing.Netns;
import io.kvmsdk.core.testing.NetnsRunner;
import io.kvmsdk.network.testing.PeerEcho;
import io.kvmsdk.core.testing.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The NAT gateway applied for real with nft 1.0 in a namespace between others: {@code out} (a server
 * in the world, 198.18.0.2), {@code gw} (eth0 198.18.0.1 toward it, bridge brin 10.10.0.1/24 inside),
 * {@code in1} (a client, 10.10.0.2) and {@code in2} (an inner server, 10.10.0.3) on brin.
 */
class NatGatewayNetnsTest {
  private Netns out;
  private Netns gw;
  private Netns in1;
  private Netns in2;
  private NetnsRunner runner;

  static final NatGateway GATEWAY = NatGateway.builder().outInterface("eth0").addSource("10.10.0.0/24")
      .addPortForward(8080, "10.10.0.3", 80).build();

  @BeforeEach void topology() {
    Proc.require("nft", "ip");
    out = Netns.create("out");
    gw = Netns.create("gw");
    in1 = Netns.create("in1");
    in2 = Netns.create("in2");
    gw.vethTo("eth0", out, "wan0");
    gw.ip("addr", "add", "198.18.0.1/24", "dev", "eth0");
    out.ip("addr", "add", "198.18.0.2/24", "dev", "wan0");
    gw.ip("link", "add", "brin", "type", "bridge");
    gw.ip("addr", "add", "10.10.0.1/24", "dev", "brin");
    gw.ip("link", "set", "brin", "up");
    int n = 1;
    for (Netns inner : List.of(in1, in2)) {
      String port = "p" + n;
      gw.vethTo(port, inner, "eth0");
      gw.ip("link", "set", port, "master", "brin");
      inner.ip("addr", "add", "10.10.0." + (n + 1) + "/24", "dev", "eth0");
      inner.ip("route", "add", "default", "via", "10.10.0.1");
      n++;
    }
    runner = new NetnsRunner(gw);
  }

  @AfterEach void cleanUp() {
    for (Netns ns : new Netns[] {out, gw, in1, in2}) if (ns != null) ns.close();
  }

  private String nftJson() { return gw.execOk("nft", "-j", "list", "table", "ip", "kvmsdk_nat").out(); }

  @Test void aClientBehindItReachesTheWorldWithTheGatewaysAddressAndPortForwardsReachTheInnerServer() {
    assertThat(PeerEcho.connect(in1, "198.18.0.2", 7000, 2).ok()).as("no forwarding, no NAT: no way out").isFalse();

    PlanResult first = GATEWAY.plan().apply(runner);
    assertThat(first.changed()).isTrue();
    assertThat(gw.execOk("sysctl", "-n", "net.ipv4.ip_forward").out().strip()).isEqualTo("1");
    assertThat(gw.execOk("nft", "list", "table", "ip", "kvmsdk_nat").out()).isEqualTo(GATEWAY.nftTable().listing());

    try (PeerEcho world = PeerEcho.listen(out, 7000); PeerEcho inner = PeerEcho.listen(in2, 80)) {
      assertThat(PeerEcho.connect(in1, "198.18.0.2", 7000).out().strip()).as("masqueraded").isEqualTo("198.18.0.1");
      assertThat(PeerEcho.connect(out, "198.18.0.1", 8080).out().strip()).as("port forward to in2:80, source kept")
          .isEqualTo("198.18.0.2");
      assertThat(PeerEcho.connect(in1, "198.18.0.1", 8080).out().strip()).as("hairpin: in1 through the public address")
          .isEqualTo("10.10.0.1");
      out.ip("route", "add", "10.10.0.0/24", "via", "198.18.0.1");
      assertThat(PeerEcho.connect(out, "10.10.0.3", 80, 2).ok()).as("unsolicited from outside: dropped").isFalse();
    }

    String before = nftJson();
    PlanResult again = GATEWAY.plan().apply(runner);
    assertThat(again.changed()).isFalse();
    assertThat(nftJson()).as("nft -j list table: same handles, same rules").isEqualTo(before);

    gw.execOk("nft", "add", "rule", "ip", "kvmsdk_nat", "forward", "ip", "saddr", "10.9.9.9", "accept");
    assertThat(GATEWAY.plan().apply(runner).changed()).as("a hand edit is replaced").isTrue();
    assertThat(gw.execOk("nft", "list", "table", "ip", "kvmsdk_nat").out()).isEqualTo(GATEWAY.nftTable().listing());

    PlanResult removed = GATEWAY.removalPlan().apply(runner);
    assertThat(removed.changed()).isTrue();
    assertThat(gw.execOk("nft", "list", "tables").out()).doesNotContain("kvmsdk_nat");
    assertThat(GATEWAY.removalPlan().apply(runner).changed()).isFalse();
  }

  @Test void aFailureAfterTheGatewayRollsItBack() {
    Plan plan = GATEWAY.plan().then(Step.of("a later step fails", HostCommand.of("false")));
    PlanFailedException e = catchThrowableOfType(PlanFailedException.class, () -> plan.apply(runner));
    assertThat(e.rolledBack()).hasSize(2);
    assertThat(gw.execOk("nft", "list", "tables").out()).doesNotContain("kvmsdk_nat");
    assertThat(gw.execOk("sysctl", "-n", "net.ipv4.ip_forward").out().strip()).isEqualTo("0");
  }

  @Test void snatByFwmarkApplied() {
    NatGateway marked = GATEWAY.copy(b -> b.snatAddress("198.18.0.1").fwmark(0x2aL));
    marked.plan().apply(runner);
    assertThat(gw.execOk("nft", "list", "table", "ip", "kvmsdk_nat").out()).isEqualTo(marked.nftTable().listing());
    try (PeerEcho world = PeerEcho.listen(out, 7000)) {
      assertThat(PeerEcho.connect(in1, "198.18.0.2", 7000, 2).ok()).as("unmarked: not translated, no way back").isFalse();
      gw.execOk("nft", "add", "table", "ip", "test_mark");
      gw.execOk("nft", "add", "chain", "ip", "test_mark", "pre", "{ type filter hook prerouting priority mangle; }");
      gw.execOk("nft", "add", "rule", "ip", "test_mark", "pre", "ip", "saddr", "10.10.0.2", "meta", "mark", "set", "0x2a");
      assertThat(PeerEcho.connect(in1, "198.18.0.2", 7000).out().strip()).as("marked: SNAT").isEqualTo("198.18.0.1");
    }
    assertThat(marked.plan().apply(runner).changed()).isFalse();
  }

  static List<NatGateway> variants() {
    return List.of(GATEWAY,
        GATEWAY.copy(b -> b.hairpin(false).dropUnsolicited(false)),
        NatGateway.builder().table("kvmsdk_t2").outInterface("uplink-absent").addSource("10.0.0.0/8").addSource("172.16.0.0/12")
            .addSource("192.168.1.1").snatAddress("203.0.113.9").fwmark(0xffffffffL)
            .addPortForward(PortForward.udp(53, "10.0.0.53", 53)).addPortForward(443, "172.16.0.4", 8443).build());
  }

  @Test void everyRenderedRulesetPassesNftCheckInAnEmptyNamespace() throws Exception {
    try (Netns empty = Netns.create("nftc")) {
      for (NatGateway g : variants()) {
        Path f = Files.createTempFile("n2-nat", ".nft");
        try {
          Files.writeString(f, g.nftRuleset());
          Proc.Result r = empty.exec("nft", "-c", "-f", f.toString());
          assertThat(r.ok()).as("nft -c -f of\n%s\n%s", g.nftRuleset(), r).isTrue();
        } finally {
          Files.delete(f);
        }
      }
    }
  }

  @Test void everyIptablesFormPassesBothRestoreTests() {
    Proc.require("iptables-restore", "iptables-legacy-restore");
    try (Netns empty = Netns.create("ipt")) {
      for (NatGateway g : variants()) {
        for (String tool : List.of("iptables-restore", "iptables-legacy-restore")) {
          Proc.Result r = empty.exec(List.of(tool, "--test"), g.iptablesRestore());
          assertThat(r.ok()).as("%s --test of\n%s\n%s", tool, g.iptablesRestore(), r).isTrue();
        }
      }
      Proc.Result bad = empty.exec(List.of("iptables-legacy-restore", "--test"), GATEWAY.iptablesRestore().replace("MASQUERADE", "MASQ"));
      assertThat(bad.ok()).as("the oracle can fail").isFalse();
    }
  }
}
