package io.kvmsdk.testkit;

import java.util.List;
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
