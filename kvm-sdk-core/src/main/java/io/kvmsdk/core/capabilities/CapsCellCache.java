package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <cache level='1' associativity='direct' policy='writeback'>}: a memory-side cache of a NUMA cell. */
@Value.Immutable
public abstract class CapsCellCache {
  public abstract Optional<Integer> level();

  public abstract Optional<String> associativity();

  public abstract Optional<String> policy();

  /** {@code <size value='10' unit='KiB'/>}. */
  public abstract Optional<Size> size();

  /** {@code <line value='8' unit='B'/>}. */
  public abstract Optional<Size> line();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsCellCache copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsCellCache}. */
  public static class Builder extends ImmutableCapsCellCache.Builder {}
}
