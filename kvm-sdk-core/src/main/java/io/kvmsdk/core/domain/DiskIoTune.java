package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <iotune>}: I/O throttling of a disk; a total limit and a read/write limit of the same kind cannot be combined. */
@Value.Immutable
public abstract class DiskIoTune {
  /** Total throughput limit in bytes per second. */
  public abstract Optional<Long> totalBytesSec();

  /** Read throughput limit in bytes per second. */
  public abstract Optional<Long> readBytesSec();

  /** Write throughput limit in bytes per second. */
  public abstract Optional<Long> writeBytesSec();

  /** Total I/O operations per second. */
  public abstract Optional<Long> totalIopsSec();

  /** Read I/O operations per second. */
  public abstract Optional<Long> readIopsSec();

  /** Write I/O operations per second. */
  public abstract Optional<Long> writeIopsSec();

  /** Burst total throughput. */
  public abstract Optional<Long> totalBytesSecMax();

  /** Burst read throughput. */
  public abstract Optional<Long> readBytesSecMax();

  /** Burst write throughput. */
  public abstract Optional<Long> writeBytesSecMax();

  /** Burst total IOPS. */
  public abstract Optional<Long> totalIopsSecMax();

  /** Burst read IOPS. */
  public abstract Optional<Long> readIopsSecMax();

  /** Burst write IOPS. */
  public abstract Optional<Long> writeIopsSecMax();

  /** Size of one I/O operation for IOPS accounting. */
  public abstract Optional<Long> sizeIopsSec();

  /** Throttle group shared with other disks. */
  public abstract Optional<String> groupName();

  /** Seconds the total throughput burst may last. */
  public abstract Optional<Long> totalBytesSecMaxLength();

  /** Seconds the read throughput burst may last. */
  public abstract Optional<Long> readBytesSecMaxLength();

  /** Seconds the write throughput burst may last. */
  public abstract Optional<Long> writeBytesSecMaxLength();

  /** Seconds the total IOPS burst may last. */
  public abstract Optional<Long> totalIopsSecMaxLength();

  /** Seconds the read IOPS burst may last. */
  public abstract Optional<Long> readIopsSecMaxLength();

  /** Seconds the write IOPS burst may last. */
  public abstract Optional<Long> writeIopsSecMaxLength();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** Whether any limit is set (libvirt's QEMU driver accepts a group_name only together with one). */
  boolean hasLimit() {
    return !(totalBytesSec().isEmpty() && readBytesSec().isEmpty() && writeBytesSec().isEmpty()
        && totalIopsSec().isEmpty() && readIopsSec().isEmpty() && writeIopsSec().isEmpty() && totalBytesSecMax().isEmpty()
        && readBytesSecMax().isEmpty() && writeBytesSecMax().isEmpty() && totalIopsSecMax().isEmpty() && readIopsSecMax().isEmpty()
        && writeIopsSecMax().isEmpty() && sizeIopsSec().isEmpty());
  }

  @Value.Check protected void check() {
    if (io.kvmsdk.core.internal.domain.Validation.skipped()) return;   // virDomainDiskIoTuneValidate
    exclusive("total_bytes_sec", totalBytesSec(), "read_bytes_sec", readBytesSec(), "write_bytes_sec", writeBytesSec());
    exclusive("total_iops_sec", totalIopsSec(), "read_iops_sec", readIopsSec(), "write_iops_sec", writeIopsSec());
    exclusive("total_bytes_sec_max", totalBytesSecMax(), "read_bytes_sec_max", readBytesSecMax(), "write_bytes_sec_max", writeBytesSecMax());
    exclusive("total_iops_sec_max", totalIopsSecMax(), "read_iops_sec_max", readIopsSecMax(), "write_iops_sec_max", writeIopsSecMax());
    exclusive("total_bytes_sec_max_length", totalBytesSecMaxLength(), "read_bytes_sec_max_length", readBytesSecMaxLength(), "write_bytes_sec_max_length", writeBytesSecMaxLength());
    exclusive("total_iops_sec_max_length", totalIopsSecMaxLength(), "read_iops_sec_max_length", readIopsSecMaxLength(), "write_iops_sec_max_length", writeIopsSecMaxLength());
  }

  private static void exclusive(String total, Optional<Long> t, String read, Optional<Long> r, String write, Optional<Long> w) {
    if (t.isPresent() && (r.isPresent() || w.isPresent())) {
      String other = r.isPresent() ? read : write;
      throw new InvalidSpecException(total, "cannot be combined with " + other + " (libvirt rejects a total limit together with a read/write limit), got "
          + total + "=" + t.get() + " and " + other + "=" + (r.isPresent() ? r.get() : w.get()));
    }
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskIoTune copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskIoTune}. */
  public static class Builder extends ImmutableDiskIoTune.Builder {}
}
