package io.kvmsdk.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.CorpusCheck;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Every storagepool and storagevol file of libvirt 9.0.0's test corpus parses, renders back the same
 * under the team's XmlSame rule, validates against libvirt's schema when the original does, and is
 * stable on a second pass. Reports how much is fully typed
 * (target/corpus-report/storagepool-unmodeled.tsv and storagevol-unmodeled.tsv list what is kept verbatim).
 */
class StorageCorpusTest {
  /** Ratchet: the share of pool files with nothing in unmodeledPaths() may only go up. */
  static final double MIN_POOLS_FULLY_TYPED = 1.0;

  /** Ratchet: the share of volume files with nothing in unmodeledPaths() may only go up. */
  static final double MIN_VOLUMES_FULLY_TYPED = 1.0;

  @Test
  void everyCorpusPoolRoundTripsLosslesslyAndSchemaValid() throws IOException {
    CorpusCheck.Result r = new CorpusCheck<>("storagepool", "storagepool", StoragePoolSpec::fromXml, StoragePoolSpec::toXml,
        StoragePoolSpec::unmodeledPaths).run();
    assertThat(r.failures()).as("corpus failures").isEmpty();
    assertThat(r.files()).isGreaterThanOrEqualTo(38);
    assertThat(r.schemaChecked()).isGreaterThanOrEqualTo(38);
    assertThat(r.typedRatio()).as("share of fully typed pool files " + r.unmodeled()).isGreaterThanOrEqualTo(MIN_POOLS_FULLY_TYPED);
  }

  @Test
  void everyCorpusVolumeRoundTripsLosslesslyAndSchemaValid() throws IOException {
    CorpusCheck.Result r = new CorpusCheck<>("storagevol", "storagevol", StorageVolumeSpec::fromXml, StorageVolumeSpec::toXml,
        StorageVolumeSpec::unmodeledPaths).run();
    assertThat(r.failures()).as("corpus failures").isEmpty();
    assertThat(r.files()).isGreaterThanOrEqualTo(21);
    assertThat(r.schemaChecked()).isGreaterThanOrEqualTo(21);
    assertThat(r.typedRatio()).as("share of fully typed volume files " + r.unmodeled()).isGreaterThanOrEqualTo(MIN_VOLUMES_FULLY_TYPED);
  }
}
