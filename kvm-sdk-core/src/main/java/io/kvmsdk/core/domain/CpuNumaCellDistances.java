package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import org.immutables.value.Value;

/** {@code <distances>} of a NUMA cell: its distance to each other cell. */
@Value.Immutable
public abstract class CpuNumaCellDistances {
  /** The {@code <sibling>} children, in order. */
  public abstract List<CpuNumaCellSibling> siblings();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public CpuNumaCellDistances copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuNumaCellDistances}. */
  public static class Builder extends ImmutableCpuNumaCellDistances.Builder {}
}
