package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <driver>} of a memory balloon: virtio transport options. */
@Value.Immutable
public abstract class MemBalloonDriver {
  /** Use the emulated IOMMU ({@code iommu='on|off'}). */
  public abstract Optional<Boolean> iommu();

  /** Address Translation Service ({@code ats='on|off'}). */
  public abstract Optional<Boolean> ats();

  /** Packed virtqueues ({@code packed='on|off'}). */
  public abstract Optional<Boolean> packed();

  /** One notification page per virtqueue ({@code page_per_vq='on|off'}). */
  public abstract Optional<Boolean> pagePerVq();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this value stays as it is. */
  public MemBalloonDriver copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link MemBalloonDriver}. */
  public static class Builder extends ImmutableMemBalloonDriver.Builder {}
}
