package io.kvmsdk.storage.tiering;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.Size;
import io.kvmsdk.storage.internal.Names;
import java.util.Optional;
import org.immutables.value.Value;

/** A volume to place: its name, capacity, format, I/O profile, and optionally the tier it must go to. */
@Value.Immutable
public abstract class VolumeRequest {
  public abstract String name();

  public abstract Size capacity();

  /** The image format where the pool has formats (file-based pools); block pools make raw volumes. */
  @Value.Default public String format() { return "qcow2"; }

  @Value.Default public IoProfile profile() { return IoProfile.THROUGHPUT; }

  /** The tier the volume must go to (no spilling elsewhere). */
  public abstract Optional<String> tier();

  /** {@code name} of {@code capacity} used as {@code profile}. */
  public static VolumeRequest of(String name, Size capacity, IoProfile profile) {
    return builder().name(name).capacity(capacity).profile(profile).build();
  }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Names.word("volume/name", name());
    if (capacity().bytes() <= 0) throw new InvalidSpecException("volume[" + name() + "]/capacity", "must be positive");
  }

  public static class Builder extends ImmutableVolumeRequest.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "volume/name", "capacity", "volume/capacity");
    @Override public VolumeRequest build() { return REQUIRED.build(super::build); }
  }
}
