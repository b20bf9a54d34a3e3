package io.kvmsdk.core.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.internal.domain.DomainCodecs;
import io.kvmsdk.core.testing.Oracles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rendering streams straight from the typed value; the element tree of {@link ElementCodec#write}
 * serialised by {@link XmlWriter} is the reference it must equal character for character, redacted
 * or not, kept content included. Lazy tables behave as eager ones and are built once, on first use.
 */
class StreamingRenderTest {
  @Test
  void everyCorpusDomainStreamsExactlyAsItsTreeSerialises() throws IOException {
    Path dir = Oracles.sharedPath("corpus/libvirt-9.0.0/domain");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".xml")).sorted().collect(Collectors.toList());
    }
    List<String> differ = new ArrayList<>();
    for (Path f : files) {
      DomainSpec d = DomainSpec.fromXml(Files.readString(f));
      XmlElement tree = DomainCodecs.domainTree(d);
      if (!d.toXml().equals(XmlWriter.write(tree))) differ.add(f.getFileName() + " (plain)");
      if (!d.toString().equals(XmlWriter.writeRedacted(tree))) differ.add(f.getFileName() + " (redacted)");
    }
    assertThat(files).hasSizeGreaterThan(600);
    assertThat(differ).isEmpty();
  }

  @Test
  void keptElementsGoBackWhereTheyWereWhenStreamed() {
    String xml = String.join("\n",
        "<domain type='kvm' my:owner='ops' xmlns:my='urn:x'>",
        "  <first/>",
        "  <name>web1</name>",
        "  <my:tag color='blue'>x</my:tag>",
        "  <memory unit='KiB'>1048576</memory>",
        "  <os><type>hvm</type></os>",
        "  <future a='1'/>",
        "  <future a='2'><child>t</child></future>",
        "  <devices>",
        "    <futureDevice/>",
        "    <emulator>/usr/bin/qemu</emulator>",
        "    <graphics type='vnc' passwd='VNC-SECRET'><extra password='P'/></graphics>",
        "  </devices>",
        "  <after/>",
        "</domain>");
    DomainSpec d = DomainSpec.fromXml(xml);
    XmlElement tree = DomainCodecs.domainTree(d);
    assertThat(d.toXml()).isEqualTo(XmlWriter.write(tree));
    assertThat(d.toString()).isEqualTo(XmlWriter.writeRedacted(tree))
        .contains("passwd='****'", "password='****'").doesNotContain("VNC-SECRET");
    assertThat(d.toXml()).startsWith("<domain xmlns:my='urn:x' type='kvm' my:owner='ops'>\n  <first/>\n  <name>web1</name>\n  <my:tag color='blue'>x</my:tag>\n");
  }

  /** A small value type for the toolkit's own tests. */
  record Item(Optional<String> id, Optional<String> label, List<Item> items, Unmodeled unmodeled) {}

  static final class ItemBuilder {
    Optional<String> id = Optional.empty();
    Optional<String> label = Optional.empty();
    List<Item> items = List.of();
    Unmodeled unmodeled = Unmodeled.NONE;

    Item build() { return new Item(id, label, items, unmodeled); }
  }

  static final AtomicInteger BUILT = new AtomicInteger();

  static final ElementCodec<Item, ItemBuilder> ITEM = ElementCodec.lazy(() -> {
    BUILT.incrementAndGet();
    return ElementCodec.<Item, ItemBuilder>of("item", ItemBuilder::new, ItemBuilder::build, Item::unmodeled, (b, u) -> b.unmodeled = u)
        .attr("id", Item::id, (b, v) -> b.id = v)
        .textChild("label", Item::label, (b, v) -> b.label = v)
        .list("item", StreamingRenderTest.ITEM, Item::items, (b, v) -> b.items = v); // a lazy table may name itself
  });

  @Test
  void aLazyTableIsBuiltOnceOnFirstUseAndBehavesAsAnEagerOne() {
    XmlDocument<Item> doc = XmlDocument.of(ITEM);
    assertThat(BUILT).as("declaring the table and its document builds nothing").hasValue(0);
    String xml = "<item id='a' x='1'>\n  <label>top</label>\n  <item id='b'>\n    <kept/>\n  </item>\n</item>\n";
    Item it = doc.parse(xml);
    assertThat(BUILT).hasValue(1);
    assertThat(it.items()).hasSize(1);
    assertThat(doc.render(it)).isEqualTo("<item id='a' x='1'>\n  <label>top</label>\n  <item id='b'>\n    <kept/>\n  </item>\n</item>\n");
    assertThat(doc.render(it)).isEqualTo(XmlWriter.write(doc.tree(it)));
    assertThat(doc.unmodeledPaths(it)).containsExactly("item/@x", "item/item/kept");
    assertThat(ITEM.name()).isEqualTo("item");
    assertThat(BUILT).hasValue(1);
  }

  @Test
  void mixedContentKeepsItsTextAsTheTreeDoes() {
    XmlElement e = XmlElement.parse("<metadata><p>one <b>two</b> three</p></metadata>");
    assertThat(e.children().get(0).text()).isEqualTo("one  three");
    DomainSpec d = DomainSpec.fromXml("<domain type='kvm'><name>a</name><memory>65536</memory><os><type>hvm</type></os><metadata><p>one <b>two</b> three</p></metadata></domain>");
    assertThat(d.toXml()).isEqualTo(XmlWriter.write(DomainCodecs.domainTree(d)));
  }
}
