package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <lease>}: a lock manager lease the domain holds. */
@Value.Immutable
public abstract class Lease {
  /** {@code <lockspace>}: the lockspace name. */
  public abstract Optional<String> lockspace();

  /** {@code <key>}: the lease key. */
  public abstract Optional<String> key();

  /** {@code <target>}: where the lease is stored. */
  public abstract Optional<LeaseTarget> target();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Lease copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Lease}. */
  public static class Builder extends ImmutableLease.Builder {}
}
