package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <source>} of disk reservations: the pr-helper socket. */
@Value.Immutable
public abstract class DiskReservationsSource {
  /** Always {@code unix}. */
  public abstract Optional<String> type();

  /** Socket path. */
  public abstract Optional<String> path();

  /** {@code client} or {@code server}. */
  public abstract Optional<String> mode();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskReservationsSource copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskReservationsSource}. */
  public static class Builder extends ImmutableDiskReservationsSource.Builder {}
}
