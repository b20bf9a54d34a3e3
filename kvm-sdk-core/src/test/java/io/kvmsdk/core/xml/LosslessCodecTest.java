package io.kvmsdk.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.testing.XmlSame;
import org.junit.jupiter.api.Test;

/** What the typed model does not cover is kept, re-emitted in place, and visible to the caller. */
class LosslessCodecTest {
  static final String XML = String.join("\n",
      "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0' xmlns:my='urn:example:my' my:owner='ops'>",
      "  <name>web1</name>",
      "  <my:tag color='blue'>x</my:tag>",
      "  <memory unit='KiB'>1048576</memory>",
      "  <os><type>hvm</type></os>",
      "  <futureElement future='yes'><child/></futureElement>",
      "  <devices>",
      "    <emulator>/usr/bin/qemu-system-x86_64</emulator>",
      "    <futureDevice a='1'/>",
      "    <futureDevice a='2'/>",
      "  </devices>",
      "  <qemu:commandline><qemu:arg value='-no-hpet'/></qemu:commandline>",
      "</domain>");

  @Test
  void unknownElementsAttributesAndNamespacesSurviveARoundTrip() {
    DomainSpec d = DomainSpec.fromXml(XML);
    assertThat(XmlSame.diff(XML, d.toXml())).isNull();
    assertThat(d.namespaces()).containsEntry("my", "urn:example:my");
    assertThat(d.namespaces()).as("xmlns:qemu is implied by the qemu elements").doesNotContainKey("qemu");
    assertThat(d.toXml()).contains("xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'");
  }

  @Test
  void unmodeledPathsNameWhatIsKeptVerbatim() {
    DomainSpec d = DomainSpec.fromXml(XML);
    assertThat(d.unmodeledPaths()).contains("domain/@my:owner", "domain/my:tag", "domain/futureElement", "domain/devices/futureDevice");
    assertThat(d.unmodeled().elements()).extracting(e -> e.element().name()).contains("my:tag", "futureElement");
  }

  @Test
  void keptSiblingsGoBackInTheirOriginalOrder() {
    String out = DomainSpec.fromXml(XML).toXml();
    assertThat(out.indexOf("a='1'")).isLessThan(out.indexOf("a='2'"));
    assertThat(out.indexOf("<emulator>")).isLessThan(out.indexOf("<futureDevice"));
    assertThat(out.indexOf("<name>")).isLessThan(out.indexOf("<my:tag"));
  }

  @Test
  void renderIsPrettyPrintedOneElementPerLineWithNameAloneOnItsLine() {
    String out = DomainSpec.fromXml(XML).toXml();
    assertThat(out.lines()).contains("  <name>web1</name>");
    assertThat(out.lines().filter(l -> l.contains("<")).allMatch(l -> l.trim().startsWith("<"))).isTrue();
  }

  @Test
  void aBadTypedValueNamesTheFieldAndTheRule() {
    assertThatThrownBy(() -> DomainSpec.fromXml("<domain type='kvm'><name>a</name><memory unit='KiB'>lots</memory></domain>"))
        .isInstanceOf(InvalidSpecException.class)
        .satisfies(e -> {
          InvalidSpecException x = (InvalidSpecException) e;
          assertThat(x.field()).isEqualTo("domain/memory");
          assertThat(x.rule()).contains("non-negative integer").contains("lots");
        });
    assertThatThrownBy(() -> DomainSpec.fromXml("<domain type='kvm'><name>a</name><memory unit='KiBB'>1</memory></domain>"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("domain/memory/@unit");
  }

  @Test
  void escapingIsDoneByTheWriterNotByConcatenation() {
    DomainSpec d = DomainSpec.builder().type("kvm").name("x").memory(io.kvmsdk.core.Size.mib(64)).osType("hvm").description("a'b\"c<d>&e\nf").build();
    DomainSpec back = DomainSpec.fromXml(d.toXml());
    assertThat(back).isEqualTo(d);
  }

  @Test
  void metadataIsKeptAsXmlAndCountsAsTyped() {
    String xml = "<domain type='kvm'><name>m</name><memory unit='KiB'>65536</memory><os><type>hvm</type></os><metadata><app:info xmlns:app='urn:app'>1</app:info></metadata></domain>";
    DomainSpec d = DomainSpec.fromXml(xml);
    assertThat(d.metadata()).isPresent();
    assertThat(d.unmodeledPaths()).isEmpty();
    assertThat(XmlSame.diff(xml, d.toXml())).isNull();
  }

  @Test
  void toStringMasksPasswordsAndCookiesButToXmlKeepsThem() {
    String xml = "<domain type='kvm'><name>s</name><memory unit='KiB'>65536</memory><os><type>hvm</type></os><devices>"
        + "<disk type='network' device='disk'><source protocol='https' name='img.qcow2'><host name='example.org' port='443'/>"
        + "<cookies><cookie name='session'>COOKIE-SECRET</cookie></cookies></source><target dev='vda' bus='virtio'/></disk>"
        + "<graphics type='vnc' port='-1' autoport='yes' passwd='VNC-SECRET'/></devices></domain>";
    DomainSpec d = DomainSpec.fromXml(xml);
    assertThat(d.toString()).doesNotContain("COOKIE-SECRET").doesNotContain("VNC-SECRET").contains("****");
    assertThat(d.toXml()).contains("COOKIE-SECRET").contains("VNC-SECRET");
  }
}
