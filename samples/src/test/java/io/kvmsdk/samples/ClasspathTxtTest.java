package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** target/classpath.txt (for JShell and the recipes' main) is what they run with: runtime scope, no test libraries. */
class ClasspathTxtTest {
  @Test
  void holdsTheRuntimeClassPathOnly() throws Exception {
    Path txt = Path.of("target", "classpath.txt");
    assertThat(txt).as("written by the build (generate-resources)").exists();
    List<String> jars = List.of(Files.readString(txt).strip().split(File.pathSeparator));
    assertThat(jars).anyMatch(j -> j.contains("kvm-sdk-core")).anyMatch(j -> j.contains("kvm-sdk-testkit")).anyMatch(j -> j.contains("libvirt"));
    assertThat(jars).noneMatch(j -> j.contains("junit")).noneMatch(j -> j.contains("assertj")).noneMatch(j -> j.contains("mockito"));
  }
}
