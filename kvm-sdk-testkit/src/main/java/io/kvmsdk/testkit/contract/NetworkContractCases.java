package io.kvmsdk.testkit.contract;

import static io.kvmsdk.testkit.contract.ContractCapability.DHCP_LEASES;
import static io.kvmsdk.testkit.contract.ContractCapability.NETWORKS;
import static io.kvmsdk.testkit.contract.ContractCapability.QEMU_DRIVER;
import static io.kvmsdk.testkit.contract.ContractRun.check;
import static io.kvmsdk.testkit.contract.ContractRun.expectEqual;
import static io.kvmsdk.testkit.contract.ContractXml.attrAt;
import static io.kvmsdk.testkit.contract.ContractXml.attrs;
import static io.kvmsdk.testkit.contract.ContractXml.el;
import static io.kvmsdk.testkit.contract.ContractXml.text;
import static io.kvmsdk.testkit.contract.ContractXml.textAt;

import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.Os;
import io.kvmsdk.core.network.DhcpLease;
import io.kvmsdk.core.network.Network;
import io.kvmsdk.core.network.NetworkSpec;
import io.kvmsdk.core.network.Networks;
import io.kvmsdk.core.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Contract cases of area {@code network}: {@code kvm.networks()} and its {@link Network} handles, as
 * libvirt's network driver keeps them; a case per handle method. Networks are isolated on a bridge
 * and a subnet of their own (198.18.0.0/15), or NAT inside the daemon's network namespace, so a real
 * host's traffic is never touched. Cases needing {@link ContractCapability#QEMU_DRIVER} check what the
 * test driver does differently: it destroys an inactive network, refuses to undefine an active one,
 * has no inactive XML and fills in no bridge, MAC or NAT port range.
 */
final class NetworkContractCases {
  private NetworkContractCases() {}

  private static final String INVALID = "VIR_ERR_OPERATION_INVALID", FAILED = "VIR_ERR_OPERATION_FAILED";
  private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  static List<ContractCase> all() {
    return List.of(
        ContractCase.of("network", "networks().define: persistent, inactive, a UUID given, found and listed", NetworkContractCases::define, NETWORKS),
        ContractCase.of("network", "networks().create: a transient network, running, gone once destroyed", NetworkContractCases::create, NETWORKS),
        ContractCase.of("network", "networks().create over an inactive definition starts it; refused while it runs", NetworkContractCases::createOverDefined,
            NETWORKS),
        ContractCase.of("network", "networks().find and get(): empty and not-found for a missing network", NetworkContractCases::findAndGet, NETWORKS),
        ContractCase.of("network", "networks().list: active and inactive, persistent and transient", NetworkContractCases::list, NETWORKS),
        ContractCase.of("network", "networks().define of a name with another UUID, or of a UUID under another name, is refused",
            NetworkContractCases::duplicates, NETWORKS),
        ContractCase.of("network", "network.start: an inactive network starts, an active one is refused", NetworkContractCases::start, NETWORKS),
        ContractCase.of("network", "network.destroy: an active network stops, an inactive one is refused", NetworkContractCases::destroy, NETWORKS,
            QEMU_DRIVER),
        ContractCase.of("network", "network.undefine: an inactive network is gone, an active one runs on transient", NetworkContractCases::undefine,
            NETWORKS, QEMU_DRIVER),
        ContractCase.of("network", "network.setAutostart and autostart(): kept for a persistent network", NetworkContractCases::autostart, NETWORKS),
        ContractCase.of("network", "network.spec: the next start's definition; a redefinition of a running network waits for it",
            NetworkContractCases::spec, NETWORKS, QEMU_DRIVER),
        ContractCase.of("network", "network.liveSpec: a running NAT network has libvirt's port range, its spec has not", NetworkContractCases::nat,
            NETWORKS, QEMU_DRIVER),
        ContractCase.of("network", "libvirt fills in a virbrN bridge and a MAC address", NetworkContractCases::bridgeAssigned, NETWORKS, QEMU_DRIVER),
        ContractCase.of("network", "a bridge name another network uses is refused", NetworkContractCases::bridgeInUse, NETWORKS, QEMU_DRIVER),
        ContractCase.of("network", "a network whose IPv4 subnet is already routed (another active network's) cannot start or be created",
            NetworkContractCases::subnetInUse, NETWORKS, QEMU_DRIVER),
        ContractCase.of("network", "libvirt's network parser refuses bad names, UUIDs, MACs, addresses, prefixes, DHCP ranges, DNS hosts and forward modes",
            NetworkContractCases::parserRefusals, NETWORKS),
        ContractCase.of("network", "a <forward/> without mode is stored as mode='nat', its dev as its <interface>", NetworkContractCases::forwardWithoutMode,
            NETWORKS),
        ContractCase.of("network", "a <uuid> is 32 hex digits in pairs, dashes and blanks allowed between pairs", NetworkContractCases::uuidForms, NETWORKS),
        ContractCase.of("network", "a domain starts only when the networks its interfaces name are active; its interface gets a tap and the bridge",
            NetworkContractCases::usedByDomain, NETWORKS, QEMU_DRIVER),
        ContractCase.of("network", "network.dhcpLeases: none before a guest asks", NetworkContractCases::noLeases, NETWORKS, DHCP_LEASES),
        ContractCase.of("network", "network.dhcpLeases: a running guest gets a lease from the range, kept after it and the network stop, gone with the network",
            NetworkContractCases::leases, NETWORKS, DHCP_LEASES, QEMU_DRIVER));
  }

