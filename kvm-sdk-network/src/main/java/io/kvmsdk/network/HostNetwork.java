package io.kvmsdk.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.network.ovs.OvsDb;
import io.kvmsdk.network.persist.Ifupdown2;
import io.kvmsdk.network.persist.Networkd;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One host's virtual networking as a whole: its veths, bonds, VLANs, VXLANs, bridges and
 * macvtaps, checked together (no interface serves two masters: a port in two bridges, a bond
 * member that is also a port, two devices with one name are refused at build time) and compiled
 * together, in dependency order, to one {@link #plan()}, one {@link #removalPlan()}, and the
 * persistent configuration that keeps it across a reboot ({@link #networkd()}, {@link #ifupdown2()}).
 *
 * <pre>{@code
 * HostNetwork hv1 = HostNetwork.builder()
 *     .addBond(BondSpec.linux("bond0").mode("802.3ad").addMembers("eth0", "eth1").mtu(9000).build())
 *     .addVlan(VlanSpec.of("bond0", 100))
 *     .addBridge(BridgeSpec.linux("br100").addPort("bond0.100").mtu(9000).build())
 *     .build();
 * Plan plan = hv1.plan();
 * Map<String, String> files = hv1.networkd().files();   // /etc/systemd/network/*.netdev, *.network
 * }</pre>
 */
@Value.Immutable
public abstract class HostNetwork {
  public abstract List<VethSpec> veths();

  public abstract List<BondSpec> bonds();

  public abstract List<VlanSpec> vlans();

  public abstract List<VxlanSpec> vxlans();

  public abstract List<BridgeSpec> bridges();

  public abstract List<MacvtapSpec> macvtaps();

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public HostNetwork copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Every device, in the order the plan makes them. */
  public List<LinkSpec> links() {
    List<LinkSpec> all = new ArrayList<>(veths());
    all.addAll(bonds());
    all.addAll(vlans());
    all.addAll(vxlans());
    all.addAll(bridges());
    all.addAll(macvtaps());
    return all;
  }

  /** The plan that converges the host (OVS through ovs-vsctl's default database). */
  public Plan plan() { return plan(OvsDb.standard()); }

  /** The plan that converges the host, OVS commands sent to {@code db}. */
  public Plan plan(OvsDb db) {
    Plan.Builder p = Plan.builder();
    for (LinkSpec l : links()) p.plan(l instanceof BridgeSpec ? ((BridgeSpec) l).plan(db) : l.plan());
    return p.build();
  }

  /** The plan that removes every device this spec makes, last made first. */
  public Plan removalPlan() { return removalPlan(OvsDb.standard()); }

  public Plan removalPlan(OvsDb db) {
    List<LinkSpec> all = new ArrayList<>(links());
    java.util.Collections.reverse(all);
    Plan.Builder p = Plan.builder();
    for (LinkSpec l : all) p.plan(l instanceof BridgeSpec ? ((BridgeSpec) l).removalPlan(db) : l.removalPlan());
    return p.build();
  }

  /** The systemd-networkd files that make the Linux side of this host at boot. */
  public Networkd networkd() { return Networkd.of(this); }

  /** The ifupdown2 {@code /etc/network/interfaces} that makes the Linux side of this host at boot. */
  public String ifupdown2() { return Ifupdown2.render(this); }

  @Value.Check protected void check() {
    Map<String, String> devices = new HashMap<>();
    for (LinkSpec l : links()) {
      String what = describe(l);
      String before = devices.putIfAbsent(l.name(), what);
      if (before != null) throw new InvalidSpecException(what + "/@name", "the name " + l.name() + " is already taken by " + before);
      if (l instanceof VethSpec) {
        String peer = ((VethSpec) l).peer();
        before = devices.putIfAbsent(peer, what);
        if (before != null) throw new InvalidSpecException(what + "/peer/@name", "the name " + peer + " is already taken by " + before);
      }
    }
    Map<String, String> users = new HashMap<>();
    for (LinkSpec l : links()) {
      String what = describe(l);
      for (String used : l.uses()) {
        String other = users.putIfAbsent(used, what);
        if (other != null) {
          String role = l instanceof BondSpec ? "member" : "port";
          throw new InvalidSpecException(what + "/" + role + "[" + used + "]", used + " is already used by " + other
              + ": an interface has one master");
        }
      }
    }
  }

  private static String describe(LinkSpec l) {
    String kind = l instanceof BridgeSpec ? "bridge" : l instanceof BondSpec ? "bond" : l instanceof VlanSpec ? "vlan"
        : l instanceof VxlanSpec ? "vxlan" : l instanceof VethSpec ? "veth" : "macvtap";
    return kind + "[" + l.name() + "]";
  }

  @Override public String toString() {
    return "HostNetwork" + links().stream().map(Object::toString).toList();
  }

  /** Builds a {@link HostNetwork}. */
  public static class Builder extends ImmutableHostNetwork.Builder {}
}
