package io.kvmsdk.storage.ceph.internal;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.storage.ceph.CrushBucket;
import io.kvmsdk.storage.ceph.CrushBucketAlg;
import io.kvmsdk.storage.ceph.CrushBucketItem;
import io.kvmsdk.storage.ceph.CrushChooseArg;
import io.kvmsdk.storage.ceph.CrushChooseArgs;
import io.kvmsdk.storage.ceph.CrushDevice;
import io.kvmsdk.storage.ceph.CrushMap;
import io.kvmsdk.storage.ceph.CrushRule;
import io.kvmsdk.storage.ceph.CrushStep;
import io.kvmsdk.storage.ceph.CrushTunables;
import io.kvmsdk.storage.ceph.CrushType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** From the map's model to what the simulator walks and what a cluster is told. */
public final class CrushCompile {
  private CrushCompile() {}

  /** The compiled map: buckets as Ceph builds them, shadow trees, rules as (op, arg1, arg2), choose_args for index 0 or the compat set. */
  public static CrushEngine engine(CrushMap m) {
    Map<String, Integer> ids = new HashMap<>();
    Map<String, String> deviceClass = new HashMap<>();
    int maxDevice = -1;
    for (CrushDevice d : m.devices()) {
      ids.put(d.name(), d.id());
      d.deviceClass().ifPresent(c -> deviceClass.put(d.name(), c));
      maxDevice = Math.max(maxDevice, d.id());
    }
    for (CrushBucket b : m.buckets()) ids.put(b.name(), b.id().orElseThrow());
    Map<String, Integer> typeIds = new HashMap<>();
    for (CrushType t : m.types()) typeIds.put(t.name(), t.id());
    int strawCalc = m.tunables().strawCalcVersion();
    Map<String, CrushEngine.Bucket> compiled = new HashMap<>();
    Map<String, CrushBucket> byName = new HashMap<>();
    List<CrushEngine.Bucket> all = new ArrayList<>();
    for (CrushBucket b : m.buckets()) {
      int n = b.items().size();
      int[] items = new int[n];
      int[] weights = new int[n];
      for (int i = 0; i < n; i++) {
        CrushBucketItem it = b.items().get(i);
        items[i] = ids.get(it.name());
        weights[i] = it.weightFixed();
        if (items[i] >= 0) maxDevice = Math.max(maxDevice, items[i]);
      }
      CrushEngine.Bucket eb = CrushEngine.Bucket.make(b.id().get(), typeIds.get(b.type()), b.alg().code(), b.hash(), items, weights, strawCalc);
      compiled.put(b.name(), eb);
      byName.put(b.name(), b);
      all.add(eb);
    }
    Map<Integer, CrushEngine.Bucket> shadows = new HashMap<>();
    if (!m.rules().isEmpty()) {
      for (CrushBucket b : m.buckets()) {
        for (String c : b.classIds().keySet()) shadow(b, c, byName, compiled, ids, deviceClass, strawCalc, typeIds, shadows);
      }
      all.addAll(shadows.values());
    }
    Map<Integer, CrushEngine.Bucket> byId = new HashMap<>();
    for (CrushEngine.Bucket b : all) byId.put(b.id(), b);
    // choose_args: crushtool --test asks for index 0 and falls back to the compat set
    CrushChooseArgs args = m.chooseArgs().stream().filter(a -> a.index() == 0).findFirst()
        .or(() -> m.chooseArgs().stream().filter(a -> a.index() == CrushChooseArgs.DEFAULT_INDEX).findFirst()).orElse(null);
    if (args != null) {
      for (CrushChooseArg a : args.args()) {
        CrushEngine.Bucket b = byId.get(a.bucketId());
        if (b == null || b.alg() != CrushEngine.ALG_STRAW2) continue;
        if (!a.weightSets().isEmpty()) {
          int[][] ws = new int[a.weightSets().size()][];
          for (int p = 0; p < ws.length; p++) ws[p] = a.weightSets().get(p).stream().mapToInt(Integer::intValue).toArray();
          b.argWeightSets = ws;
        }
        if (!a.ids().isEmpty()) b.argIds = a.ids().stream().mapToInt(Integer::intValue).toArray();
      }
    }
    int maxRule = m.rules().stream().mapToInt(r -> r.id().get()).max().orElse(-1);
    CrushEngine.Rule[] rules = new CrushEngine.Rule[maxRule + 1];
    for (CrushRule r : m.rules()) {
      int n = r.steps().size();
      int[] ops = new int[n];
      int[] a1 = new int[n];
      int[] a2 = new int[n];
      for (int i = 0; i < n; i++) {
        CrushStep s = r.steps().get(i);
        switch (s.op()) {
          case TAKE: {
            ops[i] = CrushEngine.OP_TAKE;
            String item = s.item().get();
            a1[i] = s.deviceClass().isPresent() ? byName.get(item).classIds().get(s.deviceClass().get()) : ids.get(item);
            break;
          }
          case EMIT: ops[i] = CrushEngine.OP_EMIT; break;
          case CHOOSE_FIRSTN: ops[i] = CrushEngine.OP_CHOOSE_FIRSTN; break;
          case CHOOSE_INDEP: ops[i] = CrushEngine.OP_CHOOSE_INDEP; break;
          case CHOOSELEAF_FIRSTN: ops[i] = CrushEngine.OP_CHOOSELEAF_FIRSTN; break;
          case CHOOSELEAF_INDEP: ops[i] = CrushEngine.OP_CHOOSELEAF_INDEP; break;
          case SET_CHOOSE_TRIES: ops[i] = CrushEngine.OP_SET_CHOOSE_TRIES; break;
          case SET_CHOOSELEAF_TRIES: ops[i] = CrushEngine.OP_SET_CHOOSELEAF_TRIES; break;
          case SET_CHOOSE_LOCAL_TRIES: ops[i] = CrushEngine.OP_SET_CHOOSE_LOCAL_TRIES; break;
          case SET_CHOOSE_LOCAL_FALLBACK_TRIES: ops[i] = CrushEngine.OP_SET_CHOOSE_LOCAL_FALLBACK_TRIES; break;
          case SET_CHOOSELEAF_VARY_R: ops[i] = CrushEngine.OP_SET_CHOOSELEAF_VARY_R; break;
          case SET_CHOOSELEAF_STABLE: ops[i] = CrushEngine.OP_SET_CHOOSELEAF_STABLE; break;
          default: throw new IllegalStateException(s.op().toString());
        }
        if (s.op().isChoose()) {
          a1[i] = s.num();
          a2[i] = typeIds.get(s.type().get());
        } else if (s.op().isSet()) {
          a1[i] = s.num();
        }
      }
      rules[r.id().get()] = new CrushEngine.Rule(ops, a1, a2);
    }
    CrushTunables t = m.tunables();
    return new CrushEngine(all, rules, maxDevice + 1, new CrushEngine.Tunables(t.chooseLocalTries(), t.chooseLocalFallbackTries(),
        t.chooseTotalTries(), t.chooseleafDescendOnce(), t.chooseleafVaryR(), t.chooseleafStable()));
  }

