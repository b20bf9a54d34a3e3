package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** libvirt's define-time rules fail at build (or parse) time with the field and the rule. */
class DomainRulesTest {
  static DomainSpec.Builder base() { return DomainSpec.builder().type("kvm").name("web1").memory(Size.mib(1024)).osType("hvm"); }

  static void fails(ThrowingCallable c, String field, String ruleFragment) {
    assertThatThrownBy(c).isInstanceOf(InvalidSpecException.class).satisfies(e -> {
      InvalidSpecException x = (InvalidSpecException) e;
      assertThat(x.field()).isEqualTo(field);
      assertThat(x.rule()).contains(ruleFragment);
    });
  }

  @Test
  void nameIsRequiredNonEmptyAndHasNoSlash() {
    fails(() -> DomainSpec.builder().type("kvm").build(), "domain/name", "is required");
    fails(() -> base().name(" ").build(), "domain/name", "must not be empty");
    fails(() -> base().name("a/b").build(), "domain/name", "'/'");
    fails(() -> base().name("a\nb").build(), "domain/name", "newline");
    assertThat(base().name("a\tb").build().name()).as("libvirt takes a tab").isEqualTo("a\tb");
  }

  @Test
  void missingRequiredFieldsSpeakTheSdksLanguage() {
    fails(() -> DomainSpec.builder().name("web1").build(), "domain/@type", "is required");
    assertThatThrownBy(() -> DomainSpec.builder().build()).hasMessage("domain/@type: is required (and so is domain/name)");
  }

  @Test
  void anOsTypeIsRequiredAsLibvirtsParserSays() {
    fails(() -> DomainSpec.builder().type("kvm").name("web1").memory(Size.mib(64)).build(), "domain/os/type", ".osType(\"hvm\")");
    fails(() -> DomainSpec.builder().type("kvm").name("web1").memory(Size.mib(64)).os(Os.builder().addBoot("hd").build()).build(), "domain/os/type", "an os <type> must be specified");
    assertThat(base().build().os().flatMap(Os::type).flatMap(OsType::value)).hasValue("hvm");
    assertThat(base().os(Os.hvm("x86_64", "q35")).osType("xen").build().os().flatMap(Os::type))
        .as("osType keeps arch, machine and boot order").hasValue(OsType.builder().value("xen").arch("x86_64").machine("q35").build());
    assertThat(DomainSpec.builder().type("xen").name("pv").memory(Size.mib(64)).bootloader("/usr/bin/pygrub").build().os())
        .as("a bootloader implies xen").isEmpty();
    fails(() -> base().osType("HVM").build(), "domain/os/type", "must be one of hvm, xen, linux, exe, uml, xenpvh");
    fails(() -> base().os(Os.hvm("amd64", "pc")).build(), "domain/os/type/@arch", "must be a libvirt architecture");
    fails(() -> base().osType("exe").build(), "domain/os/init", "is required");
    assertThat(base().os(Os.exe("/bin/sh")).build().os().flatMap(Os::init)).hasValue("/bin/sh");
    fails(() -> base().type("ch").build(), "domain/@type", "must be a libvirt domain type");
  }

  @Test
  void memoryIsRequiredUnlessNumaCellsGiveIt() {
    fails(() -> DomainSpec.builder().type("kvm").name("web1").osType("hvm").build(), "domain/memory", "is required");
    fails(() -> base().memory(Size.kib(0)).build(), "domain/memory", "must be more than 0");
    Cpu numa = Cpu.builder().numa(CpuNuma.builder().addCell(CpuNumaCell.of(0, "0", Size.mib(512))).build()).build();
    assertThat(base().memory(Size.kib(0)).vcpus(1).cpu(numa).build().memory()).hasValue(Size.kib(0));
    assertThat(DomainSpec.builder().type("kvm").name("n").osType("hvm").vcpus(1).cpu(numa).build().memory()).isEmpty();
  }

  @Test
  void uuidMustBeAUuid() {
    fails(() -> base().uuid("not-a-uuid").build(), "domain/uuid", "must be a UUID");
    assertThat(base().uuid("c7a5fdbd-edaf-9455-926a-d65c16db1809").build().uuid()).isPresent();
    assertThat(base().uuid("c7a5fdbdedaf9455926ad65c16db1809").build().uuid()).isPresent();
  }

