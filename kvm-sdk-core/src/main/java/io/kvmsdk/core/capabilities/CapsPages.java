package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <pages unit='KiB' size='2048'>count</pages>}: a memory page size, with the number of free pages of that size in a NUMA cell. */
@Value.Immutable
public abstract class CapsPages {
  /** The unit of {@link #size()}; libvirt writes KiB. */
  public abstract Optional<String> unit();

  /** The page size, in {@link #unit()}. */
  public abstract long size();

  /** The number of pages of this size in the cell (absent under {@code <cpu>}). */
  public abstract Optional<Long> count();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The page size as a {@link Size} (KiB when no unit is written). */
  public Size pageSize() { return Size.of(size(), unit().orElse("KiB")); }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsPages copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsPages}. */
  public static class Builder extends ImmutableCapsPages.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("size", "@size");

    @Override public CapsPages build() { return REQUIRED.build(super::build); }
  }
}
