package io.kvmsdk.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.testing.Netns;
import io.kvmsdk.core.testing.Proc;
import io.kvmsdk.network.bgp.BgpNeighbor;
import io.kvmsdk.network.bgp.BirdConfig;
import io.kvmsdk.network.ovs.OvsSflow;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One rule for every address and prefix length of the module (decimal, no sign, no leading zero), with
 * iproute2 as the oracle of why: it reads {@code 010.001.1.1/024} as {@code 8.1.1.1/20} and {@code /+24},
 * {@code /-0} as {@code /24}, {@code /0}. A VXLAN's remote or group is of its local address's family, or
 * {@code ip link add} refuses it.
 */
class AddressRulesNetnsTest {
  private Netns ns;

  @BeforeEach void namespace() {
    NetnsRunner.requireRootAndIp();
    ns = Netns.create("addr");
    ns.ip("link", "add", "d0", "type", "veth", "peer", "name", "d1");
  }

  @AfterEach void cleanUp() {
    if (ns != null) ns.close();
  }

  private static InvalidSpecException refused(Runnable build) {
    InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, build::run);
    assertThat(e).as("refused at build time").isNotNull();
    return e;
  }

  /** {@code ip ARGS} in the namespace, failing or not. */
  private Proc.Result ip(String... args) {
    List<String> argv = new java.util.ArrayList<>(List.of("ip"));
    argv.addAll(List.of(args));
    return ns.exec(argv, null);
  }

  private String installed(String cidr) {
    Proc.Result r = ip("addr", "add", cidr, "dev", "d0");
    assertThat(r.ok()).as("ip addr add %s: %s", cidr, r).isTrue();
    String line = ns.ip("-o", "addr", "show", "dev", "d0").out().lines().filter(l -> l.contains(" inet")).reduce((a, b) -> b).orElseThrow();
    ns.ip("addr", "flush", "dev", "d0");
    return line.replaceAll(".* inet6? (\\S+) .*", "$1");
  }

  @Test
  void iproute2ReadsLeadingZerosAsOctalAndSignsAsNothing() {
    assertThat(installed("010.001.1.1/024")).isEqualTo("8.1.1.1/20");
    assertThat(installed("198.18.0.2/+24")).isEqualTo("198.18.0.2/24");
    assertThat(installed("198.18.0.3/-0")).isEqualTo("198.18.0.3/0");
    assertThat(installed("2001:db8::1/064")).isEqualTo("2001:db8::1/52");
    assertThat(installed("198.18.0.4/24")).as("what the specs accept is applied as written").isEqualTo("198.18.0.4/24");
    assertThat(installed("2001:db8::4/64")).isEqualTo("2001:db8::4/64");
  }

  @ParameterizedTest
  @ValueSource(strings = {"010.001.1.1/024", "198.18.0.2/024", "010.18.0.2/24", "198.18.00.2/24", "198.18.0.2/+24", "198.18.0.2/-0", "198.18.0.2/08",
      "2001:db8::1/064", "2001:db8::1/+64", "2001:db8:00001::1/64", "::ffff:010.1.1.1/128", "198.18.0.2/ 24"})
  void everyAddressListRefusesWhatIproute2WouldMisread(String cidr) {
    assertThat(refused(() -> VlanSpec.of("eth0", 10).copy(b -> b.addAddresses(cidr))).field()).isEqualTo("vlan[eth0.10]/address");
    assertThat(refused(() -> BondSpec.linux("bond0").addMembers("eth0", "eth1").addAddresses(cidr).build()).field()).isEqualTo("bond[bond0]/address");
    InvalidSpecException e = refused(() -> BridgeSpec.linux("br0").addAddress(cidr).build());
    assertThat(e.field()).isEqualTo("bridge[br0]/address");
    assertThat(e.rule()).contains(cidr.substring(0, cidr.indexOf('/')));
  }

  @ParameterizedTest
  @ValueSource(strings = {"010.18.0.2", "198.018.0.2", "198.18.0.02", "+198.18.0.2", "198.18.0.2 "})
  void everyPlainAddressFollowsTheSameRule(String addr) {
    assertThat(refused(() -> VxlanSpec.builder().name("vx1").vni(1).local(addr).build()).field()).isEqualTo("vxlan[vx1]/@local");
    assertThat(refused(() -> VxlanSpec.builder().name("vx1").vni(1).remote(addr).build()).field()).isEqualTo("vxlan[vx1]/@remote");
    assertThat(refused(() -> NatGateway.builder().outInterface("eth0").addSource(addr + "/32").build()).field()).isEqualTo("source[1]");
    assertThat(refused(() -> NatGateway.builder().outInterface("eth0").addSource("198.18.0.0/24").snatAddress(addr).build()).field())
        .isEqualTo("snatAddress");
    assertThat(refused(() -> NatGateway.builder().outInterface("eth0").addSource("198.18.0.0/24").addPortForward(80, addr, 80).build()).field())
        .isEqualTo("portForward[1]/toAddress");
    assertThat(refused(() -> BirdConfig.builder().routerId(addr).localAs(65001).addNeighbor(BgpNeighbor.of("tor1", "198.18.1.2", 65101)).build())
        .field()).isEqualTo("routerId");
    assertThat(refused(() -> OvsSflow.of("br0", addr + ":6343", 64)).field()).isEqualTo("sflow/targets");
  }

  @Test
  void prefixesOfNatAndBgpFollowTheSameRule() {
    for (String p : List.of("198.18.0.0/024", "198.18.0.0/+24", "10.0.0.0/08", "10.0.0.0/00", "198.018.0.0/24")) {
      InvalidSpecException nat = refused(() -> NatGateway.builder().outInterface("eth0").addSource(p).build());
      assertThat(nat.field()).isEqualTo("source[1]");
      assertThat(nat.rule()).contains("without sign or leading zeros");
      InvalidSpecException bgp = refused(() -> BirdConfig.builder().routerId("198.18.1.1").localAs(65001)
          .addNeighbor(BgpNeighbor.of("tor1", "198.18.1.2", 65101)).addAnnounce(p).build());
      assertThat(bgp.field()).isEqualTo("announce[1]");
      assertThat(bgp.rule()).contains("without sign or leading zeros");
    }
    assertThat(NatGateway.builder().outInterface("eth0").addSource("0.0.0.0/0").build().nftRuleset()).contains("masquerade");
    assertThat(NatGateway.builder().outInterface("eth0").addSource("198.18.0.0/16").addSource("198.19.0.10").build().sources()).hasSize(2);
  }

  @Test
  void aVxlanPeerOfTheOtherFamilyIsRefusedAtBuildAsIpLinkAddRefusesIt() {
    Proc.Result real = ip("link", "add", "vx9", "type", "vxlan", "id", "9", "local", "2001:db8::1", "remote", "198.18.0.2", "dstport", "4789");
    assertThat(real.ok()).isFalse();
    assertThat(real.err()).contains("inet6 address is expected rather than \"198.18.0.2\"");
    assertThat(ip("link", "add", "vx9", "type", "vxlan", "id", "9", "local", "198.18.0.1", "remote", "2001:db8::2", "dstport", "4789").err())
        .contains("inet address is expected rather than \"2001:db8::2\"");
    assertThat(ip("link", "add", "vx9", "type", "vxlan", "id", "9", "local", "2001:db8::1", "group", "239.1.1.1", "dev", "d1").err())
        .contains("inet6 address is expected rather than \"239.1.1.1\"");

    InvalidSpecException e = refused(() -> VxlanSpec.builder().name("vx9").vni(9).local("2001:db8::1").remote("198.18.0.2").build());
    assertThat(e.field()).isEqualTo("vxlan[vx9]/@remote");
    assertThat(e.rule()).contains("same address family as local (IPv6 2001:db8::1)");
    assertThat(refused(() -> VxlanSpec.builder().name("vx9").vni(9).local("198.18.0.1").remote("2001:db8::2").build()).field())
        .isEqualTo("vxlan[vx9]/@remote");
    assertThat(refused(() -> VxlanSpec.builder().name("vx9").vni(9).local("2001:db8::1").group("239.1.1.1").dev("d1").build()).field())
        .isEqualTo("vxlan[vx9]/@group");

    for (VxlanSpec ok : List.of(VxlanSpec.builder().name("vx6").vni(6).local("2001:db8::1").remote("2001:db8::2").build(),
        VxlanSpec.builder().name("vx4").vni(4).local("198.18.0.1").group("239.1.1.1").dev("d1").build())) {
      Proc.Result r = ip(ok.addArgs().toArray(String[]::new));
      assertThat(r.ok()).as("ip %s: %s", ok.addArgs(), r).isTrue();
    }
  }
}
