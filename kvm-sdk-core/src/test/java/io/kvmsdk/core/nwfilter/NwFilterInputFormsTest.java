package io.kvmsdk.core.nwfilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.RelaxNg;
import io.kvmsdk.core.testing.XmlSame;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Filters written the way people write them, not the way libvirt prints them (the held-out kind:
 * libvirt's own input files): every element and attribute of nwfilter.rng and formatnwfilter.rst in
 * hex, upper case, dotted masks, variables, missing priorities. Each parses fully typed, round trips
 * keeping every value as written, and libvirt's define accepts it (where libvirt rewrites a value,
 * the spec still holds the original).
 */
class NwFilterInputFormsTest {
  static final List<String> FILES = List.of("l2-every-attribute.xml", "ip-every-attribute.xml", "ipv6-every-attribute.xml",
      "ip-protocols-every-attribute.xml", "references-and-variables.xml");

  static Map<String, String> inputs() throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    for (String f : FILES) {
      try (InputStream in = NwFilterInputFormsTest.class.getResourceAsStream("/nwfilter/inputs/" + f)) {
        m.put(f, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  @Test
  void everyInputFormRoundTripsFullyTypedAndValid() throws IOException {
    RelaxNg rng = RelaxNg.of("nwfilter");
    for (Map.Entry<String, String> in : inputs().entrySet()) {
      NwFilterSpec s = NwFilterSpec.fromXml(in.getValue());
      String out = s.toXml();
      assertThat(XmlSame.diff(in.getValue(), out)).as(in.getKey()).isNull();
      assertThat(s.unmodeledPaths()).as(in.getKey()).isEmpty();
      assertThat(NwFilterSpec.fromXml(out)).isEqualTo(s);
      assertThat(NwFilterSpec.fromXml(out).toXml()).isEqualTo(out);
      if (rng.errors(in.getValue()) == null) assertThat(rng.errors(out)).as(in.getKey()).isNull();
      s.validate();
    }
  }

  @Test
  void valuesStayAsWritten() throws IOException {
    Map<String, String> in = inputs();
    NwFilterSpec l2 = NwFilterSpec.fromXml(in.get("l2-every-attribute.xml"));
    MacMatch mac = l2.rules().get(0).mac().get(0);
    assertThat(mac.protocolid()).contains("IPv4");
    assertThat(mac.srcmacmask()).contains("FF:FF:FF:FF:FF:00");
    assertThat(mac.comment()).contains("mac & more");
    assertThat(mac.match()).contains("yes");
    assertThat(l2.rules().get(1).mac().get(0).protocolid()).contains("0x86DD");
    assertThat(l2.rules().get(1).priority()).isEmpty();
    assertThat(l2.rules().get(1).priorityValue()).isEqualTo(500);
    assertThat(l2.rules().get(2).vlan().get(0).vlanid()).contains("0xFFF");
    assertThat(l2.rules().get(4).stp().get(0).rootCostHi()).contains("0xFFFFFFFF");
    assertThat(l2.rules().get(5).arp().get(0).opcode()).contains("reply");

    NwFilterSpec ip = NwFilterSpec.fromXml(in.get("ip-every-attribute.xml"));
    IpMatch dhcp = ip.rules().get(0).ip().get(0);
    assertThat(dhcp.srcipmask()).contains("255.255.248.0");
    assertThat(dhcp.protocol()).contains("UDP");
    assertThat(dhcp.dscp()).contains("0x3F");
    assertThat(dhcp.dstportend()).contains("0X43");
    assertThat(ip.rules().get(0).statematch()).contains("0");
    assertThat(ip.rules().get(3).priority()).contains("+600");
    assertThat(ip.rules().get(3).priorityValue()).isEqualTo(600);
    assertThat(ip.priority()).contains("-700");

    NwFilterSpec refs = NwFilterSpec.fromXml(in.get("references-and-variables.xml"));
    assertThat(refs.entries()).extracting(NwFilterEntry::elementName).containsExactly("rule", "filterref", "rule", "filterref");
    assertThat(refs.toXml().indexOf("clean-traffic")).isLessThan(refs.toXml().indexOf("<all/>"));
    assertThat(refs.rules().get(0).tcp().get(0).srcipaddr()).contains("$A[ @1 ]");
    assertThat(refs.filterrefs().get(0).parameters()).hasSize(4);
  }

  @Test
  void libvirtDefinesEveryInputFormAndItsOutputParsesFullyTyped() throws IOException {
    String uri = Virsh.uri();
    for (Map.Entry<String, String> in : inputs().entrySet()) {
      NwFilterSpec s = NwFilterSpec.fromXml(in.getValue());
      Virsh.Result r = Virsh.define(uri, s.name(), s.toXml());
      assertThat(r.ok()).as(in.getKey() + ": " + r.out()).isTrue();
      NwFilterSpec back = NwFilterSpec.fromXml(r.out());
      assertThat(back.unmodeledPaths()).as(in.getKey()).isEmpty();
      back.validate();
      assertThat(back.entries()).as(in.getKey()).hasSameSizeAs(s.entries());
    }
  }
}
