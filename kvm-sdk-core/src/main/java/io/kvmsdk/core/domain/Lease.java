package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
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

  /** A lease on {@code key} in {@code lockspace}, stored at {@code path} offset {@code offset}. */
  public static Lease of(String lockspace, String key, String path, long offset) {
    return builder().lockspace(lockspace).key(key).target(LeaseTarget.builder().path(path).offset(offset).build()).build();
  }

  @Value.Check protected void check() {
    if (key().isEmpty()) throw new InvalidSpecException("key", "required");
    if (target().flatMap(LeaseTarget::path).isEmpty()) throw new InvalidSpecException("target/@path", "required");
  }

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
