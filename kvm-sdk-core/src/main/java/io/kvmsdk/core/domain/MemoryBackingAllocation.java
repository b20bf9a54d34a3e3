package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <allocation>}: when guest memory is allocated, and with how many threads. */
@Value.Immutable
public abstract class MemoryBackingAllocation {
  /** {@code immediate} or {@code ondemand}. */
  public abstract Optional<String> mode();
  /** The {@code threads} attribute. */
  public abstract Optional<Integer> threads();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public MemoryBackingAllocation copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link MemoryBackingAllocation}. */
  public static class Builder extends ImmutableMemoryBackingAllocation.Builder {}
}