  /** CrushWrapper::device_class_clone: the bucket's devices of class {@code cls} and its children's clones. */
  private static CrushEngine.Bucket shadow(CrushBucket b, String cls, Map<String, CrushBucket> byName, Map<String, CrushEngine.Bucket> compiled,
      Map<String, Integer> ids, Map<String, String> deviceClass, int strawCalc, Map<String, Integer> typeIds, Map<Integer, CrushEngine.Bucket> shadows) {
    int id = b.classIds().get(cls);
    CrushEngine.Bucket done = shadows.get(id);
    if (done != null) return done;
    CrushEngine.Bucket original = compiled.get(b.name());
    List<Integer> items = new ArrayList<>();
    List<Integer> weights = new ArrayList<>();
    for (int i = 0; i < b.items().size(); i++) {
      CrushBucketItem it = b.items().get(i);
      CrushBucket child = byName.get(it.name());
      if (child == null) {
        if (cls.equals(deviceClass.get(it.name()))) {
          items.add(ids.get(it.name()));
          weights.add(original.itemWeight(i));
        }
      } else {
        CrushEngine.Bucket c = shadow(child, cls, byName, compiled, ids, deviceClass, strawCalc, typeIds, shadows);
        items.add(c.id());
        weights.add(c.weight());
      }
    }
    int[] it = items.stream().mapToInt(Integer::intValue).toArray();
    int[] w = weights.stream().mapToInt(Integer::intValue).toArray();
    CrushEngine.Bucket s = CrushEngine.makeByAdding(id, typeIds.get(b.type()), b.alg().code(), b.hash(), it, w, strawCalc);
    shadows.put(id, s);
    return s;
  }

  /** crushtool's test weights: a reweight where given, else 0x10000 for a device some bucket holds, 0 for the others. */
  public static int[] weights(CrushMap m, CrushEngine e) {
    int[] w = new int[e.maxDevices()];
    for (CrushEngine.Bucket b : e.buckets()) {
      for (int i = 0; i < b.size(); i++) if (b.item(i) >= 0) w[b.item(i)] = 0x10000;
    }
    for (Map.Entry<Integer, Integer> r : m.reweights().entrySet()) if (r.getKey() < w.length) w[r.getKey()] = r.getValue();
    return w;
  }