  // ------------------------------------------------------------------ helpers

  /** A bridge name unique to the run (at most 15 characters, as Linux wants): {@code kv} + 8 hex + {@code n}. */
  static String bridge(ContractRun run, int n) {
    String id = run.name("").substring("kvmsdk-ct-".length(), "kvmsdk-ct-".length() + 8);
    return "kv" + id + n;
  }

  /** A /24 of 198.18.0.0/15 unique enough to the run: {@code 198.18.X.} (X from the run's id and {@code n}). */
  static String subnet(ContractRun run, int n) { return "198.18." + (Math.floorMod(run.name("").hashCode(), 120) * 2 + n) + "."; }

  /** An isolated network (no forward) on bridge {@code bridge}; {@code uuid} and {@code bridge} may be null. */
  static NetworkSpec network(String name, String uuid, String bridge, XmlElement... more) {
    List<XmlElement> kids = new ArrayList<>();
    kids.add(text("name", name));
    if (uuid != null) kids.add(text("uuid", uuid));
    if (bridge != null) kids.add(el("bridge", attrs("name", bridge)));
    kids.addAll(List.of(more));
    return NetworkSpec.fromXml(el("network", kids.toArray(new XmlElement[0])).toXml());
  }

  /** {@code <ip>} on {@code subnet}.1/24 with a DHCP range .10 to .50. */
  static XmlElement dhcp(String subnet) {
    return el("ip", attrs("address", subnet + "1", "netmask", "255.255.255.0"),
        el("dhcp", el("range", attrs("start", subnet + "10", "end", subnet + "50"))));
  }

  /** Destroys (if active) and undefines (if persistent) network {@code name} when the case ends. */
  static void cleanUp(ContractRun run, String name) {
    Networks networks = run.kvm().networks();
    run.onClose(() -> networks.find(name).ifPresent(n -> {
      if (n.isActive()) n.destroy();
      if (networks.find(name).isPresent() && n.isPersistent()) n.undefine();
    }));
  }

  /** Defines {@code spec} and registers its cleanup. */
  static Network define(ContractRun run, NetworkSpec spec) {
    cleanUp(run, spec.name());
    return run.kvm().networks().define(spec);
  }

  private static Set<String> names(List<Network> networks) { return networks.stream().map(Network::name).collect(Collectors.toSet()); }

  // ------------------------------------------------------------------ cases

