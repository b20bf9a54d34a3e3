package io.kvmsdk.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Loads a libvirt corpus kind from ../shared (or -Dkvmsdk.corpus=DIR) into memory. */
final class Corpus {
  private Corpus() {}

  static List<String> load(String kind) {
    List<String> out = new ArrayList<>();
    for (Path f : files(kind)) {
      try {
        out.add(Files.readString(f));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** The corpus files of {@code kind}, sorted by name. */
  static List<Path> files(String kind) {
    String dir = System.getProperty("kvmsdk.corpus");
    Path p = dir != null ? Path.of(dir) : find(kind);
    try (Stream<Path> s = Files.list(p)) {
      return s.filter(f -> f.toString().endsWith(".xml")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus " + p + " (set -Dkvmsdk.corpus=DIR)", e);
    }
  }

  private static Path find(String kind) {
    Path d = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && d != null; i++, d = d.getParent()) {
      Path c = d.resolveSibling("shared").resolve("corpus/libvirt-9.0.0").resolve(kind);
      if (Files.isDirectory(c)) return c;
    }
    throw new IllegalStateException("libvirt corpus not found: run from the project with ../shared present, or set -Dkvmsdk.corpus=DIR");
  }
}
