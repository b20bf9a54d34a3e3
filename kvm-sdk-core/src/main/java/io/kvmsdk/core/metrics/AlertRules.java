package io.kvmsdk.core.metrics;

import io.kvmsdk.core.InvalidSpecException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Prometheus rules file: named groups of {@link AlertRule}s, rendered as the YAML
 * {@code promtool check rules} and Prometheus' {@code rule_files} read.
 *
 * <pre>{@code
 * String yaml = AlertRules.builder()
 *     .group("kvm-sdk", KvmAlerts.guestDown(Duration.ofSeconds(30)), KvmAlerts.hostMemoryAbove(0.9, Duration.ofMinutes(5)))
 *     .build().toYaml();
 * }</pre>
 *
 * Every string is written double-quoted with YAML's escapes (one function, {@link #quote(String)}),
 * so no expression or text can change the file's structure.
 */
public final class AlertRules {
  private final Map<String, List<AlertRule>> groups;

  private AlertRules(Map<String, List<AlertRule>> groups) { this.groups = groups; }

  /** Starts a rules file. */
  public static Builder builder() { return new Builder(); }

  /** Collects groups of rules. */
  public static final class Builder {
    private final Map<String, List<AlertRule>> groups = new LinkedHashMap<>();

    private Builder() {}

    /** Adds group {@code name} with {@code rules}; group names are unique in a file, alert names in a group. */
    public Builder group(String name, AlertRule... rules) { return group(name, List.of(rules)); }

    /** Adds group {@code name} with {@code rules}. */
    public Builder group(String name, List<AlertRule> rules) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) throw new InvalidSpecException("groups/name", "must not be blank");
      if (groups.containsKey(name)) throw new InvalidSpecException("groups/name", "group '" + name + "' is already in the file");
      if (rules.isEmpty()) throw new InvalidSpecException("groups[" + name + "]/rules", "a group needs at least one rule");
      Set<String> seen = new HashSet<>();
      for (AlertRule r : rules) {
        if (!seen.add(Objects.requireNonNull(r, "rule").alert() + r.labels())) {
          throw new InvalidSpecException("groups[" + name + "]/rules", "alert '" + r.alert() + "' is twice in the group with the same labels");
        }
      }
      groups.put(name, List.copyOf(rules));
      return this;
    }

    /** The file; it needs at least one group. */
    public AlertRules build() {
      if (groups.isEmpty()) throw new InvalidSpecException("groups", "a rules file needs at least one group");
      return new AlertRules(new LinkedHashMap<>(groups));
    }
  }

  /** The groups, by name, in order. */
  public Map<String, List<AlertRule>> groups() { return java.util.Collections.unmodifiableMap(groups); }

  /** The rules file. */
  public String toYaml() {
    StringBuilder out = new StringBuilder("groups:\n");
    groups.forEach((name, rules) -> {
      out.append("  - name: ").append(quote(name)).append("\n    rules:\n");
      for (AlertRule r : rules) out.append(rule(r, "      "));
    });
    return out.toString();
  }

  static String rule(AlertRule r, String indent) {
    StringBuilder out = new StringBuilder();
    out.append(indent).append("- alert: ").append(quote(r.alert())).append('\n');
    out.append(indent).append("  expr: ").append(quote(r.expr())).append('\n');
    if (!r.forDuration().isZero()) out.append(indent).append("  for: ").append(quote(duration(r.forDuration()))).append('\n');
    map(out, indent + "  ", "labels", r.labels());
    map(out, indent + "  ", "annotations", r.annotations());
    return out.toString();
  }

  private static void map(StringBuilder out, String indent, String key, Map<String, String> m) {
    if (m.isEmpty()) return;
    out.append(indent).append(key).append(":\n");
    m.forEach((k, v) -> out.append(indent).append("  ").append(k).append(": ").append(quote(v)).append('\n'));
  }

  /** A Prometheus duration: {@code 90s} as {@code 1m30s}, whole seconds. */
  static String duration(Duration d) {
    long s = d.getSeconds();
    if (s == 0) return "0s";
    StringBuilder b = new StringBuilder();
    long h = s / 3600;
    long m = s % 3600 / 60;
    long sec = s % 60;
    if (h > 0) b.append(h).append('h');
    if (m > 0) b.append(m).append('m');
    if (sec > 0) b.append(sec).append('s');
    return b.toString();
  }

  /**
   * {@code s} as a YAML double-quoted scalar: backslash, double quote and every control character
   * escaped ({@code \n}, {@code \t}, {@code \x07}...), everything else as it is.
   */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c) && !pair(s, i)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static boolean pair(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /** Every rule, in order. */
  public List<AlertRule> rules() {
    List<AlertRule> all = new ArrayList<>();
    groups.values().forEach(all::addAll);
    return all;
  }

  @Override public String toString() { return toYaml(); }
}
