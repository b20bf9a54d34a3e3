package io.kvmsdk.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.network.Network;
import io.kvmsdk.core.network.NetworkSpec;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.network.ovs.OvsDb;
import io.kvmsdk.testkit.contract.ContractCases;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@link BridgeSpec}'s {@code libvirtNetwork} defined and started on the private libvirtd
 * ({@code $KVM_SDK_LIBVIRT_URI}, running in {@code $ORACLE_NETNS}), and a QEMU TCG guest attached to
 * it: its tap comes up on the bridge (Linux: enslaved, up with carrier, at the bridge's MTU; OVS: a
 * port of the bridge tagged with the VLAN of the portgroup the NIC picked).
 */
class LibvirtBridgeTest {
  private static final String URI = System.getenv("KVM_SDK_LIBVIRT_URI");
  private static final String NS = System.getenv("ORACLE_NETNS");
  private static final String OVS_DB = System.getenv("OVS_DB");
  private Kvm kvm;
  private NetnsRunner host;
  private String id;
  private final List<Runnable> cleanup = new ArrayList<>();

  @BeforeEach void connect() {
    NetnsRunner.requireRootAndIp();
    Oracles.require(URI != null && NS != null, "no private libvirtd: run `scripts/oracles.sh start` and source its env (KVM_SDK_LIBVIRT_URI, ORACLE_NETNS)");
    kvm = Kvm.connect(URI);
    host = new NetnsRunner(NS);
    id = UUID.randomUUID().toString().substring(0, 4);
  }

  @AfterEach void cleanUp() {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      try {
        cleanup.get(i).run();
      } catch (RuntimeException e) {
        // keep cleaning
      }
    }
    if (kvm != null) kvm.close();
  }

  private String tapOf(Domain d) {
    return d.spec().devices().interfaces().get(0).target().flatMap(t -> t.dev()).orElseThrow();
  }

  @Test
  void aGuestOnALinuxBridgeNetworkComesUpWithALinkOnTheBridge() {
    BridgeSpec br = BridgeSpec.linux("n1lb" + id).mtu(9000).stp(false).addAddress("198.18.88.1/24").build();
    br.plan().apply(host);
    cleanup.add(() -> br.removalPlan().apply(host));

    NetworkSpec netSpec = br.libvirtNetwork("n1-lan-" + id);
    assertThat(netSpec.toXml()).contains("<forward mode='bridge'/>").contains("<bridge name='n1lb" + id + "'/>");
    Network net = kvm.networks().define(netSpec).start();
    cleanup.add(() -> { net.destroy(); net.undefine(); });
    assertThat(net.isActive()).isTrue();

    DomainSpec guest = ContractCases.tinyGuest("n1-g-" + id).copy(b -> b.addInterface(br.nic(net.name())));
    Domain d = kvm.domains().define(guest).start();
    cleanup.add(() -> { d.destroy(); d.undefine(); });
    String tap = tapOf(d);
    String link = host.run(HostCommand.of("ip", "-j", "link", "show", "dev", tap)).orThrow().stdout();
    assertThat(link).contains("\"master\":\"n1lb" + id + "\"").contains("\"UP\"").contains("\"LOWER_UP\"").contains("\"mtu\":9000");
  }

  @Test
  void aGuestOnAnOvsVlanPortgroupIsTaggedOnTheBridge() {
    Oracles.require(OVS_DB != null, "no Open vSwitch oracle: run `scripts/oracles.sh start ovs libvirt` (libvirtd's ovs-vsctl then reaches $OVS_DB)");
    OvsDb db = OvsDb.of(OVS_DB);
    String up = "n1ou" + id;
    host.run(HostCommand.of("ip", "link", "add", up, "type", "veth", "peer", "name", up + "p")).orThrow();
    cleanup.add(() -> host.run(HostCommand.of("ip", "link", "del", up)));
    BridgeSpec br = BridgeSpec.ovs("n1ob" + id).datapathType("netdev").addTrunk(up, 100, 200).build();
    br.plan(db).apply(host);
    cleanup.add(() -> br.removalPlan(db).apply(host));

    NetworkSpec netSpec = br.libvirtNetwork("n1-ovs-" + id);
    assertThat(netSpec.portgroups()).extracting(p -> p.name().orElseThrow()).containsExactly("vlan100", "vlan200", "trunk");
    Network net = kvm.networks().define(netSpec).start();
    cleanup.add(() -> { net.destroy(); net.undefine(); });

    Nic nic = br.nic(net.name(), 100);
    assertThat(nic.toString()).contains("portgroup='vlan100'");
    Domain d = kvm.domains().define(ContractCases.tinyGuest("n1-og-" + id).copy(b -> b.addInterface(nic))).start();
    cleanup.add(() -> { d.destroy(); d.undefine(); });
    String tap = tapOf(d);
    assertThat(host.run(db.vsctl("port-to-br", tap)).orThrow().stdout().strip()).isEqualTo("n1ob" + id);
    assertThat(host.run(db.vsctl("get", "Port", tap, "tag")).orThrow().stdout().strip()).isEqualTo("100");
  }
}
