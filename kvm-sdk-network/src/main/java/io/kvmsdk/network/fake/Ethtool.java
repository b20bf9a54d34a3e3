package io.kvmsdk.network.fake;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.FakeHostLink;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import io.kvmsdk.testkit.host.FakeToolSlot;
import io.kvmsdk.testkit.host.FakeToolState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * ethtool 6.1's offload features, as the tuning plans use them: {@code ethtool -k IFACE} lists the
 * eleven top-level features below with their state ({@code on}, {@code off}, {@code off [fixed]}),
 * as the real one prints them for a veth or a bridge of Linux 6.x (other link types answer as a
 * veth); {@code ethtool -K IFACE NAME on|off...} sets them, and a feature the driver fixed at the
 * other value fails with ethtool's words and exit 1. Each feature is independent here: the real
 * kernel turns TSO and GSO off with scatter-gather or TX checksumming, which the fake does not
 * (only the "Actual changes" report differs, and the plans never depend on it). Changed features are
 * kept by link name (a link deleted and made again under the same name keeps them); every other
 * line of the real {@code -k} listing is left out.
 */
public final class Ethtool implements FakeTool {
  /** Per namespace and link: feature (short name) to state. */
  public static final FakeToolSlot<Features> SLOT = FakeToolSlot.of("ethtool", Features::new);

  /** short name, listed name, kernel name (for "Actual changes") */
  private static final String[][] FEATURES = {
      {"rx", "rx-checksumming", "rx-checksum"},
      {"tx", "tx-checksumming", "tx-checksum-ip-generic"},
      {"sg", "scatter-gather", "tx-scatter-gather"},
      {"tso", "tcp-segmentation-offload", "tx-tcp-segmentation"},
      {"gso", "generic-segmentation-offload", "tx-generic-segmentation"},
      {"gro", "generic-receive-offload", "rx-gro"},
      {"lro", "large-receive-offload", "rx-lro"},
      {"rxvlan", "rx-vlan-offload", "rx-vlan-hw-parse"},
      {"txvlan", "tx-vlan-offload", "tx-vlan-hw-insert"},
      {"ntuple", "ntuple-filters", "rx-ntuple-filter"},
      {"rxhash", "receive-hashing", "rx-hashing"},
  };
  /** The defaults of a veth and a bridge on Linux 6.x: on, off, or fixed (F = off [fixed]). */
  private static final String VETH = "on on on on on off F on on F F";
  private static final String BRIDGE = "F on on on on on F F on F F";

  /** The features of every link seen by ethtool on a host. */
  public static final class Features implements FakeToolState<Features> {
    final Map<String, Map<String, String>> byLink = new TreeMap<>();   // "ns/link" -> short name -> on|off|F

    @Override public Features copy() {
      Features f = new Features();
      byLink.forEach((k, v) -> f.byLink.put(k, new LinkedHashMap<>(v)));
      return f;
    }

    @Override public List<String> describe() {
      List<String> out = new ArrayList<>();
      byLink.forEach((k, v) -> out.add(k + ": " + v));
      return out;
    }

    /** The state of {@code shortName} on {@code link} of {@code namespace} once ethtool has seen it: on, off or "off [fixed]". */
    public String state(String namespace, String link, String shortName) {
      String v = byLink.getOrDefault(namespace + "/" + link, Map.of()).get(shortName);
      return v == null ? null : v.equals("F") ? "off [fixed]" : v;
    }
  }

  @Override public Set<String> names() { return Set.of("ethtool"); }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    List<String> a = command.argv().subList(1, command.argv().size());
    if (a.size() < 2) throw ctx.fail(1, "ethtool: bad command line argument(s)\nFor more information run ethtool -h");
    String op = a.get(0);
    String iface = a.get(1);
    boolean show = op.equals("-k") || op.equals("--show-features") || op.equals("--show-offload");
    boolean set = op.equals("-K") || op.equals("--features") || op.equals("--offload");
    if (!show && !set) throw ctx.fail(1, "ethtool (fake): only -k and -K are modelled, got " + op);
    if (ctx.link(iface).isEmpty()) {
      throw ctx.fail(show ? 1 : 92, "netlink error: no device matches name (offset 24)\nnetlink error: No such device");
    }
    Map<String, String> f = features(ctx, iface);
    if (show) {
      if (a.size() > 2) throw ctx.fail(1, "ethtool: bad command line argument(s)\nFor more information run ethtool -h");
      StringBuilder out = new StringBuilder("Features for ").append(iface).append(":\n");
      for (String[] d : FEATURES) {
        String v = f.get(d[0]);
        out.append(d[1]).append(": ").append(v.equals("F") ? "off [fixed]" : v).append('\n');
      }
      return ctx.ok(out.toString());
    }
    List<String> rest = a.subList(2, a.size());
    if (rest.isEmpty()) throw ctx.fail(1, "ethtool: bad command line argument(s)\nFor more information run ethtool -h");
    Map<String, String> wanted = new LinkedHashMap<>();
    for (int i = 0; i < rest.size(); i += 2) {
      String name = rest.get(i);
      String v = i + 1 < rest.size() ? rest.get(i + 1) : null;
      if (v == null || (!v.equals("on") && !v.equals("off"))) {
        throw ctx.fail(1, "ethtool (-K): flag '(null)' for parameter '(null)' is not followed by 'on' or 'off'");
      }
      if (!f.containsKey(name)) throw ctx.fail(92, "netlink error: bit name not found (offset 52)\nnetlink error: Operation not supported");
      wanted.put(name, v);
    }
    StringBuilder refused = new StringBuilder();
    boolean changedAny = false;
    for (Map.Entry<String, String> w : wanted.entrySet()) {
      String cur = f.get(w.getKey());
      if (cur.equals("F")) {
        if (w.getValue().equals("on")) refused.append(kernelName(w.getKey())).append(": off [requested on]\n");
        continue;
      }
      if (!cur.equals(w.getValue())) changedAny = true;
      f.put(w.getKey(), w.getValue());
    }
    if (changedAny) ctx.state(SLOT).byLink.put(ctx.namespace() + "/" + iface, f);
    if (refused.length() > 0 && !changedAny) {
      return ctx.result(1, "Actual changes:\n" + refused, "Could not change any device features\n");
    }
    ctx.keepChanges();
    return refused.length() > 0 ? ctx.result(0, "Actual changes:\n" + refused, "") : ctx.ok();
  }

  private static String kernelName(String shortName) {
    for (String[] d : FEATURES) if (d[0].equals(shortName)) return d[2];
    return shortName;
  }

  private static Map<String, String> features(FakeToolContext ctx, String iface) {
    Features s = ctx.state(SLOT);
    FakeHostLink link = ctx.link(iface).orElseThrow();
    Map<String, String> kept = s.byLink.get(ctx.namespace() + "/" + iface);
    if (kept != null) return kept;
    String[] d = (link.isBridge() ? BRIDGE : VETH).split(" ");
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < FEATURES.length; i++) m.put(FEATURES[i][0], d[i]);
    return m;     // the defaults: kept by a -K that changes them
  }
}
