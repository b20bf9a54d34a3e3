package io.kvmsdk.network.persist;

import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * systemd-networkd's files for a {@link HostNetwork}: a {@code 10-NAME.netdev} per device the
 * host makes (bridge, bond, VLAN, VXLAN, veth, macvtap) and a {@code 20-NAME.network} per
 * interface with something to say (its master, its VLANs and VXLANs, MTU, addresses, bridge-port
 * settings). Open vSwitch bridges are left out: OVSDB persists them.
 *
 * <pre>{@code
 * Networkd nd = hostNetwork.networkd();
 * nd.files().forEach((path, text) -> System.out.println("# " + path + "\n" + text));
 * Plan install = nd.plan();            // writes them under /etc/systemd/network (reload networkd yourself)
 * }</pre>
 */
public final class Networkd {
  /** Where networkd reads its configuration. */
  public static final String DIR = "/etc/systemd/network";

  private final Map<String, String> files;

  private Networkd(Map<String, String> files) { this.files = Collections.unmodifiableMap(files); }

  /** The files of {@code net}, by name ({@code 10-br0.netdev}, ...). */
  public static Networkd of(HostNetwork net) {
    Map<String, Unit> netdevs = new LinkedHashMap<>();
    Map<String, Unit> networks = new LinkedHashMap<>();
    java.util.function.Function<String, Unit> network = name -> networks.computeIfAbsent(name, n -> new Unit().add("Match", "Name", n));

    for (VethSpec v : net.veths()) {
      Unit u = netdev(v.name(), "veth", v.mtu().orElse(null));
      u.add("Peer", "Name", v.peer());
      v.mtu().ifPresent(m -> u.add("Peer", "MTUBytes", String.valueOf(m)));
      netdevs.put(v.name(), u);
      network.apply(v.name()).add("Network", "ConfigureWithoutCarrier", "yes");
      network.apply(v.peer()).add("Network", "ConfigureWithoutCarrier", "yes");
    }
    for (BondSpec b : net.bonds()) {
      Unit u = netdev(b.name(), "bond", b.mtu().orElse(null));
      u.add("Bond", "Mode", b.mode());
      b.lacpRate().ifPresent(r -> u.add("Bond", "LACPTransmitRate", r));
      b.xmitHashPolicy().ifPresent(p -> u.add("Bond", "TransmitHashPolicy", p));
      b.miimon().ifPresent(m -> u.add("Bond", "MIIMonitorSec", m + "ms"));
      b.updelay().ifPresent(m -> u.add("Bond", "UpDelaySec", m + "ms"));
      b.downdelay().ifPresent(m -> u.add("Bond", "DownDelaySec", m + "ms"));
      netdevs.put(b.name(), u);
      for (String m : b.members()) {
        Unit mu = network.apply(m).add("Network", "Bond", b.name());
        if (b.primary().filter(m::equals).isPresent()) mu.add("Network", "PrimarySlave", "yes");
      }
      Unit bu = network.apply(b.name());
      b.mtu().ifPresent(m -> bu.add("Link", "MTUBytes", String.valueOf(m)));
      b.addresses().forEach(a -> bu.add("Network", "Address", a));
    }
    for (VlanSpec v : net.vlans()) {
      Unit u = netdev(v.name(), "vlan", v.mtu().orElse(null));
      u.add("VLAN", "Id", String.valueOf(v.id()));
      netdevs.put(v.name(), u);
      network.apply(v.parent()).add("Network", "VLAN", v.name());
      Unit vu = network.apply(v.name());
      v.addresses().forEach(a -> vu.add("Network", "Address", a));
    }
    for (VxlanSpec x : net.vxlans()) {
      Unit u = netdev(x.name(), "vxlan", x.mtu().orElse(null));
      u.add("VXLAN", "VNI", String.valueOf(x.vni()));
      x.local().ifPresent(a -> u.add("VXLAN", "Local", a));
      x.remote().ifPresent(a -> u.add("VXLAN", "Remote", a));
      x.group().ifPresent(a -> u.add("VXLAN", "Group", a));
      u.add("VXLAN", "DestinationPort", String.valueOf(x.dstport()));
      u.add("VXLAN", "MacLearning", x.learning() ? "yes" : "no");
      x.ttl().ifPresent(t -> u.add("VXLAN", "TTL", String.valueOf(t)));
      if (x.dev().isEmpty()) u.add("VXLAN", "Independent", "yes");
      netdevs.put(x.name(), u);
      x.dev().ifPresent(d -> network.apply(d).add("Network", "VXLAN", x.name()));
    }
    for (BridgeSpec br : net.bridges()) {
      if (br.type() == SwitchType.OVS) continue;
      Unit u = netdev(br.name(), "bridge", br.mtu().orElse(null));
      u.add("Bridge", "STP", br.stp() ? "yes" : "no");
      br.forwardDelay().ifPresent(s -> u.add("Bridge", "ForwardDelaySec", String.valueOf(s)));
      br.helloTime().ifPresent(s -> u.add("Bridge", "HelloTimeSec", String.valueOf(s)));
      br.maxAge().ifPresent(s -> u.add("Bridge", "MaxAgeSec", String.valueOf(s)));
      br.stpPriority().ifPresent(p -> u.add("Bridge", "Priority", String.valueOf(p)));
      if (br.vlanFiltering()) {
        u.add("Bridge", "VLANFiltering", "yes");
        u.add("Bridge", "DefaultPVID", "none");
      }
      netdevs.put(br.name(), u);
      Unit bu = network.apply(br.name());
      br.mtu().ifPresent(m -> bu.add("Link", "MTUBytes", String.valueOf(m)));
      br.addresses().forEach(a -> bu.add("Network", "Address", a));
      bu.add("Network", "ConfigureWithoutCarrier", "yes");
      for (BridgePort p : br.ports()) {
        Unit pu = network.apply(p.name()).add("Network", "Bridge", br.name());
        br.mtuOf(p).ifPresent(m -> pu.add("Link", "MTUBytes", String.valueOf(m)));
        if (p.bpduGuard()) pu.add("Bridge", "UseBPDU", "no");
        p.tag().ifPresent(t -> pu.add("BridgeVLAN", "PVID", String.valueOf(t)).add("BridgeVLAN", "EgressUntagged", String.valueOf(t)));
        p.nativeVlan().ifPresent(t -> pu.add("BridgeVLAN", "PVID", String.valueOf(t)).add("BridgeVLAN", "EgressUntagged", String.valueOf(t)));
        for (int t : p.trunks()) pu.add("BridgeVLAN", "VLAN", String.valueOf(t));
      }
    }
    for (MacvtapSpec m : net.macvtaps()) {
      Unit u = netdev(m.name(), "macvtap", null);
      u.add("MACVTAP", "Mode", m.mode());
      netdevs.put(m.name(), u);
      network.apply(m.lower()).add("Network", "MACVTAP", m.name());
    }
    Map<String, String> files = new TreeMap<>();
    netdevs.forEach((name, u) -> files.put("10-" + name + ".netdev", u.render()));
    networks.forEach((name, u) -> files.put("20-" + name + ".network", u.render()));
    return new Networkd(files);
  }

