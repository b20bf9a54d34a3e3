package io.kvmsdk.testkit.qemu;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.common.DeviceAddress;
import io.kvmsdk.core.domain.Audio;
import io.kvmsdk.core.domain.Channel;
import io.kvmsdk.core.domain.CharDevTarget;
import io.kvmsdk.core.domain.Clock;
import io.kvmsdk.core.domain.Console;
import io.kvmsdk.core.domain.Controller;
import io.kvmsdk.core.domain.Cpu;
import io.kvmsdk.core.domain.CpuModel;
import io.kvmsdk.core.domain.CpuNuma;
import io.kvmsdk.core.domain.CpuNumaCell;
import io.kvmsdk.core.domain.Devices;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.DiskDriver;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Graphics;
import io.kvmsdk.core.domain.GraphicsListen;
import io.kvmsdk.core.domain.Input;
import io.kvmsdk.core.domain.MemBalloon;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.NicMac;
import io.kvmsdk.core.domain.Os;
import io.kvmsdk.core.domain.OsType;
import io.kvmsdk.core.domain.Serial;
import io.kvmsdk.core.domain.Vcpu;
import io.kvmsdk.core.domain.Video;
import io.kvmsdk.core.domain.VideoModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link QemuDefaults#inactive}: libvirt 9.0's parse order, post-parse defaults (domain_conf.c,
 * qemu_domain.c) and address assignment ({@code qemuDomainAssignAddresses}, qemu_domain_address.c) for
 * QEMU 7.2 on x86_64, over mutable copies of the device lists.
 */
final class QemuInactive {
  static final String EMULATOR = "/usr/bin/qemu-system-x86_64";
  static final String MACHINE_PC = "pc-i440fx-7.2";
  static final String MACHINE_Q35 = "pc-q35-7.2";

  private final DomainSpec in;
  private final QemuHost host;
  final Work w;
  private boolean q35;

  QemuInactive(DomainSpec in, QemuHost host) {
    this.in = in;
    this.host = host;
    this.w = new Work(in.devices());
  }

  DomainSpec run() {
    DomainSpec.Builder b = DomainSpec.builder().from(in);
    if (in.uuid().isEmpty()) b.uuid(host.newUuid());
    Os os = os();
    b.os(os);
    memory(b);
    b.vcpu(in.vcpu().map(v -> v.placement().isPresent() ? v : v.copy(x -> x.placement("static")))
        .orElseGet(() -> Vcpu.builder().placement("static").count(1).build()));
    b.cpu(cpu(in.cpu()));
    if (in.clock().isEmpty()) b.clock(Clock.utc());
    if (in.onPoweroff().isEmpty()) b.onPoweroff("destroy");
    if (in.onReboot().isEmpty()) b.onReboot("restart");
    if (in.onCrash().isEmpty()) b.onCrash("destroy");

    // post-parse, in libvirt's order
    disks();
    sortControllers();
    controllerModels();
    defaultDevices();
    nics();
    chardevs();
    inputs();
    graphicsAndVideo();
    implicitControllers();
    // addresses (qemuDomainAssignAddresses)
    virtioSerialAddresses();
    new PciAssignment(w, q35).run();
    new UsbAssignment(w).run();

    Devices.Builder d = Devices.builder().from(in.devices());
    d.emulator(in.devices().emulator().orElse(EMULATOR));
    w.writeTo(d);
    b.devices(d.build());
    return b.build();
  }

  // ------------------------------------------------------------------ domain

