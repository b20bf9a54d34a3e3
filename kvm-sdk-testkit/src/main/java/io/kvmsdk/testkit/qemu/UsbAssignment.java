package io.kvmsdk.testkit.qemu;

import io.kvmsdk.core.common.DeviceAddress;
import io.kvmsdk.core.domain.CharDevTarget;
import io.kvmsdk.core.domain.Controller;
import io.kvmsdk.core.domain.Hub;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code qemuDomainAssignUSBAddresses}: the ports of every USB controller (and of the hubs libvirt adds
 * when the devices outnumber them), then a port for each USB device without one: the first free port
 * of the root hub first, then of the hubs on it ({@code virDomainUSBAddressFindFreePort}).
 */
final class UsbAssignment {
  static final int HUB_PORTS = 8;

  private final Work w;

  UsbAssignment(Work w) { this.w = w; }

  /** A hub: its ports and the hubs plugged into them. */
  static final class Port {
    final boolean[] used;
    final Port[] hubs;

    Port(int n) {
      used = new boolean[n];
      hubs = new Port[n];
    }
  }

  /** One USB device in the work lists. */
  private static final class Dev {
    final List<Object> list;
    final int index;
    final Function<Object, Optional<DeviceAddress>> get;
    final BiFunction<Object, DeviceAddress, Object> set;

    @SuppressWarnings("unchecked")
    <T> Dev(List<T> list, int index, Function<T, Optional<DeviceAddress>> get, BiFunction<T, DeviceAddress, T> set) {
      this.list = (List<Object>) list;
      this.index = index;
      this.get = (Function<Object, Optional<DeviceAddress>>) get;
      this.set = (BiFunction<Object, DeviceAddress, Object>) set;
    }

    Optional<DeviceAddress> address() { return get.apply(list.get(index)); }

    void address(DeviceAddress a) { list.set(index, set.apply(list.get(index), a)); }

    boolean hasPort() {
      return address().filter(a -> a.type().orElse("").equals("usb") && a.port().filter(p -> !p.isEmpty()).isPresent()).isPresent();
    }
  }

  /** Ports of a USB controller model ({@code virDomainUSBAddressControllerModelToPorts}). */
  static int ports(Controller c) {
    String m = c.model().orElse("");
    switch (m) {
      case "piix3-uhci": case "piix4-uhci": case "vt82c686b-uhci": case "ich9-uhci1": case "ich9-uhci2": case "ich9-uhci3": case "": return 2;
      case "pci-ohci": return 3;
      case "ich9-ehci1": case "ehci": return 6;
      case "nec-xhci": case "qemu-xhci": return c.ports().orElse(4);
      case "qusb1": return 4;
      case "qusb2": return 8;
      default: return 0;
    }
  }

  /** USB devices in {@code virDomainUSBDeviceDefForeach} order (hubs, host devices, disks, inputs, serials, sounds, redirdevs). */
  private List<Dev> devices(boolean withHubs) {
    List<Dev> out = new ArrayList<>();
    if (withHubs) {
      for (int i = 0; i < w.hubs.size(); i++) {
        if (w.hubs.get(i).type().orElse("usb").equals("usb")) out.add(new Dev(w.hubs, i, Hub::address, (h, a) -> h.copy(b -> b.address(a))));
      }
    }
    for (int i = 0; i < w.hostdevs.size(); i++) {
      if (w.hostdevs.get(i).type().orElse("").equals("usb")) {
        out.add(new Dev(w.hostdevs, i, x -> x.address(), (x, a) -> io.kvmsdk.core.domain.Hostdev.builder().from(x).address(a).build()));
      }
    }
    for (int i = 0; i < w.disks.size(); i++) {
      if (w.disks.get(i).targetBus().orElse("").equals("usb")) out.add(new Dev(w.disks, i, x -> x.address(), (x, a) -> x.copy(b -> b.address(a))));
    }
    for (int i = 0; i < w.inputs.size(); i++) {
      if (w.inputs.get(i).bus().orElse("").equals("usb")) out.add(new Dev(w.inputs, i, x -> x.address(), (x, a) -> x.copy(b -> b.address(a))));
    }
    for (int i = 0; i < w.serials.size(); i++) {
      if (w.serials.get(i).target().flatMap(CharDevTarget::type).orElse("").equals("usb-serial")) {
        out.add(new Dev(w.serials, i, x -> x.address(), (x, a) -> x.copy(b -> b.address(a))));
      }
    }
    for (int i = 0; i < w.sounds.size(); i++) {
      if (w.sounds.get(i).model().orElse("").equals("usb")) out.add(new Dev(w.sounds, i, x -> x.address(), (x, a) -> x.copy(b -> b.address(a))));
    }
    for (int i = 0; i < w.redirdevs.size(); i++) {
      if (w.redirdevs.get(i).bus().orElse("usb").equals("usb")) {
        out.add(new Dev(w.redirdevs, i, x -> x.address(), (x, a) -> io.kvmsdk.core.domain.Redirdev.builder().from(x).address(a).build()));
      }
    }
    return out;
  }

