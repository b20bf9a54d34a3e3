package io.kvmsdk.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.common.Vlan;
import io.kvmsdk.core.common.VirtualPort;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.NicSource;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.core.network.NetworkBridge;
import io.kvmsdk.core.network.NetworkForward;
import io.kvmsdk.core.network.NetworkSpec;
import io.kvmsdk.core.network.Portgroup;
import io.kvmsdk.network.internal.Cidrs;
import io.kvmsdk.network.internal.IfaceNames;
import io.kvmsdk.network.internal.LinkTable;
import io.kvmsdk.network.internal.LinuxSteps;
import io.kvmsdk.network.internal.OvsBridgePlan;
import io.kvmsdk.network.ovs.OvsDb;
import io.kvmsdk.network.ovs.OvsMirror;
import io.kvmsdk.network.ovs.OvsSflow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A host bridge that guests attach to: a Linux bridge ({@link #linux(String)}) or an Open vSwitch
 * bridge ({@link #ovs(String)}), with its ports, MTU (on the bridge and every port: jumbo 9000 is
 * set after enslaving, since a bridge falls back to 1500 when a 1500 port joins), STP and its
 * timers, addresses, and VLANs — on Linux by VLAN filtering ({@code bridge vlan}), on OVS by access
 * ports ({@code tag}), trunks and a native VLAN; on OVS also the datapath type, fail mode,
 * controllers, bonded ports, mirrors and sFlow.
 *
 * <pre>{@code
 * BridgeSpec br0 = BridgeSpec.linux("br0").addPort("bond0").mtu(9000).stp(true).addAddress("198.51.100.1/24").build();
 * Plan plan = br0.plan();                                   // converges a host; applying it again changes nothing
 * NetworkSpec net = br0.libvirtNetwork("lan");              // <forward mode='bridge'/><bridge name='br0'/>
 *
 * BridgeSpec ovs = BridgeSpec.ovs("ovsbr0").datapathType("netdev").addPort("eth2").addPort("vm1", 100).build();
 * Plan p = ovs.plan(OvsDb.of("unix:/run/openvswitch/db.sock"));
 * Nic nic = ovs.nic("ovs-lan", 100);                        // a guest NIC on portgroup vlan100
 * }</pre>
 *
 * Applying {@link #plan()} again to a host that matches changes nothing
 * ({@code PlanResult.changed()} is false) and reads the host in one or two batched reads
 * ({@code ip -j -d addr show}, {@code bridge -j vlan show}, {@code ovs-vsctl --format=json list ...}).
 * Refused at build time, naming the field: a bad interface name (over 15 bytes, {@code /}, blanks,
 * shell metacharacters), an MTU outside 68..65535, a VLAN outside 1..4094, a port listed twice,
 * STP timers outside the kernel's ranges, and a setting the bridge's kind does not have.
 */
@Value.Immutable
public abstract class BridgeSpec implements LinkSpec {
  @Override public abstract String name();

  public abstract SwitchType type();

  /** The bridge's MTU, also set on every port that does not say otherwise. */
  public abstract Optional<Integer> mtu();

  /** Spanning tree on the bridge (default off). */
  @Value.Default public boolean stp() { return false; }

  /** STP forward delay in seconds (2..30). */
  public abstract Optional<Integer> forwardDelay();

  /** STP hello time in seconds (1..10). */
  public abstract Optional<Integer> helloTime();

  /** STP max age in seconds (6..40). */
  public abstract Optional<Integer> maxAge();

  /** The bridge's STP priority (0..65535; lower wins the root election). */
  public abstract Optional<Integer> stpPriority();

  public abstract List<BridgePort> ports();

  /** Addresses on the bridge itself. */
  public abstract List<String> addresses();

  /** OVS: bonded ports ({@link BondSpec#ovs(String)}). */
  public abstract List<BondSpec> bonds();

  /** OVS: {@code system} (kernel datapath) or {@code netdev} (userspace: the only one without the openvswitch kernel module). */
  public abstract Optional<String> datapathType();

  /** OVS: {@code standalone} or {@code secure} (no flows until a controller sets them). */
  public abstract Optional<String> failMode();

  /** OVS: OpenFlow controllers, e.g. {@code tcp:127.0.0.1:6653}. */
  public abstract List<String> controllers();

  /** OVS: port mirrors. */
  public abstract List<OvsMirror> mirrors();

  /** OVS: sFlow sampling. */
  public abstract Optional<OvsSflow> sflow();

  /** VLANs guests may use, as portgroups of {@link #libvirtNetwork}; by default every VLAN the ports carry. */
  public abstract List<Integer> guestVlans();

  /** A Linux bridge named {@code name}. */
  public static Builder linux(String name) { return new Builder().name(name).type(SwitchType.LINUX); }

  /** An Open vSwitch bridge named {@code name}; set {@link Builder#datapathType} {@code netdev} where the kernel module is missing. */
  public static Builder ovs(String name) { return new Builder().name(name).type(SwitchType.OVS); }

  /** Derives a changed copy. */
  public BridgeSpec copy(Consumer<Builder> change) {
    Builder b = new Builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Linux: VLAN filtering is on when a port carries VLANs. */
  public boolean vlanFiltering() { return type() == SwitchType.LINUX && ports().stream().anyMatch(BridgePort::hasVlans); }

  /** The port {@code name}'s effective MTU: its own, else the bridge's. */
  public Optional<Integer> mtuOf(BridgePort port) { return port.mtu().or(this::mtu); }

  /** The VLANs of the guests' portgroups, sorted. */
  public List<Integer> portgroupVlans() {
    if (!guestVlans().isEmpty()) return List.copyOf(new TreeSet<>(guestVlans()));
    Set<Integer> v = new TreeSet<>();
    for (BridgePort p : ports()) {
      p.tag().ifPresent(v::add);
      v.addAll(p.trunks());
      p.nativeVlan().ifPresent(v::add);
    }
    return List.copyOf(v);
  }

  // ------------------------------------------------------------------ plans

  /** The plan that converges a host to this bridge (OVS: through ovs-vsctl's default database, {@link OvsDb#standard()}). */
  @Override public Plan plan() { return plan(OvsDb.standard()); }

  /** The plan, with OVS commands sent to {@code db} (ignored for a Linux bridge). */
  public Plan plan(OvsDb db) { return type() == SwitchType.OVS ? OvsBridgePlan.plan(this, db) : linuxPlan(); }

  /** The plan that deletes the bridge (its ports stay, released). */
  @Override public Plan removalPlan() { return removalPlan(OvsDb.standard()); }

  /** The removal plan, with OVS commands sent to {@code db}. */
  public Plan removalPlan(OvsDb db) {
    return type() == SwitchType.OVS ? OvsBridgePlan.removal(this, db) : Plan.of(LinuxSteps.delete(name(), "bridge"));
  }

  private List<String> stpWords() {
    List<String> w = new ArrayList<>(List.of("stp_state", stp() ? "1" : "0"));
    forwardDelay().ifPresent(s -> w.addAll(List.of("forward_delay", String.valueOf(s * 100))));
    helloTime().ifPresent(s -> w.addAll(List.of("hello_time", String.valueOf(s * 100))));
    maxAge().ifPresent(s -> w.addAll(List.of("max_age", String.valueOf(s * 100))));
    stpPriority().ifPresent(p -> w.addAll(List.of("priority", String.valueOf(p))));
    return w;
  }

  private boolean stpMatches(LinkTable t) {
    String n = name();
    return t.info(n, "stp_state").equals(stp() ? "1" : "0")
        && forwardDelay().map(s -> t.info(n, "forward_delay").equals(String.valueOf(s * 100))).orElse(true)
        && helloTime().map(s -> t.info(n, "hello_time").equals(String.valueOf(s * 100))).orElse(true)
        && maxAge().map(s -> t.info(n, "max_age").equals(String.valueOf(s * 100))).orElse(true)
        && stpPriority().map(p -> t.info(n, "priority").equals(String.valueOf(p))).orElse(true);
  }

  private Plan linuxPlan() {
    String n = name();
    Plan.Builder p = Plan.builder();
    List<String> add = new ArrayList<>(List.of("link", "add", n, "type", "bridge"));
    if (vlanFiltering()) add.addAll(List.of("vlan_filtering", "1"));
    p.step(LinuxSteps.create(n, "bridge", add));
    // STP off first: the kernel checks forward_delay's range only while STP runs
    p.step(LinuxSteps.settings(n, "STP", "bridge", stpWords(), this::stpMatches));
    if (vlanFiltering()) {
      p.step(LinuxSteps.settings(n, "VLAN filtering", "bridge", List.of("vlan_filtering", "1"), t -> t.info(n, "vlan_filtering").equals("1")));
    }
    for (BridgePort port : ports()) p.step(LinuxSteps.bridgePort(port.name(), n));
    for (BridgePort port : ports()) {
      if (port.bpduGuard()) {
        p.step(LinuxSteps.settings(port.name(), "BPDU guard", "bridge_slave", List.of("guard", "on"), t -> t.slaveInfo(port.name(), "guard").equals("true")));
      }
    }
    if (vlanFiltering()) for (BridgePort port : ports()) p.steps(vlanSteps(port));
    // MTU after enslaving: the ports first, then the bridge (a bridge follows its smallest port)
    for (BridgePort port : ports()) mtuOf(port).ifPresent(m -> p.step(LinuxSteps.mtu(port.name(), m)));
    mtu().ifPresent(m -> p.step(LinuxSteps.mtu(n, m)));
    for (String a : addresses()) p.step(LinuxSteps.address(n, a));
    for (BridgePort port : ports()) p.step(LinuxSteps.up(port.name()));
    p.step(LinuxSteps.up(n));
    return p.build();
  }

  /** The {@code bridge vlan} steps of one port: its VLANs added with their flags, VLAN 1 (the default PVID) dropped unless wanted. */
  private List<Step> vlanSteps(BridgePort port) {
    String pn = port.name();
    Map<Integer, String> want = new java.util.LinkedHashMap<>();
    port.tag().ifPresent(t -> want.put(t, "pvid untagged"));
    port.nativeVlan().ifPresent(t -> want.put(t, "pvid untagged"));
    for (int t : port.trunks()) want.putIfAbsent(t, "");
    List<Step> steps = new ArrayList<>();
    want.forEach((vid, flags) -> {
      boolean pvid = !flags.isEmpty();
      List<String> argv = new ArrayList<>(List.of("bridge", "vlan", "add", "dev", pn, "vid", String.valueOf(vid)));
      if (pvid) argv.addAll(List.of("pvid", "untagged"));
      steps.add(Step.builder("VLAN " + vid + (pvid ? " (pvid, untagged)" : " (tagged)") + " on port " + pn)
          .probe(LinuxSteps.vlanProbe(pn + " carries VLAN " + vid + (pvid ? " as PVID untagged" : " tagged"), out -> {
            List<String> f = LinkTable.vlans(out, pn).get(vid);
            return f != null && f.contains("PVID") == pvid && f.contains("Egress Untagged") == pvid;
          }))
          .change(io.kvmsdk.core.host.HostCommand.of(argv))
          .undo(io.kvmsdk.core.host.HostCommand.of("bridge", "vlan", "del", "dev", pn, "vid", String.valueOf(vid)))
          .build());
    });
    if (!want.containsKey(1)) {
      steps.add(Step.builder("drop the default VLAN 1 from port " + pn)
          .probe(LinuxSteps.vlanProbe(pn + " does not carry VLAN 1", out -> !LinkTable.vlans(out, pn).containsKey(1)))
          .change(io.kvmsdk.core.host.HostCommand.of("bridge", "vlan", "del", "dev", pn, "vid", "1"))
          .build());
    }
    return steps;
  }

  @Override public List<String> uses() {
    List<String> u = new ArrayList<>();
    ports().forEach(p -> { if (!p.internal()) u.add(p.name()); });
    bonds().forEach(b -> u.addAll(b.members()));
    return u;
  }

  // ------------------------------------------------------------------ libvirt side

  /**
   * The libvirt network guests use to reach this bridge: {@code <forward mode='bridge'/>} on it,
   * and for OVS {@code <virtualport type='openvswitch'/>} with one portgroup per guest VLAN
   * ({@code vlanN}) and, when there are several, a {@code trunk} portgroup carrying them all.
   */
  public NetworkSpec libvirtNetwork(String networkName) {
    if (type() == SwitchType.LINUX) {
      return NetworkSpec.builder().name(networkName).forward(NetworkForward.bridge()).bridge(NetworkBridge.named(name())).build();
    }
    List<Portgroup> groups = new ArrayList<>();
    List<Integer> vlans = portgroupVlans();
    for (int v : vlans) groups.add(Portgroup.vlan(portgroupName(v), v));
    if (vlans.size() > 1) groups.add(Portgroup.trunk("trunk", vlans.stream().mapToInt(Integer::intValue).toArray()));
    return NetworkSpec.openvswitch(networkName, name(), groups.toArray(new Portgroup[0]));
  }

  /** The portgroup name of guest VLAN {@code vlan}. */
  public static String portgroupName(int vlan) { return "vlan" + vlan; }

  /** A guest NIC (virtio) on network {@code networkName} (this bridge's {@link #libvirtNetwork}). */
  public Nic nic(String networkName) { return Nic.network(networkName).virtio(); }

  /**
   * A guest NIC (virtio) on VLAN {@code vlan} of network {@code networkName}: OVS picks the
   * portgroup {@code vlanN}; a Linux bridge has no per-guest VLANs in libvirt (use a bridge per VLAN,
   * on a {@link VlanSpec}).
   */
  public Nic nic(String networkName, int vlan) {
    IfaceNames.vlan("nic/vlan/tag/@id", vlan);
    if (type() != SwitchType.OVS) {
      throw new InvalidSpecException("nic/vlan", "libvirt tags guest VLANs on Open vSwitch bridges only; for Linux bridge " + name()
          + " make a bridge per VLAN on a VlanSpec");
    }
    if (!portgroupVlans().contains(vlan)) {
      throw new InvalidSpecException("nic/source/@portgroup", "bridge " + name() + " has no guest VLAN " + vlan + "; its VLANs are " + portgroupVlans());
    }
    return Nic.network(networkName).virtio().copy(b -> b.source(NicSource.builder().network(networkName).portgroup(portgroupName(vlan)).build()));
  }

  /** A guest NIC (virtio) straight on this bridge (no libvirt network), tagged with {@code vlan} (OVS). */
  public Nic directNic(int vlan) {
    IfaceNames.vlan("nic/vlan/tag/@id", vlan);
    if (type() != SwitchType.OVS) throw new InvalidSpecException("nic/vlan", "a per-guest VLAN tag needs an Open vSwitch bridge");
    return Nic.bridge(name()).virtio().copy(b -> b.virtualport(VirtualPort.openvswitch()).vlan(Vlan.of(vlan)));
  }

  // ------------------------------------------------------------------ rules

  @Value.Check protected void check() {
    String at = "bridge[" + name() + "]";
    IfaceNames.check("bridge/@name", name());
    mtu().ifPresent(m -> IfaceNames.mtu(at + "/@mtu", m));
    forwardDelay().ifPresent(v -> IfaceNames.range(at + "/stp/@forward_delay", v, 2, 30, "an STP forward delay (s)"));
    helloTime().ifPresent(v -> IfaceNames.range(at + "/stp/@hello_time", v, 1, 10, "an STP hello time (s)"));
    maxAge().ifPresent(v -> IfaceNames.range(at + "/stp/@max_age", v, 6, 40, "an STP max age (s)"));
    stpPriority().ifPresent(v -> IfaceNames.range(at + "/stp/@priority", v, 0, 65535, "an STP priority"));
    if (!stp() && (forwardDelay().isPresent() || helloTime().isPresent() || maxAge().isPresent() || stpPriority().isPresent())) {
      throw new InvalidSpecException(at + "/stp", "STP timers and priority need stp(true)");
    }
    Set<String> seen = new HashSet<>();
    for (BridgePort p : ports()) {
      if (!seen.add(p.name())) throw new InvalidSpecException(at + "/port[" + p.name() + "]", "is listed twice");
      if (p.name().equals(name())) throw new InvalidSpecException(at + "/port[" + p.name() + "]", "a bridge cannot be its own port");
    }
    for (BondSpec b : bonds()) {
      if (b.type() != SwitchType.OVS) throw new InvalidSpecException(at + "/bond[" + b.name() + "]", "a Linux bond joins a bridge as a port: addPort(\"" + b.name() + "\")");
      if (!seen.add(b.name())) throw new InvalidSpecException(at + "/bond[" + b.name() + "]", "is also a port");
      for (String m : b.members()) if (!seen.add(m)) throw new InvalidSpecException(at + "/bond[" + b.name() + "]/member", m + " is already a port or another bond's member");
    }
    addresses().forEach(a -> Cidrs.cidr(at + "/address", a));
    guestVlans().forEach(v -> IfaceNames.vlan(at + "/guest_vlan", v));
    if (type() == SwitchType.LINUX) {
      String ovsOnly = datapathType().isPresent() ? "datapath_type" : failMode().isPresent() ? "fail_mode" : !controllers().isEmpty() ? "controller"
          : !mirrors().isEmpty() ? "mirror" : sflow().isPresent() ? "sflow" : !bonds().isEmpty() ? "bond" : null;
      if (ovsOnly != null) throw new InvalidSpecException(at + "/" + ovsOnly, "is an Open vSwitch setting; this is a Linux bridge");
      for (BridgePort p : ports()) {
        if (p.bpduFilter()) {
          throw new InvalidSpecException(at + "/port[" + p.name() + "]/@bpdu_filter", "a Linux bridge port has no BPDU filter: use bpduGuard "
              + "(the port shuts on a BPDU), or an nwfilter dropping BPDUs from the guest");
        }
        if (p.internal()) throw new InvalidSpecException(at + "/port[" + p.name() + "]/@internal", "internal ports are Open vSwitch's");
      }
    } else {
      datapathType().ifPresent(d -> {
        if (!d.equals("system") && !d.equals("netdev")) throw new InvalidSpecException(at + "/@datapath_type", "must be system or netdev, got '" + d + "'");
      });
      failMode().ifPresent(f -> {
        if (!f.equals("standalone") && !f.equals("secure")) throw new InvalidSpecException(at + "/@fail_mode", "must be standalone or secure, got '" + f + "'");
      });
      for (String c : controllers()) {
        if (!c.matches("(tcp|ssl|unix|ptcp|pssl|punix):[A-Za-z0-9_.:/\\[\\]-]+")) {
          throw new InvalidSpecException(at + "/controller", "must be tcp:IP[:PORT], ssl:IP[:PORT], unix:PATH or a passive p* form, got '" + c + "'");
        }
      }
      for (BridgePort p : ports()) {
        if (p.bpduGuard()) {
          throw new InvalidSpecException(at + "/port[" + p.name() + "]/@bpdu_guard", "Open vSwitch has no BPDU guard: use bpduFilter (the port takes no part in STP)");
        }
      }
      Set<String> mirrorNames = new HashSet<>();
      for (OvsMirror m : mirrors()) {
        if (!mirrorNames.add(m.name())) throw new InvalidSpecException(at + "/mirror[" + m.name() + "]", "is listed twice");
        for (String p : m.ports()) {
          if (!seen.contains(p)) throw new InvalidSpecException(at + "/mirror[" + m.name() + "]", "names port " + p + ", which is not a port of this bridge");
        }
      }
      sflow().ifPresent(s -> {
        if (!s.agent().equals(name()) && !seen.contains(s.agent())) {
          throw new InvalidSpecException(at + "/sflow/@agent", "must be the bridge or one of its ports, got '" + s.agent() + "'");
        }
      });
    }
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("BridgeSpec[").append(type().name().toLowerCase()).append(' ').append(name());
    mtu().ifPresent(m -> sb.append(", mtu ").append(m));
    if (stp()) sb.append(", stp");
    sb.append(", ports ").append(ports().stream().map(BridgePort::name).toList());
    if (!bonds().isEmpty()) sb.append(", bonds ").append(bonds().stream().map(BondSpec::name).toList());
    if (!addresses().isEmpty()) sb.append(", addresses ").append(addresses());
    return sb.append(']').toString();
  }

  /** Builds a {@link BridgeSpec}. */
  public static class Builder extends ImmutableBridgeSpec.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "bridge/@name", "type", "bridge/@type");

    @Override public BridgeSpec build() { return REQUIRED.build(super::build); }

    /** Adds port {@code iface} (an existing interface). */
    public Builder addPort(String iface) {
      addPort(BridgePort.of(iface));
      return this;
    }

    /** Adds {@code iface} as an access port of VLAN {@code vlanTag} (OVS {@code tag}; Linux: PVID untagged, with VLAN filtering). */
    public Builder addPort(String iface, int vlanTag) {
      addPort(BridgePort.access(iface, vlanTag));
      return this;
    }

    /** Adds {@code iface} as a trunk of {@code vlans}. */
    public Builder addTrunk(String iface, int... vlans) {
      addPort(BridgePort.trunk(iface, vlans));
      return this;
    }
  }
}
