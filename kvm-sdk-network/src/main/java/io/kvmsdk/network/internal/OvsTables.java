package io.kvmsdk.network.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.network.ovs.OvsDb;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OVSDB rows an OVS bridge plan judges, from one {@code ovs-vsctl --format=json list ... -- list ...}
 * (Bridge, Port, Interface, Mirror, sFlow, Controller: one JSON table per line), with OVSDB's atoms
 * decoded: a set is a list, a map a map, a uuid its text, an empty optional absent.
 */
public final class OvsTables {
  static final List<String> BRIDGE = List.of("_uuid", "name", "datapath_type", "fail_mode", "stp_enable", "other_config", "ports", "mirrors", "sflow", "controller");
  static final List<String> PORT = List.of("_uuid", "name", "tag", "trunks", "vlan_mode", "interfaces", "bond_mode", "lacp", "bond_updelay", "bond_downdelay", "other_config");
  static final List<String> INTERFACE = List.of("_uuid", "name", "type", "ofport", "mtu_request");
  static final List<String> MIRROR = List.of("_uuid", "name", "select_all", "select_src_port", "select_dst_port", "output_port");
  static final List<String> SFLOW = List.of("_uuid", "agent", "targets", "sampling", "polling", "header");
  static final List<String> CONTROLLER = List.of("_uuid", "target");
  private static final List<String> TABLES = List.of("Bridge", "Port", "Interface", "Mirror", "sFlow", "Controller");
  private static final List<List<String>> COLUMNS = List.of(BRIDGE, PORT, INTERFACE, MIRROR, SFLOW, CONTROLLER);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

  /** A row: column to decoded value (String, Long, Boolean, List, Map). */
  public static final class Row {
    private final Map<String, Object> cols;

    Row(Map<String, Object> cols) { this.cols = cols; }

    public Object get(String col) { return cols.get(col); }

    public String text(String col) {
      Object v = cols.get(col);
      return v == null ? "" : String.valueOf(v);
    }

    @SuppressWarnings("unchecked") public List<Object> list(String col) {
      Object v = cols.get(col);
      if (v == null) return List.of();
      return v instanceof List ? (List<Object>) v : List.of(v);
    }

    @SuppressWarnings("unchecked") public Map<String, String> map(String col) {
      Object v = cols.get(col);
      return v instanceof Map ? (Map<String, String>) v : Map.of();
    }

    public String uuid() { return text("_uuid"); }

    @Override public String toString() { return cols.toString(); }
  }

  private final Map<String, List<Row>> tables;

  private OvsTables(Map<String, List<Row>> tables) { this.tables = tables; }

  /** The one read every OVS probe of a plan against {@code db} shares. */
  public static HostCommand read(OvsDb db) {
    List<String> a = new ArrayList<>(List.of("--format=json"));
    for (int i = 0; i < TABLES.size(); i++) {
      if (i > 0) a.add("--");
      a.add("--columns=" + String.join(",", COLUMNS.get(i)));
      a.add("list");
      a.add(TABLES.get(i));
    }
    return db.vsctl(a);
  }

  /** The tables in {@code out} (the output of {@link #read}); the last one parsed on this thread is reused. */
  public static OvsTables of(String out) {
    Object[] last = LAST.get();
    if (last != null && last[0] == out) return (OvsTables) last[1];
    Map<String, List<Row>> t = new LinkedHashMap<>();
    String[] lines = out.strip().split("\n");
    for (int i = 0; i < TABLES.size(); i++) {
      List<Row> rows = new ArrayList<>();
      if (i < lines.length && !lines[i].isBlank()) {
        try {
          JsonNode doc = JSON.readTree(lines[i]);
          List<String> heads = new ArrayList<>();
          doc.path("headings").forEach(h -> heads.add(h.asText()));
          for (JsonNode r : doc.path("data")) {
            Map<String, Object> cols = new LinkedHashMap<>();
            for (int c = 0; c < heads.size(); c++) {
              Object v = atom(r.get(c));
              if (v != null) cols.put(heads.get(c), v);
            }
            rows.add(new Row(cols));
          }
        } catch (IOException e) {
          // not ovs-vsctl's JSON: nothing is there, every probe says "not done"
        }
      }
      t.put(TABLES.get(i), Collections.unmodifiableList(rows));
    }
    OvsTables tables = new OvsTables(t);
    LAST.set(new Object[] {out, tables});
    return tables;
  }

  /** OVSDB JSON to Java: ["set",[...]] a list (one element: the element; empty: null), ["map",[[k,v]..]] a map, ["uuid",u] u. */
  static Object atom(JsonNode n) {
    if (n == null || n.isNull()) return null;
    if (n.isArray() && n.size() == 2 && n.get(0).isTextual()) {
      String tag = n.get(0).asText();
      switch (tag) {
        case "uuid": case "named-uuid": return n.get(1).asText();
        case "set": {
          List<Object> l = new ArrayList<>();
          for (JsonNode e : n.get(1)) l.add(atom(e));
          return l.isEmpty() ? null : l.size() == 1 ? l.get(0) : l;
        }
        case "map": {
          Map<String, String> m = new LinkedHashMap<>();
          for (JsonNode e : n.get(1)) m.put(String.valueOf(atom(e.get(0))), String.valueOf(atom(e.get(1))));
          return m;
        }
        default: break;
      }
    }
    if (n.isBoolean()) return n.asBoolean();
    if (n.isIntegralNumber()) return n.asLong();
    if (n.isNumber()) return n.asDouble();
    return n.asText();
  }

  public List<Row> rows(String table) { return tables.getOrDefault(table, List.of()); }

  public Optional<Row> named(String table, String name) {
    return rows(table).stream().filter(r -> r.text("name").equals(name)).findFirst();
  }

  public Optional<Row> byUuid(String table, String uuid) {
    return rows(table).stream().filter(r -> r.uuid().equals(uuid)).findFirst();
  }

  /** The names of {@code bridge}'s ports. */
  public List<String> portsOf(String bridge) {
    List<String> out = new ArrayList<>();
    named("Bridge", bridge).ifPresent(b -> {
      for (Object u : b.list("ports")) byUuid("Port", String.valueOf(u)).ifPresent(p -> out.add(p.text("name")));
    });
    return out;
  }

  /** The names of {@code port}'s interfaces. */
  public List<String> interfacesOf(String port) {
    List<String> out = new ArrayList<>();
    named("Port", port).ifPresent(p -> {
      for (Object u : p.list("interfaces")) byUuid("Interface", String.valueOf(u)).ifPresent(i -> out.add(i.text("name")));
    });
    return out;
  }

  /** Names of the ports whose uuids are in {@code col} of {@code row}. */
  public List<String> portNames(Row row, String col) {
    List<String> out = new ArrayList<>();
    for (Object u : row.list(col)) byUuid("Port", String.valueOf(u)).ifPresent(p -> out.add(p.text("name")));
    return out;
  }
}
