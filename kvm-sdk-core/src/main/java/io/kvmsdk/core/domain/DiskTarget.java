package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <target>} of a disk: the device name and bus the guest sees. */
@Value.Immutable
public abstract class DiskTarget {
  /** Device name as a hint to the guest, such as {@code vda}, {@code sda}, {@code hdc}. */
  public abstract Optional<String> dev();

  /** Bus: {@code virtio}, {@code scsi}, {@code sata}, {@code ide}, {@code usb}, {@code fdc}, {@code xen}, {@code sd}. */
  public abstract Optional<String> bus();

  /** Tray state of a CD-ROM or floppy: {@code open} or {@code closed}. */
  public abstract Optional<String> tray();

  /** Whether a USB or SCSI disk is removable ({@code on}/{@code off}). */
  public abstract Optional<Boolean> removable();

  /** Reported rotation rate in RPM (1 means solid state). */
  public abstract Optional<Integer> rotationRate();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskTarget copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskTarget}. */
  public static class Builder extends ImmutableDiskTarget.Builder {}
}
