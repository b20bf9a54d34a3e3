package io.kvmsdk.core.storage;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <device path>} of a volume's source (output only): a device the volume lives on, with its extents. */
@Value.Immutable
public abstract class VolumeSourceDevice {
  public abstract Optional<String> path();

  /** {@code <extent start end>}: where on the device the volume lies. */
  public abstract List<StorageExtent> extents();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public VolumeSourceDevice copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link VolumeSourceDevice}. */
  public static class Builder extends ImmutableVolumeSourceDevice.Builder {}
}
