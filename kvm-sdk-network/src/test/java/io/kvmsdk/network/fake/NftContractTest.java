package io.kvmsdk.network.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.network.NatGateway;
import io.kvmsdk.network.PortForward;
import io.kvmsdk.core.testing.Netns;
import io.kvmsdk.core.testing.NetnsRunner;
import io.kvmsdk.core.testing.Proc;
import io.kvmsdk.testkit.FakeHost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fake {@code nft} (and {@code sha256sum}) against nft 1.0.6 in a scratch network namespace: the
 * same commands, one after the other, give the same exit codes and stdout; stderr is compared
 * exactly for the errors the fake models with nft's words and caret, and by its first words for
 * other syntax errors.
 */
class NftContractTest {
  /** One command of the scenario and how much of stderr must match. */
  record Case(HostCommand cmd, Stderr stderr) {}

  /** How much of stderr must match: all, the first error (nft goes on after recovering, the fake stops), or its first words. */
  enum Stderr { EXACT, FIRST_ERROR, SYNTAX_ERROR }

  private static Case nft(String... args) { return new Case(HostCommand.builder().arg("nft").args(args).build(), Stderr.EXACT); }

  private static Case file(String text) { return new Case(HostCommand.builder().args("nft", "-f", "-").stdin(text).build(), Stderr.EXACT); }

  private static Case check(String text) { return new Case(HostCommand.builder().args("nft", "-c", "-f", "-").stdin(text).build(), Stderr.EXACT); }

  private static Case roughly(Case c) { return new Case(c.cmd(), Stderr.SYNTAX_ERROR); }

  private static Case firstError(Case c) { return new Case(c.cmd(), Stderr.FIRST_ERROR); }

  private static Case sh(String script) { return new Case(HostCommand.of("sh", "-c", script), Stderr.EXACT); }

  static final NatGateway GW = NatGateway.builder().outInterface("eth0").addSource("10.10.0.0/24").addPortForward(8080, "10.10.0.5", 80).build();
  static final NatGateway GW2 = NatGateway.builder().table("kvmsdk_t2").outInterface("up0").addSource("10.0.0.0/8").addSource("192.168.1.1")
      .snatAddress("203.0.113.9").fwmark(0x2aL).hairpin(false).addPortForward(PortForward.udp(53, "10.0.0.53", 53)).build();

  static final String MIXED = String.join("\n",
      "table ip a_b {",
      " chain c {",
      "  type filter hook forward priority 0; policy drop;",
      "  ct state related,established,new counter accept",
      "  meta mark 42 accept",
      "  iifname eth0 ip daddr 10.0.0.0/8 udp sport 53 return",
      "  ip saddr 10.1.2.3/32 meta mark set 7",
      "  ip saddr 10.1.2.3/8 iif \"v0\" oif v1 meta l4proto udp drop",
      " }",
      " chain n_p { type nat hook prerouting priority -90; tcp dport 22 dnat to 1.2.3.4; }",
      " chain n_q { type nat hook postrouting priority 100; policy accept; ip protocol tcp masquerade; }",
      " chain n_r { type filter hook input priority -150; }",
      " chain n_s { type filter hook input priority 10; }",
      " chain n_t { type filter hook output priority -5; }",
      " chain n_u { type filter hook output priority 200; }",
      " chain n_v { type nat hook output priority dstnat; }",
      "}",
      "table ip c_d",
      "");

