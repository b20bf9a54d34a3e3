package io.kvmsdk.benchmarks;

import io.kvmsdk.core.host.Plan;
import io.kvmsdk.network.BondSpec;
import io.kvmsdk.network.BridgePort;
import io.kvmsdk.network.BridgeSpec;
import io.kvmsdk.network.HostNetwork;
import io.kvmsdk.network.VlanSpec;

/**
 * The network of one host of a fleet, as the issue sizes it: two bonds (an 802.3ad data uplink with
 * jumbo frames, an active-backup management uplink), 50 VLANs on the data bond, and four bridges
 * (three on VLAN sub-interfaces, one VLAN-filtering trunk bridge carrying all 50 VLANs on the
 * management bond), each host with its own addresses.
 */
public final class NetworkFleet {
  private NetworkFleet() {}

  public static HostNetwork host(int i) {
    HostNetwork.Builder b = HostNetwork.builder()
        .addBond(BondSpec.linux("bond0").mode("802.3ad").lacpRate("fast").xmitHashPolicy("layer3+4").miimon(100)
            .addMembers("eth0", "eth1").mtu(9000).build())
        .addBond(BondSpec.linux("bond1").mode("active-backup").miimon(100).addMembers("eth2", "eth3").build());
    int[] trunk = new int[50];
    for (int v = 0; v < 50; v++) {
      b.addVlan(VlanSpec.of("bond0", 100 + v).copy(x -> x.mtu(9000)));
      trunk[v] = 100 + v;
    }
    String addr = "10." + (i >> 8 & 0xff) + "." + (i & 0xff) + ".";
    for (int k = 0; k < 3; k++) {
      b.addBridge(BridgeSpec.linux("br" + (100 + k)).addPort("bond0." + (100 + k)).mtu(9000).stp(true).forwardDelay(4)
          .addAddress(addr + (k + 1) + "/24").build());
    }
    b.addBridge(BridgeSpec.linux("br-trunk").addPort(BridgePort.trunk("bond1", trunk)).build());
    return b.build();
  }

  /** The specs and plans of {@code hosts} hosts; returns the total number of steps. */
  public static long compile(int hosts) {
    long steps = 0;
    for (int i = 0; i < hosts; i++) {
      Plan p = host(i).plan();
      steps += p.size();
    }
    return steps;
  }
}
