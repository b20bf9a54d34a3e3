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

  /** {@code <cpus num='N'>}: the CPUs of this cell. */
  public abstract List<CapsCellCpu> cpus();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsCell copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsCell}. */
  public static class Builder extends ImmutableCapsCell.Builder {}
}