  static void define(ContractRun run) {
    String name = run.name("net");
    String br = bridge(run, 0);
    Network n = define(run, network(name, null, br));
    expectEqual("name", name, n.name());
    check(n.uuid() != null && n.uuid().matches(UUID_FORM), "libvirt gives a network without one a UUID, got " + n.uuid());
    expectEqual("found by name", n, run.kvm().networks().get(name));
    check(names(run.kvm().networks().list()).contains(name), "a defined network is listed");
    expectEqual("active after define", false, n.isActive());
    expectEqual("persistent after define", true, n.isPersistent());
    expectEqual("autostart after define", false, n.autostart());
    NetworkSpec spec = n.spec();
    expectEqual("spec name", name, spec.name());
    expectEqual("spec uuid", java.util.Optional.of(n.uuid()), spec.uuid());
    expectEqual("spec bridge", br, attrAt(spec.toXml(), "name", "bridge"));
    expectEqual("spec bridge stp (libvirt's default)", "on", attrAt(spec.toXml(), "stp", "bridge"));
    expectEqual("toString", "Network[" + name + " inactive]", n.toString());
  }

  static void create(ContractRun run) {
    String name = run.name("net");
    cleanUp(run, name);
    Network n = run.kvm().networks().create(network(name, null, bridge(run, 0)));
    expectEqual("create returns the name", name, n.name());
    expectEqual("active after create", true, n.isActive());
    expectEqual("persistent after create", false, n.isPersistent());
    check(names(run.kvm().networks().list()).contains(name), "a transient network is listed");
    n.destroy();
    check(run.kvm().networks().find(name).isEmpty(), "a destroyed transient network is gone");
    check(!names(run.kvm().networks().list()).contains(name), "a destroyed transient network is not listed");
  }

  static void createOverDefined(ContractRun run) {
    String name = run.name("net");
    String uuid = UUID.randomUUID().toString();
    NetworkSpec spec = network(name, uuid, bridge(run, 0));
    define(run, spec);
    Network n = run.kvm().networks().create(spec);
    expectEqual("active", true, n.isActive());
    expectEqual("still persistent", true, n.isPersistent());
    run.expectRefused("create it again while active", () -> run.kvm().networks().create(spec), INVALID,
        "Requested operation is not valid: network is already active as '" + name + "'");
    run.expectRefused("create the name with another UUID", () -> run.kvm().networks().create(network(name, UUID.randomUUID().toString(), bridge(run, 0))),
        FAILED, "operation failed: network '" + name + "' already exists with uuid " + uuid);
    n.destroy();
    expectEqual("destroyed, it is inactive", false, n.isActive());
    expectEqual("and still defined", true, n.isPersistent());
  }

  static void findAndGet(ContractRun run) {
    String name = run.name("nonet");
    check(run.kvm().networks().find(name).isEmpty(), "find() of a missing network is empty");
    NotFoundException e = run.expectNotFound("get()", () -> run.kvm().networks().get(name), "network", name);
    check(e.getCause() == null, "get() of a missing network says so itself, got cause " + e.getCause());
    Network ghost = new Network(run.kvm().hypervisor(), name, null);
    NotFoundException start = run.expectNotFound("start", ghost::start, "network", name);
    if (run.has(QEMU_DRIVER)) {
      check(start.getCause() instanceof LibvirtException le && le.code().equals("VIR_ERR_NO_NETWORK")
          && le.libvirtMessage().equals("Network not found: no network with matching name '" + name + "'"), "libvirt's VIR_ERR_NO_NETWORK, got " + start.getCause());
    }
    run.expectNotFound("spec", ghost::spec, "network", name);
    run.expectNotFound("undefine", ghost::undefine, "network", name);
    run.expectNotFound("autostart", ghost::autostart, "network", name);
    run.expectNotFound("isActive", ghost::isActive, "network", name);
  }

  static void list(ContractRun run) {
    Network off = define(run, network(run.name("off"), null, bridge(run, 0)));
    Network on = define(run, network(run.name("on"), null, bridge(run, 1))).start();
    String t = run.name("tmp");
    cleanUp(run, t);
    Network tmp = run.kvm().networks().create(network(t, null, bridge(run, 2)));
    Set<String> mine = names(run.kvm().networks().list()).stream().filter(x -> x.startsWith(run.name(""))).collect(Collectors.toSet());
    expectEqual("this run's networks listed", Set.of(off.name(), on.name(), tmp.name()), mine);
    for (Network n : run.kvm().networks().list()) {
      if (n.name().equals(on.name())) expectEqual("a listed handle carries the UUID", on.uuid(), n.uuid());
    }
  }

