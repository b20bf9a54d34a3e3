package io.kvmsdk.network.persist;

import io.kvmsdk.network.BondSpec;
import io.kvmsdk.network.BridgePort;
import io.kvmsdk.network.BridgeSpec;
import io.kvmsdk.network.HostNetwork;
import io.kvmsdk.network.MacvtapSpec;
import io.kvmsdk.network.SwitchType;
import io.kvmsdk.network.VethSpec;
import io.kvmsdk.network.VlanSpec;
import io.kvmsdk.network.VxlanSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * ifupdown2's {@code /etc/network/interfaces} for a {@link HostNetwork}: one {@code auto}/{@code iface}
 * stanza per interface, with ifupdown2's attributes ({@code bond-slaves}, {@code bridge-ports},
 * {@code bridge-vlan-aware}, {@code bridge-access}, {@code bridge-vids}, {@code vxlan-id}, ...).
 * What ifupdown2 cannot say (a kernel BPDU guard, a macvtap) is written as a comment: apply the plan
 * at boot for those. Open vSwitch bridges are left to OVSDB.
 */
public final class Ifupdown2 {
  /** Where ifupdown2 reads its configuration. */
  public static final String PATH = "/etc/network/interfaces";

  private Ifupdown2() {}

  public static String render(HostNetwork net) {
    Map<String, List<String>> ifaces = new LinkedHashMap<>();
    java.util.function.Function<String, List<String>> at = n -> ifaces.computeIfAbsent(n, k -> new ArrayList<>());
    for (VethSpec v : net.veths()) {
      at.apply(v.name()).add("link-type veth");
      at.apply(v.name()).add("veth-peer-name " + v.peer());
      v.mtu().ifPresent(m -> at.apply(v.name()).add("mtu " + m));
      at.apply(v.peer());
    }
    for (BondSpec b : net.bonds()) {
      for (String m : b.members()) at.apply(m);
      List<String> a = at.apply(b.name());
      a.add("bond-slaves " + String.join(" ", b.members()));
      a.add("bond-mode " + b.mode());
      b.lacpRate().ifPresent(r -> a.add("bond-lacp-rate " + r));
      b.xmitHashPolicy().ifPresent(p -> a.add("bond-xmit-hash-policy " + p));
      b.miimon().ifPresent(m -> a.add("bond-miimon " + m));
      b.updelay().ifPresent(m -> a.add("bond-updelay " + m));
      b.downdelay().ifPresent(m -> a.add("bond-downdelay " + m));
      b.primary().ifPresent(p -> a.add("bond-primary " + p));
      b.mtu().ifPresent(m -> a.add("mtu " + m));
      b.addresses().forEach(x -> a.add("address " + x));
    }
    for (VlanSpec v : net.vlans()) {
      List<String> a = at.apply(v.name());
      a.add("vlan-raw-device " + v.parent());
      a.add("vlan-id " + v.id());
      v.mtu().ifPresent(m -> a.add("mtu " + m));
      v.addresses().forEach(x -> a.add("address " + x));
    }
    for (VxlanSpec x : net.vxlans()) {
      List<String> a = at.apply(x.name());
      a.add("vxlan-id " + x.vni());
      x.local().ifPresent(l -> a.add("vxlan-local-tunnelip " + l));
      x.remote().ifPresent(r -> a.add("vxlan-remoteip " + r));
      x.group().ifPresent(g -> a.add("vxlan-svcnodeip " + g));
      x.dev().ifPresent(d -> a.add("vxlan-physdev " + d));
      a.add("vxlan-port " + x.dstport());
      a.add("vxlan-learning " + (x.learning() ? "yes" : "no"));
      x.ttl().ifPresent(t -> a.add("vxlan-ttl " + t));
      x.mtu().ifPresent(m -> a.add("mtu " + m));
    }
    for (BridgeSpec br : net.bridges()) {
      if (br.type() == SwitchType.OVS) continue;
      for (BridgePort p : br.ports()) {
        List<String> a = at.apply(p.name());
        br.mtuOf(p).ifPresent(m -> a.add("mtu " + m));
        p.tag().ifPresent(t -> a.add("bridge-access " + t));
        if (!p.trunks().isEmpty()) a.add("bridge-vids " + p.trunks().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        p.nativeVlan().ifPresent(t -> a.add("bridge-pvid " + t));
        if (p.bpduGuard()) a.add("# BPDU guard: ifupdown2 sets it only through mstpd; the plan sets the kernel's (bridge_slave guard on)");
      }
      List<String> a = at.apply(br.name());
      a.add("bridge-ports " + (br.ports().isEmpty() ? "none" : br.ports().stream().map(BridgePort::name).collect(Collectors.joining(" "))));
      a.add("bridge-stp " + (br.stp() ? "on" : "off"));
      br.forwardDelay().ifPresent(s -> a.add("bridge-fd " + s));
      br.helloTime().ifPresent(s -> a.add("bridge-hello " + s));
      br.maxAge().ifPresent(s -> a.add("bridge-maxage " + s));
      br.stpPriority().ifPresent(p -> a.add("bridge-bridgeprio " + p));
      if (br.vlanFiltering()) a.add("bridge-vlan-aware yes");
      br.mtu().ifPresent(m -> a.add("mtu " + m));
      br.addresses().forEach(x -> a.add("address " + x));
    }
    for (MacvtapSpec m : net.macvtaps()) {
      at.apply(m.lower());
      ifaces.computeIfAbsent("# " + m.name(), k -> new ArrayList<>());
    }
    StringBuilder sb = new StringBuilder("# Written by kvm-sdk from a HostNetwork spec; ifupdown2 syntax.\n");
    sb.append("source /etc/network/interfaces.d/*\n");
    ifaces.forEach((name, attrs) -> {
      sb.append('\n');
      if (name.startsWith("# ")) {
        sb.append("# macvtap ").append(name.substring(2)).append(": ifupdown2 has no macvtap; libvirt makes it for a direct interface, or apply the plan\n");
        return;
      }
      sb.append("auto ").append(name).append('\n').append("iface ").append(name).append('\n');
      for (String a : attrs) sb.append("    ").append(a).append('\n');
    });
    return sb.toString();
  }
}
