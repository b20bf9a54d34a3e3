package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <node id='0' cpus='0-7'>}: a memory-bandwidth allocation node. */
@Value.Immutable
public abstract class CapsMemoryBandwidthNode {
  public abstract Optional<Integer> id();

  public abstract Optional<String> cpus();

  public abstract List<CapsControl> controls();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public CapsMemoryBandwidthNode copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CapsMemoryBandwidthNode}. */
  public static class Builder extends ImmutableCapsMemoryBandwidthNode.Builder {}
}