  /** The hand-written check reads as the pattern it replaced: 8-4-4-4-12 hex digits, each boundary's dash optional. */
  @Test
  void uuidCheckIsExactlyThirtyTwoHexDigitsWithOptionalDashesAtTheGroupBoundaries() {
    java.util.regex.Pattern p = java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
    for (String u : java.util.List.of("C7A5FDBD-edaf9455-926a-d65c16db1809", "c7a5fdbd-edaf-9455-926a-d65c16db180", "c7a5fdbd-edaf-9455-926a-d65c16db18090",
        "c7a5fdbd--edaf-9455-926a-d65c16db1809", "c7a5fdb-dedaf-9455-926a-d65c16db1809", "-c7a5fdbdedaf9455926ad65c16db1809", "c7a5fdbdedaf9455926ad65c16db1809-",
        "g7a5fdbdedaf9455926ad65c16db1809", "\uff10" + "7a5fdbdedaf9455926ad65c16db1809", "", "c7a5fdbd-edaf-9455-926a-d65c16db1809\n")) {
      assertThat(DomainRules.isUuid(u)).as(u).isEqualTo(p.matcher(u).matches());
    }
  }

  @Test
  void currentMemoryAboveMemoryIsAcceptedAsLibvirtClampsIt() {
    assertThat(base().currentMemory(Size.gib(2)).build().currentMemory()).contains(Size.gib(2));
    assertThat(base().currentMemory(Size.kib(1024 * 1024)).build().currentMemory()).contains(Size.kib(1048576));
  }

  @Test
  void vcpuCountAndCurrent() {
    fails(() -> base().vcpus(0).build(), "domain/vcpu", "at least 1");
    // a part built on its own names the field relative to itself; parsed documents give the full path (below)
    fails(() -> Vcpu.builder().count(2).current(4).build(), "@current", "must not exceed");
  }

  @Test
  void duplicatePciAddressesAreTheQemuDriversToRefuseNamingBothDevices() {
    DeviceAddress slot3 = DeviceAddress.pci(0, 0, 3, 0);
    DomainSpec twice = base()
        .addController(Controller.builder().type("pci").index(0).model("pci-root").build())
        .addInterface(Nic.network("default").copy(n -> n.address(slot3)))
        .addDisk(file("/a.img", "vda").copy(x -> x.address(slot3)))
        .build();
    fails(() -> twice.validateFor(DiskTestXml.KVM), "domain/devices/interface[1]/address", "0000:00:03.0 is already used by domain/devices/disk[1]");
  }

  @Test
  void validateForChecksWhatTheHostOffers() {
    io.kvmsdk.core.capabilities.DomainCapabilities caps = DiskTestXml.KVM.copy(c -> c.vcpuMax(4)
        .devices(io.kvmsdk.core.capabilities.DomCapsDevices.builder().disk(io.kvmsdk.core.capabilities.DomCapsSupport.builder().supported(true)
            .addEnum(io.kvmsdk.core.capabilities.DomCapsEnum.of("bus", "virtio", "sata")).build()).build()));
    DomainSpec spec = base().type("qemu").os(Os.hvm("aarch64", "virt")).vcpus(8).addDisk(file("/a.img", "sda").copy(b -> b.target(
        DiskTarget.builder().dev("sda").bus("scsi").build()))).build();
    assertThat(spec.problemsFor(caps)).extracting(InvalidSpecException::field)
        .containsExactly("domain/@type", "domain/os/type/@arch", "domain/vcpu", "domain/devices/disk[1]/target/@bus");
    assertThatThrownBy(() -> spec.validateFor(caps)).isInstanceOfSatisfying(InvalidSpecException.class, e -> {
      assertThat(e.getMessage()).isEqualTo("domain/@type: must be the capabilities' domain type 'kvm', got 'qemu'");
      assertThat(e.getSuppressed()).hasSize(3);
    });
    assertThat(base().build().validateFor(DiskTestXml.KVM)).isNotNull();
  }

  @Test
  void onlyTheFirstConsoleMayBeASerialPortAsLibvirtSays() {
    String xml = "<domain type='test'><name>c2</name><memory unit='KiB'>65536</memory><os><type>hvm</type></os><devices><serial type='pty'/>"
        + "<console type='pty'><target type='serial'/></console><console type='pty'><target type='serial'/></console>"
        + "</devices></domain>";
    fails(() -> DomainSpec.fromXml(xml), "domain/devices/console[2]/target/@type", "only the first console can be a serial port");
  }

