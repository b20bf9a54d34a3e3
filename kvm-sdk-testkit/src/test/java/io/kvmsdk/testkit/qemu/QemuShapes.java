package io.kvmsdk.testkit.qemu;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.common.DeviceAddress;
import io.kvmsdk.core.domain.Channel;
import io.kvmsdk.core.domain.CharDevTarget;
import io.kvmsdk.core.domain.Clock;
import io.kvmsdk.core.domain.Console;
import io.kvmsdk.core.domain.Controller;
import io.kvmsdk.core.domain.Cpu;
import io.kvmsdk.core.domain.CpuNuma;
import io.kvmsdk.core.domain.CpuNumaCell;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Features;
import io.kvmsdk.core.domain.Graphics;
import io.kvmsdk.core.domain.GuestAgent;
import io.kvmsdk.core.domain.Input;
import io.kvmsdk.core.domain.MemBalloon;
import io.kvmsdk.core.domain.MemoryBacking;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.Os;
import io.kvmsdk.core.domain.OsType;
import io.kvmsdk.core.domain.Serial;
import io.kvmsdk.core.domain.Vcpu;
import io.kvmsdk.core.domain.Video;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The definitions {@link QemuDefaults} is checked on, written as a user's test writes them (the SDK's
 * factories), each defined on a real libvirtd 9.0 + QEMU 7.2 (TCG) by {@code QemuDefaultsOracleTest}
 * and kept as golden files under {@code qemu-golden/}.
 */
final class QemuShapes {
  private QemuShapes() {}

  /** Where the shapes' images live (fixed, so the recorded XML is the same on every machine). */
  static final String DIR = "/tmp/kvm-sdk-qemu-golden";
  /** The libvirt network the NIC shapes use (isolated, no IP: no dnsmasq). */
  static final String NETWORK = "kvmsdk-golden";
  static final String NETWORK_BRIDGE = "kvgold0";
  /** A Linux bridge in the daemon's network namespace. */
  static final String BRIDGE = "kvgoldbr0";
  /** One end of a veth pair in the daemon's network namespace, for macvtap ({@code direct}) interfaces. */
  static final String VETH = "kvgoldveth0";

  /** One definition: {@code startable} when a TCG guest with it starts on the test machine (else inactive only). */
  record Shape(String name, DomainSpec spec, boolean startable) {
    @Override public String toString() { return name; }
  }

  static String img(String name) { return DIR + "/" + name; }

  static DomainSpec.Builder base(String name, String machine) {
    return DomainSpec.builder().type("qemu").name("qd-" + name).memory(Size.mib(64)).vcpus(1).os(Os.builder().type(OsType.hvm("x86_64", machine)).build());
  }

