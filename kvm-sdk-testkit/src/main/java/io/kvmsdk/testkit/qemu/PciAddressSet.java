package io.kvmsdk.testkit.qemu;

import java.util.ArrayList;
import java.util.List;

/**
 * libvirt's set of PCI buses and reserved slots ({@code virDomainPCIAddressSet}, domain_addr.c): which
 * devices each bus accepts (by the controller model behind it), the first free slot for a device, and,
 * in the dry run, the buses libvirt grows when no slot fits (pcie-root-port, pci-bridge,
 * pcie-to-pci-bridge). PCI domain 0 only; no isolation groups (pSeries) and no zPCI (s390).
 */
final class PciAddressSet {
  // connect flags (virDomainPCIConnectFlags)
  static final int HOTPLUGGABLE = 1;
  static final int AUTOASSIGN = 1 << 1;
  static final int PCI_DEVICE = 1 << 2;
  static final int PCIE_DEVICE = 1 << 3;
  static final int PCIE_ROOT_PORT = 1 << 4;
  static final int PCIE_SWITCH_UPSTREAM_PORT = 1 << 5;
  static final int PCIE_SWITCH_DOWNSTREAM_PORT = 1 << 6;
  static final int DMI_TO_PCI_BRIDGE = 1 << 7;
  static final int PCI_EXPANDER_BUS = 1 << 8;
  static final int PCIE_EXPANDER_BUS = 1 << 9;
  static final int PCI_BRIDGE = 1 << 10;
  static final int PCIE_TO_PCI_BRIDGE = 1 << 11;
  static final int AGGREGATE_SLOT = 1 << 12;
  static final int INTEGRATED = 1 << 13;
  static final int TYPES_ENDPOINT = PCI_DEVICE | PCIE_DEVICE;
  static final int TYPES_MASK = PCI_DEVICE | PCIE_DEVICE | PCIE_ROOT_PORT | PCIE_SWITCH_UPSTREAM_PORT | PCIE_SWITCH_DOWNSTREAM_PORT
      | DMI_TO_PCI_BRIDGE | PCI_EXPANDER_BUS | PCIE_EXPANDER_BUS | PCI_BRIDGE | PCIE_TO_PCI_BRIDGE;

  static final int SLOT_LAST = 31;

  /** A PCI address on domain 0. */
  record Addr(int bus, int slot, int function) {
    /** As libvirt prints it ({@code virPCIDeviceAddressAsString}): {@code 0000:00:05.0}. */
    @Override public String toString() { return "0000:" + hex2(bus) + ":" + hex2(slot) + "." + function; }

    private static String hex2(int n) {
      String h = Integer.toHexString(n);
      return h.length() >= 2 ? h : "0" + h;
    }
  }

  static final class Bus {
    String model;
    int flags;
    int minSlot;
    int maxSlot;
    final int[] functions = new int[SLOT_LAST + 1];
    final boolean[] aggregate = new boolean[SLOT_LAST + 1];

    boolean isEmpty() {
      for (int i = minSlot; i <= maxSlot; i++) if (functions[i] != 0) return false;
      return true;
    }

    boolean isFullyReserved() {
      for (int i = minSlot; i <= maxSlot; i++) if (functions[i] == 0) return false;
      return true;
    }
  }

  final List<Bus> buses = new ArrayList<>();
  final boolean dryRun;

  PciAddressSet(int nbuses, boolean dryRun) {
    for (int i = 0; i < nbuses; i++) buses.add(new Bus());
    this.dryRun = dryRun;
  }

  /** The connect flags of a PCI controller model: what it plugs into ({@code virDomainPCIControllerModelToConnectType}). */
  static int controllerConnectType(String model) {
    switch (model == null ? "" : model) {
      case "pci-bridge": return PCI_BRIDGE;
      case "pci-expander-bus": return PCI_EXPANDER_BUS;
      case "pcie-expander-bus": return PCIE_EXPANDER_BUS;
      case "dmi-to-pci-bridge": return DMI_TO_PCI_BRIDGE;
      case "pcie-to-pci-bridge": return PCIE_TO_PCI_BRIDGE;
      case "pcie-root-port": return PCIE_ROOT_PORT | AGGREGATE_SLOT;
      case "pcie-switch-upstream-port": return PCIE_SWITCH_UPSTREAM_PORT;
      case "pcie-switch-downstream-port": return PCIE_SWITCH_DOWNSTREAM_PORT;
      default: return 0;   // pci-root, pcie-root: implicit in the machine
    }
  }

