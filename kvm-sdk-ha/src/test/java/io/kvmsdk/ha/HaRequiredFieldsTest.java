package io.kvmsdk.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.EmptyBuilds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every spec builder of kvm-sdk-ha, built empty, names its missing field in the SDK's words, never the generator's message. */
class HaRequiredFieldsTest {
  @Test void everySpecOfTheHaModuleSpeaksTheSdksLanguage() throws Exception {
    List<EmptyBuilds.Outcome> built = EmptyBuilds.of(VipGroup.class, name -> false);
    List<EmptyBuilds.Outcome> leaks = built.stream().filter(EmptyBuilds.Outcome::generatorMessage).toList();
    int checked = built.size();
    assertThat(checked).as("specs with a builder").isGreaterThan(40);
    assertThat(leaks).isEmpty();
  }
}
