package io.kvmsdk.testkit.contract;

/**
 * What a hypervisor under contract can do; a {@link ContractCase} runs only on targets that have
 * every capability it needs. A case a target cannot run still shows in its report, as a skipped test
 * whose reason names the missing capability and what it means ({@link #meaning()}).
 */
public enum ContractCapability {
  /**
   * The target answers like libvirt's QEMU driver: its exact error codes, error domains and
   * messages, its event order, and what it does with running guests (taps, bridges, filter bindings).
   * The fake and a real libvirtd with QEMU have it; libvirt's test driver does not (it words many
   * refusals as internal errors).
   */
  QEMU_DRIVER("answers like libvirt's QEMU driver (its error codes, domains and messages, its event order, what it does with running guests)"),
  /** Lifecycle events are delivered. */
  EVENTS("delivers lifecycle events"),
  /** Bulk domain statistics ({@code virDomainListGetStats}). */
  STATS("has bulk domain statistics"),
  /** Domain snapshots. */
  SNAPSHOTS("has domain snapshots"),
  /** libvirt secrets ({@code virSecretDefineXML}); the test driver lacks them. */
  SECRETS("has libvirt secrets"),
  /** A second host of the same kind is reachable for live migration ({@code peer}). */
  MIGRATION("reaches a second host for live migration"),
  /** QEMU guest-agent commands. */
  GUEST_AGENT("runs QEMU guest agent commands"),
  /** Virtual networks. */
  NETWORKS("has virtual networks"),
  /**
   * A running guest on a network with DHCP gets a lease ({@code virNetworkGetDHCPLeases}): a real
   * libvirtd whose dnsmasq serves a guest that asks (the contract's guest boots iPXE from the
   * network). The test driver lacks the call.
   */
  DHCP_LEASES("reports the DHCP leases of a running guest (virNetworkGetDHCPLeases)"),
  /** Storage pools and volumes. */
  STORAGE("has storage pools and volumes"),
  /** A volume's data: upload, download, wipe and resize ({@code virStorageVolUpload}, ...); the test driver lacks them. */
  VOLUME_DATA("moves a volume's data: upload, download, wipe, resize"),
  /** Network filters and their bindings; the test driver lacks them. */
  NWFILTERS("has network filters and their bindings");

  private final String meaning;

  ContractCapability(String meaning) { this.meaning = meaning; }

  /** What a target with this capability does, in words (the reason a skipped case gives). */
  public String meaning() { return meaning; }
}
