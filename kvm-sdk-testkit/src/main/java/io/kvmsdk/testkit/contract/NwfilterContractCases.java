package io.kvmsdk.testkit.contract;

import static io.kvmsdk.testkit.contract.ContractCapability.NETWORKS;
import static io.kvmsdk.testkit.contract.ContractCapability.NWFILTERS;
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
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.NicFilterRef;
import io.kvmsdk.core.nwfilter.NwFilter;
import io.kvmsdk.core.nwfilter.NwFilterBinding;
import io.kvmsdk.core.nwfilter.NwFilterBindingSpec;
import io.kvmsdk.core.nwfilter.NwFilterSpec;
import io.kvmsdk.core.nwfilter.NwFilters;
import io.kvmsdk.core.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Contract cases of area {@code nwfilter}: {@code kvm.nwfilters()}, its {@link NwFilter} handles and the
 * bindings libvirt makes for running guests' interfaces ({@code kvm.nwfilters().bindings()}); a case
 * per handle method. Guests bound to a filter run on an isolated network of their own.
 */
final class NwfilterContractCases {
  private NwfilterContractCases() {}

  static List<ContractCase> all() {
    return List.of(
        ContractCase.of("nwfilter", "nwfilters().define: a UUID and the root chain given, found, listed; a reference to an undefined filter kept",
            NwfilterContractCases::define, NWFILTERS),
        ContractCase.of("nwfilter", "nwfilter.spec: the chain's default priority and each rule's are filled in", NwfilterContractCases::spec, NWFILTERS),
        ContractCase.of("nwfilter", "nwfilters().define of a name or UUID in use is refused; the same UUID redefines", NwfilterContractCases::duplicates,
            NWFILTERS),
        ContractCase.of("nwfilter", "nwfilters().define on an unknown chain is refused", NwfilterContractCases::badChain, NWFILTERS),
        ContractCase.of("nwfilter", "nwfilters().define refuses what libvirt's parser refuses: a priority out of range, an unknown action or"
            + " direction, an illegal attribute value, ports without a port protocol", NwfilterContractCases::parserRefusals, NWFILTERS),
        ContractCase.of("nwfilter", "nwfilter XML reads back as libvirt rewrites it: a rule priority out of range is 500, statematch only"
            + " false, one protocol per rule, attributes in libvirt's order, unknown elements dropped", NwfilterContractCases::rewrites, NWFILTERS),
        ContractCase.of("nwfilter", "nwfilters().find and get(): empty and not-found for a missing filter", NwfilterContractCases::findAndGet, NWFILTERS),
        ContractCase.of("nwfilter", "nwfilters().list: every filter, with its UUID", NwfilterContractCases::list, NWFILTERS),
        ContractCase.of("nwfilter", "nwfilter.undefine: gone, even when another filter refers to it", NwfilterContractCases::undefine, NWFILTERS),
        ContractCase.of("nwfilter", "bindings().create, find, get, list; binding.portdev, filter, spec, delete", NwfilterContractCases::bindings,
            NWFILTERS),
        ContractCase.of("nwfilter", "a running guest's interface with a filterref is bound until it stops; a missing filter refuses the start",
            NwfilterContractCases::guestBinding, NWFILTERS, NETWORKS, QEMU_DRIVER),
        ContractCase.of("nwfilter", "nwfilter.undefine of a filter a running guest uses, directly or through a filterref, is refused",
            NwfilterContractCases::inUse, NWFILTERS, NETWORKS, QEMU_DRIVER));
  }

  // ------------------------------------------------------------------ helpers

  /** A filter on {@code chain} (null: none given) with {@code uuid} (may be null) and {@code children}. */
  static NwFilterSpec filter(String name, String chain, String uuid, XmlElement... children) {
    List<XmlElement> kids = new ArrayList<>();
    if (uuid != null) kids.add(text("uuid", uuid));
    kids.addAll(List.of(children));
    String[] a = chain == null ? attrs("name", name) : attrs("name", name, "chain", chain);
    return NwFilterSpec.fromXml(el("filter", a, kids.toArray(new XmlElement[0])).toXml());
  }

  /** A rule accepting everything out of the guest. */
  static XmlElement acceptAll() { return el("rule", attrs("action", "accept", "direction", "out"), el("all")); }

  /** Undefines filter {@code name} when the case ends (after the guests using it, registered earlier, stopped). */
  static void cleanUp(ContractRun run, String name) {
    NwFilters filters = run.kvm().nwfilters();
    run.onClose(() -> filters.find(name).ifPresent(NwFilter::undefine));
  }

