package io.kvmsdk.testkit.contract;

import static io.kvmsdk.testkit.contract.ContractCapability.NWFILTERS;
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

/** Contract cases of area {@code nwfilter}: network filters as libvirt's nwfilter driver keeps them (defined, never bound here). */
final class NwfilterContractCases {
  private NwfilterContractCases() {}

  static List<ContractCase> all() {
    return List.of(
        ContractCase.of("nwfilter", "a filter is defined, described and undefined", NwfilterContractCases::lifecycle, NWFILTERS),
        ContractCase.of("nwfilter", "a chain's default priority and a rule's are filled in", NwfilterContractCases::defaults, NWFILTERS),
        ContractCase.of("nwfilter", "defining a filter's name or UUID again is refused", NwfilterContractCases::duplicates, NWFILTERS),
        ContractCase.of("nwfilter", "an unknown chain is refused", NwfilterContractCases::badChain, NWFILTERS),
        ContractCase.of("nwfilter", "a missing filter is not found", NwfilterContractCases::missing, NWFILTERS));
  }

  /** A filter on {@code chain} (null: none given) with {@code uuid} (may be null) and {@code children}. */
  static String filter(String name, String chain, String uuid, XmlElement... children) {
    List<XmlElement> kids = new ArrayList<>();
    if (uuid != null) kids.add(text("uuid", uuid));
    kids.addAll(List.of(children));
    String[] a = chain == null ? attrs("name", name) : attrs("name", name, "chain", chain);
    return el("filter", a, kids.toArray(new XmlElement[0])).toXml();
  }

  /** Undefines filter {@code name} when the case ends. */
  static void cleanUp(ContractRun run, String name) {
    Hypervisor hv = run.kvm().hypervisor();
    run.onClose(() -> {
      if (hv.listNwfilters().contains(name)) hv.undefineNwfilter(name);
    });
  }

  static void lifecycle(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("filter");
    cleanUp(run, name);
    expectEqual("defineNwfilter returns the name", name, hv.defineNwfilter(filter(name, null, null,
        el("filterref", attrs("filter", run.name("not-defined-yet"))))));
    check(hv.listNwfilters().contains(name), "a defined filter is listed: " + hv.listNwfilters());
    String xml = hv.nwfilterXml(name);
    expectEqual("XML name", name, XmlElement.parse(xml).attr("name"));
    expectEqual("XML chain (libvirt's default)", "root", XmlElement.parse(xml).attr("chain"));
    expectEqual("XML priority (none for the root chain)", null, XmlElement.parse(xml).attr("priority"));
    String uuid = textAt(xml, "uuid");
    check(uuid != null && uuid.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "libvirt gives a filter a UUID:\n" + xml);
    expectEqual("a reference to a filter not defined yet is kept", run.name("not-defined-yet"), attrAt(xml, "filter", "filterref"));
    hv.undefineNwfilter(name);
    check(!hv.listNwfilters().contains(name), "an undefined filter is not listed");
  }

  static void defaults(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("filter");
    cleanUp(run, name);
    hv.defineNwfilter(filter(name, "ipv4", null,
        el("rule", attrs("action", "accept", "direction", "out"), el("tcp", attrs("dstportstart", "22")))));
    String xml = hv.nwfilterXml(name);
    expectEqual("the ipv4 chain's priority", "-700", XmlElement.parse(xml).attr("priority"));
    expectEqual("a rule's default priority", "500", attrAt(xml, "priority", "rule"));
    expectEqual("the rule's match", "22", attrAt(xml, "dstportstart", "rule", "tcp"));
  }

  static void duplicates(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("filter");
    String uuid = UUID.randomUUID().toString();
    cleanUp(run, name);
    hv.defineNwfilter(filter(name, null, uuid));
    run.expectRefused("define the name without a UUID (libvirt gives it a fresh one)", () -> hv.defineNwfilter(filter(name, null, null)),
        "VIR_ERR_OPERATION_FAILED", "operation failed: filter '" + name + "' already exists with uuid " + uuid);
    String other = run.name("filter-other");
    cleanUp(run, other);
    run.expectRefused("define another name with the UUID", () -> hv.defineNwfilter(filter(other, null, uuid)),
        "VIR_ERR_OPERATION_FAILED", "operation failed: filter with same UUID but different name ('" + name + "') already exists");
    check(!hv.listNwfilters().contains(other), "the refused filter is not defined");
    expectEqual("redefine with the same UUID", name, hv.defineNwfilter(filter(name, "ipv4", uuid)));
    expectEqual("the redefinition is in force", "ipv4", XmlElement.parse(hv.nwfilterXml(name)).attr("chain"));
  }

  static void badChain(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("filter");
    cleanUp(run, name);
    run.expectRefused("define a filter on chain 'bogus'", () -> hv.defineNwfilter(filter(name, "bogus", null)), "VIR_ERR_INVALID_ARG",
        "invalid argument: Invalid chain name 'bogus'. Please use a chain name called 'root' or any of the following prefixes: mac, vlan, stp, arp, rarp, ipv4, ipv6");
    check(!hv.listNwfilters().contains(name), "the refused filter is not defined");
  }

  static void missing(ContractRun run) {
    Hypervisor hv = run.kvm().hypervisor();
    String name = run.name("nofilter");
    check(!hv.listNwfilters().contains(name), "a missing filter is not listed");
    run.expectNotFound("XML", () -> hv.nwfilterXml(name), "nwfilter", name);
    run.expectNotFound("undefine", () -> hv.undefineNwfilter(name), "nwfilter", name);
  }
}
