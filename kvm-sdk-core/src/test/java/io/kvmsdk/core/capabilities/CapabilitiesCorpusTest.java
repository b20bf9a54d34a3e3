package io.kvmsdk.core.capabilities;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.CorpusCheck;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Every capabilities and domain-capabilities file of libvirt 9.0.0's own test corpus parses,
 * renders back the same under the team's XmlSame rule, validates against libvirt's schema when
 * the original does, is stable on a second pass, and is fully typed.
 */
class CapabilitiesCorpusTest {
  @Test
  void everyCorpusHostCapabilitiesRoundTripsLosslesslyAndSchemaValid() throws IOException {
    CorpusCheck.Result r = new CorpusCheck<>("capabilities", "capability", HostCapabilities::fromXml,
        HostCapabilities::toXml, HostCapabilities::unmodeledPaths).run();
    assertThat(r.failures()).isEmpty();
    assertThat(r.files()).isEqualTo(4);
    assertThat(r.fullyTyped()).as("fully typed files").isEqualTo(r.files());
  }

  @Test
  void everyCorpusDomainCapabilitiesRoundTripsLosslesslyAndSchemaValid() throws IOException {
    CorpusCheck.Result r = new CorpusCheck<>("domaincaps", "domaincaps", DomainCapabilities::fromXml,
        DomainCapabilities::toXml, DomainCapabilities::unmodeledPaths).run();
    assertThat(r.failures()).isEmpty();
    assertThat(r.files()).isEqualTo(61);
    assertThat(r.fullyTyped()).as("fully typed files").isEqualTo(r.files());
  }
}