  static List<Shape> all() {
    List<Shape> out = new ArrayList<>();
    add(out, "minimal-pc", base("minimal-pc", "pc"));
    add(out, "minimal-q35", base("minimal-q35", "q35"));
    add(out, "minimal-bare", DomainSpec.builder().type("qemu").name("qd-minimal-bare").memory(Size.mib(64)).vcpus(1)
        .os(Os.builder().type(OsType.hvm()).build()));

    add(out, "disks-pc", base("disks-pc", "pc")
        .addDisk(Disk.file(img("a.img")).virtio())
        .addDisk(Disk.file(img("b.img")).sata())
        .addDisk(Disk.file(img("c.img")).scsi())
        .addDisk(Disk.file(img("d.img")).bus("ide"))
        .addDisk(Disk.file(img("e.img")).bus("usb"))
        .addDisk(Disk.cdrom(img("cd.iso")).bus("ide")));
    add(out, "disks-q35", base("disks-q35", "q35")
        .addController(Controller.scsi(0, "virtio-scsi"))
        .addDisk(Disk.file(img("a.img")).raw().virtio().bootOrder(1))
        .addDisk(Disk.file(img("b.qcow2")).qcow2().scsi())
        .addDisk(Disk.file(img("c.img")).sata())
        .addDisk(Disk.file(img("e.img")).bus("usb"))
        .addDisk(Disk.cdrom(img("cd.iso")).sata())
        .addDisk(Disk.cdrom().sata()));
    add(out, "disks-many-virtio-q35", with(base("disks-many-virtio-q35", "q35"), b -> {
      for (char c = 'a'; c <= 'f'; c++) b.addDisk(Disk.file(img(c + ".img")).virtio());
    }));
    add(out, "disks-scsi-lsi-q35", base("disks-scsi-lsi-q35", "q35")
        .addDisk(Disk.file(img("a.img")).scsi())
        .addDisk(Disk.file(img("b.img")).target("sdh", "scsi")));
    add(out, "floppy-pc", base("floppy-pc", "pc")
        .addDisk(Disk.floppy(img("fd.img")).bus("fdc"))
        .addDisk(Disk.file(img("a.img")).target("hdc", "ide")));

    add(out, "nics-pc", base("nics-pc", "pc")
        .addInterface(Nic.network(NETWORK).virtio())
        .addInterface(Nic.bridge(BRIDGE).model("e1000"))
        .addInterface(Nic.user().model("rtl8139"))
        .addInterface(Nic.ethernet(null))
        .addInterface(Nic.network(NETWORK)));
    add(out, "nics-q35", base("nics-q35", "q35")
        .addInterface(Nic.network(NETWORK).model("e1000e"))
        .addInterface(Nic.bridge(BRIDGE).virtio())
        .addInterface(Nic.user())
        .addInterface(Nic.ethernet(null).virtio().mac("52:54:00:aa:bb:cc"))
        .addInterface(Nic.user().model("e1000")));

    add(out, "chardev-pc", base("chardev-pc", "pc")
        .addSerial(Serial.pty())
        .addSerial(Serial.unix(img("serial1.sock")))
        .addConsole(Console.virtio())
        .addChannel(Channel.builder().type("pty").target(CharDevTarget.virtio("org.example.pty")).build())
        .addChannel(GuestAgent.channel())
        .addChannel(Channel.unix(img("ch.sock"), "org.example.unix")));
    add(out, "chardev-q35", base("chardev-q35", "q35")
        .addSerial(Serial.file(img("serial0.log")))
        .addSerial(Serial.pty())
        .addConsole(Console.serial())
        .addChannel(GuestAgent.channel()));
    add(out, "console-only-pc", base("console-only-pc", "pc").addConsole(Console.pty()));

    add(out, "vnc-pc", base("vnc-pc", "pc").addGraphics(Graphics.vnc()).devices(d -> d.addInput(Input.tablet())));
    add(out, "vnc-q35", base("vnc-q35", "q35").addGraphics(Graphics.vnc().listenAddress("0.0.0.0")).addVideo(Video.virtio()));
    add(out, "vnc-fixed-port-pc", base("vnc-fixed-port-pc", "pc").addGraphics(Graphics.vnc().fixedPort(5977)).addVideo(Video.of("vga")));
    add(out, "spice-pc", base("spice-pc", "pc").addGraphics(Graphics.builder().type("spice").build())
        .addVideo(Video.of("qxl")).addVideo(Video.of("qxl")).addChannel(Channel.spicevmc()));
    out.add(new Shape("spice-autoport-q35", base("spice-autoport-q35", "q35").addGraphics(Graphics.spice()).addVideo(Video.of("bochs"))
        .addVideo(Video.virtio()).build(), false));   // SPICE cannot listen in the test daemon's namespace
    add(out, "video-none-q35", base("video-none-q35", "q35").addGraphics(Graphics.vnc()).addVideo(Video.of("none")));
    add(out, "video-ramfb-q35", base("video-ramfb-q35", "q35").addVideo(Video.of("ramfb")));
    add(out, "video-bochs-qxl-pc", base("video-bochs-qxl-pc", "pc").addVideo(Video.of("bochs")).addVideo(Video.of("qxl")));

    add(out, "usb-inputs-pc", base("usb-inputs-pc", "pc").devices(d -> d.addInput(Input.tablet())
        .addInput(Input.of("keyboard", "usb")).addInput(Input.of("mouse", "usb"))));
    add(out, "usb-xhci-pc", base("usb-xhci-pc", "pc").addController(Controller.usb("qemu-xhci"))
        .devices(d -> d.addInput(Input.tablet()).addInput(Input.of("keyboard", "usb")))
        .addDisk(Disk.file(img("a.img")).bus("usb")));
    add(out, "usb-none-q35", base("usb-none-q35", "q35").addController(Controller.usb("none"))
        .devices(d -> d.addMemballoon(MemBalloon.none())));

    add(out, "numa-q35", base("numa-q35", "q35").memory(Size.mib(128)).vcpus(2)
        .cpu(Cpu.builder().numa(CpuNuma.of(CpuNumaCell.of(0, "0", Size.mib(64)), CpuNumaCell.of(1, "1", Size.mib(64)))).build()));
    out.add(new Shape("hugepages-pc", base("hugepages-pc", "pc").memoryBacking(MemoryBacking.ofHugepages()).build(), false));  // no hugetlbfs here

    add(out, "crowded-pc", with(base("crowded-pc", "pc"), b -> {
      for (int i = 0; i < 32; i++) b.addInterface(Nic.user().virtio());
      b.addVideo(Video.of("cirrus"));
    }));
    add(out, "crowded-q35", with(base("crowded-q35", "q35"), b -> {
      for (int i = 0; i < 6; i++) b.addInterface(Nic.user().virtio());
      for (int i = 0; i < 3; i++) b.addInterface(Nic.user().model("e1000"));
      b.addDisk(Disk.file(img("a.img")).virtio()).addDisk(Disk.file(img("b.img")).virtio());
      b.addController(Controller.scsi(0, "lsilogic")).addDisk(Disk.file(img("c.img")).scsi());
      b.addGraphics(Graphics.vnc()).addVideo(Video.of("qxl"));
      b.addChannel(GuestAgent.channel());
      b.devices(d -> d.addInput(Input.tablet()));
    }));
    add(out, "explicit-pci-q35", base("explicit-pci-q35", "q35")
        .addController(Controller.pci(0, "pcie-root"))
        .addController(Controller.pci(1, "pcie-root-port"))
        .addController(Controller.pci(2, "pcie-root-port"))
        .addInterface(Nic.user().virtio().copy(n -> n.address(DeviceAddress.pci(0, 2, 0, 0))))
        .addDisk(Disk.file(img("a.img")).virtio()));
    add(out, "tuned-pc", base("tuned-pc", "pc").memory(Size.gib(1)).currentMemory(Size.mib(512))
        .vcpu(Vcpu.of(2, 1)).features(Features.acpiApic()).clock(Clock.localtime())
        .onCrash("restart").onPoweroff("restart")
        .os(Os.hvm("x86_64", "pc").withBootOrder("cdrom", "hd"))
        .devices(d -> d.addMemballoon(MemBalloon.virtio().withStatsPeriod(10))));
    add(out, "kernel-boot-pc", base("kernel-boot-pc", "pc")
        .os(Os.directKernel(img("vmlinuz"), null, "console=ttyS0").copy(o -> o.type(OsType.hvm("x86_64", "pc"))))
        .addSerial(Serial.pty()));

    add(out, "ide-full-pc", with(base("ide-full-pc", "pc"), b -> {
      for (String dev : List.of("hdd", "hda", "hdc", "hdb")) b.addDisk(Disk.cdrom(img("cd.iso")).target(dev, "ide"));
    }));
    add(out, "sata-two-controllers-q35", with(base("sata-two-controllers-q35", "q35"), b -> {
      for (int i = 0; i < 7; i++) b.addDisk(Disk.cdrom(img("cd.iso")).sata());
    }));
    add(out, "scsi-two-controllers-pc", with(base("scsi-two-controllers-pc", "pc"), b -> {
      b.addController(Controller.scsi(0, "virtio-scsi"));
      for (int i = 0; i < 8; i++) b.addDisk(Disk.file(img("a.img")).readonly().scsi());
    }));
    add(out, "usb-hub-q35", base("usb-hub-q35", "q35").devices(d -> d.addInput(Input.tablet()).addInput(Input.of("keyboard", "usb"))
        .addInput(Input.of("mouse", "usb")).addInput(Input.tablet()).addInput(Input.of("keyboard", "usb"))));
    add(out, "virtio-serial-explicit-q35", base("virtio-serial-explicit-q35", "q35")
        .addController(Controller.builder().type("virtio-serial").index(0).ports(4).build())
        .addChannel(GuestAgent.channel())
        .addChannel(Channel.unix(img("ch1.sock"), "org.example.one").copy(c -> c.address(DeviceAddress.builder().type("virtio-serial")
            .controller("0").bus("0").port("3").build())))
        .addChannel(Channel.unix(img("ch2.sock"), "org.example.two")));
    add(out, "explicit-slots-pc", base("explicit-slots-pc", "pc")
        .addInterface(Nic.user().virtio().copy(n -> n.address(DeviceAddress.pci(0, 0, 0x0a, 0))))
        .addInterface(Nic.user().virtio())
        .addDisk(Disk.file(img("a.img")).virtio().copy(d -> d.address(DeviceAddress.pci(0, 0, 3, 0))))
        .addDisk(Disk.file(img("b.img")).virtio()));
    add(out, "pci-bridge-pc", base("pci-bridge-pc", "pc")
        .addController(Controller.pci(1, "pci-bridge"))
        .addInterface(Nic.user().model("e1000").copy(n -> n.address(DeviceAddress.pci(0, 1, 1, 0))))
        .addInterface(Nic.user().model("e1000")));
    add(out, "misc-pci-pc", base("misc-pci-pc", "pc")
        .devices(d -> d.addSound(io.kvmsdk.core.domain.Sound.of("ac97"))
            .addWatchdog(io.kvmsdk.core.domain.Watchdog.of("i6300esb", "reset"))
            .addRng(io.kvmsdk.core.domain.Rng.random("/dev/urandom"))
            .addInput(Input.of("keyboard", "virtio")))
        .addFilesystem(io.kvmsdk.core.domain.Filesystem.mount(DIR, "share")));
    add(out, "misc-pci-q35", base("misc-pci-q35", "q35")
        .devices(d -> d.addSound(io.kvmsdk.core.domain.Sound.of("ich9"))
            .addWatchdog(io.kvmsdk.core.domain.Watchdog.of("i6300esb", "poweroff"))
            .addRng(io.kvmsdk.core.domain.Rng.random("/dev/urandom"))
            .addInput(Input.of("mouse", "virtio"))
            .addPanic(io.kvmsdk.core.domain.Panic.of("isa")))
        .addFilesystem(io.kvmsdk.core.domain.Filesystem.mount(DIR, "share")));
    add(out, "parallel-pc", base("parallel-pc", "pc").devices(d -> d.addParallel(io.kvmsdk.core.domain.Parallel.pty()))
        .addSerial(Serial.pty()).addSerial(Serial.pty()).addConsole(Console.pty()).addConsole(Console.virtio()));
    add(out, "cpu-topology-pc", base("cpu-topology-pc", "pc").vcpus(4).cpu(Cpu.builder()
        .topology(io.kvmsdk.core.domain.CpuTopology.of(1, 2, 2)).build()));
    add(out, "no-memballoon-pc", base("no-memballoon-pc", "pc").devices(d -> d.addMemballoon(MemBalloon.none()))
        .memory(Size.mib(96)).currentMemory(Size.mib(80)));

    // what virt-install writes for a modern Linux guest (with VNC: SPICE cannot listen here)
    add(out, "virt-install-q35", base("virt-install-q35", "q35").vcpus(2).features(Features.acpiApic())
        .clock(Clock.utc().withTimer(io.kvmsdk.core.domain.ClockTimer.of("rtc", "catchup"))
            .withTimer(io.kvmsdk.core.domain.ClockTimer.of("pit", "delay")).withTimer(io.kvmsdk.core.domain.ClockTimer.present("hpet", false)))
        .pm(io.kvmsdk.core.domain.Pm.of(false, false))
        .addController(Controller.builder().type("usb").index(0).model("qemu-xhci").ports(15).build())
        .addDisk(Disk.file(img("b.qcow2")).qcow2().virtio())
        .addDisk(Disk.cdrom(img("cd.iso")).sata())
        .addInterface(Nic.network(NETWORK).virtio())
        .addSerial(Serial.pty()).addConsole(Console.pty())
        .addChannel(GuestAgent.channel())
        .devices(d -> d.addInput(Input.tablet()).addRng(io.kvmsdk.core.domain.Rng.random("/dev/urandom")))
        .addGraphics(Graphics.vnc()).addVideo(Video.virtio()));
    add(out, "usb2-companions-pc", base("usb2-companions-pc", "pc")
        .addController(Controller.builder().type("usb").index(0).model("ich9-ehci1").build())
        .addController(Controller.builder().type("usb").index(0).model("ich9-uhci1").masterStartport(0).build())
        .addController(Controller.builder().type("usb").index(0).model("ich9-uhci2").masterStartport(2).build())
        .addController(Controller.builder().type("usb").index(0).model("ich9-uhci3").masterStartport(4).build())
        .devices(d -> d.addInput(Input.tablet())));
    add(out, "nic-direct-pc", base("nic-direct-pc", "pc").addInterface(Nic.direct(VETH, "bridge").virtio())
        .addInterface(Nic.direct(VETH, "vepa")));
    out.add(new Shape("network-disk-pc", base("network-disk-pc", "pc")
        .addDisk(Disk.nbd("export", io.kvmsdk.core.common.SourceHost.of("192.0.2.1", 10809)).virtio())
        .addDisk(Disk.block("/dev/kvmsdk-none").target("sda", "sata")).build(), false));   // no NBD server, no block device here
    out.add(new Shape("volume-disk-pc", base("volume-disk-pc", "pc")
        .addDisk(Disk.volume("nopool", "novol").virtio()).build(), false));   // no such pool
    add(out, "memory-units-pc", base("memory-units-pc", "pc").memory(Size.of(100, "MB")).currentMemory(Size.of(50000, "KiB")));
    return out;
  }

  static DomainSpec.Builder with(DomainSpec.Builder b, Consumer<DomainSpec.Builder> change) {
    change.accept(b);
    return b;
  }

  private static void add(List<Shape> out, String name, DomainSpec.Builder b) {
    out.add(new Shape(name, b.build(), true));
  }
}
