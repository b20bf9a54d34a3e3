package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import org.immutables.value.Value;

/** {@code <hugepages>}: back guest memory with huge pages (the default size when no page is given). */
@Value.Immutable
public abstract class MemoryBackingHugePages {
  /** The {@code <page>} children, in order. */
  public abstract List<MemoryBackingHugePage> pages();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public MemoryBackingHugePages copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link MemoryBackingHugePages}. */
  public static class Builder extends ImmutableMemoryBackingHugePages.Builder {}
}
