package io.kvmsdk.core.nwfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.domain.NicFilterParameter;
import io.kvmsdk.core.testing.RelaxNg;
import io.kvmsdk.core.testing.XmlSame;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The builders and the ready-made policies the network module ships (MAC anti-spoofing, IP binding,
 * ARP anti-spoofing, no STP from guests, a clean-traffic style composite): schema-valid, stable,
 * fully typed, valid, and defined by the real libvirtd.
 */
class NwFilterBuilderTest {
  static List<NwFilterSpec> policies() {
    return List.of(
        NwFilterSpec.noMacSpoofing("kvmsdk-no-mac-spoofing").build(),
        NwFilterSpec.noIpSpoofing("kvmsdk-no-ip-spoofing").build(),
        NwFilterSpec.noArpSpoofing("kvmsdk-no-arp-spoofing").build(),
        NwFilterSpec.noStp("kvmsdk-no-stp").build(),
        NwFilterSpec.referencing("kvmsdk-clean-traffic", "kvmsdk-no-mac-spoofing", "kvmsdk-no-ip-spoofing",
            "kvmsdk-no-arp-spoofing", "kvmsdk-no-stp").build(),
        web());
  }

  /** A guest's own filter: the composite, ssh and http in, DNS out, established traffic, the rest dropped. */
  static NwFilterSpec web() {
    return NwFilterSpec.builder().name("kvmsdk-web")
        .addFilterref("kvmsdk-clean-traffic", NicFilterParameter.of("IP", "10.0.0.5"), NicFilterParameter.of("IP", "10.0.0.6"))
        .addRule(NwFilterRule.accept().direction("in").priority(100).tcp(t -> t.dstportstart("22").state("NEW")))
        .addRule(NwFilterRule.accept().direction("in").priority(100).tcp(t -> t.dstportstart("80").dstportend("81").state("NEW")))
        .addRule(NwFilterRule.accept().direction("out").priority(200).udp(u -> u.dstportstart("53").comment("DNS")))
        .addRule(NwFilterRule.accept().direction("inout").priority(300).all(a -> a.state("ESTABLISHED,RELATED")))
        .addRule(NwFilterRule.accept().direction("out").priority(300).statematch(false).icmp(i -> i.type("8")))
        .addRule(NwFilterRule.drop().direction("inout").priority(1000).all(a -> { }))
        .build();
  }

  @Test
  void theBriefsExampleReadsAsWritten() {
    NwFilterSpec f = NwFilterSpec.builder().name("sdk-no-spoof").chain("mac")
        .addRule(NwFilterRule.drop().direction("out").priority(500).mac(m -> m.srcmacaddr("$MAC").match(false)))
        .build();
    assertThat(XmlSame.diff(f.toXml(), "<filter name='sdk-no-spoof' chain='mac'>"
        + "<rule action='drop' direction='out' priority='500'><mac match='no' srcmacaddr='$MAC'/></rule></filter>")).isNull();
    assertThat(f.rules().get(0).mac().get(0).negated()).isTrue();
    assertThat(f.rules().get(0).protocol()).contains("mac");
    assertThat(f.uuid()).isEmpty();
  }

  @Test
  void everyPolicyIsSchemaValidStableFullyTypedAndValid() {
    RelaxNg rng = RelaxNg.of("nwfilter");
    for (NwFilterSpec p : policies()) {
      String xml = p.toXml();
      assertThat(rng.errors(xml)).as(xml).isNull();
      assertThat(NwFilterSpec.fromXml(xml)).isEqualTo(p);
      assertThat(p.unmodeledPaths()).isEmpty();
      p.validate();
    }
  }

  @Test
  void entriesKeepTheirOrderAndCopiesLeaveTheOriginal() {
    NwFilterSpec w = web();
    assertThat(w.entries().get(0).filterref()).isPresent();
    assertThat(w.filterrefs().get(0).parameters()).extracting(p -> p.value().orElseThrow()).containsExactly("10.0.0.5", "10.0.0.6");
    assertThat(w.rules()).hasSize(6);
    NwFilterSpec tighter = w.copy(b -> b.priority(-100).chain("root"));
    assertThat(tighter.priority()).contains("-100");
    assertThat(w.priority()).isEmpty();
    assertThat(tighter.entries()).isEqualTo(w.entries());
    NwFilterRule r = w.rules().get(0).copy(b -> b.priority(150));
    assertThat(r.priorityValue()).isEqualTo(150);
  }

  @Test
  void theBuilderRefusesWhatLibvirtRefusesNamingTheField() {
    assertThatThrownBy(() -> NwFilterRule.drop().build())
        .isInstanceOf(InvalidSpecException.class).hasMessage("rule/@direction: is required");
    assertThatThrownBy(() -> NwFilterRule.accept().direction("out").tcp(t -> t.dstportstart("70000")).build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("rule/tcp[1]/@dstportstart: must be an integer 0-65535 (decimal or hex), got '70000'");
    assertThatThrownBy(() -> NwFilterSpec.builder().chain("mac").build())
        .isInstanceOf(InvalidSpecException.class).hasMessage("filter/@name: is required");
    assertThatThrownBy(() -> NwFilterSpec.builder().name("x").priority(1001).build())
        .isInstanceOf(InvalidSpecException.class).hasMessage("filter/@priority: must be in [-1000, 1000], got 1001");
    assertThatThrownBy(() -> NwFilterSpec.referencing("loop", "loop").build())
        .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("filter/filterref[1]/@filter: must not name the filter itself");
  }

  @Test
  void validateRefusesARuleOnTwoProtocolsBuiltInCode() {
    NwFilterSpec f = NwFilterSpec.builder().name("two")
        .addRule(NwFilterRule.accept().direction("out").mac(m -> m.protocolid("ipv4")).ip(i -> i.srcipaddr("not checked")))
        .build();
    assertThat(f.rules().get(0).protocol()).contains("mac");
    assertThatThrownBy(f::validate).isInstanceOf(InvalidSpecException.class)
        .hasMessage("filter/rule[1]/ip: a rule filters on one protocol: libvirt uses <mac> and ignores <ip>");
  }

  @Test
  void libvirtDefinesEveryPolicyAndGivesBackTheSameRules() {
    String uri = Virsh.uri();
    for (NwFilterSpec p : policies()) {
      Virsh.Result r = Virsh.define(uri, p.name(), p.toXml());
      assertThat(r.ok()).as(p.name() + ": " + r.out()).isTrue();
      NwFilterSpec back = NwFilterSpec.fromXml(r.out());
      assertThat(back.unmodeledPaths()).isEmpty();
      back.validate();
      assertThat(back.copy(b -> b.uuid(java.util.Optional.empty()).chain(p.chain()).priority(p.priority())).entries())
          .as(p.name()).isEqualTo(p.entries());
    }
  }
}