  /** The controller model a device with {@code flags} is ({@code virDomainPCIControllerConnectTypeToModel}); null for none. */
  static String controllerModel(int flags) {
    if ((flags & PCIE_ROOT_PORT) != 0) return "pcie-root-port";
    if ((flags & PCIE_SWITCH_UPSTREAM_PORT) != 0) return "pcie-switch-upstream-port";
    if ((flags & PCIE_SWITCH_DOWNSTREAM_PORT) != 0) return "pcie-switch-downstream-port";
    if ((flags & DMI_TO_PCI_BRIDGE) != 0) return "dmi-to-pci-bridge";
    if ((flags & PCI_EXPANDER_BUS) != 0) return "pci-expander-bus";
    if ((flags & PCIE_EXPANDER_BUS) != 0) return "pcie-expander-bus";
    if ((flags & PCI_BRIDGE) != 0) return "pci-bridge";
    return null;
  }

  /** What the bus behind controller {@code model} accepts ({@code virDomainPCIAddressBusSetModel}). */
  static void setModel(Bus bus, String model, boolean allowHotplug) {
    int hotplug = allowHotplug ? HOTPLUGGABLE : 0;
    switch (model) {
      case "pci-root":
        bus.flags = AUTOASSIGN | PCI_DEVICE | PCI_BRIDGE | PCI_EXPANDER_BUS | hotplug;
        bus.minSlot = 1;
        bus.maxSlot = SLOT_LAST;
        break;
      case "pci-bridge":
        bus.flags = AUTOASSIGN | PCI_DEVICE | PCI_BRIDGE | hotplug;
        bus.minSlot = 1;
        bus.maxSlot = SLOT_LAST;
        break;
      case "pci-expander-bus":
        bus.flags = AUTOASSIGN | PCI_DEVICE | PCI_BRIDGE | hotplug;
        bus.minSlot = 0;
        bus.maxSlot = SLOT_LAST;
        break;
      case "pcie-root":
        bus.flags = PCIE_DEVICE | PCIE_ROOT_PORT | DMI_TO_PCI_BRIDGE | PCIE_EXPANDER_BUS;
        bus.minSlot = 1;
        bus.maxSlot = SLOT_LAST;
        break;
      case "dmi-to-pci-bridge":
        bus.flags = PCI_DEVICE | PCI_BRIDGE;
        bus.minSlot = 0;
        bus.maxSlot = SLOT_LAST;
        break;
      case "pcie-to-pci-bridge":
        bus.flags = AUTOASSIGN | PCI_DEVICE | PCI_BRIDGE | hotplug;
        bus.minSlot = 1;
        bus.maxSlot = SLOT_LAST;
        break;
      case "pcie-root-port":
      case "pcie-switch-downstream-port":
        bus.flags = AUTOASSIGN | PCIE_DEVICE | PCIE_SWITCH_UPSTREAM_PORT | PCIE_TO_PCI_BRIDGE | hotplug;
        bus.minSlot = 0;
        bus.maxSlot = 0;
        break;
      case "pcie-switch-upstream-port":
        bus.flags = PCIE_SWITCH_DOWNSTREAM_PORT;
        bus.minSlot = 0;
        bus.maxSlot = SLOT_LAST;
        break;
      case "pcie-expander-bus":
        bus.flags = PCIE_ROOT_PORT | DMI_TO_PCI_BRIDGE;
        bus.minSlot = 0;
        bus.maxSlot = SLOT_LAST;
        break;
      default:
        throw QemuDefaults.Refused.internal("PCI controller model was not set correctly");
    }
    bus.model = model;
  }

  static boolean flagsCompatible(Addr addr, int busFlags, int devFlags, boolean fromConfig) {
    return incompatibility(addr, busFlags, devFlags, fromConfig) == null;
  }

  /**
   * Why a device with {@code devFlags} cannot sit at {@code addr} on a bus with {@code busFlags}, in
   * libvirt's words ({@code virDomainPCIAddressFlagsCompatible}); null when it can.
   */
  static String incompatibility(Addr addr, int busFlags, int devFlags, boolean fromConfig) {
    if ((devFlags & INTEGRATED) != 0) {
      if (addr.bus() != 0) return "The device at PCI address " + addr + " needs to be an integrated device (bus=0)";
      busFlags |= AUTOASSIGN;
    }
    if (fromConfig) {
      if ((busFlags & TYPES_ENDPOINT) != 0) busFlags |= TYPES_ENDPOINT;
      if ((devFlags & PCI_BRIDGE) != 0) devFlags |= PCI_DEVICE;
    } else if ((devFlags & AUTOASSIGN) != 0 && (busFlags & AUTOASSIGN) == 0) {
      return "The device at PCI address " + addr + " was auto-assigned this address, but the PCI controller with index='"
          + addr.bus() + "' doesn't allow auto-assignment";
    }
    if ((devFlags & HOTPLUGGABLE) != 0 && (busFlags & HOTPLUGGABLE) == 0) {
      return "The device at PCI address " + addr + " requires hotplug capability, but the PCI controller with index='"
          + addr.bus() + "' doesn't support hotplug";
    }
    if ((devFlags & busFlags & TYPES_MASK) != 0) return null;
    String connect = connectName(devFlags);
    if (connect == null) {
      return "The device at PCI address " + addr + " has unrecognized connection type flags 0x" + hex2(devFlags & TYPES_MASK);
    }
    return "The device at PCI address " + addr + " cannot be plugged into the PCI controller with index='" + addr.bus()
        + "'. It requires a controller that accepts a " + connect + ".";
  }

