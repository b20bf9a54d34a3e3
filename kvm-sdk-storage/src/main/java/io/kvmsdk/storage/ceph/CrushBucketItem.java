package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import org.immutables.value.Value;

/**
 * An {@code item NAME weight W} line of a bucket: a device or a bucket below it, with its weight in
 * Ceph's 16.16 fixed point ({@code 0x10000} = 1.0, by convention 1 TiB).
 */
@Value.Immutable
public abstract class CrushBucketItem {
  static final long MAX_DEVICE_WEIGHT = 100L * 0x10000;
  static final long MAX_BUCKET_WEIGHT = 65535L * 0x10000;

  public abstract String name();

  /** The weight in 16.16 fixed point, exactly as CRUSH computes with it. */
  public abstract int weightFixed();

  /** The weight as a number (what crushtool prints with three decimals). */
  public double weight() { return Integer.toUnsignedLong(weightFixed()) / 65536.0; }

  /** An item of weight {@code weight}, converted as crushtool converts {@code weight W}. */
  public static CrushBucketItem of(String name, double weight) {
    if (!(weight >= 0)) throw new InvalidSpecException("item " + name + "/weight", "must be >= 0, got " + weight);
    long fixed = CrushNames.fixed((float) weight);
    if (fixed > MAX_BUCKET_WEIGHT) {
      throw new InvalidSpecException("item " + name + "/weight", "is limited to " + MAX_BUCKET_WEIGHT / 0x10000 + ", got " + weight);
    }
    return builder().name(name).weightFixed((int) fixed).build();
  }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    if (!CrushNames.valid(name()) && !name().contains("~")) CrushNames.check("item/name", name());
  }

  public static class Builder extends ImmutableCrushBucketItem.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "item/name", "weightFixed", "item/weight");
    @Override public CrushBucketItem build() { return REQUIRED.build(super::build); }
  }
}
