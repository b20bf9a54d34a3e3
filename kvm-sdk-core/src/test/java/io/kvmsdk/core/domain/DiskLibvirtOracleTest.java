package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
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
 * Real libvirt (QEMU driver) as the oracle for the storage and passthrough devices: what the
 * factories build, libvirt defines; what the specs reject, libvirt rejects too. Needs a libvirtd
 * URI in {@code KVM_SDK_LIBVIRT_URI} (written by scripts/oracles.sh start) or
 * {@code -Dkvmsdk.libvirtUri=...}; skipped otherwise (failed in CI).
 */
class DiskLibvirtOracleTest {
  static final String NAME = "kvmsdk-storagedev-oracle";

  static String uri() {
    String u = System.getProperty("kvmsdk.libvirtUri", System.getenv("KVM_SDK_LIBVIRT_URI"));
    Oracles.require(u != null && !u.isBlank(), "no libvirtd URI (set KVM_SDK_LIBVIRT_URI: bash scripts/oracles.sh start)");
    Oracles.require(Files.isExecutable(Path.of("/usr/bin/virsh")), "virsh is not installed");
    return u;
  }

  record Result(int rc, String out) {}

  static Result virsh(String uri, String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("virsh", "-c", uri));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("virsh timed out: " + argv);
    }
    return new Result(p.exitValue(), out);
  }

  static String domainXml(String devices) {
    return "<domain type='qemu'><name>" + NAME + "</name><memory unit='KiB'>131072</memory>"
        + "<os><type arch='x86_64' machine='q35'>hvm</type></os><devices>" + devices + "</devices></domain>";
  }

  static Result define(String uri, String xml) throws IOException, InterruptedException {
    Path f = Files.createTempFile("kvmsdk-storagedev", ".xml");
    try {
      Files.writeString(f, xml);
      Result r = virsh(uri, "define", f.toString());
      if (r.rc() == 0) virsh(uri, "undefine", NAME);
      return r;
    } finally {
      Files.deleteIfExists(f);
    }
  }

  @Test
  void libvirtDefinesWhatTheFactoriesBuildAndItsOutputParsesFullyTyped() throws Exception {
    String uri = uri();
    Devices devs = Devices.builder()
        .addDisk(Disk.file("/var/lib/libvirt/images/a.qcow2").qcow2().virtio().target("vda").bootOrder(1))
        .addDisk(Disk.block("/dev/sdb").raw().scsi().target("sda"))
        .addDisk(Disk.cdrom("/iso/x.iso").target("sdb", "sata"))
        .addDisk(Disk.rbd("pool/image", Auth.ceph("admin", "ceph-client"), SourceHost.of("mon1", 6789)).raw().virtio().target("vdb"))
        .addDisk(Disk.iscsi("iqn.2013-07.com.example:iscsi-pool/1", SourceHost.of("192.0.2.10", 3260), Auth.chap("u", "libvirtiscsi")).raw().virtio().target("vdc"))
        .addDisk(Disk.nbd(null, SourceHost.unix("/run/nbd.sock")).raw().virtio().target("vdd"))
        .addDisk(Disk.volume("default", "v1").virtio().target("vde"))
        .addDisk(Disk.dir("/srv/fat").virtio().target("vdf"))
        .addController(Controller.pci("pcie-root"))
        .addController(Controller.pci(1, "pcie-root-port"))
        .addController(Controller.usb("qemu-xhci"))
        .addController(Controller.scsi(0, "virtio-scsi"))
        .addController(Controller.virtioSerial(0))
        .addFilesystem(Filesystem.mount("/srv/9p", "ninep"))
        .addHostdev(Hostdev.pci("0000:03:00.1").bootOrder(2))
        .addHostdev(Hostdev.usb("0x1234", "0xbeef"))
        .addRedirfilter(Redirfilter.builder().addUsbdev(RedirfilterUsbdev.denyAll()).build())
        .addLease(Lease.of("somearea", "key", "/some/lease/path", 1024))
        .build();
    DomainSpec spec = DomainSpec.fromXml(domainXml("")).copy(b -> b.devices(devs));
    Path f = Files.createTempFile("kvmsdk-storagedev", ".xml");
    try {
      Files.writeString(f, spec.toXml());
      Result r = virsh(uri, "define", f.toString());
      assertThat(r.rc()).as(r.out()).isZero();
      Result dump = virsh(uri, "dumpxml", "--inactive", NAME);
      assertThat(dump.rc()).as(dump.out()).isZero();
      DomainSpec back = DomainSpec.fromXml(dump.out());
      assertThat(back.unmodeledPaths()).noneMatch(p -> p.matches("domain/devices/(disk|controller|filesystem|hostdev|redirfilter|lease)/.*"));
      assertThat(back.devices().disks()).extracting(Disk::targetDev).extracting(o -> o.orElse(""))
          .contains("vda", "sda", "sdb", "vdb", "vdc", "vdd", "vde");
    } finally {
      virsh(uri, "undefine", NAME);
      Files.deleteIfExists(f);
    }
  }

  /** Device XML the specs reject (at build, or in validateFor for the QEMU driver's rules); libvirt's QEMU driver must reject each one as well. */
  static final List<String> REJECTED = List.of(
      "<disk type='file' device='floppy'><source file='/f.img'/><target dev='fda' bus='ide'/></disk>",
      "<disk type='file' device='disk'><source file='/f.img'/><target dev='fda' bus='fdc'/></disk>",
      "<disk type='file' device='disk'><source file='/f.img'/><target dev='vda' bus='virtio'/><boot order='0'/></disk>",
      "<disk type='file' device='disk'><source file='/f.img'/><target dev='vda' bus='virtio'/><iotune><total_bytes_sec>10</total_bytes_sec><read_bytes_sec>5</read_bytes_sec></iotune></disk>",
      "<disk type='network' device='disk'><source name='p/i'/><target dev='vda' bus='virtio'/></disk>",
      "<disk type='network' device='disk'><source protocol='rbd'><host name='m'/></source><target dev='vda' bus='virtio'/></disk>",
      "<disk type='file' device='lun'><source file='/f.img'/><target dev='sda' bus='scsi'/></disk>",
      "<disk type='file' device='disk'><source file='/f.img'/><target dev='VDA' bus='virtio'/></disk>",
      "<disk type='file' device='disk'><source file='/f.img'/><target dev='vda1' bus='virtio'/></disk>",
      "<disk type='file' device='disk'><source file='/f.img'/><target dev='vda' bus='virtio' tray='open'/></disk>",
      "<disk type='file' device='disk'><source file='/f.img'/><target dev='vda' bus='virtio'/><wwn>5000c50015ea71ad</wwn></disk>",
      "<disk type='file' device='disk'><source file='/f.img'/><target dev='sda' bus='sata'/><vendor>ACME</vendor></disk>",
      "<disk type='block' device='disk' rawio='yes'><source dev='/dev/sdb'/><target dev='sda' bus='scsi'/></disk>",
      "<disk type='file' device='disk'><source file='/f.img' startupPolicy='requisite'/><target dev='vda' bus='virtio'/></disk>",
      "<disk type='block' device='lun'><source dev='/dev/sdb'/><target dev='sda' bus='sata'/></disk>",
      "<disk type='network' device='disk'><source protocol='nbd'><host transport='unix'/></source><target dev='vda' bus='virtio'/></disk>",
      "<disk type='network' device='disk'><source protocol='rbd' name='p/i'><host name='m' port='70000'/></source><target dev='vda' bus='virtio'/></disk>",
      "<controller type='pci' index='0' model='pcie-root'/><controller type='pci' index='1' model='pcie-root-port'><target chassis='1' port='0x100'/></controller>",
      "<controller type='pci' index='0' model='pcie-root'/><controller type='pci' index='1' model='pcie-expander-bus'><target busNr='255'/></controller>",
      "<redirfilter><usbdev vendor='0x1234'/></redirfilter>",
      "<redirfilter><usbdev class='0x100' allow='yes'/></redirfilter>",
      "<controller type='ccid' index='0'/><smartcard mode='host-certificates'><certificate>a</certificate></smartcard>",
      "<hostdev mode='subsystem' type='storage'><source><block>/dev/sdb</block></source></hostdev>",
      "<hostdev mode='subsystem' type='mdev'><source><address uuid='c2177883-f1bb-47f0-914d-32a22e3a8804'/></source></hostdev>",
      "<lease><lockspace>a</lockspace><target path='/p'/></lease>",
      "<filesystem type='mount' accessmode='open'><source dir='/a'/><target dir='t'/></filesystem>",
      "<redirdev bus='pci' type='spicevmc'/>",
      "<hub type='pci'/>",
      "<controller type='usb' model='qemu-xhci'/><redirdev bus='usb' type='tcp'/>",
      "<controller type='ccid' index='0'/><smartcard mode='passthrough'/>",
      "<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x06' slot='0x12' function='0x5'/></source><rom enabled='no' file='/x'/></hostdev>",
      "<filesystem type='ram' accessmode='passthrough'><source/><target dir='t'/></filesystem>",
      "<disk type='file' device='disk'><source file='/a'/><target dev='vda' bus='virtio'/><iotune><group_name>g</group_name></iotune></disk>",
      "<controller type='pci' index='0' model='pcie-root'/><controller type='pci' index='1' model='pcie-root'/>",
      "<controller type='usb' index='0' model='qemu-xhci' ports='99'/>",
      "<controller type='scsi' index='0' model='lsilogic'><driver queues='4'/></controller>",
      "<hostdev mode='subsystem' type='usb' managed='yes'><source><vendor id='0x1234'/></source></hostdev>",
      "<hostdev mode='subsystem' type='scsi'><source><address bus='0' target='0' unit='0'/></source></hostdev>",
      "<filesystem type='mount' accessmode='passthrough'><source dir='/a'/></filesystem>",
      "<filesystem type='mount' accessmode='passthrough'><target dir='t'/></filesystem>",
      "<filesystem type='mount' accessmode='mapped'><driver type='virtiofs'/><source dir='/a'/><target dir='t'/></filesystem>",
      "<disk type='file' device='cdrom'><source file='/a.iso'/><target dev='vda' bus='virtio'/><readonly/></disk>",
      "<disk type='file' device='disk'><driver name='qemu' iothread='1'/><source file='/a'/><target dev='sda' bus='sata'/></disk>",
      "<disk type='file' device='disk'><driver name='qemu' queues='2'/><source file='/a'/><target dev='sda' bus='sata'/></disk>",
      "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/a'/><target dev='vda' bus='virtio'/><readonly/><transient/></disk>",
      "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/a'/><target dev='vda' bus='virtio'/><shareable/></disk>",
      "<disk type='file' device='disk'><source file='/a'/><target dev='sda' bus='scsi' removable='on'/></disk>",
      "<disk type='file' device='disk'><source file='/a'/><target dev='vda' bus='virtio' rotation_rate='1'/></disk>",
      "<disk type='file' device='disk' model='virtio'><source file='/a'/><target dev='sda' bus='sata'/></disk>",
      "<disk type='file' device='disk'><source file='/a'/><target dev='vda' bus='virtio'/><serial>a:b</serial></disk>",
      "<disk type='file' device='disk'><source file='/a'/><target dev='sda' bus='sata'/><readonly/></disk>",
      "<disk type='dir' device='disk'><source dir='/tmp'/><target dev='vda' bus='virtio'/><readonly/></disk>",
      "<disk type='dir' device='disk'><driver name='qemu' type='fat'/><source dir='/tmp'/><target dev='vda' bus='virtio'/></disk>");

  @Test
  void whatTheSpecsRejectLibvirtRejectsToo() throws Exception {
    String uri = uri();
    for (String devices : REJECTED) {
      String xml = domainXml(devices);
      boolean refused;
      try {
        refused = !DomainSpec.fromXml(xml).problemsFor(DiskTestXml.KVM.copy(c -> c.domain("qemu"))).isEmpty(); // the QEMU driver's rules
      } catch (InvalidSpecException e) {
        refused = true;                                                          // libvirt's parser's rules
      }
      assertThat(refused).as("the SDK accepts " + devices).isTrue();
      Result r = define(uri, xml);
      assertThat(r.rc()).as("libvirt accepted " + devices).isNotZero();
    }
  }
}
