package io.kvmsdk.testkit.contract;

/**
 * What a hypervisor under contract can do; a {@link ContractCase} runs only on targets that have
 * every capability it needs (cases a target cannot run are not generated, so nothing shows as skipped).
 */
public enum ContractCapability {
  /**
   * The target answers like libvirt's QEMU driver: its exact error codes, error domains and
   * messages, its event order. The fake and a real libvirtd with QEMU have it; libvirt's test
   * driver does not (it words many refusals as internal errors).
   */
  QEMU_DRIVER,
  /** Lifecycle events are delivered. */
  EVENTS,
  /** Bulk domain statistics ({@code virDomainListGetStats}). */
  STATS,
  /** Domain snapshots. */
  SNAPSHOTS,
  /** libvirt secrets ({@code virSecretDefineXML}); the test driver lacks them. */
  SECRETS,
  /** A second host of the same kind is reachable for live migration ({@code peer}). */
  MIGRATION,
  /** QEMU guest-agent commands. */
  GUEST_AGENT,
  /** Virtual networks. */
  NETWORKS,
  /** Storage pools and volumes. */
  STORAGE,
  /** Network filters; the test driver lacks them. */
  NWFILTERS
}
