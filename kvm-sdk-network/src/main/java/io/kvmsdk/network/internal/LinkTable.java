package io.kvmsdk.network.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kvmsdk.core.host.HostCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The links of a host as one {@code ip -j -d addr show} prints them (kinds, settings, masters,
 * MTUs, flags, addresses, bridge-port and bond-slave settings), parsed once per output: every
 * {@link io.kvmsdk.core.host.Probe} of a plan judges the same read.
 */
public final class LinkTable {
  /** The one read all Linux-side probes share. */
  public static final HostCommand READ = HostCommand.of("ip", "-j", "-d", "addr", "show");
  /** The read of bridge VLANs (filtering bridges only). */
  public static final HostCommand READ_VLANS = HostCommand.of("bridge", "-j", "vlan", "show");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

  private final Map<String, JsonNode> links;

  private LinkTable(Map<String, JsonNode> links) { this.links = links; }

  /** The table of {@code json} (the output of {@link #READ}); the last one parsed on this thread is reused. */
  public static LinkTable of(String json) {
    Object[] last = LAST.get();
    if (last != null && last[0] == json) return (LinkTable) last[1];
    Map<String, JsonNode> m = new LinkedHashMap<>();
    try {
      JsonNode arr = JSON.readTree(json.isBlank() ? "[]" : json);
      for (JsonNode l : arr) m.put(l.path("ifname").asText(), l);
    } catch (IOException e) {
      // not ip's JSON: every probe says "not done", and the change shows the real error
    }
    LinkTable t = new LinkTable(Collections.unmodifiableMap(m));
    LAST.set(new Object[] {json, t});
    return t;
  }

  public boolean has(String name) { return links.containsKey(name); }

  public Optional<JsonNode> link(String name) { return Optional.ofNullable(links.get(name)); }

  /** The link's kind ({@code bridge}, {@code bond}, {@code vxlan}, {@code veth}, ...), "" for a NIC or a missing link. */
  public String kind(String name) { return link(name).map(l -> l.at("/linkinfo/info_kind").asText("")).orElse(""); }

  /** A value of the kind's settings ({@code info_data}), as text; "" when absent. */
  public String info(String name, String key) {
    return link(name).map(l -> l.at("/linkinfo/info_data").path(key)).filter(n -> !n.isMissingNode() && !n.isNull()).map(JsonNode::asText).orElse("");
  }

  /** A value of the port's settings under its master ({@code info_slave_data}), as text; "" when absent. */
  public String slaveInfo(String name, String key) {
    return link(name).map(l -> l.at("/linkinfo/info_slave_data").path(key)).filter(n -> !n.isMissingNode()).map(JsonNode::asText).orElse("");
  }

  public Optional<String> master(String name) {
    return link(name).map(l -> l.path("master")).filter(n -> !n.isMissingNode()).map(JsonNode::asText);
  }

  /** The link's lower device ({@code link}: a VLAN's or macvtap's parent). */
  public Optional<String> lower(String name) {
    return link(name).map(l -> l.path("link")).filter(n -> !n.isMissingNode() && !n.isNull()).map(JsonNode::asText);
  }

  public int mtu(String name) { return link(name).map(l -> l.path("mtu").asInt()).orElse(-1); }

  /** True when the link is administratively up (flag {@code UP}). */
  public boolean up(String name) {
    return link(name).map(l -> {
      for (JsonNode f : l.path("flags")) if (f.asText().equals("UP")) return true;
      return false;
    }).orElse(false);
  }

  /** The addresses as {@code ADDRESS/PREFIX}. */
  public List<String> addresses(String name) {
    List<String> out = new ArrayList<>();
    link(name).ifPresent(l -> {
      for (JsonNode a : l.path("addr_info")) out.add(a.path("local").asText() + "/" + a.path("prefixlen").asText());
    });
    return out;
  }

  /** True when the link carries {@code cidr} (IPv6 compared in canonical form). */
  public boolean hasAddress(String name, String cidr) {
    String want = Cidrs.canonical(cidr);
    for (String a : addresses(name)) if (Cidrs.canonical(a).equals(want)) return true;
    return false;
  }

  /** Bridge VLANs of {@code port} from {@code bridge -j vlan show}: vid to its flags ("PVID", "Egress Untagged"). */
  public static Map<Integer, List<String>> vlans(String bridgeVlanJson, String port) {
    Object[] last = LAST_VLANS.get();
    Map<String, Map<Integer, List<String>>> all;
    if (last != null && last[0] == bridgeVlanJson) {
      @SuppressWarnings("unchecked") Map<String, Map<Integer, List<String>>> cached = (Map<String, Map<Integer, List<String>>>) last[1];
      all = cached;
    } else {
      all = new LinkedHashMap<>();
      try {
        for (JsonNode p : JSON.readTree(bridgeVlanJson.isBlank() ? "[]" : bridgeVlanJson)) {
          Map<Integer, List<String>> v = new LinkedHashMap<>();
          for (JsonNode x : p.path("vlans")) {
            List<String> flags = new ArrayList<>();
            for (JsonNode f : x.path("flags")) flags.add(f.asText());
            int from = x.path("vlan").asInt();
            int to = x.has("vlanEnd") ? x.path("vlanEnd").asInt() : from;
            // 802.1Q ids are 1-4094: a range outside them is not the bridge's (and would loop for ever at Integer.MAX_VALUE)
            for (int id = Math.max(from, 1); id <= Math.min(to, 4094); id++) v.put(id, flags);
          }
          all.put(p.path("ifname").asText(), v);
        }
      } catch (IOException e) {
        // not bridge's JSON: nothing is done
      }
      LAST_VLANS.set(new Object[] {bridgeVlanJson, all});
    }
    return all.getOrDefault(port, Map.of());
  }

  private static final ThreadLocal<Object[]> LAST_VLANS = new ThreadLocal<>();
}
