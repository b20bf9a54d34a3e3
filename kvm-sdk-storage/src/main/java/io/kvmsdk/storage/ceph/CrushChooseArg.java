package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import java.util.List;
import org.immutables.value.Value;

/**
 * The choose_args of one straw2 bucket: alternative item weights per replica position (a "weight
 * set", what the balancer's crush-compat mode writes) and/or alternative ids to hash.
 */
@Value.Immutable
public abstract class CrushChooseArg {
  public abstract int bucketId();

  /** One list of 16.16 weights per position (the last one serves every later position). */
  public abstract List<List<Integer>> weightSets();

  /** Ids hashed instead of the items' own (empty: the items' ids). */
  public abstract List<Integer> ids();

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    if (bucketId() >= 0) throw new InvalidSpecException("choose_args/bucket_id", "must be a bucket id (< 0), got " + bucketId());
  }

  public static class Builder extends ImmutableCrushChooseArg.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("bucketId", "choose_args/bucket_id");
    @Override public CrushChooseArg build() { return REQUIRED.build(super::build); }
  }
}
