package io.kvmsdk.core.metrics;

import io.kvmsdk.core.InvalidSpecException;
import java.time.Duration;
import java.util.Objects;

/**
 * Alerting rules on {@link KvmMetrics}' metrics, as types: put them in an {@link AlertRules} file.
 * Each rule's expression uses only metrics {@code KvmMetrics} exports, and its annotations name the
 * host (and guest) with Prometheus' templates.
 */
public final class KvmAlerts {
  private KvmAlerts() {}

  /** A guest not running ({@code kvm_domain_state != 1}: paused, shut off, crashed, ...) for {@code after}. */
  public static AlertRule guestDown(Duration after) { return guestDown(after, ".*"); }

  /**
   * A guest whose name matches {@code guestRegex} (a PromQL regular expression, anchored) not running for
   * {@code after}: for the guests that must run, e.g. {@code "web-.*|db-.*"}.
   */
  public static AlertRule guestDown(Duration after, String guestRegex) {
    Objects.requireNonNull(guestRegex, "guestRegex");
    String selector = ".*".equals(guestRegex) ? "" : "{guest=~" + promqlString(guestRegex) + "}";
    return AlertRule.of("KvmGuestDown", "kvm_domain_state" + selector + " != 1", positive("for", after), "critical",
        "Guest {{ $labels.guest }} on host {{ $labels.host }} has not been running for " + AlertRules.duration(after)
            + " (state {{ $value }})");
  }

  /**
   * A host whose used memory ({@code 1 - free / total}) stays above {@code ratio} (0 &lt; ratio &lt; 1)
   * for {@code after}.
   */
  public static AlertRule hostMemoryAbove(double ratio, Duration after) {
    if (!(ratio > 0 && ratio < 1)) throw new InvalidSpecException("ratio", "must be between 0 and 1 (exclusive), got " + ratio);
    return AlertRule.of("KvmHostMemoryHigh", "1 - kvm_host_memory_free_bytes / kvm_host_memory_bytes > " + ratio, positive("for", after),
        "warning", "Host {{ $labels.host }} uses {{ $value | humanizePercentage }} of its memory (above " + Math.round(ratio * 100) + "%)");
  }

  /** A host whose statistics cannot be read ({@code kvm_host_up == 0}) for {@code after}: libvirtd down or unreachable. */
  public static AlertRule hostDown(Duration after) {
    return AlertRule.of("KvmHostDown", "kvm_host_up == 0", positive("for", after), "critical",
        "The statistics of host {{ $labels.host }} could not be read for " + AlertRules.duration(after));
  }

  /** A guest crashed on a host in the last {@code window} (libvirt's {@code CRASHED} lifecycle events). */
  public static AlertRule guestCrashed(Duration window) {
    return AlertRule.of("KvmGuestCrashed", "increase(kvm_domain_events_total{event=\"crashed\"}[" + AlertRules.duration(positive("window", window))
        + "]) > 0", Duration.ZERO, "critical", "A guest crashed on host {{ $labels.host }} in the last " + AlertRules.duration(window));
  }

  /** Every rule of this class with common values: guests down 1 min, memory above 90% for 5 min, host down 1 min, crashes in 5 min. */
  public static AlertRules defaults() {
    return AlertRules.builder().group("kvm-sdk", guestDown(Duration.ofMinutes(1)), hostMemoryAbove(0.9, Duration.ofMinutes(5)),
        hostDown(Duration.ofMinutes(1)), guestCrashed(Duration.ofMinutes(5))).build();
  }

  static Duration positive(String field, Duration d) {
    Objects.requireNonNull(d, field);
    if (d.isNegative() || d.isZero() || d.getNano() != 0) {
      throw new InvalidSpecException(field, "must be a positive number of whole seconds, got " + d);
    }
    return d;
  }

  /** {@code s} as a PromQL double-quoted string literal (backslash, quote and control characters escaped). */
  public static String promqlString(String s) {
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
          if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }
}