  @Test
  void parsedDocumentsAreCheckedWithTheirPath() {
    fails(() -> DomainSpec.fromXml("<domain type='kvm'><name>x</name><memory unit='KiB'>65536</memory><os><type>hvm</type></os><uuid>zzz</uuid></domain>"), "domain/uuid", "must be a UUID");
    fails(() -> DomainSpec.fromXml("<domain type='kvm'><name>x</name><memory unit='KiB'>65536</memory><os><type>hvm</type></os><vcpu current='3'>2</vcpu></domain>"), "domain/vcpu/@current", "must not exceed");
    fails(() -> DomainSpec.fromXml("<domain type='kvm'><name>x</name><memory unit='KiB'>65536</memory><os><type>hvm</type></os><vcpu>two</vcpu></domain>"), "domain/vcpu", "non-negative integer");
  }

  @Test
  void builderConveniencesAddDevicesAndCopyDerivesWithoutMutating() {
    DomainSpec web = base().vcpus(2).emulator("/usr/bin/qemu-system-x86_64")
        .addDisk(Disk.file("/a.img").virtio())
        .build();
    assertThat(web.devices().disks()).hasSize(1);
    assertThat(web.devices().emulator()).contains("/usr/bin/qemu-system-x86_64");
    DomainSpec big = web.copy(b -> b.vcpus(8).addDisk(Disk.block("/dev/sdb").virtio()));
    assertThat(big.vcpu().flatMap(Vcpu::count)).contains(8);
    assertThat(big.devices().disks()).hasSize(2);
    assertThat(web.vcpu().flatMap(Vcpu::count)).contains(2);
    assertThat(web.devices().disks()).hasSize(1);
    assertThat(DomainSpec.fromXml(big.toXml())).isEqualTo(big);
  }

  static Disk file(String path, String dev) { return Disk.file(path).target(dev, "virtio"); }

  @Test
  void everyDiskNeedsATargetAndTargetsAreUnique() {
    fails(() -> base().devices(Devices.builder().addDisk(Disk.file("/a.img")).build()).build(),
        "domain/devices/disk[1]/target/@dev", "missing target information");
    fails(() -> base().addDisk(file("/a.img", "vda")).addDisk(file("/b.img", "vda")).build(),
        "domain/devices/disk[2]/target/@dev", "'vda' is already the target of domain/devices/disk[1]");
  }

  @Test
  void addDiskNamesDisksFromTheirBusLikeLibvirt() {
    DomainSpec d = base()
        .addDisk(file("/a.img", "vdb"))
        .addDisk(Disk.file("/b.img").virtio())
        .addDisk(Disk.file("/c.img").virtio())
        .addDisk(Disk.cdrom("/d.iso").bus("sata"))
        .build();
    assertThat(d.devices().disks()).extracting(x -> x.targetDev().orElse("?")).containsExactly("vdb", "vda", "vdc", "sda");
    fails(() -> base().addDisk(Disk.file("/e.img")).build(), "domain/devices/disk[1]/target/@dev", "known bus");
    fails(() -> base().addDisk(Disk.file("/e.img")).build(), "domain/devices/disk[1]/target/@dev", ".virtio()");
    fails(() -> base().addDisk(Disk.cdrom("/e.iso")).build(), "domain/devices/disk[1]/target/@dev", "give it .sata() or .scsi()");
    assertThat(DiskNames.suffix(0)).isEqualTo("a");
    assertThat(DiskNames.suffix(25)).isEqualTo("z");
    assertThat(DiskNames.suffix(26)).isEqualTo("aa");
    assertThat(DiskNames.suffix(701)).isEqualTo("zz");
    assertThat(DiskNames.suffix(702)).isEqualTo("aaa");
  }

  @Test
  void bootOrdersAreUniqueAndExcludeOsBoot() {
    fails(() -> base().addDisk(file("/a.img", "vda").bootOrder(1)).addInterface(Nic.network("default").bootOrder(1)).build(),
        "domain/devices/interface[1]/boot/@order", "boot order '1' is already used by domain/devices/disk[1]");
    fails(() -> base().os(Os.hvm().withBootOrder("hd")).addDisk(file("/a.img", "vda").bootOrder(1)).build(),
        "domain/os/boot", "cannot be used together with os/boot");
  }

  @Test
  void controllersOfOneTypeHaveDistinctIndexesExceptUsbCompanions() {
    fails(() -> base().addController(Controller.virtioSerial(0)).addController(Controller.virtioSerial(0)).build(),
        "domain/devices/controller[2]/@index", "already a 'virtio-serial' controller with index 0");
    assertThat(base().addController(Controller.builder().type("usb").index(0).model("ich9-ehci1").build())
        .addController(Controller.builder().type("usb").index(0).model("ich9-uhci1").build()).build()
        .devices().controllers()).hasSize(2);
  }
}
