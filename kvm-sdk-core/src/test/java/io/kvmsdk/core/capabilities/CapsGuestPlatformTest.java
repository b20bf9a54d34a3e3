package io.kvmsdk.core.capabilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.testing.Oracles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapsGuestPlatformTest {
  static HostCapabilities host(String file) throws IOException {
    return HostCapabilities.fromXml(Files.readString(Oracles.sharedPath("corpus/libvirt-9.0.0/capabilities/" + file)));
  }

  static DomainCapabilities domCaps(String file) throws IOException {
    return DomainCapabilities.fromXml(Files.readString(Oracles.sharedPath("corpus/libvirt-9.0.0/domaincaps/" + file)));
  }

  /** A host that runs {@code arch} guests with hypervisor type {@code type}. */
  static HostCapabilities hostFor(String arch, String type, String... machines) {
    CapsGuestArch.Builder a = CapsGuestArch.builder().name(arch).addDomain(CapsGuestDomain.builder().type(type).build());
    for (String m : machines) a.addMachine(CapsMachine.builder().name(m).build());
    return HostCapabilities.builder().addGuest(CapsGuest.builder().osType("hvm").arch(a.build()).build()).build();
  }

  @Test
  void aKvmQ35GuestGetsHostPassthroughAndUefi() throws IOException {
    CapsGuestPlatform p = CapsGuestPlatform.choose(host("caps-qemu-kvm.xml"), domCaps("qemu_8.0.0-q35.x86_64.xml"), "x86_64", "kvm");

    assertThat(p.osType()).isEqualTo("hvm");
    assertThat(p.emulator()).isEqualTo("/usr/bin/qemu-system-x86_64");
    assertThat(p.machine()).hasValue("pc-q35-8.0");
    assertThat(p.cpuMode()).hasValue("host-passthrough");
    assertThat(p.cpuModel()).isEmpty();
    assertThat(p.firmware()).hasValue("efi");
    assertThat(p.loader()).as("the x86 image, not the AAVMF ones listed first").hasValue("/usr/share/OVMF/OVMF_CODE.fd");
    assertThat(p.secureBoot()).isTrue();
  }

  @Test
  void aTcgGuestFallsBackToHostModel() throws IOException {
    CapsGuestPlatform p = CapsGuestPlatform.choose(host("caps-qemu-kvm.xml"), domCaps("qemu_8.0.0-tcg.x86_64.xml"), "x86_64", "qemu");

    assertThat(p.cpuMode()).hasValue("host-model");
    assertThat(p.cpuModel()).hasValue("EPYC");
    assertThat(p.machine()).hasValue("pc-i440fx-8.0");
  }

  @Test
  void withoutHostModelTheFirstUsableCustomModelIsUsed() throws IOException {
    DomainCapabilities dc = domCaps("qemu_8.0.0-tcg.x86_64.xml");
    DomCapsCpu customOnly = DomCapsCpu.builder()
        .addMode(DomCapsCpuMode.builder().name("host-passthrough").supported(false).build())
        .addMode(DomCapsCpuMode.builder().name("host-model").supported(false).build())
        .addMode(dc.cpu().orElseThrow().custom().orElseThrow())
        .build();

    CapsGuestPlatform p = CapsGuestPlatform.choose(host("caps-qemu-kvm.xml"), dc.copy(b -> b.cpu(customOnly)), "x86_64", "qemu");

    assertThat(p.cpuMode()).hasValue("custom");
    assertThat(p.cpuModel()).hasValue("qemu64");
  }

  @Test
  void withoutAnyUsableModeTheCpuIsLeftToTheHypervisor() throws IOException {
    CapsGuestPlatform p = CapsGuestPlatform.choose(hostFor("x86_64", "kvm"), domCaps("empty.xml"), "x86_64", "kvm");

    assertThat(p.cpuMode()).isEmpty();
    assertThat(p.cpuModel()).isEmpty();
    assertThat(p.firmware()).isEmpty();
    assertThat(p.loader()).isEmpty();
    assertThat(p.emulator()).isEqualTo("/bin/emulatorbin");
    assertThat(p.machine()).hasValue("my-machine-type");
  }

  @Test
  void theMachineIsCanonicalAndDefaultsToTheHostsFirst() throws IOException {
    HostCapabilities host = host("caps-qemu-kvm.xml");
    DomainCapabilities dc = domCaps("qemu_8.0.0-q35.x86_64.xml");

    assertThat(CapsGuestPlatform.choose(host, dc.copy(b -> b.machine(Optional.empty())), "x86_64", "kvm").machine()).hasValue("pc-0.11");
    assertThat(CapsGuestPlatform.choose(host, dc.copy(b -> b.machine("pc")), "x86_64", "kvm").machine()).hasValue("pc-0.11");
  }

  @Test
  void aXenHvmGuestGetsOvmfFromTheLoaderList() throws IOException {
    CapsGuestPlatform p = CapsGuestPlatform.choose(hostFor("x86_64", "xen", "xenfv"), domCaps("libxl-xenfv.xml"), "x86_64", "xen");

    assertThat(p.firmware()).hasValue("efi");
    assertThat(p.loader()).hasValue("/usr/lib/xen/boot/ovmf.bin");
    assertThat(p.secureBoot()).isFalse();
    assertThat(p.cpuMode()).isEmpty();
  }

  @Test
  void biosIsChosenWhenEfiIsNotOffered() throws IOException {
    DomainCapabilities dc = domCaps("qemu_8.0.0-q35.x86_64.xml");
    DomainCapabilities biosOnly = dc.copy(b -> b.os(DomCapsOs.builder().supported(true).addEnum(DomCapsEnum.of("firmware", "bios")).build()));

    CapsGuestPlatform p = CapsGuestPlatform.choose(host("caps-qemu-kvm.xml"), biosOnly, "x86_64", "kvm");

    assertThat(p.firmware()).hasValue("bios");
    assertThat(p.loader()).isEmpty();
  }

  @Test
  void theLoaderSuitsTheArchitecture() {
    List<String> paths = List.of("/usr/share/OVMF/OVMF_CODE.fd", "/usr/share/AAVMF/AAVMF32_CODE.fd", "/usr/share/AAVMF/AAVMF_CODE.fd", "/boot/hvmloader");

    assertThat(CapsGuestPlatform.uefiLoader(paths, "aarch64")).hasValue("/usr/share/AAVMF/AAVMF_CODE.fd");
    assertThat(CapsGuestPlatform.uefiLoader(paths, "armv7l")).hasValue("/usr/share/AAVMF/AAVMF32_CODE.fd");
    assertThat(CapsGuestPlatform.uefiLoader(paths, "x86_64")).hasValue("/usr/share/OVMF/OVMF_CODE.fd");
    assertThat(CapsGuestPlatform.uefiLoader(paths, "riscv64")).as("no fit: the first UEFI image").hasValue("/usr/share/OVMF/OVMF_CODE.fd");
    assertThat(CapsGuestPlatform.uefiLoader(List.of("/boot/hvmloader"), "x86_64")).isEmpty();
  }

  @Test
  void aHostThatCannotRunTheGuestIsReported() throws IOException {
    HostCapabilities host = host("caps-qemu-kvm.xml");                  // read outside the lambda: a missing
    DomainCapabilities aarch64 = domCaps("qemu_7.0.0-virt.aarch64.xml"); // corpus must skip, not be "the throw"

    assertThatThrownBy(() -> CapsGuestPlatform.choose(host, aarch64, "aarch64", "kvm"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.name()).isEqualTo("aarch64/kvm"));
  }

  @Test
  void domainCapabilitiesOfAnotherPlatformAreRefused() throws IOException {
    HostCapabilities host = host("caps-qemu-kvm.xml");
    DomainCapabilities q35 = domCaps("qemu_8.0.0-q35.x86_64.xml");

    assertThatThrownBy(() -> CapsGuestPlatform.choose(host, q35, "i686", "kvm"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("domainCapabilities/arch");
          assertThat(e.rule()).isEqualTo("must be the requested arch 'i686', got 'x86_64'");
        });
    assertThatThrownBy(() -> CapsGuestPlatform.choose(host, q35, "x86_64", "qemu"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("domainCapabilities/domain"));
  }
}
