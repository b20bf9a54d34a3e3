package io.kvmsdk.core.capabilities;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.RelaxNg;
import io.kvmsdk.core.testing.XmlSame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every capabilities and domain-capabilities file of libvirt 9.0.0's own test corpus parses,
 * renders back the same under the team's XmlSame rule, validates against libvirt's schema when
 * the original does, is stable on a second pass, and is fully typed.
 */
class CapabilitiesCorpusTest {
  /** Ratchet: the share of corpus files with nothing in unmodeledPaths() may only go up. */
  static final double MIN_FULLY_TYPED = 1.0;

  static List<Path> corpus(String kind) throws IOException {
    Path dir = Oracles.sharedPath("corpus/libvirt-9.0.0/" + kind);
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".xml")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void everyCorpusHostCapabilitiesRoundTripsLosslesslyAndSchemaValid() throws IOException {
    check("capabilities", "capability", 4, HostCapabilities::fromXml, HostCapabilities::toXml, HostCapabilities::unmodeledPaths);
  }

  @Test
  void everyCorpusDomainCapabilitiesRoundTripsLosslesslyAndSchemaValid() throws IOException {
    check("domaincaps", "domaincaps", 61, DomainCapabilities::fromXml, DomainCapabilities::toXml, DomainCapabilities::unmodeledPaths);
  }

  static <T> void check(String kind, String schemaName, int expectedFiles, Function<String, T> parse,
      Function<T, String> render, Function<T, List<String>> unmodeledPaths) throws IOException {
    List<Path> files = corpus(kind);
    RelaxNg schema = RelaxNg.of(schemaName);
    List<String> failures = new ArrayList<>();
    Map<String, Integer> unmodeled = new TreeMap<>();
    int fullyTyped = 0;
    int schemaChecked = 0;
    for (Path f : files) {
      String original = Files.readString(f);
      String name = f.getFileName().toString();
      try {
        T caps = parse.apply(original);
        String out = render.apply(caps);
        String d = XmlSame.diff(original, out);
        if (d != null) { failures.add(name + ": round trip: " + d); continue; }
        if (schema.errors(original) == null) {
          schemaChecked++;
          String err = schema.errors(out);
          if (err != null) { failures.add(name + ": rendered XML fails the schema: " + err); continue; }
        }
        T again = parse.apply(out);
        if (!again.equals(caps)) { failures.add(name + ": second parse differs from the first"); continue; }
        if (!render.apply(again).equals(out)) { failures.add(name + ": second render differs from the first"); continue; }
        List<String> paths = unmodeledPaths.apply(caps);
        if (paths.isEmpty()) fullyTyped++;
        for (String p : paths) unmodeled.merge(p, 1, Integer::sum);
      } catch (RuntimeException e) {
        failures.add(name + ": " + e);
      }
    }
    double ratio = (double) fullyTyped / files.size();
    writeReport(kind, files.size(), fullyTyped, unmodeled);
    System.out.printf("%s corpus: %d files, %d schema-checked, %d fully typed (%.1f%%)%n",
        kind, files.size(), schemaChecked, fullyTyped, 100 * ratio);
    assertThat(failures).as(kind + " corpus failures").isEmpty();
    assertThat(files).hasSizeGreaterThanOrEqualTo(expectedFiles);
    assertThat(schemaChecked).as("schema-checked " + kind + " files").isGreaterThan(0);
    assertThat(ratio).as("share of fully typed " + kind + " files; unmodeled: " + unmodeled).isGreaterThanOrEqualTo(MIN_FULLY_TYPED);
  }

  static void writeReport(String kind, int files, int fullyTyped, Map<String, Integer> unmodeled) throws IOException {
    Path dir = Path.of("target", "corpus-report");
    Files.createDirectories(dir);
    StringBuilder sb = new StringBuilder();
    sb.append(kind).append(": ").append(files).append(" files, ").append(fullyTyped).append(" fully typed\n");
    sb.append("files\tunmodeled path\n");
    unmodeled.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> sb.append(e.getValue()).append('\t').append(e.getKey()).append('\n'));
    Files.writeString(dir.resolve(kind + "-unmodeled.tsv"), sb.toString());
  }
}
