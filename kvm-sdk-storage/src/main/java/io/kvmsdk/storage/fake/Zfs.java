package io.kvmsdk.storage.fake;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.storage.zfs.ZfsPool;
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

/**
 * OpenZFS 2.1's {@code zpool create|list|destroy} and {@code zfs create|list|get|set|destroy} as the
 * ZFS plans use them, on the disks of {@link BlockDevices}: pools with their vdev words and
 * properties, datasets and zvols (a zvol appears as {@code /dev/zvol/POOL/NAME}), dataset
 * properties inherited from the parent, compression values checked as ZFS does. Messages and exit
 * codes (1; 2 for usage) are OpenZFS's. Not proven against the real tools (no ZFS module here).
 */
public final class Zfs implements FakeTool {
  public static final FakeToolSlot<State> STATE = FakeToolSlot.of("zfs", State::new);

  /** Pools and datasets; on disk, so they survive a reboot. */
  public static final class State implements FakeToolState<State> {
    final Map<String, List<String>> pools = new TreeMap<>();
    final Map<String, Map<String, String>> poolProps = new TreeMap<>();
    /** dataset to its local properties ("volsize" marks a zvol). */
    final Map<String, Map<String, String>> datasets = new TreeMap<>();

    public List<String> pools() { return List.copyOf(pools.keySet()); }

    public List<String> vdevWords(String pool) { return pools.getOrDefault(pool, List.of()); }

    public Map<String, String> poolProperties(String pool) { return poolProps.getOrDefault(pool, Map.of()); }

    public List<String> datasets() { return List.copyOf(datasets.keySet()); }

    /** The effective value of {@code prop} of {@code ds} (local, else inherited, else ZFS's default). */
    public Optional<String> property(String ds, String prop) {
      for (String d = ds; d != null; d = d.contains("/") ? d.substring(0, d.lastIndexOf('/')) : null) {
        String v = datasets.getOrDefault(d, Map.of()).get(prop);
        if (v != null) return Optional.of(v);
      }
      return Optional.ofNullable(Map.of("compression", "off", "atime", "on", "xattr", "on", "recordsize", "128K").get(prop));
    }

    @Override public State copy() {
      State s = new State();
      pools.forEach((k, v) -> s.pools.put(k, new ArrayList<>(v)));
      poolProps.forEach((k, v) -> s.poolProps.put(k, new LinkedHashMap<>(v)));
      datasets.forEach((k, v) -> s.datasets.put(k, new LinkedHashMap<>(v)));
      return s;
    }

    @Override public List<String> describe() {
      List<String> out = new ArrayList<>();
      pools.forEach((k, v) -> out.add("zpool " + k + " " + v + " " + poolProps.get(k)));
      datasets.forEach((k, v) -> out.add("dataset " + k + " " + v));
      return out;
    }

    @Override public Optional<State> afterReboot() { return Optional.of(copy()); }
  }

  @Override public Set<String> names() { return Set.of("zpool", "zfs"); }