  /** The device ids under {@code name} (itself, if a device). */
  public static List<Integer> devicesUnder(CrushMap m, String name) {
    Map<String, CrushBucket> byName = new HashMap<>();
    for (CrushBucket b : m.buckets()) byName.put(b.name(), b);
    Map<String, Integer> devs = new HashMap<>();
    for (CrushDevice d : m.devices()) devs.put(d.name(), d.id());
    if (!byName.containsKey(name) && !devs.containsKey(name)) throw new InvalidSpecException("item " + name, "the map has no bucket or device named '" + name + "'");
    LinkedHashSet<Integer> out = new LinkedHashSet<>();
    collect(name, byName, devs, out);
    return List.copyOf(out);
  }

  private static void collect(String name, Map<String, CrushBucket> byName, Map<String, Integer> devs, Set<Integer> out) {
    if (devs.containsKey(name)) {
      out.add(devs.get(name));
      return;
    }
    for (CrushBucketItem i : byName.get(name).items()) collect(i.name(), byName, devs, out);
  }

  /** Warnings for a pool of {@code size} on {@code rule}: too few failure domains, size outside min_size..max_size, short mappings. */
  public static List<String> checkPool(CrushMap m, CrushRule rule, int size) {
    List<String> out = new ArrayList<>();
    if (size < rule.minSize() || size > rule.maxSize()) {
      out.add("pool size " + size + " is outside rule '" + rule.name() + "' min_size " + rule.minSize() + " .. max_size " + rule.maxSize());
    }
    long chooseSteps = rule.steps().stream().filter(s -> s.op().isChoose()).count();
    if (chooseSteps == 1 && rule.root().isPresent() && rule.failureDomain().isPresent()) {
      String type = rule.failureDomain().get();
      int domains = failureDomains(m, rule.root().get(), type, rule.deviceClass().orElse(null));
      if (size > domains) {
        out.add("pool size " + size + " exceeds the " + domains + " failure domain" + (domains == 1 ? "" : "s") + " of type '" + type + "' under '"
            + rule.root().get() + "'" + rule.deviceClass().map(c -> " (class " + c + ")").orElse("") + " that rule '" + rule.name()
            + "' spreads replicas over: every PG would get only " + Math.min(domains, size) + " of " + size + (rule.type() == CrushRule.Type.ERASURE
                ? " chunks" : " replicas"));
      }
    }
    if (out.isEmpty()) {
      int samples = 256;
      int shortCount = 0;
      int fewest = size;
      CrushMap.Mapper mapper = m.mapper();
      int[] buf = new int[size];
      for (int x = 0; x < samples; x++) {
        int n = mapper.map(rule.id().get(), x, buf);
        int real = 0;
        for (int i = 0; i < n; i++) if (buf[i] != CrushMap.ITEM_NONE) real++;
        if (real < size) {
          shortCount++;
          fewest = Math.min(fewest, real);
        }
      }
      if (shortCount > 0) {
        out.add(shortCount + " of " + samples + " sampled PGs of a size-" + size + " pool on rule '" + rule.name() + "' get fewer than " + size
            + " OSDs (as few as " + fewest + ")");
      }
    }
    return out;
  }

  /** How many buckets of {@code type} under {@code root} hold weight (of {@code cls} devices, when given). */
  public static int failureDomains(CrushMap m, String root, String type, String cls) {
    Map<String, CrushBucket> byName = new HashMap<>();
    for (CrushBucket b : m.buckets()) byName.put(b.name(), b);
    Map<String, CrushDevice> devs = new HashMap<>();
    for (CrushDevice d : m.devices()) devs.put(d.name(), d);
    Set<String> found = new LinkedHashSet<>();
    domains(root, type, cls, byName, devs, m, found);
    return found.size();
  }

  private static void domains(String name, String type, String cls, Map<String, CrushBucket> byName, Map<String, CrushDevice> devs, CrushMap m,
      Set<String> found) {
    CrushBucket b = byName.get(name);
    if (b == null) {
      CrushDevice d = devs.get(name);
      String deviceType = m.types().stream().filter(t -> t.id() == 0).map(CrushType::name).findFirst().orElse("osd");
      if (d != null && type.equals(deviceType) && (cls == null || cls.equals(d.deviceClass().orElse(null)))) found.add(name);
      return;
    }
    if (b.type().equals(type)) {
      if (weightOf(b, cls, byName, devs) > 0) found.add(name);
      return;
    }
    for (CrushBucketItem i : b.items()) if (i.weightFixed() != 0 || cls != null) domains(i.name(), type, cls, byName, devs, m, found);
  }

