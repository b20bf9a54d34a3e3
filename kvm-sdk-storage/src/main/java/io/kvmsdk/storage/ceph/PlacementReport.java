package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.InvalidSpecException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Where {@code pgs()} placement groups (CRUSH inputs 0..pgs-1) of a pool of {@code size()} land
 * through one rule: each PG's OSDs, the PGs that got fewer OSDs than the pool size, the PGs with two
 * copies in one failure domain, and how many copies each OSD, host or rack holds against what its
 * weight says it should.
 *
 * <pre>{@code
 * PlacementReport r = map.placement("by_rack", 3, 4096);
 * r.allDistinct("rack");              // every PG in 3 different racks?
 * r.shortMappings();                  // PGs that got fewer than 3 OSDs
 * r.utilization("host");              // host -> copies, expected, deviation
 * }</pre>
 */
public final class PlacementReport {
  private final CrushMap map;
  private final int rule;
  private final int size;
  private final int pgs;
  private final int[] osds; // pgs * size, ITEM_NONE padded
  private final int[] lengths;

  private PlacementReport(CrushMap map, int rule, int size, int pgs, int[] osds, int[] lengths) {
    this.map = map;
    this.rule = rule;
    this.size = size;
    this.pgs = pgs;
    this.osds = osds;
    this.lengths = lengths;
  }

