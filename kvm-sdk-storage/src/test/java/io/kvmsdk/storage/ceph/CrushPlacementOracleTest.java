package io.kvmsdk.storage.ceph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules built with {@link CrushRule}'s factories compiled into a map, and the dry-run answers
 * ({@link PlacementReport}, {@link Movement}) computed by the simulator equal to the same answers
 * computed from {@code crushtool --test} output: per-OSD counts ({@code --show-utilization}), short
 * mappings, distinct failure domains, and what moves when an OSD or a host goes out.
 */
class CrushPlacementOracleTest {
  static final int PGS = 10_000;
  static CrushMap map;
  static Path bin;
  static Map<Integer, String> hostOf = new TreeMap<>();
  static Map<Integer, String> rackOf = new TreeMap<>();

  @BeforeAll static void build() {
    Crushtool.require();
    // 36 OSDs, 12 hosts of 3, 4 racks of 3 hosts, and uneven weights on rack0's first host
    CrushMap base = CrushMap.generate(36, CrushMap.Layer.of("host", CrushBucketAlg.STRAW2, 3), CrushMap.Layer.of("rack", CrushBucketAlg.STRAW2, 3),
        CrushMap.Layer.of("root", CrushBucketAlg.STRAW2, 0));
    map = base.withRule(CrushRule.replicated("by_rack", "root", "rack"))
        .withRule(CrushRule.erasure("ec_host", "root", "host"))
        .withRule(CrushRule.builder().name("two_per_rack").addStep(CrushStep.take("root")).addStep(CrushStep.chooseFirstn(2, "rack"))
            .addStep(CrushStep.chooseleafFirstn(2, "host")).addStep(CrushStep.emit()).build());
    for (CrushBucket h : map.buckets()) {
      if (h.type().equals("host")) for (int o : map.devicesUnder(h.name())) hostOf.put(o, h.name());
      if (h.type().equals("rack")) for (int o : map.devicesUnder(h.name())) rackOf.put(o, h.name());
    }
    bin = Crushtool.compile(map.toText());
  }

  @Test void rulesCompileIntoTheMapAsCrushtoolWritesThem() {
    assertThat(Crushtool.decompile(bin)).isEqualTo(map.toText());
    assertThat(map.rule("by_rack").orElseThrow().id()).hasValue(1);
    assertThat(map.rule("ec_host").orElseThrow().toText()).contains("step chooseleaf indep 0 type host").contains("type erasure")
        .contains("step set_chooseleaf_tries 5");
    assertThat(CrushMap.parse(map.toText()).rules()).isEqualTo(map.rules());
  }

  @Test void placementReportEqualsWhatCrushtoolsMappingsSay() {
    for (String[] c : new String[][] {{"replicated_rule", "3", "host"}, {"by_rack", "3", "rack"}, {"by_rack", "5", "rack"}, {"ec_host", "6", "host"},
        {"two_per_rack", "4", "host"}}) {
      int rule = map.ruleId(c[0]);
      int size = Integer.parseInt(c[1]);
      PlacementReport r = map.placement(c[0], size, PGS, 2);
      List<int[]> ref = Crushtool.mappings(bin, rule, size, 0, PGS - 1, Map.of());
      int shortRef = 0;
      int notDistinctRef = 0;
      for (int[] m : ref) {
        Set<String> seen = new HashSet<>();
        int placed = 0;
        boolean distinct = true;
        for (int o : m) {
          if (o == CrushMap.ITEM_NONE) continue;
          placed++;
          distinct &= seen.add((c[2].equals("rack") ? rackOf : hostOf).get(o));
        }
        if (placed < size) shortRef++;
        if (!distinct) notDistinctRef++;
      }
      assertThat(r.shortMappings()).as("%s size %d: short mappings", c[0], size).isEqualTo(shortRef);
      assertThat(r.notDistinct(c[2])).as("%s size %d: PGs with two copies in one %s", c[0], size, c[2]).hasSize(notDistinctRef);
      assertThat(r.osdCounts()).as("%s size %d: copies per OSD (crushtool --show-utilization)", c[0], size).isEqualTo(utilization(rule, size));
    }
    assertThat(map.placement("by_rack", 3, PGS).allDistinct("rack")).isTrue();
    assertThat(map.placement("by_rack", 5, PGS).shortMappings()).as("5 replicas, 4 racks").isEqualTo(PGS);
    assertThat(map.placement("two_per_rack", 4, PGS).allDistinct("host")).isTrue();
    assertThat(map.placement("two_per_rack", 4, PGS).allDistinct("rack")).isFalse();
  }

