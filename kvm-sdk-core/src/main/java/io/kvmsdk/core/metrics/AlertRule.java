package io.kvmsdk.core.metrics;

import io.kvmsdk.core.InvalidSpecException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One Prometheus alerting rule: {@code alert} (its name), {@code expr} (PromQL), {@code for} (how long
 * the expression must hold before the alert fires; zero: at once), {@code labels} and
 * {@code annotations}. Made by {@link KvmAlerts} (or the HA module's alerts) and written into a rules
 * file by {@link AlertRules}.
 *
 * @param alert the alert's name, a Prometheus metric-style name ({@code KvmGuestDown})
 * @param expr the PromQL expression; every series it returns is an alert
 * @param forDuration how long the expression must hold before the alert fires, whole seconds
 * @param labels labels added to the alert ({@code severity})
 * @param annotations texts for people ({@code summary}, {@code description}); may use {@code {{ $labels.guest }}}
 */
public record AlertRule(String alert, String expr, Duration forDuration, Map<String, String> labels, Map<String, String> annotations) {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  /** Checks the rule as {@code promtool check rules} would, naming the field that breaks it. */
  public AlertRule {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(expr, "expr");
    Objects.requireNonNull(forDuration, "forDuration");
    if (!NAME.matcher(alert).matches()) throw new InvalidSpecException("alert", "must match [a-zA-Z_][a-zA-Z0-9_]*, got '" + alert + "'");
    if (expr.isBlank()) throw new InvalidSpecException("expr", "must not be blank");
    if (forDuration.isNegative() || forDuration.getNano() != 0) {
      throw new InvalidSpecException("for", "must be zero or a positive number of whole seconds, got " + forDuration);
    }
    labels = checked("labels", labels);
    annotations = checked("annotations", annotations);
  }

  private static Map<String, String> checked(String field, Map<String, String> m) {
    Map<String, String> copy = new LinkedHashMap<>();
    Objects.requireNonNull(m, field).forEach((k, v) -> {
      if (k == null || !NAME.matcher(k).matches()) throw new InvalidSpecException(field, "a name must match [a-zA-Z_][a-zA-Z0-9_]*, got '" + k + "'");
      copy.put(k, Objects.requireNonNull(v, field + "/" + k));
    });
    return Collections.unmodifiableMap(copy);
  }

  /** A rule with {@code severity} and {@code summary}, the two fields every alert of this SDK has. */
  public static AlertRule of(String alert, String expr, Duration forDuration, String severity, String summary) {
    return new AlertRule(alert, expr, forDuration, Map.of("severity", severity), Map.of("summary", summary));
  }

  /** This rule with one more (or another) label. */
  public AlertRule withLabel(String name, String value) {
    Map<String, String> l = new LinkedHashMap<>(labels);
    l.put(name, value);
    return new AlertRule(alert, expr, forDuration, l, annotations);
  }

  /** This rule with one more (or another) annotation. */
  public AlertRule withAnnotation(String name, String value) {
    Map<String, String> a = new LinkedHashMap<>(annotations);
    a.put(name, value);
    return new AlertRule(alert, expr, forDuration, labels, a);
  }

  /** The rule as it stands in a rules file (YAML). */
  @Override public String toString() { return AlertRules.rule(this, ""); }
}
