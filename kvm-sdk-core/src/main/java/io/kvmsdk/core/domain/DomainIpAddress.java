package io.kvmsdk.core.domain;

import java.util.Objects;

/**
 * One IP address of a guest interface ({@code virDomainIPAddress}): its {@code type} as libvirt
 * names it ({@code ipv4} or {@code ipv6}), the address literal and the prefix length.
 */
public record DomainIpAddress(String type, String address, int prefix) {
  public DomainIpAddress {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(address, "address");
  }

  /** An IPv4 address, e.g. {@code ipv4("192.168.122.10", 24)}. */
  public static DomainIpAddress ipv4(String address, int prefix) { return new DomainIpAddress("ipv4", address, prefix); }

  /** An IPv6 address, e.g. {@code ipv6("fe80::5054:ff:fe12:3456", 64)}. */
  public static DomainIpAddress ipv6(String address, int prefix) { return new DomainIpAddress("ipv6", address, prefix); }

  /** True for an IPv6 address. */
  public boolean isIpv6() { return type.equals("ipv6"); }

  /** {@code 192.168.122.10/24}, as {@code virsh domifaddr} shows it. */
  @Override public String toString() { return address + "/" + prefix; }
}
