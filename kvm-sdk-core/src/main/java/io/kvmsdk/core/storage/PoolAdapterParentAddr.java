package io.kvmsdk.core.storage;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.common.DeviceAddress;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code <parentaddr unique_id=...><address domain bus slot function/></parentaddr>}: a {@code scsi_host}
 * adapter named by the PCI address of its HBA and the host's {@code unique_id}, stable across reboots.
 */
@Value.Immutable
public abstract class PoolAdapterParentAddr {
  /** The {@code unique_id} of the scsi_host under that PCI address. */
  public abstract Optional<Long> uniqueId();

  /** The HBA's PCI address. */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The scsi_host {@code uniqueId} of the HBA at PCI {@code domain:bus:slot.function}. */
  public static PoolAdapterParentAddr of(long uniqueId, int domain, int bus, int slot, int function) {
    return builder().uniqueId(uniqueId).address(DeviceAddress.builder()
        .domain(String.format("0x%04x", domain)).bus(String.format("0x%02x", bus))
        .slot(String.format("0x%02x", slot)).function(String.format("0x%x", function)).build()).build();
  }

  @Value.Check protected void check() {
    // libvirt: virStorageAdapterParseXMLSCSIHost + virPCIDeviceAddressParseXML
    if (address().isEmpty()) throw new InvalidSpecException("address", "is required (libvirt: Missing scsi_host PCI address element)");
    if (uniqueId().isEmpty() || uniqueId().get() < 0 || uniqueId().get() > Integer.MAX_VALUE) {
      throw new InvalidSpecException("@unique_id", "is required and must be a non-negative integer (libvirt: Missing or invalid scsi adapter 'unique_id' value)");
    }
    DeviceAddress a = address().get();
    pci(a.domain(), "domain", 0xFFFF);
    pci(a.bus(), "bus", 0xFF);
    pci(a.slot(), "slot", 0x1F);
    pci(a.function(), "function", 7);
  }

  private static void pci(Optional<String> v, String attr, long max) {
    if (v.isEmpty()) return;
    long n = parseUnsigned(v.get().trim());
    if (n < 0 || n > max) {
      throw new InvalidSpecException("address/@" + attr, "must be a PCI " + attr + " from 0 to 0x" + Long.toHexString(max).toUpperCase(java.util.Locale.ROOT) + ", got '" + v.get() + "'");
    }
  }

  /** strtoul with base 0 as libvirt reads PCI numbers: 0x hex, leading-0 octal, decimal; -1 when malformed. */
  static long parseUnsigned(String s) {
    try {
      if (s.startsWith("0x") || s.startsWith("0X")) return Long.parseLong(s.substring(2), 16);
      if (s.length() > 1 && s.startsWith("0")) return Long.parseLong(s.substring(1), 8);
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public PoolAdapterParentAddr copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link PoolAdapterParentAddr}. */
  public static class Builder extends ImmutablePoolAdapterParentAddr.Builder {}
}
