package io.kvmsdk.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.common.BandwidthRate;
import io.kvmsdk.core.common.Bandwidth;
import io.kvmsdk.core.common.DeviceAddress;
import io.kvmsdk.core.common.VirtualPort;
import io.kvmsdk.core.testing.RelaxNg;
import io.kvmsdk.core.testing.XmlSame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The common shapes the network feature module compiles to, built the way a user writes them:
 * each renders the XML libvirt documents, valid against libvirt's schema, parses back equal, and
 * libvirt defines it ({@code virsh -c test:///default net-define}, and a private libvirtd when one runs).
 */
class NetworkBuilderTest {
  static NetworkSpec natNetwork() {
    return NetworkSpec.nat("kvmsdk-nat", "192.168.122.1/24", "192.168.122.2", "192.168.122.254");
  }

  static NetworkSpec ovsNetwork() {
    return NetworkSpec.builder().name("ovs-br0")
        .forward(NetworkForward.bridge())
        .bridge(NetworkBridge.named("br0"))
        .virtualport(VirtualPort.openvswitch())
        .addPortgroup(Portgroup.vlan("web", 10).asDefault())
        .addPortgroup(Portgroup.trunk("uplink", 10, 20, 30))
        .build();
  }

  static NetworkSpec natWithRanges() {
    return NetworkSpec.builder().name("kvmsdk-nat-ranges")
        .forward(NetworkForward.nat(NetworkNat.builder().address(NetworkNatAddress.of("203.0.113.10", "203.0.113.20"))
            .port(NetworkNatPort.of(1024, 65535)).build()))
        .bridge(NetworkBridge.builder().name("virbr60").stp(true).delay(0L).build())
        .mtu(9000)
        .domain(NetworkDomain.of("lab.example.com"))
        .dns(NetworkDns.builder().addForwarder(DnsForwarder.addr("192.0.2.53")).addHost(DnsHost.of("192.168.60.10", "web")).build())
        .addIp(NetworkIp.of("192.168.60.1/24").dhcpRange("192.168.60.100", "192.168.60.199")
            .dhcpHost(DhcpHost.of("52:54:00:00:60:10", "web", "192.168.60.10")))
        .addIp(NetworkIp.of("2001:db8:60::1/64").dhcpRange("2001:db8:60::100", "2001:db8:60::1ff"))
        .addRoute(NetworkRoute.of("10.60.0.0", 16, "192.168.60.2"))
        .bandwidth(Bandwidth.builder().inbound(BandwidthRate.average(10000)).outbound(BandwidthRate.average(5000)).build())
        .build();
  }

  static List<NetworkSpec> shapes() {
    return List.of(
        natNetwork(),
        NetworkSpec.isolated("kvmsdk-iso", "10.61.0.1/24"),
        NetworkSpec.isolated("kvmsdk-iso-noip", null),
        NetworkSpec.hostBridge("kvmsdk-lan", "br0"),
        ovsNetwork(),
        NetworkSpec.openvswitch("kvmsdk-ovs", "ovsbr1", Portgroup.vlan("a", 100), Portgroup.trunk("b", 200, 300)),
        natWithRanges(),
        NetworkSpec.builder().name("kvmsdk-route").forward(NetworkForward.route().dev("eth0")).addIp(NetworkIp.ipv4("192.168.62.1", 24)).build(),
        NetworkSpec.builder().name("kvmsdk-open").forward(NetworkForward.open()).addIp(NetworkIp.ipv4("192.168.63.1", 24)).build(),
        NetworkSpec.builder().name("kvmsdk-pass").forward(NetworkForward.macvtap("passthrough", "eth10", "eth11")).build(),
        NetworkSpec.builder().name("kvmsdk-vepa").forward(NetworkForward.macvtap("vepa", "eth12")).build(),
        NetworkSpec.builder().name("kvmsdk-pf").forward(NetworkForward.pf("hostdev", "enp5s0f0")).build(),
        NetworkSpec.builder().name("kvmsdk-vfs").forward(NetworkForward.hostdev(DeviceAddress.pci(0, 4, 16, 1), DeviceAddress.pci(0, 4, 16, 3))).build());
  }

  @Test
  void aNatNetworkIsTheDocumentedDefaultNetwork() {
    assertThat(XmlSame.diff(natNetwork().toXml(), "<network><name>kvmsdk-nat</name><forward mode='nat'/>"
        + "<ip address='192.168.122.1' prefix='24'><dhcp><range start='192.168.122.2' end='192.168.122.254'/></dhcp></ip></network>")).isNull();
  }

  @Test
  void anOpenVswitchNetworkCarriesItsPortgroupsVlans() {
    assertThat(XmlSame.diff(ovsNetwork().toXml(), "<network><name>ovs-br0</name><forward mode='bridge'/><bridge name='br0'/>"
        + "<virtualport type='openvswitch'/>"
        + "<portgroup name='web' default='yes'><vlan><tag id='10'/></vlan></portgroup>"
        + "<portgroup name='uplink'><vlan trunk='yes'><tag id='10'/><tag id='20'/><tag id='30'/></vlan></portgroup></network>")).isNull();
    assertThat(NetworkSpec.isolated("iso", "10.0.0.1/24").forwardMode()).isEqualTo("none");
    assertThat(NetworkSpec.hostBridge("lan", "br0").toXml()).contains("<forward mode='bridge'/>").contains("<bridge name='br0'/>");
  }

  @Test
  void everyShapeIsSchemaValidRoundTripsAndValidates() {
    RelaxNg rng = RelaxNg.of("network");
    for (NetworkSpec s : shapes()) {
      assertThat(rng.errors(s.toXml())).as(s.name()).isNull();
      assertThat(NetworkSpec.fromXml(s.toXml())).as(s.name()).isEqualTo(s);
      assertThat(s.unmodeledPaths()).isEmpty();
      s.validate();
    }
  }

  @Test
  void derivingACopyLeavesTheOriginal() {
    NetworkSpec a = natNetwork();
    NetworkSpec b = a.copy(x -> x.mtu(9000).portIsolated(true));
    assertThat(a.mtu()).isEmpty();
    assertThat(b.toXml()).contains("<mtu size='9000'/>").contains("<port isolated='yes'/>");
  }

  @Test
  void libvirtDefinesEveryShape() throws Exception {
    VirshNet.requireVirsh();
    String daemon = VirshNet.daemonOrNull();
    List<String> failures = new ArrayList<>();
    for (NetworkSpec s : shapes()) {
      VirshNet.Result r = VirshNet.define(VirshNet.TEST, s.name(), s.toXml());
      if (!r.ok()) failures.add(s.name() + " on test:///default: " + r.out().strip());
      else if (!NetworkSpec.fromXml(r.out()).unmodeledPaths().isEmpty()) failures.add(s.name() + ": libvirt's XML is not fully typed");
      if (daemon != null && !s.name().equals("kvmsdk-vfs")) { // a VF pool needs those VFs on the host
        VirshNet.Result d = VirshNet.define(daemon, s.name(), s.toXml());
        if (!d.ok()) failures.add(s.name() + " on libvirtd: " + d.out().strip());
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void aNetworkPortIsBuiltAndRoundTrips() {
    NetworkPortSpec p = NetworkPortSpec.builder()
        .uuid("5d744f21-ba4a-4d6e-bdb2-30a35ff3207d")
        .owner(NetworkPortOwner.of("web1", "d54df46f-1ab5-4a22-8618-4560ef5fac2c"))
        .group("web").mac("52:54:00:7b:35:93")
        .vlan(io.kvmsdk.core.common.Vlan.of(10))
        .plug(NetworkPortPlug.bridge("ovsbr0"))
        .build();
    assertThat(RelaxNg.of("networkport").errors(p.toXml())).isNull();
    assertThat(NetworkPortSpec.fromXml(p.toXml())).isEqualTo(p);
    assertThat(p.uuid()).contains("5d744f21-ba4a-4d6e-bdb2-30a35ff3207d");
  }
}
