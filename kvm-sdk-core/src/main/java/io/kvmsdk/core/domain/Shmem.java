package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <shmem>}: shared memory between guests (ivshmem). */
@Value.Immutable
public abstract class Shmem {
  public abstract Optional<String> name();
  public abstract Optional<String> role();
  public abstract Optional<String> alias();
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Shmem copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Shmem}. */
  public static class Builder extends ImmutableShmem.Builder {}
}
