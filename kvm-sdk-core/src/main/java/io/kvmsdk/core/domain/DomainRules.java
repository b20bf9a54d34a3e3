package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** libvirt's define-time rules that can be checked offline, applied when a spec is built or parsed. */
final class DomainRules {
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

  private DomainRules() {}

  /** Set while the builder reads back a half-built spec. */
  static final ThreadLocal<Boolean> SUSPENDED = new ThreadLocal<>();

  static void check(DomainSpec d) {
    if (SUSPENDED.get() != null) return;
    String name = d.name();
    if (name.isBlank()) throw new InvalidSpecException("domain/name", "must not be empty");
    if (name.indexOf('/') >= 0) throw new InvalidSpecException("domain/name", "must not contain '/', got '" + name + "'");
    if (d.type().isBlank()) throw new InvalidSpecException("domain/@type", "must not be empty");
    d.uuid().ifPresent(u -> {
      if (!isUuid(u)) throw new InvalidSpecException("domain/uuid", "must be a UUID (32 hex digits, optionally dashed 8-4-4-4-12), got '" + u + "'");
    });
    if (d.memory().isPresent() && d.currentMemory().isPresent()
        && d.currentMemory().get().bytes() > d.memory().get().bytes()) {
      throw new InvalidSpecException("domain/currentMemory", "must not exceed memory (" + d.memory().get() + "), got " + d.currentMemory().get());
    }
    checkPciAddresses(d);
    d.vcpu().flatMap(Vcpu::count).ifPresent(n -> {
      d.cpu().ifPresent(c -> c.checkVcpuCount(n));      // NUMA cell cpus within the vCPU count
      d.cputune().ifPresent(t -> t.checkVcpuCount(n));  // vcpusched vcpus within the vCPU count
    });
    checkConsoles(d);
    checkDisks(d);
    checkBootOrder(d);
    checkControllers(d);
    d.vcpu().ifPresent(v -> {
      if (v.count().isPresent() && v.count().get() < 1) throw new InvalidSpecException("domain/vcpu", "must be at least 1, got " + v.count().get());
      if (v.count().isPresent() && v.current().isPresent() && v.current().get() > v.count().get()) {
        throw new InvalidSpecException("domain/vcpu/@current", "must not exceed the vCPU count " + v.count().get() + ", got " + v.current().get());
      }
      if (v.current().isPresent() && v.current().get() < 1) throw new InvalidSpecException("domain/vcpu/@current", "must be at least 1, got " + v.current().get());
    });
  }

  /** libvirt refuses two devices at the same PCI address. */
  static void checkPciAddresses(DomainSpec d) {
    java.util.Map<String, String> seen = new java.util.HashMap<>();
    for (java.util.Map.Entry<String, DeviceAddress> e : d.devices().addresses()) {
      java.util.Optional<String> id;
      try {
        id = e.getValue().pciId();
      } catch (NumberFormatException x) {
        throw new InvalidSpecException("domain/" + e.getKey() + "/address", "PCI domain/bus/slot/function must be numbers", x);
      }
      if (id.isEmpty()) continue;
      String prev = seen.putIfAbsent(id.get(), e.getKey());
      if (prev != null) {
        throw new InvalidSpecException("domain/" + e.getKey() + "/address",
            "PCI address " + id.get() + " is already used by domain/" + prev);
      }
    }
  }

  /** libvirt: "Only the first console can be a serial port". */
  static void checkConsoles(DomainSpec d) {
    java.util.List<Console> consoles = d.devices().consoles();
    for (int i = 1; i < consoles.size(); i++) {
      if (consoles.get(i).target().flatMap(CharDevTarget::type).filter("serial"::equals).isPresent()) {
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
      String field = "domain/devices/disk[" + (i + 1) + "]/target/@dev";
      if (dev.isEmpty()) {
        throw new InvalidSpecException(field, "is required (libvirt: missing target information); set it with "
            + ".target(\"vda\") or give a bus (.virtio()) and add the disk with DomainSpec.Builder.addDisk to have one assigned");
      }
      Integer prev = seen.putIfAbsent(dev.get(), i + 1);
      if (prev != null) throw new InvalidSpecException(field, "'" + dev.get() + "' is already the target of domain/devices/disk[" + prev + "]");
    }
  }

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

  static boolean isUuid(String s) { return UUID.matcher(s).matches(); }
}