  static PlacementReport of(CrushMap map, int rule, int size, int pgs, int threads) {
    if (size <= 0) throw new InvalidSpecException("size", "a pool size must be > 0, got " + size);
    if (pgs <= 0) throw new InvalidSpecException("pgs", "must be > 0, got " + pgs);
    if (threads <= 0) throw new InvalidSpecException("threads", "must be > 0, got " + threads);
    int[] osds = new int[pgs * size];
    int[] lengths = new int[pgs];
    if (threads == 1) {
      fill(map, rule, size, 0, pgs, osds, lengths);
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> fs = new ArrayList<>();
        int chunk = (pgs + threads - 1) / threads;
        for (int t = 0; t < threads; t++) {
          int from = t * chunk;
          int to = Math.min(pgs, from + chunk);
          if (from >= to) break;
          fs.add(pool.submit(() -> fill(map, rule, size, from, to, osds, lengths)));
        }
        for (Future<?> f : fs) f.get();
      } catch (Exception e) {
        throw new IllegalStateException("mapping failed", e);
      } finally {
        pool.shutdown();
      }
    }
    return new PlacementReport(map, rule, size, pgs, osds, lengths);
  }

  private static void fill(CrushMap map, int rule, int size, int from, int to, int[] osds, int[] lengths) {
    CrushMap.Mapper m = map.mapper();
    int[] buf = new int[size];
    for (int x = from; x < to; x++) {
      int n = m.map(rule, x, buf);
      lengths[x] = n;
      int base = x * size;
      for (int i = 0; i < size; i++) osds[base + i] = i < n ? buf[i] : CrushMap.ITEM_NONE;
    }
  }

  public int rule() { return rule; }

  public int size() { return size; }

  public int pgs() { return pgs; }

  /** The OSDs of PG {@code pg}, as crushtool prints them (shorter, or with {@link CrushMap#ITEM_NONE}, when short). */
  public int[] mapping(int pg) {
    int[] out = new int[lengths[pg]];
    System.arraycopy(osds, pg * size, out, 0, lengths[pg]);
    return out;
  }

  /** PGs that got fewer than {@code size()} OSDs (a shorter firstn list or empty indep slots). */
  public int shortMappings() {
    int n = 0;
    for (int pg = 0; pg < pgs; pg++) if (placed(pg) < size) n++;
    return n;
  }

  private int placed(int pg) {
    int n = 0;
    for (int i = 0; i < lengths[pg]; i++) if (osds[pg * size + i] != CrushMap.ITEM_NONE) n++;
    return n;
  }

  /** The PGs that have two copies under one bucket of {@code type} (e.g. two replicas in one rack). */
  public List<Integer> notDistinct(String type) {
    String[] domain = domainOf(type);
    List<Integer> out = new ArrayList<>();
    for (int pg = 0; pg < pgs; pg++) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (int i = 0; i < lengths[pg]; i++) {
        int o = osds[pg * size + i];
        if (o == CrushMap.ITEM_NONE) continue;
        String d = o < domain.length ? domain[o] : null;
        if (d == null || !seen.add(d)) {
          out.add(pg);
          break;
        }
      }
    }
    return out;
  }

  /** True when every PG got {@code size()} OSDs, each under a different bucket of {@code type}. */
  public boolean allDistinct(String type) { return shortMappings() == 0 && notDistinct(type).isEmpty(); }

  /** Copies per OSD id. */
  public Map<Integer, Integer> osdCounts() {
    Map<Integer, Integer> out = new java.util.TreeMap<>();
    for (int pg = 0; pg < pgs; pg++) {
      for (int i = 0; i < lengths[pg]; i++) {
        int o = osds[pg * size + i];
        if (o != CrushMap.ITEM_NONE) out.merge(o, 1, Integer::sum);
      }
    }
    return out;
  }

  /** One bucket's (or OSD's) share: the copies it holds, what its CRUSH weight says it should hold, and the ratio. */
  public record Utilization(String name, int copies, double expected) {
    /** copies / expected: 1.0 is exactly its share, 1.1 is 10% over. */
    public double ratio() { return expected == 0 ? (copies == 0 ? 1.0 : Double.POSITIVE_INFINITY) : copies / expected; }

    @Override public String toString() { return String.format(java.util.Locale.ROOT, "%s: %d copies (expected %.1f, %+.1f%%)", name, copies, expected, (ratio() - 1) * 100); }
  }

  /**
   * Copies held under each bucket of {@code type} ({@code osd} or the device type: per OSD),
   * against the share its weight (of the OSDs this rule can reach that are in) gives it.
   */
  public List<Utilization> utilization(String type) {
    String deviceType = map.types().stream().filter(t -> t.id() == 0).map(CrushType::name).findFirst().orElse("osd");
    Map<Integer, Integer> counts = osdCounts();
    String[] domain = type.equals(deviceType) ? null : domainOf(type);
    Map<Integer, Double> weights = effectiveWeights();
    double totalWeight = 0;
    for (double w : weights.values()) totalWeight += w;
    int placedTotal = 0;
    for (int c : counts.values()) placedTotal += c;
    Map<String, int[]> copies = new LinkedHashMap<>();
    Map<String, Double> expected = new LinkedHashMap<>();
    for (Map.Entry<Integer, Double> e : weights.entrySet()) {
      int o = e.getKey();
      String key = domain == null ? "osd." + o : (o < domain.length ? domain[o] : null);
      if (key == null) continue;
      copies.computeIfAbsent(key, k -> new int[1])[0] += counts.getOrDefault(o, 0);
      expected.merge(key, totalWeight == 0 ? 0 : placedTotal * e.getValue() / totalWeight, Double::sum);
    }
    List<Utilization> out = new ArrayList<>();
    copies.forEach((k, v) -> out.add(new Utilization(k, v[0], expected.get(k))));
    return Collections.unmodifiableList(out);
  }

  /** The largest |copies/expected - 1| over the buckets of {@code type}: 0.05 means the fullest is 5% off its share. */
  public double maxDeviation(String type) {
    double max = 0;
    for (Utilization u : utilization(type)) if (u.expected() > 0) max = Math.max(max, Math.abs(u.ratio() - 1));
    return max;
  }

  /** OSD id -> CRUSH weight times reweight, for the OSDs the rule's take reaches. */
  private Map<Integer, Double> effectiveWeights() {
    CrushRule r = map.rules().stream().filter(x -> x.id().orElse(-1) == rule).findFirst().orElseThrow();
    Map<String, CrushDevice> devs = new HashMap<>();
    for (CrushDevice d : map.devices()) devs.put(d.name(), d);
    Map<Integer, Double> out = new java.util.TreeMap<>();
    for (CrushStep s : r.steps()) {
      if (s.op() != CrushStep.Op.TAKE) continue;
      for (CrushBucket b : map.buckets()) {
        if (!map.devicesUnder(s.item().get()).isEmpty() && under(s.item().get(), b.name())) {
          for (CrushBucketItem i : b.items()) {
            CrushDevice d = devs.get(i.name());
            if (d == null || (s.deviceClass().isPresent() && !s.deviceClass().equals(d.deviceClass()))) continue;
            double rw = map.reweights().getOrDefault(d.id(), 0x10000) / 65536.0;
            out.put(d.id(), i.weight() * rw);
          }
        }
      }
    }
    return out;
  }

  private boolean under(String root, String bucket) {
    if (root.equals(bucket)) return true;
    CrushBucket r = map.bucket(root).orElse(null);
    if (r == null) return false;
    for (CrushBucketItem i : r.items()) if (under(i.name(), bucket)) return true;
    return false;
  }

  /** OSD id -> name of the bucket of {@code type} above it (first parent path), or null. */
  private String[] domainOf(String type) {
    if (map.types().stream().noneMatch(t -> t.name().equals(type))) throw new InvalidSpecException("type " + type, "the map has no type '" + type + "'");
    Map<String, String> parent = new HashMap<>();
    for (CrushBucket b : map.buckets()) for (CrushBucketItem i : b.items()) parent.putIfAbsent(i.name(), b.name());
    Map<String, CrushBucket> byName = new HashMap<>();
    for (CrushBucket b : map.buckets()) byName.put(b.name(), b);
    int max = map.devices().stream().mapToInt(CrushDevice::id).max().orElse(-1);
    String[] out = new String[max + 1];
    for (CrushDevice d : map.devices()) {
      String p = parent.get(d.name());
      while (p != null && !byName.get(p).type().equals(type)) p = parent.get(p);
      out[d.id()] = p;
    }
    return out;
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("rule ").append(rule).append(", size ").append(size).append(", ").append(pgs).append(" PGs: ")
        .append(pgs - shortMappings()).append(" complete, ").append(shortMappings()).append(" short");
    return sb.toString();
  }
}
