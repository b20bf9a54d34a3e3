package io.kvmsdk.storage.ceph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulator against the real crushtool (Ceph 16.2.15): maps built by crushtool itself and
 * random maps of many shapes; every map's text survives crushtool's compile and decompile, and
 * every mapping of x = 0..9999 agrees.
 */
class CrushMapOracleTest {
  static final int XS = 10_000;

  static Stream<Arguments> builtByCrushtool() {
    return Stream.of(
        Arguments.of(12, new String[] {"host", "straw2", "4", "rack", "straw2", "2", "root", "straw2", "0"}),
        Arguments.of(30, new String[] {"host", "straw2", "4", "rack", "straw2", "3", "root", "straw2", "0"}),
        Arguments.of(120, new String[] {"host", "straw2", "12", "rack", "straw2", "3", "root", "straw2", "0"}),
        Arguments.of(17, new String[] {"host", "straw", "3", "rack", "straw", "2", "root", "straw", "0"}),
        Arguments.of(20, new String[] {"host", "list", "4", "row", "list", "3", "root", "list", "0"}),
        Arguments.of(24, new String[] {"host", "uniform", "4", "rack", "uniform", "2", "root", "straw2", "0"}),
        Arguments.of(22, new String[] {"host", "uniform", "5", "rack", "straw2", "2", "root", "uniform", "0"}),
        Arguments.of(19, new String[] {"host", "tree", "4", "rack", "tree", "2", "root", "tree", "0"}),
        Arguments.of(40, new String[] {"host", "straw2", "5", "chassis", "list", "2", "rack", "straw", "2", "datacenter", "tree", "2", "root", "straw2", "0"}),
        Arguments.of(9, new String[] {"host", "straw2", "3", "root", "straw2", "0"}),
        Arguments.of(2, new String[] {"host", "straw2", "1", "root", "straw2", "0"}),
        Arguments.of(11, new String[] {"rack", "straw2", "4", "root", "uniform", "0"}));
  }

  @ParameterizedTest(name = "crushtool --build --num_osds {0} {1}")
  @MethodSource("builtByCrushtool")
  void mapsCrushtoolBuiltAgree(int osds, String[] layers) {
    Crushtool.require();
    String text = Crushtool.build(osds, layers);
    CrushMap map = CrushMap.parse(text);
    assertThat(map.toText()).as("toText of the parsed crushtool -d output").isEqualTo(text);
    assertThat(CrushMap.generate(osds, layers(layers))).as("generate() builds what crushtool --build builds").isEqualTo(map);
    Path bin = Crushtool.compile(map.toText());
    for (int rep : new int[] {1, 2, 3, 5}) agreeAllRules(map, bin, rep, Map.of(), XS);
    // a reweighted OSD and one out, as crushtool --weight
    Map<Integer, Double> w = new LinkedHashMap<>();
    w.put(1, 0.0);
    w.put(osds - 1, 0.5);
    CrushMap rw = map;
    for (Map.Entry<Integer, Double> e : w.entrySet()) rw = rw.withReweight(e.getKey(), e.getValue());
    agreeAllRules(rw, bin, 3, w, XS);
  }

  static LongStream seeds() { return LongStream.range(1, 21); }

  @ParameterizedTest(name = "random map, seed {0}")
  @MethodSource("seeds")
  void randomMapsAgree(long seed) {
    Crushtool.require();
    CrushMap map = CrushMaps.random(seed);
    String text = map.toText();
    Path bin = Crushtool.compile(text);
    assertThat(Crushtool.decompile(bin)).as("crushtool -d of the compiled toText() (seed %d)", seed).isEqualTo(text);
    assertThat(CrushMap.parse(text)).as("parse(toText())").isEqualTo(map);
    for (int rep : new int[] {1, 3, 6}) agreeAllRules(map, bin, rep, Map.of(), 1_000);
    int last = map.devices().get(map.devices().size() - 1).id();
    if (last > 0) {
      CrushMap rw = map.withReweight(0, 0.0).withReweight(last, 0.3);
      agreeAllRules(rw, bin, 3, Map.of(0, 0.0, last, 0.3), 1_000);
    }
  }