  static void duplicates(ContractRun run) {
    String name = run.name("net");
    String uuid = UUID.randomUUID().toString();
    define(run, network(name, uuid, bridge(run, 0)));
    String msg = "operation failed: network '" + name + "' already exists with uuid " + uuid;
    run.expectRefused("define the same XML without a UUID (libvirt gives it a fresh one)", () -> run.kvm().networks().define(network(name, null, bridge(run, 0))),
        FAILED, msg);
    run.expectRefused("define the name with another UUID", () -> run.kvm().networks().define(network(name, UUID.randomUUID().toString(), bridge(run, 0))),
        FAILED, msg);
    String other = run.name("net-other");
    cleanUp(run, other);
    run.expectRefused("define another name with the UUID", () -> run.kvm().networks().define(network(other, uuid, bridge(run, 1))),
        FAILED, "operation failed: network '" + name + "' is already defined with uuid " + uuid);
    check(run.kvm().networks().find(other).isEmpty(), "the refused network is not defined");
    expectEqual("the network keeps its UUID", uuid, run.kvm().networks().get(name).uuid());
  }

  static void start(ContractRun run) {
    Network n = define(run, network(run.name("net"), null, bridge(run, 0)));
    n.start();
    expectEqual("active after start", true, n.isActive());
    expectEqual("toString", "Network[" + n.name() + " active]", n.toString());
    run.expectRefused("start an active network", n::start, INVALID, "Requested operation is not valid: network is already active");
    expectEqual("still active", true, n.isActive());
  }

  static void destroy(ContractRun run) {
    Network n = define(run, network(run.name("net"), null, bridge(run, 0)));
    run.expectRefused("destroy an inactive network", n::destroy, INVALID, "Requested operation is not valid: network '" + n.name() + "' is not active");
    n.start().destroy();
    expectEqual("inactive after destroy", false, n.isActive());
    check(run.kvm().networks().find(n.name()).isPresent(), "a destroyed persistent network stays defined");
  }

  static void undefine(ContractRun run) {
    Network gone = define(run, network(run.name("gone"), null, bridge(run, 1)));
    gone.undefine();
    check(run.kvm().networks().find(gone.name()).isEmpty(), "an undefined inactive network is gone");
    Network n = define(run, network(run.name("net"), null, bridge(run, 0)));
    n.setAutostart(true).start();
    n.undefine();
    expectEqual("active after undefine", true, n.isActive());
    expectEqual("persistent after undefine", false, n.isPersistent());
    expectEqual("autostart after undefine", false, n.autostart());
    run.expectRefused("autostart a transient network", () -> n.setAutostart(true), INVALID,
        "Requested operation is not valid: cannot set autostart for transient network");
    run.expectRefused("undefine a transient network", n::undefine, INVALID, "Requested operation is not valid: can't undefine transient network");
    n.destroy();
    check(run.kvm().networks().find(n.name()).isEmpty(), "a destroyed transient network is gone");
    run.expectNotFound("destroy it again", n::destroy, "network", n.name());
  }

  static void autostart(ContractRun run) {
    Network n = define(run, network(run.name("net"), null, bridge(run, 0)));
    n.setAutostart(true);
    expectEqual("autostart set", true, n.autostart());
    n.setAutostart(false);
    expectEqual("autostart cleared", false, n.autostart());
  }

  static void spec(ContractRun run) {
    String name = run.name("net");
    String uuid = UUID.randomUUID().toString();
    Network n = define(run, network(name, uuid, bridge(run, 0))).start();
    expectEqual("redefine with the same UUID", n, run.kvm().networks().define(network(name, uuid, bridge(run, 0), el("mtu", attrs("size", "1400")))));
    expectEqual("the running network keeps its definition (no mtu)", null, attrAt(n.liveSpec().toXml(), "size", "mtu"));
    expectEqual("the next start's definition has the mtu", "1400", attrAt(n.spec().toXml(), "size", "mtu"));
    n.destroy();
    expectEqual("once stopped, the new definition is in force", "1400", attrAt(n.liveSpec().toXml(), "size", "mtu"));
  }

