package io.kvmsdk.core.common;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code <address>}: where a device sits on its bus (PCI, drive, USB, virtio-serial, CCW, ISA, ...).
 * Values are kept as written (libvirt writes PCI numbers in hex, {@code 0x0000}); the typed
 * accessors such as {@link #pciId()} parse them.
 */
@Value.Immutable
public abstract class DeviceAddress {
  public abstract Optional<String> type();

  public abstract Optional<String> domain();

  public abstract Optional<String> bus();

  public abstract Optional<String> slot();

  public abstract Optional<String> function();

  public abstract Optional<String> multifunction();

  public abstract Optional<String> controller();

  public abstract Optional<String> target();

  public abstract Optional<String> unit();

  public abstract Optional<String> port();

  public abstract Optional<String> reg();

  public abstract Optional<String> cssid();

  public abstract Optional<String> ssid();

  public abstract Optional<String> devno();

  public abstract Optional<String> iobase();

  public abstract Optional<String> irq();

  public abstract Optional<String> base();

  /** The device number on a USB bus ({@code <address type='usb' bus='1' device='2'/>}). */
  public abstract Optional<String> device();

  /** Live network XML only: how many guest interfaces use this pool device ({@code <forward><address connections='..'/>}). */
  public abstract Optional<Integer> connections();

  /** The s390 zPCI extension of a PCI address: {@code <zpci uid='0x0019' fid='0x0000001f'/>}. */
  public abstract Optional<DeviceAddressZpci> zpci();

  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** A PCI address, written the way libvirt writes it. */
  public static DeviceAddress pci(int domain, int bus, int slot, int function) {
    return builder().type("pci")
        .domain(hex(new StringBuilder(6).append("0x"), domain, 4).toString())
        .bus(hex(new StringBuilder(4).append("0x"), bus, 2).toString())
        .slot(hex(new StringBuilder(4).append("0x"), slot, 2).toString())
        .function(hex(new StringBuilder(3).append("0x"), function, 1).toString())
        .build();
  }

  /** Appends {@code v} in lower-case hex, zero-padded to {@code width} digits (without String.format: it was a large share of the fake hypervisor's define). */
  private static StringBuilder hex(StringBuilder sb, long v, int width) { return pad(sb, Long.toHexString(v), width); }

  private static StringBuilder hex(StringBuilder sb, int v, int width) { return pad(sb, Integer.toHexString(v), width); }

  private static StringBuilder pad(StringBuilder sb, String h, int width) {
    for (int i = h.length(); i < width; i++) sb.append('0');
    return sb.append(h);
  }

  /** A drive address on a disk controller (IDE, SCSI, SATA, FDC). */
  public static DeviceAddress drive(int controller, int bus, int target, int unit) {
    return builder().type("drive").controller(Integer.toString(controller)).bus(Integer.toString(bus))
        .target(Integer.toString(target)).unit(Integer.toString(unit)).build();
  }

  /** Whether this is a PCI address. */
  public boolean isPci() { return "pci".equals(type().orElse(null)); }

  /** The PCI address as {@code dddd:bb:ss.f}, when this is a PCI address with a slot. */
  public Optional<String> pciId() {
    if (!isPci() || slot().isEmpty()) return Optional.empty();
    StringBuilder sb = new StringBuilder(12);
    hex(sb, num(domain()), 4).append(':');
    hex(sb, num(bus()), 2).append(':');
    hex(sb, num(slot()), 2).append('.');
    return Optional.of(hex(sb, num(function()), 1).toString());
  }

  /** Throws {@link NumberFormatException} when this is a PCI address with a slot whose domain, bus, slot or function is not a number (decimal or 0x-hex), as {@link #pciId()} reads them. */
  public void checkPciNumbers() {
    if (!isPci() || slot().isEmpty()) return;
    num(domain());
    num(bus());
    num(slot());
    num(function());
  }

  private static long num(Optional<String> s) {
    if (s.isEmpty()) return 0;
    String t = s.get();
    return t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t, 2, t.length(), 16) : Long.parseLong(t);
  }

  public static Builder builder() { return new Builder(); }

  /** Builds a {@link DeviceAddress}. */
  public static class Builder extends ImmutableDeviceAddress.Builder {}
}
