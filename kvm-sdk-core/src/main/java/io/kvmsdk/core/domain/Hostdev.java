package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <hostdev>}: a host device passed through (PCI, USB, SCSI, SCSI host, mdev, or a block/char/net capability). */
@Value.Immutable
public abstract class Hostdev {
  /** {@code subsystem} or {@code capabilities}. */
  public abstract Optional<String> mode();

  /** {@code pci}, {@code usb}, {@code scsi}, {@code scsi_host}, {@code mdev}; or {@code storage}, {@code misc}, {@code net}. */
  public abstract Optional<String> type();

  /** Whether libvirt detaches the device from its host driver. */
  public abstract Optional<Boolean> managed();

  /** mdev model ({@code vfio-pci}, {@code vfio-ccw}, {@code vfio-ap}) or scsi_host model. */
  public abstract Optional<String> model();

  /** Whether an mdev provides a display ({@code on}/{@code off}). */
  public abstract Optional<Boolean> display();

  /** Whether the mdev display uses ramfb. */
  public abstract Optional<Boolean> ramfb();

  /** SG_IO filtering of a SCSI hostdev. */
  public abstract Optional<String> sgio();

  /** Whether a SCSI hostdev may issue raw I/O. */
  public abstract Optional<Boolean> rawio();

  /** {@code <driver name=''/>}: the backend, such as {@code vfio}. */
  public abstract Optional<String> driverName();

  /** {@code <source>}: which host device. */
  public abstract Optional<HostdevSource> source();

  /** {@code <origstates>}: host state to restore (live XML). */
  public abstract Optional<HostdevOrigStates> origstates();

  /** {@code <rom>}: the PCI option ROM. */
  public abstract Optional<HostdevRom> rom();

  /** {@code <readonly/>}: read-only SCSI device. */
  @Value.Default public boolean readonly() { return false; }

  /** {@code <shareable/>}: shared SCSI device. */
  @Value.Default public boolean shareable() { return false; }

  /** {@code <boot>}: boot order. */
  public abstract Optional<DiskBoot> boot();

  /** {@code <alias name=''/>}: the device alias. */
  public abstract Optional<String> alias();

  /** {@code <acpi index=''/>}: the ACPI index. */
  public abstract Optional<Integer> acpiIndex();

  /** {@code <teaming>}: failover pairing with a virtio NIC. */
  public abstract Optional<HostdevTeaming> teaming();

  /** {@code <address>}: where the device sits in the guest. */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Hostdev copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Hostdev}. */
  public static class Builder extends ImmutableHostdev.Builder {}
}
