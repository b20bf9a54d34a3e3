package io.kvmsdk.core.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A network interface as the guest sees it ({@code virDomainInterface}): the guest's name for it
 * ({@code eth0}, {@code lo}), its MAC address when reported, and its IP addresses.
 */
public record DomainInterfaceAddress(String name, Optional<String> mac, List<DomainIpAddress> addresses) {
  public DomainInterfaceAddress {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mac, "mac");
    addresses = List.copyOf(addresses);
  }

  /** An interface with MAC {@code mac} (may be null when the guest reports none) and {@code addresses}. */
  public static DomainInterfaceAddress of(String name, String mac, DomainIpAddress... addresses) {
    return new DomainInterfaceAddress(name, Optional.ofNullable(mac), List.of(addresses));
  }

  /** {@code eth0 52:54:00:12:34:56 [192.168.122.10/24]}. */
  @Override public String toString() { return name + " " + mac.orElse("-") + " " + addresses; }
}