  @Test void movementWhenAnOsdOrAHostGoesOutEqualsTheDifferenceOfCrushtoolsMappings() {
    String host = hostOf.get(7);
    Map<Integer, Double> hostOut = new TreeMap<>();
    for (int o : map.devicesUnder(host)) hostOut.put(o, 0.0);
    record Case(String rule, int size, CrushMap after, Map<Integer, Double> weights) {}
    List<Case> cases = List.of(new Case("replicated_rule", 3, map.withOut(host), hostOut), new Case("by_rack", 3, map.withOut(host), hostOut),
        new Case("ec_host", 6, map.withOut(host), hostOut), new Case("by_rack", 3, map.withReweight(20, 0.0), Map.of(20, 0.0)),
        new Case("replicated_rule", 3, map.withReweight(20, 0.5), Map.of(20, 0.5)));
    for (Case c : cases) {
      int rule = map.ruleId(c.rule);
      Movement m = map.movementTo(c.after, c.rule, c.size, PGS);
      List<int[]> before = Crushtool.mappings(bin, rule, c.size, 0, PGS - 1, Map.of());
      List<int[]> after = Crushtool.mappings(bin, rule, c.size, 0, PGS - 1, c.weights);
      int changed = 0;
      int moved = 0;
      for (int x = 0; x < PGS; x++) {
        if (java.util.Arrays.equals(before.get(x), after.get(x))) continue;
        changed++;
        Set<Integer> had = new HashSet<>();
        for (int o : before.get(x)) had.add(o);
        for (int o : after.get(x)) if (o != CrushMap.ITEM_NONE && !had.contains(o)) moved++;
      }
      assertThat(m.pgsChanged()).as("%s size %d weights %s: PGs changed", c.rule, c.size, c.weights).isEqualTo(changed);
      assertThat(m.copiesMoved()).as("%s size %d weights %s: copies moved", c.rule, c.size, c.weights).isEqualTo(moved);
      assertThat(changed).isPositive();
      if (c.weights.size() == 3) {
        assertThat(m.lost().keySet()).as("the out host's OSDs lose copies (%s)", c.rule).containsAll(c.weights.keySet());
        assertThat(m.gained().keySet()).doesNotContainAnyElementsOf(c.weights.keySet());
      }
    }
  }

  /** crushtool --show-utilization: device -> stored. */
  static Map<Integer, Integer> utilization(int rule, int size) {
    Crushtool.Result r = Crushtool.run("-i", bin.toString(), "--test", "--rule", String.valueOf(rule), "--num-rep", String.valueOf(size),
        "--min-x", "0", "--max-x", String.valueOf(PGS - 1), "--show-utilization");
    Map<Integer, Integer> out = new TreeMap<>();
    List<String> lines = new ArrayList<>(List.of((r.out() + r.err()).split("\n")));
    for (String line : lines) {
      String t = line.trim();
      if (!t.startsWith("device ")) continue;
      int osd = Integer.parseInt(t.substring(7, t.indexOf(':')));
      int stored = Integer.parseInt(t.replaceAll(".*stored : (\\d+).*", "$1"));
      if (stored > 0) out.put(osd, stored);
    }
    return out;
  }
}
