package io.kvmsdk.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.internal.domain.DomainCodecs;
import org.junit.jupiter.api.Test;

/**
 * Mixed content (text beside child elements) is written back exactly as it was read: the pretty
 * printer adds no white space inside it, so a round trip never changes the document and a second
 * render equals the first. The streamed read gives what reading the parsed tree gives.
 */
class MixedContentTest {
  @Test
  void mixedContentIsWrittenAsItWasRead() {
    String xml = "<metadata>\n  <p>one <b>two</b> three\n  <i>four</i></p>\n  <q>plain</q>\n</metadata>\n";
    XmlElement e = XmlElement.parse(xml);
    XmlElement p = e.children().get(0);
    assertThat(p.isMixed()).isTrue();
    assertThat(p.textBefore(0)).isEqualTo("one ");
    assertThat(p.textBefore(1)).isEqualTo(" three\n  ");
    assertThat(p.textBefore(2)).isEmpty();
    assertThat(e.toXml()).isEqualTo(xml);
    assertThat(XmlElement.parse(e.toXml())).isEqualTo(e);
  }

  @Test
  void aDomainWithMixedContentRendersStably() {
    String xml = "<domain type='kvm'><name>a</name><memory>65536</memory><currentMemory unit='KiB'>65536<x/></currentMemory><os><type>hvm</type></os>"
        + "<metadata><p>one <b>two <i>deep</i> more</b> three</p></metadata></domain>";
    DomainSpec d = DomainSpec.fromXml(xml);
    String r1 = d.toXml();
    assertThat(r1).contains("<currentMemory unit='KiB'>65536<x/></currentMemory>\n");
    assertThat(r1).contains("<p>one <b>two <i>deep</i> more</b> three</p>\n");
    String r2 = DomainSpec.fromXml(r1).toXml();
    assertThat(r2).isEqualTo(r1);
    assertThat(r1).isEqualTo(XmlWriter.write(DomainCodecs.domainTree(d)));
    assertThat(d.toString()).isEqualTo(XmlWriter.writeRedacted(DomainCodecs.domainTree(d)));
  }

  @Test
  void aSecretInMixedContentIsMaskedWhenRedacted() {
    String xml = "<domain type='kvm'><name>a</name><memory>65536</memory><os><type>hvm</type></os>"
        + "<devices><graphics type='vnc' passwd='s3cr3t'>x<listen type='address' address='127.0.0.1'/></graphics></devices></domain>";
    DomainSpec d = DomainSpec.fromXml(xml);
    assertThat(d.toString()).doesNotContain("s3cr3t");
    assertThat(DomainSpec.fromXml(d.toXml()).toXml()).isEqualTo(d.toXml());
  }

  @Test
  void theStreamedReadEqualsTheTreeRead() {
    String xml = "<domain type='kvm' xmlns:my='urn:x'><name>a</name><memory>65536</memory><currentMemory unit='KiB'>65536<x/></currentMemory>"
        + "<os><type>hvm</type></os><my:tag>t</my:tag><vcpu>2<!-- c --></vcpu><on_reboot> restart </on_reboot>"
        + "<devices><emulator>/usr/bin/qemu</emulator><disk type='file' device='disk'><source file='/a'/>"
        + "<target dev='vda' bus='virtio'/>text</disk></devices></domain>";
    XmlDocument<DomainSpec> doc = XmlDocument.of(DomainCodecs.DOMAIN);
    DomainSpec streamed = doc.parse(xml);
    DomainSpec fromTree = doc.read(XmlElement.parse(xml));
    assertThat(streamed).isEqualTo(fromTree);
    assertThat(streamed.toXml()).isEqualTo(fromTree.toXml());
  }

  @Test
  void theStreamedReadRefusesWhatTheTreeReadRefuses() {
    assertThatThrownBy(() -> DomainSpec.fromXml("<domain type='kvm'><name>a</name><memory>x</memory>"))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("not well-formed");
    assertThatThrownBy(() -> DomainSpec.fromXml("<network/>"))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("root element must be <domain>");
    assertThatThrownBy(() -> DomainSpec.fromXml("<!DOCTYPE d [<!ENTITY x 'y'>]><domain/>"))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("DOCTYPE");
  }
}
