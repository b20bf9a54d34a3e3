package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Names disks the way libvirt and virt-install do: {@code vda, vdb, ... vdz, vdaa} by bus prefix. */
final class DiskNames {
  private static final Map<String, String> PREFIX = Map.of(
      "virtio", "vd", "scsi", "sd", "sata", "sd", "usb", "sd", "ide", "hd", "fdc", "fd", "xen", "xvd", "sd", "sd");

  private DiskNames() {}

  /** libvirt's virDiskNameFromIndex: 0 = a, 25 = z, 26 = aa. */
  static String suffix(int index) {
    StringBuilder sb = new StringBuilder();
    for (int i = index; i >= 0; i = i / 26 - 1) sb.insert(0, (char) ('a' + i % 26));
    return sb.toString();
  }

  /** Gives each disk of {@code toName} (by identity) the first free name for its bus. */
  /** What to set: a cdrom or floppy cannot be on virtio (QEMU: no ejectable media there). */
  private static String hint(Disk d) {
    String device = d.device().orElse("disk");
    if (device.equals("cdrom")) return "give it .sata() or .scsi() (virtio has no ejectable media)";
    if (device.equals("floppy")) return "give it .bus(\"fdc\")";
    return "set .target(\"vda\") or .virtio()";
  }

  static List<Disk> assign(List<Disk> disks, Set<Disk> toName) {
    Set<String> used = new HashSet<>();
    for (Disk d : disks) d.targetDev().ifPresent(used::add);
    List<Disk> out = new ArrayList<>(disks.size());
    for (int i = 0; i < disks.size(); i++) {
      Disk d = disks.get(i);
      if (!toName.contains(d) || d.targetDev().isPresent()) {
        out.add(d);
        continue;
      }
      String bus = d.targetBus().orElse(null);
      String prefix = bus == null ? null : PREFIX.get(bus);
      if (prefix == null) {
        throw new InvalidSpecException("domain/devices/disk[" + (i + 1) + "]/target/@dev",
            "cannot be chosen without a known bus (virtio, scsi, sata, usb, ide, fdc, xen); " + hint(d));
      }
      String name;
      int n = 0;
      do {
        name = prefix + suffix(n++);
      } while (used.contains(name));
      used.add(name);
      out.add(d.target(name));
    }
    return out;
  }
}
