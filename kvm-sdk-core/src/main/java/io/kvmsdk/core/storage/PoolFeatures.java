package io.kvmsdk.core.storage;


import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <features>} of a pool: optional filesystem features. */
@Value.Immutable
public abstract class PoolFeatures {
  /** {@code <cow state=yes|no>}: whether the filesystem copies on write (btrfs; {@code dir} and {@code fs} pools only). */
  public abstract Optional<Boolean> cow();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public PoolFeatures copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link PoolFeatures}. */
  public static class Builder extends ImmutablePoolFeatures.Builder {}
}