  private Os os() {
    Os os = in.os().orElseGet(() -> Os.builder().type(OsType.hvm()).build());
    OsType t = os.type().orElseGet(OsType::hvm);
    String machine = t.machine().orElse("pc");
    if (machine.equals("pc")) machine = MACHINE_PC;
    if (machine.equals("q35")) machine = MACHINE_Q35;
    q35 = machine.startsWith("pc-q35");
    String m = machine;
    OsType type = t.copy(x -> x.arch(t.arch().orElse("x86_64")).machine(m).value(t.value().orElse("hvm")));
    boolean deviceBoot = in.devices().disks().stream().anyMatch(x -> x.boot().isPresent())
        || in.devices().interfaces().stream().anyMatch(x -> x.boot().isPresent())
        || in.devices().hostdevs().stream().anyMatch(x -> x.boot().isPresent())
        || in.devices().redirdevs().stream().anyMatch(x -> x.boot().isPresent())
        || in.devices().filesystems().stream().anyMatch(x -> x.boot().isPresent());
    boolean bootHd = os.boots().isEmpty() && !deviceBoot && os.loader().isEmpty() && os.firmware().isEmpty();
    return os.copy(x -> {
      x.type(type);
      if (bootHd) x.addBoot("hd");
    });
  }

  /** Memory in KiB; with NUMA cells, the sum of the cells; the current allocation at most the memory. */
  private void memory(DomainSpec.Builder b) {
    long numaTotal = 0;
    for (CpuNumaCell c : in.cpu().flatMap(Cpu::numa).map(CpuNuma::cells).orElse(List.of())) numaTotal += c.memorySize().map(Size::kib).orElse(0L);
    long total = numaTotal > 0 ? numaTotal : in.memory().map(Size::kib).orElse(0L);
    b.memory(Size.kib(total));
    long current = in.currentMemory().map(Size::kib).filter(c -> c > 0 && c <= total).orElse(total);
    b.currentMemory(Size.kib(current));
  }

  private Cpu cpu(Optional<Cpu> given) {
    Cpu c = given.orElseGet(() -> Cpu.builder().build());
    if (c.numa().isPresent()) {
      List<CpuNumaCell> cells = new ArrayList<>();
      for (CpuNumaCell cell : c.numa().get().cells()) {
        long kib = cell.memorySize().map(Size::kib).orElse(0L);
        cells.add(cell.copy(x -> x.memory(kib).unit("KiB")));
      }
      CpuNuma numa = c.numa().get().copy(n -> n.cells(cells));
      c = c.copy(x -> x.numa(numa));
    }
    if (c.topology().isPresent() && c.topology().get().dies().isEmpty()) {
      var topo = c.topology().get();
      c = c.copy(x -> x.topology(topo.copy(t -> t.dies(1))));
    }
    Cpu base = c;
    boolean custom = c.mode().orElse("custom").equals("custom");
    if (custom && c.model().flatMap(CpuModel::name).isEmpty()) {
      return c.copy(x -> x.mode("custom").match(base.match().orElse("exact")).check(base.check().orElse("none"))
          .model(CpuModel.builder().fallback("forbid").name("qemu64").build()));
    }
    return c;
  }

  // ------------------------------------------------------------------ devices

  /** Disks: libvirt's insertion order (by bus and name), bus from the name, driver and format, drive addresses. */
  private void disks() {
    List<Disk> sorted = new ArrayList<>();
    for (Disk d : w.disks) {
      Disk x = withBus(d);
      int insertAt = -1;
      for (int i = sorted.size() - 1; i >= 0; i--) {
        Disk cur = sorted.get(i);
        if (!cur.targetBus().equals(x.targetBus())) continue;
        if (nameIndex(cur) > nameIndex(x)) insertAt = i;
        else if (insertAt == -1) insertAt = i + 1;
      }
      if (insertAt == -1) sorted.add(x);
      else sorted.add(insertAt, x);
    }
    w.disks.clear();
    for (Disk d : sorted) w.disks.add(diskDefaults(d));
  }

  private static Disk withBus(Disk d) {
    if (d.targetBus().isPresent()) return d;
    String dev = d.targetDev().orElse("");
    String bus;
    if (d.device().orElse("disk").equals("floppy")) bus = "fdc";
    else if (dev.startsWith("hd")) bus = "ide";
    else if (dev.startsWith("sd")) bus = "scsi";
    else if (dev.startsWith("vd")) bus = "virtio";
    else if (dev.startsWith("xvd")) bus = "xen";
    else if (dev.startsWith("ubd")) bus = "uml";
    else bus = "ide";
    return d.withTarget(t -> t.bus(bus));
  }

