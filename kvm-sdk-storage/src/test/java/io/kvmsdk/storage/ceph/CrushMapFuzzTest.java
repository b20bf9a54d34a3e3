package io.kvmsdk.storage.ceph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;

import io.kvmsdk.core.testing.Fuzz;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CrushMap#parse} (crushtool's text form) under {@link Fuzz}: a typed refusal
 * ({@link CrushSyntaxException} or another {@code InvalidSpecException}) or a map whose
 * {@code toText()} parses back to the same text; bounded in size, time and nesting.
 */
class CrushMapFuzzTest {
  /** A hand-written map as people write them: comments, tunables, classes, ids left out, choose_args. */
  static final String HAND = """
      # begin crush map
      tunable choose_local_tries 0
      tunable choose_local_fallback_tries 0
      tunable choose_total_tries 50
      tunable chooseleaf_descend_once 1
      tunable chooseleaf_vary_r 1
      tunable chooseleaf_stable 1
      tunable straw_calc_version 1
      tunable allowed_bucket_algs 54

      # devices
      device 0 osd.0 class ssd
      device 1 osd.1 class hdd
      device 2 osd.2 class hdd
      device 3 osd.3

      # types
      type 0 osd
      type 1 host
      type 10 root

      # buckets
      host node1 {
      \tid -2
      \talg straw2
      \thash 0\t# rjenkins1
      \titem osd.0 weight 1.000
      \titem osd.1 weight 0.500
      }
      host node2 {
      \talg list
      \titem osd.2 weight 2.000
      \titem osd.3 weight 1.250
      }
      root default {
      \tid -1
      \talg tree
      \titem node1 weight 1.500 pos 0
      \titem node2 pos 1
      }

      # rules
      rule replicated_rule {
      \tid 0
      \ttype replicated
      \tmin_size 1
      \tmax_size 10
      \tstep take default
      \tstep chooseleaf firstn 0 type host
      \tstep emit
      }
      rule ec {
      \tid 1
      \ttype erasure
      \tmin_size 3
      \tmax_size 6
      \tstep set_chooseleaf_tries 5
      \tstep take default class hdd
      \tstep chooseleaf indep 0 type host
      \tstep emit
      }

      # choose_args
      choose_args 1 {
        {
          bucket_id -1
          weight_set [
            [ 1.000 2.000 ]
          ]
          ids [ -10 -20 ]
        }
      }
      # end crush map
      """;

  static List<String> seeds() {
    List<String> out = new ArrayList<>(List.of(HAND));
    for (long s = 1; s <= 6; s++) out.add(CrushMaps.random(s).toText());
    return out;
  }

  static Fuzz<CrushMap> fuzz() {
    return Fuzz.text("crush map", CrushMap::parse, CrushMap::toText)
        .words("device", "type", "class", "id", "alg", "hash", "item", "weight", "pos", "rule", "step", "take", "choose", "chooseleaf",
            "firstn", "indep", "emit", "straw", "straw2", "list", "tree", "uniform", "tunable", "choose_args", "bucket_id", "weight_set",
            "ids", "min_size", "max_size", "replicated", "erasure", "osd", "host", "root", "default", "-1", "65535.999", "40000", "32767.999", "4294967295")
        .cases(1500);
  }

  @Test void everyMutationIsRefusedTypedOrRendersStably() {
    fuzz().seeds(seeds()).run();
  }

  @Test void theHandWrittenSeedParses() {
    CrushMap.parse(HAND);
    assertThat(fuzz().check(HAND).kind).isEqualTo("parsed");
  }

  /** The fuzz's size limit: a text of more than 10 MiB was read whole (a comment of 10 MiB parsed). */
  @Test void aTextOfMoreThan10MiBIsRefusedTyped() {
    String huge = HAND + "#" + "x".repeat(Fuzz.MAX_DOCUMENT) + "\n";
    assertThatThrownBy(() -> CrushMap.parse(huge)).isInstanceOf(InvalidSpecException.class).hasMessageContaining("10 MiB");
  }

  /** Seeds 2278, 7552, 7994, 8012, 13158 (of 20,000): a number beyond 32 bits threw NumberFormatException. */
  @Test void seed2278_numbersBeyond32BitsAreRefusedTyped() {
    Fuzz<CrushMap> f = fuzz();
    for (String[] c : List.of(
        new String[] {"chooseleaf firstn 0 type host", "chooseleaf firstn 9223372036854775808 type host"},
        new String[] {"chooseleaf indep 0 type host", "chooseleaf indep -48520165348955413 type host"},
        new String[] {"ids [ -10 -20 ]", "ids [ -10 1712359599689788299 ]"},
        new String[] {"bucket_id -1", "bucket_id -2147483649"},
        new String[] {"\thash 0\t# rjenkins1", "\thash 5789182645828504192"},
        new String[] {"\tid -2\n", "\tid -2541183760154900289\n"})) {
      String text = HAND.replace(c[0], c[1]);
      assertThat(text).isNotEqualTo(HAND);
      assertThat(f.check(text).kind).as(c[1]).isEqualTo("refused");
      assertThatThrownBy(() -> CrushMap.parse(text)).as(c[1]).isInstanceOf(CrushSyntaxException.class).hasMessageContaining("32 bits");
    }
  }

  /** A choose_args weight beyond 16.16 in 32 bits wrapped to a negative number the writer printed as another weight. */
  @Test void aWeightSetWeightTheWriterCannotPrintIsRefused() {
    Fuzz<CrushMap> f = fuzz();
    for (String w : List.of("70000", "1e309", "-1.0", "65535.000", "32768")) {
      String text = HAND.replace("[ 1.000 2.000 ]", "[ 1.000 " + w + " ]");
      assertThat(f.check(text).kind).as(w).isEqualTo("refused");
    }
    assertThat(f.check(HAND.replace("[ 1.000 2.000 ]", "[ 1.000 32767.999 ]")).kind).isEqualTo("parsed");
  }

  /**
   * crushtool -d writes {@code type 0 osd} when a map has no type 0: a map whose types start above 0
   * must still read back the same, and one that names another type {@code osd} is refused typed.
   */
  @Test void typesWithoutType0() {
    Fuzz<CrushMap> f = fuzz();
    assertThat(f.check(HAND.replace("type 0 osd\n", "")).kind).isEqualTo("parsed");
    assertThat(f.check(HAND.replace("type 0 osd\n", "type 5 osd\n")).kind).isEqualTo("refused");
    assertThat(f.check(HAND.replace("type 0 osd\n", "type 2 osd\n").replace("type 10 root", "type 0 root")).kind).isIn("parsed", "refused");
  }

  /**
   * crushtool -d prints item weights from a signed 32-bit 16.16 int: a bucket item of 40000 (under the
   * 65535 bucket limit) was taken and written as -25536.000, which does not read back. Refused now.
   */
  @Test void itemWeightsTheWriterCannotPrintAreRefused() {
    Fuzz<CrushMap> f = fuzz();
    for (String w : List.of("40000.000", "65535.000", "32768", "1e309", "-1.000")) {
      assertThat(f.check(HAND.replace("item node1 weight 1.500 pos 0", "item node1 weight " + w + " pos 0")).kind).as(w).isEqualTo("refused");
    }
    assertThat(f.check(HAND.replace("item node1 weight 1.500 pos 0", "item node1 weight 32767.000 pos 0")).kind).isEqualTo("parsed");
    assertThat(f.check(HAND.replace("item osd.0 weight 1.000", "item osd.0 weight 1e309")).kind).isEqualTo("refused");
  }
}
