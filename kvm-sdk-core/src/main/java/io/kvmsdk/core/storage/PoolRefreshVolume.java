package io.kvmsdk.core.storage;


import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <volume allocation=...>} of a pool'\''s {@code <refresh>}. */
@Value.Immutable
public abstract class PoolRefreshVolume {
  /** How volume allocation is computed on refresh: {@code default} (actual usage) or {@code capacity}. */
  public abstract Optional<String> allocation();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public PoolRefreshVolume copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link PoolRefreshVolume}. */
  public static class Builder extends ImmutablePoolRefreshVolume.Builder {}
}
