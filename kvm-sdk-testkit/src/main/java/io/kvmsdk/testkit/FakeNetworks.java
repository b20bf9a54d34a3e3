package io.kvmsdk.testkit;

import static io.kvmsdk.testkit.FakeObjects.child;
import static io.kvmsdk.testkit.FakeObjects.childText;

import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.spi.Hypervisor.NetworkRef;
import io.kvmsdk.core.xml.XmlElement;
import io.kvmsdk.testkit.FakeObjects.Driver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The virtual networks of one fake host, as libvirt's network driver keeps them: persistent and
 * transient, active and inactive, a next-start definition apart from the running one, a bridge
 * name ({@code virbrN} when none is given) and a MAC address added to routed/NAT/isolated networks.
 * Callers hold the host's lock.
 */
final class FakeNetworks {
  private static final Driver NET = Driver.NETWORK;

  /** One network. */
  static final class Net {
    final String name;
    final String uuid;
    XmlElement persistent;   // null: transient
    XmlElement live;         // null: inactive
    boolean autostart;

    Net(String name, String uuid) {
      this.name = name;
      this.uuid = uuid;
    }

    boolean active() { return live != null; }
  }

  private final String host;
  private final Map<String, Net> nets = new LinkedHashMap<>();
  private long seq;

  FakeNetworks(String host) { this.host = host; }

  private static NotFoundException noNetwork(String op, String name) {
    return NET.notFound(op, "network", name, "VIR_ERR_NO_NETWORK", 43, "Network not found: no network with matching name '" + name + "'");
  }

  private Net net(String op, String name) {
    Net n = nets.get(name);
    if (n == null) throw noNetwork(op, name);
    return n;
  }

  /** A parsed definition, checked against the other networks as {@code virNetworkObjAssignDef} does. */
  private record Parsed(XmlElement def, String name, String uuid, Net existing) {}

  private Parsed parse(String op, String xml, boolean checkActive) {
    XmlElement def = FakeObjects.parse(NET, op, xml, "network");
    String name = childText(def, "name");
    if (name == null || name.isEmpty()) throw NET.error(op, "VIR_ERR_NO_NAME", 31, "missing name information");
    String uuid = FakeObjects.uuidOf(NET, op, def);
    XmlElement bridge = child(def, "bridge");
    String bridgeName = bridge == null ? null : bridge.attr("name");
    if (bridgeName != null) {
      for (Net o : nets.values()) {
        if (!o.name.equals(name) && bridgeName.equals(bridgeOf(o))) throw NET.internal(op, "bridge name '" + bridgeName + "' already in use.");
      }
    }
    Net byUuid = uuid == null ? null : nets.values().stream().filter(n -> n.uuid.equals(uuid)).findFirst().orElse(null);
    if (byUuid != null) {
      if (!byUuid.name.equals(name)) throw NET.failed(op, "network '" + byUuid.name + "' is already defined with uuid " + byUuid.uuid);
      if (checkActive && byUuid.active()) throw NET.invalid(op, "network is already active as '" + byUuid.name + "'");
      return new Parsed(def, name, uuid, byUuid);
    }
    Net byName = nets.get(name);
    if (byName != null) throw NET.failed(op, "network '" + name + "' already exists with uuid " + byName.uuid);
    return new Parsed(def, name, uuid, null);
  }

  private static String bridgeOf(Net n) {
    for (XmlElement d : new XmlElement[] {n.live, n.persistent}) {
      XmlElement b = child(d, "bridge");
      if (b != null && b.attr("name") != null) return b.attr("name");
    }
    return null;
  }

  /** libvirt's stored form: the UUID after the name; for an isolated, NAT, routed or open network a bridge (with STP on, no delay) and a MAC. */
  private XmlElement canonical(Parsed p, String uuid) {
    List<XmlElement> kids = FakeObjects.kids(p.def);
    FakeObjects.put(kids, FakeObjects.textElement("uuid", uuid), "name");
    XmlElement forward = child(p.def, "forward");
    String mode = forward == null ? "none" : Optional.ofNullable(forward.attr("mode")).orElse("nat");
    if (Set.of("none", "nat", "route", "open").contains(mode)) {
      XmlElement bridge = child(p.def, "bridge");
      if (bridge == null) bridge = XmlElement.leaf("bridge");
      if (bridge.attr("name") == null) bridge = FakeObjects.withAttr(bridge, "name", freeBridge(p.name));
      bridge = FakeObjects.withDefaultAttr(FakeObjects.withDefaultAttr(bridge, "stp", "on"), "delay", "0");
      FakeObjects.put(kids, bridge, "forward", "metadata", "uuid");
      if (child(p.def, "mac") == null) FakeObjects.put(kids, XmlElement.builder("mac").attr("address", mac(p.name)).build(), "mtu", "bridge");
    }
    return FakeObjects.withChildren(p.def, kids);
  }

