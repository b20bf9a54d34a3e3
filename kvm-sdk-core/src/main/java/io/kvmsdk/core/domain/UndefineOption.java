package io.kvmsdk.core.domain;

/** Extra things {@link Domain#undefine(UndefineOption...)} removes or keeps ({@code virDomainUndefineFlagsValues}). */
public enum UndefineOption {
  /** Also remove a managed save image ({@code VIR_DOMAIN_UNDEFINE_MANAGED_SAVE}). */
  MANAGED_SAVE(1),
  /** Also remove snapshot metadata ({@code VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA}). */
  SNAPSHOTS_METADATA(2),
  /** Also remove the UEFI NVRAM file ({@code VIR_DOMAIN_UNDEFINE_NVRAM}). */
  NVRAM(4),
  /** Keep the UEFI NVRAM file ({@code VIR_DOMAIN_UNDEFINE_KEEP_NVRAM}). */
  KEEP_NVRAM(8),
  /** Also remove checkpoint metadata ({@code VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA}). */
  CHECKPOINTS(16),
  /** Also remove the emulated TPM state ({@code VIR_DOMAIN_UNDEFINE_TPM}). */
  TPM(32),
  /** Keep the emulated TPM state ({@code VIR_DOMAIN_UNDEFINE_KEEP_TPM}). */
  KEEP_TPM(64);

  private final int flag;

  UndefineOption(int flag) { this.flag = flag; }

  /** libvirt's flag bit. */
  public int flag() { return flag; }
}
