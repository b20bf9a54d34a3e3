package io.kvmsdk.core.nwfilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.Fuzz;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link NwFilterSpec#fromXml} and {@link NwFilterBindingSpec#fromXml} under {@link Fuzz}: a typed refusal or a stable re-render. */
class NwFilterFuzzTest {
  static final String FILTER = """
      <filter name='web-in' chain='ipv4' priority='-700'>
        <uuid>5c6d49af-b071-6127-b4ec-6f8ed4b55335</uuid>
        <filterref filter='clean-traffic'><parameter name='IP' value='10.0.0.5'/></filterref>
        <rule action='accept' direction='in' priority='500' statematch='false'>
          <tcp srcipaddr='$IP' dstportstart='80' dstportend='443' state='NEW,ESTABLISHED'/>
        </rule>
        <rule action='drop' direction='inout'><all comment='the rest'/></rule>
      </filter>
      """;

  @Test void filters() {
    List<String> seeds = new ArrayList<>(List.of(FILTER));
    seeds.addAll(Fuzz.corpus("nwfilter"));
    Fuzz.xml("filter", NwFilterSpec::fromXml, NwFilterSpec::toXml).seeds(seeds)
        .words("accept", "drop", "reject", "return", "continue", "in", "out", "inout", "tcp", "udp", "mac", "ipv4", "$IP", "0x800")
        .cases(1500).run();
  }

  @Test void bindings() throws IOException {
    Fuzz.xml("filterbinding", NwFilterBindingSpec::fromXml, NwFilterBindingSpec::toXml).seeds(NwFilterBindingTest.files())
        .words("clean-traffic", "IP", "vnet0", "52:54:00:11:22:33").cases(1500).run();
  }

  /**
   * Seed 812: an unreadable {@code <mac/>} before the typed {@code <mac address=..>} was kept after the
   * sibling it followed ({@code <filterref>}), rendered after the typed one's place, then kept after
   * {@code <mac>}: the render moved on each round trip. A kept element of a one-element field now
   * always goes right after the typed one.
   */
  @Test void seed812_anUnreadableMacBeforeTheTypedOneStaysPut() throws IOException {
    String xml = "<filterbinding><filterref filter='kvmsdk-web'><parameter name='DHCPSERVER' value='10.0.0.254'/></filterref>"
        + "<mac/><mac address='52:54:00:00:00:01'/><portdev name='tap-web1'/>"
        + "<owner><uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid><name>web1</name></owner></filterbinding>";
    assertThat(Fuzz.xml("filterbinding", NwFilterBindingSpec::fromXml, NwFilterBindingSpec::toXml).check(xml).kind).isEqualTo("parsed");
  }
}
