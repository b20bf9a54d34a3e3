package io.kvmsdk.core.capabilities;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.NotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The platform a new guest should get on this host: emulator, machine type, CPU mode and firmware,
 * chosen from the host's {@link HostCapabilities} and the {@link DomainCapabilities} of the
 * emulator (policy, kept apart from the XML mapping).
 *
 * <pre>{@code
 * CapsGuestPlatform p = CapsGuestPlatform.choose(hostCaps, domCaps, "x86_64", "kvm");
 * // p.emulator() = /usr/bin/qemu-system-x86_64, p.machine() = pc-q35-8.0,
 * // p.cpuMode() = host-passthrough, p.firmware() = efi, p.loader() = /usr/share/OVMF/OVMF_CODE.fd
 * }</pre>
 *
 * The rules: the emulator is the one the domain capabilities describe; the machine type is the
 * domain capabilities' machine, else the host's default (first listed) machine for the hypervisor
 * type, always canonical (never an alias such as {@code pc}); the CPU mode is host-passthrough if
 * supported, else host-model, else custom with the first usable, non-deprecated model, else none
 * (leave {@code <cpu>} out); the firmware is efi when offered (by the {@code firmware} enum or by a
 * UEFI loader binary with pflash), with the loader that suits the architecture, else bios when
 * offered, else none.
 */
@Value.Immutable
public abstract class CapsGuestPlatform {
  public abstract String arch();

  /** The hypervisor type ({@code <domain type>}): kvm, qemu, xen, ... */
  public abstract String domainType();

  /** {@code <os><type>}: hvm when the host offers it. */
  public abstract String osType();

  /** {@code <devices><emulator>}. */
  public abstract String emulator();

  /** The canonical machine type for {@code <os><type machine>}. */
  public abstract Optional<String> machine();

  /** {@code <cpu mode>}: host-passthrough, host-model or custom; empty to leave {@code <cpu>} out. */
  public abstract Optional<String> cpuMode();

  /** The CPU model: the host-model CPU, or the model to use with custom. */
  public abstract Optional<String> cpuModel();

  /** {@code <os firmware>}: efi or bios; empty when the host offers no choice. */
  public abstract Optional<String> firmware();

  /** A firmware binary for {@code <loader>} (for efi, a UEFI code image such as OVMF_CODE.fd). */
  public abstract Optional<String> loader();

  /** Whether the loader can do Secure Boot ({@code secure='yes'} is offered). */
  @Value.Default public boolean secureBoot() { return false; }

  public static Builder builder() { return new Builder(); }

  /** Builds a {@link CapsGuestPlatform}. */
  public static class Builder extends ImmutableCapsGuestPlatform.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("arch", "os/type/@arch", "domainType", "domain/@type", "osType", "os/type", "emulator", "devices/emulator");

    @Override public CapsGuestPlatform build() { return REQUIRED.build(super::build); }
  }

  /**
   * Chooses the platform for a guest of architecture {@code arch} run by hypervisor type
   * {@code domainType}. Throws {@link NotFoundException} when the host cannot run that combination
   * and {@link InvalidSpecException} when {@code domCaps} describes another one.
   */
  public static CapsGuestPlatform choose(HostCapabilities host, DomainCapabilities domCaps, String arch, String domainType) {
    if (!domCaps.arch().equals(arch)) {
      throw new InvalidSpecException("domainCapabilities/arch", "must be the requested arch '" + arch + "', got '" + domCaps.arch() + "'");
    }
    if (!domCaps.domain().equals(domainType)) {
      throw new InvalidSpecException("domainCapabilities/domain", "must be the requested domain type '" + domainType + "', got '" + domCaps.domain() + "'");
    }
    List<CapsGuest> guests = host.guestsFor(arch, domainType);
    if (guests.isEmpty()) throw new NotFoundException("guest capability", arch + "/" + domainType);
    CapsGuest guest = guests.stream().filter(g -> g.osType().equals("hvm")).findFirst().orElse(guests.get(0));
    List<CapsMachine> machines = guest.arch().machinesFor(domainType);

    Builder b = builder().arch(arch).domainType(domainType).osType(guest.osType()).emulator(domCaps.path());
    b.machine(chooseMachine(domCaps.machine(), machines));
    domCaps.cpu().ifPresent(cpu -> chooseCpu(cpu, b));
    domCaps.os().filter(DomCapsOs::isSupported).ifPresent(os -> chooseFirmware(os, arch, b));
    return b.build();
  }

  static Optional<String> chooseMachine(Optional<String> asked, List<CapsMachine> machines) {
    if (asked.isPresent()) {
      return Optional.of(machines.stream().filter(m -> m.name().equals(asked.get())).findFirst()
          .map(CapsMachine::canonicalName).orElse(asked.get()));
    }
    return machines.stream().findFirst().map(CapsMachine::canonicalName);
  }

  static void chooseCpu(DomCapsCpu cpu, Builder b) {
    if (cpu.supports("host-passthrough")) {
      b.cpuMode("host-passthrough");
    } else if (cpu.supports("host-model")) {
      b.cpuMode("host-model").cpuModel(cpu.hostModel().flatMap(DomCapsCpuMode::model).map(DomCapsCpuModel::name));
    } else if (cpu.supports("custom")) {
      Optional<String> model = cpu.custom().flatMap(m -> m.usableModels().stream().findFirst()).map(DomCapsCpuModel::name);
      if (model.isPresent()) b.cpuMode("custom").cpuModel(model);
    }
  }

  static void chooseFirmware(DomCapsOs os, String arch, Builder b) {
    Optional<DomCapsLoader> loader = os.loader().filter(DomCapsLoader::isSupported);
    Optional<String> uefi = loader.flatMap(l -> uefiLoader(l.values(), arch));
    boolean pflash = loader.map(l -> l.offers("type", "pflash")).orElse(false);
    if (os.offers("firmware", "efi") || (uefi.isPresent() && pflash)) {
      b.firmware("efi").loader(uefi);
      b.secureBoot(loader.map(l -> l.offers("secure", "yes")).orElse(false));
    } else if (os.offers("firmware", "bios")) {
      b.firmware("bios");
    }
  }

  /** The UEFI code image among {@code paths} that suits {@code arch}; else the first UEFI-looking one. */
  static Optional<String> uefiLoader(List<String> paths, String arch) {
    Optional<String> any = Optional.empty();
    for (String p : paths) {
      String l = p.toLowerCase(Locale.ROOT);
      boolean arm32 = l.contains("aavmf32") || l.contains("arm-code") || l.contains("-arm.");
      boolean arm64 = !arm32 && (l.contains("aavmf") || l.contains("aarch64"));
      boolean x86 = !arm32 && !arm64 && (l.contains("ovmf") || l.contains("x86_64") || l.contains("i386"));
      boolean uefi = arm32 || arm64 || x86 || l.contains("efi") || l.contains("edk2");
      if (!uefi) continue;
      if (any.isEmpty()) any = Optional.of(p);
      boolean fits;
      switch (arch) {
        case "x86_64": case "i686": fits = x86; break;
        case "aarch64": fits = arm64; break;
        case "armv7l": case "armv6l": fits = arm32; break;
        default: fits = false;
      }
      if (fits) return Optional.of(p);
    }
    return any;
  }
}
