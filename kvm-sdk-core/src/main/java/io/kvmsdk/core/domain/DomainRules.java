package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import java.util.regex.Pattern;

/** libvirt's define-time rules that can be checked offline, applied when a spec is built or parsed. */
final class DomainRules {
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

  private DomainRules() {}

  static void check(DomainSpec d) {
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

  static boolean isUuid(String s) { return UUID.matcher(s).matches(); }
}
