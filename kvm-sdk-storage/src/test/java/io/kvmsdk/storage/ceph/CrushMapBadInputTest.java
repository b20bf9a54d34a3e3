package io.kvmsdk.storage.ceph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import org.junit.jupiter.api.Test;

/** Maps and rules Ceph would refuse are refused here first, each naming where and why; crushtool agrees they are wrong. */
class CrushMapBadInputTest {
  static final String HEAD = "device 0 osd.0\ndevice 1 osd.1\ndevice 2 osd.2\ntype 0 osd\ntype 1 host\ntype 2 root\n";
  static final String HOSTS = "host a {\n alg straw2\n hash 0\n item osd.0 weight 1\n}\nhost b {\n alg straw2\n hash 0\n item osd.1 weight 1\n}\n"
      + "root default {\n alg straw2\n hash 0\n item a\n item b\n}\n";

  static CrushMap good() { return CrushMap.parse(HEAD + HOSTS); }

  @Test void aRuleThatTakesAMissingRoot() {
    assertThatThrownBy(() -> good().withRule(CrushRule.replicated("r", "nope", "host"))).isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("rule 'r'").hasMessageContaining("item 'nope' not defined");
    assertThatThrownBy(() -> good().withRule(CrushRule.replicated("r", "default", "rack"))).hasMessageContaining("type 'rack' not defined");
    assertThatThrownBy(() -> good().withRule(CrushRule.replicated("r", "default", "host", "ssd"))).hasMessageContaining("device class 'ssd' does not exist");
    assertThat(crushtoolRefuses(HEAD + HOSTS + "rule r {\n id 0\n type replicated\n min_size 1\n max_size 10\n step take nope\n step emit\n}\n")).isTrue();
  }

  @Test void aBucketCycle() {
    CrushBucket a = CrushBucket.builder().name("a").type("host").alg(CrushBucketAlg.STRAW2).addItems(CrushBucketItem.of("b", 1)).build();
    CrushBucket b = CrushBucket.builder().name("b").type("host").alg(CrushBucketAlg.STRAW2).addItems(CrushBucketItem.of("a", 1)).build();
    assertThatThrownBy(() -> CrushMap.builder().addDevices(CrushDevice.of(0)).addTypes(CrushType.of(0, "osd"), CrushType.of(1, "host")).addBuckets(a, b).build())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("buckets form a cycle");
  }

  @Test void aDeviceInTwoHosts() {
    String twice = HEAD + "host a {\n alg straw2\n hash 0\n item osd.0 weight 1\n}\nhost b {\n alg straw2\n hash 0\n item osd.0 weight 1\n}\n";
    assertThatThrownBy(() -> CrushMap.parse(twice)).isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("bucket b/item osd.0").hasMessageContaining("device 'osd.0' is already in bucket 'a'");
    assertThat(crushtoolRefuses(twice + "root default {\n alg straw2\n hash 0\n item a\n item b\n}\n")).isFalse(); // crushtool takes it; Ceph's tree then double-counts
  }

  @Test void anErasureRuleWithFirstn() {
    assertThatThrownBy(() -> CrushRule.builder().name("ec").type(CrushRule.Type.ERASURE).addStep(CrushStep.take("default"))
        .addStep(CrushStep.chooseleafFirstn(0, "host")).addStep(CrushStep.emit()).build())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("rule ec/step chooseleaf firstn 0 type host").hasMessageContaining("must choose indep");
    // and a rule of another shape cannot be made with create-replicated
    assertThatThrownBy(() -> CrushRule.erasure("ec", "default", "host").createPlan()).hasMessageContaining("CrushMap.setPlan");
  }

  @Test void aSyntaxErrorNamesLineAndColumn() {
    String text = HEAD + HOSTS + "rule r {\n id 0\n type replicated\n min_size 1\n max_size 10\n step tak default\n step emit\n}\n";
    int line = (int) (HEAD + HOSTS).lines().count() + 6;
    assertThatThrownBy(() -> CrushMap.parse(text)).isInstanceOfSatisfying(CrushSyntaxException.class, e -> {
      assertThat(e.line()).isEqualTo(line);
      assertThat(e.column()).isEqualTo(7);
    }).hasMessageContaining("line " + line + ", column 7");
    assertThat(crushtoolRefuses(text)).isTrue();
    assertThatThrownBy(() -> CrushMap.parse("device 0 osd.0\ntype 0 osd\ntype 1 host\nhost a {\n alg straw3\n}\n")).isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("crush map line 5").hasMessageContaining("unknown bucket alg 'straw3'");
  }

  @Test void aPoolLargerThanItsFailureDomainsIsWarnedWithTheNumbers() {
    CrushMap m = good().withRule(CrushRule.replicated("by_host", "default", "host"));
    assertThat(m.checkPool("by_host", 3)).singleElement().asString()
        .isEqualTo("pool size 3 exceeds the 2 failure domains of type 'host' under 'default' that rule 'by_host' spreads replicas over: every PG would get only 2 of 3 replicas");
    assertThat(m.checkPool("by_host", 2)).isEmpty();
    assertThat(m.checkPool("by_host", 11)).anySatisfy(w -> assertThat(w).contains("outside rule 'by_host' min_size 1 .. max_size 10"));
  }

  static boolean crushtoolRefuses(String text) {
    Crushtool.require();
    try {
      Crushtool.compile(text);
      return false;
    } catch (AssertionError e) {
      return true;
    }
  }
}
