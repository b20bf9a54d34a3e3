package io.kvmsdk.storage.fake;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import io.kvmsdk.testkit.host.FakeToolSlot;
import io.kvmsdk.testkit.host.FakeToolState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * GlusterFS 10's CLI ({@code gluster [--mode=script]}) as the Gluster plans use it, against the
 * trusted pool as the local glusterd sees it: {@code peer probe}, {@code pool list},
 * {@code volume create|info|get|set|start|stop|delete}. The hosts that run glusterd are declared by
 * the test ({@link State#reachable}); the local host is the fake host's name. Messages and exit
 * codes (1) are the CLI's. Not proven against the real tool (no glusterd here).
 */
public final class Gluster implements FakeTool {
  public static final FakeToolSlot<State> STATE = FakeToolSlot.of("glusterd", State::new);

  /** The trusted pool and the volumes; glusterd keeps them in /var/lib/glusterd. */
  public static final class State implements FakeToolState<State> {
    final Set<String> reachable = new TreeSet<>();
    final Set<String> peers = new TreeSet<>();
    final Map<String, Volume> volumes = new TreeMap<>();

    /** Hosts that answer a probe (glusterd runs there). */
    public State reachable(String... hosts) { reachable.addAll(List.of(hosts)); return this; }

    public List<String> peers() { return List.copyOf(peers); }

    public Optional<Volume> volume(String name) { return Optional.ofNullable(volumes.get(name)); }

    @Override public State copy() {
      State s = new State();
      s.reachable.addAll(reachable);
      s.peers.addAll(peers);
      volumes.forEach((k, v) -> s.volumes.put(k, v.copy()));
      return s;
    }

    @Override public List<String> describe() {
      List<String> out = new ArrayList<>();
      peers.forEach(p -> out.add("peer " + p));
      volumes.forEach((k, v) -> out.add("volume " + k + " " + v.status + " " + v.type + " " + v.bricks + " " + v.options));
      return out;
    }

    @Override public Optional<State> afterReboot() { return Optional.of(copy()); }
  }

  /** One volume. */
  public static final class Volume {
    String status = "Created";
    String type;
    String layout;
    String transport;
    final List<String> bricks = new ArrayList<>();
    final Map<String, String> options = new LinkedHashMap<>();

    Volume copy() {
      Volume v = new Volume();
      v.status = status;
      v.type = type;
      v.layout = layout;
      v.transport = transport;
      v.bricks.addAll(bricks);
      v.options.putAll(options);
      return v;
    }

    public String status() { return status; }

    public List<String> bricks() { return List.copyOf(bricks); }

    public Map<String, String> options() { return Map.copyOf(options); }
  }

  @Override public Set<String> names() { return Set.of("gluster"); }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    List<String> a = new ArrayList<>(command.argv().subList(1, command.argv().size()));
    a.remove("--mode=script");
    State s = ctx.state(STATE);
    if (a.size() >= 2 && a.get(0).equals("peer") && a.get(1).equals("probe") && a.size() == 3) return probe(s, a.get(2), ctx);
    if (a.size() == 2 && a.get(0).equals("pool") && a.get(1).equals("list")) return poolList(s, ctx);
    if (a.size() >= 3 && a.get(0).equals("volume")) return volume(s, a.get(1), a.get(2), a.subList(3, a.size()), ctx);
    throw ctx.fail(1, "unrecognized word: " + String.join(" ", a) + " (the fake knows peer probe, pool list and volume create|info|get|set|start|stop|delete)");
  }

  private static CommandResult probe(State s, String host, FakeToolContext ctx) {
    if (host.equals(ctx.host()) || host.equals("localhost")) return ctx.ok("peer probe: Probe on localhost not needed\n");
    if (s.peers.contains(host)) return ctx.ok("peer probe: Host " + host + " port 24007 already in peer list\n");
    if (!s.reachable.contains(host)) throw ctx.fail(1, "peer probe: failed: Probe returned with Transport endpoint is not connected");
    s.peers.add(host);
    return ctx.ok("peer probe: success\n");
  }

  private static String uuid(String host) { return java.util.UUID.nameUUIDFromBytes(host.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(); }

  private static CommandResult poolList(State s, FakeToolContext ctx) {
    StringBuilder sb = new StringBuilder("UUID\t\t\t\t\tHostname \tState\n");
    s.peers.forEach(p -> sb.append(uuid(p)).append('\t').append(p).append(" \tConnected \n"));
    sb.append(uuid(ctx.host())).append("\tlocalhost\tConnected \n");
    return ctx.ok(sb.toString());
  }

  private static CommandResult volume(State s, String sub, String name, List<String> rest, FakeToolContext ctx) {
    Volume v = s.volumes.get(name);
    switch (sub) {
      case "create" -> {
        if (v != null) throw ctx.fail(1, "volume create: " + name + ": failed: Volume " + name + " already exists");
        List<String> r = new ArrayList<>(rest);
        int replica = 0;
        boolean arbiter = false;
        String transport = "tcp";
        r.remove("force");
        if (!r.isEmpty() && r.get(0).equals("replica")) { replica = Integer.parseInt(r.get(1)); r.remove(0); r.remove(0); }
        if (!r.isEmpty() && r.get(0).equals("arbiter")) { arbiter = true; r.remove(0); r.remove(0); }
        if (!r.isEmpty() && r.get(0).equals("transport")) { transport = r.get(1); r.remove(0); r.remove(0); }
        if (r.isEmpty()) throw ctx.fail(1, "Usage:\nvolume create <NEW-VOLNAME> [[replica <COUNT> [arbiter <COUNT>]]] [transport <tcp|rdma|tcp,rdma>] <NEW-BRICK> ... [force]");
        if (replica > 0 && r.size() % replica != 0) throw ctx.fail(1, "number of bricks is not a multiple of replica count");
        for (String b : r) {
          String host = b.substring(0, b.indexOf(':'));
          if (!host.equals(ctx.host()) && !s.peers.contains(host)) throw ctx.fail(1, "volume create: " + name + ": failed: Host " + host + " is not in 'Peer in Cluster' state");
          for (Volume other : s.volumes.values()) {
            if (other.bricks.contains(b)) throw ctx.fail(1, "volume create: " + name + ": failed: " + b.substring(b.indexOf(':') + 1) + " is already part of a volume");
          }
        }
        Volume n = new Volume();
        n.type = replica == 0 ? (r.size() == 1 ? "Distribute" : "Distribute") : (r.size() > replica ? "Distributed-Replicate" : "Replicate");
        int sets = replica == 0 ? r.size() : r.size() / replica;
        n.layout = replica == 0 ? String.valueOf(r.size()) : sets + " x " + (arbiter ? (replica - 1) + " + 1" : String.valueOf(replica)) + " = " + r.size();
        n.transport = transport;
        n.bricks.addAll(r);
        s.volumes.put(name, n);
        return ctx.ok("volume create: " + name + ": success: please start the volume to access data\n");
      }
      case "info" -> {
        if (v == null) throw ctx.fail(1, "Volume " + name + " does not exist");
        StringBuilder sb = new StringBuilder("\nVolume Name: ").append(name).append("\nType: ").append(v.type)
            .append("\nVolume ID: ").append(uuid(name)).append("\nStatus: ").append(v.status).append("\nSnapshot Count: 0\nNumber of Bricks: ")
            .append(v.layout).append("\nTransport-type: ").append(v.transport).append("\nBricks:\n");
        for (int i = 0; i < v.bricks.size(); i++) sb.append("Brick").append(i + 1).append(": ").append(v.bricks.get(i)).append('\n');
        sb.append("Options Reconfigured:\n");
        v.options.forEach((k, val) -> sb.append(k).append(": ").append(val).append('\n'));
        return ctx.ok(sb.toString());
      }
      case "get" -> {
        if (v == null) throw ctx.fail(1, "volume get option: failed: Volume " + name + " does not exist");
        if (rest.size() != 1) throw ctx.fail(1, "Usage:\nvolume get <VOLNAME|all> <key|all>");
        String val = v.options.getOrDefault(rest.get(0), "(DEFAULT)");
        return ctx.ok(String.format("%-40s%-40s%n%-40s%-40s%n%-40s%-40s%n", "Option", "Value", "------", "-----", rest.get(0), val));
      }
      case "set" -> {
        if (v == null) throw ctx.fail(1, "volume set: failed: Volume " + name + " does not exist");
        if (rest.size() != 2) throw ctx.fail(1, "Usage:\nvolume set <VOLNAME> <KEY> <VALUE>");
        if (!rest.get(0).matches("[a-z0-9_-]+(\\.[a-z0-9_-]+)+")) throw ctx.fail(1, "volume set: failed: option : " + rest.get(0) + " does not exist");
        v.options.put(rest.get(0), rest.get(1));
        return ctx.ok("volume set: success\n");
      }
      case "start" -> {
        if (v == null) throw ctx.fail(1, "volume start: " + name + ": failed: Volume " + name + " does not exist");
        if (v.status.equals("Started")) throw ctx.fail(1, "volume start: " + name + ": failed: Volume " + name + " already started");
        v.status = "Started";
        return ctx.ok("volume start: " + name + ": success\n");
      }
      case "stop" -> {
        if (v == null) throw ctx.fail(1, "volume stop: " + name + ": failed: Volume " + name + " does not exist");
        if (!v.status.equals("Started")) throw ctx.fail(1, "volume stop: " + name + ": failed: Volume " + name + " is not in the started state");
        v.status = "Stopped";
        return ctx.ok("volume stop: " + name + ": success\n");
      }
      case "delete" -> {
        if (v == null) throw ctx.fail(1, "volume delete: " + name + ": failed: Volume " + name + " does not exist");
        if (v.status.equals("Started")) throw ctx.fail(1, "volume delete: " + name + ": failed: Volume " + name + " has been started.Volume needs to be stopped before deletion.");
        s.volumes.remove(name);
        return ctx.ok("volume delete: " + name + ": success\n");
      }
      default -> throw ctx.fail(1, "unrecognized word: volume " + sub);
    }
  }
}
