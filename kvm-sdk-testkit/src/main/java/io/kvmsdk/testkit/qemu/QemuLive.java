package io.kvmsdk.testkit.qemu;

import io.kvmsdk.core.common.DeviceAddress;
import io.kvmsdk.core.domain.Channel;
import io.kvmsdk.core.domain.CharDevSource;
import io.kvmsdk.core.domain.CharDevTarget;
import io.kvmsdk.core.domain.Console;
import io.kvmsdk.core.domain.Controller;
import io.kvmsdk.core.domain.Cpu;
import io.kvmsdk.core.domain.CpuFeature;
import io.kvmsdk.core.domain.CpuModel;
import io.kvmsdk.core.domain.Devices;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.DiskBackingStore;
import io.kvmsdk.core.domain.DiskDriver;
import io.kvmsdk.core.domain.DiskSource;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Graphics;
import io.kvmsdk.core.domain.GraphicsListen;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.NicSource;
import io.kvmsdk.core.domain.NicTarget;
import io.kvmsdk.core.domain.SecLabel;
import io.kvmsdk.core.domain.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link QemuDefaults#live}: what a started domain shows ({@code qemuProcessStart}): the id, device
 * aliases ({@code qemuAssignDeviceAliases}), host resources (taps, ptys, sockets, display ports) from the
 * {@link QemuHost}, disk source indexes, the guest CPU as QEMU 7.2 in TCG reports it, and the DAC label.
 */
final class QemuLive {
  private final DomainSpec in;
  private final QemuDefaults.LiveContext ctx;
  private final Work w;

  QemuLive(DomainSpec in, QemuDefaults.LiveContext ctx) {
    this.in = in;
    this.ctx = ctx;
    this.w = new Work(in.devices());
  }

  DomainSpec run() {
    DomainSpec.Builder b = DomainSpec.builder().from(in);
    b.id(ctx.id);
    memory(b);
    disks();
    controllers();
    nics();
    chardevs();
    graphics();
    aliases();
    Devices.Builder d = Devices.builder().from(in.devices());
    w.writeTo(d);
    b.devices(d.build());
    if (in.seclabels().stream().noneMatch(s -> s.model().orElse("").equals("dac"))) {
      b.addSeclabel(SecLabel.builder().type("dynamic").model("dac").relabel(true).label(QemuHost.DAC_LABEL).imagelabel(QemuHost.DAC_LABEL).build());
    }
    return b.build();
  }

  /**
   * Memory aligned up to 1 MiB as QEMU needs it on x86 ({@code qemuDomainAlignMemorySizes}), NUMA cells
   * each; the balloon reports the full memory (no guest driver has inflated it yet).
   */
  private void memory(DomainSpec.Builder b) {
    long total = in.memory().map(io.kvmsdk.core.Size::kib).orElse(0L);
    Optional<io.kvmsdk.core.domain.CpuNuma> numa = in.cpu().flatMap(Cpu::numa).filter(n -> !n.cells().isEmpty());
    Optional<Cpu> cpu = in.cpu().map(QemuLive::cpu);
    if (numa.isPresent()) {
      List<io.kvmsdk.core.domain.CpuNumaCell> cells = new ArrayList<>();
      total = 0;
      for (var c : numa.get().cells()) {
        long kib = align(c.memorySize().map(io.kvmsdk.core.Size::kib).orElse(0L));
        total += kib;
        cells.add(c.copy(x -> x.memory(kib).unit("KiB")));
      }
      var n = numa.get().copy(x -> x.cells(cells));
      cpu = cpu.map(c -> c.copy(x -> x.numa(n)));
    } else {
      total = align(total);
    }
    cpu.ifPresent(b::cpu);
    b.memory(io.kvmsdk.core.Size.kib(total));
    b.currentMemory(io.kvmsdk.core.Size.kib(total));
  }

  private static long align(long kib) { return (kib + 1023) / 1024 * 1024; }

