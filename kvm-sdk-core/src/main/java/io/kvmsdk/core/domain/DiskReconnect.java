package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <reconnect>}: how a disk backend reconnects after losing its server. */
@Value.Immutable
public abstract class DiskReconnect {
  /** Whether to reconnect. */
  public abstract Optional<Boolean> enabled();

  /** Seconds between attempts. */
  public abstract Optional<Integer> timeout();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskReconnect copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskReconnect}. */
  public static class Builder extends ImmutableDiskReconnect.Builder {}
}
