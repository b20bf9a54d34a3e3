package io.kvmsdk.testkit.qemu;

import static io.kvmsdk.testkit.qemu.PciAddressSet.AUTOASSIGN;
import static io.kvmsdk.testkit.qemu.PciAddressSet.INTEGRATED;
import static io.kvmsdk.testkit.qemu.PciAddressSet.PCIE_DEVICE;
import static io.kvmsdk.testkit.qemu.PciAddressSet.PCI_DEVICE;

import io.kvmsdk.core.common.DeviceAddress;
import io.kvmsdk.core.domain.CharDevTarget;
import io.kvmsdk.core.domain.Controller;
import io.kvmsdk.core.domain.ControllerTarget;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.Filesystem;
import io.kvmsdk.core.domain.FilesystemDriver;
import io.kvmsdk.core.domain.Hostdev;
import io.kvmsdk.core.domain.Input;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.Video;
import io.kvmsdk.core.domain.VideoModel;
import io.kvmsdk.testkit.qemu.PciAddressSet.Addr;
import io.kvmsdk.testkit.qemu.PciAddressSet.Bus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * {@code qemuDomainAssignPCIAddresses}: a dry run that finds how many buses the devices need and adds
 * the controllers for them, then the real assignment on the grown topology, the multifunction flags,
 * and the PCI controllers' model names, chassis and ports.
 */
final class PciAssignment {
  private final Work w;
  private final boolean q35;
  private final int pcieFlags;
  private final int pciFlags = PCI_DEVICE | AUTOASSIGN;

  PciAssignment(Work w, boolean q35) {
    this.w = w;
    this.q35 = q35;
    this.pcieFlags = (q35 ? PCIE_DEVICE : PCI_DEVICE) | AUTOASSIGN;
  }

  /** One device's place in the work lists, its connect flags and its address. */
  final class Dev {
    final List<Object> list;
    final int index;
    final Function<Object, Optional<DeviceAddress>> get;
    final BiFunction<Object, DeviceAddress, Object> set;
    final int flags;

    @SuppressWarnings("unchecked")
    <T> Dev(List<T> list, int index, Function<T, Optional<DeviceAddress>> get, BiFunction<T, DeviceAddress, T> set, int flags) {
      this.list = (List<Object>) list;
      this.index = index;
      this.get = (Function<Object, Optional<DeviceAddress>>) get;
      this.set = (BiFunction<Object, DeviceAddress, Object>) set;
      this.flags = flags;
    }

    Optional<DeviceAddress> address() { return get.apply(list.get(index)); }

    void address(DeviceAddress a) { list.set(index, set.apply(list.get(index), a)); }

    boolean present() { return address().map(PciAssignment::isPresent).orElse(false); }

    boolean wanted() {
      Optional<DeviceAddress> a = address();
      return a.isEmpty() || (a.get().type().orElse("").equals("pci") && !isPresent(a.get()));
    }
  }

  static boolean isPresent(DeviceAddress a) {
    if (!a.type().orElse("").equals("pci")) return false;
    return num(a.domain()) != 0 || num(a.bus()) != 0 || num(a.slot()) != 0 || num(a.function()) != 0;
  }

  static int num(Optional<String> s) {
    if (s.isEmpty()) return 0;
    String t = s.get().trim();
    return t.startsWith("0x") || t.startsWith("0X") ? Integer.parseInt(t, 2, t.length(), 16) : Integer.parseInt(t);
  }

  static Addr addr(DeviceAddress a) { return new Addr(num(a.bus()), num(a.slot()), num(a.function())); }

  static DeviceAddress pci(Addr a) { return DeviceAddress.pci(0, a.bus(), a.slot(), a.function()); }

  // ------------------------------------------------------------------ connect flags (qemuDomainDeviceCalculatePCIConnectFlags)

