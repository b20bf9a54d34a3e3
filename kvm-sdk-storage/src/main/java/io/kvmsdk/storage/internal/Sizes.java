package io.kvmsdk.storage.internal;

import io.kvmsdk.core.Size;

/** Sizes as the storage tools take them. */
public final class Sizes {
  private Sizes() {}

  /** {@code 10g}, {@code 512m}, {@code 4k} or {@code 12345b}: the largest binary unit that divides the size (LVM's and ZFS's lowercase units are powers of 1024). */
  public static String lvm(Size size) {
    long b = size.bytes();
    String[] units = {"t", "g", "m", "k"};
    long[] mult = {1L << 40, 1L << 30, 1L << 20, 1L << 10};
    for (int i = 0; i < units.length; i++) if (b % mult[i] == 0 && b >= mult[i]) return (b / mult[i]) + units[i];
    return b + "b";
  }

  /** ZFS's spelling: {@code 10G}, {@code 512M}, {@code 4K} or bytes. */
  public static String zfs(Size size) {
    String s = lvm(size);
    return s.endsWith("b") ? s.substring(0, s.length() - 1) : s.toUpperCase(java.util.Locale.ROOT);
  }

  /** People's spelling: {@code 10 GiB}. */
  public static String human(long bytes) {
    String[] units = {"TiB", "GiB", "MiB", "KiB"};
    long[] mult = {1L << 40, 1L << 30, 1L << 20, 1L << 10};
    for (int i = 0; i < units.length; i++) {
      if (bytes >= mult[i]) {
        double v = (double) bytes / mult[i];
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v)) + " " + units[i];
      }
    }
    return bytes + " bytes";
  }
}