  /** libvirt's {@code virDiskNameToIndex}: {@code vda} 0, {@code sdb} 1, {@code hdaa} 26. */
  static int nameIndex(Disk d) {
    String dev = d.targetDev().orElse("");
    for (String p : new String[] {"xvd", "ubd", "fd", "hd", "vd", "sd"}) {
      if (dev.startsWith(p)) {
        dev = dev.substring(p.length());
        break;
      }
    }
    int idx = 0;
    for (int i = 0; i < dev.length() && dev.charAt(i) >= 'a' && dev.charAt(i) <= 'z'; i++) {
      idx = i == 0 ? dev.charAt(i) - 'a' : (idx + 1) * 26 + (dev.charAt(i) - 'a');
    }
    return idx;
  }

  private Disk diskDefaults(Disk d) {
    String type = d.type().orElse("file");
    Disk x = d;
    if (x.type().isEmpty()) x = x.copy(b -> b.type("file"));
    if (x.device().isEmpty()) x = x.copy(b -> b.device("disk"));
    // libvirt's parser: a CD-ROM is always read-only (virDomainDiskDefParseXML)
    if (x.device().get().equals("cdrom") && !x.isReadonly()) x = x.copy(b -> b.isReadonly(true));
    DiskDriver drv = x.driver().orElseGet(() -> DiskDriver.builder().build());
    if (drv.name().isEmpty()) drv = drv.copy(b -> b.name("qemu"));
    if (drv.type().isEmpty() && !type.equals("volume")) drv = drv.copy(b -> b.type("raw"));
    DiskDriver driver = drv;
    x = x.copy(b -> b.driver(driver));
    if (x.address().isEmpty()) {
      int idx = nameIndex(x);
      String bus = x.targetBus().orElse("");
      DeviceAddress a = null;
      switch (bus) {
        case "scsi": a = DeviceAddress.drive(idx / 7, 0, 0, idx % 7); break;
        case "ide": a = DeviceAddress.drive(idx / 4, (idx % 4) / 2, 0, idx % 2); break;
        case "sata": a = DeviceAddress.drive(idx / 6, 0, 0, idx % 6); break;
        case "fdc": a = DeviceAddress.drive(idx / 2, 0, 0, idx % 2); break;
        default: break;
      }
      if (a != null) {
        DeviceAddress addr = a;
        x = x.copy(b -> b.address(addr));
      }
    }
    return x;
  }

  /** User controllers in libvirt's insertion order: grouped by type, by index within a type. */
  private void sortControllers() {
    List<Controller> sorted = new ArrayList<>();
    for (Controller c : w.controllers) {
      int insertAt = -1;
      for (int i = sorted.size() - 1; i >= 0; i--) {
        Controller cur = sorted.get(i);
        if (!cur.type().equals(c.type())) continue;
        if (c.index().isEmpty()) {
          insertAt = i + 1;
          break;
        }
        if (cur.index().orElse(-1) > c.index().get()) insertAt = i;
        else if (c.masterStartport().isEmpty() && cur.masterStartport().isPresent() && cur.index().equals(c.index())) insertAt = i;
        else if (insertAt == -1) insertAt = i + 1;
      }
      if (insertAt == -1) sorted.add(c);
      else sorted.add(insertAt, c);
    }
    // controllers without an index get the next free one of their type
    for (int i = 0; i < sorted.size(); i++) {
      Controller c = sorted.get(i);
      if (c.index().isPresent()) continue;
      int next = 0;
      for (Controller o : sorted) if (o.type().equals(c.type()) && o.index().isPresent()) next = Math.max(next, o.index().get() + 1);
      int idx = next;
      sorted.set(i, c.copy(b -> b.index(idx)));
    }
    w.controllers.clear();
    w.controllers.addAll(sorted);
  }

