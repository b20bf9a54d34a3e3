package io.kvmsdk.core.domain;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <maxMemory>}: the memory hotplug ceiling and slot count. */
@Value.Immutable
public abstract class MaxMemory {
  /** The {@code slots} attribute. */
  public abstract Optional<Integer> slots();
  /** The {@code unit} attribute. */
  public abstract Optional<String> unit();
  /** The amount, in {@link #unit()} (KiB when absent). */
  public abstract Optional<Long> value();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Up to {@code max} of memory in {@code slots} hotplug slots. */
  public static MaxMemory of(Size max, int slots) { return builder().value(max.value()).unit(max.unit()).slots(slots).build(); }

  /** The ceiling as a {@link Size}, when set. */
  public Optional<Size> size() { return value().map(v -> Size.of(v, unit().orElse("KiB"))); }

  /** Derives a changed copy. */
  public MaxMemory copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link MaxMemory}. */
  public static class Builder extends ImmutableMaxMemory.Builder {}
}
