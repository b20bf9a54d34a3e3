package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.RequiredFields;
import java.util.List;
import org.immutables.value.Value;

/**
 * A {@code choose_args INDEX { ... }} section: weight sets and ids per bucket. Index
 * {@code 18446744073709551615} (-1) is the cluster-wide compat weight set; a pool id names that
 * pool's. Mapping (as {@code crushtool --test} does) uses index 0, else the compat one.
 */
@Value.Immutable
public abstract class CrushChooseArgs {
  /** The compat weight set's index, -1 (printed unsigned: 18446744073709551615). */
  public static final long DEFAULT_INDEX = -1L;

  /** The index, an unsigned 64-bit number. */
  public abstract long index();

  public abstract List<CrushChooseArg> args();

  public static Builder builder() { return new Builder(); }

  public static class Builder extends ImmutableCrushChooseArgs.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("index", "choose_args/index");
    @Override public CrushChooseArgs build() { return REQUIRED.build(super::build); }
  }
}
