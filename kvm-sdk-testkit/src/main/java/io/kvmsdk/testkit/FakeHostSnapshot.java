package io.kvmsdk.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole simulated state of a {@link FakeHost} at one moment: per network namespace ({@code ""}
 * is the host's own), its links, routes and sysctls; the files the host keeps; and each tool's
 * state as its lines ({@link io.kvmsdk.testkit.host.FakeToolState#describe()}, by slot name).
 * Immutable and comparable with {@code equals}, so a test can show that a second apply changed
 * nothing: {@code assertThat(host.snapshot()).isEqualTo(before)}; {@code toString()} lists
 * everything, one line per item, so an assertion failure shows the difference.
 */
public record FakeHostSnapshot(SortedMap<String, Namespace> namespaces, SortedMap<String, String> files,
    SortedMap<String, List<String>> tools) {
  /** One namespace's state. */
  public record Namespace(List<FakeHostLink> links, List<FakeHostRoute> routes, SortedMap<String, String> sysctls) {}

  /** A snapshot of namespaces only (no files, no tool state). */
  public FakeHostSnapshot(SortedMap<String, Namespace> namespaces) {
    this(namespaces, Collections.emptySortedMap(), Collections.emptySortedMap());
  }

  /**
   * What changed from {@code before} to this snapshot, one line per item: {@code - } for what is
   * gone, {@code + } for what is new (a changed link shows as both); empty exactly when nothing changed.
   */
  public List<String> diff(FakeHostSnapshot before) {
    Map<String, Integer> was = counts(before.lines());
    Map<String, Integer> now = counts(lines());
    List<String> out = new ArrayList<>();
    was.forEach((l, n) -> { for (int i = now.getOrDefault(l, 0); i < n; i++) out.add("- " + l); });
    now.forEach((l, n) -> { for (int i = was.getOrDefault(l, 0); i < n; i++) out.add("+ " + l); });
    return out;
  }

  private static Map<String, Integer> counts(List<String> lines) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (String l : lines) m.merge(l, 1, Integer::sum);
    return m;
  }

  private List<String> lines() {
    List<String> out = new ArrayList<>();
    namespaces.forEach((name, ns) -> {
      String where = name.isEmpty() ? "" : "[" + name + "] ";
      out.add(where + "namespace");
      ns.links().forEach(l -> out.add(where + "link  " + l));
      ns.routes().forEach(r -> out.add(where + "route " + r));
      ns.sysctls().forEach((k, v) -> out.add(where + "sysctl " + k + " = " + v));
    });
    files.forEach((path, content) -> out.add("file " + path + " " + describe(content)));
    tools.forEach((slot, lines) -> lines.forEach(l -> out.add("state " + slot + ": " + l)));
    return out;
  }

  /** A file's content as a diff line shows it: quoted when short, else its size and a hash. */
  static String describe(String content) {
    if (content.length() <= 60) {
      return "\"" + content.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return "(" + content.getBytes(StandardCharsets.UTF_8).length + " bytes, sha-256 " + HexFormat.of().formatHex(h, 0, 6) + ")";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("FakeHostSnapshot");
    namespaces.forEach((name, ns) -> {
      sb.append("\nnamespace ").append(name.isEmpty() ? "(host)" : name).append(':');
      ns.links().forEach(l -> sb.append("\n  link  ").append(l));
      ns.routes().forEach(r -> sb.append("\n  route ").append(r));
      ns.sysctls().forEach((k, v) -> sb.append("\n  sysctl ").append(k).append(" = ").append(v));
    });
    if (!files.isEmpty()) sb.append("\nfiles:");
    files.forEach((path, content) -> sb.append("\n  ").append(path).append(' ').append(describe(content)));
    new TreeMap<>(tools).forEach((slot, lines) -> {
      sb.append("\nstate ").append(slot).append(':');
      lines.forEach(l -> sb.append("\n  ").append(l));
    });
    return sb.toString();
  }
}
