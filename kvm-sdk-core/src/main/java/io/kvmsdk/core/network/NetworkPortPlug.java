package io.kvmsdk.core.network;

import io.kvmsdk.core.common.DeviceAddress;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <networkport><plug>}: how the port is plugged on the host: a network bridge, a host bridge, a macvtap device or a PCI device. */
@Value.Immutable
public abstract class NetworkPortPlug {
  /** network, bridge, direct or hostdev-pci. */
  public abstract Optional<String> type();

  /** network/bridge: the bridge device. */
  public abstract Optional<String> bridge();

  /** network/bridge: kernel or libvirt. */
  public abstract Optional<String> macTableManager();

  /** direct: the host link device. */
  public abstract Optional<String> dev();

  /** direct: vepa, private, bridge or passthrough. */
  public abstract Optional<String> mode();

  /** hostdev-pci: libvirt detaches the device from its host driver. */
  public abstract Optional<Boolean> managed();

  /** hostdev-pci: {@code <driver name='vfio|kvm'/>}. */
  public abstract Optional<String> driver();

  /** hostdev-pci: the device's PCI address. */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public NetworkPortPlug copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Plugged into the libvirt-managed bridge {@code bridge}. */
  public static NetworkPortPlug network(String bridge) { return builder().type("network").bridge(bridge).build(); }

  /** Plugged into the host bridge {@code bridge}. */
  public static NetworkPortPlug bridge(String bridge) { return builder().type("bridge").bridge(bridge).build(); }

  /** A macvtap on host device {@code dev} in {@code mode}. */
  public static NetworkPortPlug direct(String dev, String mode) { return builder().type("direct").dev(dev).mode(mode).build(); }

  /** The PCI device at {@code address}, assigned with VFIO. */
  public static NetworkPortPlug hostdevPci(DeviceAddress address, boolean managed) {
    return builder().type("hostdev-pci").managed(managed).driver("vfio").address(address).build();
  }

  @Value.Check protected void check() { NetCheck.plug(this); }

  /** Builds a {@link NetworkPortPlug}. */
  public static class Builder extends ImmutableNetworkPortPlug.Builder {}
}