  int controllerFlags(Controller c) {
    String model = c.model().orElse("");
    switch (c.type().orElse("")) {
      case "pci": return PciAddressSet.controllerConnectType(model);
      case "sata": case "ide": return pciFlags;
      case "usb":
        if (model.equals("none") || model.equals("qusb1") || model.equals("qusb2")) return 0;
        return model.equals("nec-xhci") || model.equals("qemu-xhci") ? pcieFlags : pciFlags;
      case "scsi":
        if (model.isEmpty() || model.equals("ncr53c90")) return 0;
        if (model.equals("virtio-scsi") || model.equals("virtio-non-transitional")) return pcieFlags;
        return pciFlags;
      case "virtio-serial":
        return model.equals("virtio-transitional") ? pciFlags : pcieFlags;
      default: return 0;
    }
  }

  int virtio(Optional<String> model) {
    return model.filter(m -> m.equals("virtio-transitional")).isPresent() ? pciFlags : pcieFlags;
  }

  int nicFlags(Nic n) {
    if (n.type().orElse("").equals("hostdev")) return 0;
    String m = n.model().orElse("");
    switch (m) {
      case "usb-net": return 0;
      case "virtio": case "virtio-non-transitional": return pcieFlags;
      case "virtio-transitional": return pciFlags;
      case "e1000e": case "igb": case "": return pcieFlags;
      default: return pciFlags;
    }
  }

  int videoFlags(Video v) {
    switch (v.model().flatMap(VideoModel::type).orElse("")) {
      case "virtio": return pcieFlags;
      case "vga": case "cirrus": case "vmvga": case "xen": case "vbox": case "qxl": case "parallels": return pciFlags;
      case "bochs": return pcieFlags;
      default: return 0;
    }
  }

  int fsFlags(Filesystem f) {
    String driver = f.driver().flatMap(FilesystemDriver::type).orElse("");
    if (driver.equals("loop") || driver.equals("nbd") || driver.equals("ploop")) return 0;
    return virtio(f.model());
  }

  int hostdevFlags(Hostdev h) {
    String t = h.type().orElse("");
    if (!h.mode().orElse("subsystem").equals("subsystem")) return 0;
    if (t.equals("scsi_host")) return virtio(h.model());
    if (t.equals("pci") || t.equals("mdev")) return pcieFlags;
    return 0;
  }

  // ------------------------------------------------------------------ the device list, in virDomainDeviceInfoIterate order

  private <T> void add(List<Dev> out, List<T> list, Function<T, Optional<DeviceAddress>> get, BiFunction<T, DeviceAddress, T> set,
      ToIntFunction<T> flags) {
    for (int i = 0; i < list.size(); i++) out.add(new Dev(list, i, get, set, flags.applyAsInt(list.get(i))));
  }

  List<Dev> controllers() {
    List<Dev> out = new ArrayList<>();
    add(out, w.controllers, Controller::address, (c, a) -> c.copy(b -> b.address(a)), this::controllerFlags);
    return out;
  }

