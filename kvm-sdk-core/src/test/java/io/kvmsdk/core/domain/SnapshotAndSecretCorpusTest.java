package io.kvmsdk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.secret.SecretSpec;
import io.kvmsdk.core.testing.CorpusCheck;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** libvirt's snapshot and secret test files round-trip losslessly, schema-valid, fully typed. */
class SnapshotAndSecretCorpusTest {
  @Test
  void snapshotCorpus() throws IOException {
    CorpusCheck.Result r = new CorpusCheck<>("snapshot", "domainsnapshot", SnapshotSpec::fromXml,
        SnapshotSpec::toXml, SnapshotSpec::unmodeledPaths).run();
    assertThat(r.failures()).isEmpty();
    assertThat(r.files()).isEqualTo(16);
    assertThat(r.typedRatio()).as("snapshot files fully typed, unmodeled: %s", r.unmodeled()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void secretCorpus() throws IOException {
    CorpusCheck.Result r = new CorpusCheck<>("secret", "secret", SecretSpec::fromXml,
        SecretSpec::toXml, SecretSpec::unmodeledPaths).run();
    assertThat(r.failures()).isEmpty();
    assertThat(r.files()).isEqualTo(7);
    assertThat(r.fullyTyped()).as("every secret file fully typed").isEqualTo(7);
  }
}
