package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <teaming>} of an interface: one half of a virtio/hostdev failover pair. */
@Value.Immutable
public abstract class NicTeaming {
  /** {@code persistent} or {@code transient}. */
  public abstract Optional<String> type();

  /** For a transient device, the alias of the persistent one. */
  public abstract Optional<String> persistent();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicTeaming copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NicTeaming}. */
  public static class Builder extends ImmutableNicTeaming.Builder {}
}