  static void nat(ContractRun run) {
    String name = run.name("nat");
    XmlElement forward = el("forward", attrs("mode", "nat"));
    Network n = define(run, network(name, null, bridge(run, 0), forward, dhcp(subnet(run, 1))));
    expectEqual("defined forward mode", "nat", attrAt(n.spec().toXml(), "mode", "forward"));
    n.start();
    String live = n.liveSpec().toXml();
    expectEqual("NAT port range start", "1024", attrAt(live, "start", "forward", "nat", "port"));
    expectEqual("NAT port range end", "65535", attrAt(live, "end", "forward", "nat", "port"));
    expectEqual("the persistent definition has no port range", null, ContractXml.at(n.spec().toXml(), "forward", "nat"));
    expectEqual("live address", subnet(run, 1) + "1", attrAt(live, "address", "ip"));
    expectEqual("live DHCP range", subnet(run, 1) + "10", attrAt(live, "start", "ip", "dhcp", "range"));
  }

  static void subnetInUse(ContractRun run) {
    String subnet = subnet(run, 0);
    String br = bridge(run, 0);
    XmlElement ip = el("ip", attrs("address", subnet + "1", "prefix", "24"));
    Network first = define(run, network(run.name("net"), null, br, ip)).start();
    Network second = define(run, network(run.name("net-b"), null, bridge(run, 1), el("ip", attrs("address", subnet + "1", "netmask", "255.255.255.0"))));
    String msg = "internal error: Network is already in use by interface " + br;
    LibvirtException e = run.expectRefused("start a network on the subnet of a running one", second::start, "VIR_ERR_INTERNAL_ERROR", msg);
    if (run.has(QEMU_DRIVER)) expectEqual("error domain (the route check reports from no driver)", "VIR_FROM_NONE", e.errorDomain());
    expectEqual("the refused network stays inactive", false, second.isActive());
    String t = run.name("net-t");
    cleanUp(run, t);
    run.expectRefused("create a network with another address of the subnet", () -> run.kvm().networks().create(network(t, null, bridge(run, 2),
        el("ip", attrs("address", subnet + "77", "prefix", "24")))), "VIR_ERR_INTERNAL_ERROR", msg);
    check(run.kvm().networks().find(t).isEmpty(), "the refused transient network is gone");
    Network narrower = define(run, network(run.name("net-c"), null, bridge(run, 3), el("ip", attrs("address", subnet + "129", "prefix", "25"))));
    narrower.start();
    expectEqual("a subnet with another mask is another route: it starts", true, narrower.isActive());
    first.destroy();
    second.start();
    expectEqual("once the first network stopped, the second starts", true, second.isActive());
  }

  /** {@code xml} of network {@code name} sent as it is (the SDK refuses most of these at build time). */
  private static void refusedXml(ContractRun run, String what, String name, String xml, String code, String domain, String message) {
    cleanUp(run, name);
    LibvirtException e = run.expectRefused(what, () -> run.kvm().hypervisor().networks().define(xml), code, message);
    if (run.has(QEMU_DRIVER)) expectEqual(what + " (error domain)", domain, e.errorDomain());
    check(run.kvm().networks().find(name).isEmpty(), what + ": the refused network is not defined");
  }

  /** A {@code <network>} document named {@code name} with {@code kids}, as text: the parser's refusals must reach the target unbuilt. */
  private static String doc(String name, XmlElement... kids) {
    List<XmlElement> all = new ArrayList<>();
    all.add(text("name", name));
    all.addAll(List.of(kids));
    return el("network", all.toArray(new XmlElement[0])).toXml();
  }

  /** {@code <ip>} at {@code subnet}.1/24 holding {@code kids}. */
  private static XmlElement ip24(String subnet, XmlElement... kids) { return el("ip", attrs("address", subnet + "1", "prefix", "24"), kids); }

  /** {@code <dhcp>} with one range from {@code start} to {@code end}. */
  private static XmlElement range(String start, String end) { return el("dhcp", el("range", attrs("start", start, "end", end))); }

