package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules libvirt's domain XML parser applies (domain_conf.c, domain_postparse.c, domain_validate.c:
 * whatever {@code virsh -c test:///default define} refuses), applied when a spec is built or parsed.
 * What only the QEMU driver refuses (at define or at start) is in {@link QemuRules}, applied by
 * {@link DomainSpec#validateFor}.
 */
final class DomainRules {
  private DomainRules() {}

  /** Set while the builder reads back a half-built spec. */
  static final ThreadLocal<Boolean> SUSPENDED = new ThreadLocal<>();

  static void check(DomainSpec d) {
    if (SUSPENDED.get() != null) return;
    String name = d.name();
    if (name.isBlank()) throw new InvalidSpecException("domain/name", "must not be empty");
    if (name.indexOf('/') >= 0) throw new InvalidSpecException("domain/name", "must not contain '/', got '" + name + "'");
    if (name.indexOf('\n') >= 0) throw new InvalidSpecException("domain/name", "must not contain a newline (libvirt: invalid char in name)");
    if (d.type().isBlank()) throw new InvalidSpecException("domain/@type", "must not be empty");
    if (!VIRT_TYPES.contains(d.type())) {
      throw new InvalidSpecException("domain/@type", "must be a libvirt domain type (kvm, qemu, test, xen, lxc, ...), got '" + d.type() + "'");
    }
    checkOs(d);
    checkMemory(d);
    // (plain ifs rather than capturing lambdas: this runs for every document, and a capturing lambda
    // links a class the first time it runs)
    if (d.uuid().isPresent() && !isUuid(d.uuid().get())) {
      throw new InvalidSpecException("domain/uuid", "must be a UUID (32 hex digits, optionally dashed 8-4-4-4-12), got '" + d.uuid().get() + "'");
    }
    Optional<Integer> vcpus = d.vcpu().flatMap(Vcpu::count);
    if (vcpus.isPresent()) {
      if (d.cpu().isPresent()) d.cpu().get().checkVcpuCount(vcpus.get());          // NUMA cell cpus within the vCPU count
      if (d.cputune().isPresent()) d.cputune().get().checkVcpuCount(vcpus.get());  // vcpusched vcpus within the vCPU count
    }
    checkPciAddressNumbers(d);
    checkEnums(d);
    checkConsoles(d);
    if (!io.kvmsdk.core.internal.domain.Validation.skipped()) checkDisks(d);   // domain_validate.c
    checkBootOrder(d);
    checkControllers(d);
    if (d.vcpu().isPresent()) {
      Vcpu v = d.vcpu().get();
      if (v.count().isPresent() && v.count().get() < 1) throw new InvalidSpecException("domain/vcpu", "must be at least 1, got " + v.count().get());
      if (v.count().isPresent() && v.current().isPresent() && v.current().get() > v.count().get()) {
        throw new InvalidSpecException("domain/vcpu/@current", "must not exceed the vCPU count " + v.count().get() + ", got " + v.current().get());
      }
    }
  }

  /** virDomainVirtType of libvirt 9.0 ({@code virsh -c test:///default define} refuses any other: "invalid domain type"). */
  static final java.util.Set<String> VIRT_TYPES = java.util.Set.of("none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml", "openvz", "test",
      "vmware", "hyperv", "vbox", "phyp", "parallels", "bhyve", "vz", "hvf");

  /** virDomainOS of libvirt 9.0 ("unknown OS type"). */
  static final java.util.Set<String> OS_TYPES = java.util.Set.of("hvm", "xen", "linux", "exe", "uml", "xenpvh");

  /** virArch of libvirt 9.0 ("Unknown architecture"), as {@code virsh -c test:///default define} accepts them. */
  static final java.util.Set<String> ARCHES = java.util.Set.of("alpha", "armv6l", "armv7l", "armv7b", "aarch64", "cris", "i686",
      "ia64", "lm32", "m68k", "microblaze", "microblazeel", "mips", "mipsel", "mips64", "mips64el", "openrisc", "parisc", "parisc64",
      "ppc", "ppcle", "ppc64", "ppc64le", "ppcemb", "riscv32", "riscv64", "s390", "s390x", "sh4", "sh4eb", "sparc", "sparc64",
      "unicore32", "x86_64", "xtensa", "xtensaeb");

  /**
   * libvirt's parser (virDomainDefParseCaps, virDomainDefParseBootOptions): "an os &lt;type&gt; must be
   * specified" unless a {@code <bootloader>} implies xen; "unknown OS type"; an {@code exe} guest
   * needs its init binary.
   */
  static void checkOs(DomainSpec d) {
    Optional<String> type = d.os().flatMap(Os::type).flatMap(OsType::value);
    if (type.isEmpty() && d.bootloader().isEmpty()) {
      throw new InvalidSpecException("domain/os/type", "is required (libvirt: an os <type> must be specified): "
          + "set it with .osType(\"hvm\") or .os(Os.hvm())");
    }
    if (type.isPresent() && !OS_TYPES.contains(type.get())) {
      throw new InvalidSpecException("domain/os/type", "must be one of hvm, xen, linux, exe, uml, xenpvh, got '" + type.get() + "'");
    }
    Optional<String> arch = d.os().flatMap(Os::type).flatMap(OsType::arch);
    if (arch.isPresent() && !ARCHES.contains(arch.get())) {
      throw new InvalidSpecException("domain/os/type/@arch", "must be a libvirt architecture (x86_64, i686, aarch64, ppc64le, s390x, ...), got '" + arch.get() + "'");
    }
    if (type.isPresent() && type.get().equals("exe") && d.os().flatMap(Os::init).isEmpty()) {
      throw new InvalidSpecException("domain/os/init", "is required for an os of type 'exe' (the container's init binary)");
    }
  }

  /**
   * libvirt's post-parse (virDomainDefPostParseMemory): "Memory size must be specified via
   * &lt;memory&gt; or in the &lt;numa&gt; configuration": the NUMA cells' sum, else {@code memory}, must be
   * more than 0.
   */
  static void checkMemory(DomainSpec d) {
    long numa = d.cpu().flatMap(Cpu::numa).map(n -> n.cells().stream()
        .mapToLong(c -> c.memorySize().map(Size::bytes).orElse(0L)).sum()).orElse(0L);
    if (numa > 0) return;
    if (d.memory().map(Size::bytes).orElse(0L) <= 0) {
      throw new InvalidSpecException("domain/memory", d.memory().isEmpty()
          ? "is required (libvirt: memory size must be specified via <memory> or in the <numa> configuration): set it with .memory(Size.mib(1024))"
          : "must be more than 0 unless the NUMA cells give the memory, got " + d.memory().get());
    }
  }

  /** libvirt's parser reads a PCI address's domain, bus, slot and function as numbers. */
  static void checkPciAddressNumbers(DomainSpec d) {
    for (Map.Entry<String, DeviceAddress> e : d.devices().addresses()) {
      try {
        e.getValue().checkPciNumbers();
      } catch (NumberFormatException x) {
        throw new InvalidSpecException("domain/" + e.getKey() + "/address", "PCI domain/bus/slot/function must be numbers", x);
      }
    }
  }

  /** libvirt: "Only the first console can be a serial port". */
  static void checkConsoles(DomainSpec d) {
    java.util.List<Console> consoles = d.devices().consoles();
    for (int i = 1; i < consoles.size(); i++) {
      if ("serial".equals(consoles.get(i).target().flatMap(CharDevTarget::type).orElse(null))) {
        throw new InvalidSpecException("domain/devices/console[" + (i + 1) + "]/target/@type",
            "only the first console can be a serial port");
      }
    }
  }

  /** libvirt: "missing target information for device X", "target 'vda' duplicated for disk sources". */
  static void checkDisks(DomainSpec d) {
    Map<String, Integer> seen = new HashMap<>();
    List<Disk> disks = d.devices().disks();
    for (int i = 0; i < disks.size(); i++) {
      Optional<String> dev = disks.get(i).targetDev();
      if (dev.isEmpty()) {
        throw new InvalidSpecException(diskTarget(i), "is required (libvirt: missing target information); set it with "
            + ".target(\"vda\") or give a bus (.virtio()) and add the disk with DomainSpec.Builder.addDisk to have one assigned");
      }
      Integer prev = seen.putIfAbsent(dev.get(), i + 1);
      if (prev != null) throw new InvalidSpecException(diskTarget(i), "'" + dev.get() + "' is already the target of domain/devices/disk[" + prev + "]");
    }
  }

  /** virStorageFileFormat values a disk's {@code <driver type>} may take (libvirt 9.0; {@code aio} is Xen's old name for raw). */
  static final java.util.Set<String> DISK_FORMATS = java.util.Set.of("raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc", "vdi", "fat", "vhd",
      "ploop", "cow", "qcow", "qcow2", "qed", "vmdk", "aio");
  /** virDomainGraphicsType of libvirt 9.0. */
  static final java.util.Set<String> GRAPHICS_TYPES = java.util.Set.of("sdl", "vnc", "rdp", "desktop", "spice", "egl-headless", "dbus");

  /** Enumerated attributes libvirt's parser refuses outside their enum ({@code virsh -c test:///default define} says so). */
  static void checkEnums(DomainSpec d) {
    List<Disk> disks = d.devices().disks();
    for (int i = 0; i < disks.size(); i++) {
      Optional<String> format = disks.get(i).driver().flatMap(DiskDriver::type);
      if (format.isPresent() && !DISK_FORMATS.contains(format.get())) {
        throw new InvalidSpecException("domain/devices/disk[" + (i + 1) + "]/driver/@type", "must be a disk image format (raw, qcow2, vmdk, qed, "
            + "vpc, vdi, ...; libvirt: unknown driver format value), got '" + format.get() + "'");
      }
    }
    List<Graphics> graphics = d.devices().graphics();
    for (int i = 0; i < graphics.size(); i++) {
      Optional<String> type = graphics.get(i).type();
      if (type.isPresent() && !GRAPHICS_TYPES.contains(type.get())) {
        throw new InvalidSpecException("domain/devices/graphics[" + (i + 1) + "]/@type", "must be one of " + new java.util.TreeSet<>(GRAPHICS_TYPES)
            + ", got '" + type.get() + "'");
      }
    }
  }

  private static String diskTarget(int i) { return "domain/devices/disk[" + (i + 1) + "]/target/@dev"; }

  /** libvirt: boot orders are unique, and per-device boot elements exclude {@code <os><boot>}. */
  static void checkBootOrder(DomainSpec d) {
    Map<Integer, String> seen = new HashMap<>();
    Devices v = d.devices();
    collectBoot(seen, "disk", v.disks(), x -> x.boot().flatMap(DiskBoot::order));
    collectBoot(seen, "interface", v.interfaces(), x -> x.boot().flatMap(NicBoot::order));
    collectBoot(seen, "hostdev", v.hostdevs(), x -> x.boot().flatMap(DiskBoot::order));
    collectBoot(seen, "redirdev", v.redirdevs(), x -> x.boot().flatMap(DiskBoot::order));
    collectBoot(seen, "filesystem", v.filesystems(), x -> x.boot().flatMap(DiskBoot::order));
    if (!seen.isEmpty() && d.os().map(o -> !o.boots().isEmpty()).orElse(false)) {
      throw new InvalidSpecException("domain/os/boot", "per-device boot elements (" + seen.values().iterator().next()
          + ") cannot be used together with os/boot elements");
    }
  }

  private static <D> void collectBoot(Map<Integer, String> seen, String elem, List<D> devices, Function<D, Optional<Integer>> order) {
    for (int i = 0; i < devices.size(); i++) {
      Optional<Integer> o = order.apply(devices.get(i));
      if (o.isEmpty()) continue;
      String path = "domain/devices/" + elem + "[" + (i + 1) + "]";
      String prev = seen.putIfAbsent(o.get(), path);
      if (prev != null) throw new InvalidSpecException(path + "/boot/@order", "boot order '" + o.get() + "' is already used by " + prev);
    }
  }

  /** libvirt: "Multiple 'virtio-serial' controllers with index '0'" (USB companions may share an index). */
  static void checkControllers(DomainSpec d) {
    Map<String, Integer> seen = new HashMap<>();
    List<Controller> cs = d.devices().controllers();
    for (int i = 0; i < cs.size(); i++) {
      Controller c = cs.get(i);
      if (c.type().isEmpty() || c.index().isEmpty() || c.type().get().equals("usb")) continue;
      Integer prev = seen.putIfAbsent(c.type().get() + "/" + c.index().get(), i + 1);
      if (prev != null) {
        throw new InvalidSpecException("domain/devices/controller[" + (i + 1) + "]/@index",
            "there is already a '" + c.type().get() + "' controller with index " + c.index().get() + " (domain/devices/controller[" + prev + "])");
      }
    }
  }

  /** 32 hex digits, each of the four group boundaries (8-4-4-4-12) with or without a dash. */
  static boolean isUuid(String s) {
    int at = 0;
    int n = s.length();
    for (int group : UUID_GROUPS) {
      if (group != 8) {
        if (at < n && s.charAt(at) == '-') at++;
      }
      for (int k = 0; k < group; k++, at++) {
        if (at >= n || Character.digit(s.charAt(at), 16) < 0 || s.charAt(at) > 'f') return false;
      }
    }
    return at == n;
  }

  private static final int[] UUID_GROUPS = {8, 4, 4, 4, 12};
}
