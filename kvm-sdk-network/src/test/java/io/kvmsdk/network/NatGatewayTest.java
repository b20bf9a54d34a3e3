package io.kvmsdk.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.host.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

class NatGatewayTest {
  static NatGateway example() {
    return NatGateway.builder().outInterface("eth0").addSource("10.10.0.0/24").addPortForward(8080, "10.10.0.5", 80).build();
  }

  @Test void rendersItsOwnTableReplacedAtomically() {
    assertThat(example().nftRuleset()).isEqualTo(String.join("\n",
        "#!/usr/sbin/nft -f",
        "# kvm-sdk NAT gateway kvmsdk_nat: 10.10.0.0/24 out of eth0",
        "table ip kvmsdk_nat",
        "delete table ip kvmsdk_nat",
        "table ip kvmsdk_nat {",
        "\tchain prerouting {",
        "\t\ttype nat hook prerouting priority dstnat; policy accept;",
        "\t\tfib daddr type local tcp dport 8080 dnat to 10.10.0.5:80",
        "\t}",
        "",
        "\tchain postrouting {",
        "\t\ttype nat hook postrouting priority srcnat; policy accept;",
        "\t\tip saddr 10.10.0.0/24 oifname \"eth0\" masquerade",
        "\t\tip saddr 10.10.0.0/24 ip daddr 10.10.0.5 tcp dport 80 ct status dnat masquerade",
        "\t}",
        "",
        "\tchain forward {",
        "\t\ttype filter hook forward priority filter; policy accept;",
        "\t\tct state established,related accept",
        "\t\tip daddr 10.10.0.5 tcp dport 80 ct status dnat accept",
        "\t\tip saddr 10.10.0.0/24 oifname \"eth0\" accept",
        "\t\tiifname \"eth0\" drop",
        "\t}",
        "}",
        ""));
  }

  @Test void snatFwmarkAndNoHairpin() {
    NatGateway gw = NatGateway.builder().table("tenant_a").outInterface("uplink0").addSource("10.20.0.0/16").addSource("192.168.7.9")
        .snatAddress("198.51.100.7").fwmark(0x10L).hairpin(false).dropUnsolicited(false)
        .addPortForward(PortForward.udp(5353, "10.20.1.1", 53)).build();
    assertThat(gw.nftTable().listing()).contains(
        "\t\tiifname \"uplink0\" udp dport 5353 dnat to 10.20.1.1:53\n",
        "\t\tmeta mark 0x00000010 ip saddr 10.20.0.0/16 oifname \"uplink0\" snat to 198.51.100.7\n",
        "\t\tmeta mark 0x00000010 ip saddr 192.168.7.9 oifname \"uplink0\" snat to 198.51.100.7\n",
        "\t\tip daddr 10.20.1.1 udp dport 53 ct status dnat accept\n")
        .doesNotContain("ct status dnat masquerade", "drop");
    assertThat(gw.iptablesRestore()).contains(
        "-A TENANT_A_PRE -i uplink0 -p udp -m udp --dport 5353 -j DNAT --to-destination 10.20.1.1:53\n",
        "-A TENANT_A_POST -s 10.20.0.0/16 -o uplink0 -m mark --mark 0x10 -j SNAT --to-source 198.51.100.7\n",
        "-A TENANT_A_POST -s 192.168.7.9/32 -o uplink0 -m mark --mark 0x10 -j SNAT --to-source 198.51.100.7\n");
  }

  @Test void rendersIptablesRestoreInput() {
    assertThat(example().iptablesRestore()).isEqualTo(String.join("\n",
        "# kvm-sdk NAT gateway kvmsdk_nat for iptables-restore",
        "*nat",
        ":KVMSDK_NAT_PRE - [0:0]",
        ":KVMSDK_NAT_POST - [0:0]",
        "-A PREROUTING -j KVMSDK_NAT_PRE",
        "-A POSTROUTING -j KVMSDK_NAT_POST",
        "-A KVMSDK_NAT_PRE -m addrtype --dst-type LOCAL -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.10.0.5:80",
        "-A KVMSDK_NAT_POST -s 10.10.0.0/24 -o eth0 -j MASQUERADE",
        "-A KVMSDK_NAT_POST -s 10.10.0.0/24 -d 10.10.0.5/32 -p tcp -m tcp --dport 80 -m conntrack --ctstate DNAT -j MASQUERADE",
        "COMMIT",
        "*filter",
        ":KVMSDK_NAT_FWD - [0:0]",
        "-A FORWARD -j KVMSDK_NAT_FWD",
        "-A KVMSDK_NAT_FWD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
        "-A KVMSDK_NAT_FWD -d 10.10.0.5/32 -p tcp -m tcp --dport 80 -m conntrack --ctstate DNAT -j ACCEPT",
        "-A KVMSDK_NAT_FWD -s 10.10.0.0/24 -o eth0 -j ACCEPT",
        "-A KVMSDK_NAT_FWD -i eth0 -j DROP",
        "COMMIT",
        ""));
  }