  static void parserRefusals(ContractRun run) {
    String n = run.name("bad");
    String s = subnet(run, 0);
    String net = "VIR_FROM_NETWORK", none = "VIR_FROM_NONE";
    refusedXml(run, "a name with '/'", n + "/x", doc(n + "/x"), "VIR_ERR_XML_DETAIL", "VIR_FROM_XML", "invalid char in name: /");
    refusedXml(run, "no name", n, el("network", el("bridge", attrs("name", bridge(run, 0)))).toXml(), "VIR_ERR_NO_NAME", net,
        "missing name information");
    refusedXml(run, "a malformed UUID", n, doc(n, text("uuid", "not-a-uuid")), "VIR_ERR_INTERNAL_ERROR", net, "internal error: malformed uuid element");
    refusedXml(run, "a multicast bridge MAC", n, doc(n, el("mac", attrs("address", "01:00:00:00:00:01"))), "VIR_ERR_XML_ERROR", net,
        "XML error: Invalid multicast bridge mac address '01:00:00:00:00:01' in network '" + n + "'");
    refusedXml(run, "a DNS host without hostname", n, doc(n, el("dns", el("host", attrs("ip", s + "7"))), ip24(s)), "VIR_ERR_XML_DETAIL", net,
        "Missing hostname in network '" + n + "' DNS HOST record");
    refusedXml(run, "an address that is not one", n, doc(n, el("ip", attrs("address", "not-an-ip", "prefix", "24"))), "VIR_ERR_XML_ERROR", net,
        "XML error: Invalid address 'not-an-ip' in network '" + n + "'");
    refusedXml(run, "a prefix and a netmask", n, doc(n, el("ip", attrs("address", s + "1", "prefix", "24", "netmask", "255.255.255.0"))),
        "VIR_ERR_CONFIG_UNSUPPORTED", net, "unsupported configuration: Network '" + n + "' IP address cannot have both a prefix and a netmask");
    refusedXml(run, "an IPv4 prefix of 33", n, doc(n, el("ip", attrs("address", s + "1", "prefix", "33"))), "VIR_ERR_CONFIG_UNSUPPORTED", net,
        "unsupported configuration: Invalid IPv4 prefix '33' in network '" + n + "'");
    String other = "198.18." + (Integer.parseInt(s.split("\\.")[2]) ^ 1) + ".";
    refusedXml(run, "a DHCP range outside the subnet", n, doc(n, ip24(s, range(other + "10", other + "50"))),
        "VIR_ERR_INTERNAL_ERROR", none, "internal error: range " + other + "10 - " + other + "50 is not entirely within network " + s + "1/24");
    refusedXml(run, "a reversed DHCP range", n, doc(n, ip24(s, range(s + "50", s + "10"))),
        "VIR_ERR_INTERNAL_ERROR", none, "internal error: range " + s + "50 - " + s + "10 is reversed ");
    refusedXml(run, "a DHCP range from the network address", n, doc(n, ip24(s, range(s + "0", s + "10"))),
        "VIR_ERR_INTERNAL_ERROR", none, "internal error: start of range " + s + "0 - " + s + "10 in network " + s + "1/24 is the network address");
    refusedXml(run, "an unknown forward mode", n, doc(n, el("forward", attrs("mode", "bogus"))), "VIR_ERR_CONFIG_UNSUPPORTED", net,
        "unsupported configuration: unknown forwarding type 'bogus'");
    for (String mode : List.of("nat", "route", "open")) {
      refusedXml(run, "mode " + mode + " without an address", n, doc(n, el("forward", attrs("mode", mode))), "VIR_ERR_XML_ERROR", net,
          "XML error: " + mode + " forwarding requested, but no IP address provided for network '" + n + "'");
    }
    if (run.has(QEMU_DRIVER)) {   // the network driver's own check: libvirt's test driver has none
      refusedXml(run, "DHCP on two IPv4 addresses", n, doc(n, ip24(s, range(s + "10", s + "20")), ip24(other, range(other + "10", other + "20"))),
          "VIR_ERR_CONFIG_UNSUPPORTED", net,
          "unsupported configuration: Multiple IPv4 dhcp sections found -- dhcp is supported only for a single IPv4 address on each network");
    }
  }