  /** The kind of slot {@code devFlags} asks for, as libvirt names it in its refusals; null for none. */
  private static String connectName(int devFlags) {
    if ((devFlags & PCI_DEVICE) != 0) return "standard PCI device";
    if ((devFlags & PCIE_DEVICE) != 0) return "PCI Express device";
    if ((devFlags & PCIE_ROOT_PORT) != 0) return "pcie-root-port";
    if ((devFlags & PCIE_SWITCH_UPSTREAM_PORT) != 0) return "pcie-switch-upstream-port";
    if ((devFlags & PCIE_SWITCH_DOWNSTREAM_PORT) != 0) return "pcie-switch-downstream-port";
    if ((devFlags & DMI_TO_PCI_BRIDGE) != 0) return "dmi-to-pci-bridge";
    if ((devFlags & PCIE_TO_PCI_BRIDGE) != 0) return "pcie-to-pci-bridge";
    if ((devFlags & PCI_EXPANDER_BUS) != 0) return "pci-expander-bus";
    if ((devFlags & PCIE_EXPANDER_BUS) != 0) return "pcie-expander-bus";
    if ((devFlags & PCI_BRIDGE) != 0) return "pci-bridge";
    return null;
  }

  /** {@code %.2x}. */
  private static String hex2(int n) {
    String h = Integer.toHexString(n);
    return h.length() >= 2 ? h : "0" + h;
  }

  /**
   * libvirt's checks of an address before it reserves it ({@code virDomainPCIAddressValidate}): the bus
   * exists, accepts the device, and has the slot and function.
   */
  private void validate(Addr a, int flags, boolean fromConfig) {
    if (buses.isEmpty()) throw QemuDefaults.Refused.of(fromConfig, "No PCI buses available");
    if (a.bus() >= buses.size()) {
      throw QemuDefaults.Refused.of(fromConfig, "Invalid PCI address " + a + ". Only PCI buses up to " + (buses.size() - 1) + " are available");
    }
    Bus bus = buses.get(a.bus());
    String why = incompatibility(a, bus.flags, flags, fromConfig);
    if (why != null) throw QemuDefaults.Refused.of(fromConfig, why);
    if (bus.minSlot != 0 && a.slot() < bus.minSlot) {
      throw QemuDefaults.Refused.of(fromConfig, "Invalid PCI address " + a + ". slot must be >= " + bus.minSlot);
    }
    if (a.slot() > bus.maxSlot) throw QemuDefaults.Refused.of(fromConfig, "Invalid PCI address " + a + ". slot must be <= " + bus.maxSlot);
    if (a.function() > 7) throw QemuDefaults.Refused.of(fromConfig, "Invalid PCI address " + a + ". function must be <= 7");
  }

  boolean slotInUse(Addr a) { return buses.get(a.bus()).functions[a.slot()] != 0; }

  /**
   * Reserves {@code a} ({@code virDomainPCIAddressReserveAddrInternal}); in the dry run, grows the set to
   * reach its bus. An address the configuration gave ({@code fromConfig}) is refused with
   * {@code VIR_ERR_XML_ERROR}, one libvirt chose with {@code VIR_ERR_INTERNAL_ERROR}.
   */
  void reserve(Addr a, int flags, boolean fromConfig) {
    if (dryRun) grow(a, flags);
    validate(a, flags, fromConfig);
    Bus bus = buses.get(a.bus());
    if ((bus.functions[a.slot()] & (1 << a.function())) != 0) {
      throw QemuDefaults.Refused.of(fromConfig, "Attempted double use of PCI Address " + a);
    }
    if (bus.functions[a.slot()] == 0 && (flags & AGGREGATE_SLOT) != 0) bus.aggregate[a.slot()] = true;
    bus.functions[a.slot()] |= 1 << a.function();
  }

