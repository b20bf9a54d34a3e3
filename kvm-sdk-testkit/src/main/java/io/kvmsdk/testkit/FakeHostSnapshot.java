package io.kvmsdk.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

/**
 * The whole simulated state of a {@link FakeHost} at one moment: per network namespace ({@code ""}
 * is the host's own), its links, routes and sysctls. Immutable and comparable with {@code equals},
 * so a test can show that a second apply changed nothing:
 * {@code assertThat(host.snapshot()).isEqualTo(before)}; {@code toString()} lists everything, one
 * line per item, so an assertion failure shows the difference.
 */
public record FakeHostSnapshot(SortedMap<String, Namespace> namespaces) {
  /** One namespace's state. */
  public record Namespace(List<FakeHostLink> links, List<FakeHostRoute> routes, SortedMap<String, String> sysctls) {}

  /**
   * What changed from {@code before} to this snapshot, one line per item: {@code - } for what is
   * gone, {@code + } for what is new (a changed link shows as both); empty when nothing changed.
   */
  public List<String> diff(FakeHostSnapshot before) {
    Set<String> was = new LinkedHashSet<>(before.lines());
    Set<String> now = new LinkedHashSet<>(lines());
    List<String> out = new ArrayList<>();
    for (String l : was) if (!now.contains(l)) out.add("- " + l);
    for (String l : now) if (!was.contains(l)) out.add("+ " + l);
    return out;
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
    return out;
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("FakeHostSnapshot");
    namespaces.forEach((name, ns) -> {
      sb.append("\nnamespace ").append(name.isEmpty() ? "(host)" : name).append(':');
      ns.links().forEach(l -> sb.append("\n  link  ").append(l));
      ns.routes().forEach(r -> sb.append("\n  route ").append(r));
      ns.sysctls().forEach((k, v) -> sb.append("\n  sysctl ").append(k).append(" = ").append(v));
    });
    return sb.toString();
  }
}
