package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <defaultiothread>}: the worker pool of the default event loop. */
@Value.Immutable
public abstract class DefaultIoThread {
  /** The {@code thread_pool_min} attribute. */
  public abstract Optional<Integer> threadPoolMin();
  /** The {@code thread_pool_max} attribute. */
  public abstract Optional<Integer> threadPoolMax();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** A worker pool of {@code min} to {@code max} threads. */
  public static DefaultIoThread of(int min, int max) { return builder().threadPoolMin(min).threadPoolMax(max).build(); }

  @Value.Check protected void check() {
    if (threadPoolMin().isPresent() && threadPoolMax().isPresent()
        && Integer.compareUnsigned(threadPoolMin().get(), threadPoolMax().get()) > 0) {
      throw new InvalidSpecException("@thread_pool_min", "must not exceed thread_pool_max " + Integer.toUnsignedString(threadPoolMax().get())
          + ", got " + Integer.toUnsignedString(threadPoolMin().get()));
    }
  }

  /** Derives a changed copy. */
  public DefaultIoThread copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DefaultIoThread}. */
  public static class Builder extends ImmutableDefaultIoThread.Builder {}
}
