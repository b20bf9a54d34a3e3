package io.kvmsdk.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.common.Vlan;
import io.kvmsdk.core.common.VirtualPort;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The rules as a user meets them while building: each refusal names the field and the rule. */
class NetworkRulesTest {
  static void refused(ThrowingCallable c, String field, String rule) {
    assertThatThrownBy(c).isInstanceOf(InvalidSpecException.class)
        .satisfies(e -> assertThat(((InvalidSpecException) e).field()).isEqualTo(field))
        .satisfies(e -> assertThat(((InvalidSpecException) e).rule()).contains(rule))
        .hasMessageContaining(field);
  }

  @Test
  void aDhcpRangeOutsideItsSubnetIsRefusedWhereItIsBuilt() {
    refused(() -> NetworkIp.of("192.168.122.1/24").dhcpRange("192.168.123.2", "192.168.123.9"), "dhcp/range[1]", "not entirely within network 192.168.122.1/24");
    refused(() -> NetworkSpec.fromXml("<network><name>n</name><ip address='192.168.122.1' prefix='24'><dhcp>"
        + "<range start='192.168.122.2' end='192.168.122.9'/><range start='10.0.0.2' end='10.0.0.9'/></dhcp></ip></network>"),
        "network/ip[1]/dhcp/range[2]", "not entirely within");
  }

  @Test
  void aReversedRangeAndAnInvertedNatPortRangeAreRefused() {
    refused(() -> NetworkIp.of("192.168.122.1/24").dhcpRange("192.168.122.200", "192.168.122.100"), "dhcp/range[1]", "reversed");
    refused(() -> NetworkNatPort.of(2000, 1000), "@end", "inverted");
    refused(() -> NetworkNatAddress.of("203.0.113.20", "203.0.113.10"), "@end", "inverted");
  }

  @Test
  void overlappingRangesAreRefusedByValidateNotByBuild() {
    NetworkSpec n = NetworkSpec.builder().name("n")
        .addIp(NetworkIp.of("192.168.122.1/24").dhcpRange("192.168.122.2", "192.168.122.100").dhcpRange("192.168.122.50", "192.168.122.150"))
        .build();
    refused(n::validate, "network/ip[1]/dhcp/range[2]", "overlaps network/ip[1]/dhcp/range[1]");
  }

  @Test
  void forwardModesNeedWhatLibvirtNeeds() {
    refused(() -> NetworkSpec.builder().name("n").forward(NetworkForward.nat()).build(), "network/ip", "needs at least one <ip>");
    refused(() -> NetworkSpec.builder().name("n").forward(NetworkForward.bridge()).bridge(NetworkBridge.named("br0")).mtu(9000).build(),
        "network/mtu/@size", "only allowed in open, route, nat and isolated");
    refused(() -> NetworkSpec.builder().name("n").forward(NetworkForward.pf("hostdev", "eth0")).bridge(NetworkBridge.named("br0")).build(),
        "network/bridge/@name", "not allowed in forward mode 'hostdev'");
    refused(() -> NetworkForward.of("magic"), "@mode", "must be one of nat, route");
    refused(() -> NetworkForward.builder().mode("route").natOptions(NetworkNat.withIpv6()).build(), "nat", "only allowed with forward mode 'nat'");
  }

  /** What libvirt's network parser refuses at define (each checked against a real libvirtd by NetworkContractCases.parserRefusals). */
  @Test
  void whatLibvirtsParserRefusesIsRefusedAtBuild() {
    String n = "<network><name>n</name>";
    refused(() -> NetworkSpec.fromXml("<network><name>a/b</name></network>"), "network/name", "must not contain '/'");
    refused(() -> NetworkSpec.fromXml(n + "<uuid>not-a-uuid</uuid></network>"), "network/uuid", "must be a UUID");
    refused(() -> NetworkSpec.fromXml(n + "<uuid>4bde0320-6840-4ca4-9efe-2e85a0b5bf3-8</uuid></network>"), "network/uuid", "must be a UUID");
    refused(() -> NetworkSpec.fromXml(n + "<uuid>4bde0320-6840-4ca4-9efe-2e85a0b5bf380</uuid></network>"), "network/uuid", "must be a UUID");
    // what libvirt's virUUIDParse takes (NetworkContractCases.uuidForms sends such a UUID to libvirtd)
    assertThat(NetworkSpec.fromXml(n + "<uuid> 4BDE 0320-6840 4ca4 9efe 2e85 a0b5 bf38 </uuid></network>").uuid()).isPresent();
    assertThat(NetworkSpec.fromXml(n + "<uuid>-4bde0320684040a49efe2e85a0b5bf38</uuid></network>").uuid()).isPresent();
    refused(() -> NetworkSpec.fromXml(n + "<mac address='01:00:00:00:00:01'/></network>"), "network/mac/@address", "must be a unicast MAC");
    refused(() -> NetworkSpec.fromXml(n + "<dns><host ip='198.18.31.7'/></dns></network>"), "network/dns/host[1]/hostname", "at least one <hostname>");
    refused(() -> NetworkSpec.fromXml(n + "<ip address='not-an-ip' prefix='24'/></network>"), "network/ip[1]/@address", "must be a numeric IPv4 or IPv6");
    refused(() -> NetworkSpec.fromXml(n + "<ip address='198.18.28.1' prefix='24' netmask='255.255.255.0'/></network>"), "network/ip[1]/@prefix",
        "a prefix or a netmask, not both");
    refused(() -> NetworkSpec.fromXml(n + "<ip address='198.18.29.1' prefix='33'/></network>"), "network/ip[1]/@prefix", "must be 0..32");
    refused(() -> NetworkSpec.fromXml(n + "<ip address='198.18.20.1' prefix='24'><dhcp><range start='198.18.21.10' end='198.18.21.50'/></dhcp></ip></network>"),
        "network/ip[1]/dhcp/range[1]", "is not entirely within network 198.18.20.1/24");
    refused(() -> NetworkSpec.fromXml(n + "<ip address='198.18.22.1' prefix='24'><dhcp><range start='198.18.22.50' end='198.18.22.10'/></dhcp></ip></network>"),
        "network/ip[1]/dhcp/range[1]", "is reversed");
    refused(() -> NetworkSpec.fromXml(n + "<forward mode='bogus'/></network>"), "network/forward/@mode", "must be one of");
    for (String mode : new String[] {"nat", "route", "open"}) {
      refused(() -> NetworkSpec.fromXml(n + "<forward mode='" + mode + "'/></network>"), "network/ip", mode + " forwarding needs at least one <ip>");
    }
    refused(() -> NetworkSpec.fromXml(n + "<forward/></network>"), "network/ip", "nat forwarding needs at least one <ip>");
    // one DHCP per family is the network driver's rule (networkValidate), not the parser's: validate(), not build()
    NetworkSpec twoDhcp = NetworkSpec.fromXml(n + "<ip address='198.18.23.1' prefix='24'><dhcp><range start='198.18.23.10' end='198.18.23.50'/></dhcp></ip>"
        + "<ip address='198.18.24.1' prefix='24'><dhcp><range start='198.18.24.10' end='198.18.24.50'/></dhcp></ip></network>");
    refused(twoDhcp::validate, "network/ip[2]/dhcp", "only one IPv4 address");
  }

