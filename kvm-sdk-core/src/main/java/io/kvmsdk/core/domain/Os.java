package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <os>}: how the guest boots (BIOS boot order, UEFI loader and NVRAM, direct kernel boot, container init). */
@Value.Immutable
public abstract class Os {
  /** {@code efi} or {@code bios} to let libvirt pick the firmware image. */
  public abstract Optional<String> firmware();
  /** The {@code <type>} child. */
  public abstract Optional<OsType> type();
  /** The {@code <firmware>} child: features firmware autoselection must honour. */
  public abstract Optional<OsFirmware> firmwareInfo();
  /** The {@code <init>} child: the container init binary. */
  public abstract Optional<String> init();
  /** The {@code <initarg>} children, in order. */
  public abstract List<String> initargs();
  /** The {@code <initenv>} children, in order. */
  public abstract List<OsInitEnv> initenvs();
  /** The {@code <initdir>} child. */
  public abstract Optional<String> initdir();
  /** The {@code <inituser>} child. */
  public abstract Optional<String> inituser();
  /** The {@code <initgroup>} child. */
  public abstract Optional<String> initgroup();
  /** The {@code <loader>} child. */
  public abstract Optional<OsLoader> loader();
  /** The {@code <nvram>} child. */
  public abstract Optional<OsNvram> nvram();
  /** The {@code <kernel>} child. */
  public abstract Optional<String> kernel();
  /** The {@code <initrd>} child. */
  public abstract Optional<String> initrd();
  /** The {@code <cmdline>} child. */
  public abstract Optional<String> cmdline();
  /** The {@code <dtb>} child. */
  public abstract Optional<String> dtb();
  /** The {@code <root>} child. */
  public abstract Optional<String> root();
  /** The {@code <acpi>} child. */
  public abstract Optional<OsAcpi> acpi();
  /** The BIOS boot order: the {@code dev} of each {@code <boot>} ({@code hd}, {@code cdrom}, {@code fd}, {@code network}). */
  public abstract List<String> boots();
  /** The {@code <bootmenu>} child. */
  public abstract Optional<OsBootMenu> bootmenu();
  /** The {@code mode} of {@code <smbios>}: {@code emulate}, {@code host} or {@code sysinfo}. */
  public abstract Optional<String> smbios();
  /** The {@code <bios>} child. */
  public abstract Optional<OsBios> bios();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  static final java.util.Set<String> BOOT_DEVICES = java.util.Set.of("hd", "cdrom", "fd", "network");

  /** A full-virtualisation guest booting from its first disk. */
  public static Os hvm() { return builder().type(OsType.hvm()).addBoot("hd").build(); }

  /** A full-virtualisation guest for {@code arch} and {@code machine} (such as {@code x86_64}, {@code q35}). */
  public static Os hvm(String arch, String machine) { return builder().type(OsType.hvm(arch, machine)).addBoot("hd").build(); }

  /** A UEFI guest whose firmware image libvirt selects ({@code <os firmware='efi'>}). */
  public static Os uefi() { return builder().firmware("efi").type(OsType.hvm()).build(); }

  /**
   * A UEFI guest with Secure Boot and Microsoft keys enrolled, firmware chosen by libvirt. Needs
   * {@code FeaturesSmm.on()} in the domain's features (and a q35 machine).
   */
  public static Os uefiSecureBoot() {
    return builder().firmware("efi").type(OsType.hvm())
        .firmwareInfo(OsFirmware.builder().addFeature(OsFirmwareFeature.of("secure-boot", true))
            .addFeature(OsFirmwareFeature.of("enrolled-keys", true)).build())
        .loader(OsLoader.builder().secure(true).build()).build();
  }

  /** A UEFI guest booting a read-only pflash {@code loader} whose variables start from {@code nvramTemplate}. */
  public static Os uefi(String loader, String nvramTemplate) {
    return builder().type(OsType.hvm()).loader(OsLoader.pflash(loader)).nvram(OsNvram.fromTemplate(nvramTemplate)).build();
  }

  /** A guest booting {@code kernel} directly, with an optional {@code initrd} and kernel command line. */
  public static Os directKernel(String kernel, String initrd, String cmdline) {
    Builder b = builder().type(OsType.hvm()).kernel(kernel);
    if (initrd != null) b.initrd(initrd);
    if (cmdline != null) b.cmdline(cmdline);
    return b.build();
  }

  /** A container running {@code init} ({@code <type>exe</type>}). */
  public static Os exe(String init, String... args) {
    return builder().type(OsType.builder().value("exe").build()).init(init).initargs(java.util.List.of(args)).build();
  }

  /** A copy with the BIOS boot order replaced by {@code devices}. */
  public Os withBootOrder(String... devices) { return copy(b -> b.boots(java.util.List.of(devices))); }

  @Value.Check protected void check() {
    for (int i = 0; i < boots().size(); i++) {
      String d = boots().get(i);
      if (!BOOT_DEVICES.contains(d)) {
        throw new InvalidSpecException("boot[" + (i + 1) + "]/@dev", "must be one of hd, cdrom, fd, network, got '" + d + "'");
      }
    }
    if (firmware().isPresent() && !firmware().get().equals("efi") && !firmware().get().equals("bios")) {
      throw new InvalidSpecException("@firmware", "must be 'efi' or 'bios', got '" + firmware().get() + "'");
    }
    if (smbios().isPresent() && !java.util.Set.of("emulate", "host", "sysinfo").contains(smbios().get())) {
      throw new InvalidSpecException("smbios/@mode", "must be one of emulate, host, sysinfo, got '" + smbios().get() + "'");
    }
  }

  /** Derives a changed copy. */
  public Os copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Os}. */
  public static class Builder extends ImmutableOs.Builder {}
}
