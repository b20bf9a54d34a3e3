package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.nwfilter.NwFilterBinding;
import io.kvmsdk.network.HostMacs;
import io.kvmsdk.network.MacPool;
import io.kvmsdk.testkit.EnableFakeKvm;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.FakeHostSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The NAT network with a guest on fake:///default, and its host side on a fake host. */
@EnableFakeKvm
class NatNetworkWithGuestTest {
  Kvm kvm;
  FakeHost host;

  @Test void theGuestRunsOnTheNatNetworkWithItsPooledMacAndFilter() {
    NatNetworkWithGuest.Result r = NatNetworkWithGuest.run(kvm, "eth0", 17);
    assertThat(r.mac()).isEqualTo("52:54:00:00:44:00");
    assertThat(r.network().isActive()).isTrue();
    assertThat(r.network().spec().forward().orElseThrow().mode()).contains("nat");
    assertThat(r.network().spec().toXml()).contains("<host mac='52:54:00:00:44:00' name='web1' ip='192.168.150.10'/>");
    assertThat(r.guest().spec().devices().interfaces().get(0).mac().orElseThrow().address()).contains("52:54:00:00:44:00");
    List<NwFilterBinding> bindings = kvm.nwfilters().bindings().list();
    assertThat(bindings).singleElement().satisfies(b -> {
      assertThat(b.spec().filter()).isEqualTo("kvmsdk-clean-traffic");
      assertThat(b.spec().mac()).isEqualTo("52:54:00:00:44:00");
    });
  }

  @Test void theNextGuestOfTheHostGetsTheNextAddress() {
    NatNetworkWithGuest.run(kvm, "eth0", 17);
    MacPool pool = MacPool.builder().name("fleet").prefix("52:54:00").hostBits(14).guestBits(10).host(17)
        .avoid(HostMacs.domains(kvm)).build();
    assertThat(pool.allocate()).as("web1's address is in use on the host").isEqualTo("52:54:00:00:44:01");
  }

  @Test void theHostSideConvergesAFakeHostOnceAndThenChangesNothing() {
    NatNetworkWithGuest.Result r = NatNetworkWithGuest.run(kvm, "eth0", 17);
    assertThat(NatNetworkWithGuest.applyHostSide(r, host).changed()).isTrue();
    assertThat(host.sysctl("net.ipv4.ip_forward")).isEqualTo("1");
    assertThat(host.run(HostCommand.of("nft", "list", "table", "ip", "kvmsdk_guests")).stdout())
        .contains("fib daddr type local tcp dport 2222 dnat to 192.168.150.10:22");
    FakeHostSnapshot converged = host.snapshot();
    assertThat(NatNetworkWithGuest.applyHostSide(r, host).changed()).isFalse();
    host.assertUnchangedSince(converged);
  }

  @Test void mainPrintsTheXmlAndThePlansOnAFake() {
    PrintStream out = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      NatNetworkWithGuest.main(new String[0]);
    } finally {
      System.setOut(out);
    }
    String printed = buf.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("== network guests on fake:///natdemo", "<forward mode='nat'", "<filterref filter='kvmsdk-clean-traffic'>",
        "table ip kvmsdk_guests {", "net.ipv4.ip_forward = 1", "Plan with 4 steps:", "sysctl -w net.ipv4.ip_forward=1");
  }
}