  @Test void thePlanTurnsForwardingOnThenLoadsTheTable() {
    Plan plan = example().plan();
    assertThat(plan.steps()).hasSize(2);
    assertThat(plan.steps().get(0).change().get(0).argv()).containsExactly("sysctl", "-w", "net.ipv4.ip_forward=1");
    assertThat(plan.steps().get(1).change().get(0).argv()).containsExactly("nft", "-f", "-");
    assertThat(new String(plan.steps().get(1).change().get(0).stdin().orElseThrow())).isEqualTo(example().nftRuleset());
    assertThat(plan.steps().get(1).check().orElseThrow().argv().get(2))
        .startsWith("nft list table ip kvmsdk_nat | sha256sum | grep -qx '").endsWith("  -'");
    assertThat(plan.steps().get(1).undo().get(0).argv()).containsExactly("nft", "delete", "table", "ip", "kvmsdk_nat");
    assertThat(plan.toScript()).contains("nft -f -").contains("sysctl -w net.ipv4.ip_forward=1");
    assertThat(example().removalPlan().steps()).singleElement()
        .satisfies(s -> assertThat(s.change().get(0).argv()).containsExactly("nft", "delete", "table", "ip", "kvmsdk_nat"));
  }

  @Test void overlappingSourcesAreRefused() {
    assertThatThrownBy(() -> NatGateway.builder().outInterface("eth0").addSource("10.10.0.0/24").addSource("10.10.0.128/25").build())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("source[2]").hasMessageContaining("overlaps source[1] '10.10.0.0/24'");
    assertThatThrownBy(() -> NatGateway.builder().outInterface("eth0").addSource("10.0.0.0/8").addSource("10.10.0.0/24").build())
        .hasMessageContaining("source[2]");
    assertThatThrownBy(() -> NatGateway.builder().outInterface("eth0").addSource("10.10.0.1/24").build())
        .hasMessageContaining("source[1]").hasMessageContaining("did you mean 10.10.0.0/24?");
    assertThatThrownBy(() -> NatGateway.builder().outInterface("eth0").addSource("gateway.example").build())
        .hasMessageContaining("source[1]");
    assertThatThrownBy(() -> NatGateway.builder().outInterface("eth0").build()).hasMessageContaining("source");
  }

  @Test void aPortForwardOutOfRangeIsRefused() {
    for (int bad : List.of(0, -1, 65536, 70000)) {
      assertThatThrownBy(() -> NatGateway.builder().outInterface("eth0").addSource("10.10.0.0/24").addPortForward(8080, "10.10.0.5", bad).build())
          .isInstanceOf(InvalidSpecException.class).hasMessageContaining("portForward[1]/toPort").hasMessageContaining("1..65535, got " + bad);
      assertThatThrownBy(() -> NatGateway.builder().outInterface("eth0").addSource("10.10.0.0/24").addPortForward(bad, "10.10.0.5", 80).build())
          .hasMessageContaining("portForward[1]/publicPort");
    }
    assertThatThrownBy(() -> NatGateway.builder().outInterface("eth0").addSource("10.10.0.0/24")
        .addPortForward(80, "10.10.0.5", 80).addPortForward(80, "10.10.0.6", 80).build())
        .hasMessageContaining("portForward[2]/publicPort").hasMessageContaining("forwarded already by portForward[1]");
    assertThatThrownBy(() -> NatGateway.builder().outInterface("eth0").addSource("10.10.0.0/24").addPortForward(80, "10.10.0.300", 80).build())
        .hasMessageContaining("portForward[1]/toAddress");
    assertThatThrownBy(() -> NatGateway.builder().outInterface("eth0").addSource("10.10.0.0/24")
        .addPortForward(PortForward.builder().protocol("sctp").publicPort(1).toAddress("10.10.0.5").toPort(1).build()).build())
        .hasMessageContaining("portForward[1]/protocol");
  }

  @Test void badInterfaceNamesNeverReachAShell() {
    for (String bad : List.of("eth0/1", "eth 0", "eth0;reboot", "$(reboot)", "a`b`", "eth0|x", "thisnameiswaytoolong", "", "..", "eth0\n",
        "\"eth0\"", "et*")) {
      assertThatThrownBy(() -> NatGateway.builder().outInterface(bad).addSource("10.10.0.0/24").build())
          .as(bad).isInstanceOf(InvalidSpecException.class).hasMessageContaining("outInterface");
    }
    assertThat(NatGateway.builder().outInterface("fifteen_bytes_x").addSource("10.10.0.0/24").build().outInterface()).hasSize(15);
    assertThatThrownBy(() -> NatGateway.builder().addSource("10.10.0.0/24").build()).hasMessage("outInterface: is required");
  }

  @Test void otherBadInput() {
    assertThatThrownBy(() -> example().copy(b -> b.table("Bad-Name"))).hasMessageContaining("table");
    assertThatThrownBy(() -> example().copy(b -> b.table("mark"))).hasMessageContaining("table").hasMessageContaining("nft keyword");
    assertThatThrownBy(() -> example().copy(b -> b.fwmark(0L))).hasMessageContaining("fwmark");
    assertThatThrownBy(() -> example().copy(b -> b.snatAddress("1.2.3"))).hasMessageContaining("snatAddress");
  }
}
