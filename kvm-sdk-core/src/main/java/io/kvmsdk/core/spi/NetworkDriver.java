package io.kvmsdk.core.spi;

import io.kvmsdk.core.network.DhcpLease;
import java.util.List;

/**
 * libvirt's network driver: virtual networks in the shared {@link LifecycleDriver} shape.
 * {@link #undefine(String)} of an active network leaves it running as a transient one; redefining an
 * active network changes the definition used at its next start only.
 */
public interface NetworkDriver extends LifecycleDriver {
  /** {@code virNetworkGetDHCPLeases}: the leases the network's DHCP server handed out and that have not expired. */
  List<DhcpLease> dhcpLeases(String network);
}