  @Test
  void vlansAndVirtualportsFollowTheSharedParsers() {
    refused(() -> Portgroup.vlan("web", 5000), "vlan/tag[1]/@id", "0..4095");
    refused(() -> NetworkSpec.builder().name("n").forward(NetworkForward.bridge()).bridge(NetworkBridge.named("br0"))
        .virtualport(VirtualPort.builder().build()).build(), "network/virtualport/@type", "is required");
    refused(() -> NetworkSpec.builder().name("n").vlan(Vlan.builder().trunk(false).addTags(io.kvmsdk.core.common.VlanTag.of(1), io.kvmsdk.core.common.VlanTag.of(2)).build()).build(),
        "network/vlan/@trunk", "more than one tag");
  }

  @Test
  void theNetworkDriversRulesAreInValidate() {
    NetworkSpec twoDefaults = NetworkSpec.openvswitch("n", "br0", Portgroup.vlan("a", 1).asDefault(), Portgroup.vlan("b", 2).asDefault());
    refused(twoDefaults::validate, "network/portgroup[2]/@default", "only one portgroup may be the default");
    NetworkSpec ipOnBridge = NetworkSpec.hostBridge("n", "br0").copy(b -> b.addIp(NetworkIp.of("10.0.0.1/24")));
    refused(ipOnBridge::validate, "network/ip", "not supported in forward mode 'bridge'");
    NetworkSpec vlanOnNat = NetworkSpec.nat("n", "10.0.0.1/24", null, null).copy(b -> b.vlan(Vlan.of(5)));
    refused(vlanOnNat::validate, "network/vlan", "VLAN tags need an Open vSwitch bridge");
  }

  @Test
  void aMissingNameOrABadAddressIsNamed() {
    refused(() -> NetworkSpec.builder().build(), "network", "name");
    refused(() -> NetworkIp.ipv4("192.168.1.300", 24), "@address", "numeric IPv4 or IPv6 address");
    refused(() -> DhcpLeaseTime.minutes(1), "@expiry", "minimum lease time is 2 minutes");
    refused(() -> DnsTxt.of("a b", "x"), "@name", "spaces or commas");
  }

  @Test
  void aNetworkPortNeedsUuidOwnerAndMac() {
    refused(() -> NetworkPortSpec.builder().mac("52:54:00:00:00:01").owner(NetworkPortOwner.of("vm", "d54df46f-1ab5-4a22-8618-4560ef5fac2c")).build(),
        "networkport/uuid", "is required");
    refused(() -> NetworkPortSpec.builder().uuid("5d744f21-ba4a-4d6e-bdb2-30a35ff3207d").mac("52:54:00:00:00:01").build(), "networkport/owner", "is required");
    refused(() -> NetworkPortPlug.builder().type("direct").dev("eth0").mode("x").build(), "@mode", "vepa, private, bridge or passthrough");
  }

  @Test
  void leniencyKeepsWhatLibvirtReadsLooselyVerbatim() {
    NetworkSpec n = NetworkSpec.fromXml("<network><name>n</name><bridge name='virbr1' stp='maybe'/></network>");
    assertThat(n.bridge().get().stp()).isEmpty();
    assertThat(n.unmodeledPaths()).containsExactly("network/bridge/@stp");
    assertThat(n.toXml()).contains("stp='maybe'");
  }
}
