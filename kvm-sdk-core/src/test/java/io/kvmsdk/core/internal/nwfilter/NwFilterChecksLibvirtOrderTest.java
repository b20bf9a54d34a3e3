package io.kvmsdk.core.internal.nwfilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.xml.XmlElement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The helpers that let a fake answer as libvirt's nwfilter parser does (which attribute it names, in what order it writes them). */
class NwFilterChecksLibvirtOrderTest {
  @Test void theLastIllegalAttributeInLibvirtsOrderIsNamed() {
    assertThat(NwFilterChecks.illegalAttribute(XmlElement.parse("<tcp dstportstart='99999' srcipaddr='x'/>"))).contains("dstportstart");
    assertThat(NwFilterChecks.illegalAttribute(XmlElement.parse("<ip srcipaddr='not-an-ip'/>"))).contains("srcipaddr");
    assertThat(NwFilterChecks.illegalAttribute(XmlElement.parse("<tcp dstportstart='$PORT' bogus='1'/>"))).isEmpty();
    assertThat(NwFilterChecks.illegalAttribute(XmlElement.parse("<tcp dstportstart='$IP['/>"))).contains("dstportstart");
  }

  @Test void attributesComeInLibvirtsFormatOrder() {
    List<String> udp = NwFilterChecks.attributeOrder("udp");
    assertThat(udp.indexOf("connlimit-above")).isLessThan(udp.indexOf("state")).isLessThan(udp.indexOf("dstportstart"));
    assertThat(NwFilterChecks.attributeOrder("bogus")).isEmpty();
  }

  @Test void portsNeedAPortProtocol() {
    assertThat(NwFilterChecks.portsWithoutPortProtocol(List.of(XmlElement.parse("<ip dstportstart='80'/>")))).isTrue();
    assertThat(NwFilterChecks.portsWithoutPortProtocol(List.of(XmlElement.parse("<ip protocol='udp' dstportstart='80'/>")))).isFalse();
    assertThat(NwFilterChecks.portsWithoutPortProtocol(List.of(XmlElement.parse("<ip protocol='tcp'/>"), XmlElement.parse("<ip dstportstart='80'/>"))))
        .isFalse();
    assertThat(NwFilterChecks.portsWithoutPortProtocol(List.of(XmlElement.parse("<ip protocol='icmp' dstportstart='80'/>")))).isTrue();
  }
}
