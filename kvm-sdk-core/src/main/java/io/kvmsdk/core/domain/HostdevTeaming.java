package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <teaming>}: failover pairing of a hostdev NIC with a virtio NIC. */
@Value.Immutable
public abstract class HostdevTeaming {
  /** {@code transient}. */
  public abstract Optional<String> type();

  /** Alias of the persistent virtio NIC. */
  public abstract Optional<String> persistent();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public HostdevTeaming copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link HostdevTeaming}. */
  public static class Builder extends ImmutableHostdevTeaming.Builder {}
}
