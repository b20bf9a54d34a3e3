package io.kvmsdk.core.internal.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LibvirtHypervisorAgentTest {
  /** What qemu-ga's inet_ntop wrote, read back by libvirt-java as an InetAddress, must come out as it was written. */
  @ParameterizedTest
  @CsvSource({"192.168.122.10", "127.0.0.1", "::1", "::", "fe80::5054:ff:fe12:3456", "2001:db8::1", "2001:db8:0:1:1:1:1:1",
      "2001:0:0:1::1", "1::", "2001:db8::1:0:0:1"})
  void ipv6IsWrittenInRfc5952Form(String literal) throws Exception {
    assertThat(LibvirtHypervisor.ipLiteral(InetAddress.getByName(literal))).isEqualTo(literal);
  }
}
