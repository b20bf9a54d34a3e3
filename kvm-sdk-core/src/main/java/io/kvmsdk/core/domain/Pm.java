package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <pm>}: whether the guest may suspend to RAM or disk. */
@Value.Immutable
public abstract class Pm {
  /** The {@code enabled} attribute of the {@code <suspend-to-mem>} child. */
  public abstract Optional<Boolean> suspendToMem();
  /** The {@code enabled} attribute of the {@code <suspend-to-disk>} child. */
  public abstract Optional<Boolean> suspendToDisk();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Both suspend states enabled or disabled. */
  public static Pm of(boolean suspendToMem, boolean suspendToDisk) { return builder().suspendToMem(suspendToMem).suspendToDisk(suspendToDisk).build(); }

  /** Derives a changed copy. */
  public Pm copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Pm}. */
  public static class Builder extends ImmutablePm.Builder {}
}
