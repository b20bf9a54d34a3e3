package io.kvmsdk.testkit;

import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.xml.XmlElement;
import io.kvmsdk.testkit.FakeObjects.Driver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network filters of one fake host, as libvirt's nwfilter driver keeps them: a UUID per
 * filter, the {@code root} chain by default, each chain's default priority, rules at priority 500
 * unless told. Callers hold the host's lock.
 */
final class FakeNwfilters {
  private static final Driver NWFILTER = Driver.NWFILTER;
  /** libvirt's chain prefixes and their default priorities ({@code NWFILTER_*_FILTER_PRI}). */
  private static final Map<String, Integer> CHAINS = Map.of("stp", -810, "mac", -800, "vlan", -750, "ipv4", -700,
      "ipv6", -600, "arp", -500, "rarp", -400);

  private record Filter(String name, String uuid, XmlElement xml) {}

  private final String host;
  private final Map<String, Filter> filters = new LinkedHashMap<>();
  private long seq;

  FakeNwfilters(String host) { this.host = host; }

  private static NotFoundException noFilter(String op, String name) {
    return NWFILTER.notFound(op, "nwfilter", name, "VIR_ERR_NO_NWFILTER", 62,
        "Network filter not found: no nwfilter with matching name '" + name + "'");
  }

  private Filter filter(String op, String name) {
    Filter f = filters.get(name);
    if (f == null) throw noFilter(op, name);
    return f;
  }

  /** The default priority of {@code chain}, or null when libvirt refuses the chain name. */
  private static Integer chainPriority(String chain) {
    if (chain.equals("root")) return 0;
    for (Map.Entry<String, Integer> e : CHAINS.entrySet()) if (chain.startsWith(e.getKey())) return e.getValue();
    return null;
  }

  String define(String xml) {
    String op = "define nwfilter";
    XmlElement def = FakeObjects.parse(NWFILTER, op, xml, "filter");
    String name = def.attr("name");
    if (name == null || name.isEmpty()) throw NWFILTER.xml(op, "filter has no name");
    String chain = def.attr("chain") == null ? "root" : def.attr("chain");
    Integer priority = chainPriority(chain);
    if (priority == null) {
      throw NWFILTER.error(op, "VIR_ERR_INVALID_ARG", 8, "invalid argument: Invalid chain name '" + chain
          + "'. Please use a chain name called 'root' or any of the following prefixes: mac, vlan, stp, arp, rarp, ipv4, ipv6");
    }
    String uuid = FakeObjects.uuidOf(NWFILTER, op, def);
    if (uuid != null) {
      for (Filter f : filters.values()) {
        if (f.uuid().equals(uuid) && !f.name().equals(name)) {
          throw NWFILTER.failed(op, "filter with same UUID but different name ('" + f.name() + "') already exists");
        }
      }
    }
    Filter existing = filters.get(name);
    if (existing != null && !existing.uuid().equals(uuid)) {
      throw NWFILTER.failed(op, "filter '" + name + "' already exists with uuid " + existing.uuid());
    }
    String id = uuid != null ? uuid : FakeObjects.uuid(host, "nwfilter", name, seq++);
    XmlElement canonical = FakeObjects.withAttr(def, "chain", chain);
    if (def.attr("priority") == null && priority != 0) canonical = FakeObjects.withAttr(canonical, "priority", Integer.toString(priority));
    List<XmlElement> kids = new ArrayList<>();
    for (XmlElement c : canonical.children()) {
      if (c.name().equals("uuid")) continue;
      kids.add(c.name().equals("rule") ? FakeObjects.withDefaultAttr(c, "priority", "500") : c);
    }
    kids.add(0, FakeObjects.textElement("uuid", id));
    filters.put(name, new Filter(name, id, FakeObjects.withChildren(canonical, kids)));
    return name;
  }

  List<String> list() { return List.copyOf(filters.keySet()); }

  String xml(String name) { return filter("get the XML of nwfilter '" + name + "'", name).xml().toXml(); }

  void undefine(String name) {
    filter("undefine nwfilter '" + name + "'", name);
    filters.remove(name);
  }
}
