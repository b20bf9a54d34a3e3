package io.kvmsdk.testkit;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * One network link of a {@link FakeHost} as {@code ip link}/{@code ip addr}/{@code bridge vlan}
 * would report it: its type ({@code bridge}, {@code veth}, {@code dummy}, {@code vlan},
 * {@code device} for a physical NIC, {@code loopback}), whether it is administratively up, its MTU,
 * bridge master, veth peer, vlan parent and id, MAC, IPv4/IPv6 addresses (CIDR, in the order added)
 * and bridge VLANs (vid to flags {@code PVID}/{@code untagged}). MACs are derived from the link's
 * name, so re-creating a link gives the same value. Immutable; equal when every field is.
 */
public record FakeHostLink(String name, String type, boolean up, int mtu, Optional<String> master, Optional<String> peer,
    Optional<String> parent, Optional<Integer> vlanId, String mac, List<String> addresses,
    SortedMap<Integer, Set<String>> vlans) {

  /** True for a Linux bridge. */
  public boolean isBridge() { return type.equals("bridge"); }

  /** True when the link carries {@code cidr} (e.g. {@code 10.0.0.1/24}). */
  public boolean hasAddress(String cidr) { return addresses.contains(cidr); }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder(name).append(" (").append(type).append(up ? ", up" : ", down").append(", mtu ").append(mtu);
    master.ifPresent(m -> sb.append(", master ").append(m));
    peer.ifPresent(p -> sb.append(", peer ").append(p));
    parent.ifPresent(p -> sb.append(", link ").append(p));
    vlanId.ifPresent(v -> sb.append(", id ").append(v));
    if (!addresses.isEmpty()) sb.append(", addresses ").append(addresses);
    if (!vlans.isEmpty()) sb.append(", vlans ").append(vlans);
    return sb.append(')').toString();
  }
}
