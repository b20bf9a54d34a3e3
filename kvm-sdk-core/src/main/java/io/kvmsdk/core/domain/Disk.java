package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <disk>}: a disk, CD-ROM, floppy or LUN of the guest. */
@Value.Immutable
public abstract class Disk {
  /** Where the data comes from: {@code file}, {@code block}, {@code dir}, {@code network}, {@code volume}, {@code nvme}, {@code vhostuser}, {@code vhostvdpa}. */
  public abstract Optional<String> type();

  /** How the guest sees it: {@code disk} (default), {@code cdrom}, {@code floppy}, {@code lun}. */
  public abstract Optional<String> device();

  /** The virtio model ({@code virtio}, {@code virtio-transitional}, {@code virtio-non-transitional}). */
  public abstract Optional<String> model();

  /** Whether a {@code lun} may issue raw I/O ({@code rawio='yes'}). */
  public abstract Optional<Boolean> rawio();

  /** SG_IO filtering of a {@code lun}: {@code filtered} or {@code unfiltered}. */
  public abstract Optional<String> sgio();

  /** Default snapshot mode of this disk: {@code internal}, {@code external}, {@code no}, {@code manual}. */
  public abstract Optional<String> snapshot();

  /** {@code <driver>}: hypervisor driver, image format, cache and I/O tuning. */
  public abstract Optional<DiskDriver> driver();

  /** {@code <auth>} written as a child of {@code <disk>} (older placement; new specs put it in the source). */
  public abstract Optional<DiskAuth> auth();

  /** {@code <source>}: the image, device, pool volume or network export. */
  public abstract Optional<DiskSource> source();

  /** {@code <backingStore>}: the backing chain below the source. */
  public abstract Optional<DiskBackingStore> backingStore();

  /** {@code <backenddomain name=''/>}: the Xen driver domain hosting the backend. */
  public abstract Optional<String> backenddomain();

  /** {@code <geometry>}: BIOS geometry override. */
  public abstract Optional<DiskGeometry> geometry();

  /** {@code <blockio>}: block sizes reported to the guest. */
  public abstract Optional<DiskBlockIo> blockio();

  /** {@code <mirror>}: a running block copy or active commit (live XML). */
  public abstract Optional<DiskMirror> mirror();

  /** {@code <target>}: the device name and bus in the guest. */
  public abstract Optional<DiskTarget> target();

  /** {@code <iotune>}: I/O throttling. */
  public abstract Optional<DiskIoTune> iotune();

  /** {@code <readonly/>}: the guest cannot write. */
  @Value.Default public boolean readonly() { return false; }

  /** {@code <shareable/>}: the disk may be shared between domains. */
  @Value.Default public boolean shareable() { return false; }

  /** {@code <transient/>}: changes are discarded when the guest stops. */
  public abstract Optional<DiskTransient> transientDisk();

  /** {@code <serial>}: the serial number reported to the guest. */
  public abstract Optional<String> serial();

  /** {@code <wwn>}: the World Wide Name (16 hex digits) of an IDE or SCSI disk. */
  public abstract Optional<String> wwn();

  /** {@code <vendor>}: the SCSI vendor (up to 8 printable characters). */
  public abstract Optional<String> vendor();

  /** {@code <product>}: the SCSI product (up to 16 printable characters). */
  public abstract Optional<String> product();

  /** {@code <encryption>} written as a child of {@code <disk>} (older placement). */
  public abstract Optional<DiskEncryption> encryption();

  /** {@code <boot>}: boot order of this device. */
  public abstract Optional<DiskBoot> boot();

  /** {@code <alias name=''/>}: the device alias. */
  public abstract Optional<String> alias();

  /** {@code <acpi index=''/>}: the ACPI index the guest names the device by. */
  public abstract Optional<Integer> acpiIndex();

  /** {@code <address>}: where the device sits on its bus. */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Disk copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Disk}. */
  public static class Builder extends ImmutableDisk.Builder {}
}
