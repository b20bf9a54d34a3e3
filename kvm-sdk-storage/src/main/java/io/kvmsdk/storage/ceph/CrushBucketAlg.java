package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.InvalidSpecException;
import java.util.Locale;

/** How a bucket picks among its items ({@code alg ...}). */
public enum CrushBucketAlg {
  /** Items of equal weight, picked by a hashed permutation; fast, but adding an item reshuffles. */
  UNIFORM(1),
  /** Items in a list; good when items are only ever appended. */
  LIST(2),
  /** A weighted binary tree (deprecated in Ceph). */
  TREE(3),
  /** The original straw; its lengths depend on {@code straw_calc_version}. */
  STRAW(4),
  /** straw2: each item draws {@code ln(u)/weight}; changing one weight moves data only to or from that item. */
  STRAW2(5);

  private final int code;

  CrushBucketAlg(int code) { this.code = code; }

  /** Ceph's algorithm number ({@code CRUSH_BUCKET_*}). */
  public int code() { return code; }

  /** The name in crushtool's text ({@code straw2}). */
  public String text() { return name().toLowerCase(Locale.ROOT); }

  /** The algorithm named {@code text} in crushtool's form. */
  public static CrushBucketAlg of(String text) {
    for (CrushBucketAlg a : values()) if (a.text().equals(text)) return a;
    throw new InvalidSpecException("bucket/alg", "unknown bucket alg '" + text + "' (uniform, list, tree, straw or straw2)");
  }
}
