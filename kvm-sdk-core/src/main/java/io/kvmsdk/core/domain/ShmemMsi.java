package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <msi vectors='N' ioeventfd='on|off'/>}: MSI interrupts of a shmem device. */
@Value.Immutable
public abstract class ShmemMsi {
  /** Number of interrupt vectors. */
  public abstract Optional<Integer> vectors();

  /** ioeventfd ({@code ioeventfd='on|off'}). */
  public abstract Optional<Boolean> ioeventfd();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public ShmemMsi copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link ShmemMsi}. */
  public static class Builder extends ImmutableShmemMsi.Builder {}
}
