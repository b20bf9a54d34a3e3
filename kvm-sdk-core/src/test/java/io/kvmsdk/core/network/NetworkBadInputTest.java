package io.kvmsdk.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed, entity-laden, oversized or foreign XML is refused before any typed value exists. */
class NetworkBadInputTest {
  @Test
  void malformedXmlNamesTheDocument() {
    assertThatThrownBy(() -> NetworkSpec.fromXml("<network><name>a</nam></network>"))
        .isInstanceOf(InvalidSpecException.class)
        .satisfies(e -> assertThat(((InvalidSpecException) e).field()).isEqualTo("network"))
        .hasMessageContaining("not well-formed");
    assertThatThrownBy(() -> NetworkPortSpec.fromXml("<networkport><uuid>x</networkport>"))
        .isInstanceOf(InvalidSpecException.class)
        .satisfies(e -> assertThat(((InvalidSpecException) e).field()).isEqualTo("networkport"));
  }

  @Test
  void anExternalEntityIsRefusedAndItsFileNeverRead(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOPSECRET");
    String xml = "<?xml version='1.0'?><!DOCTYPE network [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]>"
        + "<network><name>&x;</name></network>";
    assertThatThrownBy(() -> NetworkSpec.fromXml(xml))
        .isInstanceOf(InvalidSpecException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOPSECRET"));
  }

  @Test
  void anEntityBombAndAPlainDoctypeAreRefused() {
    StringBuilder sb = new StringBuilder("<?xml version='1.0'?><!DOCTYPE n [<!ENTITY a 'aaaaaaaaaa'>");
    String prev = "a";
    for (int i = 0; i < 10; i++) {
      sb.append("<!ENTITY e").append(i).append(" '").append(("&" + prev + ";").repeat(10)).append("'>");
      prev = "e" + i;
    }
    sb.append("]><network><name>&").append(prev).append(";</name></network>");
    assertThatThrownBy(() -> NetworkSpec.fromXml(sb.toString())).isInstanceOf(InvalidSpecException.class);
    assertThatThrownBy(() -> NetworkPortSpec.fromXml("<!DOCTYPE networkport><networkport/>"))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("DOCTYPE");
  }

  @Test
  void anOversizedDocumentIsRefusedBeforeParsing() {
    StringBuilder sb = new StringBuilder("<network><name>big</name><dns>");
    String txt = "<txt name='t' value='" + "x".repeat(1000) + "'/>";
    while (sb.length() < 11 * 1024 * 1024) sb.append(txt);
    sb.append("</dns></network>");
    assertThatThrownBy(() -> NetworkSpec.fromXml(sb.toString())).isInstanceOf(InvalidSpecException.class).hasMessageContaining("limit");
  }

  @Test
  void anotherDocumentKindIsRefused() {
    assertThatThrownBy(() -> NetworkSpec.fromXml("<domain type='kvm'><name>a</name></domain>"))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("root element must be <network>");
    assertThatThrownBy(() -> NetworkPortSpec.fromXml("<network><name>a</name></network>"))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("root element must be <networkport>");
  }

  @Test
  void aBadValueNamesItsAttribute() {
    assertThatThrownBy(() -> NetworkSpec.fromXml("<network><name>n</name><mtu size='big'/></network>"))
        .isInstanceOf(InvalidSpecException.class)
        .satisfies(e -> assertThat(((InvalidSpecException) e).field()).isEqualTo("network/mtu/@size"));
    assertThatThrownBy(() -> NetworkSpec.fromXml("<network><name>n</name><forward mode='nat'><nat><port start='a' end='2'/></nat></forward></network>"))
        .isInstanceOf(InvalidSpecException.class)
        .satisfies(e -> assertThat(((InvalidSpecException) e).field()).isEqualTo("network/forward/nat/port/@start"));
  }
}
