package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <event>} in {@code <perf>}: one perf event to count for the guest. */
@Value.Immutable
public abstract class PerfEvent {
  /** The {@code name} attribute. */
  public abstract Optional<String> name();
  /** The {@code enabled} attribute. */
  public abstract Optional<Boolean> enabled();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Event {@code name} (such as {@code cmt}, {@code cpu_cycles}) enabled. */
  public static PerfEvent enabled(String name) { return builder().name(name).enabled(true).build(); }

  /** Derives a changed copy. */
  public PerfEvent copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link PerfEvent}. */
  public static class Builder extends ImmutablePerfEvent.Builder {}
}