  /** Reserves an address the configuration gave (fromConfig). */
  void reserveFromConfig(Addr a, int flags) { reserve(a, flags, true); }

  /** The first free slot for {@code flags} and reserves it ({@code virDomainPCIAddressReserveNextAddr}); {@code function} -1 for any. */
  Addr reserveNext(int flags, int function) {
    Addr a = nextAddr(flags, function);
    a = reserveGrown(a, flags);
    return a;
  }

  private Addr reserveGrown(Addr a, int flags) {
    // grow() may move the bus number (a pcie-to-pci-bridge topology needs one bus more): reserve where it says
    if (dryRun) a = grow(a, flags);
    Bus bus = buses.get(a.bus());
    if ((bus.functions[a.slot()] & (1 << a.function())) != 0) throw QemuDefaults.Refused.internal("Attempted double use of PCI Address " + a);
    if (bus.functions[a.slot()] == 0 && (flags & AGGREGATE_SLOT) != 0) bus.aggregate[a.slot()] = true;
    bus.functions[a.slot()] |= 1 << a.function();
    return a;
  }

  private Addr nextAddr(int flags, int function) {
    if (buses.isEmpty()) throw QemuDefaults.Refused.xml("No PCI buses available");
    int fn = function == -1 ? 0 : function;
    for (int b = 0; b < buses.size(); b++) {
      Addr found = findOnBus(b, flags, fn, function);
      if (found != null) return found;
    }
    // (the second pass of libvirt, over empty buses of another isolation group, finds nothing new without isolation groups)
    if (dryRun) {
      Addr a = grow(new Addr(buses.size(), 0, fn), flags);
      return new Addr(a.bus(), buses.get(a.bus()).minSlot, fn);
    }
    throw QemuDefaults.Refused.internal("No more available PCI slots");
  }

  private Addr findOnBus(int b, int flags, int fn, int function) {
    Bus bus = buses.get(b);
    if (!flagsCompatible(new Addr(b, bus.minSlot, fn), bus.flags, flags, false)) return null;
    for (int slot = bus.minSlot; slot <= bus.maxSlot; slot++) {
      if (bus.functions[slot] == 0) return new Addr(b, slot, fn);
      if ((flags & AGGREGATE_SLOT) != 0 && bus.aggregate[slot]) {
        if ((bus.functions[slot] & (1 << fn)) == 0) return new Addr(b, slot, fn);
        if (function == -1) {
          for (int f = fn; f < 8; f++) {
            if ((bus.functions[slot] & (1 << f)) == 0) return new Addr(b, slot, f);
          }
        }
      }
    }
    return null;
  }

  /**
   * Adds buses so that {@code a.bus} exists ({@code virDomainPCIAddressSetGrow}): pci-bridges for PCI
   * devices (behind a pcie-root-port and a pcie-to-pci-bridge on a PCIe-only machine, which moves the
   * address one bus up), pcie-root-ports for PCIe devices.
   */
  private Addr grow(Addr a, int flags) {
    int add = a.bus() - buses.size() + 1;
    if (add <= 0) return a;
    String model;
    boolean needPcieToPciBridge = false;
    if ((flags & PCI_DEVICE) != 0) {
      model = "pci-bridge";
      needPcieToPciBridge = true;
      for (Bus bus : buses) {
        if ((bus.flags & PCI_BRIDGE) != 0) {
          needPcieToPciBridge = false;
          break;
        }
      }
      if (needPcieToPciBridge && add == 1) {
        add++;
        a = new Addr(a.bus() + 1, a.slot(), a.function());
      }
    } else if ((flags & (PCIE_DEVICE | PCIE_SWITCH_UPSTREAM_PORT)) != 0) {
      model = "pcie-root-port";
    } else {
      String existing = controllerModel(flags);
      throw QemuDefaults.Refused.internal(existing != null
          ? "a PCI slot is needed to connect a PCI controller model='" + existing + "', but none is available, and it cannot be automatically added"
          : "Cannot automatically add a new PCI bus for a device with connect flags " + hex2(flags));
    }
    int i = buses.size();
    for (int n = 0; n < add; n++) buses.add(new Bus());
    if (needPcieToPciBridge) {
      setModel(buses.get(i), "pcie-root-port", true);
      buses.get(i).flags = PCIE_TO_PCI_BRIDGE;
      i++;
      setModel(buses.get(i++), "pcie-to-pci-bridge", true);
    }
    for (; i < buses.size(); i++) setModel(buses.get(i), model, true);
    return a;
  }
}