  static void agreeAllRules(CrushMap map, Path bin, int rep, Map<Integer, Double> weights, int xs) {
    Map<Integer, List<int[]>> ref = Crushtool.mappingsAllRules(bin, rep, 0, xs - 1, weights);
    assertThat(ref.keySet()).as("rules crushtool mapped").containsExactlyElementsOf(map.rules().stream().map(r -> r.id().get()).toList());
    List<String> diffs = new ArrayList<>();
    ref.forEach((rule, list) -> {
      for (int x = 0; x < xs; x++) {
        int[] mine = map.map(rule, x, rep);
        if (!Arrays.equals(mine, list.get(x)) && diffs.size() < 5) {
          diffs.add("rule " + rule + " x " + x + ": " + Arrays.toString(mine) + " but crushtool " + Arrays.toString(list.get(x)));
        }
      }
    });
    assertThat(diffs).as("num-rep %d, weights %s", rep, weights).isEmpty();
  }

  static void agree(CrushMap map, Path bin, int rule, int rep, Map<Integer, Double> weights) { agree(map, bin, rule, rep, weights, XS); }

  static void agree(CrushMap map, Path bin, int rule, int rep, Map<Integer, Double> weights, int xs) {
    List<int[]> ref = Crushtool.mappings(bin, rule, rep, 0, xs - 1, weights);
    List<String> diffs = new ArrayList<>();
    for (int x = 0; x < xs; x++) {
      int[] mine = map.map(rule, x, rep);
      if (!Arrays.equals(mine, ref.get(x)) && diffs.size() < 5) {
        diffs.add("x " + x + ": " + Arrays.toString(mine) + " but crushtool " + Arrays.toString(ref.get(x)));
      }
    }
    assertThat(diffs).as("rule %d, num-rep %d, weights %s", rule, rep, weights).isEmpty();
  }

  static CrushMap.Layer[] layers(String[] args) {
    CrushMap.Layer[] out = new CrushMap.Layer[args.length / 3];
    for (int i = 0; i < out.length; i++) {
      out[i] = CrushMap.Layer.of(args[3 * i], CrushBucketAlg.of(args[3 * i + 1]), Integer.parseInt(args[3 * i + 2]));
    }
    return out;
  }

  @Test void deviceClassesWalkTheShadowTreeCrushtoolBuilds() {
    Crushtool.require();
    String text = "device 0 osd.0 class hdd\ndevice 1 osd.1 class ssd\ndevice 2 osd.2 class hdd\ndevice 3 osd.3 class ssd\n"
        + "device 4 osd.4 class hdd\ndevice 5 osd.5 class ssd\n"
        + "type 0 osd\ntype 1 host\ntype 2 root\n"
        + "host a {\n alg straw2\n hash 0\n item osd.0 weight 1.0\n item osd.1 weight 2.0\n}\n"
        + "host b {\n alg straw2\n hash 0\n item osd.2 weight 1.0\n item osd.3 weight 2.0\n}\n"
        + "host c {\n alg straw2\n hash 0\n item osd.4 weight 1.0\n item osd.5 weight 2.0\n}\n"
        + "root default {\n alg straw2\n hash 0\n item a\n item b\n item c\n}\n"
        + "rule fast {\n id 0\n type replicated\n min_size 1\n max_size 10\n step take default class ssd\n step chooseleaf firstn 0 type host\n step emit\n}\n";
    String decompiled = Crushtool.decompile(Crushtool.compile(text));
    CrushMap map = CrushMap.parse(text);
    assertThat(map.toText()).as("shadow ids as crushtool assigns them").isEqualTo(decompiled);
    assertThat(decompiled).contains("id -5 class hdd").contains("id -12 class ssd");
    Path bin = Crushtool.compile(map.toText());
    agree(map, bin, 0, 3, Map.of());
    for (int x = 0; x < 100; x++) assertThat(Arrays.stream(map.map("fast", x, 3)).boxed().toList()).allMatch(o -> o % 2 == 1);
  }
}
