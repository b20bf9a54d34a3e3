package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <reconnect>} of a vhost-user interface source. */
@Value.Immutable
public abstract class NicSourceReconnect {
  public abstract Optional<Boolean> enabled();

  /** Seconds before the hypervisor tries to reconnect. */
  public abstract Optional<Integer> timeout();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicSourceReconnect copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NicSourceReconnect}. */
  public static class Builder extends ImmutableNicSourceReconnect.Builder {}
}
