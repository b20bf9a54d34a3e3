package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <cache>} in {@code <cpu>}: how the CPU cache is presented to the guest. */
@Value.Immutable
public abstract class CpuCache {
  /** The {@code level} attribute. */
  public abstract Optional<Integer> level();
  /** {@code emulate}, {@code passthrough} or {@code disable}. */
  public abstract Optional<String> mode();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public CpuCache copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuCache}. */
  public static class Builder extends ImmutableCpuCache.Builder {}
}