  static void forwardWithoutMode(ContractRun run) {
    Network n = define(run, network(run.name("nat"), null, bridge(run, 0), el("forward"), el("ip", attrs("address", subnet(run, 0) + "1", "prefix", "24"))));
    expectEqual("the stored forward mode", "nat", attrAt(n.spec().toXml(), "mode", "forward"));
    expectEqual("the spec's forward mode", "nat", n.spec().forwardMode());
    Network dev = define(run, network(run.name("natdev"), null, bridge(run, 1), el("forward", attrs("dev", "eth0")),
        el("ip", attrs("address", subnet(run, 1) + "1", "prefix", "24"))));
    String xml = dev.spec().toXml();
    expectEqual("a forward dev's mode", "nat", attrAt(xml, "mode", "forward"));
    expectEqual("the forward dev is listed as its interface", "eth0", attrAt(xml, "dev", "forward", "interface"));
  }

  static void uuidForms(ContractRun run) {
    String name = run.name("net");
    cleanUp(run, name);
    String uuid = UUID.randomUUID().toString();
    String loose = " " + uuid.replace("-", "").toUpperCase(java.util.Locale.ROOT).replaceAll("(....)", "$1 ").trim() + " ";
    String xml = "<network><name>" + name + "</name><uuid>" + loose + "</uuid><bridge name='" + bridge(run, 0) + "'/></network>";
    expectEqual("the UUID as libvirt reads it", uuid, run.kvm().hypervisor().networks().define(xml).uuid());
    expectEqual("and stores it", java.util.Optional.of(uuid), run.kvm().networks().get(name).spec().uuid());
    String other = run.name("net-b");
    cleanUp(run, other);
    refusedXml(run, "33 hex digits", other, "<network><name>" + other + "</name><uuid>" + uuid + "0</uuid></network>", "VIR_ERR_INTERNAL_ERROR",
        "VIR_FROM_NETWORK", "internal error: malformed uuid element");
    refusedXml(run, "a blank inside a pair", other, "<network><name>" + other + "</name><uuid>" + uuid.substring(0, 35) + " " + uuid.substring(35)
        + "</uuid></network>", "VIR_ERR_INTERNAL_ERROR", "VIR_FROM_NETWORK", "internal error: malformed uuid element");
  }

  static void bridgeAssigned(ContractRun run) {
    Network n = define(run, network(run.name("net"), null, null));
    String xml = n.spec().toXml();
    String br = attrAt(xml, "name", "bridge");
    check(br != null && br.matches("virbr[0-9]+"), "libvirt names the bridge virbrN, got " + br);
    expectEqual("bridge stp (libvirt's default)", "on", attrAt(xml, "stp", "bridge"));
    expectEqual("bridge delay (libvirt's default)", "0", attrAt(xml, "delay", "bridge"));
    String mac = attrAt(xml, "address", "mac");
    check(mac != null && mac.startsWith("52:54:00:"), "libvirt gives an isolated network a MAC address in QEMU's range:\n" + xml);
  }

  static void bridgeInUse(ContractRun run) {
    String br = bridge(run, 0);
    define(run, network(run.name("net"), null, br));
    String other = run.name("net-other");
    cleanUp(run, other);
    String msg = "internal error: bridge name '" + br + "' already in use.";
    run.expectRefused("define another network on the same bridge", () -> run.kvm().networks().define(network(other, null, br)), "VIR_ERR_INTERNAL_ERROR", msg);
    run.expectRefused("create another network on the same bridge", () -> run.kvm().networks().create(network(other, null, br)), "VIR_ERR_INTERNAL_ERROR", msg);
    check(run.kvm().networks().find(other).isEmpty(), "the refused network is not defined");
  }

