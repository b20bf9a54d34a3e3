package io.kvmsdk.core.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Every public abstract spec of a module that has a static {@code builder()}, built empty, and what
 * each build threw: the scan behind each module's "a missing field is named in the SDK's words, never
 * in the generator's" test.
 */
public final class EmptyBuilds {
  private EmptyBuilds() {}

  /** One spec's empty build: {@code thrown} is null when it built. */
  public record Outcome(String spec, Throwable thrown) {
    /** True when the build leaked the Immutables generator's "Cannot build X, some of required attributes are not set". */
    public boolean generatorMessage() { return thrown != null && String.valueOf(thrown.getMessage()).contains("required attributes are not set"); }

    @Override public String toString() { return spec + ": " + thrown; }
  }

  /** The empty builds of the specs in the classes directory of {@code anyClassOfModule}, skipping internal packages and {@code skip}. */
  public static List<Outcome> of(Class<?> anyClassOfModule, Predicate<String> skip) throws Exception {
    Path root = Path.of(anyClassOfModule.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Outcome> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$")).sorted().toList()) {
        String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        if (name.contains(".internal.") || skip.test(name)) continue;
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
        Throwable thrown = null;
        try {
          b.getClass().getMethod("build").invoke(b);
        } catch (InvocationTargetException e) {
          thrown = e.getCause();
        }
        out.add(new Outcome(c.getSimpleName(), thrown));
      }
    }
    return out;
  }
}
