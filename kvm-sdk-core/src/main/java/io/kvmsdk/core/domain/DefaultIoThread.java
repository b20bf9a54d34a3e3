package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <defaultiothread>}: the default event loop thread pool. */
@Value.Immutable
public abstract class DefaultIoThread {
  public abstract Optional<Integer> threadPoolMin();
  public abstract Optional<Integer> threadPoolMax();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DefaultIoThread copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DefaultIoThread}. */
  public static class Builder extends ImmutableDefaultIoThread.Builder {}
}