  static NwFilter define(ContractRun run, NwFilterSpec spec) {
    cleanUp(run, spec.name());
    return run.kvm().nwfilters().define(spec);
  }

  /** A binding of {@code filter} to a port device of no guest, made by hand. */
  static NwFilterBindingSpec binding(String portdev, String filter, String mac) {
    return NwFilterBindingSpec.fromXml(el("filterbinding",
        el("owner", text("name", "kvmsdk-contract"), text("uuid", "11111111-2222-3333-4444-555555555555")),
        el("portdev", attrs("name", portdev)), el("mac", attrs("address", mac)), el("filterref", attrs("filter", filter))).toXml());
  }

  /** A guest with one interface on {@code network} whose traffic {@code filter} guards. */
  static Domain guestWithFilter(ContractRun run, String name, String network, String filter) {
    Nic nic = Nic.network(network).virtio().copy(b -> b.filterref(NicFilterRef.builder().filter(filter).build()));
    return run.define(run.guest(name).copy(b -> b.addInterface(nic)));
  }

  private static Set<String> names(List<NwFilter> filters) { return filters.stream().map(NwFilter::name).collect(Collectors.toSet()); }

  // ------------------------------------------------------------------ cases

  static void define(ContractRun run) {
    String name = run.name("filter");
    NwFilter f = define(run, filter(name, null, null, el("filterref", attrs("filter", run.name("not-defined-yet")))));
    expectEqual("name", name, f.name());
    check(f.uuid() != null && f.uuid().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "libvirt gives a filter a UUID, got " + f.uuid());
    expectEqual("found", f, run.kvm().nwfilters().get(name));
    check(names(run.kvm().nwfilters().list()).contains(name), "a defined filter is listed");
    String xml = f.spec().toXml();
    expectEqual("spec name", name, f.spec().name());
    expectEqual("spec chain (libvirt's default)", java.util.Optional.of("root"), f.spec().chain());
    expectEqual("no priority for the root chain", null, XmlElement.parse(xml).attr("priority"));
    expectEqual("spec uuid", java.util.Optional.of(f.uuid()), f.spec().uuid());
    expectEqual("a reference to a filter not defined yet is kept", run.name("not-defined-yet"), attrAt(xml, "filter", "filterref"));
    expectEqual("toString", "NwFilter[" + name + "]", f.toString());
  }

  static void spec(ContractRun run) {
    NwFilter f = define(run, filter(run.name("filter"), "ipv4", null,
        el("rule", attrs("action", "accept", "direction", "out"), el("tcp", attrs("dstportstart", "22")))));
    String xml = f.spec().toXml();
    expectEqual("the ipv4 chain's priority", "-700", XmlElement.parse(xml).attr("priority"));
    expectEqual("a rule's default priority", "500", attrAt(xml, "priority", "rule"));
    expectEqual("the rule's match", "22", attrAt(xml, "dstportstart", "rule", "tcp"));
  }

  static void duplicates(ContractRun run) {
    String name = run.name("filter");
    String uuid = UUID.randomUUID().toString();
    define(run, filter(name, null, uuid));
    run.expectRefused("define the name without a UUID (libvirt gives it a fresh one)", () -> run.kvm().nwfilters().define(filter(name, null, null)),
        "VIR_ERR_OPERATION_FAILED", "operation failed: filter '" + name + "' already exists with uuid " + uuid);
    String other = run.name("filter-other");
    cleanUp(run, other);
    run.expectRefused("define another name with the UUID", () -> run.kvm().nwfilters().define(filter(other, null, uuid)),
        "VIR_ERR_OPERATION_FAILED", "operation failed: filter with same UUID but different name ('" + name + "') already exists");
    check(run.kvm().nwfilters().find(other).isEmpty(), "the refused filter is not defined");
    NwFilter again = run.kvm().nwfilters().define(filter(name, "ipv4", uuid));
    expectEqual("redefined, same UUID", uuid, again.uuid());
    expectEqual("the redefinition is in force", java.util.Optional.of("ipv4"), again.spec().chain());
  }