  @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
    String prog = command.argv().get(0).substring(command.argv().get(0).lastIndexOf('/') + 1);
    List<String> a = new ArrayList<>(command.argv().subList(1, command.argv().size()));
    if (a.isEmpty()) throw ctx.fail(2, "usage: " + prog + " command args ...");
    State s = ctx.state(STATE);
    String sub = a.remove(0);
    return prog.equals("zpool") ? zpool(s, sub, a, ctx) : zfs(s, sub, a, ctx);
  }

  private static Map<String, String> props(List<String> a, String flag, FakeToolContext ctx) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < a.size() - 1; ) {
      if (a.get(i).equals(flag)) {
        String kv = a.get(i + 1);
        if (!kv.contains("=")) throw ctx.fail(2, "missing '=' for property=value argument");
        m.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        a.remove(i);
        a.remove(i);
      } else {
        i++;
      }
    }
    return m;
  }

  private static void checkValue(String ds, String k, String v, FakeToolContext ctx) {
    if (k.equals("compression") && !ZfsPool.COMPRESSION.contains(v) && !v.matches("zstd-([1-9]|1[0-9])|zstd-fast-[0-9]+")) {
      throw ctx.fail(1, "cannot set property for '" + ds + "': 'compression' must be one of 'on | off | lzjb | gzip | gzip-[1-9] | zle | lz4 | zstd | zstd-[1-19] | zstd-fast | zstd-fast-[1-10,20,30,40,50,60,70,80,90,100,500,1000]'");
    }
  }

  private static CommandResult zpool(State s, String sub, List<String> a, FakeToolContext ctx) {
    switch (sub) {
      case "create" -> {
        Map<String, String> pp = props(a, "-o", ctx);
        Map<String, String> fp = props(a, "-O", ctx);
        a.remove("-f");
        if (a.size() < 2) throw ctx.fail(2, "missing vdev specification");
        String name = a.remove(0);
        if (s.pools.containsKey(name)) throw ctx.fail(1, "cannot create '" + name + "': pool already exists");
        BlockDevices disks = ctx.state(BlockDevices.SLOT);
        for (String w : a) {
          if (w.matches("mirror|raidz[1-3]?")) continue;
          if (disks.size(w).isEmpty()) throw ctx.fail(1, "cannot open '" + w + "': No such device or address");
          for (List<String> used : s.pools.values()) {
            if (used.contains(w)) throw ctx.fail(1, "invalid vdev specification\nuse '-f' to override the following errors:\n" + w + " is part of active pool");
          }
        }
        fp.forEach((k, v) -> checkValue(name, k, v, ctx));
        s.pools.put(name, new ArrayList<>(a));
        s.poolProps.put(name, pp);
        s.datasets.put(name, new LinkedHashMap<>(fp));
        return ctx.ok();
      }
      case "list" -> {
        boolean script = a.remove("-H");
        int o = a.indexOf("-o");
        if (o >= 0) { a.remove(o); a.remove(o); }
        StringBuilder out = new StringBuilder(script ? "" : "NAME\n");
        for (String p : a.isEmpty() ? s.pools.keySet() : a) {
          if (!s.pools.containsKey(p)) throw ctx.fail(1, "cannot open '" + p + "': no such pool");
          out.append(p).append('\n');
        }
        return ctx.ok(out.toString());
      }
      case "destroy" -> {
        a.remove("-f");
        String p = a.get(0);
        if (!s.pools.containsKey(p)) throw ctx.fail(1, "cannot open '" + p + "': no such pool");
        s.pools.remove(p);
        s.poolProps.remove(p);
        s.datasets.keySet().removeIf(d -> d.equals(p) || d.startsWith(p + "/"));
        for (String f : ctx.listDirectory("/dev/zvol/" + p)) ctx.deleteFile("/dev/zvol/" + p + "/" + f);
        return ctx.ok();
      }
      default -> throw ctx.fail(2, "zpool: the fake knows create, list and destroy, not '" + sub + "'");
    }
  }

  private static CommandResult zfs(State s, String sub, List<String> a, FakeToolContext ctx) {
    switch (sub) {
      case "create" -> {
        Map<String, String> p = props(a, "-o", ctx);
        boolean sparse = a.remove("-s");
        a.remove("-p");
        String volsize = null;
        String block = null;
        int v = a.indexOf("-V");
        if (v >= 0) { volsize = a.get(v + 1); a.remove(v); a.remove(v); }
        int b = a.indexOf("-b");
        if (b >= 0) { block = a.get(b + 1); a.remove(b); a.remove(b); }
        if (a.size() != 1) throw ctx.fail(2, "missing dataset argument");
        String ds = a.get(0);
        if (s.datasets.containsKey(ds)) throw ctx.fail(1, "cannot create '" + ds + "': dataset already exists");
        String parent = ds.contains("/") ? ds.substring(0, ds.lastIndexOf('/')) : null;
        if (parent == null || !s.datasets.containsKey(parent)) throw ctx.fail(1, "cannot create '" + ds + "': parent does not exist");
        if (s.datasets.get(parent).containsKey("volsize")) throw ctx.fail(1, "cannot create '" + ds + "': parent is not a filesystem");
        p.forEach((k, val) -> checkValue(ds, k, val, ctx));
        Map<String, String> local = new LinkedHashMap<>(p);
        if (volsize != null) {
          local.put("volsize", volsize);
          if (block != null) local.put("volblocksize", block);
          if (sparse) local.put("refreservation", "none");
          ctx.writeFile("/dev/zvol/" + ds, "");
        }
        s.datasets.put(ds, local);
        return ctx.ok();
      }
      case "list" -> {
        boolean script = a.remove("-H");
        int o = a.indexOf("-o");
        if (o >= 0) { a.remove(o); a.remove(o); }
        StringBuilder out = new StringBuilder(script ? "" : "NAME\n");
        for (String d : a.isEmpty() ? s.datasets.keySet() : a) {
          if (!s.datasets.containsKey(d)) throw ctx.fail(1, "cannot open '" + d + "': dataset does not exist");
          out.append(d).append('\n');
        }
        return ctx.ok(out.toString());
      }
      case "get" -> {
        boolean script = a.remove("-H");
        int o = a.indexOf("-o");
        if (o >= 0) { a.remove(o); a.remove(o); }
        if (a.size() != 2) throw ctx.fail(2, "missing property argument");
        String d = a.get(1);
        if (!s.datasets.containsKey(d)) throw ctx.fail(1, "cannot open '" + d + "': dataset does not exist");
        String val = s.property(d, a.get(0)).orElse("-");
        return ctx.ok((script ? "" : "VALUE\n") + val + "\n");
      }
      case "set" -> {
        if (a.size() != 2 || !a.get(0).contains("=")) throw ctx.fail(2, "missing property=value argument");
        String d = a.get(1);
        if (!s.datasets.containsKey(d)) throw ctx.fail(1, "cannot open '" + d + "': dataset does not exist");
        String k = a.get(0).substring(0, a.get(0).indexOf('='));
        String val = a.get(0).substring(a.get(0).indexOf('=') + 1);
        checkValue(d, k, val, ctx);
        s.datasets.get(d).put(k, val);
        return ctx.ok();
      }
      case "destroy" -> {
        a.remove("-r");
        String d = a.get(0);
        if (!s.datasets.containsKey(d)) throw ctx.fail(1, "cannot open '" + d + "': dataset does not exist");
        s.datasets.remove(d);
        ctx.deleteFile("/dev/zvol/" + d);
        return ctx.ok();
      }
      default -> throw ctx.fail(2, "zfs: the fake knows create, list, get, set and destroy, not '" + sub + "'");
    }
  }
}
