package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <geometry>}: BIOS geometry override of a disk. */
@Value.Immutable
public abstract class DiskGeometry {
  /** Cylinders. */
  public abstract Optional<Integer> cyls();

  /** Heads. */
  public abstract Optional<Integer> heads();

  /** Sectors per track. */
  public abstract Optional<Integer> secs();

  /** BIOS translation: {@code auto}, {@code none}, {@code lba}. */
  public abstract Optional<String> trans();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskGeometry copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskGeometry}. */
  public static class Builder extends ImmutableDiskGeometry.Builder {}
}
