package io.kvmsdk.core.network;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One lease a virtual network's DHCP server handed out ({@code virNetworkDHCPLease}), from
 * {@link Network#dhcpLeases()}: the bridge it was given on, when it expires, the address and prefix,
 * and what the client told about itself.
 *
 * @param iface the network's bridge ({@code virbr0})
 * @param expiryTime when the lease runs out
 * @param type {@code ipv4} or {@code ipv6}
 * @param ipAddress the address handed out, without prefix
 * @param prefix the prefix length of the network's address ({@code 24})
 * @param mac the client's MAC address (IPv4; empty for DHCPv6 without one)
 * @param iaid the DHCPv6 identity association id
 * @param hostname the host name the client sent
 * @param clientId the DHCPv4 client id or DHCPv6 DUID
 */
public record DhcpLease(String iface, Instant expiryTime, String type, String ipAddress, int prefix, Optional<String> mac,
    Optional<String> iaid, Optional<String> hostname, Optional<String> clientId) {
  public DhcpLease {
    Objects.requireNonNull(iface, "iface");
    Objects.requireNonNull(expiryTime, "expiryTime");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(ipAddress, "ipAddress");
    Objects.requireNonNull(mac, "mac");
    Objects.requireNonNull(iaid, "iaid");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(clientId, "clientId");
  }

  /** {@code DhcpLease[52:54:00:12:34:56 192.168.122.38/24 on virbr0 until 2026-12-05T09:23:37Z]}. */
  @Override public String toString() {
    return "DhcpLease[" + mac.map(m -> m + " ").orElse("") + ipAddress + "/" + prefix + " on " + iface + hostname.map(h -> " (" + h + ")").orElse("")
        + " until " + expiryTime + "]";
  }
}
