package io.kvmsdk.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.storage.ceph.CephPool;
import io.kvmsdk.storage.iscsi.ChapCredentials;
import io.kvmsdk.storage.iscsi.IscsiLun;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A storage spec built without a required field is refused in the SDK's words (field and rule), never in the generator's. */
class StorageRequiredFieldsTest {
  @Test
  void everySpecOfStorageSpeaksTheSdksLanguage() throws Exception {
    Path root = Path.of(CephPool.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> leaks = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$")).sorted().toList()) {
        String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        if (name.contains(".internal.")) continue;
        Class<?> c = Class.forName(name);
        if (!Modifier.isPublic(c.getModifiers()) || !Modifier.isAbstract(c.getModifiers())) continue;
        Method builder;
        try {
          builder = c.getMethod("builder");
        } catch (NoSuchMethodException e) {
          continue;
        }
        if (!Modifier.isStatic(builder.getModifiers()) || builder.getParameterCount() != 0) continue;
        Object b = builder.invoke(null);
        checked++;
        try {
          b.getClass().getMethod("build").invoke(b);
        } catch (InvocationTargetException e) {
          Throwable t = e.getCause();
          if (String.valueOf(t.getMessage()).contains("required attributes are not set") || !(t instanceof InvalidSpecException)) {
            leaks.add(c.getSimpleName() + ": " + t);
          }
        }
      }
    }
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
