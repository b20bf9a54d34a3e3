package io.kvmsdk.testkit;

import io.kvmsdk.testkit.host.FakeTool;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.WeakHashMap;

/**
 * The tools a {@link FakeHost} knows, by program name: the built-in ones, then those on the class
 * path ({@link ServiceLoader}), then those registered with {@link FakeHost#withTool}; a later one
 * takes a name from an earlier one. Two class-path tools may not claim one name (which wins would
 * depend on the class path's order). Immutable.
 */
final class FakeHostTools {
  /** The tools every fake host has. Stateless, so shared. */
  static final List<FakeTool> BUILT_IN = List.of(new FakeHostIp(), new FakeHostBridge(), new FakeHostSysctl(), new FakeHostCat(),
      new FakeHostTestCommand(), new FakeHostGrep(), new FakeHostSh(), new FakeHostTrue(), new FakeHostFiles());

  private static final FakeHostTools BUILT_IN_ONLY = new FakeHostTools(index(BUILT_IN));

  /**
   * What {@link #discover()} found, per class loader: scanning the class path costs milliseconds,
   * and tools keep no state of their own, so the hosts of one class loader share them. Weak keys and
   * soft values, so a discarded class loader can go.
   */
  private static final Map<ClassLoader, SoftReference<FakeHostTools>> DISCOVERED = new WeakHashMap<>();

  private final Map<String, FakeTool> byName;

  private FakeHostTools(Map<String, FakeTool> byName) { this.byName = Collections.unmodifiableMap(byName); }

  /** The built-in tools only. */
  static FakeHostTools builtIn() { return BUILT_IN_ONLY; }

  /** The built-in tools and those listed in {@code META-INF/services/io.kvmsdk.testkit.host.FakeTool} on the class path. */
  static FakeHostTools discover() {
    Thread t = Thread.currentThread();
    ClassLoader loader = t.getContextClassLoader() != null ? t.getContextClassLoader() : FakeTool.class.getClassLoader();
    synchronized (DISCOVERED) {
      SoftReference<FakeHostTools> ref = DISCOVERED.get(loader);
      FakeHostTools known = ref == null ? null : ref.get();
      if (known != null) return known;
    }
    FakeHostTools tools = discover(loader);
    synchronized (DISCOVERED) { DISCOVERED.put(loader, new SoftReference<>(tools)); }
    return tools;
  }

  private static FakeHostTools discover(ClassLoader loader) {
    Map<String, FakeTool> found = new HashMap<>();
    try {
      for (FakeTool tool : ServiceLoader.load(FakeTool.class, loader)) {
        for (String n : names(tool)) {
          FakeTool other = found.putIfAbsent(n, tool);
          if (other != null && other.getClass() != tool.getClass()) {
            throw new IllegalStateException("two fake tools on the class path answer to '" + n + "': " + other.getClass().getName()
                + " and " + tool.getClass().getName() + "; register the one you want with FakeHost.withTool");
          }
        }
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("cannot load the fake tools listed in META-INF/services/" + FakeTool.class.getName() + ": " + e.getMessage(), e);
    }
    if (found.isEmpty()) return BUILT_IN_ONLY;
    Map<String, FakeTool> all = new HashMap<>(BUILT_IN_ONLY.byName);
    all.putAll(found);
    return new FakeHostTools(all);
  }

  /** These tools and {@code tool}, which takes its names from any other. */
  FakeHostTools with(FakeTool tool) {
    Map<String, FakeTool> all = new HashMap<>(byName);
    for (String n : names(tool)) all.put(n, tool);
    return new FakeHostTools(all);
  }

  /** The tool that answers to {@code program}, a name or a path (its last element counts). */
  Optional<FakeTool> find(String program) {
    return Optional.ofNullable(byName.get(program.substring(program.lastIndexOf('/') + 1)));
  }

  /** The program names known, sorted. */
  SortedSet<String> names() { return Collections.unmodifiableSortedSet(new TreeSet<>(byName.keySet())); }

  private static Map<String, FakeTool> index(List<FakeTool> tools) {
    Map<String, FakeTool> m = new HashMap<>();
    for (FakeTool t : tools) for (String n : names(t)) m.put(n, t);
    return m;
  }

  private static List<String> names(FakeTool tool) {
    Objects.requireNonNull(tool, "tool");
    List<String> out = new ArrayList<>();
    for (String n : Objects.requireNonNull(tool.names(), () -> tool.getClass().getName() + ".names()")) {
      if (n == null || n.isEmpty() || n.contains("/")) {
        throw new IllegalArgumentException(tool.getClass().getName() + " answers to '" + n + "': a program name is one non-empty path element");
      }
      out.add(n);
    }
    if (out.isEmpty()) throw new IllegalArgumentException(tool.getClass().getName() + " answers to no program name");
    return out;
  }
}
