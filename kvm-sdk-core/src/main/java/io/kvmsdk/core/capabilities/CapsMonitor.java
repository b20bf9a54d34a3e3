package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <monitor>}: resource monitoring (resctrl) support of the host cache or memory bandwidth. */
@Value.Immutable
public abstract class CapsMonitor {
  public abstract Optional<Integer> level();

  public abstract Optional<Long> reuseThreshold();

  public abstract Optional<Integer> maxMonitors();

  /** Monitor feature names ({@code llc_occupancy}, {@code mbm_total_bytes}, ...). */
  public abstract List<String> features();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsMonitor copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsMonitor}. */
  public static class Builder extends ImmutableCapsMonitor.Builder {}
}
