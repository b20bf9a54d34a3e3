package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** A {@code value}/{@code unit} pair of a NUMA cell cache ({@code <size>} or {@code <line>}). */
@Value.Immutable
public abstract class CpuNumaCacheSize {
  /** The {@code value} attribute. */
  public abstract Optional<Long> value();
  /** The {@code unit} attribute. */
  public abstract Optional<String> unit();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public CpuNumaCacheSize copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuNumaCacheSize}. */
  public static class Builder extends ImmutableCpuNumaCacheSize.Builder {}
}