  private String defaultUsbModel() { return q35 ? "qemu-xhci" : "piix3-uhci"; }

  private void controllerModels() {
    for (int i = 0; i < w.controllers.size(); i++) {
      Controller c = w.controllers.get(i);
      String type = c.type().orElse("");
      if (c.model().isPresent()) continue;
      String model = null;
      if (type.equals("usb")) model = defaultUsbModel();
      else if (type.equals("scsi")) model = "lsilogic";
      else if (type.equals("pci") && c.index().orElse(0) == 0) model = q35 ? "pcie-root" : "pci-root";
      if (model != null) {
        String m = model;
        w.controllers.set(i, c.copy(b -> b.model(m)));
      }
    }
  }

  /** {@code qemuDomainDefAddDefaultDevices}: USB, SATA on q35, the PCI root, the memballoon; then the PS/2 inputs come later. */
  private void defaultDevices() {
    if (w.controllers.stream().noneMatch(c -> c.type().orElse("").equals("usb"))) {
      w.controllers.add(Controller.usb(defaultUsbModel()));
    }
    if (q35 && w.controllers.stream().noneMatch(c -> c.type().orElse("").equals("sata") && c.index().orElse(0) == 0)) {
      w.controllers.add(Controller.sata(0));
    }
    if (w.controllers.stream().noneMatch(c -> c.type().orElse("").equals("pci") && c.index().orElse(0) == 0)) {
      w.controllers.add(Controller.pci(q35 ? "pcie-root" : "pci-root"));
    }
    if (w.balloons.isEmpty()) w.balloons.add(MemBalloon.virtio());
  }

  private void nics() {
    for (int i = 0; i < w.nics.size(); i++) {
      Nic n = w.nics.get(i);
      Nic x = n;
      if (x.mac().flatMap(NicMac::address).isEmpty()) {
        String mac = host.newMac();
        x = x.copy(b -> b.mac(NicMac.of(mac)));
      }
      String type = x.type().orElse("user");
      if (x.model().isEmpty() && !type.equals("hostdev")) x = x.copy(b -> b.model(type.equals("vhostuser") ? "virtio" : "rtl8139"));
      w.nics.set(i, x);
    }
  }

  /** Serial ports, the console compatibility rules of {@code virDomainDefAddConsoleCompat}, channels. */
  private void chardevs() {
    int maxPort = -1;
    for (Serial s : w.serials) maxPort = Math.max(maxPort, s.target().flatMap(CharDevTarget::port).orElse(-1));
    for (int i = 0; i < w.serials.size(); i++) {
      Serial s = w.serials.get(i);
      CharDevTarget t = s.target().orElseGet(() -> CharDevTarget.builder().build());
      String tt = t.type().orElse("isa-serial");
      int port;
      if (t.port().isPresent()) {
        port = t.port().get();
      } else {
        port = ++maxPort;
      }
      String model = t.model().orElse(serialModel(tt));
      CharDevTarget nt = t.copy(x -> {
        x.type(tt).port(port);
        if (model != null) x.model(model);
      });
      w.serials.set(i, s.copy(x -> x.target(nt)));
    }
    // libvirt's parser numbers the consoles by their position, whatever port they name
    for (int i = 0; i < w.consoles.size(); i++) {
      Console c = w.consoles.get(i);
      int port = i;
      CharDevTarget t = c.target().orElseGet(() -> CharDevTarget.builder().build());
      w.consoles.set(i, c.copy(x -> x.target(t.copy(y -> y.port(port)))));
    }
    int parallelPort = -1;
    for (var p : w.parallels) parallelPort = Math.max(parallelPort, p.target().flatMap(CharDevTarget::port).orElse(-1));
    for (int i = 0; i < w.parallels.size(); i++) {
      var p = w.parallels.get(i);
      if (p.target().flatMap(CharDevTarget::port).isPresent()) continue;
      int port = ++parallelPort;
      CharDevTarget t = p.target().orElseGet(() -> CharDevTarget.builder().build());
      w.parallels.set(i, io.kvmsdk.core.domain.Parallel.builder().from(p).target(t.copy(x -> x.port(port))).build());
    }
    boolean firstIsSerial = !w.consoles.isEmpty()
        && w.consoles.get(0).target().flatMap(CharDevTarget::type).map(t -> t.equals("serial")).orElse(true);
    if (firstIsSerial) {
      Console c0 = w.consoles.get(0);
      if (w.serials.isEmpty()) {
        CharDevTarget t = CharDevTarget.builder().type("isa-serial").port(c0.target().flatMap(CharDevTarget::port).orElse(0))
            .model("isa-serial").build();
        w.serials.add(Serial.builder().type(c0.type().orElse("pty")).sources(c0.sources()).protocol(c0.protocol())
            .log(c0.log()).target(t).build());
      }
      w.consoles.set(0, mirror(w.serials.get(0)));
    } else if (!w.serials.isEmpty() && w.serials.get(0).target().flatMap(CharDevTarget::type).orElse("").equals("isa-serial")) {
      w.consoles.add(0, mirror(w.serials.get(0)));
    }
  }

