package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <cache>} in {@code <cachetune>}: a cache allocation (Intel RDT CAT). */
@Value.Immutable
public abstract class CpuTuneCache {
  /** The {@code id} attribute. */
  public abstract Optional<Integer> id();
  /** The {@code level} attribute. */
  public abstract Optional<Integer> level();
  /** {@code both}, {@code code} or {@code data}. */
  public abstract Optional<String> type();
  /** The {@code size} attribute. */
  public abstract Optional<Long> size();
  /** The {@code unit} attribute. */
  public abstract Optional<String> unit();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public CpuTuneCache copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuTuneCache}. */
  public static class Builder extends ImmutableCpuTuneCache.Builder {}
}