  /** QEMU's {@code qemu64} under TCG, as libvirt reads it back at start: checked in full, with the features QEMU adds. */
  private static Cpu cpu(Cpu c) {
    boolean qemu64 = c.mode().orElse("custom").equals("custom") && c.model().flatMap(CpuModel::name).orElse("").equals("qemu64");
    if (!qemu64 || !c.check().orElse("none").equals("none")) return c;
    List<CpuFeature> features = new ArrayList<>(c.features());
    for (String f : List.of("hypervisor", "lahf_lm")) {
      if (features.stream().noneMatch(x -> x.name().orElse("").equals(f))) features.add(CpuFeature.require(f));
    }
    return c.copy(x -> x.check("full").features(features));
  }

  private void disks() {
    int n = w.disks.size();
    for (int i = 0; i < n; i++) {
      Disk d = w.disks.get(i);
      int index = n - i;
      Optional<DiskSource> src = d.source().filter(QemuLive::hasMedia);
      Disk x = d;
      if (src.isPresent()) {
        DiskSource s = src.get().index().isPresent() ? src.get() : src.get().copy(y -> y.index(index));
        x = x.copy(y -> {
          y.source(s);
          if (d.backingStore().isEmpty()) y.backingStore(DiskBackingStore.builder().build());
        });
      } else if (d.driver().flatMap(DiskDriver::type).isPresent()) {
        x = x.copy(y -> y.driver(d.driver().get().copy(v -> v.type(Optional.empty()))));   // an empty drive has no format once started
      }
      if (x.alias().isEmpty()) {
        String alias = diskAlias(x);
        if (alias != null) x = x.copy(y -> y.alias(alias));
      }
      w.disks.set(i, x);
    }
  }

  private static boolean hasMedia(DiskSource s) {
    return s.file().isPresent() || s.dev().isPresent() || s.dir().isPresent() || s.protocol().isPresent()
        || s.pool().isPresent() || s.path().isPresent();
  }

  private String diskAlias(Disk d) {
    String bus = d.targetBus().orElse("");
    Optional<DeviceAddress> a = d.address().filter(x -> x.type().orElse("").equals("drive"));
    String ctrl = a.flatMap(DeviceAddress::controller).orElse("0");
    String busNo = a.flatMap(DeviceAddress::bus).orElse("0");
    String target = a.flatMap(DeviceAddress::target).orElse("0");
    String unit = a.flatMap(DeviceAddress::unit).orElse("0");
    switch (bus) {
      case "virtio": return "virtio-disk" + QemuInactive.nameIndex(d);
      case "usb": return "usb-disk" + QemuInactive.nameIndex(d);
      case "ide": case "sata": case "fdc": return bus + ctrl + "-" + busNo + "-" + unit;
      case "scsi":
        boolean lsi = w.controllers.stream().anyMatch(c -> c.type().orElse("").equals("scsi") && String.valueOf(c.index().orElse(0)).equals(ctrl)
            && c.model().orElse("").equals("lsilogic"));
        return lsi ? "scsi" + ctrl + "-" + busNo + "-" + unit : "scsi" + ctrl + "-" + busNo + "-" + target + "-" + unit;
      default: return null;
    }
  }

  private void controllers() {
    boolean q35 = w.controllers.stream().anyMatch(c -> c.type().orElse("").equals("pci") && c.model().orElse("").equals("pcie-root"));
    for (int i = 0; i < w.controllers.size(); i++) {
      Controller c = w.controllers.get(i);
      if (c.alias().isPresent()) continue;
      String type = c.type().orElse("");
      int idx = c.index().orElse(0);
      String alias;
      switch (type) {
        case "pci": alias = idx == 0 ? (c.model().orElse("").equals("pcie-root") ? "pcie.0" : "pci.0") : "pci." + idx; break;
        case "usb": alias = idx == 0 ? "usb" : "usb" + idx; break;
        case "ide": alias = idx == 0 && !q35 ? "ide" : "ide" + idx; break;
        case "sata": alias = idx == 0 && q35 ? "ide" : "sata" + idx; break;
        default: alias = type + idx; break;
      }
      w.controllers.set(i, c.copy(b -> b.alias(alias)));
    }
  }

