package io.kvmsdk.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.CorpusCheck;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Every network and network port file of libvirt 9.0.0's own test corpus parses, renders back the
 * same under the team's XmlSame rule, validates against libvirt's schema when the original does,
 * and is stable on a second pass. Also reports how much is fully typed
 * (target/corpus-report/network-unmodeled.tsv and networkport-unmodeled.tsv list what is still kept verbatim).
 */
class NetworkCorpusTest {
  /** Ratchet: the share of corpus network files with nothing in unmodeledPaths() may only go up. */
  static final double MIN_FULLY_TYPED_NETWORK = 1.0;

  /** Ratchet: the same for the network port files. */
  static final double MIN_FULLY_TYPED_NETWORKPORT = 1.0;

  @Test
  void everyCorpusNetworkRoundTripsLosslesslyAndSchemaValid() throws IOException {
    CorpusCheck.Result r = new CorpusCheck<>("network", "network", NetworkSpec::fromXml, NetworkSpec::toXml,
        NetworkSpec::unmodeledPaths).run();
    assertThat(r.failures()).as("corpus failures").isEmpty();
    assertThat(r.files()).isGreaterThanOrEqualTo(42);
    assertThat(r.schemaChecked()).isGreaterThanOrEqualTo(40);
    assertThat(r.typedRatio()).as("share of fully typed corpus networks").isGreaterThanOrEqualTo(MIN_FULLY_TYPED_NETWORK);
  }

  @Test
  void everyCorpusNetworkPortRoundTripsLosslesslyAndSchemaValid() throws IOException {
    CorpusCheck.Result r = new CorpusCheck<>("networkport", "networkport", NetworkPortSpec::fromXml, NetworkPortSpec::toXml,
        NetworkPortSpec::unmodeledPaths).run();
    assertThat(r.failures()).as("corpus failures").isEmpty();
    assertThat(r.files()).isGreaterThanOrEqualTo(7);
    assertThat(r.schemaChecked()).isEqualTo(r.files());
    assertThat(r.typedRatio()).as("share of fully typed corpus network ports").isGreaterThanOrEqualTo(MIN_FULLY_TYPED_NETWORKPORT);
  }
}
