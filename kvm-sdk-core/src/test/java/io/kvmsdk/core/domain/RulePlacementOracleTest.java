package io.kvmsdk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.capabilities.DomainCapabilities;
import io.kvmsdk.core.testing.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Where each rule lives, proven with real libvirt. A rule of libvirt's parser (what
 * {@code virsh -c test:///default define} refuses) is applied by {@code build()} and {@code fromXml};
 * a rule only the QEMU driver applies (a private libvirtd's define refuses, or QEMU refuses at start)
 * is applied by {@link DomainSpec#validateFor} and never stops a spec from building; a rule libvirt
 * has nowhere is not applied at all. Parsing never refuses what libvirt's parser accepts.
 */
class RulePlacementOracleTest {
  /** Where a rule is applied. */
  enum Placement {
    /** libvirt's parser refuses it: build() and fromXml() refuse it. */
    PARSER,
    /** the QEMU driver refuses it at define: validateFor reports it, build() accepts it. */
    QEMU_DEFINE,
    /** libvirt defines it, QEMU refuses to start it: validateFor reports it, build() accepts it. */
    QEMU_START,
    /** libvirt accepts it everywhere: nothing refuses it. */
    NOWHERE
  }

  record Case(Placement where, String name, boolean device, String xml) {}

  static Case parser(String name, String devices) { return new Case(Placement.PARSER, name, true, devices); }

  static Case define(String name, String devices) { return new Case(Placement.QEMU_DEFINE, name, true, devices); }

  static Case start(String name, String devices) { return new Case(Placement.QEMU_START, name, true, devices); }

  static Case nowhere(String name, String devices) { return new Case(Placement.NOWHERE, name, true, devices); }

  static final String DISK = "<disk type='file' device='disk'><source file='/a'/>";
  static final String MEMDEV_HEAD = "<maxMemory slots='4' unit='GiB'>8</maxMemory><vcpu>1</vcpu><os><type>hvm</type></os>"
      + "<cpu><numa><cell id='0' cpus='0' memory='128' unit='MiB'/></numa></cpu><devices>";

  static final List<Case> CASES = List.of(
      // libvirt's parser (domain_conf.c, domain_postparse.c, domain_validate.c)
      new Case(Placement.PARSER, "no os type", false, ""),
      new Case(Placement.PARSER, "memory 0 without NUMA cells", false, "<os><type>hvm</type></os>"),
      new Case(Placement.PARSER, "unknown os type", false, "<os><type>HVM</type></os>"),
      new Case(Placement.PARSER, "unknown arch", false, "<os><type arch='amd64'>hvm</type></os>"),
      new Case(Placement.PARSER, "exe without init", false, "<os><type>exe</type></os>"),
      new Case(Placement.PARSER, "vcpu current above count", false, "<vcpu current='9'>4</vcpu><os><type>hvm</type></os>"),
      new Case(Placement.PARSER, "os boot with per-device boot", false, "<os><type>hvm</type><boot dev='hd'/></os><devices>" + DISK
          + "<target dev='vda' bus='virtio'/><boot order='1'/></disk></devices>"),
      new Case(Placement.PARSER, "NUMA cpus beyond vcpu", false, "<vcpu>2</vcpu><os><type>hvm</type></os><cpu><numa>"
          + "<cell id='0' cpus='0-5' memory='1' unit='GiB'/></numa></cpu>"),
      new Case(Placement.PARSER, "memory device block not a power of two", false, MEMDEV_HEAD + "<memory model='virtio-mem'><target>"
          + "<size unit='MiB'>1024</size><node>0</node><block unit='MiB'>3</block><requested unit='MiB'>0</requested></target></memory></devices>"),
      parser("floppy on ide", "<disk type='file' device='floppy'><source file='/f.img'/><target dev='fda' bus='ide'/></disk>"),
      parser("tray on a disk", DISK + "<target dev='vda' bus='virtio' tray='open'/></disk>"),
      parser("lun on a file", "<disk type='file' device='lun'><source file='/f.img'/><target dev='sda' bus='scsi'/></disk>"),
      parser("unknown disk name", DISK + "<target dev='zda' bus='virtio'/></disk>"),
      parser("queues on sata", "<disk type='file' device='disk'><driver name='qemu' queues='2'/><source file='/a'/><target dev='sda' bus='sata'/></disk>"),
      parser("removable on scsi", DISK + "<target dev='sda' bus='scsi' removable='on'/></disk>"),
      parser("virtio model on sata", "<disk type='file' device='disk' model='virtio'><source file='/a'/><target dev='sda' bus='sata'/></disk>"),
      parser("duplicate disk target", DISK + "<target dev='vda' bus='virtio'/></disk>" + DISK + "<target dev='vda' bus='virtio'/></disk>"),
      parser("duplicate controller index", "<controller type='virtio-serial' index='0'/><controller type='virtio-serial' index='0'/>"),
      parser("msi without a server", "<shmem name='s'><model type='ivshmem'/><msi vectors='4'/></shmem>"),
      parser("shmem name with a slash", "<shmem name='a/b'><model type='ivshmem-plain'/></shmem>"),
      parser("second console as serial", "<serial type='pty'/><console type='pty'><target type='serial'/></console>"
          + "<console type='pty'><target type='serial'/></console>"),
      parser("listen attribute not the first listen", "<graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'>"
          + "<listen type='address' address='0.0.0.0'/></graphics>"),
      parser("unknown disk image format", "<disk type='file' device='disk'><driver name='qemu' type='qcow3'/><source file='/a'/>"
          + "<target dev='vda' bus='virtio'/></disk>"),
      parser("luks as a disk's driver format", "<disk type='file' device='disk'><driver name='qemu' type='luks'/><source file='/a'/>"
          + "<target dev='vda' bus='virtio'/></disk>"),
      parser("unknown graphics type", "<graphics type='vncx'/>"),
      nowhere("Xen's aio disk format", "<disk type='file' device='disk'><driver name='qemu' type='aio'/><source file='/a'/>"
          + "<target dev='vda' bus='virtio'/></disk>"),
      nowhere("dbus graphics", "<graphics type='dbus'/>"),
      parser("multicast MAC", "<interface type='user'><mac address='01:54:00:00:00:01'/></interface>"),
      parser("acpi index 0", "<interface type='user'><acpi index='0'/></interface>"),
      parser("spicevmc channel not virtio", "<channel type='spicevmc'><target type='guestfwd' address='10.0.0.1' port='1'/></channel>"),
      // the QEMU driver at define (qemu_validate.c, qemu_domain.c, domain_addr.c)
      define("partition as disk target", DISK + "<target dev='vda1' bus='virtio'/></disk>"),
      define("wwn on virtio", DISK + "<target dev='vda' bus='virtio'/><wwn>5000c50015ea71ad</wwn></disk>"),
      define("vendor on sata", DISK + "<target dev='sda' bus='sata'/><vendor>ACME</vendor></disk>"),
      define("lun on sata", "<disk type='block' device='lun'><source dev='/dev/sdb'/><target dev='sda' bus='sata'/></disk>"),
      define("wwn on a lun", "<disk type='block' device='lun'><source dev='/dev/sdb'/><target dev='sda' bus='scsi'/><wwn>5000c50015ea71ad</wwn></disk>"),
      define("cdrom on virtio", "<disk type='file' device='cdrom'><source file='/a.iso'/><target dev='vda' bus='virtio'/><readonly/></disk>"),
      define("iothread on sata", "<disk type='file' device='disk'><driver name='qemu' iothread='1'/><source file='/a'/><target dev='sda' bus='sata'/></disk>"),
      define("transient read-only", "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/a'/>"
          + "<target dev='vda' bus='virtio'/><readonly/><transient/></disk>"),
      define("shareable qcow2", "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/a'/>"
          + "<target dev='vda' bus='virtio'/><shareable/></disk>"),
      define("rotation rate on virtio", DISK + "<target dev='vda' bus='virtio' rotation_rate='1'/></disk>"),
      define("serial with a colon", DISK + "<target dev='vda' bus='virtio'/><serial>a:b</serial></disk>"),
      define("read-only sata disk", DISK + "<target dev='sda' bus='sata'/><readonly/></disk>"),
      define("dir disk without fat", "<disk type='dir' device='disk'><source dir='/tmp'/><target dev='vda' bus='virtio'/><readonly/></disk>"),
      define("writable fat disk", "<disk type='dir' device='disk'><driver name='qemu' type='fat'/><source dir='/tmp'/><target dev='vda' bus='virtio'/></disk>"),
      define("iotune group without limit", DISK + "<target dev='vda' bus='virtio'/><iotune><group_name>g</group_name></iotune></disk>"),
      define("pci-root index 1", "<controller type='pci' index='0' model='pci-root'/><controller type='pci' index='1' model='pci-root'/>"),
      define("xhci with 16 ports", "<controller type='usb' index='0' model='qemu-xhci' ports='16'/>"),
      define("queues on lsilogic", "<controller type='scsi' index='0' model='lsilogic'><driver queues='4'/></controller>"),
      define("plain shmem with a server", "<shmem name='s'><model type='ivshmem-plain'/><server path='/tmp/s'/></shmem>"),
      define("doorbell shmem without a server", "<shmem name='s'><model type='ivshmem-doorbell'/></shmem>"),
      define("virtiofs mapped", "<filesystem type='mount' accessmode='mapped'><driver type='virtiofs'/><source dir='/a'/><target dir='t'/></filesystem>"),
      define("hyperv panic with an address", "<panic model='hyperv'><address type='isa' iobase='0x505'/></panic>"),
      define("spapr-tpm-proxy emulator", "<tpm model='spapr-tpm-proxy'><backend type='emulator' version='2.0'/></tpm>"),
      define("duplicate PCI address", "<interface type='user'><address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/></interface>"
          + "<interface type='user'><address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/></interface>"),
      new Case(Placement.QEMU_DEFINE, "vcpu 0 offline", false, "<vcpu current='0'>2</vcpu><os><type>hvm</type></os>"),
      // QEMU at start (qemu_command.c, QEMU's own checks): libvirt defines them
      start("shmem size 3 MiB", "<shmem name='s'><model type='ivshmem-plain'/><size unit='M'>3</size></shmem>"),
      start("shmem size 512 KiB", "<shmem name='s'><model type='ivshmem-plain'/><size unit='K'>512</size></shmem>"),
      start("VNC port 100", "<graphics type='vnc' port='100' autoport='no'/>"),
      start("VNC port 70000", "<graphics type='vnc' port='70000' autoport='no'/>"),
      start("acpi index 20000", "<interface type='user'><acpi index='20000'/></interface>"),
      start("passthrough input without evdev", "<input type='passthrough' bus='virtio'/>"),
      start("evdev input without dev", "<input type='evdev'/>"),
      start("iommu aw_bits 300", "<iommu model='intel'><driver aw_bits='300'/></iommu>"),
      start("qemu-vdagent channel not virtio", "<channel type='qemu-vdagent'><target type='guestfwd' address='10.0.0.1' port='1'/></channel>"),
      new Case(Placement.QEMU_START, "memory device of size 0", false, MEMDEV_HEAD
          + "<memory model='dimm'><target><size unit='MiB'>0</size><node>0</node></target></memory></devices>"),
      // nowhere: rules the SDK used to apply that libvirt does not have
      new Case(Placement.NOWHERE, "currentMemory above memory (libvirt clamps it)", false,
          "<currentMemory unit='GiB'>4</currentMemory><os><type>hvm</type></os>"),
      nowhere("mtu 0", "<interface type='user'><mtu size='0'/></interface>"),
      nowhere("nic queues 0", "<interface type='user'><model type='virtio'/><driver queues='0' rx_queue_size='0'/></interface>"),
      nowhere("rng rate of 0 bytes, period 0", "<rng model='virtio'><rate bytes='0' period='0'/><backend model='random'>/dev/urandom</backend></rng>"),
      nowhere("rng rate without bytes", "<rng model='virtio'><rate period='10'/><backend model='random'>/dev/urandom</backend></rng>"),
      nowhere("video model without type", "<video><model vram='1024'/></video>"),
      nowhere("crypto queues 0", "<crypto model='virtio' type='qemu'><backend model='builtin' queues='0'/></crypto>"),
      nowhere("relative log file", "<serial type='pty'><log file='rel.log'/></serial>"),
      nowhere("log without file", "<serial type='pty'><log append='on'/></serial>"),
      nowhere("serial target port -1", "<serial type='pty'><target port='-1'/></serial>"),
      nowhere("channel state when defining", "<channel type='unix'><source mode='bind' path='/tmp/x'/><target type='virtio' name='a' state='maybe'/></channel>"));

  static final DomainCapabilities QEMU = DiskTestXml.KVM.copy(c -> c.domain("qemu"));

  /** The case as a domain of {@code type} ({@code test} or {@code qemu}), x86_64 with a machine that suits it. */
  static String domain(Case c, String type) {
    String machine = c.xml().contains("pci-root") ? "pc" : "q35";
    String osType = type.equals("qemu") ? "<type arch='x86_64' machine='" + machine + "'>hvm</type>" : "<type>hvm</type>";
    String mem = c.xml().startsWith("<maxMemory") ? "1179648" : c.name().startsWith("memory 0") ? "0" : "131072";
    String body = c.device()
        ? "<vcpu>2</vcpu><os>" + osType + "</os><devices>" + c.xml() + "</devices>"
        : c.xml().replace("<type>hvm</type>", osType);
    return "<domain type='" + type + "'><name>placement</name><memory unit='KiB'>" + mem + "</memory>" + body + "</domain>";
  }

  /** null when {@code virsh -c uri define} accepts {@code xml} (undefining it again), else its error. */
  static String virshDefine(String uri, String xml) {
    try {
      Path f = Files.createTempFile("kvmsdk-placement", ".xml");
      try {
        Files.writeString(f, xml);
        Process p = new ProcessBuilder("virsh", "-q", "-c", uri, "define", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return "virsh timed out";
        }
        if (p.exitValue() != 0) return out.strip();
        new ProcessBuilder("virsh", "-q", "-c", uri, "undefine", "placement").redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
        return null;
      } finally {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What the SDK does with the case: "build" (refused when parsed), "validateFor" (refused there), or "accepts". */
  static String sdk(Case c) {
    DomainSpec spec;
    try {
      spec = DomainSpec.fromXml(domain(c, "qemu"));
    } catch (InvalidSpecException e) {
      return "build";
    }
    return spec.problemsFor(QEMU).isEmpty() ? "accepts" : "validateFor";
  }

  static String expectedSdk(Placement p) {
    switch (p) {
      case PARSER: return "build";
      case NOWHERE: return "accepts";
      default: return "validateFor";
    }
  }

  @Test
  void theParserRulesAreLibvirtsParsersAndNothingMore() {
    Oracles.require(Files.isExecutable(Path.of("/usr/bin/virsh")), "virsh (libvirt-clients) is not installed");
    List<String> wrong = new ArrayList<>();
    for (Case c : CASES) {
      String sdk = sdk(c);
      if (!sdk.equals(expectedSdk(c.where()))) wrong.add(c.name() + ": the SDK " + sdk + ", expected " + expectedSdk(c.where()));
      String parser = virshDefine("test:///default", domain(c, "test"));
      if ((parser != null) != (c.where() == Placement.PARSER)) {
        wrong.add(c.name() + ": libvirt's parser " + (parser == null ? "accepts" : "refuses (" + parser + ")") + ", placed " + c.where());
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void theQemuDriverRefusesAtDefineWhatValidateForPlacesThere() {
    String uri = System.getenv("KVM_SDK_LIBVIRT_URI");
    Oracles.require(uri != null && !uri.isBlank(), "KVM_SDK_LIBVIRT_URI is not set: start a private libvirtd with `bash scripts/oracles.sh start`");
    Oracles.require(Files.isExecutable(Path.of("/usr/bin/virsh")), "virsh (libvirt-clients) is not installed");
    List<String> wrong = new ArrayList<>();
    for (Case c : CASES) {
      String err = virshDefine(uri, domain(c, "qemu"));
      boolean refuses = c.where() == Placement.PARSER || c.where() == Placement.QEMU_DEFINE;
      if ((err != null) != refuses) {
        wrong.add(c.name() + ": the QEMU driver " + (err == null ? "defines it" : "refuses it (" + err + ")") + ", placed " + c.where());
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** A snapshot's domain is read as libvirt reads it on a redefine: parser rules, no define-time validation. */
  @Test
  void aSnapshotsDomainIsReadWithoutDefineTimeValidationAsLibvirtDoes() throws Exception {
    Oracles.require(Files.isExecutable(Path.of("/usr/bin/virsh")), "virsh (libvirt-clients) is not installed");
    String uuid = "c7a5fdbd-edaf-9455-926a-d65c16db1809";
    String head = "<domain type='test'><name>s1</name><uuid>" + uuid + "</uuid><memory unit='KiB'>131072</memory><vcpu>2</vcpu><os><type>hvm</type></os>";
    String dupTargets = head + "<devices><disk type='file' device='disk'><source file='/a'/><target dev='vda' bus='virtio'/></disk>"
        + "<disk type='file' device='disk'><source file='/b'/><target dev='vda' bus='virtio'/></disk></devices></domain>";
    String noOsType = "<domain type='test'><name>s1</name><uuid>" + uuid + "</uuid><memory unit='KiB'>131072</memory></domain>";
    String snapshot = "<domainsnapshot><name>x</name><state>shutoff</state><creationTime>1</creationTime>%s</domainsnapshot>";
    Path dir = Files.createTempDirectory("kvmsdk-snap");
    try {
      Files.writeString(dir.resolve("dom.xml"), head + "</domain>");
      Files.writeString(dir.resolve("dup.xml"), String.format(snapshot, dupTargets));
      Files.writeString(dir.resolve("noos.xml"), String.format(snapshot, noOsType));
      assertThat(virsh("define " + dir.resolve("dom.xml") + "; snapshot-create s1 " + dir.resolve("dup.xml") + " --redefine"))
          .as("libvirt redefines a snapshot whose domain has duplicate disk targets").doesNotContain("error");
      assertThat(virsh("define " + dir.resolve("dom.xml") + "; snapshot-create s1 " + dir.resolve("noos.xml") + " --redefine"))
          .as("but not one whose domain lacks an os type").contains("an os <type> must be specified");
    } finally {
      try (var s = Files.list(dir)) {
        for (Path f : s.toList()) Files.delete(f);
      }
      Files.delete(dir);
    }
    SnapshotSpec snap = SnapshotSpec.fromXml(String.format(snapshot, dupTargets));
    assertThat(snap.domain().get().devices().disks()).hasSize(2);
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> DomainSpec.fromXml(dupTargets))).isInstanceOf(InvalidSpecException.class);
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> snap.domain().get().copy(b -> b.title("t"))))
        .as("a derived spec meets every rule").isInstanceOf(InvalidSpecException.class);
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> SnapshotSpec.fromXml(String.format(snapshot, noOsType))))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("domainsnapshot/domain/os/type"));
  }

  static String virsh(String commands) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("virsh", "-q", "-c", "test:///default", commands).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }
}
