package io.kvmsdk.core.domain;

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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every domain file of libvirt 9.0.0's own test corpus parses, renders back the same under the
 * team's XmlSame rule, validates against libvirt's schema when the original does, and is stable
 * on a second pass. Also reports how much of the corpus is fully typed.
 */
class DomainCorpusTest {
  /** Ratchet: the share of corpus files with nothing in unmodeledPaths() may only go up. */
  static final double MIN_FULLY_TYPED = 1.0;

  static List<Path> corpus(String kind) throws IOException {
    Path dir = Oracles.sharedPath("corpus/libvirt-9.0.0/" + kind);
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".xml")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void everyCorpusDomainRoundTripsLosslesslyAndSchemaValid() throws IOException {
    List<Path> files = corpus("domain");
    RelaxNg schema = RelaxNg.of("domain");
    List<String> failures = new ArrayList<>();
    Map<String, Integer> unmodeled = new TreeMap<>();
    int fullyTyped = 0;
    int schemaChecked = 0;
    for (Path f : files) {
      String original = Files.readString(f);
      String name = f.getFileName().toString();
      try {
        DomainSpec spec = DomainSpec.fromXml(original);
        String out = spec.toXml();
        String d = XmlSame.diff(original, out);
        if (d != null) { failures.add(name + ": round trip: " + d); continue; }
        if (schema.errors(original) == null) {
          schemaChecked++;
          String err = schema.errors(out);
          if (err != null) { failures.add(name + ": rendered XML fails the schema: " + err); continue; }
        }
        DomainSpec again = DomainSpec.fromXml(out);
        if (!again.equals(spec)) { failures.add(name + ": second parse differs from the first"); continue; }
        if (!again.toXml().equals(out)) { failures.add(name + ": second render differs from the first"); continue; }
        if (spec.unmodeledPaths().isEmpty()) fullyTyped++;
        for (String p : spec.unmodeledPaths()) unmodeled.merge(p, 1, Integer::sum);
      } catch (RuntimeException e) {
        failures.add(name + ": " + e);
      }
    }
    double ratio = (double) fullyTyped / files.size();
    writeReport("domain", files.size(), fullyTyped, unmodeled);
    System.out.printf("domain corpus: %d files, %d schema-checked, %d fully typed (%.1f%%)%n",
        files.size(), schemaChecked, fullyTyped, 100 * ratio);
    assertThat(failures).as("corpus failures").isEmpty();
    assertThat(files).hasSizeGreaterThan(600);
    assertThat(schemaChecked).isGreaterThan(600);
    assertThat(ratio).as("share of fully typed corpus files").isGreaterThanOrEqualTo(MIN_FULLY_TYPED);
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