  List<Dev> all() {
    List<Dev> out = new ArrayList<>();
    add(out, w.disks, Disk::address, (d, a) -> d.copy(b -> b.address(a)),
        d -> d.targetBus().orElse("").equals("virtio") ? virtio(d.model()) : 0);
    add(out, w.nics, Nic::address, (n, a) -> n.copy(b -> b.address(a)), this::nicFlags);
    add(out, w.sounds, s -> s.address(), (s, a) -> s.copy(b -> b.address(a)),
        s -> List.of("es1370", "ac97", "ich6", "ich9").contains(s.model().orElse("")) ? pciFlags : 0);
    add(out, w.hostdevs, Hostdev::address, (h, a) -> Hostdev.builder().from(h).address(a).build(), this::hostdevFlags);
    add(out, w.videos, Video::address, (v, a) -> v.copy(b -> b.address(a)), this::videoFlags);
    out.addAll(controllers());
    add(out, w.serials, s -> s.address(), (s, a) -> s.copy(b -> b.address(a)),
        s -> s.target().flatMap(CharDevTarget::type).orElse("").equals("pci-serial") ? pciFlags : 0);
    add(out, w.inputs, Input::address, (x, a) -> x.copy(b -> b.address(a)),
        x -> x.bus().orElse("").equals("virtio") ? virtio(x.model()) : 0);
    add(out, w.filesystems, Filesystem::address, (f, a) -> Filesystem.builder().from(f).address(a).build(), this::fsFlags);
    add(out, w.watchdogs, x -> x.address(), (x, a) -> io.kvmsdk.core.domain.Watchdog.builder().from(x).address(a).build(),
        x -> x.model().orElse("").equals("i6300esb") ? pciFlags : 0);
    add(out, w.balloons, x -> x.address(), (x, a) -> x.copy(b -> b.address(a)),
        x -> x.model().orElse("virtio").equals("virtio-transitional") ? pciFlags
            : List.of("virtio", "virtio-non-transitional").contains(x.model().orElse("virtio")) ? pcieFlags : 0);
    add(out, w.rngs, x -> x.address(), (x, a) -> io.kvmsdk.core.domain.Rng.builder().from(x).address(a).build(), x -> virtio(x.model()));
    add(out, w.shmems, x -> x.address(), (x, a) -> io.kvmsdk.core.domain.Shmem.builder().from(x).address(a).build(), x -> pciFlags);
    add(out, w.panics, x -> x.address(), (x, a) -> io.kvmsdk.core.domain.Panic.builder().from(x).address(a).build(),
        x -> x.model().orElse("").equals("pvpanic") ? pciFlags | INTEGRATED : 0);
    add(out, w.memories, x -> x.address(), (x, a) -> io.kvmsdk.core.domain.MemoryDevice.builder().from(x).address(a).build(),
        x -> List.of("virtio-pmem", "virtio-mem").contains(x.model().orElse("")) ? pcieFlags : 0);
    add(out, w.iommus, x -> x.address(), (x, a) -> io.kvmsdk.core.domain.Iommu.builder().from(x).address(a).build(),
        x -> x.model().orElse("").equals("virtio") ? pcieFlags | INTEGRATED : 0);
    add(out, w.vsocks, x -> x.address(), (x, a) -> io.kvmsdk.core.domain.Vsock.builder().from(x).address(a).build(),
        x -> x.model().isEmpty() ? 0 : virtio(x.model()));
    add(out, w.cryptos, x -> x.address(), (x, a) -> io.kvmsdk.core.domain.Crypto.builder().from(x).address(a).build(), x -> pciFlags);
    return out;
  }

  // ------------------------------------------------------------------ the passes

  private boolean isPci(Controller c) { return c.type().orElse("").equals("pci"); }

  private boolean hasPcieRoot() { return w.controllers.stream().anyMatch(c -> isPci(c) && c.model().orElse("").equals("pcie-root")); }

  private boolean hasPciRoot() { return w.controllers.stream().anyMatch(c -> isPci(c) && c.model().orElse("").equals("pci-root")); }

  void run() {
    int maxIdx = -1;
    for (Controller c : w.controllers) if (isPci(c)) maxIdx = Math.max(maxIdx, c.index().orElse(0));
    int nbuses = maxIdx + 1;
    if (nbuses > 0) {
      PciAddressSet set = create(nbuses, true);
      validateChipset(set);
      if (hasPciRoot() && !set.buses.stream().allMatch(Bus::isFullyReserved)) set.reserveNext(PCI_DEVICE | AUTOASSIGN, -1);
      assignSlots(set);
      if (maxIdx <= 0 && set.buses.size() > maxIdx + 1 && hasPcieRoot()) set.reserveNext(PCIE_DEVICE | AUTOASSIGN, -1);
      for (int i = 1; i < set.buses.size(); i++) {
        int idx = i;
        if (w.controllers.stream().anyMatch(c -> isPci(c) && c.index().orElse(0) == idx)) continue;
        String model = set.buses.get(i).model;
        w.controllers.add(Controller.pci(i, model));
        if (!model.equals("pci-root") && !model.equals("pcie-root")) set.reserveNext(PciAddressSet.controllerConnectType(model), -1);
      }
      nbuses = set.buses.size();
    }
    PciAddressSet set = create(nbuses, false);
    validateChipset(set);
    assignSlots(set);
    setAllMulti();
    canonicalAddresses();
    controllerDefaults();
  }

  /** PCI addresses the configuration gave, as libvirt's formatter prints every one: {@code domain='0x0000' bus='0x00' slot='0x05' function='0x0'}. */
  private void canonicalAddresses() {
    for (Dev d : all()) {
      if (!d.present()) continue;
      DeviceAddress a = d.address().get();
      DeviceAddress p = pci(addr(a));
      if (a.domain().equals(p.domain()) && a.bus().equals(p.bus()) && a.slot().equals(p.slot()) && a.function().equals(p.function())) continue;
      d.address(DeviceAddress.builder().from(a).domain(p.domain()).bus(p.bus()).slot(p.slot()).function(p.function()).build());
    }
  }

