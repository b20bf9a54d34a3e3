package io.kvmsdk.core.domain;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <label><size unit='KiB'>128</size></label>}: the namespace label area of an nvdimm. */
@Value.Immutable
public abstract class MemoryDeviceLabel {
  /** Size of the label area. */
  public abstract Optional<Size> size();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** A label area of {@code size}. */
  public static MemoryDeviceLabel of(Size size) { return builder().size(size).build(); }

  /** Derives a changed copy; this value stays as it is. */
  public MemoryDeviceLabel copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link MemoryDeviceLabel}. */
  public static class Builder extends ImmutableMemoryDeviceLabel.Builder {}
}
