package io.kvmsdk.storage.lvm;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.Size;
import io.kvmsdk.storage.internal.Names;
import java.util.Optional;
import org.immutables.value.Value;

/** A logical volume of a {@link VolumeGroup}: its name and size (a multiple of the group's extent size). */
@Value.Immutable
public abstract class LogicalVolume {
  public abstract String name();

  public abstract Size size();

  /** Stripe the volume over this many physical volumes ({@code lvcreate -i}). */
  public abstract Optional<Integer> stripes();

  /** {@code name} of {@code size}. */
  public static LogicalVolume of(String name, Size size) { return builder().name(name).size(size).build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Names.word("vg/lv/name", name());
    if (name().startsWith("snapshot") || name().startsWith("pvmove") || name().equals("lvol") || name().contains("_mlog") || name().contains("_rimage")) {
      throw new InvalidSpecException("vg/lv/name", "LVM reserves " + Names.quoted(name()));
    }
    if (size().bytes() <= 0) throw new InvalidSpecException("vg/lv[" + name() + "]/size", "must be positive");
    stripes().ifPresent(s -> {
      if (s < 1 || s > 128) throw new InvalidSpecException("vg/lv[" + name() + "]/stripes", "must be 1-128, got " + s);
    });
  }

  public static class Builder extends ImmutableLogicalVolume.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "vg/lv/name", "size", "vg/lv/size");
    @Override public LogicalVolume build() { return REQUIRED.build(super::build); }
  }
}