  void run() {
    List<Dev> all = devices(true);
    if (all.isEmpty() || all.stream().allMatch(Dev::hasPort)) return;
    int available = 0;
    int maxBus = -1;
    for (Controller c : w.controllers) {
      if (!c.type().orElse("").equals("usb") || c.masterStartport().isPresent()) continue;
      available += ports(c);
      if (ports(c) > 0) maxBus = Math.max(maxBus, c.index().orElse(0));
    }
    for (Hub h : w.hubs) if (h.type().orElse("usb").equals("usb")) available += HUB_PORTS;
    int count = all.size();
    if (count > available) {
      int needed = (count - available + 1 + HUB_PORTS - 2) / (HUB_PORTS - 1);
      for (int i = 0; i < needed; i++) w.hubs.add(Hub.usb());
    }
    Port[] buses = new Port[maxBus + 1];
    for (Controller c : w.controllers) {
      if (!c.type().orElse("").equals("usb") || c.masterStartport().isPresent() || ports(c) == 0) continue;
      buses[c.index().orElse(0)] = new Port(ports(c));
    }
    // reserve what has a port; hubs with a port bring their own ports
    for (Dev d : devices(true)) {
      if (!d.hasPort()) continue;
      DeviceAddress a = d.address().get();
      Port hub = hubAt(buses, a, true);
      if (hub != null && d.list == (Object) w.hubs) place(buses, a, new Port(HUB_PORTS));
    }
    for (Dev d : devices(true)) {
      if (d.list != (Object) w.hubs || d.hasPort()) continue;
      DeviceAddress a = assign(buses);
      d.address(a);
      place(buses, a, new Port(HUB_PORTS));
    }
    for (Dev d : devices(false)) {
      if (d.hasPort()) continue;
      d.address(assign(buses));
    }
  }

  /** Marks the port of {@code a} used; returns the hub that holds it. */
  private static Port hubAt(Port[] buses, DeviceAddress a, boolean mark) {
    int bus = Integer.parseInt(a.bus().orElse("0"));
    if (bus >= buses.length || buses[bus] == null) return null;
    String[] path = a.port().get().split("\\.");
    Port hub = buses[bus];
    for (int i = 0; i < path.length - 1 && hub != null; i++) hub = hub.hubs[Integer.parseInt(path[i]) - 1];
    if (hub == null) return null;
    int p = Integer.parseInt(path[path.length - 1]) - 1;
    if (p < 0 || p >= hub.used.length) return null;
    if (mark) hub.used[p] = true;
    return hub;
  }

  private static void place(Port[] buses, DeviceAddress a, Port newHub) {
    Port hub = hubAt(buses, a, false);
    if (hub == null) return;
    String[] path = a.port().get().split("\\.");
    hub.hubs[Integer.parseInt(path[path.length - 1]) - 1] = newHub;
  }

  private static DeviceAddress assign(Port[] buses) {
    for (int bus = 0; bus < buses.length; bus++) {
      if (buses[bus] == null) continue;
      List<Integer> path = new ArrayList<>();
      if (free(buses[bus], path, 0)) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.size(); i++) sb.append(i == 0 ? "" : ".").append(path.get(i));
        return DeviceAddress.builder().type("usb").bus(Integer.toString(bus)).port(sb.toString()).build();
      }
    }
    throw QemuDefaults.Refused.internal("No free USB ports");
  }

  private static boolean free(Port hub, List<Integer> path, int level) {
    for (int i = 0; i < hub.used.length; i++) {
      if (!hub.used[i]) {
        hub.used[i] = true;
        path.add(i + 1);
        return true;
      }
    }
    if (level >= 4) return false;
    for (int i = 0; i < hub.hubs.length; i++) {
      if (hub.hubs[i] == null) continue;
      path.add(i + 1);
      if (free(hub.hubs[i], path, level + 1)) return true;
      path.remove(path.size() - 1);
    }
    return false;
  }
}
