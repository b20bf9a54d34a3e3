package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <cache>} in a NUMA cell: a memory-side cache (HMAT). */
@Value.Immutable
public abstract class CpuNumaCellCache {
  /** The {@code level} attribute. */
  public abstract Optional<Integer> level();
  /** {@code none}, {@code direct} or {@code full}. */
  public abstract Optional<String> associativity();
  /** {@code none}, {@code writeback} or {@code writethrough}. */
  public abstract Optional<String> policy();
  /** The {@code <size>} child. */
  public abstract Optional<CpuNumaCacheSize> size();
  /** The {@code <line>} child. */
  public abstract Optional<CpuNumaCacheSize> line();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public CpuNumaCellCache copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuNumaCellCache}. */
  public static class Builder extends ImmutableCpuNumaCellCache.Builder {}
}
