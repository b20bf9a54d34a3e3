package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <page>} in {@code <hugepages>}: a huge page size, optionally for some guest NUMA nodes only. */
@Value.Immutable
public abstract class MemoryBackingHugePage {
  /** The {@code size} attribute. */
  public abstract Optional<Long> size();
  /** The {@code unit} attribute. */
  public abstract Optional<String> unit();
  /** Guest NUMA nodes, such as {@code 0-1}. */
  public abstract Optional<String> nodeset();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Pages of {@code size} (such as {@code Size.gib(1)} or {@code Size.mib(2)}). */
  public static MemoryBackingHugePage of(Size size) { return builder().size(size.value()).unit(size.unit()).build(); }

  /** Pages of {@code size} for guest NUMA nodes {@code nodeset}. */
  public static MemoryBackingHugePage of(Size size, String nodeset) { return builder().from(of(size)).nodeset(nodeset).build(); }

  /** The page size as a {@link Size} (unit KiB when absent), when set. */
  public Optional<Size> pageSize() { return size().map(s -> Size.of(s, unit().orElse("KiB"))); }

  @Value.Check protected void check() {
    CpuSet.check("@nodeset", nodeset());
    if (size().isPresent() && size().get() == 0) throw new InvalidSpecException("@size", "must be positive, got 0");
    if (unit().isPresent() && !Size.isUnit(unit().get())) {
      throw new InvalidSpecException("@unit", "must be a libvirt unit (KiB, MiB, GiB, ...), got '" + unit().get() + "'");
    }
  }

  /** Derives a changed copy. */
  public MemoryBackingHugePage copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link MemoryBackingHugePage}. */
  public static class Builder extends ImmutableMemoryBackingHugePage.Builder {}
}
