package io.kvmsdk.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.network.internal.IfaceNames;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One port of a {@link BridgeSpec}: an existing interface (a NIC, a bond, a VXLAN, a veth, a tap)
 * and how the bridge treats it — its MTU (the bridge's by default), its VLANs (an access
 * {@code tag}, {@code trunks}, a native VLAN), and for a guest-facing port BPDU guard (Linux:
 * the kernel shuts the port on a BPDU) or BPDU filtering (Open vSwitch: the port takes no part in
 * STP, so BPDUs from it are dropped). On a Linux bridge VLANs need VLAN filtering, which the
 * bridge turns on when a port has any.
 */
@Value.Immutable
public abstract class BridgePort {
  /** The interface, e.g. {@code eth1}, {@code bond0}, {@code vx100}. */
  public abstract String name();

  /** The port's MTU; absent: the bridge's. */
  public abstract Optional<Integer> mtu();

  /** Access VLAN: untagged traffic of the port belongs to this VLAN (OVS {@code tag}, Linux {@code pvid untagged}). */
  public abstract Optional<Integer> tag();

  /** VLANs carried tagged (OVS {@code trunks}, Linux {@code bridge vlan add vid N}). */
  public abstract List<Integer> trunks();

  /** The trunk's native VLAN: carried untagged (OVS {@code vlan_mode=native-untagged}, Linux {@code pvid untagged}). */
  public abstract Optional<Integer> nativeVlan();

  /** Linux only: the port is shut when a BPDU arrives ({@code bridge_slave guard on}). */
  @Value.Default public boolean bpduGuard() { return false; }

  /** Open vSwitch only: the port takes no part in STP ({@code other_config:stp-enable=false}); its BPDUs are dropped. */
  @Value.Default public boolean bpduFilter() { return false; }

  /** Open vSwitch only: an internal port the switch creates (its Linux device appears with the port). */
  @Value.Default public boolean internal() { return false; }

  public static Builder builder() { return new Builder(); }

  /** A plain port. */
  public static BridgePort of(String name) { return builder().name(name).build(); }

  /** An access port of VLAN {@code tag}. */
  public static BridgePort access(String name, int tag) { return builder().name(name).tag(tag).build(); }

  /** A trunk of {@code vlans}. */
  public static BridgePort trunk(String name, int... vlans) {
    Builder b = builder().name(name);
    for (int v : vlans) b.addTrunk(v);
    return b.build();
  }

  /** A guest-facing port with BPDU guard (Linux bridges). */
  public static BridgePort guarded(String name) { return builder().name(name).bpduGuard(true).build(); }

  /** Derives a changed copy. */
  public BridgePort copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** True when the port carries any VLAN setting. */
  public boolean hasVlans() { return tag().isPresent() || !trunks().isEmpty() || nativeVlan().isPresent(); }

  @Value.Check protected void check() {
    String at = "port[" + name() + "]";
    IfaceNames.check(at + "/@name", name());
    mtu().ifPresent(m -> IfaceNames.mtu(at + "/@mtu", m));
    tag().ifPresent(t -> IfaceNames.vlan(at + "/@tag", t));
    for (int t : trunks()) IfaceNames.vlan(at + "/trunks", t);
    nativeVlan().ifPresent(t -> IfaceNames.vlan(at + "/@native_vlan", t));
    if (tag().isPresent() && !trunks().isEmpty()) {
      throw new InvalidSpecException(at + "/@tag", "an access port (tag) carries no trunks; use nativeVlan for a trunk's untagged VLAN");
    }
    if (nativeVlan().isPresent() && trunks().isEmpty()) {
      throw new InvalidSpecException(at + "/@native_vlan", "a native VLAN belongs to a trunk: add trunks, or use tag for an access port");
    }
    if (trunks().size() != trunks().stream().distinct().count()) throw new InvalidSpecException(at + "/trunks", "lists a VLAN twice: " + trunks());
  }

  /** Builds a {@link BridgePort}. */
  public static class Builder extends ImmutableBridgePort.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "port/@name");

    @Override public BridgePort build() { return REQUIRED.build(super::build); }
  }
}
