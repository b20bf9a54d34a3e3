package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <source>} of an interface; the attributes used depend on the interface type (network, bridge, dev/mode, unix socket, address/port, hostdev address, vds switch...). */
@Value.Immutable
public abstract class NicSource {
  /** The virtual network (type network). */
  public abstract Optional<String> network();

  /** A portgroup of that network. */
  public abstract Optional<String> portgroup();

  /** The network port UUID (live XML; a number for vds). */
  public abstract Optional<String> portid();

  /** The host bridge (type bridge). */
  public abstract Optional<String> bridge();

  /** {@code kernel} or {@code libvirt}. */
  public abstract Optional<String> macTableManager();

  /** The host device (types direct, user, vdpa). */
  public abstract Optional<String> dev();

  /** The macvtap mode (vepa, bridge, private, passthrough) or the unix socket mode (server, client). */
  public abstract Optional<String> mode();

  /** {@code unix} for vhost-user. */
  public abstract Optional<String> type();

  /** The unix socket path (type vhostuser). */
  public abstract Optional<String> path();

  /** The IP address of a socket tunnel (server, client, mcast, udp). */
  public abstract Optional<String> address();

  /** The port of a socket tunnel. */
  public abstract Optional<Integer> port();

  /** The name (type internal). */
  public abstract Optional<String> name();

  /** The VMware distributed switch UUID (type vds). */
  public abstract Optional<String> switchid();

  /** The VMware portgroup (type vds). */
  public abstract Optional<String> portgroupid();

  /** The VMware connection id (type vds). */
  public abstract Optional<String> connectionid();

  /** Whether the hostdev source is missing. */
  public abstract Optional<Boolean> missing();

  /** The local end of a UDP tunnel. */
  public abstract Optional<NicSourceLocal> local();

  /** Reconnect policy of a vhost-user client socket. */
  public abstract Optional<NicSourceReconnect> reconnect();

  /** Host-side addresses (type ethernet). */
  public abstract List<NicIp> ips();

  /** Host-side routes (type ethernet). */
  public abstract List<NicRoute> routes();

  /** USB vendor id (type hostdev). */
  public abstract Optional<String> vendorId();

  /** USB product id (type hostdev). */
  public abstract Optional<String> productId();

  /** The PCI or USB address of the host device (type hostdev). */
  public abstract Optional<DeviceAddress> deviceAddress();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicSource copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NicSource}. */
  public static class Builder extends ImmutableNicSource.Builder {}
}