  private static String serialModel(String targetType) {
    switch (targetType) {
      case "isa-serial": return "isa-serial";
      case "usb-serial": return "usb-serial";
      case "pci-serial": return "pci-serial";
      default: return null;
    }
  }

  /** Console 0 of an HVM guest: libvirt writes it as a copy of serial port 0. */
  static Console mirror(Serial s) {
    int port = s.target().flatMap(CharDevTarget::port).orElse(0);
    return Console.builder().type(s.type()).sources(s.sources()).protocol(s.protocol()).log(s.log())
        .target(CharDevTarget.builder().type("serial").port(port).build()).build();
  }

  private void inputs() {
    for (int i = 0; i < w.inputs.size(); i++) {
      Input x = w.inputs.get(i);
      if (x.bus().isPresent()) continue;
      String bus = x.type().orElse("").equals("tablet") ? "usb" : "ps2";
      w.inputs.set(i, x.copy(b -> b.bus(bus)));
    }
    if (w.inputs.stream().noneMatch(x -> x.type().orElse("").equals("mouse") && x.bus().orElse("").equals("ps2"))) {
      w.inputs.add(Input.of("mouse", "ps2"));
    }
    if (w.inputs.stream().noneMatch(x -> x.type().orElse("").equals("keyboard") && x.bus().orElse("").equals("ps2"))) {
      w.inputs.add(Input.of("keyboard", "ps2"));
    }
  }

  private void graphicsAndVideo() {
    boolean spice = false;
    for (int i = 0; i < w.graphics.size(); i++) {
      Graphics g = w.graphics.get(i);
      String type = g.type().orElse("");
      spice |= type.equals("spice");
      w.graphics.set(i, graphicsDefaults(g));
    }
    if (w.audios.isEmpty()) w.audios.add(Audio.of(1, spice ? "spice" : "none"));
    if (!w.graphics.isEmpty() && w.videos.isEmpty()) w.videos.add(Video.of("cirrus"));
    for (int i = 0; i < w.videos.size(); i++) {
      Video v = w.videos.get(i);
      VideoModel m = v.model().orElseGet(() -> VideoModel.of("cirrus"));
      String type = m.type().orElse("cirrus");
      VideoModel.Builder mb = VideoModel.builder().from(m).type(type);
      switch (type) {
        case "cirrus": case "vga": case "bochs": case "vmvga":
          if (m.vram().isEmpty()) mb.vram(16384);
          break;
        case "qxl":
          if (m.ram().isEmpty()) mb.ram(65536);
          if (m.vram().isEmpty()) mb.vram(65536);
          if (m.vgamem().isEmpty()) mb.vgamem(16384);
          break;
        default:
          break;
      }
      if (!type.equals("none")) {
        if (m.heads().isEmpty()) mb.heads(1);
        if (i == 0 && m.primary().isEmpty()) mb.primary(true);
      }
      VideoModel model = mb.build();
      w.videos.set(i, v.copy(b -> b.model(model)));
    }
  }

