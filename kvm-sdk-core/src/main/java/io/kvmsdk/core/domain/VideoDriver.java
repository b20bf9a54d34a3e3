package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <driver>} of a video device. */
@Value.Immutable
public abstract class VideoDriver {
  /** {@code qemu} or {@code vhostuser}. */
  public abstract Optional<String> name();

  /** io, on or off (bhyve gop). */
  public abstract Optional<String> vgaconf();

  public abstract Optional<Boolean> iommu();

  public abstract Optional<Boolean> ats();

  public abstract Optional<Boolean> packed();

  /** {@code page_per_vq}. */
  public abstract Optional<Boolean> pagePerVq();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public VideoDriver copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link VideoDriver}. */
  public static class Builder extends ImmutableVideoDriver.Builder {}
}