  private PciAddressSet create(int nbuses, boolean dryRun) {
    PciAddressSet set = new PciAddressSet(nbuses, dryRun);
    boolean pcieRoot = false;
    for (Controller c : w.controllers) {
      if (!isPci(c)) continue;
      boolean hotplug = c.target().flatMap(ControllerTarget::hotplug).orElse(true);
      PciAddressSet.setModel(set.buses.get(c.index().orElse(0)), c.model().orElse("pci-root"), hotplug);
      pcieRoot |= c.model().orElse("").equals("pcie-root");
    }
    if (nbuses > 0 && set.buses.get(0).model == null) PciAddressSet.setModel(set.buses.get(0), "pci-root", true);
    String defaultModel = pcieRoot ? "pcie-root-port" : "pci-bridge";
    for (int i = 1; i < nbuses; i++) if (set.buses.get(i).model == null) PciAddressSet.setModel(set.buses.get(i), defaultModel, true);
    for (Dev d : all()) {
      if (!d.present()) continue;
      Addr a = addr(d.address().get());
      int domain = num(d.address().get().domain());
      if (domain != 0) {
        String hex = Integer.toHexString(domain);
        throw QemuDefaults.Refused.xml("Invalid PCI address " + "0000".substring(Math.min(4, hex.length())) + hex + a.toString().substring(4)
            + ". Only PCI domain 0 is available");
      }
      Object o = d.list.get(d.index);
      if (o instanceof Controller c && a.bus() == 0 && a.slot() == 1) {
        String type = c.type().orElse("");
        String model = c.model().orElse("");
        boolean piixIde = type.equals("ide") && c.index().orElse(0) == 0 && a.function() == 1;
        boolean piixUsb = type.equals("usb") && c.index().orElse(0) == 0 && (model.equals("piix3-uhci") || model.isEmpty()) && a.function() == 2;
        if (piixIde || piixUsb) continue;
      }
      set.reserveFromConfig(a, d.flags == 0 ? PCI_DEVICE : d.flags);
    }
    return set;
  }

  private void validateChipset(PciAddressSet set) {
    int flags = q35 ? PCIE_DEVICE : AUTOASSIGN | PCI_DEVICE;
    List<Dev> ctrls = controllers();
    if (!q35) {
      for (Dev d : ctrls) {
        Controller c = (Controller) d.list.get(d.index);
        String type = c.type().orElse("");
        String model = c.model().orElse("");
        Addr fixed;
        if (type.equals("ide") && c.index().orElse(0) == 0) fixed = new Addr(0, 1, 1);
        else if (type.equals("usb") && c.index().orElse(0) == 0 && (model.equals("piix3-uhci") || model.isEmpty())) fixed = new Addr(0, 1, 2);
        else continue;
        if (!d.present()) d.address(pci(fixed));
        if (!set.buses.isEmpty()) set.reserveFromConfig(fixed, flags);
      }
      if (!set.buses.isEmpty()) {
        set.reserveFromConfig(new Addr(0, 1, 0), flags);
        set.reserveFromConfig(new Addr(0, 1, 3), flags);
      }
      primaryVideo(set, 2, flags);
    } else {
      for (Dev d : ctrls) {
        Controller c = (Controller) d.list.get(d.index);
        String type = c.type().orElse("");
        if (type.equals("sata") && c.index().orElse(0) == 0 && !d.present()) d.address(pci(new Addr(0, 0x1f, 2)));
        if (type.equals("pci") && c.model().orElse("").equals("dmi-to-pci-bridge") && d.address().isEmpty()) {
          Addr a = new Addr(0, 0x1e, 0);
          if (!set.slotInUse(a)) {
            set.reserveFromConfig(a, flags);
            d.address(pci(a));
          }
        }
      }
      if (!set.buses.isEmpty()) {
        set.reserveFromConfig(new Addr(0, 0x1f, 0), flags);
        set.reserveFromConfig(new Addr(0, 0x1f, 3), flags);
      }
      primaryVideo(set, 1, flags);
      Addr audio = new Addr(0, 0x1b, 0);
      if (!set.slotInUse(audio)) {
        for (int i = 0; i < w.sounds.size(); i++) {
          if (!w.sounds.get(i).model().orElse("").equals("ich9") || w.sounds.get(i).address().isPresent()) continue;
          set.reserveFromConfig(audio, flags);
          int idx = i;
          w.sounds.set(idx, w.sounds.get(idx).copy(b -> b.address(pci(audio))));
          break;
        }
      }
    }
  }

