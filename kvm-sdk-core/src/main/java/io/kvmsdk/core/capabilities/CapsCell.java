package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <cell id='0'>}: a host NUMA cell with its memory, pages, distances, caches and CPUs. */
@Value.Immutable
public abstract class CapsCell {
  public abstract int id();

  public abstract Optional<Size> memory();

  public abstract List<CapsPages> pages();

  /** {@code <distances>}: the distances to the other cells. */
  public abstract List<CapsCellSibling> distances();

  public abstract List<CapsCellCache> caches();

  /** The {@code num} of {@code <cpus num='N'>}: how many CPUs the cell has, kept as written even when it differs from the CPUs listed. */
  public abstract Optional<Integer> cpuCount();

  /** The CPUs listed in {@code <cpus>}. */
  public abstract List<CapsCellCpu> cpus();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The NUMA distance from this cell to cell {@code id}, if reported. */
  public Optional<Integer> distanceTo(int id) {
    return distances().stream().filter(d -> d.id() == id).findFirst().flatMap(CapsCellSibling::value);
  }

  /** A cell built with CPUs but no count gets the number of CPUs as its count. */
  @Value.Check protected CapsCell normalize() {
    if (cpuCount().isEmpty() && !cpus().isEmpty()) return builder().from(this).cpuCount(cpus().size()).build();
    return this;
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsCell copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsCell}. */
  public static class Builder extends ImmutableCapsCell.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("id", "@id");

    @Override public CapsCell build() { return REQUIRED.build(super::build); }
  }
}
