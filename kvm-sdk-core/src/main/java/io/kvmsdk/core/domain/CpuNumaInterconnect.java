package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** A {@code <latency>} or {@code <bandwidth>} in {@code <interconnects>}: an HMAT entry between two NUMA cells. */
@Value.Immutable
public abstract class CpuNumaInterconnect {
  /** The {@code initiator} attribute. */
  public abstract Optional<Integer> initiator();
  /** The {@code target} attribute. */
  public abstract Optional<Integer> target();
  /** The {@code cache} attribute. */
  public abstract Optional<Integer> cache();
  /** {@code access}, {@code read} or {@code write}. */
  public abstract Optional<String> type();
  /** The {@code value} attribute. */
  public abstract Optional<Long> value();
  /** Bandwidth only. */
  public abstract Optional<String> unit();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public CpuNumaInterconnect copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuNumaInterconnect}. */
  public static class Builder extends ImmutableCpuNumaInterconnect.Builder {}
}
