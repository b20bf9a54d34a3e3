package io.kvmsdk.core.domain;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <memtune>}: host memory limits of the guest (hard, soft, swap, minimum). */
@Value.Immutable
public abstract class MemTune {
  /** The {@code <hard_limit>} child. */
  public abstract Optional<Size> hardLimit();
  /** The {@code <soft_limit>} child. */
  public abstract Optional<Size> softLimit();
  /** The {@code <min_guarantee>} child. */
  public abstract Optional<Size> minGuarantee();
  /** The {@code <swap_hard_limit>} child. */
  public abstract Optional<Size> swapHardLimit();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public MemTune copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link MemTune}. */
  public static class Builder extends ImmutableMemTune.Builder {}
}
