package io.kvmsdk.storage.ceph.internal;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.storage.ceph.CrushBucket;
import io.kvmsdk.storage.ceph.CrushBucketAlg;
import io.kvmsdk.storage.ceph.CrushBucketItem;
import io.kvmsdk.storage.ceph.CrushChooseArg;
import io.kvmsdk.storage.ceph.CrushChooseArgs;
import io.kvmsdk.storage.ceph.CrushDevice;
import io.kvmsdk.storage.ceph.CrushMap;
import io.kvmsdk.storage.ceph.CrushRule;
import io.kvmsdk.storage.ceph.CrushStep;
import io.kvmsdk.storage.ceph.CrushType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules a CRUSH map must follow, and what crushtool fills in: bucket ids (the highest free
 * negative id in definition order), rule ids (the lowest free), shadow bucket ids per device class
 * (CrushWrapper's populate_classes: roots in id order, classes in their id order, children first,
 * the highest id free in the map and not named by the text), then crushtool's order for devices,
 * types, buckets (its decompiler's depth-first walk from id -1 down) and rules.
 */
public final class CrushNormalize {
  private CrushNormalize() {}

  public static CrushMap normalize(CrushMap m) {
    // devices and types
    Map<String, Integer> deviceByName = new HashMap<>();
    Set<Integer> deviceIds = new HashSet<>();
    for (CrushDevice d : m.devices()) {
      if (!deviceIds.add(d.id())) throw new InvalidSpecException("device " + d.id(), "device id " + d.id() + " is defined twice");
      if (deviceByName.put(d.name(), d.id()) != null) throw new InvalidSpecException("device " + d.name(), "item " + d.name() + " defined twice");
    }
    Set<String> typeNames = new HashSet<>();
    Set<Integer> typeIds = new HashSet<>();
    for (CrushType t : m.types()) {
      if (!typeIds.add(t.id())) throw new InvalidSpecException("type " + t.id(), "type id " + t.id() + " is defined twice");
      if (!typeNames.add(t.name())) throw new InvalidSpecException("type " + t.name(), "type '" + t.name() + "' is defined twice");
    }
    if (!typeIds.isEmpty() && !typeIds.contains(0) && typeNames.contains("osd")) {
      throw new InvalidSpecException("type osd", "a map without a type 0 cannot have another type named 'osd'"
          + " (crushtool -d writes 'type 0 osd' for the missing type 0, and the text would name two types 'osd')");
    }

    // bucket ids, as crushtool assigns them
    Set<Integer> used = new HashSet<>();
    Set<String> bucketNames = new HashSet<>();
    for (CrushBucket b : m.buckets()) {
      if (deviceByName.containsKey(b.name()) || !bucketNames.add(b.name())) {
        throw new InvalidSpecException("bucket " + b.name(), "bucket or device '" + b.name() + "' is already defined");
      }
      if (b.id().isPresent() && !used.add(b.id().get())) {
        throw new InvalidSpecException("bucket " + b.name() + "/id", "duplicate bucket id " + b.id().get());
      }
    }
    List<CrushBucket> buckets = new ArrayList<>();
    for (CrushBucket b : m.buckets()) {
      if (b.id().isEmpty()) {
        int id = -1;
        while (used.contains(id)) id--;
        used.add(id);
        final int assigned = id;
        b = b.copy(x -> x.id(assigned));
      }
      buckets.add(b);
    }
    Map<String, CrushBucket> byName = new LinkedHashMap<>();
    Map<Integer, CrushBucket> byId = new HashMap<>();
    for (CrushBucket b : buckets) {
      byName.put(b.name(), b);
      byId.put(b.id().get(), b);
    }

    // structure: types exist, items exist, no cycle, no device in two buckets
    Map<String, String> deviceParent = new HashMap<>();
    Set<String> referenced = new HashSet<>();
    for (CrushBucket b : buckets) {
      if (!typeNames.contains(b.type())) throw new InvalidSpecException("bucket " + b.name() + "/type", "bucket type '" + b.type() + "' is not defined");
      if (b.type().equals(typeName(m, 0))) {
        throw new InvalidSpecException("bucket " + b.name() + "/type", "type '" + b.type() + "' (0) is the device type; a bucket needs a type above it");
      }
      for (CrushBucketItem i : b.items()) {
        if (deviceByName.containsKey(i.name())) {
          String other = deviceParent.put(i.name(), b.name());
          if (other != null) {
            throw new InvalidSpecException("bucket " + b.name() + "/item " + i.name(), "device '" + i.name() + "' is already in bucket '" + other
                + "'; a device belongs to one bucket (move it, or remove it from '" + other + "')");
          }
          if (i.weightFixed() != 0 && Integer.toUnsignedLong(i.weightFixed()) > 100L * 0x10000) {
            throw new InvalidSpecException("bucket " + b.name() + "/item " + i.name() + "/weight", "device weight limited to 100");
          }
        } else if (byName.containsKey(i.name())) {
          referenced.add(i.name());
        } else {
          throw new InvalidSpecException("bucket " + b.name() + "/item " + i.name(), "item '" + i.name() + "' in bucket '" + b.name() + "' is not defined");
        }
      }
    }
    checkCycles(byName);

    // classes in crushtool's order of first appearance
    LinkedHashSet<String> classOrder = new LinkedHashSet<>();
    for (CrushDevice d : m.devices()) d.deviceClass().ifPresent(classOrder::add);
    for (CrushBucket b : buckets) classOrder.addAll(b.classIds().keySet());

    // rules
    Set<Integer> ruleIds = new HashSet<>();
    Set<String> ruleNames = new HashSet<>();
    for (CrushRule r : m.rules()) {
      if (!ruleNames.add(r.name())) throw new InvalidSpecException("rule " + r.name(), "rule name '" + r.name() + "' already defined");
      if (r.id().isPresent() && !ruleIds.add(r.id().get())) throw new InvalidSpecException("rule " + r.name() + "/id", "rule " + r.id().get() + " already exists");
    }
    List<CrushRule> rules = new ArrayList<>();
    for (CrushRule r : m.rules()) {
      if (r.id().isEmpty()) {
        int id = 0;
        while (ruleIds.contains(id)) id++;
        ruleIds.add(id);
        final int assigned = id;
        r = r.copy(x -> x.id(assigned));
      }
      for (CrushStep s : r.steps()) {
        String at = "rule " + r.name() + "/" + s;
        if (s.op() == CrushStep.Op.TAKE) {
          String item = s.item().get();
          if (!deviceByName.containsKey(item) && !byName.containsKey(item)) {
            throw new InvalidSpecException(at, "in rule '" + r.name() + "' item '" + item + "' not defined (the map has no bucket or device of that name)");
          }
          if (s.deviceClass().isPresent() && !classOrder.contains(s.deviceClass().get())) {
            throw new InvalidSpecException(at, "in rule '" + r.name() + "' device class '" + s.deviceClass().get() + "' does not exist (no device has it)");
          }
        }
        if (s.op().isChoose() && !typeNames.contains(s.type().get())) {
          throw new InvalidSpecException(at, "in rule '" + r.name() + "' type '" + s.type().get() + "' not defined");
        }
      }
      rules.add(r);
    }

    // shadow trees: crushtool builds them before its first rule (none without rules) and keeps only
    // the ones it managed to build
    if (rules.isEmpty() || classOrder.isEmpty()) {
      List<CrushBucket> plain = new ArrayList<>();
      for (CrushBucket b : buckets) plain.add(b.classIds().isEmpty() ? b : b.copy(x -> x.classIds(Map.of())));
      buckets = plain;
    } else {
      Map<String, String> classOf = new HashMap<>();
      for (CrushDevice d : m.devices()) d.deviceClass().ifPresent(c -> classOf.put(d.name(), c));
      buckets = populateClasses(buckets, byName, referenced, classOrder, classOf);
    }
    byName.clear();
    byId.clear();
    for (CrushBucket b : buckets) {
      byName.put(b.name(), b);
      byId.put(b.id().get(), b);
    }
    for (CrushRule r : rules) {
      for (CrushStep s : r.steps()) {
        if (s.op() != CrushStep.Op.TAKE || s.deviceClass().isEmpty()) continue;
        String item = s.item().get();
        String at = "rule " + r.name() + "/" + s;
        CrushBucket b = byName.get(item);
        if (b == null || b.classIds().isEmpty()) {
          throw new InvalidSpecException(at, "in rule '" + r.name() + "' step take " + item + " has no class information"
              + (b == null ? " (it is a device)" : unbuilt(b)));
        }
        if (!b.classIds().containsKey(s.deviceClass().get())) {
          throw new InvalidSpecException(at, "in rule '" + r.name() + "' step take " + item + " no matching bucket for class " + s.deviceClass().get()
              + unbuilt(b));
        }
      }
    }
    Set<Integer> allIds = new HashSet<>(byId.keySet());
    for (CrushBucket b : buckets) {
      for (Map.Entry<String, Integer> e : b.classIds().entrySet()) {
        if (!allIds.add(e.getValue())) {
          throw new InvalidSpecException("bucket " + b.name() + "/id " + e.getValue() + " class " + e.getKey(), "bucket id " + e.getValue() + " is used twice");
        }
      }
    }

    // choose_args
    for (CrushChooseArgs ca : m.chooseArgs()) {
      for (CrushChooseArg a : ca.args()) {
        CrushBucket b = byId.get(a.bucketId());
        if (b == null && !allIds.contains(a.bucketId())) {
          throw new InvalidSpecException("choose_args " + Long.toUnsignedString(ca.index()) + "/bucket_id " + a.bucketId(), a.bucketId() + " does not exist");
        }
        if (b != null) {
          for (List<Integer> ws : a.weightSets()) {
            if (ws.size() != b.items().size()) {
              throw new InvalidSpecException("choose_args " + Long.toUnsignedString(ca.index()) + "/bucket_id " + a.bucketId(),
                  a.bucketId() + " needs exactly " + b.items().size() + " weights but got " + ws.size());
            }
          }
          if (!a.ids().isEmpty() && a.ids().size() != b.items().size()) {
            throw new InvalidSpecException("choose_args " + Long.toUnsignedString(ca.index()) + "/bucket_id " + a.bucketId(),
                a.bucketId() + " needs exactly " + b.items().size() + " ids but got " + a.ids().size());
          }
        }
      }
    }

    // crushtool's order
    List<CrushDevice> devices = new ArrayList<>(m.devices());
    devices.sort(Comparator.comparingInt(CrushDevice::id));
    List<CrushType> types = new ArrayList<>(m.types());
    types.sort(Comparator.comparingInt(CrushType::id));
    if (!types.isEmpty() && types.get(0).id() != 0 && !typeNames.contains("osd")) types.add(0, CrushType.of(0, "osd")); // crushtool writes it
    rules.sort(Comparator.comparingInt(r -> r.id().get()));
    List<CrushChooseArgs> chooseArgs = new ArrayList<>(m.chooseArgs());
    chooseArgs.sort((a, b) -> Long.compareUnsigned(a.index(), b.index()));
    List<CrushBucket> ordered = decompileOrder(buckets, byName);
    LinkedHashSet<String> printOrder = new LinkedHashSet<>();
    for (CrushDevice d : devices) d.deviceClass().ifPresent(printOrder::add);
    for (CrushBucket b : ordered) printOrder.addAll(b.classIds().keySet());
    List<CrushBucket> sorted = new ArrayList<>();
    for (CrushBucket b : ordered) {
      if (b.classIds().size() > 1) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (String c : printOrder) if (b.classIds().containsKey(c)) ids.put(c, b.classIds().get(c));
        if (!List.copyOf(ids.keySet()).equals(List.copyOf(b.classIds().keySet()))) b = b.copy(x -> x.classIds(ids));
      }
      sorted.add(b);
    }

    if (devices.equals(m.devices()) && types.equals(m.types()) && sorted.equals(m.buckets()) && rules.equals(m.rules())
        && chooseArgs.equals(m.chooseArgs()) && sameOrder(sorted, m.buckets())) {
      return m;
    }
    return CrushMap.builder().from(m).devices(devices).types(types).buckets(sorted).rules(rules).chooseArgs(chooseArgs).build();
  }

  private static boolean sameOrder(List<CrushBucket> a, List<CrushBucket> b) {
    for (int i = 0; i < a.size(); i++) {
      if (!List.copyOf(a.get(i).classIds().keySet()).equals(List.copyOf(b.get(i).classIds().keySet()))) return false;
    }
    return true;
  }

  private static String typeName(CrushMap m, int id) {
    return m.types().stream().filter(t -> t.id() == id).map(CrushType::name).findFirst().orElse(null);
  }

  private static void checkCycles(Map<String, CrushBucket> byName) {
    Map<String, Integer> state = new HashMap<>();
    for (String n : byName.keySet()) visit(n, byName, state, new ArrayList<>());
  }

  private static void visit(String n, Map<String, CrushBucket> byName, Map<String, Integer> state, List<String> path) {
    Integer s = state.get(n);
    if (s != null && s == 2) return;
    path.add(n);
    if (s != null && s == 1) {
      int from = path.indexOf(n);
      throw new InvalidSpecException("bucket " + n + "/item", "buckets form a cycle: " + String.join(" -> ", path.subList(from, path.size()))
          + " (the buckets must form a directed acyclic graph)");
    }
    state.put(n, 1);
    for (CrushBucketItem i : byName.get(n).items()) {
      if (byName.containsKey(i.name())) visit(i.name(), byName, state, path);
    }
    path.remove(path.size() - 1);
    state.put(n, 2);
  }

  private static String unbuilt(CrushBucket b) {
    return " (Ceph cannot build the device-class copy of a uniform bucket holding weight, and gives up on every class copy after the first"
        + " it cannot build: use straw2 for the buckets under a class rule)";
  }

  /** A clone Ceph cannot build: populate_classes stops at the first one. */
  private static final class CloneFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CloneFailed() { super(null, null, false, false); }
  }

  /**
   * CrushWrapper::populate_classes over the text's buckets: every root (by id), every class, children
   * first; a uniform copy only takes items of weight 0 (crush_add_uniform_bucket_item), and the first
   * clone that fails ends the whole walk, keeping the copies made before it.
   */
  private static List<CrushBucket> populateClasses(List<CrushBucket> buckets, Map<String, CrushBucket> byName, Set<String> referenced,
      LinkedHashSet<String> classOrder, Map<String, String> classOf) {
    Set<Integer> givenIds = new HashSet<>();
    for (CrushBucket b : buckets) givenIds.addAll(b.classIds().values());
    Set<Integer> existing = new HashSet<>();
    for (CrushBucket b : buckets) existing.add(b.id().get());
    TreeSet<Integer> roots = new TreeSet<>();
    for (CrushBucket b : buckets) if (!referenced.contains(b.name())) roots.add(b.id().get());
    Map<Integer, CrushBucket> byId = new HashMap<>();
    for (CrushBucket b : buckets) byId.put(b.id().get(), b);
    Map<String, Map<String, long[]>> assigned = new HashMap<>();
    try {
      for (int root : roots) {
        for (String c : classOrder) clone(byId.get(root), c, byName, classOf, assigned, givenIds, existing);
      }
    } catch (CloneFailed e) {
      // as Ceph: the copies made so far stay, the rest are never made
    }
    List<CrushBucket> out = new ArrayList<>();
    for (CrushBucket b : buckets) {
      Map<String, Integer> ids = new LinkedHashMap<>();
      Map<String, long[]> a = assigned.getOrDefault(b.name(), Map.of());
      for (String c : classOrder) if (a.containsKey(c)) ids.put(c, (int) a.get(c)[0]);
      out.add(ids.equals(b.classIds()) ? b : b.copy(x -> x.classIds(ids)));
    }
    return out;
  }

  /** Returns {id, weight} of the class copy of {@code b}. */
  private static long[] clone(CrushBucket b, String cls, Map<String, CrushBucket> byName, Map<String, String> classOf,
      Map<String, Map<String, long[]>> assigned, Set<Integer> givenIds, Set<Integer> existing) {
    Map<String, long[]> mine = assigned.computeIfAbsent(b.name(), k -> new HashMap<>());
    if (mine.containsKey(cls)) return mine.get(cls);
    boolean uniform = b.alg() == CrushBucketAlg.UNIFORM;
    long weight = 0;
    int added = 0;
    for (CrushBucketItem i : b.items()) {
      CrushBucket child = byName.get(i.name());
      long w;
      if (child != null) {
        w = clone(child, cls, byName, classOf, assigned, givenIds, existing)[1];
      } else if (cls.equals(classOf.get(i.name()))) {
        w = Integer.toUnsignedLong(uniform ? b.items().get(0).weightFixed() : i.weightFixed());
      } else {
        continue;
      }
      if (uniform && w != 0) throw new CloneFailed(); // the copy's item_weight is 0: -EINVAL
      weight += w;
      added++;
    }
    if (b.alg() == CrushBucketAlg.TREE && added > 4) {
      // crush_add_tree_bucket_item grows node_weights with realloc and adds to nodes it never
      // initialised: from the fifth item on, the copy's inner weights are whatever the heap held
      throw new InvalidSpecException("bucket " + b.name() + "/alg", "tree bucket '" + b.name() + "' would get a " + added + "-item '" + cls
          + "' class copy: Ceph builds tree copies of more than 4 items from uninitialised memory, so their placements are undefined"
          + " (no simulator, nor two Ceph daemons, can agree on them); use straw2 (tree is deprecated), or no device classes");
    }
    Integer id = b.classIds().get(cls);
    if (id == null) {
      int bno = -1;
      while (existing.contains(bno) || givenIds.contains(bno)) bno--;
      id = bno;
    }
    existing.add(id);
    long[] r = {id, weight};
    mine.put(cls, r);
    return r;
  }

  /** The order crushtool's decompiler writes buckets in: ids -1, -2, ..., each after the buckets it contains. */
  static List<CrushBucket> decompileOrder(List<CrushBucket> buckets, Map<String, CrushBucket> byName) {
    int min = 0;
    Map<Integer, CrushBucket> byId = new HashMap<>();
    for (CrushBucket b : buckets) {
      byId.put(b.id().get(), b);
      min = Math.min(min, b.id().get());
    }
    List<CrushBucket> out = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (int id = -1; id >= min; id--) {
      CrushBucket b = byId.get(id);
      if (b != null) emit(b, byName, done, out);
    }
    return out;
  }

  private static void emit(CrushBucket b, Map<String, CrushBucket> byName, Set<String> done, List<CrushBucket> out) {
    if (!done.add(b.name())) return;
    for (CrushBucketItem i : b.items()) {
      CrushBucket child = byName.get(i.name());
      if (child != null) emit(child, byName, done, out);
    }
    out.add(b);
  }
}
