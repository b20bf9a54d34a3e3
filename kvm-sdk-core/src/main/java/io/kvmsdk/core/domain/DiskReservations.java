package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <reservations>}: SCSI persistent reservations of a LUN. */
@Value.Immutable
public abstract class DiskReservations {
  /** Whether reservations are enabled. */
  public abstract Optional<Boolean> enabled();

  /** Whether libvirt runs the pr-helper itself. */
  public abstract Optional<Boolean> managed();

  /** {@code <source>}: the pr-helper socket when not managed. */
  public abstract Optional<DiskReservationsSource> source();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskReservations copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskReservations}. */
  public static class Builder extends ImmutableDiskReservations.Builder {}
}
