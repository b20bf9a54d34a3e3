package io.kvmsdk.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.network.internal.Cidrs;
import io.kvmsdk.network.internal.IfaceNames;
import io.kvmsdk.network.internal.LinkTable;
import io.kvmsdk.network.internal.LinuxSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A bond (link aggregation) of two or more member interfaces.
 *
 * <p>Linux ({@link #linux(String)}): the bonding driver, modes {@code 802.3ad} (LACP, with
 * {@code lacp_rate} and {@code xmit_hash_policy}), {@code active-backup}, {@code balance-alb},
 * {@code balance-tlb}, {@code balance-xor}, {@code balance-rr}, {@code broadcast}; link monitoring
 * by {@code miimon} with {@code updelay}/{@code downdelay} (multiples of miimon). Its plan stands
 * alone; a bridge then takes the bond as a port.
 *
 * <p>Open vSwitch ({@link #ovs(String)}): a bonded port of an OVS bridge
 * ({@link BridgeSpec.Builder#addBond(BondSpec)}), modes {@code active-backup}, {@code balance-slb},
 * {@code balance-tcp} (which needs LACP), {@code lacp} active/passive/off and the LACP rate.
 *
 * <pre>{@code
 * BondSpec bond0 = BondSpec.linux("bond0").mode("802.3ad").lacpRate("fast").xmitHashPolicy("layer3+4")
 *     .miimon(100).addMembers("eth0", "eth1").mtu(9000).build();
 * }</pre>
 */
@Value.Immutable
public abstract class BondSpec implements LinkSpec {
  static final List<String> LINUX_MODES = List.of("802.3ad", "active-backup", "balance-alb", "balance-tlb", "balance-xor", "balance-rr", "broadcast");
  static final List<String> OVS_MODES = List.of("active-backup", "balance-slb", "balance-tcp");
  private static final List<String> HASH_POLICIES = List.of("layer2", "layer2+3", "layer3+4", "encap2+3", "encap3+4", "vlan+srcmac");

  @Override public abstract String name();

  public abstract SwitchType type();

  /** The member interfaces, at least two (a Linux 802.3ad bond may start with one). */
  public abstract List<String> members();

  /** The bonding mode; {@code active-backup} by default (needs nothing from the switch). */
  @Value.Default public String mode() { return "active-backup"; }

  /** LACP rate, {@code slow} or {@code fast} (Linux 802.3ad; OVS with LACP). */
  public abstract Optional<String> lacpRate();

  /** Linux: how traffic is spread over the members ({@code layer2}, {@code layer3+4}, ...). */
  public abstract Optional<String> xmitHashPolicy();

  /** Link monitoring interval in ms (Linux {@code miimon}; OVS {@code other_config:bond-miimon-interval}). */
  public abstract Optional<Integer> miimon();

  /** ms a member's link must be up before it is used. */
  public abstract Optional<Integer> updelay();

  /** ms a member's link must be down before it is dropped. */
  public abstract Optional<Integer> downdelay();

  /** OVS: {@code active}, {@code passive} or {@code off}. */
  public abstract Optional<String> lacp();

  /** Linux active-backup: the member preferred when up. */
  public abstract Optional<String> primary();

  public abstract Optional<Integer> mtu();

  /** Linux: addresses on the bond itself (an uplink with no bridge). */
  public abstract List<String> addresses();

  /** A Linux bond named {@code name}. */
  public static Builder linux(String name) { return new Builder().name(name).type(SwitchType.LINUX); }

  /** An Open vSwitch bond (a bonded port) named {@code name}. */
  public static Builder ovs(String name) { return new Builder().name(name).type(SwitchType.OVS); }

  /** Derives a changed copy. */
  public BondSpec copy(Consumer<Builder> change) {
    Builder b = new Builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The Linux bond's option words ({@code mode ... miimon ...}) without the mode. */
  List<String> linuxOptions() {
    List<String> o = new ArrayList<>();
    miimon().ifPresent(m -> o.addAll(List.of("miimon", String.valueOf(m))));
    updelay().ifPresent(m -> o.addAll(List.of("updelay", String.valueOf(m))));
    downdelay().ifPresent(m -> o.addAll(List.of("downdelay", String.valueOf(m))));
    lacpRate().ifPresent(r -> o.addAll(List.of("lacp_rate", r)));
    xmitHashPolicy().ifPresent(p -> o.addAll(List.of("xmit_hash_policy", p)));
    return o;
  }

  private boolean settingsMatch(LinkTable t) {
    String n = name();
    return miimon().map(m -> t.info(n, "miimon").equals(String.valueOf(m))).orElse(true)
        && updelay().map(m -> t.info(n, "updelay").equals(String.valueOf(m))).orElse(true)
        && downdelay().map(m -> t.info(n, "downdelay").equals(String.valueOf(m))).orElse(true)
        && lacpRate().map(r -> t.info(n, "ad_lacp_rate").equals(r)).orElse(true)
        && xmitHashPolicy().map(p -> t.info(n, "xmit_hash_policy").equals(p)).orElse(true);
  }

  /**
   * Linux: creates the bond with its mode and settings, enslaves the members (each down first, as
   * the driver wants), sets the MTU (the members follow), the primary, the addresses, and brings
   * members and bond up. An OVS bond has no plan of its own: its bridge's plan makes it.
   */
  @Override public Plan plan() {
    if (type() == SwitchType.OVS) {
      throw new InvalidSpecException("bond[" + name() + "]", "an Open vSwitch bond is a port of its bridge: add it with BridgeSpec.ovs(..).addBond(bond) and apply the bridge's plan");
    }
    String n = name();
    List<String> add = new ArrayList<>(List.of("link", "add", n, "type", "bond", "mode", mode()));
    add.addAll(linuxOptions());
    Plan.Builder p = Plan.builder().step(LinuxSteps.create(n, "bond", add));
    p.step(io.kvmsdk.core.host.Step.builder("set mode " + mode() + " of bond " + n)
        .probe(LinuxSteps.probe(n + " is in mode " + mode(), t -> t.info(n, "mode").equals(mode())))
        .change(LinuxSteps.ip("link", "set", "dev", n, "down"))
        .change(LinuxSteps.ip("link", "set", "dev", n, "type", "bond", "mode", mode()))
        .build());
    if (!linuxOptions().isEmpty()) p.step(LinuxSteps.settings(n, "bond settings", "bond", linuxOptions(), this::settingsMatch));
    members().forEach(m -> p.step(LinuxSteps.bondMember(m, n)));
    primary().ifPresent(pr -> p.step(LinuxSteps.settings(n, "primary member", "bond", List.of("primary", pr), t -> t.info(n, "primary").equals(pr))));
    mtu().ifPresent(m -> p.step(LinuxSteps.mtu(n, m)));
    members().forEach(m -> p.step(LinuxSteps.up(m)));
    p.step(LinuxSteps.up(n));
    addresses().forEach(a -> p.step(LinuxSteps.address(n, a)));
    return p.build();
  }

  /** Linux: deletes the bond (its members are released and stay). */
  @Override public Plan removalPlan() {
    if (type() == SwitchType.OVS) {
      throw new InvalidSpecException("bond[" + name() + "]", "an Open vSwitch bond is removed with its bridge, or by dropping it from the bridge's spec");
    }
    return Plan.of(LinuxSteps.delete(name(), "bond"));
  }

  @Override public List<String> uses() { return members(); }

  /** True when this mode needs at least two members. */
  boolean needsTwo() { return type() == SwitchType.OVS || !mode().equals("802.3ad"); }

  @Value.Check protected void check() {
    String at = "bond[" + name() + "]";
    IfaceNames.check("bond/@name", name());
    List<String> modes = type() == SwitchType.LINUX ? LINUX_MODES : OVS_MODES;
    if (!modes.contains(mode())) throw new InvalidSpecException(at + "/@mode", "a " + type() + " bond's mode is one of " + modes + ", got '" + mode() + "'");
    members().forEach(m -> IfaceNames.check(at + "/member", m));
    if (members().isEmpty()) throw new InvalidSpecException(at + "/members", "a bond needs members");
    if (needsTwo() && members().size() < 2) {
      throw new InvalidSpecException(at + "/members", "mode " + mode() + (type() == SwitchType.OVS ? " (Open vSwitch)" : "")
          + " needs at least two members, got " + members());
    }
    if (Set.copyOf(members()).size() != members().size()) throw new InvalidSpecException(at + "/members", "lists a member twice: " + members());
    if (members().contains(name())) throw new InvalidSpecException(at + "/members", "a bond cannot be its own member");
    lacpRate().ifPresent(r -> {
      if (!r.equals("slow") && !r.equals("fast")) throw new InvalidSpecException(at + "/@lacp_rate", "must be slow or fast, got '" + r + "'");
      if (type() == SwitchType.LINUX && !mode().equals("802.3ad")) throw new InvalidSpecException(at + "/@lacp_rate", "only an 802.3ad bond speaks LACP, this one is " + mode());
      if (type() == SwitchType.OVS && lacp().orElse("off").equals("off")) throw new InvalidSpecException(at + "/@lacp_rate", "needs lacp active or passive");
    });
    xmitHashPolicy().ifPresent(p -> {
      if (type() == SwitchType.OVS) throw new InvalidSpecException(at + "/@xmit_hash_policy", "is a Linux bond setting; OVS hashes by its mode (balance-slb, balance-tcp)");
      if (!HASH_POLICIES.contains(p)) throw new InvalidSpecException(at + "/@xmit_hash_policy", "must be one of " + HASH_POLICIES + ", got '" + p + "'");
      if (!List.of("802.3ad", "balance-xor", "balance-tlb", "balance-alb").contains(mode())) {
        throw new InvalidSpecException(at + "/@xmit_hash_policy", "has no effect in mode " + mode() + " (only 802.3ad, balance-xor, balance-tlb, balance-alb)");
      }
    });
    miimon().ifPresent(m -> IfaceNames.range(at + "/@miimon", m, 0, 1_000_000, "miimon (ms)"));
    for (String f : List.of("updelay", "downdelay")) {
      Optional<Integer> v = f.equals("updelay") ? updelay() : downdelay();
      if (v.isEmpty()) continue;
      IfaceNames.range(at + "/@" + f, v.get(), 0, 1_000_000, f + " (ms)");
      if (type() == SwitchType.LINUX && v.get() > 0) {
        int mii = miimon().orElse(0);
        if (mii == 0) throw new InvalidSpecException(at + "/@" + f, "needs miimon (link monitoring) to be set");
        if (v.get() % mii != 0) throw new InvalidSpecException(at + "/@" + f, "must be a multiple of miimon " + mii + " ms, got " + v.get());
      }
    }
    lacp().ifPresent(l -> {
      if (type() == SwitchType.LINUX) throw new InvalidSpecException(at + "/@lacp", "a Linux bond speaks LACP in mode 802.3ad; lacp is an OVS setting");
      if (!List.of("active", "passive", "off").contains(l)) throw new InvalidSpecException(at + "/@lacp", "must be active, passive or off, got '" + l + "'");
    });
    if (type() == SwitchType.OVS && mode().equals("balance-tcp") && lacp().orElse("off").equals("off")) {
      throw new InvalidSpecException(at + "/@lacp", "balance-tcp needs LACP: set lacp active or passive");
    }
    primary().ifPresent(p -> {
      if (type() == SwitchType.OVS || !mode().equals("active-backup") && !mode().equals("balance-alb") && !mode().equals("balance-tlb")) {
        throw new InvalidSpecException(at + "/@primary", "only a Linux active-backup, balance-alb or balance-tlb bond has a primary");
      }
      if (!members().contains(p)) throw new InvalidSpecException(at + "/@primary", "must be one of the members " + members() + ", got '" + p + "'");
    });
    mtu().ifPresent(m -> IfaceNames.mtu(at + "/@mtu", m));
    addresses().forEach(a -> Cidrs.cidr(at + "/address", a));
    if (type() == SwitchType.OVS && !addresses().isEmpty()) throw new InvalidSpecException(at + "/address", "an OVS bond carries no address: put it on the bridge or an internal port");
  }

  @Override public String toString() {
    return "BondSpec[" + type().name().toLowerCase() + " " + name() + " " + mode() + " " + members() + "]";
  }

  /** Builds a {@link BondSpec}. */
  public static class Builder extends ImmutableBondSpec.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "bond/@name", "type", "bond/@type");

    @Override public BondSpec build() { return REQUIRED.build(super::build); }
  }
}
