package io.kvmsdk.samples;

import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.network.BondSpec;
import io.kvmsdk.network.BridgeSpec;
import io.kvmsdk.network.HostNetwork;

/**
 * A bonded uplink with jumbo frames: two NICs in an 802.3ad (LACP) bond hashing on layer 3+4, MTU 9000
 * on the NICs, the bond and the bridge the guests join, the host's address on the bridge; the plan,
 * and the systemd-networkd files that keep it across a reboot.
 *
 * <p>Run with no arguments: it prints the plan, applies it to a fake host (whose {@code ip} has the
 * bonding driver this project's CI kernel lacks), applies it again (nothing changes) and prints the
 * networkd files.
 */
public final class BondedJumboUplink {
  public static final HostNetwork HOST = HostNetwork.builder()
      .addBond(BondSpec.linux("bond0").mode("802.3ad").lacpRate("fast").xmitHashPolicy("layer3+4").miimon(100).updelay(200)
          .addMembers("eth0", "eth1").mtu(9000).build())
      .addBridge(BridgeSpec.linux("br0").addPort("bond0").mtu(9000).stp(false).addAddress("198.51.100.10/24").build())
      .build();

  private BondedJumboUplink() {}

  /** Applies the host's plan to {@code host}. */
  public static PlanResult run(CommandRunner host) { return HOST.plan().apply(host); }

  public static void main(String[] args) {
    Plan plan = HOST.plan();
    System.out.println(plan);
    CommandRunner host = SampleHosts.fake("hv1", "eth0", "eth1").orElse(null);
    if (host == null) {
      System.out.println(plan.toScript());
    } else {
      System.out.println(run(host));
      System.out.println("re-applied: changed=" + run(host).changed());
    }
    System.out.println(HOST.networkd());
  }
}
