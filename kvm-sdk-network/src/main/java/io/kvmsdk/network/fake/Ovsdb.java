package io.kvmsdk.network.fake;

import io.kvmsdk.testkit.host.FakeToolState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A fake host's Open vSwitch database (the tables and columns of vswitch.ovsschema an SDK plan
 * touches: Open_vSwitch, Bridge, Port, Interface, Mirror, sFlow, Controller), kept across a reboot
 * like conf.db. {@link #kernelDatapath(boolean)} says whether the host has the openvswitch kernel
 * module: without it only {@code datapath_type=netdev} bridges come up, as on this project's CI.
 */
public final class Ovsdb implements FakeToolState<Ovsdb> {
  /** How a column holds values. */
  enum Kind { STRING, INT, BOOL, UUID }

  /** One column of the schema: its atom kind, whether it is a scalar, optional, set or map, its range and reference. */
  static final class Column {
    final String name;
    final Kind kind;
    final int min;
    final int max; // max elements: 1 for scalar/optional, Integer.MAX_VALUE for sets
    final boolean map;
    final String ref;
    final long lo;
    final long hi;
    final List<String> enums;

    Column(String name, Kind kind, int min, int max, boolean map, String ref, long lo, long hi, List<String> enums) {
      this.name = name;
      this.kind = kind;
      this.min = min;
      this.max = max;
      this.map = map;
      this.ref = ref;
      this.lo = lo;
      this.hi = hi;
      this.enums = enums;
    }

    boolean scalar() { return min == 1 && max == 1 && !map; }

    boolean optional() { return min == 0 && max == 1 && !map; }

    boolean set() { return max > 1 && !map; }
  }

  static final Map<String, Map<String, Column>> SCHEMA = new LinkedHashMap<>();

  private static void table(String name, Column... cols) {
    Map<String, Column> m = new TreeMap<>();
    for (Column c : cols) m.put(c.name, c);
    SCHEMA.put(name, m);
  }

  private static Column str(String n) { return new Column(n, Kind.STRING, 1, 1, false, null, 0, 0, null); }

  private static Column optStr(String n, String... enums) { return new Column(n, Kind.STRING, 0, 1, false, null, 0, 0, enums.length == 0 ? null : List.of(enums)); }

  private static Column optInt(String n, long lo, long hi) { return new Column(n, Kind.INT, 0, 1, false, null, lo, hi, null); }

  private static Column integer(String n, long lo, long hi) { return new Column(n, Kind.INT, 1, 1, false, null, lo, hi, null); }

  private static Column bool(String n) { return new Column(n, Kind.BOOL, 1, 1, false, null, 0, 0, null); }

  private static Column map(String n) { return new Column(n, Kind.STRING, 0, Integer.MAX_VALUE, true, null, 0, 0, null); }

  private static Column refs(String n, String table, int min) { return new Column(n, Kind.UUID, min, Integer.MAX_VALUE, false, table, 0, 0, null); }

  private static Column optRef(String n, String table) { return new Column(n, Kind.UUID, 0, 1, false, table, 0, 0, null); }

  private static Column ints(String n, long lo, long hi) { return new Column(n, Kind.INT, 0, Integer.MAX_VALUE, false, null, lo, hi, null); }

  private static Column strs(String n, int min) { return new Column(n, Kind.STRING, min, Integer.MAX_VALUE, false, null, 0, 0, null); }

  static {
    table("Open_vSwitch", refs("bridges", "Bridge", 0), integer("next_cfg", 0, Long.MAX_VALUE), integer("cur_cfg", 0, Long.MAX_VALUE), map("external_ids"), map("other_config"));
    table("Bridge", str("name"), str("datapath_type"), optStr("datapath_id"), optStr("fail_mode", "standalone", "secure"), bool("stp_enable"),
        bool("rstp_enable"), bool("mcast_snooping_enable"), map("other_config"), map("external_ids"), refs("ports", "Port", 0),
        refs("mirrors", "Mirror", 0), optRef("sflow", "sFlow"), refs("controller", "Controller", 0), strs("protocols", 0));
    table("Port", str("name"), optInt("tag", 0, 4095), ints("trunks", 0, 4095), optStr("vlan_mode", "trunk", "access", "native-tagged", "native-untagged", "dot1q-tunnel"),
        refs("interfaces", "Interface", 1), optStr("bond_mode", "balance-tcp", "balance-slb", "active-backup"), optStr("lacp", "active", "passive", "off"),
        integer("bond_updelay", 0, Long.MAX_VALUE), integer("bond_downdelay", 0, Long.MAX_VALUE), bool("bond_fake_iface"), map("other_config"), map("external_ids"));
    table("Interface", str("name"), str("type"), optInt("ofport", -1, 65535), optInt("ofport_request", 1, 65279), optInt("mtu_request", 1, Long.MAX_VALUE),
        optInt("mtu", 0, Long.MAX_VALUE), optStr("error"), optStr("admin_state", "up", "down"), optStr("link_state", "up", "down"), map("options"),
        map("other_config"), map("external_ids"));
    table("Mirror", str("name"), bool("select_all"), refs("select_src_port", "Port", 0), refs("select_dst_port", "Port", 0), ints("select_vlan", 0, 4095),
        optRef("output_port", "Port"), optInt("output_vlan", 1, 4095), optInt("snaplen", 14, 65535), map("external_ids"));
    table("sFlow", optStr("agent"), strs("targets", 1), optInt("sampling", 0, Long.MAX_VALUE), optInt("polling", 0, Long.MAX_VALUE),
        optInt("header", 0, Long.MAX_VALUE), map("external_ids"));
    table("Controller", str("target"), optStr("connection_mode", "in-band", "out-of-band"), bool("is_connected"), map("other_config"), map("external_ids"));
  }

  /** table -> uuid -> column -> value (String, Long, Boolean; a List for sets, a Map for maps; absent when an optional is empty). */
  final Map<String, Map<String, Map<String, Object>>> rows = new LinkedHashMap<>();
  int nextUuid = 1;
  boolean kernelDatapath = true;
  /** The links ovs-vswitchd made (bridges' local ports, internal ports), deleted when their rows go. */
  final Set<String> made = new java.util.TreeSet<>();
  /** ovs-vswitchd's OpenFlow port numbers: per interface once given (a failed open uses one up too), the next free per bridge. */
  final Map<String, Long> ofports = new TreeMap<>();
  final Map<String, Long> nextOfport = new TreeMap<>();

  public Ovsdb() {
    for (String t : SCHEMA.keySet()) rows.put(t, new LinkedHashMap<>());
    Map<String, Object> root = newRow("Open_vSwitch");
    rows.get("Open_vSwitch").put(uuid(), root);
  }

  /** Whether the host has the openvswitch kernel module (default true); without it only netdev bridges come up. */
  public Ovsdb kernelDatapath(boolean present) {
    kernelDatapath = present;
    return this;
  }

  String uuid() {
    int n = nextUuid++;
    return String.format("%08x-5e6d-4c1a-9b2f-%012x", n * 2654435761L & 0xffffffffL, (long) n);
  }

  static Map<String, Object> newRow(String table) {
    Map<String, Object> r = new LinkedHashMap<>();
    for (Column c : SCHEMA.get(table).values()) {
      if (c.map) r.put(c.name, new LinkedHashMap<String, String>());
      else if (c.set()) r.put(c.name, new ArrayList<Object>());
      else if (c.scalar()) r.put(c.name, c.kind == Kind.BOOL ? Boolean.FALSE : c.kind == Kind.INT ? Long.valueOf(0) : "");
    }
    return r;
  }

  String root() { return rows.get("Open_vSwitch").keySet().iterator().next(); }

  /** The uuid of the row of {@code table} named {@code name} (by its name column, or its uuid). */
  Optional<String> find(String table, String name) {
    Map<String, Map<String, Object>> t = rows.get(table);
    if (t.containsKey(name)) return Optional.of(name);
    if (table.equals("Open_vSwitch") && name.equals(".")) return Optional.of(root());
    for (Map.Entry<String, Map<String, Object>> e : t.entrySet()) {
      if (name.equals(e.getValue().get("name"))) return Optional.of(e.getKey());
    }
    if (table.equals("sFlow") || table.equals("Controller")) {
      Optional<String> br = find("Bridge", name);
      if (br.isPresent()) {
        Object v = rows.get("Bridge").get(br.get()).get(table.equals("sFlow") ? "sflow" : "controller");
        if (v instanceof String) return Optional.of((String) v);
        if (v instanceof List && ((List<?>) v).size() == 1) return Optional.of(String.valueOf(((List<?>) v).get(0)));
      }
    }
    return Optional.empty();
  }

  Map<String, Object> row(String table, String uuid) { return rows.get(table).get(uuid); }

  /** The bridge holding port {@code portUuid}. */
  Optional<String> bridgeOfPort(String portUuid) {
    for (Map.Entry<String, Map<String, Object>> b : rows.get("Bridge").entrySet()) {
      if (((List<?>) b.getValue().get("ports")).contains(portUuid)) return Optional.of(b.getKey());
    }
    return Optional.empty();
  }

  /** Drops rows no longer reachable from the root (OVSDB's garbage collection of non-root tables). */
  void collectGarbage() {
    Set<String> reach = new HashSet<>();
    List<String[]> todo = new ArrayList<>();
    todo.add(new String[] {"Open_vSwitch", root()});
    while (!todo.isEmpty()) {
      String[] t = todo.remove(todo.size() - 1);
      if (!reach.add(t[0] + "/" + t[1])) continue;
      Map<String, Object> r = row(t[0], t[1]);
      if (r == null) continue;
      for (Column c : SCHEMA.get(t[0]).values()) {
        if (c.ref == null) continue;
        Object v = r.get(c.name);
        if (v instanceof String) todo.add(new String[] {c.ref, (String) v});
        if (v instanceof List) for (Object u : (List<?>) v) todo.add(new String[] {c.ref, String.valueOf(u)});
      }
    }
    for (Map.Entry<String, Map<String, Map<String, Object>>> t : rows.entrySet()) {
      t.getValue().keySet().removeIf(u -> !reach.contains(t.getKey() + "/" + u));
    }
    // references to rows that are gone are dropped (weak for Mirror's ports)
    for (Map.Entry<String, Map<String, Map<String, Object>>> t : rows.entrySet()) {
      for (Map<String, Object> r : t.getValue().values()) {
        for (Column c : SCHEMA.get(t.getKey()).values()) {
          if (c.ref == null) continue;
          Object v = r.get(c.name);
          if (v instanceof List) ((List<?>) v).removeIf(u -> !rows.get(c.ref).containsKey(String.valueOf(u)));
          if (v instanceof String && !rows.get(c.ref).containsKey(v)) r.remove(c.name);
        }
      }
    }
  }

  @Override public Ovsdb copy() {
    Ovsdb o = new Ovsdb();
    o.rows.clear();
    rows.forEach((t, m) -> {
      Map<String, Map<String, Object>> mm = new LinkedHashMap<>();
      m.forEach((u, r) -> mm.put(u, deepCopy(r)));
      o.rows.put(t, mm);
    });
    o.nextUuid = nextUuid;
    o.kernelDatapath = kernelDatapath;
    o.made.addAll(made);
    o.ofports.putAll(ofports);
    o.nextOfport.putAll(nextOfport);
    return o;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> r) {
    Map<String, Object> c = new LinkedHashMap<>();
    r.forEach((k, v) -> {
      if (v instanceof List) c.put(k, new ArrayList<>((List<Object>) v));
      else if (v instanceof Map) c.put(k, new LinkedHashMap<>((Map<String, String>) v));
      else c.put(k, v);
    });
    return c;
  }

  /** One line per bridge and port: {@code bridge br0 datapath netdev ports [eth1 tag=100]}. */
  @Override public List<String> describe() {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> b : rows.get("Bridge").values()) {
      List<String> ports = new ArrayList<>();
      for (Object pu : (List<?>) b.get("ports")) {
        Map<String, Object> p = row("Port", String.valueOf(pu));
        if (p == null) continue;
        StringBuilder s = new StringBuilder(String.valueOf(p.get("name")));
        if (p.get("tag") != null) s.append(" tag=").append(p.get("tag"));
        if (!((List<?>) p.get("trunks")).isEmpty()) s.append(" trunks=").append(p.get("trunks"));
        if (p.get("vlan_mode") != null) s.append(" vlan_mode=").append(p.get("vlan_mode"));
        if (p.get("bond_mode") != null) s.append(" bond_mode=").append(p.get("bond_mode"));
        if (((List<?>) p.get("interfaces")).size() > 1) {
          List<Object> ifs = new ArrayList<>();
          for (Object iu : (List<?>) p.get("interfaces")) { Map<String, Object> i = row("Interface", String.valueOf(iu)); if (i != null) ifs.add(i.get("name")); }
          s.append(" interfaces=").append(ifs);
        }
        ports.add(s.toString());
      }
      out.add("bridge " + b.get("name") + " datapath " + b.get("datapath_type") + (b.get("fail_mode") == null ? "" : " fail_mode " + b.get("fail_mode"))
          + " stp " + b.get("stp_enable") + " mirrors " + ((List<?>) b.get("mirrors")).size() + (b.get("sflow") == null ? "" : " sflow") + " ports " + ports);
    }
    return out;
  }

  /** OVSDB is on disk: a reboot keeps it. */
  @Override public Optional<Ovsdb> afterReboot() {
    Ovsdb o = copy();
    o.made.clear(); // the devices went with the reboot; ovs-vswitchd makes them again at its next run
    return Optional.of(o);
  }
}