  private void primaryVideo(PciAddressSet set, int slot, int flags) {
    if (w.videos.isEmpty()) return;
    String type = w.videos.get(0).model().flatMap(VideoModel::type).orElse("");
    if (type.equals("none") || type.equals("ramfb")) return;
    List<Dev> videos = new ArrayList<>();
    add(videos, w.videos, Video::address, (v, a) -> v.copy(b -> b.address(a)), this::videoFlags);
    Dev primary = videos.get(0);
    if (!primary.wanted()) return;
    Addr a = new Addr(0, slot, 0);
    if (set.slotInUse(a)) {
      reserveNext(set, primary);
    } else {
      set.reserveFromConfig(a, flags);
      primary.address(pci(a));
    }
  }

  private void reserveNext(PciAddressSet set, Dev d) {
    if (d.flags == 0) return;
    Addr a = set.reserveNext(d.flags, -1);
    if (!set.dryRun) d.address(pci(a));
  }

  /** {@code qemuDomainAssignDevicePCISlots}: the order devices get their slots in. */
  private void assignSlots(PciAddressSet set) {
    List<Dev> all = all();
    for (Dev d : all) {
      if (d.list != (Object) w.controllers) continue;
      Controller c = (Controller) d.list.get(d.index);
      if (!isPci(c)) continue;
      String m = c.model().orElse("");
      if (m.equals("pci-root") || m.equals("pcie-root") || !d.wanted()) continue;
      reserveNext(set, d);
    }
    slots(set, all, w.filesystems, d -> true);
    slots(set, all, w.nics, d -> !((Nic) d.list.get(d.index)).type().orElse("").equals("hostdev"));
    slots(set, all, w.sounds, d -> true);
    for (Dev d : all) {
      if (d.list != (Object) w.controllers) continue;
      Controller c = (Controller) d.list.get(d.index);
      String type = c.type().orElse("");
      String m = c.model().orElse("");
      if (type.equals("pci") || (type.equals("usb") && m.equals("none")) || type.equals("fdc") || type.equals("ccid")) continue;
      if (type.equals("ide") && c.index().orElse(0) == 0) continue;
      if (type.equals("scsi") && m.equals("ncr53c90")) continue;
      if (!d.wanted()) continue;
      if (USB2_FUNCTION.containsKey(m)) usb2(set, all, d, c);
      else reserveNext(set, d);
    }
    slots(set, all, w.disks, d -> true);
    slots(set, all, w.hostdevs, d -> true);
    slots(set, all, w.balloons, d -> true);
    slots(set, all, w.rngs, d -> true);
    slots(set, all, w.watchdogs, d -> true);
    slots(set, all, w.videos, d -> true);
    slots(set, all, w.shmems, d -> true);
    slots(set, all, w.inputs, d -> true);
    slots(set, all, w.serials, d -> true);
    slots(set, all, w.iommus, d -> true);
    slots(set, all, w.vsocks, d -> true);
    slots(set, all, w.memories, d -> true);
    slots(set, all, w.cryptos, d -> true);
    slots(set, all, w.panics, d -> true);
  }

  /** The function of each part of an ICH9 USB2 controller: EHCI at 7, its UHCI companions at 0 (multifunction), 1, 2. */
  static final java.util.Map<String, Integer> USB2_FUNCTION = java.util.Map.of("ich9-ehci1", 7, "ich9-uhci1", 0, "ich9-uhci2", 1, "ich9-uhci3", 2);

