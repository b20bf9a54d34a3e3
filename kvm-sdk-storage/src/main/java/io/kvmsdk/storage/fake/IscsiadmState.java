package io.kvmsdk.storage.fake;

import io.kvmsdk.storage.iscsi.ChapCredentials;
import io.kvmsdk.storage.iscsi.IscsiPortal;
import io.kvmsdk.storage.iscsi.IscsiTarget;
import io.kvmsdk.testkit.host.FakeToolState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What open-iscsi keeps on a fake host: the node records ({@code /etc/iscsi/nodes}, kept across a
 * reboot) and the sessions (gone after one), plus the network it sees: the targets reachable on
 * each portal, which a test declares with {@link #expose}.
 */
public final class IscsiadmState implements FakeToolState<IscsiadmState> {
  /** A target another host serves, as the initiator meets it. */
  public record Remote(String iqn, List<String> initiators, boolean anyInitiator, Optional<ChapCredentials> chap,
      Optional<ChapCredentials> mutualChap, int luns) { }

  /** One node record: its settings by name. */
  public static final class Node {
    final Map<String, String> settings = new LinkedHashMap<>();

    Node copy() {
      Node n = new Node();
      n.settings.putAll(settings);
      return n;
    }

    public Map<String, String> settings() { return java.util.Collections.unmodifiableMap(settings); }
  }

  final Map<String, List<Remote>> network = new TreeMap<>();
  /** Records by "PORTAL IQN". */
  final Map<String, Node> nodes = new TreeMap<>();
  /** Sessions: sid to "PORTAL IQN", in login order. */
  final Map<Integer, String> sessions = new TreeMap<>();
  int nextSid = 1;

  /** Makes {@code target} reachable on {@code portal} (as its tgtd or LIO would serve it). */
  public IscsiadmState expose(IscsiPortal portal, IscsiTarget target) {
    network.computeIfAbsent(portal.toString(), k -> new ArrayList<>())
        .add(new Remote(target.iqn(), target.initiators(), target.allowAnyInitiator(), target.chap(), target.mutualChap(), target.luns().size()));
    return this;
  }

  /** Makes {@code target} reachable on each of its portals. */
  public IscsiadmState expose(IscsiTarget target) {
    target.portals().forEach(p -> expose(p, target));
    return this;
  }

  /** The node records, as {@code PORTAL IQN}. */
  public List<String> records() { return List.copyOf(nodes.keySet()); }

  /** The record of {@code iqn} on {@code portal}. */
  public Optional<Node> record(String portal, String iqn) { return Optional.ofNullable(nodes.get(portal + " " + iqn)); }

  /** The sessions, as {@code PORTAL IQN}, in login order. */
  public List<String> sessions() { return List.copyOf(sessions.values()); }

  @Override public IscsiadmState copy() {
    IscsiadmState s = new IscsiadmState();
    network.forEach((k, v) -> s.network.put(k, new ArrayList<>(v)));
    nodes.forEach((k, v) -> s.nodes.put(k, v.copy()));
    s.sessions.putAll(sessions);
    s.nextSid = nextSid;
    return s;
  }

  @Override public List<String> describe() {
    List<String> out = new ArrayList<>();
    nodes.forEach((k, n) -> {
      Map<String, String> shown = new LinkedHashMap<>(n.settings);
      shown.replaceAll((name, v) -> name.contains("password") && !v.equals("<empty>") ? "********" : v);
      shown.keySet().removeIf(name -> !name.startsWith("node.session.auth") && !name.equals("node.startup"));
      out.add("node " + k + " " + shown);
    });
    sessions.forEach((sid, s) -> out.add("session " + sid + " " + s));
    return out;
  }

  @Override public Optional<IscsiadmState> afterReboot() {
    IscsiadmState s = copy();
    s.sessions.clear();
    return Optional.of(s);
  }
}
