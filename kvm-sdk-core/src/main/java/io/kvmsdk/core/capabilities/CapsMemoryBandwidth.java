package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <host><memory_bandwidth>}: memory bandwidth allocation nodes and monitoring. */
@Value.Immutable
public abstract class CapsMemoryBandwidth {
  public abstract List<CapsMemoryBandwidthNode> nodes();

  public abstract Optional<CapsMonitor> monitor();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsMemoryBandwidth copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsMemoryBandwidth}. */
  public static class Builder extends ImmutableCapsMemoryBandwidth.Builder {}
}