  private void nics() {
    for (int i = 0; i < w.nics.size(); i++) {
      Nic n = w.nics.get(i);
      String type = n.type().orElse("user");
      Nic.Builder b = Nic.builder().from(n);
      boolean tap = type.equals("network") || type.equals("bridge") || type.equals("ethernet");
      if ((tap || type.equals("direct")) && n.target().flatMap(NicTarget::dev).isEmpty()) {
        String dev = ctx.host.newTap(type.equals("direct"));
        b.target(n.target().map(t -> t.copy(x -> x.dev(dev))).orElseGet(() -> NicTarget.builder().dev(dev).build()));
      }
      if (type.equals("network") && n.source().isPresent()) {
        NicSource s = n.source().get();
        NicSource.Builder sb = NicSource.builder().from(s);
        if (s.portid().isEmpty()) sb.portid(ctx.host.newUuid());
        if (s.bridge().isEmpty()) s.network().flatMap(ctx.networkBridge).ifPresent(sb::bridge);
        b.source(sb.build());
      }
      if (n.alias().isEmpty()) b.alias((type.equals("hostdev") ? "hostdev" : "net") + i);
      w.nics.set(i, b.build());
    }
  }

  /** ptys in QEMU's order (serials, parallels, channels, consoles), sockets of channels without a path, aliases. */
  private void chardevs() {
    for (int i = 0; i < w.serials.size(); i++) {
      Serial s = w.serials.get(i);
      int idx = i;
      List<CharDevSource> src = ptySources(s.type(), s.sources());
      w.serials.set(i, s.copy(b -> {
        b.sources(src);
        if (s.alias().isEmpty()) b.alias("serial" + idx);
      }));
    }
    for (int i = 0; i < w.parallels.size(); i++) {
      var p = w.parallels.get(i);
      int idx = i;
      List<CharDevSource> src = ptySources(p.type(), p.sources());
      w.parallels.set(i, io.kvmsdk.core.domain.Parallel.builder().from(p).sources(src)
          .alias(p.alias().orElse("parallel" + idx)).build());
    }
    for (int i = 0; i < w.channels.size(); i++) {
      Channel c = w.channels.get(i);
      int idx = i;
      Optional<CharDevTarget> t = c.target();
      boolean virtio = t.flatMap(CharDevTarget::type).orElse("").equals("virtio");
      List<CharDevSource> src = ptySources(c.type(), c.sources());
      if (c.type().orElse("").equals("unix") && src.stream().noneMatch(x -> x.path().isPresent()) && virtio) {
        String name = t.flatMap(CharDevTarget::name).orElse("channel" + i);
        src = List.of(CharDevSource.unixBind(QemuHost.CHANNEL_DIR + "/domain-" + ctx.id + "-" + shortName(in.name()) + "/" + name));
      }
      List<CharDevSource> sources = src;
      w.channels.set(i, c.copy(b -> {
        b.sources(sources);
        if (virtio && t.get().state().isEmpty()) b.target(t.get().copy(x -> x.state("disconnected")));
        if (c.alias().isEmpty()) b.alias("channel" + idx);
      }));
    }
    for (int i = 0; i < w.consoles.size(); i++) {
      Console c = w.consoles.get(i);
      boolean mirror = i == 0 && !w.serials.isEmpty() && c.target().flatMap(CharDevTarget::type).orElse("serial").equals("serial");
      Console x;
      if (mirror) {
        Serial s0 = w.serials.get(0);
        x = QemuInactive.mirror(s0).copy(b -> b.alias(s0.alias()));
      } else {
        int idx = i;
        List<CharDevSource> src = ptySources(c.type(), c.sources());
        x = c.copy(b -> {
          b.sources(src);
          if (c.alias().isEmpty()) b.alias("console" + idx);
        });
      }
      // libvirt writes the legacy tty attribute on the pty console at port 0 only
      if (x.type().orElse("").equals("pty") && x.target().flatMap(CharDevTarget::port).orElse(0) == 0) {
        Optional<String> tty = x.sources().stream().flatMap(s -> s.path().stream()).findFirst();
        if (tty.isPresent()) x = x.copy(b -> b.tty(tty.get()));
      }
      w.consoles.set(i, x);
    }
  }

  private List<CharDevSource> ptySources(Optional<String> type, List<CharDevSource> sources) {
    if (!type.orElse("").equals("pty") || sources.stream().anyMatch(s -> s.path().isPresent())) return sources;
    return List.of(CharDevSource.path(ctx.host.openPty()));
  }