  static void badChain(ContractRun run) {
    String name = run.name("filter");
    cleanUp(run, name);
    // the SDK refuses such a spec at build time; the XML sent as it is shows the target refuses it alike
    String xml = io.kvmsdk.core.xml.XmlElement.builder("filter").attr("name", name).attr("chain", "bogus").build().toXml();
    run.expectRefused("define a filter on chain 'bogus'", () -> run.kvm().hypervisor().nwfilters().define(xml), "VIR_ERR_INVALID_ARG",
        "invalid argument: Invalid chain name 'bogus'. Please use a chain name called 'root' or any of the following prefixes: mac, vlan, stp, arp, rarp, ipv4, ipv6");
    check(run.kvm().nwfilters().find(name).isEmpty(), "the refused filter is not defined");
  }

  static void parserRefusals(ContractRun run) {
    String name = run.name("filter");
    cleanUp(run, name);
    // the SDK's NwFilterSpec refuses these at build(); the XML sent as it is shows the target refuses it alike
    String[][] refused = {
        {"<filter name='N' chain='ipv4' priority='2000'/>", "VIR_ERR_INVALID_ARG", "invalid argument: Priority '2000' is outside valid range of [-1000,1000]"},
        {"<filter name='N' chain='ipv4' priority='high'/>", "VIR_ERR_INVALID_ARG", "invalid argument: Could not parse chain priority 'high'"},
        {"<filter name='N' chain='ipv4-abcdefghij'/>", "VIR_ERR_INVALID_ARG", "invalid argument: Name of chain is longer than 12 characters"},
        {"<filter name='N' chain='ipv4 x'/>", "VIR_ERR_INVALID_ARG", "invalid argument: Chain name contains invalid characters"},
        {"<filter name='N'><rule action='bogus' direction='in'><all/></rule></filter>", "VIR_ERR_CONFIG_UNSUPPORTED",
            "unsupported configuration: unknown rule action attribute value"},
        {"<filter name='N'><rule direction='in'><all/></rule></filter>", "VIR_ERR_INTERNAL_ERROR", "internal error: rule node requires action attribute"},
        {"<filter name='N'><rule action='drop' direction='sideways'><all/></rule></filter>", "VIR_ERR_CONFIG_UNSUPPORTED",
            "unsupported configuration: unknown rule direction attribute value"},
        {"<filter name='N'><rule action='drop'><all/></rule></filter>", "VIR_ERR_INTERNAL_ERROR", "internal error: rule node requires direction attribute"},
        {"<filter name='N'><rule action='accept' direction='in'><tcp dstportstart='99999'/></rule></filter>", "VIR_ERR_INTERNAL_ERROR",
            "internal error: dstportstart has illegal value 99999"},
        {"<filter name='N'><rule action='accept' direction='in'><ip srcipaddr='not-an-ip'/></rule></filter>", "VIR_ERR_INTERNAL_ERROR",
            "internal error: srcipaddr has illegal value not-an-ip"},
        // libvirt checks every attribute and reports the last bad one in its own order
        {"<filter name='N'><rule action='accept' direction='in'><tcp dstportstart='99999' srcipaddr='x'/></rule></filter>", "VIR_ERR_INTERNAL_ERROR",
            "internal error: dstportstart has illegal value 99999"},
        {"<filter name='N'><rule action='accept' direction='in'><ip dstportstart='80'/></rule></filter>", "VIR_ERR_INTERNAL_ERROR",
            "internal error: IP rule with port specification requires protocol specification with protocol to be either one of tcp(6), udp(17),"
                + " dccp(33), or sctp(132)"},
        {"<filter name='N'><filterref/></filter>", "VIR_ERR_INTERNAL_ERROR", "internal error: rule node requires action attribute"},
        {"<filter priority='5000'><rule action='bogus' direction='in'/></filter>", "VIR_ERR_INTERNAL_ERROR", "internal error: filter has no name"},
    };
    for (String[] r : refused) {
      String xml = r[0].replace("'N'", "'" + name + "'");
      run.expectRefused(xml, () -> run.kvm().hypervisor().nwfilters().define(xml), r[1], r[2]);
      check(run.kvm().nwfilters().find(name).isEmpty(), "the refused filter is not defined: " + xml);
    }
  }

