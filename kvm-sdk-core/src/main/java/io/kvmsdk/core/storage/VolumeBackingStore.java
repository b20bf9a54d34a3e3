package io.kvmsdk.core.storage;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <backingStore>} of a volume: the image a copy-on-write volume is layered on. */
@Value.Immutable
public abstract class VolumeBackingStore {
  /** {@code <path>}: the backing image; without it libvirt ignores the element. */
  public abstract Optional<String> path();

  /** {@code <format type>}: the backing image's format ({@code qcow2}, {@code raw}, ...). */
  public abstract Optional<String> format();

  /** {@code <permissions>} of the backing image. */
  public abstract Optional<StoragePermissions> permissions();

  /** {@code <timestamps>} of the backing image (output only). */
  public abstract Optional<VolumeTimestamps> timestamps();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The backing image at {@code path} in format {@code format}. */
  public static VolumeBackingStore of(String path, String format) { return builder().path(path).format(format).build(); }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public VolumeBackingStore copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link VolumeBackingStore}. */
  public static class Builder extends ImmutableVolumeBackingStore.Builder {}
}
