package io.kvmsdk.ha.drbd;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.internal.Names;
import java.util.Optional;
import org.immutables.value.Value;

/** A volume of a DRBD resource: its number, its device minor ({@code /dev/drbdN}), the default backing disk and where the metadata lives. */
@Value.Immutable
public abstract class DrbdVolume {
  @Value.Default public int number() { return 0; }

  /** {@code device minor N}: the device is {@code /dev/drbdN}. */
  public abstract int minor();

  /** The backing disk on every node that does not name its own ({@link DrbdHost#disks()}); {@code none} for a diskless node. */
  public abstract Optional<String> disk();

  /** {@code meta-disk}: {@code internal} (default) or a device. */
  @Value.Default public String metaDisk() { return "internal"; }

  public static DrbdVolume of(int minor, String disk) { return builder().minor(minor).disk(disk).build(); }

  public static Builder builder() { return new Builder(); }

  /** {@code /dev/drbdN}. */
  public String device() { return "/dev/drbd" + minor(); }

  @Value.Check protected void check() {
    String at = "volume " + number();
    if (number() < 0 || number() > 65534) throw new InvalidSpecException(at, "a volume number is 0..65534, got " + number());
    if (minor() < 0 || minor() > 1048575) throw new InvalidSpecException(at + "/device minor", "must be 0..1048575, got " + minor());
    disk().ifPresent(d -> checkDisk(at + "/disk", d));
    if (!metaDisk().equals("internal")) Names.path(at + "/meta-disk", metaDisk());
  }

  static void checkDisk(String field, String d) {
    if (!d.equals("none")) Names.path(field, d);
  }

  /** Builds a {@link DrbdVolume}; a missing minor is an {@link InvalidSpecException} naming {@code device minor}. */
  public static class Builder extends ImmutableDrbdVolume.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("minor", "volume/device minor");

    @Override public DrbdVolume build() { return REQUIRED.build(super::build); }
  }
}