  static void usedByDomain(ContractRun run) {
    String net = run.name("dnet");
    Domain d = run.define(run.guest(run.name("onnet")).copy(b -> b.addInterface(Nic.network(net).virtio())));
    String mac = d.inactiveSpec().devices().interfaces().get(0).mac().flatMap(m -> m.address()).orElse(null);
    check(mac != null && mac.startsWith("52:54:00:"), "libvirt gives an interface without one a MAC at define, got " + mac);
    NotFoundException e = run.expectNotFound("start a domain on a missing network", d::start, "network", net);
    check(e.getCause() instanceof LibvirtException le && le.code().equals("VIR_ERR_NO_NETWORK"), "the cause is libvirt's VIR_ERR_NO_NETWORK, got " + e.getCause());
    String br = bridge(run, 5);
    Network n = define(run, network(net, null, br));
    run.expectRefused("start a domain on an inactive network", d::start, INVALID, "Requested operation is not valid: network '" + net + "' is not active");
    expectEqual("state after the refusals", DomainState.SHUTOFF, d.state());
    n.start();
    d.start();
    expectEqual("state on an active network", DomainState.RUNNING, d.state());
    Nic live = d.spec().devices().interfaces().get(0);
    check(live.target().flatMap(t -> t.dev()).filter(x -> x.startsWith("vnet")).isPresent(), "a running interface has a tap vnetN, got " + live.target());
    expectEqual("a running interface names its network's bridge", java.util.Optional.of(br), live.source().flatMap(s -> s.bridge()));
    expectEqual("the MAC is kept", java.util.Optional.of(mac), live.mac().flatMap(m -> m.address()));
    check(d.inactiveSpec().devices().interfaces().get(0).target().isEmpty(), "the definition keeps no tap");
    expectEqual("the live network counts the guest's interface", java.util.Optional.of(1), n.liveSpec().connections());
    expectEqual("its definition counts none", java.util.Optional.empty(), n.spec().connections());
    d.destroy();
    expectEqual("the guest stopped, no connection is left", java.util.Optional.empty(), n.liveSpec().connections());
  }

  static void noLeases(ContractRun run) {
    Network n = define(run, network(run.name("net"), null, bridge(run, 0), dhcp(subnet(run, 0)))).start();
    expectEqual("no guest, no lease", List.of(), n.dhcpLeases());
    n.destroy();
    expectEqual("nor once stopped", List.of(), n.dhcpLeases());
  }

  /** A guest that asks for an address at once: it boots iPXE from its interface (a real guest waits up to 60 s for it). */
  static DomainSpec dhcpGuest(ContractRun run, String name, String network) {
    DomainSpec g = run.guest(name);
    Os os = Os.builder().from(g.os().orElseThrow()).boots(List.of("network")).build();
    return g.copy(b -> b.os(os).addInterface(Nic.network(network).virtio()));
  }

  static void leases(ContractRun run) {
    String net = run.name("dhcp");
    String subnet = subnet(run, 0);
    String br = bridge(run, 0);
    Network n = define(run, network(net, null, br, dhcp(subnet))).start();
    Domain d = run.define(dhcpGuest(run, run.name("pxe"), net)).start();
    String mac = d.spec().devices().interfaces().get(0).mac().flatMap(m -> m.address()).orElseThrow();
    List<DhcpLease> leases = ContractRun.awaitReal(60, n::dhcpLeases, l -> !l.isEmpty());
    check(leases.size() == 1, "one lease for the one guest, got " + leases);
    DhcpLease l = leases.get(0);
    expectEqual("lease MAC", java.util.Optional.of(mac), l.mac());
    expectEqual("lease interface (the bridge)", br, l.iface());
    expectEqual("lease type", "ipv4", l.type());
    expectEqual("lease prefix", 24, l.prefix());
    int last = Integer.parseInt(l.ipAddress().substring(l.ipAddress().lastIndexOf('.') + 1));
    check(l.ipAddress().startsWith(subnet) && last >= 10 && last <= 50, "the address comes from the range " + subnet + "10-50, got " + l.ipAddress());
    expectEqual("client id (what iPXE sends: 01 and the MAC)", java.util.Optional.of("01:" + mac), l.clientId());
    d.destroy();
    expectEqual("the lease outlives the guest (dnsmasq keeps it until it expires)", List.of(l.ipAddress()),
        n.dhcpLeases().stream().map(DhcpLease::ipAddress).toList());
    n.destroy();
    expectEqual("a stopped network keeps its leases (its status file)", List.of(l.ipAddress()), n.dhcpLeases().stream().map(DhcpLease::ipAddress).toList());
    n.undefine();
    Network again = define(run, network(net, null, br, dhcp(subnet)));
    expectEqual("a network defined anew under the name has none", List.of(), again.dhcpLeases());
  }
}
