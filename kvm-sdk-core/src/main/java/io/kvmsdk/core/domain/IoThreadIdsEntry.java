package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <iothread>} in {@code <iothreadids>}: one I/O thread and its worker pool. */
@Value.Immutable
public abstract class IoThreadIdsEntry {
  /** The {@code id} attribute. */
  public abstract Optional<Integer> id();
  /** The {@code thread_pool_min} attribute. */
  public abstract Optional<Integer> threadPoolMin();
  /** The {@code thread_pool_max} attribute. */
  public abstract Optional<Integer> threadPoolMax();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** I/O thread {@code id}. */
  public static IoThreadIdsEntry of(int id) { return builder().id(id).build(); }

  @Value.Check protected void check() {
    if (id().isPresent() && id().get() == 0) throw new InvalidSpecException("@id", "must be a positive integer, got 0");
    if (threadPoolMin().isPresent() && threadPoolMax().isPresent()
        && Integer.compareUnsigned(threadPoolMin().get(), threadPoolMax().get()) > 0) {
      throw new InvalidSpecException("@thread_pool_min", "must not exceed thread_pool_max " + Integer.toUnsignedString(threadPoolMax().get())
          + ", got " + Integer.toUnsignedString(threadPoolMin().get()));
    }
  }

  /** Derives a changed copy. */
  public IoThreadIdsEntry copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link IoThreadIdsEntry}. */
  public static class Builder extends ImmutableIoThreadIdsEntry.Builder {}
}
