package io.kvmsdk.core.internal.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Addresses are read as libvirt reads them (getaddrinfo, numeric only), never resolved. */
class IpAddrTest {
  @Test
  void ipv4InEveryInetAtonForm() {
    assertThat(IpAddr.parse("192.168.1.10").get()).hasToString("192.168.1.10");
    assertThat(IpAddr.parse("10.1").get()).hasToString("10.0.0.1");
    assertThat(IpAddr.parse("0x7f.1").get()).hasToString("127.0.0.1");
    assertThat(IpAddr.parse("192.168.010.1").get()).hasToString("192.168.8.1"); // octal, as inet_aton
    assertThat(IpAddr.parse("192.168.1.300")).isEmpty();
    assertThat(IpAddr.parse("host.example.com")).isEmpty();
    assertThat(IpAddr.parse("1.2.3.4.5")).isEmpty();
  }

  @Test
  void ipv6WithCompressionEmbeddedIpv4AndZone() {
    assertThat(IpAddr.parse("2001:db8::1").get()).hasToString("2001:db8:0:0:0:0:0:1");
    assertThat(IpAddr.parse("::ffff:192.0.2.1").get()).hasToString("0:0:0:0:0:ffff:c000:201");
    assertThat(IpAddr.parse("fe80::1%eth0").get().isV6()).isTrue();
    assertThat(IpAddr.parse("2001:db8::1::2")).isEmpty();
    assertThat(IpAddr.parse("2001:db8:g::1")).isEmpty();
  }

  @Test
  void netmasksAndPrefixes() {
    assertThat(IpAddr.parse("255.255.255.0").get().netmaskBits()).isEqualTo(24);
    assertThat(IpAddr.parse("255.0.255.0").get().netmaskBits()).isEqualTo(-1);
    IpAddr a = IpAddr.parse("192.168.122.77").get();
    assertThat(a.network(24)).isEqualTo(IpAddr.parse("192.168.122.0").get().value());
  }
}
