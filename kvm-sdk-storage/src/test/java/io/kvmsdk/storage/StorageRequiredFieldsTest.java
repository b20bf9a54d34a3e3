package io.kvmsdk.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.storage.ceph.CephPool;
import io.kvmsdk.storage.iscsi.ChapCredentials;
import io.kvmsdk.storage.iscsi.IscsiLun;
import io.kvmsdk.core.testing.EmptyBuilds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A storage spec built without a required field is refused in the SDK's words (field and rule), never in the generator's. */
class StorageRequiredFieldsTest {
  @Test
  void everySpecOfStorageSpeaksTheSdksLanguage() throws Exception {
    List<EmptyBuilds.Outcome> built = EmptyBuilds.of(CephPool.class, name -> false);
    List<EmptyBuilds.Outcome> leaks = built.stream()
        .filter(o -> o.generatorMessage() || (o.thrown() != null && !(o.thrown() instanceof InvalidSpecException))).toList();
    int checked = built.size();
    assertThat(checked).as("specs with a builder").isGreaterThan(30);
    assertThat(leaks).isEmpty();
  }

  @Test
  void aMissingFieldIsNamedAndTheSecretNeverShows() {
    assertThatThrownBy(() -> ChapCredentials.builder().secret("never-shown-1").build())
        .isInstanceOf(InvalidSpecException.class).hasMessage("chap/user: is required").hasMessageNotContaining("never-shown-1");
    assertThatThrownBy(() -> CephPool.builder().build()).isInstanceOf(InvalidSpecException.class).hasMessage("pool/name: is required");
    assertThatThrownBy(() -> IscsiLun.builder().lun(1).build()).isInstanceOf(InvalidSpecException.class)
        .hasMessage("lun/backing: is required (and so is lun/store)");
  }

  @Test
  void nullIsRefusedWhereItIsGivenNamingTheField() {
    // the generated setters fail fast on null (Java's convention for a null argument): the message names the field
    assertThatThrownBy(() -> ChapCredentials.builder().secret(null)).isInstanceOf(NullPointerException.class).hasMessage("secret");
    assertThatThrownBy(() -> CephPool.builder().name(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
  }
}
