package io.kvmsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.capabilities.CapsGuest;
import io.kvmsdk.core.capabilities.CapsMachine;
import io.kvmsdk.core.capabilities.HostCapabilities;
import io.kvmsdk.core.domain.DomainSpec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
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
    Path root = Path.of(DomainSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> leaks = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$")).toList()) {
        String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        if (name.contains(".internal.") || NOT_YET.stream().anyMatch(name::startsWith)) continue;
        Class<?> c = Class.forName(name);
        if (!Modifier.isPublic(c.getModifiers()) || !Modifier.isAbstract(c.getModifiers())) continue;
        Method builder;
        try {
          builder = c.getMethod("builder");
        } catch (NoSuchMethodException e) {
          continue;
        }
        if (!Modifier.isStatic(builder.getModifiers())) continue;
        Object b = builder.invoke(null);
        checked++;
        try {
          b.getClass().getMethod("build").invoke(b);
        } catch (InvocationTargetException e) {
          Throwable t = e.getCause();
          if (String.valueOf(t.getMessage()).contains("required attributes are not set")) leaks.add(c.getSimpleName() + ": " + t);
        }
      }
    }
    assertThat(checked).as("specs with a builder").isGreaterThan(100);
    assertThat(leaks).isEmpty();
  }
}
