package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <driver>} of a disk: hypervisor driver, format, caching, error and I/O policies. */
@Value.Immutable
public abstract class DiskDriver {
  /** Driver name, {@code qemu} for QEMU/KVM. */
  public abstract Optional<String> name();

  /** Image format: {@code raw}, {@code qcow2}, {@code vmdk}, ... */
  public abstract Optional<String> type();

  /** Cache mode: {@code default}, {@code none}, {@code writeback}, {@code writethrough}, {@code directsync}, {@code unsafe}. */
  public abstract Optional<String> cache();

  /** On write errors: {@code stop}, {@code report}, {@code ignore}, {@code enospace}. */
  public abstract Optional<String> errorPolicy();

  /** On read errors: {@code stop}, {@code report}, {@code ignore}. */
  public abstract Optional<String> rerrorPolicy();

  /** I/O mode: {@code threads}, {@code native}, {@code io_uring}. */
  public abstract Optional<String> io();

  /** Whether I/O runs on an ioeventfd ({@code on}/{@code off}). */
  public abstract Optional<Boolean> ioeventfd();

  /** virtio event_idx ({@code on}/{@code off}). */
  public abstract Optional<Boolean> eventIdx();

  /** Whether reads populate the image from its backing chain. */
  public abstract Optional<Boolean> copyOnRead();

  /** Discard requests: {@code unmap} or {@code ignore}. */
  public abstract Optional<String> discard();

  /** The IOThread id the disk runs in. */
  public abstract Optional<Integer> iothread();

  /** Zero-write detection: {@code off}, {@code on}, {@code unmap}. */
  public abstract Optional<String> detectZeroes();

  /** Number of virtio queues. */
  public abstract Optional<Integer> queues();

  /** Size of each virtio queue. */
  public abstract Optional<Integer> queueSize();

  /** virtio option: use the emulated IOMMU. */
  public abstract Optional<Boolean> iommu();

  /** virtio option: Address Translation Service. */
  public abstract Optional<Boolean> ats();

  /** virtio option: packed virtqueue layout. */
  public abstract Optional<Boolean> packed();

  /** virtio option: page per virtqueue. */
  public abstract Optional<Boolean> pagePerVq();

  /** {@code <metadata_cache>}: qcow2 metadata cache limit. */
  public abstract Optional<DiskMetadataCache> metadataCache();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskDriver copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskDriver}. */
  public static class Builder extends ImmutableDiskDriver.Builder {}
}
