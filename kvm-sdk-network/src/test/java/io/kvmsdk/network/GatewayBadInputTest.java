package io.kvmsdk.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.network.tuning.InterfaceTuning;
import io.kvmsdk.testkit.FakeHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bad-input rules for the NAT gateway, MAC pools and interface tuning: each refused when
 * the spec is built, by {@link InvalidSpecException#field()} naming the field, before anything can
 * reach a host.
 */
class GatewayBadInputTest {
  private static InvalidSpecException refused(Runnable build) {
    InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, build::run);
    assertThat(e).as("refused at build time").isNotNull();
    assertThat(e.getMessage()).doesNotContain("\n");
    return e;
  }

  private static NatGateway.Builder gw() { return NatGateway.builder().outInterface("eth0").addSource("10.10.0.0/24"); }

  @ParameterizedTest
  @ValueSource(strings = {"a-name-of-16-byt", "br/0", "br 0", "br0;reboot", "$(reboot)", "br`id`", "br0|x", "br0&", "br>0", "br\n0", "", "-br", "..", "ab:c", "brü0123456789ab"})
  void interfaceNamesThatAreNotNamesAreRefused(String name) {
    FakeHost host = FakeHost.create("bad");
    assertThat(refused(() -> NatGateway.builder().outInterface(name).addSource("10.10.0.0/24").build().plan().apply(host)).field())
        .isEqualTo("outInterface");
    assertThat(refused(() -> InterfaceTuning.of(name).mtu(9000).build().plan().apply(host)).field()).isEqualTo("iface");
    assertThat(host.commands()).as("nothing reached the host").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 67, 65536, -1})
  void mtusOutside68To65535AreRefused(int mtu) {
    assertThat(refused(() -> InterfaceTuning.of("eth0").mtu(mtu)).field()).isEqualTo("mtu");
  }

  @Test
  void overlappingNatSourcesAreRefused() {
    assertThat(refused(() -> gw().addSource("10.10.0.128/25").build()).field()).isEqualTo("source[2]");
    assertThat(refused(() -> NatGateway.builder().outInterface("eth0").addSource("10.0.0.0/8").addSource("192.168.0.0/16")
        .addSource("10.200.0.0/16").build()).field()).isEqualTo("source[3]");
    assertThat(refused(() -> gw().addSource("10.10.0.0/24").build()).field()).as("the same prefix twice").isEqualTo("source[2]");
    assertThat(gw().addSource("10.10.1.0/24").build().sources()).as("adjacent prefixes do not overlap").hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536, Integer.MAX_VALUE})
  void aPortForwardToAPortOutOfRangeIsRefused(int port) {
    assertThat(refused(() -> gw().addPortForward(8080, "10.10.0.5", port).build()).field()).isEqualTo("portForward[1]/toPort");
    assertThat(refused(() -> gw().addPortForward(port, "10.10.0.5", 80).build()).field()).isEqualTo("portForward[1]/publicPort");
    assertThat(refused(() -> gw().addPortForward(22, "10.10.0.4", 22).addPortForward(8080, "10.10.0.5", port).build()).field())
        .isEqualTo("portForward[2]/toPort");
  }

  @ParameterizedTest
  @ValueSource(strings = {"01:00:5e", "33:33", "ff:ff:ff", "53:54:00", "03", "fb:00:00:00:01"})
  void aMacPoolPrefixWithTheMulticastBitIsRefused(String prefix) {
    InvalidSpecException e = refused(() -> MacPool.builder().name("fleet").prefix(prefix).hostBits(0).guestBits(8).build());
    assertThat(e.field()).isEqualTo("macPool/prefix");
    assertThat(e.getMessage()).contains("multicast bit");
  }
}
