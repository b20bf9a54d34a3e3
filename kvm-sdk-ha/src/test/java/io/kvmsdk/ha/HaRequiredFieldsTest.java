package io.kvmsdk.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every spec builder of kvm-sdk-ha, built empty, names its missing field in the SDK's words, never the generator's message. */
class HaRequiredFieldsTest {
  @Test void everySpecOfTheHaModuleSpeaksTheSdksLanguage() throws Exception {
    Path root = Path.of(VipGroup.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> leaks = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$")).toList()) {
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
          if (String.valueOf(t.getMessage()).contains("required attributes are not set")) leaks.add(c.getSimpleName() + ": " + t.getMessage());
        }
      }
    }
    assertThat(checked).as("specs with a builder").isGreaterThan(40);
    assertThat(leaks).isEmpty();
  }
}
