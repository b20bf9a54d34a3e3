package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.capabilities.DomCapsDevices;
import io.kvmsdk.core.capabilities.DomainCapabilities;
import io.kvmsdk.core.common.DeviceAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What libvirt's parser accepts but the QEMU driver refuses: at define time (qemu_validate.c,
 * domain_addr.c's PCI address assignment) or when the guest starts (qemu_command.c, QEMU itself);
 * plus what one host's {@code domainCapabilities} say it cannot run. Applied by
 * {@link DomainSpec#validateFor} and {@link DomainSpec#problemsFor}, never by {@code build()}: a
 * spec libvirt's parser accepts always builds and parses.
 */
final class QemuRules {
  private QemuRules() {}

  static List<InvalidSpecException> problems(DomainSpec d, DomainCapabilities caps) {
    List<InvalidSpecException> out = new ArrayList<>();
    capabilities(d, caps, out);
    if (caps.domain().equals("qemu") || caps.domain().equals("kvm")) qemu(d, caps, out);
    return out;
  }

  // ------------------------------------------------------------------ the host's capabilities

  static void capabilities(DomainSpec d, DomainCapabilities caps, List<InvalidSpecException> out) {
    if (!d.type().equals(caps.domain())) {
      out.add(new InvalidSpecException("domain/@type", "must be the capabilities' domain type '" + caps.domain() + "', got '" + d.type() + "'"));
    }
    d.os().flatMap(Os::type).flatMap(OsType::arch).filter(a -> !a.equals(caps.arch())).ifPresent(a ->
        out.add(new InvalidSpecException("domain/os/type/@arch", "must be the capabilities' arch '" + caps.arch() + "', got '" + a + "'")));
    caps.vcpuMax().ifPresent(max -> d.vcpu().flatMap(Vcpu::count).filter(n -> n > max).ifPresent(n ->
        out.add(new InvalidSpecException("domain/vcpu", "must be at most " + max + " (the host's maximum for this machine), got " + n))));
    d.os().flatMap(Os::firmware).ifPresent(f -> {
      if (caps.os().isPresent() && !caps.offersFirmware(f)) {
        out.add(new InvalidSpecException("domain/os/@firmware", "firmware '" + f + "' is not offered by this host"));
      }
    });
    DomCapsDevices dev = caps.devices();
    Devices v = d.devices();
    for (int i = 0; i < v.disks().size(); i++) {
      Disk x = v.disks().get(i);
      offered(out, dev, "disk", "diskDevice", "domain/devices/disk[" + (i + 1) + "]/@device", x.device());
      offered(out, dev, "disk", "bus", "domain/devices/disk[" + (i + 1) + "]/target/@bus", x.targetBus());
      offered(out, dev, "disk", "model", "domain/devices/disk[" + (i + 1) + "]/@model", x.model());
    }
    for (int i = 0; i < v.graphics().size(); i++) {
      offered(out, dev, "graphics", "type", "domain/devices/graphics[" + (i + 1) + "]/@type", v.graphics().get(i).type());
    }
    for (int i = 0; i < v.videos().size(); i++) {
      offered(out, dev, "video", "modelType", "domain/devices/video[" + (i + 1) + "]/model/@type", v.videos().get(i).model().flatMap(VideoModel::type));
    }
    for (int i = 0; i < v.hostdevs().size(); i++) {
      Hostdev h = v.hostdevs().get(i);
      offered(out, dev, "hostdev", "mode", "domain/devices/hostdev[" + (i + 1) + "]/@mode", h.mode());
      if (h.mode().orElse("subsystem").equals("subsystem")) {
        offered(out, dev, "hostdev", "subsysType", "domain/devices/hostdev[" + (i + 1) + "]/@type", h.type());
      }
    }
    for (int i = 0; i < v.rngs().size(); i++) {
      offered(out, dev, "rng", "model", "domain/devices/rng[" + (i + 1) + "]/@model", v.rngs().get(i).model());
    }
    for (int i = 0; i < v.tpms().size(); i++) {
      offered(out, dev, "tpm", "model", "domain/devices/tpm[" + (i + 1) + "]/@model", v.tpms().get(i).model());
    }
    for (int i = 0; i < v.redirdevs().size(); i++) {
      offered(out, dev, "redirdev", "bus", "domain/devices/redirdev[" + (i + 1) + "]/@bus", v.redirdevs().get(i).bus());
    }
    for (int i = 0; i < v.panics().size(); i++) {
      offered(out, dev, "panic", "model", "domain/devices/panic[" + (i + 1) + "]/@model", v.panics().get(i).model());
    }
  }

  /** A value the capabilities enumerate for {@code device}'s {@code enumName} must be one of them (when they list any). */
  private static void offered(List<InvalidSpecException> out, DomCapsDevices dev, String device, String enumName, String field, Optional<String> value) {
    if (value.isEmpty()) return;
    List<String> values = dev.enumValues(device, enumName);
    if (values.isEmpty() || values.contains(value.get())) return;
    out.add(new InvalidSpecException(field, "'" + value.get() + "' is not supported by this host (" + device + " " + enumName + ": " + String.join(", ", values) + ")"));
  }

  // ------------------------------------------------------------------ libvirt's QEMU driver

  static void qemu(DomainSpec d, DomainCapabilities caps, List<InvalidSpecException> out) {
    d.vcpu().flatMap(Vcpu::current).filter(c -> c < 1).ifPresent(c ->
        out.add(new InvalidSpecException("domain/vcpu/@current", "must be at least 1 (QEMU: vcpu 0 can't be offline), got " + c)));
    pciAddresses(d, out);
    Devices v = d.devices();
    for (int i = 0; i < v.disks().size(); i++) disk(v.disks().get(i), "domain/devices/disk[" + (i + 1) + "]/", out);
    for (int i = 0; i < v.controllers().size(); i++) controller(v.controllers().get(i), "domain/devices/controller[" + (i + 1) + "]/", out);
    for (int i = 0; i < v.shmems().size(); i++) shmem(v.shmems().get(i), "domain/devices/shmem[" + (i + 1) + "]/", out);
    for (int i = 0; i < v.graphics().size(); i++) graphics(v.graphics().get(i), "domain/devices/graphics[" + (i + 1) + "]/", out);
    for (int i = 0; i < v.interfaces().size(); i++) {
      Nic n = v.interfaces().get(i);
      int idx = i + 1;
      n.acpiIndex().filter(a -> Integer.compareUnsigned(a, 16383) > 0).ifPresent(a -> out.add(new InvalidSpecException(
          "domain/devices/interface[" + idx + "]/acpi/@index", "must be 1..16383, got " + Integer.toUnsignedString(a))));
    }
    for (int i = 0; i < v.filesystems().size(); i++) {
      Filesystem f = v.filesystems().get(i);
      boolean virtiofs = f.driver().flatMap(FilesystemDriver::type).filter("virtiofs"::equals).isPresent();
      if (virtiofs && f.accessmode().isPresent() && !f.accessmode().get().equals("passthrough")) {
        out.add(new InvalidSpecException("domain/devices/filesystem[" + (i + 1) + "]/@accessmode",
            "virtiofs only supports accessmode 'passthrough', got '" + f.accessmode().get() + "'"));
      }
    }
    for (int i = 0; i < v.panics().size(); i++) {
      Panic p = v.panics().get(i);
      String m = p.model().orElse("");
      if (p.address().isPresent() && (m.equals("s390") || m.equals("pseries") || m.equals("hyperv"))) {
        out.add(new InvalidSpecException("domain/devices/panic[" + (i + 1) + "]/address", "must not be given for a " + m + " panic device"));
      }
    }
    for (int i = 0; i < v.tpms().size(); i++) {
      Tpm t = v.tpms().get(i);
      String bt = t.backend().flatMap(TpmBackend::type).orElse("");
      if (t.model().orElse("").equals("spapr-tpm-proxy") && !bt.equals("passthrough")) {
        out.add(new InvalidSpecException("domain/devices/tpm[" + (i + 1) + "]/backend/@type", "must be 'passthrough' for model spapr-tpm-proxy, got '" + bt + "'"));
      }
    }
    for (int i = 0; i < v.inputs().size(); i++) {
      Input in = v.inputs().get(i);
      String t = in.type().orElse("");
      String p = "domain/devices/input[" + (i + 1) + "]/";
      if (t.equals("passthrough") && in.source().flatMap(InputSource::evdev).isEmpty()) {
        out.add(new InvalidSpecException(p + "source/@evdev", "is required for input type 'passthrough'"));
      }
      if (t.equals("evdev") && in.source().flatMap(InputSource::dev).isEmpty()) {
        out.add(new InvalidSpecException(p + "source/@dev", "is required for input type 'evdev'"));
      }
    }
    for (int i = 0; i < v.iommus().size(); i++) {
      int idx = i + 1;
      v.iommus().get(i).driver().flatMap(IommuDriver::awBits).filter(a -> a < 0 || a > 255).ifPresent(a -> out.add(new InvalidSpecException(
          "domain/devices/iommu[" + idx + "]/driver/@aw_bits", "must be between 0 and 255, got " + Integer.toUnsignedString(a))));
    }
    for (int i = 0; i < v.channels().size(); i++) {
      Channel c = v.channels().get(i);
      String tt = c.target().flatMap(CharDevTarget::type).orElse("");
      if (c.type().filter("qemu-vdagent"::equals).isPresent() && !tt.equals("virtio")) {
        out.add(new InvalidSpecException("domain/devices/channel[" + (i + 1) + "]/target/@type", "must be 'virtio' for a qemu-vdagent channel, got '" + tt + "'"));
      }
    }
    for (int i = 0; i < v.memories().size(); i++) {
      int idx = i + 1;
      v.memories().get(i).target().flatMap(MemoryDeviceTarget::size).filter(s -> s.bytes() <= 0).ifPresent(s -> out.add(new InvalidSpecException(
          "domain/devices/memory[" + idx + "]/target/size", "must be greater than 0, got " + s)));
    }
  }

  /** domain_addr.c (the QEMU driver assigns and reserves addresses at define): "Attempted double use of PCI Address". */
  static void pciAddresses(DomainSpec d, List<InvalidSpecException> out) {
    Map<String, String> seen = new HashMap<>();
    for (Map.Entry<String, DeviceAddress> e : d.devices().addresses()) {
      Optional<String> id = e.getValue().pciId();
      if (id.isEmpty()) continue;
      String prev = seen.putIfAbsent(id.get(), e.getKey());
      if (prev != null) {
        out.add(new InvalidSpecException("domain/" + e.getKey() + "/address", "PCI address " + id.get() + " is already used by domain/" + prev));
      }
    }
  }

  /** qemu_validate.c's disk checks (frontend, IOThreads, transient, serial, blkdeviotune) and qemu_domain.c's storage-source checks. */
  static void disk(Disk x, String p, List<InvalidSpecException> out) {
    String dev = x.device().orElse("disk");
    String type = x.type().orElse("file");
    x.targetDev().map(t -> t.startsWith("ioemu:") ? t.substring(6) : t).filter(t -> Disk.isKnownName(t, true)).ifPresent(t ->
        out.add(new InvalidSpecException(p + "target/@dev", "must name a whole disk, not a partition, got '" + t + "'")));
    if (x.targetBus().isPresent()) {
      String b = x.targetBus().get();
      if (dev.equals("lun") && !b.equals("virtio") && !b.equals("scsi")) {
        out.add(new InvalidSpecException(p + "target/@bus", "device='lun' needs bus 'virtio' or 'scsi', got '" + b + "'"));
      }
      if (x.wwn().isPresent() && !b.equals("ide") && !b.equals("scsi")) {
        out.add(new InvalidSpecException(p + "wwn", "only ide and scsi disks support wwn, got bus '" + b + "'"));
      }
      if ((x.vendor().isPresent() || x.product().isPresent()) && !b.equals("scsi")) {
        out.add(new InvalidSpecException(p + (x.vendor().isPresent() ? "vendor" : "product"), "only scsi disks support vendor and product, got bus '" + b + "'"));
      }
      if ((dev.equals("cdrom") || dev.equals("floppy")) && b.equals("virtio")) {
        out.add(new InvalidSpecException(p + "target/@bus", "bus 'virtio' does not support ejectable media (device='" + dev + "')"));
      }
      if (x.driver().flatMap(DiskDriver::iothread).isPresent() && !b.equals("virtio")) {
        out.add(new InvalidSpecException(p + "driver/@iothread", "IOThreads are only available on bus 'virtio' (a SCSI disk uses its controller's), got bus '" + b + "'"));
      }
      if (x.target().flatMap(DiskTarget::rotationRate).isPresent() && !Disk.ROTATION_BUSES.contains(b)) {
        out.add(new InvalidSpecException(p + "target/@rotation_rate", "is only valid on bus 'scsi', 'ide' or 'sata', got bus '" + b + "'"));
      }
      if (x.isReadonly() && dev.equals("disk") && (b.equals("ide") || b.equals("sata"))) {
        out.add(new InvalidSpecException(p + "readonly", "readonly " + b + " disks are not supported (use device='cdrom' or another bus)"));
      }
    }
    if (x.transientDisk().isPresent() && x.isReadonly()) out.add(new InvalidSpecException(p + "transient", "a transient disk must not be read-only"));
    Optional<String> format = x.driver().flatMap(DiskDriver::type);
    if (x.isShareable() && !x.isReadonly() && format.isPresent() && !format.get().equals("raw")) {
      out.add(new InvalidSpecException(p + "shareable", "shared write access needs format 'raw', got '" + format.get() + "'"));
    }
    if (type.equals("dir")) {
      if (!format.filter("fat"::equals).isPresent()) {
        out.add(new InvalidSpecException(p + "driver/@type", "a disk of type 'dir' needs format 'fat', got " + format.map(f -> "'" + f + "'").orElse("none")));
      } else if (!x.isReadonly()) {
        out.add(new InvalidSpecException(p + "readonly", "a virtual FAT disk (type 'dir') must be read-only"));
      }
    }
    x.serial().ifPresent(sn -> {
      for (int i = 0; i < sn.length(); i++) {
        char c = sn.charAt(i);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || " -_.+".indexOf(c) >= 0;
        if (!ok) {
          out.add(new InvalidSpecException(p + "serial", "may hold only letters, digits, space and - _ . +, got '" + sn + "'"));
          return;
        }
      }
    });
    if (dev.equals("lun") && (x.wwn().isPresent() || x.vendor().isPresent() || x.product().isPresent())) {
      out.add(new InvalidSpecException(p + (x.wwn().isPresent() ? "wwn" : x.vendor().isPresent() ? "vendor" : "product"),
          "wwn, vendor and product cannot be set on device='lun' (the LUN reports its own)"));
    }
    x.iotune().filter(t -> t.groupName().isPresent() && !t.hasLimit()).ifPresent(t ->
        out.add(new InvalidSpecException(p + "iotune/group_name", "can be set only together with a limit")));
  }

  /** qemu_validate.c's controller checks. */
  static void controller(Controller c, String p, List<InvalidSpecException> out) {
    String m = c.model().orElse("");
    boolean spaprPhb = c.modelName().filter("spapr-pci-host-bridge"::equals).isPresent() || c.target().flatMap(ControllerTarget::index).isPresent();
    if ((m.equals("pci-root") || m.equals("pcie-root")) && !spaprPhb && c.index().isPresent() && c.index().get() != 0) {
      out.add(new InvalidSpecException(p + "@index", "a " + m + " controller must have index 0 (only pSeries PHBs, model name "
          + "spapr-pci-host-bridge, have others), got " + c.index().get()));
    }
    if ((m.equals("qemu-xhci") || m.equals("nec-xhci")) && c.ports().isPresent() && (c.ports().get() < 0 || c.ports().get() > 15)) {
      out.add(new InvalidSpecException(p + "@ports", "a " + m + " controller supports up to 15 ports, got " + Integer.toUnsignedString(c.ports().get())));
    }
    if (c.type().filter("scsi"::equals).isPresent() && c.model().isPresent() && !m.startsWith("virtio") && c.driver().isPresent()) {
      ControllerDriver d = c.driver().get();
      String attr = d.queues().isPresent() ? "queues" : d.iothread().isPresent() ? "iothread" : d.cmdPerLun().isPresent() ? "cmd_per_lun"
          : d.maxSectors().isPresent() ? "max_sectors" : null;
      if (attr != null) out.add(new InvalidSpecException(p + "driver/@" + attr, "'" + attr + "' is only supported by a virtio-scsi controller, got model '" + m + "'"));
    }
  }

  /** qemu_validate.c (server option per model) and qemu_command.c at start (the size). */
  static void shmem(Shmem s, String p, List<InvalidSpecException> out) {
    String m = s.model().orElse("");
    if (m.equals("ivshmem-plain") && s.server().isPresent()) {
      out.add(new InvalidSpecException(p + "server", "is not supported by model ivshmem-plain (server-less shared memory); use ivshmem-doorbell"));
    }
    if (m.equals("ivshmem-doorbell") && s.server().isEmpty()) out.add(new InvalidSpecException(p + "server", "is required by model ivshmem-doorbell"));
    s.size().ifPresent(z -> {
      long b = z.bytes();
      if (b < (1L << 20) || Long.bitCount(b) != 1) out.add(new InvalidSpecException(p + "size", "must be a power of two of at least 1 MiB, got " + z));
    });
  }

  private static final Set<String> PORTS = Set.of("port", "tlsPort", "websocket");

  /** qemu_command.c at start: ports must be -1 (auto) or 0..65535, a fixed VNC port at least 5900. */
  static void graphics(Graphics g, String p, List<InvalidSpecException> out) {
    for (String attr : PORTS) {
      Optional<Integer> v = attr.equals("port") ? g.port() : attr.equals("tlsPort") ? g.tlsPort() : g.websocket();
      if (v.isPresent() && (v.get() < -1 || v.get() > 65535)) out.add(new InvalidSpecException(p + "@" + attr, "must be a port -1..65535, got " + v.get()));
    }
    if (g.type().filter("vnc"::equals).isPresent() && g.port().isPresent() && g.port().get() != -1 && !g.autoport().orElse(false)
        && g.port().get() >= 0 && g.port().get() < 5900) {
      out.add(new InvalidSpecException(p + "@port", "a VNC port without autoport must be -1 or 5900..65535, got " + g.port().get()));
    }
  }
}
