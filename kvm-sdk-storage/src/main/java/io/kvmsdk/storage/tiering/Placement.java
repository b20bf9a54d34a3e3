package io.kvmsdk.storage.tiering;

import io.kvmsdk.core.storage.StorageVolumeSpec;
import java.util.List;
import org.immutables.value.Value;

/** Where a {@link VolumeRequest} goes: the tier, its pool, the volume to create there, and why. */
@Value.Immutable
public abstract class Placement {
  public abstract StorageTier tier();

  public abstract StorageVolumeSpec volume();

  /** The policy's reasoning, one line per decision. */
  public abstract List<String> reasons();

  /** The pool the volume goes to. */
  public String poolName() { return tier().poolName(); }

  @Override public String toString() {
    return volume().name() + " -> " + tier() + ": " + String.join("; ", reasons());
  }

  public static class Builder extends ImmutablePlacement.Builder {}
}
