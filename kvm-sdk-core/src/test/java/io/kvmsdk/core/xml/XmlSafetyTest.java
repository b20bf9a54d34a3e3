package io.kvmsdk.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.domain.DomainSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XML input is parsed safely: no DTDs, no external entities, no entity expansion, bounded size. */
class XmlSafetyTest {
  @Test
  void externalEntityIsRefusedAndTheFileIsNeverRead(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOPSECRET");
    String xml = "<?xml version='1.0'?><!DOCTYPE domain [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]>"
        + "<domain type='kvm'><name>&x;</name></domain>";
    assertThatThrownBy(() -> DomainSpec.fromXml(xml))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("domain")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOPSECRET"));
  }

  @Test
  void entityExpansionBombIsRefused() {
    StringBuilder sb = new StringBuilder("<?xml version='1.0'?><!DOCTYPE d [<!ENTITY a 'aaaaaaaaaa'>");
    String prev = "a";
    for (int i = 0; i < 10; i++) {
      String n = "e" + i;
      sb.append("<!ENTITY ").append(n).append(" '").append(("&" + prev + ";").repeat(10)).append("'>");
      prev = n;
    }
    sb.append("]><domain type='kvm'><name>&").append(prev).append(";</name></domain>");
    assertThatThrownBy(() -> DomainSpec.fromXml(sb.toString())).isInstanceOf(InvalidSpecException.class);
  }

  @Test
  void plainDoctypeIsRefusedWithAClearRule() {
    assertThatThrownBy(() -> DomainSpec.fromXml("<!DOCTYPE domain><domain type='kvm'><name>a</name></domain>"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void oversizedDocumentIsRefusedBeforeParsing() {
    String big = "<domain type='kvm'><name>a</name><description>" + "x".repeat(11 * 1024 * 1024) + "</description></domain>";
    assertThatThrownBy(() -> DomainSpec.fromXml(big))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void malformedXmlNamesTheDocumentAndTheProblem() {
    assertThatThrownBy(() -> DomainSpec.fromXml("<domain type='kvm'><name>a</nam></domain>"))
        .isInstanceOf(InvalidSpecException.class)
        .satisfies(e -> assertThat(((InvalidSpecException) e).field()).isEqualTo("domain"))
        .hasMessageContaining("not well-formed");
  }

  @Test
  void predefinedAndCharacterEntitiesStillWork() {
    DomainSpec d = DomainSpec.fromXml("<domain type='kvm'><name>a</name><memory unit='KiB'>65536</memory><os><type>hvm</type></os><description>&lt;b&gt; &amp; &#233;</description></domain>");
    assertThat(d.description()).contains("<b> & \u00e9");
    assertThat(DomainSpec.fromXml(d.toXml())).isEqualTo(d);
  }
}
