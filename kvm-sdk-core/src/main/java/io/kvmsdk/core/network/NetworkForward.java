package io.kvmsdk.core.network;

import io.kvmsdk.core.common.DeviceAddress;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <forward>}: how the network reaches the LAN: nat, route, open, bridge, private, vepa, passthrough or hostdev, with the pool of host interfaces, VFs or PF it uses. No forward at all is an isolated network. */
@Value.Immutable
public abstract class NetworkForward {
  /** nat (also when absent), route, open, bridge, private, vepa, passthrough or hostdev. */
  public abstract Optional<String> mode();

  /** Host device the traffic is forwarded through (also the first pool interface). */
  public abstract Optional<String> dev();

  /** hostdev mode: libvirt detaches the VFs from their host drivers. */
  public abstract Optional<Boolean> managed();

  /** {@code <driver name='vfio|kvm'/>}: hostdev assignment method. */
  public abstract Optional<String> driver();

  /** {@code <nat>}: address and port ranges, IPv6 NAT. */
  public abstract Optional<NetworkNat> natOptions();

  /** {@code <pf dev='..'/>}: the SR-IOV physical function whose VFs form the pool. */
  public abstract Optional<String> pf();

  /** The pool of host interfaces. */
  public abstract List<NetworkForwardInterface> interfaces();

  /** hostdev mode: the pool of VFs by PCI address. */
  public abstract List<DeviceAddress> addresses();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public NetworkForward copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The forward modes libvirt knows. */
  public static final java.util.Set<String> MODES = java.util.Set.of("nat", "route", "open", "bridge", "private", "vepa", "passthrough", "hostdev");

  /** A forward element of {@code mode}. */
  public static NetworkForward of(String mode) { return builder().mode(mode).build(); }

  /** NAT to the host's LAN. */
  public static NetworkForward nat() { return of("nat"); }

  /** NAT onto the given public address range and/or port range. */
  public static NetworkForward nat(NetworkNat nat) { return builder().mode("nat").natOptions(nat).build(); }

  /** Plain routing to the host's LAN. */
  public static NetworkForward route() { return of("route"); }

  /** Routing with no firewall rules added by libvirt. */
  public static NetworkForward open() { return of("open"); }

  /** An existing host bridge (Linux or Open vSwitch) named by {@code <bridge name='..'/>}. */
  public static NetworkForward bridge() { return of("bridge"); }

  /** A macvtap network in {@code mode} (bridge, private, vepa or passthrough) over the host interfaces {@code devs}. */
  public static NetworkForward macvtap(String mode, String... devs) {
    Builder b = builder().mode(mode);
    for (String d : devs) b.addInterface(NetworkForwardInterface.of(d));
    return b.build();
  }

  /** A pool of the VFs of SR-IOV physical function {@code pfDev}, in {@code mode} (passthrough or hostdev; hostdev is managed). */
  public static NetworkForward pf(String mode, String pfDev) {
    Builder b = builder().mode(mode).pf(pfDev);
    if (mode.equals("hostdev")) b.managed(true);
    return b.build();
  }

  /** A managed hostdev pool of the given VFs. */
  public static NetworkForward hostdev(DeviceAddress... vfs) {
    return builder().mode("hostdev").managed(true).addAddresses(vfs).build();
  }

  /** This forward restricted to host device {@code dev}. */
  public NetworkForward dev(String dev) { return copy(b -> b.dev(dev)); }

  /** The mode libvirt applies: {@code nat} when absent. */
  public String effectiveMode() { return mode().orElse("nat"); }

  @Value.Check protected void check() { NetCheck.forward(this); }

  /** Builds a {@link NetworkForward}. */
  public static class Builder extends ImmutableNetworkForward.Builder {}
}
