package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <controller>}: a bus controller (PCI, USB, SCSI, virtio-serial, IDE, SATA, ...). */
@Value.Immutable
public abstract class Controller {
  /** Controller type: {@code pci}, {@code usb}, {@code scsi}, {@code sata}, {@code ide}, {@code fdc}, {@code virtio-serial}, {@code ccid}, {@code xenbus}, {@code isa}. */
  public abstract Optional<String> type();

  /** Index of this controller among those of its type. */
  public abstract Optional<Integer> index();

  /** Model, such as {@code pcie-root-port}, {@code qemu-xhci}, {@code virtio-scsi}. */
  public abstract Optional<String> model();

  /** Number of ports (USB, virtio-serial). */
  public abstract Optional<Integer> ports();

  /** MSI-X vectors (virtio-serial). */
  public abstract Optional<Integer> vectors();

  /** Xen grant frames (xenbus). */
  public abstract Optional<Integer> maxGrantFrames();

  /** Xen event channels (xenbus). */
  public abstract Optional<Integer> maxEventChannels();

  /** {@code <model name=''/>}: the hypervisor's device name of a PCI controller. */
  public abstract Optional<String> modelName();

  /** {@code <driver>}: queues, IOThread and virtio options. */
  public abstract Optional<ControllerDriver> driver();

  /** {@code <target>}: chassis, port and bus numbering of a PCI controller. */
  public abstract Optional<ControllerTarget> target();

  /** {@code <pcihole64>}: size of the 64-bit PCI hole (pci-root, pcie-root). */
  public abstract Optional<Size> pcihole64();

  /** {@code <master startport=''/>}: first port of a USB companion controller. */
  public abstract Optional<Integer> masterStartport();

  /** {@code <alias name=''/>}: the device alias. */
  public abstract Optional<String> alias();

  /** {@code <acpi index=''/>}: the ACPI index. */
  public abstract Optional<Integer> acpiIndex();

  /** {@code <address>}: where the controller sits. */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** A controller of {@code type} with index {@code index} and, when not null, {@code model}. */
  public static Controller of(String type, int index, String model) {
    Builder b = builder().type(type).index(index);
    if (model != null) b.model(model);
    return b.build();
  }

  /** A PCI controller, such as {@code pcie-root}, {@code pcie-root-port} or {@code pci-bridge}. */
  public static Controller pci(int index, String model) { return of("pci", index, model); }

  /** The PCI controller model {@code model} at index 0 ({@code pcie-root}, {@code pci-root}). */
  public static Controller pci(String model) { return pci(0, model); }

  /** A USB controller, such as {@code qemu-xhci}; {@code none} disables USB. */
  public static Controller usb(String model) { return of("usb", 0, model); }

  /** A SCSI controller, such as {@code virtio-scsi}. */
  public static Controller scsi(int index, String model) { return of("scsi", index, model); }

  /** A virtio-serial controller (for channels and consoles). */
  public static Controller virtioSerial(int index) { return of("virtio-serial", index, null); }

  /** A SATA controller. */
  public static Controller sata(int index) { return of("sata", index, null); }

  @Value.Check protected void check() {
    if (index().isPresent() && index().get() < 0) {
      throw new InvalidSpecException("@index", "must be 0 or more, got " + index().get());
    }
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Controller copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Controller}. */
  public static class Builder extends ImmutableController.Builder {}
}
