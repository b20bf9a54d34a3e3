package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <cell>} in {@code <cpu><numa>}: a guest NUMA node with its vCPUs and memory. */
@Value.Immutable
public abstract class CpuNumaCell {
  /** The {@code id} attribute. */
  public abstract Optional<Integer> id();
  /** The vCPUs of the cell, such as {@code 0-3}. */
  public abstract Optional<String> cpus();
  /** The {@code memory} attribute. */
  public abstract Optional<Long> memory();
  /** The unit of {@code memory} (KiB when absent). */
  public abstract Optional<String> unit();
  /** {@code shared} or {@code private}. */
  public abstract Optional<String> memAccess();
  /** The {@code discard} attribute. */
  public abstract Optional<Boolean> discard();
  /** The {@code <distances>} child. */
  public abstract Optional<CpuNumaCellDistances> distances();
  /** The {@code <cache>} children, in order. */
  public abstract List<CpuNumaCellCache> caches();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Cell {@code id} with vCPUs {@code cpus} and {@code memory}. */
  public static CpuNumaCell of(int id, String cpus, Size memory) {
    return builder().id(id).cpus(cpus).memory(memory.value()).unit(memory.unit()).build();
  }

  /** The cell's memory as a {@link Size}, when set. */
  public Optional<Size> memorySize() { return memory().map(m -> Size.of(m, unit().orElse("KiB"))); }

  @Value.Check protected void check() {
    CpuSet.check("@cpus", cpus());
    if (unit().isPresent() && !Size.isUnit(unit().get())) {
      throw new InvalidSpecException("@unit", "must be a libvirt unit (KiB, MiB, GiB, ...), got '" + unit().get() + "'");
    }
    if (memAccess().isPresent() && !memAccess().get().equals("shared") && !memAccess().get().equals("private")) {
      throw new InvalidSpecException("@memAccess", "must be 'shared' or 'private', got '" + memAccess().get() + "'");
    }
  }

  /** Derives a changed copy. */
  public CpuNumaCell copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuNumaCell}. */
  public static class Builder extends ImmutableCpuNumaCell.Builder {}
}
