package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <target>} of a lease. */
@Value.Immutable
public abstract class LeaseTarget {
  /** Path of the lease file or device. */
  public abstract Optional<String> path();

  /** Byte offset within it. */
  public abstract Optional<Long> offset();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public LeaseTarget copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link LeaseTarget}. */
  public static class Builder extends ImmutableLeaseTarget.Builder {}
}
