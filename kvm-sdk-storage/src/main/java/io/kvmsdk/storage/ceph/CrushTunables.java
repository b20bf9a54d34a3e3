package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.InvalidSpecException;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A CRUSH map's tunables ({@code tunable NAME VALUE} lines). The defaults are Ceph's legacy values,
 * which is what crushtool assumes for a text without tunable lines; {@link #optimal()} is what Ceph
 * Pacific gives a new cluster (the "jewel" profile). Only values that differ from the legacy ones
 * are written out, as crushtool does.
 */
@Value.Immutable
public abstract class CrushTunables {
  /** Retries within a bucket on a collision (legacy 2, optimal 0). */
  @Value.Default public int chooseLocalTries() { return 2; }

  /** Exhaustive in-bucket retries (legacy 5, optimal 0). */
  @Value.Default public int chooseLocalFallbackTries() { return 5; }

  /** Descents from the top before giving up on a replica (legacy 19, optimal 50). */
  @Value.Default public int chooseTotalTries() { return 19; }

  /** chooseleaf retries the leaf once, not from the top (legacy 0, optimal 1). */
  @Value.Default public int chooseleafDescendOnce() { return 0; }

  /** chooseleaf varies r by the parent's r (legacy 0, optimal 1). */
  @Value.Default public int chooseleafVaryR() { return 0; }

  /** chooseleaf keeps positions stable when a leaf fails (legacy 0, optimal 1). */
  @Value.Default public int chooseleafStable() { return 0; }

  /** How straw (v1) bucket straws are computed (legacy 0, optimal 1). */
  @Value.Default public int strawCalcVersion() { return 0; }

  /** Bitmask of bucket algorithms the cluster may create (legacy 22, optimal 54 = +straw2). */
  @Value.Default public int allowedBucketAlgs() { return LEGACY_ALLOWED_BUCKET_ALGS; }

  static final int LEGACY_ALLOWED_BUCKET_ALGS = (1 << 1) | (1 << 2) | (1 << 4);

  public static Builder builder() { return new Builder(); }

  /** Ceph's legacy tunables (what a text without tunable lines means). */
  public static CrushTunables legacy() { return builder().build(); }

  /** The "optimal" tunables of Ceph Pacific (the jewel profile): what {@code crushtool --build} and a new cluster use. */
  public static CrushTunables optimal() {
    return builder().chooseLocalTries(0).chooseLocalFallbackTries(0).chooseTotalTries(50).chooseleafDescendOnce(1)
        .chooseleafVaryR(1).chooseleafStable(1).strawCalcVersion(1).allowedBucketAlgs(54).build();
  }

  public CrushTunables copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Value.Check protected void check() {
    nonNegative("choose_local_tries", chooseLocalTries());
    nonNegative("choose_local_fallback_tries", chooseLocalFallbackTries());
    nonNegative("choose_total_tries", chooseTotalTries());
    nonNegative("chooseleaf_descend_once", chooseleafDescendOnce());
    nonNegative("chooseleaf_vary_r", chooseleafVaryR());
    nonNegative("chooseleaf_stable", chooseleafStable());
    nonNegative("straw_calc_version", strawCalcVersion());
    nonNegative("allowed_bucket_algs", allowedBucketAlgs());
  }

  private static void nonNegative(String name, int v) {
    if (v < 0) throw new InvalidSpecException("tunable " + name, "must be >= 0, got " + v);
  }

  public static class Builder extends ImmutableCrushTunables.Builder {}
}
