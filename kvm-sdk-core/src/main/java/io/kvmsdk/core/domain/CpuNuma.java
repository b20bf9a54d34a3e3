package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <numa>} in {@code <cpu>}: the guest NUMA topology. */
@Value.Immutable
public abstract class CpuNuma {
  /** The {@code <cell>} children, in order. */
  public abstract List<CpuNumaCell> cells();
  /** The {@code <interconnects>} child. */
  public abstract Optional<CpuNumaInterconnects> interconnects();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** A topology of {@code cells}. */
  public static CpuNuma of(CpuNumaCell... cells) { return builder().cells(java.util.List.of(cells)).build(); }

  @Value.Check protected void check() {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int i = 0; i < cells().size(); i++) {
      Optional<Integer> id = cells().get(i).id();
      if (id.isPresent() && !seen.add(id.get())) {
        throw new InvalidSpecException("cell[" + (i + 1) + "]/@id", "must be unique among the NUMA cells, got " + id.get() + " twice");
      }
    }
  }

  /** Derives a changed copy. */
  public CpuNuma copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuNuma}. */
  public static class Builder extends ImmutableCpuNuma.Builder {}
}
