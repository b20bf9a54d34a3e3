package io.kvmsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.capabilities.CapsGuest;
import io.kvmsdk.core.capabilities.CapsMachine;
import io.kvmsdk.core.capabilities.HostCapabilities;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.testing.EmptyBuilds;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A missing required field is named by its XML path in the SDK's words, never by the generator's message. */
class RequiredFieldsTest {
  /** Packages whose specs other work owns for now (they adopt RequiredFields in their builders). */
  static final Set<String> NOT_YET = Set.of("io.kvmsdk.core.network", "io.kvmsdk.core.storage", "io.kvmsdk.core.nwfilter");

  @Test
  void aMissingTypeIsNamedByItsPath() {
    assertThatThrownBy(() -> DomainSpec.builder().name("web1").build()).isInstanceOfSatisfying(InvalidSpecException.class, e -> {
      assertThat(e.getMessage()).isEqualTo("domain/@type: is required");
      assertThat(e.retryable()).isFalse();
    });
    assertThatThrownBy(() -> CapsGuest.builder().build()).hasMessage("os_type: is required (and so is arch)");
  }

  @Test
  void aParsedDocumentNamesTheFullPath() {
    String caps = "<capabilities><host><cpu><arch>x86_64</arch></cpu></host><guest><os_type>hvm</os_type>"
        + "<arch name='x86_64'><machine/></arch></guest></capabilities>";
    assertThatThrownBy(() -> HostCapabilities.fromXml(caps)).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e.getMessage()).isEqualTo("capabilities/guest[1]/arch/machine[1]/text(): is required"));
    assertThat(RequiredFields.of("a", "x/@a").path("a")).isEqualTo("x/@a");
    assertThat(RequiredFields.of().path("b")).isEqualTo("b");
    assertThat(CapsMachine.builder().name("pc").build().name()).isEqualTo("pc");
  }

  @Test
  void everySpecOfCoreSpeaksTheSdksLanguage() throws Exception {
    List<EmptyBuilds.Outcome> built = EmptyBuilds.of(DomainSpec.class, name -> NOT_YET.stream().anyMatch(name::startsWith));
    List<EmptyBuilds.Outcome> leaks = built.stream().filter(EmptyBuilds.Outcome::generatorMessage).toList();
    int checked = built.size();
    assertThat(checked).as("specs with a builder").isGreaterThan(100);
    assertThat(leaks).isEmpty();
  }
}
