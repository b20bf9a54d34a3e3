package io.kvmsdk.core.nwfilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.XmlSame;
import org.junit.jupiter.api.Test;

/** What the typed model does with what libvirt ignores: kept verbatim, in place, and listed. */
class NwFilterLosslessTest {
  @Test
  void aSecondProtocolStaysVerbatimAfterTheFirstSoLibvirtKeepsFilteringOnTheSameOne() {
    String xml = "<filter name='m'><rule action='accept' direction='out'><ip srcipaddr='10.0.0.1'/><mac srcmacaddr='junk'/>"
        + "<ip dstipaddr='10.0.0.2'/></rule></filter>";
    NwFilterSpec s = NwFilterSpec.fromXml(xml);
    NwFilterRule r = s.rules().get(0);
    assertThat(r.protocol()).contains("ip");
    assertThat(r.ip()).hasSize(2);
    assertThat(r.mac()).isEmpty();
    assertThat(s.unmodeledPaths()).containsExactly("filter/rule/mac");
    String out = s.toXml();
    assertThat(out.indexOf("<ip srcipaddr")).isLessThan(out.indexOf("<mac")).as(out);
    // (a kept element goes back after the last sibling of the name it followed: here after both <ip>)
    assertThat(NwFilterSpec.fromXml(out).rules().get(0).protocol()).contains("ip");
    assertThat(XmlSame.diff(xml, out)).isNull();
    assertThat(NwFilterSpec.fromXml(out)).isEqualTo(s);
  }

  @Test
  void unknownAttributesAndElementsAreKeptWhereTheyWere() {
    String xml = "<filter name='k' extra='1'><uuid>5c6d49af-b071-6127-b4ec-6f8ed4b55335</uuid><description>d</description>"
        + "<rule action='accept' direction='in' note='n'><tcp dstportstart='22' dport='22'><x/></tcp></rule>"
        + "<filterref filter='f' why='w'><parameter name='A' value='1' kind='k'/><other/></filterref></filter>";
    NwFilterSpec s = NwFilterSpec.fromXml(xml);
    assertThat(s.unmodeledPaths()).containsExactlyInAnyOrder("filter/@extra", "filter/description", "filter/rule/@note",
        "filter/rule/tcp/@dport", "filter/rule/tcp/x", "filter/filterref/@why", "filter/filterref/parameter/@kind", "filter/filterref/other");
    assertThat(XmlSame.diff(xml, s.toXml())).isNull();
  }

  @Test
  void toStringIsTheXml() {
    NwFilterSpec s = NwFilterSpec.noStp("kvmsdk-no-stp").build();
    assertThat(s.toString()).isEqualTo(s.toXml());
  }
}
