package io.kvmsdk.testkit.contract;

import static io.kvmsdk.testkit.contract.ContractCapability.NETWORKS;
import static io.kvmsdk.testkit.contract.ContractCapability.QEMU_DRIVER;
import static io.kvmsdk.testkit.contract.ContractRun.check;
import static io.kvmsdk.testkit.contract.ContractRun.expectEqual;
import static io.kvmsdk.testkit.contract.ContractXml.attrAt;
import static io.kvmsdk.testkit.contract.ContractXml.attrs;
import static io.kvmsdk.testkit.contract.ContractXml.el;
import static io.kvmsdk.testkit.contract.ContractXml.text;
import static io.kvmsdk.testkit.contract.ContractXml.textAt;

import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.core.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Contract cases of area {@code network}: virtual networks as libvirt's network driver keeps them
 * (isolated networks on a bridge of their own, so a real host's traffic is never touched). Cases
 * needing {@link ContractCapability#QEMU_DRIVER} check what the test driver does differently: it
 * destroys an inactive network, refuses to undefine an active one, has no inactive XML and fills in
 * no bridge or MAC.
 */
final class NetworkContractCases {
  private NetworkContractCases() {}

  static List<ContractCase> all() {
    return List.of(
        ContractCase.of("network", "a defined network starts, stops and is undefined", NetworkContractCases::lifecycle, NETWORKS),
        ContractCase.of("network", "defining a network's name again with another UUID is refused", NetworkContractCases::sameNameOtherUuid, NETWORKS),
        ContractCase.of("network", "defining another network with a UUID in use is refused", NetworkContractCases::sameUuidOtherName, NETWORKS),
        ContractCase.of("network", "redefining an active network changes its next start only", NetworkContractCases::redefineActive, NETWORKS, QEMU_DRIVER),
        ContractCase.of("network", "starting an active network is refused", NetworkContractCases::startActive, NETWORKS),
        ContractCase.of("network", "destroying an inactive network is refused", NetworkContractCases::destroyInactive, NETWORKS, QEMU_DRIVER),
        ContractCase.of("network", "undefining an active network leaves it running, transient", NetworkContractCases::undefineActive, NETWORKS, QEMU_DRIVER),
        ContractCase.of("network", "a transient network vanishes when destroyed", NetworkContractCases::transientVanishes, NETWORKS),
        ContractCase.of("network", "creating a network starts its inactive definition, refused when active", NetworkContractCases::createOverDefined, NETWORKS),
        ContractCase.of("network", "a bridge name another network uses is refused", NetworkContractCases::bridgeInUse, NETWORKS, QEMU_DRIVER),
        ContractCase.of("network", "libvirt fills in a virbrN bridge and a MAC address", NetworkContractCases::bridgeAssigned, NETWORKS, QEMU_DRIVER),
        ContractCase.of("network", "a missing network is not found", NetworkContractCases::missing, NETWORKS),
        ContractCase.of("network", "a domain starts only when the networks its interfaces name are active", NetworkContractCases::usedByDomain,
            NETWORKS, QEMU_DRIVER));
  }

  /** A bridge name unique to the run (at most 15 characters, as Linux wants): {@code kv} + 8 hex + {@code n}. */
  static String bridge(ContractRun run, int n) {
    String id = run.name("").substring("kvmsdk-ct-".length(), "kvmsdk-ct-".length() + 8);
    return "kv" + id + n;
  }

  /** An isolated network (no forward) on bridge {@code bridge}; {@code uuid} and {@code bridge} may be null. */
  static String network(String name, String uuid, String bridge, XmlElement... more) {
    List<XmlElement> kids = new ArrayList<>();
    kids.add(text("name", name));
    if (uuid != null) kids.add(text("uuid", uuid));
    if (bridge != null) kids.add(el("bridge", attrs("name", bridge)));
    kids.addAll(List.of(more));
    return el("network", kids.toArray(new XmlElement[0])).toXml();
  }

  /** Destroys (if active) and undefines (if persistent) network {@code name} when the case ends. */
  static void cleanUp(ContractRun run, String name) {
    Hypervisor hv = run.kvm().hypervisor();
    run.onClose(() -> hv.lookupNetwork(name).ifPresent(r -> {
      if (hv.isNetworkActive(name)) hv.destroyNetwork(name);
      if (hv.lookupNetwork(name).isPresent() && hv.isNetworkPersistent(name)) hv.undefineNetwork(name);
    }));
  }

  private static String define(ContractRun run, String xml, String name) {
    cleanUp(run, name);
    return run.kvm().hypervisor().defineNetwork(xml);
  }

  static void usedByDomain(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String net = run.name("dnet");
    io.kvmsdk.core.domain.Domain d = run.define(run.guest(run.name("onnet")).copy(b -> b.addInterface(io.kvmsdk.core.domain.Nic.network(net))));
    var e = run.expectNotFound("start a domain on a missing network", d::start, "network", net);
    check(e.getCause() instanceof io.kvmsdk.core.LibvirtException le && le.code().equals("VIR_ERR_NO_NETWORK"),
        "the cause is libvirt's VIR_ERR_NO_NETWORK, got " + e.getCause());
    define(run, network(net, null, bridge(run, 5)), net);
    run.expectRefused("start a domain on an inactive network", d::start, "VIR_ERR_OPERATION_INVALID",
        "Requested operation is not valid: network '" + net + "' is not active");
    expectEqual("state after the refusals", io.kvmsdk.core.domain.DomainState.SHUTOFF, d.state());
    hv.startNetwork(net);
    d.start();
    expectEqual("state on an active network", io.kvmsdk.core.domain.DomainState.RUNNING, d.state());
  }

  static void lifecycle(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("net");
    String br = bridge(run, 0);
    expectEqual("defineNetwork returns the name", name, define(run, network(name, null, br), name));
    Hypervisor.NetworkRef ref = hv.lookupNetwork(name).orElseThrow(() -> new AssertionError("a defined network is found"));
    expectEqual("lookup name", name, ref.name());
    check(ref.uuid().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "libvirt gives a network without one a UUID, got " + ref.uuid());
    check(hv.listNetworks().contains(name), "a defined network is listed: " + hv.listNetworks());
    expectEqual("active after define", false, hv.isNetworkActive(name));
    expectEqual("persistent after define", true, hv.isNetworkPersistent(name));
    expectEqual("autostart after define", false, hv.networkAutostart(name));
    String xml = hv.networkXml(name, false);
    expectEqual("XML name", name, textAt(xml, "name"));
    expectEqual("XML uuid", ref.uuid(), textAt(xml, "uuid"));
    expectEqual("XML bridge", br, attrAt(xml, "name", "bridge"));
    expectEqual("XML bridge stp (libvirt's default)", "on", attrAt(xml, "stp", "bridge"));
    hv.setNetworkAutostart(name, true);
    expectEqual("autostart set", true, hv.networkAutostart(name));
    hv.setNetworkAutostart(name, false);
    expectEqual("autostart cleared", false, hv.networkAutostart(name));
    hv.startNetwork(name);
    expectEqual("active after start", true, hv.isNetworkActive(name));
    expectEqual("live XML uuid", ref.uuid(), textAt(hv.networkXml(name, false), "uuid"));
    hv.destroyNetwork(name);
    expectEqual("active after destroy", false, hv.isNetworkActive(name));
    check(hv.lookupNetwork(name).isPresent(), "a destroyed persistent network stays defined");
    hv.undefineNetwork(name);
    check(hv.lookupNetwork(name).isEmpty(), "an undefined inactive network is gone");
    check(!hv.listNetworks().contains(name), "an undefined network is not listed");
  }

  static void sameNameOtherUuid(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("net");
    define(run, network(name, null, bridge(run, 0)), name);
    String uuid = hv.lookupNetwork(name).orElseThrow().uuid();
    String msg = "operation failed: network '" + name + "' already exists with uuid " + uuid;
    run.expectRefused("define the same XML again (libvirt gives it a fresh UUID)", () -> hv.defineNetwork(network(name, null, bridge(run, 0))),
        "VIR_ERR_OPERATION_FAILED", msg);
    run.expectRefused("define the name with another UUID", () -> hv.defineNetwork(network(name, UUID.randomUUID().toString(), bridge(run, 0))),
        "VIR_ERR_OPERATION_FAILED", msg);
    expectEqual("the network keeps its UUID", uuid, hv.lookupNetwork(name).orElseThrow().uuid());
  }

  static void sameUuidOtherName(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("net");
    String uuid = UUID.randomUUID().toString();
    define(run, network(name, uuid, bridge(run, 0)), name);
    String other = run.name("net-other");
    cleanUp(run, other);
    run.expectRefused("define another name with the same UUID", () -> hv.defineNetwork(network(other, uuid, bridge(run, 1))),
        "VIR_ERR_OPERATION_FAILED", "operation failed: network '" + name + "' is already defined with uuid " + uuid);
    check(hv.lookupNetwork(other).isEmpty(), "the refused network is not defined");
  }

  static void redefineActive(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("net");
    String uuid = UUID.randomUUID().toString();
    define(run, network(name, uuid, bridge(run, 0)), name);
    hv.startNetwork(name);
    expectEqual("redefine with the same UUID", name, hv.defineNetwork(network(name, uuid, bridge(run, 0), el("mtu", attrs("size", "1400")))));
    expectEqual("the running network keeps its definition (no mtu)", null, attrAt(hv.networkXml(name, false), "size", "mtu"));
    expectEqual("the next start's definition has the mtu", "1400", attrAt(hv.networkXml(name, true), "size", "mtu"));
    hv.destroyNetwork(name);
    expectEqual("once stopped, the new definition is in force", "1400", attrAt(hv.networkXml(name, false), "size", "mtu"));
  }

  static void startActive(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("net");
    define(run, network(name, null, bridge(run, 0)), name);
    hv.startNetwork(name);
    run.expectRefused("start an active network", () -> hv.startNetwork(name),
        "VIR_ERR_OPERATION_INVALID", "Requested operation is not valid: network is already active");
    expectEqual("still active", true, hv.isNetworkActive(name));
  }

  static void destroyInactive(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("net");
    define(run, network(name, null, bridge(run, 0)), name);
    run.expectRefused("destroy an inactive network", () -> hv.destroyNetwork(name),
        "VIR_ERR_OPERATION_INVALID", "Requested operation is not valid: network '" + name + "' is not active");
    check(hv.lookupNetwork(name).isPresent(), "the network stays defined");
  }

  static void undefineActive(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("net");
    define(run, network(name, null, bridge(run, 0)), name);
    hv.setNetworkAutostart(name, true);
    hv.startNetwork(name);
    hv.undefineNetwork(name);
    expectEqual("active after undefine", true, hv.isNetworkActive(name));
    expectEqual("persistent after undefine", false, hv.isNetworkPersistent(name));
    expectEqual("autostart after undefine", false, hv.networkAutostart(name));
    run.expectRefused("autostart a transient network", () -> hv.setNetworkAutostart(name, true),
        "VIR_ERR_OPERATION_INVALID", "Requested operation is not valid: cannot set autostart for transient network");
    run.expectRefused("undefine a transient network", () -> hv.undefineNetwork(name),
        "VIR_ERR_OPERATION_INVALID", "Requested operation is not valid: can't undefine transient network");
    hv.destroyNetwork(name);
    check(hv.lookupNetwork(name).isEmpty(), "a destroyed transient network is gone");
    run.expectNotFound("destroy it again", () -> hv.destroyNetwork(name), "network", name);
  }

  static void transientVanishes(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("net");
    cleanUp(run, name);
    expectEqual("createNetwork returns the name", name, hv.createNetwork(network(name, null, bridge(run, 0))));
    expectEqual("active after create", true, hv.isNetworkActive(name));
    expectEqual("persistent after create", false, hv.isNetworkPersistent(name));
    check(hv.listNetworks().contains(name), "a transient network is listed");
    hv.destroyNetwork(name);
    check(hv.lookupNetwork(name).isEmpty(), "a destroyed transient network is gone");
    check(!hv.listNetworks().contains(name), "a destroyed transient network is not listed");
  }

  static void createOverDefined(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("net");
    String uuid = UUID.randomUUID().toString();
    String xml = network(name, uuid, bridge(run, 0));
    define(run, xml, name);
    expectEqual("create over an inactive definition", name, hv.createNetwork(xml));
    expectEqual("active", true, hv.isNetworkActive(name));
    expectEqual("still persistent", true, hv.isNetworkPersistent(name));
    run.expectRefused("create it again while active", () -> hv.createNetwork(xml),
        "VIR_ERR_OPERATION_INVALID", "Requested operation is not valid: network is already active as '" + name + "'");
    run.expectRefused("create the name with another UUID", () -> hv.createNetwork(network(name, UUID.randomUUID().toString(), bridge(run, 0))),
        "VIR_ERR_OPERATION_FAILED", "operation failed: network '" + name + "' already exists with uuid " + uuid);
    hv.destroyNetwork(name);
    expectEqual("destroyed, it is inactive and still defined", false, hv.isNetworkActive(name));
    expectEqual("persistent after destroy", true, hv.isNetworkPersistent(name));
  }

  static void bridgeInUse(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("net");
    String br = bridge(run, 0);
    define(run, network(name, null, br), name);
    String other = run.name("net-other");
    cleanUp(run, other);
    String msg = "internal error: bridge name '" + br + "' already in use.";
    run.expectRefused("define another network on the same bridge", () -> hv.defineNetwork(network(other, null, br)), "VIR_ERR_INTERNAL_ERROR", msg);
    run.expectRefused("create another network on the same bridge", () -> hv.createNetwork(network(other, null, br)), "VIR_ERR_INTERNAL_ERROR", msg);
    check(hv.lookupNetwork(other).isEmpty(), "the refused network is not defined");
  }

  static void bridgeAssigned(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("net");
    define(run, network(name, null, null), name);
    String xml = hv.networkXml(name, false);
    String br = attrAt(xml, "name", "bridge");
    check(br != null && br.matches("virbr[0-9]+"), "libvirt names the bridge virbrN, got " + br);
    expectEqual("bridge stp (libvirt's default)", "on", attrAt(xml, "stp", "bridge"));
    expectEqual("bridge delay (libvirt's default)", "0", attrAt(xml, "delay", "bridge"));
    String mac = attrAt(xml, "address", "mac");
    check(mac != null && mac.startsWith("52:54:00:"), "libvirt gives an isolated network a MAC address in QEMU's range:\n" + xml);
  }

  static void missing(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("nonet");
    check(hv.lookupNetwork(name).isEmpty(), "a missing network is not looked up");
    check(!hv.listNetworks().contains(name), "a missing network is not listed");
    run.expectNotFound("start", () -> hv.startNetwork(name), "network", name);
    run.expectNotFound("XML", () -> hv.networkXml(name, false), "network", name);
    run.expectNotFound("undefine", () -> hv.undefineNetwork(name), "network", name);
    run.expectNotFound("autostart", () -> hv.networkAutostart(name), "network", name);
  }
}
