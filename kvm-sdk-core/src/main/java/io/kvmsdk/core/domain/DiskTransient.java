package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <transient>} of a disk: writes go to an overlay discarded when the guest stops. */
@Value.Immutable
public abstract class DiskTransient {
  /** Whether several guests may share the backing image while each has its own overlay. */
  public abstract Optional<Boolean> shareBacking();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskTransient copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskTransient}. */
  public static class Builder extends ImmutableDiskTransient.Builder {}
}
