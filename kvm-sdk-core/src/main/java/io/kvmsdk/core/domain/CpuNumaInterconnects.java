package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import org.immutables.value.Value;

/** {@code <interconnects>}: latencies and bandwidths between NUMA cells (HMAT). */
@Value.Immutable
public abstract class CpuNumaInterconnects {
  /** The {@code <latency>} children, in order. */
  public abstract List<CpuNumaInterconnect> latencies();
  /** The {@code <bandwidth>} children, in order. */
  public abstract List<CpuNumaInterconnect> bandwidths();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public CpuNumaInterconnects copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuNumaInterconnects}. */
  public static class Builder extends ImmutableCpuNumaInterconnects.Builder {}
}