  static List<Case> scenario() {
    List<Case> c = new ArrayList<>();
    c.add(nft("list", "tables"));
    c.add(file(GW.nftRuleset()));
    c.add(nft("list", "table", "ip", "kvmsdk_nat"));
    c.add(sh("nft list table ip kvmsdk_nat | sha256sum"));
    c.add(sh(GW.nftTable().isLoadedCheck().argv().get(2)));
    c.add(sh(GW.nftTable().isAbsentCheck().argv().get(2)));
    c.add(file(GW.nftRuleset()));
    c.add(file(GW2.nftRuleset()));
    c.add(nft("list", "tables"));
    c.add(nft("list", "ruleset"));
    c.add(file(MIXED));
    c.add(nft("list", "table", "ip", "a_b"));
    c.add(nft("-s", "list", "table", "ip", "a_b"));
    c.add(nft("list", "tables", "ip"));
    c.add(nft("add", "rule", "ip", "kvmsdk_nat", "forward", "ip", "saddr", "10.9.9.9", "accept"));
    c.add(sh(GW.nftTable().isLoadedCheck().argv().get(2)));
    c.add(nft("delete", "table", "ip", "a_b"));
    c.add(nft("delete", "table", "ip", "a_b"));
    c.add(nft("list", "table", "ip", "a_b"));
    c.add(file("delete table ip nope_x\n"));
    c.add(file("table ip x_y\ndelete table ip nope_x\n"));
    c.add(nft("list", "tables"));
    c.add(file("table ip x_y {\n\tchain c {\n\t\ttype filter hook forward priority filter; policy accept;\n\t\toif \"nonexistent\" accept\n\t}\n}\n"));
    c.add(file("table ip x_y {\n\tchain c {\n\t\ttype filter hook forward priority filter; policy accept;\n\t\ttcp dport 70000 accept\n\t}\n}\n"));
    c.add(file("table ip x_y {\n\tchain c {\n\t\ttype nat hook forward priority filter; policy accept;\n\t}\n}\n"));
    // family, type, hook and priority together, as NftChain.checkIn refuses them
    for (String bad : List.of("arp filter prerouting 0", "inet filter egress 0", "ip filter ingress 0", "bridge nat postrouting srcnat",
        "arp nat input 0", "netdev filter ingress 0", "netdev nat egress 0", "inet filter ingress 0", "arp filter input raw",
        "bridge filter input mangle", "arp filter input dstnat", "ip6 nat forward 0", "inet route input 0")) {
      String[] f = bad.split(" ");
      c.add(check("table " + f[0] + " t_x {\n\tchain c_x {\n\t\ttype " + f[1] + " hook " + f[2] + " priority " + f[3] + "; policy accept;\n\t}\n}\n"));
    }
    c.add(check("table arp t_x {\n\tchain c_x {\n\t\ttype filter hook output priority filter; policy accept;\n\t}\n}\n"));
    c.add(check("table bridge t_x {\n\tchain c_x {\n\t\ttype filter hook prerouting priority dstnat; policy accept;\n\t}\n}\n"));
    c.add(firstError(file("table ip x_y {\n chain n_p { type nat hook prerouting priority -100; tcp dport 22 dnat to 1.2.3.4 }\n}\n")));
    c.add(roughly(file("table ip x_y {\n\tchain c {\n\t\ttype filter hook forward priority filter; policy accept;\n\t\tbogus accept\n\t}\n}\n")));
    c.add(check(GW2.nftRuleset().replace("kvmsdk_t2", "kvmsdk_t3")));
    c.add(check("delete table ip kvmsdk_t3\n"));
    c.add(nft("list", "tables"));
    c.add(nft("flush", "table", "ip", "kvmsdk_t2"));
    c.add(nft("list", "table", "ip", "kvmsdk_t2"));
    c.add(nft("create", "table", "ip", "kvmsdk_t2"));
    c.add(nft("add", "table", "ip", "kvmsdk_t2"));
    c.add(nft("flush", "ruleset"));
    c.add(nft("list", "ruleset"));
    c.add(sh(GW.nftTable().isAbsentCheck().argv().get(2)));
    return c;
  }

  @Test void theFakeAnswersLikeNft106() {
    Proc.require("nft", "ip", "sha256sum");
    FakeHost fake = FakeHost.create("nft-contract");
    for (String[] l : List.of(new String[] {"eth0", "wan"}, new String[] {"v0", "v1"})) {
      fake.run(HostCommand.of("ip", "link", "add", l[0], "type", "veth", "peer", "name", l[1]));
    }
    try (Netns ns = Netns.create("nftc")) {
      ns.ip("link", "add", "eth0", "type", "veth", "peer", "name", "wan");
      ns.ip("link", "add", "v0", "type", "veth", "peer", "name", "v1");
      NetnsRunner real = new NetnsRunner(ns);
      int n = 0;
      for (Case c : scenario()) {
        n++;
        CommandResult r = real.run(c.cmd());
        CommandResult f = fake.run(c.cmd());
        String what = "case " + n + ": " + c.cmd();
        assertThat(f.exitCode()).as(what + "\nreal stderr: " + r.stderr() + "\nfake stderr: " + f.stderr()).isEqualTo(r.exitCode());
        assertThat(f.stdout()).as(what).isEqualTo(r.stdout());
        if (c.stderr() == Stderr.EXACT) {
          assertThat(f.stderr()).as(what).isEqualTo(r.stderr());
        } else if (c.stderr() == Stderr.FIRST_ERROR) {
          assertThat(r.stderr()).as(what).startsWith(f.stderr());
          assertThat(f.stderr()).as(what).contains("Error: ");
        } else {
          assertThat(f.stderr()).as(what).startsWith("/dev/stdin:4:");
          assertThat(r.stderr()).as(what).startsWith("/dev/stdin:4:").contains("Error: syntax error");
          assertThat(f.stderr()).as(what).contains("Error: syntax error");
        }
      }
    }
  }
}