  private static long weightOf(CrushBucket b, String cls, Map<String, CrushBucket> byName, Map<String, CrushDevice> devs) {
    long w = 0;
    for (CrushBucketItem i : b.items()) {
      CrushBucket child = byName.get(i.name());
      if (child != null) w += cls == null ? Integer.toUnsignedLong(i.weightFixed()) : weightOf(child, cls, byName, devs);
      else if (cls == null || cls.equals(devs.get(i.name()).deviceClass().orElse(null))) w += Integer.toUnsignedLong(i.weightFixed());
    }
    return w;
  }

  /** add-bucket for every bucket, then a move under its first parent; parents first. */
  public static Plan bucketPlan(CrushMap m) {
    Map<String, String> parent = new HashMap<>();
    Map<String, CrushBucket> byName = new HashMap<>();
    for (CrushBucket b : m.buckets()) byName.put(b.name(), b);
    for (CrushBucket b : m.buckets()) {
      for (CrushBucketItem i : b.items()) if (byName.containsKey(i.name())) parent.putIfAbsent(i.name(), b.name());
    }
    List<CrushBucket> topDown = new ArrayList<>(m.buckets());
    java.util.Collections.reverse(topDown); // the decompiler's order puts children first
    Plan.Builder p = Plan.builder();
    for (CrushBucket b : topDown) {
      p.step(Step.builder("add CRUSH bucket " + b.name() + " (" + b.type() + ")")
          .check(HostCommand.of("ceph", "osd", "crush", "ls", b.name()))
          .change(HostCommand.of("ceph", "osd", "crush", "add-bucket", b.name(), b.type()))
          .undo(HostCommand.of("ceph", "osd", "crush", "remove", b.name())));
    }
    for (CrushBucket b : topDown) {
      String up = parent.get(b.name());
      if (up == null) continue;
      p.step(Step.of("move " + b.name() + " under " + up,
          HostCommand.of("ceph", "osd", "crush", "move", b.name(), byName.get(up).type() + "=" + up)));
    }
    return p.build();
  }

  /** What {@code crushtool --build --num_osds N layer...} builds. */
  public static CrushMap generate(int numOsds, List<CrushMap.Layer> layers) {
    if (numOsds <= 0) throw new InvalidSpecException("num_osds", "must be > 0, got " + numOsds);
    if (layers.isEmpty()) throw new InvalidSpecException("layers", "must specify at least one layer");
    CrushMap.Builder b = CrushMap.builder().tunables(CrushTunables.optimal());
    b.addType(CrushType.of(0, "osd"));
    List<String> lower = new ArrayList<>();
    List<Integer> lowerWeights = new ArrayList<>();
    for (int i = 0; i < numOsds; i++) {
      b.addDevice(CrushDevice.of(i));
      lower.add("osd." + i);
      lowerWeights.add(0x10000);
    }
    int nextId = -1;
    int type = 1;
    for (CrushMap.Layer l : layers) {
      if (l.size() < 0) throw new InvalidSpecException("layer " + l.name(), "size must be >= 0, got " + l.size());
      b.addType(CrushType.of(type, l.name()));
      List<String> cur = new ArrayList<>();
      List<Integer> curWeights = new ArrayList<>();
      int pos = 0;
      int i = 0;
      while (pos < lower.size()) {
        List<CrushBucketItem> items = new ArrayList<>();
        int weight = 0;
        for (int j = 0; j < l.size() || l.size() == 0; j++) {
          if (pos == lower.size()) break;
          items.add(CrushBucketItem.builder().name(lower.get(pos)).weightFixed(lowerWeights.get(pos)).build());
          weight += lowerWeights.get(pos);
          pos++;
        }
        if (l.alg() == CrushBucketAlg.UNIFORM && !items.isEmpty()) {
          // crush_make_uniform_bucket keeps the first item's weight for all of them
          int w0 = items.get(0).weightFixed();
          items.replaceAll(it -> CrushBucketItem.builder().name(it.name()).weightFixed(w0).build());
        }
        String name = l.size() != 0 ? l.name() + i : l.name();
        b.addBucket(CrushBucket.builder().id(nextId--).name(name).type(l.name()).alg(l.alg()).items(items).build());
        cur.add(name);
        curWeights.add(weight);
        i++;
      }
      lower = cur;
      lowerWeights = curWeights;
      type++;
    }
    CrushMap.Layer top = layers.get(layers.size() - 1);
    String root = top.size() == 0 ? top.name() : top.name() + "0";
    b.addRule(CrushRule.builder().id(0).name("replicated_rule").addStep(CrushStep.take(root))
        .addStep(CrushStep.chooseleafFirstn(0, layers.get(0).name())).addStep(CrushStep.emit()).build());
    return b.build();
  }

  static CrushBucketAlg alg(int code) {
    for (CrushBucketAlg a : CrushBucketAlg.values()) if (a.code() == code) return a;
    throw new IllegalArgumentException("alg " + code);
  }
}
