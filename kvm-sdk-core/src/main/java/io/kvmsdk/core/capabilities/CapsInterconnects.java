package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <interconnects>}: NUMA latencies and bandwidths between initiators and targets. */
@Value.Immutable
public abstract class CapsInterconnects {
  public abstract List<CapsInterconnect> latencies();

  public abstract List<CapsInterconnect> bandwidths();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsInterconnects copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsInterconnects}. */
  public static class Builder extends ImmutableCapsInterconnects.Builder {}
}
