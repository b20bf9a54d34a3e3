package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <driver>} of an input device: virtio options. */
@Value.Immutable
public abstract class InputDriver {
  public abstract Optional<Boolean> iommu();

  public abstract Optional<Boolean> ats();

  public abstract Optional<Boolean> packed();

  /** {@code page_per_vq}. */
  public abstract Optional<Boolean> pagePerVq();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public InputDriver copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link InputDriver}. */
  public static class Builder extends ImmutableInputDriver.Builder {}
}
