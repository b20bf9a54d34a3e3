package io.kvmsdk.core.testing;

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

/**
 * Round-trips every file of one corpus kind through a typed model: parse, render, same under
 * {@link XmlSame}, schema-valid when the original is, stable on a second pass.
 */
public final class CorpusCheck<T> {
  /** The outcome: failures (empty when all passed) and how much is fully typed. */
  public record Result(int files, int schemaChecked, int fullyTyped, List<String> failures, Map<String, Integer> unmodeled) {
    public double typedRatio() { return files == 0 ? 0 : (double) fullyTyped / files; }
  }

  private final String kind;
  private final String schema;
  private final Function<String, T> parse;
  private final Function<T, String> render;
  private final Function<T, List<String>> unmodeledPaths;

  public CorpusCheck(String kind, String schema, Function<String, T> parse, Function<T, String> render,
      Function<T, List<String>> unmodeledPaths) {
    this.kind = kind;
    this.schema = schema;
    this.parse = parse;
    this.render = render;
    this.unmodeledPaths = unmodeledPaths;
  }

  public List<Path> files() throws IOException { return corpusFiles(kind); }

  /** The XML files of one corpus kind ({@code domain}, {@code snapshot}, ...), sorted. */
  public static List<Path> corpusFiles(String kind) throws IOException {
    Path dir = Oracles.sharedPath("corpus/libvirt-9.0.0/" + kind);
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".xml")).sorted().collect(Collectors.toList());
    }
  }

  public Result run() throws IOException {
    List<Path> files = files();
    RelaxNg rng = RelaxNg.of(schema);
    List<String> failures = new ArrayList<>();
    Map<String, Integer> unmodeled = new TreeMap<>();
    int fullyTyped = 0;
    int checked = 0;
    for (Path f : files) {
      String original = Files.readString(f);
      String name = f.getFileName().toString();
      try {
        T spec = parse.apply(original);
        String out = render.apply(spec);
        String d = XmlSame.diff(original, out);
        if (d != null) { failures.add(name + ": round trip: " + d); continue; }
        if (rng.errors(original) == null) {
          checked++;
          String err = rng.errors(out);
          if (err != null) { failures.add(name + ": rendered XML fails the schema: " + err); continue; }
        }
        T again = parse.apply(out);
        if (!again.equals(spec)) { failures.add(name + ": second parse differs from the first"); continue; }
        if (!render.apply(again).equals(out)) { failures.add(name + ": second render differs"); continue; }
        List<String> paths = unmodeledPaths.apply(spec);
        if (paths.isEmpty()) fullyTyped++;
        for (String p : paths) unmodeled.merge(p, 1, Integer::sum);
      } catch (RuntimeException e) {
        failures.add(name + ": " + e);
      }
    }
    Result r = new Result(files.size(), checked, fullyTyped, failures, unmodeled);
    report(r);
    return r;
  }

  private void report(Result r) throws IOException {
    Path dir = Path.of("target", "corpus-report");
    Files.createDirectories(dir);
    StringBuilder sb = new StringBuilder();
    sb.append(kind).append(": ").append(r.files()).append(" files, ").append(r.fullyTyped()).append(" fully typed\n");
    sb.append("files\tunmodeled path\n");
    r.unmodeled().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> sb.append(e.getValue()).append('\t').append(e.getKey()).append('\n'));
    Files.writeString(dir.resolve(kind + "-unmodeled.tsv"), sb.toString());
    System.out.printf("%s corpus: %d files, %d schema-checked, %d fully typed (%.1f%%)%n",
        kind, r.files(), r.schemaChecked(), r.fullyTyped(), 100 * r.typedRatio());
  }
}
