package io.kvmsdk.network.filter;

import io.kvmsdk.core.nwfilter.NwFilterSpec;

/**
 * The single-purpose filters of a {@link FilterPolicy}, named {@code kvmsdk-...}: each is a core
 * factory ({@code NwFilterSpec.noMacSpoofing} ...) with this module's name. Define them before a
 * filter that references them.
 */
public final class Filters {
  /** The prefix of the names this module gives its filters. */
  public static final String PREFIX = "kvmsdk";

  private Filters() {}

  /** Frames a guest sends carry its own MAC ({@code $MAC}): {@code kvmsdk-no-mac-spoofing}. */
  public static NwFilterSpec noMacSpoofing() { return noMacSpoofing(PREFIX); }

  /** IPv4 packets a guest sends come from its addresses ({@code $IP}; DHCP requests excepted): {@code kvmsdk-no-ip-spoofing}. */
  public static NwFilterSpec noIpSpoofing() { return noIpSpoofing(PREFIX); }

  /** ARP a guest sends carries its own MAC and IP: {@code kvmsdk-no-arp-spoofing}. */
  public static NwFilterSpec noArpSpoofing() { return noArpSpoofing(PREFIX); }

  /** A guest sends no spanning-tree BPDUs: {@code kvmsdk-no-bpdu}. */
  public static NwFilterSpec noBpdu() { return noBpdu(PREFIX); }

  static NwFilterSpec noMacSpoofing(String prefix) { return NwFilterSpec.noMacSpoofing(prefix + "-no-mac-spoofing").build(); }

  static NwFilterSpec noIpSpoofing(String prefix) { return NwFilterSpec.noIpSpoofing(prefix + "-no-ip-spoofing").build(); }

  static NwFilterSpec noArpSpoofing(String prefix) { return NwFilterSpec.noArpSpoofing(prefix + "-no-arp-spoofing").build(); }

  static NwFilterSpec noBpdu(String prefix) { return NwFilterSpec.noStp(prefix + "-no-bpdu").build(); }
}