  private static Graphics graphicsDefaults(Graphics g) {
    String type = g.type().orElse("");
    if (!type.equals("vnc") && !type.equals("spice")) return g;
    Graphics.Builder b = Graphics.builder().from(g);
    boolean autoport = g.autoport().orElse(false);
    if (type.equals("vnc")) {
      if (g.port().isEmpty() || g.port().get() == -1 || autoport) {
        b.port(-1).autoport(true);
        autoport = true;
      } else if (g.autoport().isEmpty()) {
        b.autoport(false);
      }
    }
    List<GraphicsListen> listens = new ArrayList<>(g.listens());
    if (listens.isEmpty()) {
      if (g.listen().isPresent()) {
        listens.add(GraphicsListen.address(g.listen().get()));
      } else if (type.equals("spice") && !autoport && g.port().orElse(0) <= 0 && g.tlsPort().orElse(0) <= 0) {
        listens.add(GraphicsListen.builder().type("none").build());
      } else {
        listens.add(GraphicsListen.builder().type("address").build());
      }
    }
    b.listens(listens);
    return b.build();
  }

  /** Disk controllers the drive addresses name, then virtio-serial for virtio channels and consoles. */
  private void implicitControllers() {
    for (String[] kind : new String[][] {{"scsi", "scsi"}, {"fdc", "fdc"}, {"ide", "ide"}, {"sata", "sata"}}) {
      int max = -1;
      for (Disk d : w.disks) {
        if (!d.targetBus().orElse("").equals(kind[1])) continue;
        DeviceAddress a = d.address().orElse(null);
        if (a == null || !a.type().orElse("").equals("drive")) continue;
        max = Math.max(max, Integer.parseInt(a.controller().orElse("0")));
      }
      for (int idx = 0; idx <= max; idx++) {
        int i = idx;
        if (w.controllers.stream().noneMatch(c -> c.type().orElse("").equals(kind[0]) && c.index().orElse(0) == i)) {
          w.controllers.add(Controller.of(kind[0], idx, kind[0].equals("scsi") ? "lsilogic" : null));
        }
      }
    }
    boolean virtioSerial = w.channels.stream().anyMatch(c -> c.target().flatMap(CharDevTarget::type).orElse("").equals("virtio"))
        || w.consoles.stream().anyMatch(c -> c.target().flatMap(CharDevTarget::type).orElse("").equals("virtio"));
    if (virtioSerial && w.controllers.stream().noneMatch(c -> c.type().orElse("").equals("virtio-serial"))) {
      w.controllers.add(Controller.virtioSerial(0));
    }
  }

  /** Channel ports on virtio-serial controller 0, bus 0, from port 1 ({@code qemuDomainAssignVirtioSerialAddresses}). */
  private void virtioSerialAddresses() {
    java.util.Set<String> used = new java.util.HashSet<>();
    for (Channel c : w.channels) {
      c.address().filter(a -> a.type().orElse("").equals("virtio-serial") && a.port().isPresent())
          .ifPresent(a -> used.add(a.controller().orElse("0") + "/" + a.bus().orElse("0") + "/" + a.port().get()));
    }
    for (int i = 0; i < w.channels.size(); i++) {
      Channel c = w.channels.get(i);
      if (!c.target().flatMap(CharDevTarget::type).orElse("").equals("virtio")) continue;
      if (c.address().flatMap(DeviceAddress::port).isPresent()) continue;
      int port = 1;
      while (used.contains("0/0/" + port)) port++;
      used.add("0/0/" + port);
      String p = Integer.toString(port);
      DeviceAddress a = DeviceAddress.builder().type("virtio-serial").controller("0").bus("0").port(p).build();
      w.channels.set(i, c.copy(b -> b.address(a)));
    }
  }

}
