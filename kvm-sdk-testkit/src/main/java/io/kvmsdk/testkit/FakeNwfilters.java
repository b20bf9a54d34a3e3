package io.kvmsdk.testkit;

import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.domain.NicFilterParameter;
import io.kvmsdk.core.internal.nwfilter.NwFilterChecks;
import io.kvmsdk.core.spi.NwFilterDriver;
import io.kvmsdk.core.spi.ObjectRef;
import io.kvmsdk.core.xml.XmlElement;
import io.kvmsdk.testkit.FakeObjects.Driver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The network filters of one fake host, as libvirt's nwfilter driver keeps them: a UUID per filter,
 * the {@code root} chain by default, each chain's default priority, rules at priority 500 unless told (or
 * told a priority outside [-1000, 1000]); what libvirt's parser refuses, refused with its error (the
 * attribute checks are core's {@code NwFilterChecks}, which mirror libvirt's tables), and the XML read
 * back as libvirt formats it;
 * and their bindings: one per running guest interface with a {@code <filterref>} (made when the guest
 * starts, refused when the filter is missing, gone when it stops, with the interface's MAC as the
 * {@code MAC} parameter), or made by hand for any port device. A filter a running guest's binding
 * uses, directly or through other filters' {@code <filterref>}s, cannot be undefined.
 */
final class FakeNwfilters implements NwFilterDriver {
  private static final Driver NWFILTER = Driver.NWFILTER;
  /** libvirt's chain prefixes and their default priorities ({@code NWFILTER_*_FILTER_PRI}). */
  private static final Map<String, Integer> CHAINS = Map.of("stp", -810, "mac", -800, "vlan", -750, "ipv4", -700,
      "ipv6", -600, "arp", -500, "rarp", -400);

  record Filter(String name, String uuid, XmlElement xml) {}

  /** A binding: its XML, its filter, and the running guest it was made for (null: made by hand). */
  record Binding(String portdev, String filter, String guest, XmlElement xml) {}

  /** The filters and bindings of one host. Guarded by the host's lock. */
  static final class Data {
    final Map<String, Filter> filters = new LinkedHashMap<>();
    final Map<String, Binding> bindings = new LinkedHashMap<>();
    long seq;
  }

  private final FakeHypervisor conn;
  private final FakeHypervisorState st;
  private final Data data;

  FakeNwfilters(FakeHypervisor conn) {
    this.conn = conn;
    this.st = conn.st;
    this.data = conn.st.nwfilters;
  }

  private static NotFoundException noFilter(String op, String name) {
    return NWFILTER.notFound(op, "nwfilter", name, "VIR_ERR_NO_NWFILTER", 62,
        "Network filter not found: no nwfilter with matching name '" + name + "'");
  }

  private static NotFoundException noBinding(String op, String portdev) {
    return NWFILTER.notFound(op, "nwfilter binding", portdev, "VIR_ERR_NO_NWFILTER_BINDING", 101,
        "Network filter binding not found: no nwfilter binding for port dev '" + portdev + "'");
  }

  private Filter filter(String op, String name) {
    Filter f = data.filters.get(name);
    if (f == null) throw noFilter(op, name);
    return f;
  }

  /** The default priority of {@code chain}, or null when libvirt refuses the chain name. */
  private static Integer chainPriority(String chain) {
    if (chain.equals("root")) return 0;
    for (Map.Entry<String, Integer> e : CHAINS.entrySet()) if (chain.startsWith(e.getKey())) return e.getValue();
    return null;
  }

  // ------------------------------------------------------------------ filters

