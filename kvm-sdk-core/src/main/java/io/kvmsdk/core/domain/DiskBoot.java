package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <boot>} of a bootable device (disk, filesystem, hostdev, redirdev): its boot order. */
@Value.Immutable
public abstract class DiskBoot {
  /** Boot order, 1 first. */
  public abstract Optional<Integer> order();

  /** s390 load parameter (up to 8 characters). */
  public abstract Optional<String> loadparm();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** {@code <boot order='n'/>}. */
  public static DiskBoot order(int order) { return builder().order(order).build(); }

  @Value.Check protected void check() {
    if (order().isPresent() && order().get() < 1) {
      throw new InvalidSpecException("@order", "must be 1 or more, got " + Integer.toUnsignedString(order().get()));
    }
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskBoot copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskBoot}. */
  public static class Builder extends ImmutableDiskBoot.Builder {}
}
