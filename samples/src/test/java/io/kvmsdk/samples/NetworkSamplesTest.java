package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.network.ovs.OvsDb;
import io.kvmsdk.testkit.FakeHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three network samples, against fake hosts and a fake hypervisor. */
class NetworkSamplesTest {
  private static String stdoutOf(Runnable main) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aGuestBridgedOnOvsVlan100() {
    FakeHost host = FakeHost.create("hv1").withPhysicalLink("eth1");
    OvsDb db = OvsDb.of("unix:/run/openvswitch/db.sock");
    try (Kvm kvm = Kvm.connect("fake:///ovs-vlan-test")) {
      var d = OvsVlanGuest.run(host, db, kvm);
      assertThat(d.spec().devices().interfaces().get(0).source().flatMap(s -> s.portgroup())).contains("vlan100");
      assertThat(kvm.networks().get("ovs-vlan").spec().portgroups()).hasSize(3);
    }
    assertThat(host.run(db.vsctl("get", "Port", "eth1", "trunks")).stdout().strip()).isEqualTo("[100, 200]");
    assertThat(OvsVlanGuest.BRIDGE.plan(db).apply(host).changed()).isFalse();
    assertThat(stdoutOf(() -> OvsVlanGuest.main(new String[0]))).contains("create OVS bridge ovsbr0").contains("portgroup name='vlan100'")
        .contains("re-applied on hv1: changed=false");
  }

  @Test
  void aBondedUplinkWithJumboFrames() {
    FakeHost host = FakeHost.create("hv1").withPhysicalLink("eth0").withPhysicalLink("eth1");
    assertThat(BondedJumboUplink.run(host).changed()).isTrue();
    assertThat(host.link("eth0").master()).contains("bond0");
    assertThat(host.link("eth1").mtu()).isEqualTo(9000);
    assertThat(host.link("br0").mtu()).isEqualTo(9000);
    assertThat(host.ports("br0")).containsExactly("bond0");
    assertThat(host.run(HostCommand.of("ip", "-d", "-j", "link", "show", "dev", "bond0")).stdout()).contains("\"mode\":\"802.3ad\"");
    assertThat(BondedJumboUplink.run(host).changed()).isFalse();
    assertThat(stdoutOf(() -> BondedJumboUplink.main(new String[0]))).contains("create bond bond0").contains("re-applied: changed=false")
        .contains("# /etc/systemd/network/10-bond0.netdev");
  }

  @Test
  void aTwoHostVxlanOverlay() {
    FakeHost hv1 = FakeHost.create("hv1").withPhysicalLink("eth0");
    FakeHost hv2 = FakeHost.create("hv2").withPhysicalLink("eth0");
    var results = VxlanOverlay.run(Map.<String, CommandRunner>of("hv1", hv1, "hv2", hv2));
    assertThat(results.values()).allMatch(r -> r.changed());
    for (FakeHost h : new FakeHost[] {hv1, hv2}) {
      assertThat(h.ports("br-overlay")).containsExactly("vx5000");
      assertThat(h.link("br-overlay").mtu()).isEqualTo(1450);
    }
    assertThat(hv1.run(HostCommand.of("ip", "-d", "-j", "link", "show", "dev", "vx5000")).stdout()).contains("\"remote\":\"203.0.113.2\"");
    assertThat(hv2.run(HostCommand.of("ip", "-d", "-j", "link", "show", "dev", "vx5000")).stdout()).contains("\"remote\":\"203.0.113.1\"");
    assertThat(VxlanOverlay.run(Map.<String, CommandRunner>of("hv1", hv1)).get("hv1").changed()).isFalse();
    assertThat(stdoutOf(() -> VxlanOverlay.main(new String[0]))).contains("# hv1").contains("# hv2").contains("create vxlan vx5000");
  }
}