  static void rewrites(ContractRun run) {
    String name = run.name("filter");
    cleanUp(run, name);
    String xml = "<filter name='" + name + "' priority='100'>"
        + "<rule action='drop' direction='in' priority='-1001' statematch='FALSE'><all/><tcp dstportstart='22'/></rule>"
        + "<rule action='accept' direction='out' priority='+7' statematch='true'><udp dstportstart='53' connlimit-above='5' match='yes' state='NEW'/></rule>"
        + "<foo/><rule action='accept' direction='in'><mac match='no' protocolid='arp'/></rule></filter>";
    String uuid = run.kvm().hypervisor().nwfilters().define(xml).uuid();
    expectEqual("the XML libvirt formats", "<filter name='" + name + "' chain='root'>\n  <uuid>" + uuid + "</uuid>\n"
        + "  <rule action='drop' direction='in' priority='500' statematch='false'>\n    <all/>\n  </rule>\n"
        + "  <rule action='accept' direction='out' priority='7'>\n    <udp connlimit-above='5' state='NEW' dstportstart='53'/>\n  </rule>\n"
        + "  <rule action='accept' direction='in' priority='500'>\n    <mac match='no' protocolid='arp'/>\n  </rule>\n</filter>\n",
        run.kvm().hypervisor().nwfilters().xml(name));
    String ipv4 = "<filter name='" + name + "' chain='ipv4-x' priority=' +5'><uuid>" + uuid.toUpperCase(java.util.Locale.ROOT) + "</uuid>"
        + "<filterref filter='" + run.name("other") + "'/></filter>";
    run.kvm().hypervisor().nwfilters().define(ipv4);
    expectEqual("a redefinition on a chain, its priority as a number", "<filter name='" + name + "' chain='ipv4-x' priority='5'>\n  <uuid>" + uuid
        + "</uuid>\n  <filterref filter='" + run.name("other") + "'/>\n</filter>\n", run.kvm().hypervisor().nwfilters().xml(name));
  }

  static void findAndGet(ContractRun run) {
    String name = run.name("nofilter");
    check(run.kvm().nwfilters().find(name).isEmpty(), "find() of a missing filter is empty");
    run.expectNotFound("get()", () -> run.kvm().nwfilters().get(name), "nwfilter", name);
    NwFilter ghost = new NwFilter(run.kvm().hypervisor(), name, null);
    NotFoundException e = run.expectNotFound("spec", ghost::spec, "nwfilter", name);
    if (run.has(QEMU_DRIVER)) {
      check(e.getCause() instanceof LibvirtException le && le.code().equals("VIR_ERR_NO_NWFILTER")
          && le.libvirtMessage().equals("Network filter not found: no nwfilter with matching name '" + name + "'"), "libvirt's error, got " + e.getCause());
    }
    run.expectNotFound("undefine", ghost::undefine, "nwfilter", name);
  }

  static void list(ContractRun run) {
    NwFilter a = define(run, filter(run.name("a"), null, null));
    NwFilter b = define(run, filter(run.name("b"), "arp", null));
    List<NwFilter> all = run.kvm().nwfilters().list();
    Set<String> mine = names(all).stream().filter(n -> n.startsWith(run.name(""))).collect(Collectors.toSet());
    expectEqual("this run's filters listed", Set.of(a.name(), b.name()), mine);
    check(all.contains(b), "a listed handle carries the UUID: " + all);
  }

  static void undefine(ContractRun run) {
    NwFilter inner = define(run, filter(run.name("inner"), null, null, acceptAll()));
    NwFilter outer = define(run, filter(run.name("outer"), null, null, el("filterref", attrs("filter", inner.name()))));
    inner.undefine();
    check(run.kvm().nwfilters().find(inner.name()).isEmpty(), "an undefined filter is gone, though another filter refers to it");
    expectEqual("the referring filter keeps its reference", inner.name(), attrAt(outer.spec().toXml(), "filter", "filterref"));
    run.expectNotFound("undefine it again", inner::undefine, "nwfilter", inner.name());
  }

