package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <driver>} of a controller. */
@Value.Immutable
public abstract class ControllerDriver {
  /** Number of queues (virtio-scsi). */
  public abstract Optional<Integer> queues();

  /** Commands per LUN (virtio-scsi). */
  public abstract Optional<Integer> cmdPerLun();

  /** Maximum sectors per request (virtio-scsi). */
  public abstract Optional<Integer> maxSectors();

  /** Whether I/O runs on an ioeventfd. */
  public abstract Optional<Boolean> ioeventfd();

  /** The IOThread id (virtio-scsi). */
  public abstract Optional<Integer> iothread();

  /** virtio option: use the emulated IOMMU. */
  public abstract Optional<Boolean> iommu();

  /** virtio option: Address Translation Service. */
  public abstract Optional<Boolean> ats();

  /** virtio option: packed virtqueue layout. */
  public abstract Optional<Boolean> packed();

  /** virtio option: page per virtqueue. */
  public abstract Optional<Boolean> pagePerVq();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public ControllerDriver copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link ControllerDriver}. */
  public static class Builder extends ImmutableControllerDriver.Builder {}
}