  /** The lowest {@code virbrN} no other network uses, as libvirt picks it. */
  private String freeBridge(String name) {
    Set<String> used = new HashSet<>();
    for (Net n : nets.values()) if (!n.name.equals(name)) used.add(bridgeOf(n));
    for (int i = 0; ; i++) if (!used.contains("virbr" + i)) return "virbr" + i;
  }

  private String mac(String name) {
    byte[] b = UUID.nameUUIDFromBytes((host + "/mac/" + name + "/" + (seq++)).getBytes(StandardCharsets.UTF_8)).toString().getBytes(StandardCharsets.UTF_8);
    return String.format("52:54:00:%02x:%02x:%02x", b[0] & 0xff, b[9] & 0xff, b[14] & 0xff);
  }

  private String newUuid(String name) { return FakeObjects.uuid(host, "network", name, seq++); }

  /**
   * What starting a domain with an {@code <interface type='network'>} on {@code name} checks: the
   * network exists ({@code VIR_ERR_NO_NETWORK}) and is active ({@code VIR_ERR_OPERATION_INVALID}).
   */
  void checkUsable(String op, String name) {
    Net n = net(op, name);
    if (!n.active()) throw NET.invalid(op, "network '" + name + "' is not active");
  }

  String define(String xml) { return store(parse("define network", xml, false), false); }

  String create(String xml) { return store(parse("create network", xml, true), true); }

  /** Stores a checked definition as the next-start one ({@code define}) or as the running one ({@code create}). */
  private String store(Parsed p, boolean live) {
    Net n = p.existing != null ? p.existing : new Net(p.name, p.uuid != null ? p.uuid : newUuid(p.name));
    if (live) n.live = canonical(p, n.uuid); else n.persistent = canonical(p, n.uuid);
    nets.put(n.name, n);
    return n.name;
  }

  Optional<NetworkRef> lookup(String name) {
    Net n = nets.get(name);
    return n == null ? Optional.empty() : Optional.of(new NetworkRef(n.name, n.uuid));
  }

  /** Active networks first, then inactive ones, as {@code virConnectListNetworks} and {@code virConnectListDefinedNetworks} give them. */
  List<String> list() {
    List<String> out = new ArrayList<>();
    for (Net n : nets.values()) if (n.active()) out.add(n.name);
    for (Net n : nets.values()) if (!n.active()) out.add(n.name);
    return out;
  }

  String xml(String name, boolean inactive) {
    Net n = net("get the XML of network '" + name + "'", name);
    XmlElement x = n.live == null || (inactive && n.persistent != null) ? n.persistent : n.live;
    return x.toXml();
  }

  void start(String name) {
    String op = "start network '" + name + "'";
    Net n = net(op, name);
    if (n.active()) throw NET.invalid(op, "network is already active");
    n.live = n.persistent;
  }

  void destroy(String name) {
    String op = "destroy network '" + name + "'";
    Net n = net(op, name);
    if (!n.active()) throw NET.invalid(op, "network '" + name + "' is not active");
    n.live = null;
    if (n.persistent == null) nets.remove(name);
  }

  void undefine(String name) {
    String op = "undefine network '" + name + "'";
    Net n = net(op, name);
    if (n.persistent == null) throw NET.invalid(op, "can't undefine transient network");
    n.persistent = null;
    n.autostart = false;
    if (!n.active()) nets.remove(name);
  }

  boolean isActive(String name) { return net("ask the state of network '" + name + "'", name).active(); }

  boolean isPersistent(String name) { return net("ask persistence of network '" + name + "'", name).persistent != null; }

  boolean autostart(String name) { return net("get autostart of network '" + name + "'", name).autostart; }

  void setAutostart(String name, boolean autostart) {
    String op = "set autostart of network '" + name + "'";
    Net n = net(op, name);
    if (n.persistent == null) throw NET.invalid(op, "cannot set autostart for transient network");
    n.autostart = autostart;
  }

  /** The host went down: every network stops, transient ones vanish. */
  void hostDown() {
    nets.values().removeIf(n -> {
      n.live = null;
      return n.persistent == null;
    });
  }

  /** The host is up again: libvirtd starts the autostart networks. */
  void hostUp() {
    for (Net n : nets.values()) if (n.autostart && !n.active()) n.live = n.persistent;
  }
}
