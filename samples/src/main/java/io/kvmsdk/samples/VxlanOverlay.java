package io.kvmsdk.samples;

import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.network.BridgeSpec;
import io.kvmsdk.network.HostNetwork;
import io.kvmsdk.network.VxlanSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A two-host VXLAN overlay: each host has a VXLAN endpoint (VNI 5000, UDP 4789) towards the other's
 * underlay address, in a bridge whose MTU leaves the 50 bytes VXLAN over IPv4 needs, so guests on
 * both hosts share one L2 segment.
 *
 * <p>Run with no arguments: it prints both hosts' plans and applies each to its own fake host.
 */
public final class VxlanOverlay {
  /** Underlay addresses of the two hosts. */
  public static final Map<String, String> UNDERLAY = Map.of("hv1", "203.0.113.1", "hv2", "203.0.113.2");

  private VxlanOverlay() {}

  /** Host {@code name}'s side of the overlay (its peer is the other host). */
  public static HostNetwork host(String name) {
    String me = UNDERLAY.get(name);
    String peer = UNDERLAY.entrySet().stream().filter(e -> !e.getKey().equals(name)).findFirst().orElseThrow().getValue();
    return HostNetwork.builder()
        .addVxlan(VxlanSpec.builder().name("vx5000").vni(5000).local(me).remote(peer).dstport(4789).dev("eth0").build())
        .addBridge(BridgeSpec.linux("br-overlay").addPort("vx5000").mtu(1450).build())
        .build();
  }

  /** Applies each host's plan to its runner. */
  public static Map<String, PlanResult> run(Map<String, CommandRunner> hosts) {
    Map<String, PlanResult> out = new LinkedHashMap<>();
    hosts.forEach((name, runner) -> out.put(name, host(name).plan().apply(runner)));
    return out;
  }

  public static void main(String[] args) {
    Map<String, CommandRunner> hosts = new LinkedHashMap<>();
    for (String name : new String[] {"hv1", "hv2"}) {
      System.out.println("# " + name + "\n" + host(name).plan());
      SampleHosts.fake(name, "eth0").ifPresent(h -> hosts.put(name, h));
    }
    if (hosts.isEmpty()) return;
    run(hosts).forEach((name, r) -> System.out.println(r));
  }
}