  @Override public ObjectRef define(String xml) {
    synchronized (st.lock) {
      String op = "define nwfilter";
      conn.enter(op, "defineNwfilter", null);
      XmlElement def = FakeObjects.parse(NWFILTER, op, xml, "filter");
      String name = def.attr("name");
      if (name == null || name.isEmpty()) throw NWFILTER.internal(op, "filter has no name");
      conn.enterObject("define nwfilter '" + name + "'", "defineNwfilter", name);
      String prioText = def.attr("priority") == null || def.attr("priority").isEmpty() ? null : def.attr("priority");
      Integer prio = null;
      if (prioText != null) {
        prio = strToInt(prioText);
        if (prio == null) throw NWFILTER.error(op, "VIR_ERR_INVALID_ARG", 8, "invalid argument: Could not parse chain priority '" + prioText + "'");
        if (prio < -1000 || prio > 1000) {
          throw NWFILTER.error(op, "VIR_ERR_INVALID_ARG", 8, "invalid argument: Priority '" + prio + "' is outside valid range of [-1000,1000]");
        }
      }
      String given = def.attr("chain") == null || def.attr("chain").isEmpty() ? null : def.attr("chain");
      String chain = given == null ? "root" : given;
      if (chain.length() > 12) throw NWFILTER.error(op, "VIR_ERR_INVALID_ARG", 8, "invalid argument: Name of chain is longer than 12 characters");
      if (!chain.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "_.:-".indexOf(c) >= 0))) {
        throw NWFILTER.error(op, "VIR_ERR_INVALID_ARG", 8, "invalid argument: Chain name contains invalid characters");
      }
      Integer priority = chainPriority(chain);
      if (priority == null) {
        throw NWFILTER.error(op, "VIR_ERR_INVALID_ARG", 8, "invalid argument: Invalid chain name '" + chain
            + "'. Please use a chain name called 'root' or any of the following prefixes: mac, vlan, stp, arp, rarp, ipv4, ipv6");
      }
      // libvirt takes the priority only with a chain given; it writes none when it is 0
      int chainPriority = given == null ? 0 : prio != null ? prio : priority;
      String uuidText = FakeObjects.childText(def, "uuid");
      String uuid = null;
      if (uuidText != null && !uuidText.isEmpty()) {
        uuid = FakeSecrets.parseUuid(uuidText);
        if (uuid == null) throw NWFILTER.xml(op, "malformed uuid element");
      }
      List<XmlElement> kids = new ArrayList<>();
      for (XmlElement c : def.children()) {
        if (c.name().equals("rule")) {
          kids.add(rule(op, c));
        } else if (c.name().equals("filterref")) {
          if (c.attr("filter") == null) throw NWFILTER.internal(op, "rule node requires action attribute");   // sic: libvirt's message
          kids.add(c);
        }
        // libvirt reads no other element
      }
      for (Filter f : data.filters.values()) {
        if (uuid != null && f.uuid().equals(uuid) && !f.name().equals(name)) {
          throw NWFILTER.failed(op, "filter with same UUID but different name ('" + f.name() + "') already exists");
        }
      }
      Filter existing = data.filters.get(name);
      if (existing != null && !existing.uuid().equals(uuid)) {
        throw NWFILTER.failed(op, "filter '" + name + "' already exists with uuid " + existing.uuid());
      }
      String id = uuid != null ? uuid : FakeObjects.uuid(st.name, "nwfilter", name, data.seq++);
      XmlElement.Builder canonical = XmlElement.builder("filter").attr("name", name).attr("chain", chain);
      if (chainPriority != 0) canonical.attr("priority", Integer.toString(chainPriority));
      canonical.child(FakeObjects.textElement("uuid", id));
      for (XmlElement k : kids) canonical.child(k);
      data.filters.put(name, new Filter(name, id, canonical.build()));
      conn.replied(op);
      return new ObjectRef(name, id);
    }
  }

  /** libvirt's {@code virStrToLong_i(s, NULL, 10)}: the whole string an int in base 10 (blanks and a sign before it), or null. */
  static Integer strToInt(String s) {
    java.util.regex.Matcher m = INT.matcher(s);
    if (!m.matches()) return null;
    try {
      return Integer.parseInt(m.group(1));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static final java.util.regex.Pattern INT = java.util.regex.Pattern.compile("[ \t\n\u000b\f\r]*([+-]?[0-9]+)");

  private static final Set<String> ACTIONS = Set.of("drop", "accept", "reject", "return", "continue");
  private static final Set<String> DIRECTIONS = Set.of("in", "out", "inout");

  /**
   * A {@code <rule>} as libvirt's {@code virNWFilterRuleParse} reads and formats it: action and direction
   * required and known, a priority outside [-1000, 1000] (or not an integer) replaced by 500, statematch
   * kept only as false; only the elements of the first protocol written, each attribute checked and
   * written in libvirt's order ({@code match='no'} first).
   */
  private static XmlElement rule(String op, XmlElement r) {
    String action = r.attr("action");
    if (action == null) throw NWFILTER.internal(op, "rule node requires action attribute");
    if (!ACTIONS.contains(action)) throw NWFILTER.error(op, "VIR_ERR_CONFIG_UNSUPPORTED", 67, "unsupported configuration: unknown rule action attribute value");
    String direction = r.attr("direction");
    if (direction == null) throw NWFILTER.internal(op, "rule node requires direction attribute");
    if (!DIRECTIONS.contains(direction)) {
      throw NWFILTER.error(op, "VIR_ERR_CONFIG_UNSUPPORTED", 67, "unsupported configuration: unknown rule direction attribute value");
    }
    Integer p = r.attr("priority") == null ? null : strToInt(r.attr("priority"));
    int priority = p == null || p < -1000 || p > 1000 ? 500 : p;
    XmlElement.Builder out = XmlElement.builder("rule").attr("action", action).attr("direction", direction).attr("priority", Integer.toString(priority));
    String statematch = r.attr("statematch");
    if (statematch != null && (statematch.equals("0") || statematch.equalsIgnoreCase("false"))) out.attr("statematch", "false");
    String protocol = null;
    List<XmlElement> seen = new ArrayList<>();
    for (XmlElement e : r.children()) {
      List<String> order = NwFilterChecks.attributeOrder(e.name());
      if (protocol == null ? order.isEmpty() : !protocol.equals(e.name())) continue;   // libvirt filters on the first protocol only
      protocol = e.name();
      Optional<String> bad = NwFilterChecks.illegalAttribute(e);
      if (bad.isPresent()) throw NWFILTER.internal(op, bad.get() + " has illegal value " + e.attr(bad.get()));
      seen.add(e);
      if ((protocol.equals("ip") || protocol.equals("ipv6")) && NwFilterChecks.portsWithoutPortProtocol(seen)) {
        throw NWFILTER.internal(op, (protocol.equals("ip") ? "IP" : "IPv6") + " rule with port specification requires protocol specification"
            + " with protocol to be either one of tcp(6), udp(17), dccp(33), or sctp(132)");
      }
      XmlElement.Builder el = XmlElement.builder(protocol);
      if ("no".equals(e.attr("match"))) el.attr("match", "no");
      for (String a : order) if (e.attr(a) != null) el.attr(a, e.attr(a));
      out.child(el.build());
    }
    return out.build();
  }

  @Override public Optional<ObjectRef> lookup(String name) {
    synchronized (st.lock) {
      conn.enter("look up nwfilter '" + name + "'", "lookupNwfilter", name);
      return Optional.ofNullable(data.filters.get(name)).map(f -> new ObjectRef(f.name(), f.uuid()));
    }
  }

  @Override public List<ObjectRef> list() {
    synchronized (st.lock) {
      conn.enter("list nwfilters", "listNwfilters", null);
      List<ObjectRef> out = new ArrayList<>(data.filters.size());
      for (Filter f : data.filters.values()) out.add(new ObjectRef(f.name(), f.uuid()));
      return out;
    }
  }

  @Override public String xml(String name) {
    synchronized (st.lock) {
      String op = "get the XML of nwfilter '" + name + "'";
      conn.enter(op, "nwfilterXml", name);
      return filter(op, name).xml().toXml();
    }
  }

  /** Refused while a running guest's binding uses the filter, directly or through {@code <filterref>}s (libvirt's rebuild fails then). */
  @Override public void undefine(String name) {
    synchronized (st.lock) {
      String op = "undefine nwfilter '" + name + "'";
      conn.enter(op, "undefineNwfilter", name);
      filter(op, name);
      for (Binding b : data.bindings.values()) {
        if (b.guest() != null && reaches(b.filter(), name)) throw NWFILTER.invalid(op, "nwfilter is in use");
      }
      data.filters.remove(name);
      conn.replied(op);
    }
  }

  /** True when filter {@code from} is {@code target} or refers to it through defined filters' {@code <filterref>}s. */
  private boolean reaches(String from, String target) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(from));
    while (!todo.isEmpty()) {
      String f = todo.pop();
      if (f.equals(target)) return true;
      Filter def = data.filters.get(f);
      if (def == null || !seen.add(f)) continue;
      for (XmlElement c : def.xml().children()) if (c.name().equals("filterref") && c.attr("filter") != null) todo.push(c.attr("filter"));
    }
    return false;
  }

  // ------------------------------------------------------------------ bindings

  @Override public String createBinding(String xml) {
    synchronized (st.lock) {
      String op = "create an nwfilter binding";
      conn.enter(op, "createNwfilterBinding", null);
      XmlElement def = FakeObjects.parse(NWFILTER, op, xml, "filterbinding");
      XmlElement portdev = FakeObjects.child(def, "portdev");
      String dev = portdev == null ? null : portdev.attr("name");
      if (dev == null) throw NWFILTER.xml(op, "missing portdev name");
      XmlElement ref = FakeObjects.child(def, "filterref");
      String filter = ref == null ? null : ref.attr("filter");
      if (filter == null) throw NWFILTER.xml(op, "missing filter reference");
      conn.enterObject(op, "createNwfilterBinding", dev);
      if (data.bindings.containsKey(dev)) throw NWFILTER.failed(op, "binding '" + dev + "' already exists");
      data.bindings.put(dev, new Binding(dev, filter, null, def));
      conn.replied(op);
      return dev;
    }
  }

  @Override public List<String> listBindings() {
    synchronized (st.lock) {
      conn.enter("list nwfilter bindings", "listNwfilterBindings", null);
      return List.copyOf(data.bindings.keySet());
    }
  }

  @Override public Optional<String> bindingXml(String portdev) {
    synchronized (st.lock) {
      conn.enter("get the XML of nwfilter binding '" + portdev + "'", "nwfilterBindingXml", portdev);
      return Optional.ofNullable(data.bindings.get(portdev)).map(b -> b.xml().toXml());
    }
  }

  @Override public void deleteBinding(String portdev) {
    synchronized (st.lock) {
      String op = "delete nwfilter binding '" + portdev + "'";
      conn.enter(op, "deleteNwfilterBinding", portdev);
      if (data.bindings.remove(portdev) == null) throw noBinding(op, portdev);
      conn.replied(op);
    }
  }

  // ------------------------------------------------------------------ what domains use (the caller holds the lock)

  /** True when filter {@code name} is defined (a guest's start checks its {@code <filterref>}s with it). */
  boolean defined(String name) { return data.filters.containsKey(name); }

  /**
   * Binds {@code filter} (checked to exist) to running guest {@code guest}'s interface on {@code portdev}
   * as libvirt's QEMU driver does at start: the parameters are the interface's plus its {@code MAC},
   * sorted by name as libvirt writes them.
   */
  void bindGuest(String portdev, String guest, String guestUuid, String mac, String filter, List<NicFilterParameter> params) {
    Map<String, String> sorted = new TreeMap<>();
    for (NicFilterParameter p : params) if (p.name().isPresent() && p.value().isPresent()) sorted.put(p.name().get(), p.value().get());
    if (mac != null) sorted.putIfAbsent("MAC", mac);
    XmlElement.Builder ref = XmlElement.builder("filterref").attr("filter", filter);
    sorted.forEach((n, v) -> ref.child(XmlElement.builder("parameter").attr("name", n).attr("value", v).build()));
    XmlElement.Builder b = XmlElement.builder("filterbinding")
        .child(XmlElement.builder("owner").child(FakeObjects.textElement("name", guest)).child(FakeObjects.textElement("uuid", guestUuid)).build())
        .child(XmlElement.builder("portdev").attr("name", portdev).build());
    if (mac != null) b.child(XmlElement.builder("mac").attr("address", mac).build());
    data.bindings.put(portdev, new Binding(portdev, filter, guest, b.child(ref.build()).build()));
  }

  /** Guest {@code guest} stopped: its bindings go. */
  void unbindGuest(String guest) { data.bindings.values().removeIf(b -> guest.equals(b.guest())); }

  @Override public String toString() { return "FakeNwfilters[" + conn.uri() + "]"; }
}