  /** All parts of a USB2 controller share one slot: the slot of the first that has an address, or the first free one. */
  private void usb2(PciAddressSet set, List<Dev> all, Dev d, Controller c) {
    int function = USB2_FUNCTION.get(c.model().orElse(""));
    boolean multi = function == 0;
    Optional<Addr> found = Optional.empty();
    for (Dev o : all) {
      if (o.list != (Object) w.controllers || !o.present()) continue;
      Controller oc = (Controller) o.list.get(o.index);
      if (USB2_FUNCTION.containsKey(oc.model().orElse("")) && oc.type().equals(c.type()) && oc.index().equals(c.index())) {
        found = Optional.of(addr(oc.address().get()));
        break;
      }
    }
    Addr a;
    if (found.isPresent()) {
      a = new Addr(found.get().bus(), found.get().slot(), function);
      set.reserveFromConfig(a, d.flags);
    } else {
      a = set.reserveNext(d.flags, function);
      if (set.dryRun) return;
    }
    DeviceAddress pa = pci(a);
    d.address(multi ? DeviceAddress.builder().from(pa).multifunction("on").build() : pa);
  }

  private void slots(PciAddressSet set, List<Dev> all, List<?> list, java.util.function.Predicate<Dev> which) {
    for (Dev d : all) {
      if (d.list != (Object) list || d.flags == 0 || !d.wanted() || !which.test(d)) continue;
      reserveNext(set, d);
    }
  }

  /** {@code virDomainPCIAddressSetAllMulti}: function 0 of a slot with other functions in use says multifunction='on'. */
  private void setAllMulti() {
    List<Dev> all = all();
    for (Dev d : all) {
      if (!d.present()) continue;
      Addr a = addr(d.address().get());
      if (a.function() == 0) continue;
      for (Dev f0 : all) {
        if (!f0.present()) continue;
        DeviceAddress fa = f0.address().get();
        Addr b = addr(fa);
        if (b.bus() == a.bus() && b.slot() == a.slot() && b.function() == 0) {
          if (fa.multifunction().isEmpty()) f0.address(DeviceAddress.builder().from(fa).multifunction("on").build());
          break;
        }
      }
    }
  }

  /** Model names, chassis and ports of the PCI controllers ({@code qemuDomainPCIControllerSetDefaultModelName} and friends). */
  private void controllerDefaults() {
    for (int i = 0; i < w.controllers.size(); i++) {
      Controller c = w.controllers.get(i);
      if (!isPci(c)) continue;
      String model = c.model().orElse("");
      int idx = c.index().orElse(0);
      Controller.Builder b = Controller.builder().from(c);
      String name = switch (model) {
        case "pci-bridge" -> "pci-bridge";
        case "dmi-to-pci-bridge" -> "i82801b11-bridge";
        case "pcie-to-pci-bridge" -> "pcie-pci-bridge";
        case "pcie-root-port" -> "pcie-root-port";
        case "pcie-switch-upstream-port" -> "x3130-upstream";
        case "pcie-switch-downstream-port" -> "xio3130-downstream";
        case "pci-expander-bus" -> "pxb";
        case "pcie-expander-bus" -> "pxb-pcie";
        default -> null;
      };
      if (name != null && c.modelName().isEmpty()) b.modelName(name);
      ControllerTarget t = c.target().orElseGet(() -> ControllerTarget.builder().build());
      Addr a = c.address().filter(PciAssignment::isPresent).map(PciAssignment::addr).orElse(new Addr(0, 0, 0));
      ControllerTarget.Builder tb = ControllerTarget.builder().from(t);
      boolean changed = false;
      if (model.equals("pci-bridge") && t.chassisNr().isEmpty()) {
        tb.chassisNr(idx);
        changed = true;
      }
      if (model.equals("pcie-root-port") || model.equals("pcie-switch-downstream-port")) {
        if (t.chassis().isEmpty()) {
          tb.chassis(idx);
          changed = true;
        }
        if (t.port().isEmpty()) {
          int port = model.equals("pcie-root-port") ? (a.slot() << 3) + a.function() : a.slot();
          tb.port(String.format(Locale.ROOT, "0x%x", port));
          changed = true;
        }
      }
      if (changed) b.target(tb.build());
      w.controllers.set(i, b.build());
    }
  }
}
