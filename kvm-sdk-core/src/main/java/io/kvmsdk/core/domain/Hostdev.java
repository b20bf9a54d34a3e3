package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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

  private static final Set<String> SUBSYS = Set.of("pci", "usb", "scsi", "scsi_host", "mdev");
  private static final Set<String> CAPS = Set.of("storage", "misc", "net");

  /** A managed PCI device passthrough of host device {@code dddd:bb:ss.f} (or {@code bb:ss.f}). */
  public static Hostdev pci(String hostAddress) {
    String[] p = hostAddress.split("[:.]");
    if (p.length != 3 && p.length != 4) {
      throw new InvalidSpecException("source/address", "must be a PCI address 'dddd:bb:ss.f', got '" + hostAddress + "'");
    }
    int o = p.length - 3;
    try {
      return pci(o == 0 ? 0 : Integer.parseInt(p[0], 16), Integer.parseInt(p[o], 16), Integer.parseInt(p[o + 1], 16), Integer.parseInt(p[o + 2], 16));
    } catch (NumberFormatException e) {
      throw new InvalidSpecException("source/address", "must be a PCI address 'dddd:bb:ss.f', got '" + hostAddress + "'");
    }
  }

  /** A managed PCI device passthrough of host device {@code domain:bus:slot.function}. */
  public static Hostdev pci(int domain, int bus, int slot, int function) {
    HostdevSourceAddress a = HostdevSourceAddress.builder()
        .domain(String.format(Locale.ROOT, "0x%04x", domain)).bus(String.format(Locale.ROOT, "0x%02x", bus))
        .slot(String.format(Locale.ROOT, "0x%02x", slot)).function(String.format(Locale.ROOT, "0x%x", function)).build();
    return builder().mode("subsystem").type("pci").managed(true).source(HostdevSource.builder().address(a).build()).build();
  }

  /** A USB device passthrough by vendor and product id ({@code 0x1234}). */
  public static Hostdev usb(String vendorId, String productId) {
    return builder().mode("subsystem").type("usb").managed(true)
        .source(HostdevSource.builder().vendor(vendorId).product(productId).build()).build();
  }

  /** A mediated device passthrough by UUID; {@code model} is {@code vfio-pci}, {@code vfio-ccw} or {@code vfio-ap}. */
  public static Hostdev mdev(String uuid, String model) {
    return builder().mode("subsystem").type("mdev").model(model)
        .source(HostdevSource.builder().address(HostdevSourceAddress.builder().uuid(uuid).build()).build()).build();
  }

  /** The boot order, when set. */
  public Optional<Integer> bootOrder() { return boot().flatMap(DiskBoot::order); }

  /** A copy booted at position {@code order} (1 first). */
  public Hostdev bootOrder(int order) { return copy(b -> b.boot(DiskBoot.order(order))); }

  @Value.Check protected void check() {
    String mode = mode().orElse("subsystem");
    if (type().isPresent()) {
      String t = type().get();
      if (mode.equals("subsystem") && !SUBSYS.contains(t)) {
        throw new InvalidSpecException("@type", "a subsystem hostdev must be of type pci, usb, scsi, scsi_host or mdev, got '" + t + "'");
      }
      if (mode.equals("capabilities") && !CAPS.contains(t)) {
        throw new InvalidSpecException("@type", "a capabilities hostdev must be of type storage, misc or net, got '" + t + "'");
      }
      boolean iscsi = source().flatMap(HostdevSource::protocol).filter("iscsi"::equals).isPresent();
      if (t.equals("scsi") && !iscsi && source().isPresent() && source().get().adapter().isEmpty()) {
        throw new InvalidSpecException("source/adapter", "required for a SCSI hostdev (the host adapter name, such as 'scsi_host0')");
      }
      if (t.equals("mdev") && model().isEmpty()) {
        throw new InvalidSpecException("@model", "required for an mdev hostdev (vfio-pci, vfio-ccw or vfio-ap)");
      }
    }
    if (!mode.equals("subsystem") && !mode.equals("capabilities")) {
      throw new InvalidSpecException("@mode", "must be 'subsystem' or 'capabilities', got '" + mode + "'");
    }
  }

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
