package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import org.immutables.value.Value;

/** {@code <perf>}: perf events counted for the guest. */
@Value.Immutable
public abstract class Perf {
  /** The {@code <event>} children, in order. */
  public abstract List<PerfEvent> events();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Perf copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Perf}. */
  public static class Builder extends ImmutablePerf.Builder {}
}