  /** libvirt's short name of a domain in paths: the first 20 characters. */
  static String shortName(String name) { return name.length() > 20 ? name.substring(0, 20) : name; }

  private void graphics() {
    for (int i = 0; i < w.graphics.size(); i++) {
      Graphics g = w.graphics.get(i);
      String type = g.type().orElse("");
      if (!type.equals("vnc") && !type.equals("spice")) continue;
      Graphics.Builder b = Graphics.builder().from(g);
      if (g.autoport().orElse(false) && g.port().orElse(-1) <= 0) b.port(ctx.host.takeDisplayPort());
      List<GraphicsListen> listens = new ArrayList<>();
      Optional<String> first = Optional.empty();
      for (GraphicsListen l : g.listens()) {
        GraphicsListen x = l;
        if (l.type().orElse("").equals("address") && l.address().isEmpty()) x = l.copy(y -> y.address(QemuHost.DISPLAY_LISTEN));
        if (first.isEmpty() && x.type().orElse("").equals("address")) first = x.address();
        listens.add(x);
      }
      b.listens(listens);
      if (g.listen().isEmpty()) first.ifPresent(b::listen);
      w.graphics.set(i, b.build());
    }
  }

  private void aliases() {
    for (int i = 0; i < w.inputs.size(); i++) {
      int idx = i;
      if (w.inputs.get(i).alias().isEmpty()) w.inputs.set(i, w.inputs.get(i).copy(b -> b.alias("input" + idx)));
    }
    for (int i = 0; i < w.hubs.size(); i++) {
      int idx = i;
      if (w.hubs.get(i).alias().isEmpty()) w.hubs.set(i, w.hubs.get(i).copy(b -> b.alias("hub" + idx)));
    }
    for (int i = 0; i < w.videos.size(); i++) {
      int idx = i;
      if (w.videos.get(i).alias().isEmpty()) w.videos.set(i, w.videos.get(i).copy(b -> b.alias("video" + idx)));
    }
    for (int i = 0; i < w.sounds.size(); i++) {
      int idx = i;
      if (w.sounds.get(i).alias().isEmpty()) w.sounds.set(i, w.sounds.get(i).copy(b -> b.alias("sound" + idx)));
    }
    for (int i = 0; i < w.balloons.size(); i++) {
      var m = w.balloons.get(i);
      if (m.alias().isEmpty() && !m.model().orElse("virtio").equals("none")) w.balloons.set(i, m.copy(b -> b.alias("balloon0")));
    }
    for (int i = 0; i < w.watchdogs.size(); i++) {
      int idx = i;
      var x = w.watchdogs.get(i);
      if (x.alias().isEmpty()) w.watchdogs.set(i, io.kvmsdk.core.domain.Watchdog.builder().from(x).alias("watchdog" + idx).build());
    }
    for (int i = 0; i < w.rngs.size(); i++) {
      int idx = i;
      var x = w.rngs.get(i);
      if (x.alias().isEmpty()) w.rngs.set(i, io.kvmsdk.core.domain.Rng.builder().from(x).alias("rng" + idx).build());
    }
    for (int i = 0; i < w.filesystems.size(); i++) {
      int idx = i;
      var x = w.filesystems.get(i);
      if (x.alias().isEmpty()) w.filesystems.set(i, io.kvmsdk.core.domain.Filesystem.builder().from(x).alias("fs" + idx).build());
    }
    for (int i = 0; i < w.hostdevs.size(); i++) {
      int idx = i;
      var x = w.hostdevs.get(i);
      if (x.alias().isEmpty()) w.hostdevs.set(i, io.kvmsdk.core.domain.Hostdev.builder().from(x).alias("hostdev" + idx).build());
    }
    for (int i = 0; i < w.shmems.size(); i++) {
      int idx = i;
      var x = w.shmems.get(i);
      if (x.alias().isEmpty()) w.shmems.set(i, io.kvmsdk.core.domain.Shmem.builder().from(x).alias("shmem" + idx).build());
    }
    for (int i = 0; i < w.redirdevs.size(); i++) {
      int idx = i;
      var x = w.redirdevs.get(i);
      if (x.alias().isEmpty()) w.redirdevs.set(i, io.kvmsdk.core.domain.Redirdev.builder().from(x).alias("redir" + idx).build());
    }
  }
}
