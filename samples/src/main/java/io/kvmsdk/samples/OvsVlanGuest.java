package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.Os;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.core.network.Network;
import io.kvmsdk.network.BridgeSpec;
import io.kvmsdk.network.ovs.OvsDb;

/**
 * A guest bridged on Open vSwitch VLAN 100: an OVS bridge whose uplink trunks VLANs 100 and 200, the
 * libvirt network on it (a portgroup per VLAN), and a guest whose NIC picks portgroup {@code vlan100}
 * — libvirt then makes the guest's tap an access port with {@code tag=100}.
 *
 * <p>Run with no arguments: it applies the plan to a fake host and defines the network and the guest
 * on a fake hypervisor ({@code fake:///ovs-vlan}), printing the plan and the XML.
 */
public final class OvsVlanGuest {
  /** The bridge: uplink {@code eth1} trunking VLANs 100 and 200, userspace datapath. */
  public static final BridgeSpec BRIDGE = BridgeSpec.ovs("ovsbr0").datapathType("netdev").mtu(1500).addTrunk("eth1", 100, 200).build();

  private OvsVlanGuest() {}

  /** The guest: 256 MiB, one virtio NIC on VLAN 100 of network {@code network}. */
  public static DomainSpec guest(String name, String network) {
    Nic nic = BRIDGE.nic(network, 100);
    return DomainSpec.builder().type("qemu").name(name).memory(Size.mib(256)).vcpus(1).os(Os.hvm("x86_64", "pc"))
        .addInterface(nic).build();
  }

  /** Converges {@code host} to the bridge, then defines and starts the network and the guest on {@code kvm}. */
  public static Domain run(CommandRunner host, OvsDb db, Kvm kvm) {
    BRIDGE.plan(db).apply(host);
    Network net = kvm.networks().find("ovs-vlan").orElseGet(() -> kvm.networks().define(BRIDGE.libvirtNetwork("ovs-vlan")));
    if (!net.isActive()) net.start();
    return kvm.domains().define(guest("web-vlan100", net.name())).start();
  }

  public static void main(String[] args) {
    OvsDb db = OvsDb.standard();
    Plan plan = BRIDGE.plan(db);
    System.out.println(plan);
    System.out.println(BRIDGE.libvirtNetwork("ovs-vlan").toXml());
    CommandRunner host = SampleHosts.fake("hv1", "eth1").orElse(null);
    try (Kvm kvm = Kvm.connect("fake:///ovs-vlan")) {
      if (host == null) {
        System.out.println(plan.toScript());
        return;
      }
      Domain d = run(host, db, kvm);
      PlanResult again = BRIDGE.plan(db).apply(host);
      System.out.println(d + " runs with " + d.spec().devices().interfaces().get(0));
      System.out.println("re-applied on " + host.host() + ": changed=" + again.changed());
    }
  }
}
