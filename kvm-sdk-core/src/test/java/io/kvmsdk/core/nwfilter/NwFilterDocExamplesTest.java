package io.kvmsdk.core.nwfilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.RelaxNg;
import io.kvmsdk.core.testing.XmlSame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every {@code <filter>} example of libvirt's formatnwfilter.rst, written the way people write
 * filters (no priorities, comments, two {@code <arp>} elements in one rule), parses, round trips,
 * stays schema-valid, is fully typed and passes {@link NwFilterSpec#validate()}; libvirt's define
 * accepts each of them too.
 */
class NwFilterDocExamplesTest {
  static List<String> examples() throws IOException {
    Path rst = Oracles.sharedPath("reference/libvirt-9.0.0-docs/formatnwfilter.rst");
    List<String> lines = Files.readAllLines(rst);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).stripTrailing().endsWith("::")) continue;
      StringBuilder b = new StringBuilder();
      int j = i + 1;
      for (; j < lines.size() && (lines.get(j).isBlank() || lines.get(j).startsWith("   ")); j++) b.append(lines.get(j)).append('\n');
      String block = b.toString().strip();
      if (block.startsWith("<filter") && block.endsWith("</filter>")) out.add(block);
      i = j - 1;
    }
    return out;
  }

  @Test
  void everyFilterExampleOfTheDocsRoundTripsFullyTyped() throws IOException {
    List<String> examples = examples();
    assertThat(examples).hasSizeGreaterThanOrEqualTo(6);
    RelaxNg rng = RelaxNg.of("nwfilter");
    int valid = examples.size();
    for (String x : examples) {
      NwFilterSpec s = NwFilterSpec.fromXml(x);
      String out = s.toXml();
      assertThat(XmlSame.diff(x, out)).as(s.name()).isNull();
      if (rng.errors(x) == null) assertThat(rng.errors(out)).isNull();
      else valid--; // two <arp> in one rule: libvirt takes it, its schema does not
      assertThat(s.unmodeledPaths()).as(s.name()).isEmpty();
      assertThat(NwFilterSpec.fromXml(out)).isEqualTo(s);
      s.validate();
    }
    assertThat(valid).as("schema-valid examples").isGreaterThanOrEqualTo(examples.size() - 1);
  }

  @Test
  void twoElementsOfOneProtocolInOneRuleStayTwo() throws IOException {
    NwFilterSpec s = NwFilterSpec.fromXml(examples().get(0));
    NwFilterRule r = s.rules().get(3);
    assertThat(r.arp()).hasSize(2);
    assertThat(r.arp().get(0).opcode()).contains("Reply");
    assertThat(r.arp().get(1).negated()).isTrue();
    assertThat(r.arp().get(1).arpdstmacaddr()).contains("$MAC");
  }

  @Test
  void libvirtDefinesEveryExample() throws IOException {
    String uri = Virsh.uri();
    for (String x : examples()) {
      NwFilterSpec s = NwFilterSpec.fromXml(x);
      String name = "kvmsdk-doc-" + s.name();
      Virsh.Result r = Virsh.define(uri, name, s.copy(b -> b.name(name).uuid(java.util.Optional.empty())).toXml());
      assertThat(r.ok()).as(r.out()).isTrue();
      NwFilterSpec back = NwFilterSpec.fromXml(r.out());
      assertThat(back.unmodeledPaths()).isEmpty();
      back.validate();
    }
  }
}
