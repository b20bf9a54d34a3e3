package io.kvmsdk.core.storage;

/** How {@link StorageVolume#resize(io.kvmsdk.core.Size, ResizeOption...)} changes a volume ({@code virStorageVolResizeFlags}). */
public enum ResizeOption {
  /** Allocate the new capacity at once, not sparse ({@code VIR_STORAGE_VOL_RESIZE_ALLOCATE}). */
  ALLOCATE(1),
  /** The size is added to the current capacity (or, with {@link #SHRINK}, taken from it) ({@code VIR_STORAGE_VOL_RESIZE_DELTA}). */
  DELTA(2),
  /** Allow the capacity to go down; data past the new end is lost ({@code VIR_STORAGE_VOL_RESIZE_SHRINK}). */
  SHRINK(4);

  private final int flag;

  ResizeOption(int flag) { this.flag = flag; }

  /** libvirt's flag bit. */
  public int flag() { return flag; }
}