  private static Unit netdev(String name, String kind, Integer mtu) {
    Unit u = new Unit().add("NetDev", "Name", name).add("NetDev", "Kind", kind);
    if (mtu != null) u.add("NetDev", "MTUBytes", String.valueOf(mtu));
    return u;
  }

  /** File name (under {@link #DIR}) to content, sorted by name. */
  public Map<String, String> files() { return files; }

  /** The plan that writes the files under {@link #DIR}. */
  public Plan plan() { return plan(DIR); }

  /**
   * The plan that writes each file under {@code dir} (mode 0644, made only when its content differs:
   * {@code cmp} judges, {@code install} writes). networkd reads them at its next start or
   * {@code networkctl reload}; this plan does not restart it.
   */
  public Plan plan(String dir) {
    Objects.requireNonNull(dir, "dir");
    if (!dir.startsWith("/") || !dir.matches("[A-Za-z0-9_./+-]+")) {
      throw new io.kvmsdk.core.InvalidSpecException("networkd/@dir", "must be an absolute path of plain characters, got '" + dir + "'");
    }
    List<Step> steps = new ArrayList<>();
    files.forEach((name, text) -> {
      String path = dir + "/" + name;
      steps.add(Step.builder("write " + path)
          .check(HostCommand.builder().args("cmp", "-s", "-", path).stdin(text).build())
          .change(HostCommand.builder().args("install", "-D", "-m", "0644", "/dev/stdin", path).stdin(text).build())
          .build());
    });
    return Plan.of(steps);
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder();
    files.forEach((name, text) -> sb.append("# ").append(DIR).append('/').append(name).append('\n').append(text).append('\n'));
    return sb.toString();
  }

  /** One unit file: sections of Key=Value lines, in the order first added; a key may repeat. */
  static final class Unit {
    private final Map<String, List<String>> sections = new LinkedHashMap<>();

    Unit add(String section, String key, String value) {
      String line = key + "=" + value;
      List<String> lines = sections.computeIfAbsent(section, s -> new ArrayList<>());
      if (!lines.contains(line)) lines.add(line);
      return this;
    }

    /** Sections in systemd's usual order ([NetDev] or [Match], [Link], [Network], then the kind's), keys as added. */
    String render() {
      StringBuilder sb = new StringBuilder();
      List<String> order = new ArrayList<>(List.of("NetDev", "Match", "Link", "Network"));
      order.retainAll(sections.keySet());
      sections.keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
      order.forEach(s -> {
        List<String> lines = sections.get(s);
        if (sb.length() > 0) sb.append('\n');
        sb.append('[').append(s).append("]\n");
        lines.forEach(l -> sb.append(l).append('\n'));
      });
      return sb.toString();
    }
  }
}