  static void bindings(ContractRun run) {
    NwFilter f = define(run, filter(run.name("filter"), null, null, acceptAll()));
    String portdev = "kvb" + NetworkContractCases.bridge(run, 0).substring(2);
    run.onClose(() -> run.kvm().nwfilters().bindings().find(portdev).ifPresent(NwFilterBinding::delete));
    check(run.kvm().nwfilters().bindings().find(portdev).isEmpty(), "find() of a missing binding is empty");
    run.expectNotFound("get() of a missing binding", () -> run.kvm().nwfilters().bindings().get(portdev), "nwfilter binding", portdev);
    NwFilterBinding b = run.kvm().nwfilters().bindings().create(binding(portdev, f.name(), "52:54:00:11:22:33"));
    expectEqual("portdev", portdev, b.portdev());
    expectEqual("filter", f.name(), b.filter());
    check(run.kvm().nwfilters().bindings().list().contains(b), "a binding is listed");
    expectEqual("found", b, run.kvm().nwfilters().bindings().get(portdev));
    String xml = b.spec().toXml();
    expectEqual("owner", "kvmsdk-contract", textAt(xml, "owner", "name"));
    expectEqual("mac", "52:54:00:11:22:33", attrAt(xml, "address", "mac"));
    expectEqual("toString", "NwFilterBinding[" + portdev + " -> " + f.name() + "]", b.toString());
    run.expectRefused("bind the port device again", () -> run.kvm().nwfilters().bindings().create(binding(portdev, f.name(), "52:54:00:11:22:33")),
        "VIR_ERR_OPERATION_FAILED", "operation failed: binding '" + portdev + "' already exists");
    b.delete();
    check(run.kvm().nwfilters().bindings().find(portdev).isEmpty(), "a deleted binding is gone");
    NotFoundException e = run.expectNotFound("delete it again", b::delete, "nwfilter binding", portdev);
    if (run.has(QEMU_DRIVER)) {
      check(e.getCause() instanceof LibvirtException le && le.code().equals("VIR_ERR_NO_NWFILTER_BINDING")
          && le.libvirtMessage().equals("Network filter binding not found: no nwfilter binding for port dev '" + portdev + "'"), "libvirt's error, got " + e.getCause());
    }
  }

  static void guestBinding(ContractRun run) {
    String net = run.name("fnet");
    NetworkContractCases.define(run, NetworkContractCases.network(net, null, NetworkContractCases.bridge(run, 0))).start();
    String fname = run.name("guard");
    cleanUp(run, fname);   // before the guest's, so the guest stops first
    Domain d = guestWithFilter(run, run.name("guarded"), net, fname);
    run.expectRefused("start with a filter that is not defined", d::start, "VIR_ERR_INTERNAL_ERROR",
        "internal error: referenced filter '" + fname + "' is missing");
    expectEqual("state after the refusal", DomainState.SHUTOFF, d.state());
    run.kvm().nwfilters().define(filter(fname, null, null, acceptAll()));
    d.start();
    Nic nic = d.spec().devices().interfaces().get(0);
    String tap = nic.target().flatMap(t -> t.dev()).orElseThrow(() -> new AssertionError("a running interface has a tap"));
    String mac = nic.mac().flatMap(m -> m.address()).orElseThrow();
    NwFilterBinding b = run.kvm().nwfilters().bindings().find(tap).orElseThrow(() -> new AssertionError("the running interface " + tap + " is bound"));
    expectEqual("bound filter", fname, b.filter());
    String xml = b.spec().toXml();
    expectEqual("owner name", d.name(), textAt(xml, "owner", "name"));
    expectEqual("owner uuid", d.uuid(), textAt(xml, "owner", "uuid"));
    expectEqual("portdev", tap, attrAt(xml, "name", "portdev"));
    expectEqual("mac", mac, attrAt(xml, "address", "mac"));
    expectEqual("the MAC parameter libvirt adds", "MAC", attrAt(xml, "name", "filterref", "parameter"));
    expectEqual("its value", mac, attrAt(xml, "value", "filterref", "parameter"));
    d.destroy();
    check(run.kvm().nwfilters().bindings().find(tap).isEmpty(), "a stopped guest's binding is gone");
  }

  static void inUse(ContractRun run) {
    String net = run.name("fnet");
    NetworkContractCases.define(run, NetworkContractCases.network(net, null, NetworkContractCases.bridge(run, 0))).start();
    NwFilter inner = define(run, filter(run.name("inner"), null, null, acceptAll()));
    NwFilter outer = define(run, filter(run.name("outer"), null, null, el("filterref", attrs("filter", inner.name()))));
    Domain d = guestWithFilter(run, run.name("guarded"), net, outer.name());
    d.start();
    String msg = "Requested operation is not valid: nwfilter is in use";
    run.expectRefused("undefine the filter a running guest uses", outer::undefine, "VIR_ERR_OPERATION_INVALID", msg);
    run.expectRefused("undefine a filter it refers to", inner::undefine, "VIR_ERR_OPERATION_INVALID", msg);
    check(run.kvm().nwfilters().find(outer.name()).isPresent(), "the filter in use stays");
    d.destroy();
    outer.undefine();
    inner.undefine();
    check(run.kvm().nwfilters().find(inner.name()).isEmpty(), "once the guest stopped, the filters go");
  }
}
