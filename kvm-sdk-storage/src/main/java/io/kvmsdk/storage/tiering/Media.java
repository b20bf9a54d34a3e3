package io.kvmsdk.storage.tiering;

/** What a tier's pool is built on, fastest first. */
public enum Media {
  NVME, SSD, HDD;

  /** NVMe and SSD. */
  public boolean fast() { return this != HDD; }
}
