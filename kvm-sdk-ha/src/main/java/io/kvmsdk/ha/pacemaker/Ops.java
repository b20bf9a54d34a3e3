package io.kvmsdk.ha.pacemaker;

import java.time.Duration;

/** Operation helpers: durations as Pacemaker writes them and ids as pcs names them. */
final class Ops {
  private Ops() {}

  /** {@code 30s}, {@code 0s}, {@code 1500ms}. */
  static String duration(Duration d) {
    if (d.toNanos() % 1_000_000_000L == 0) return d.getSeconds() + "s";
    return d.toMillis() + "ms";
  }

  /** Refuses a duration Pacemaker cannot take as an interval or timeout: negative, zero, or not whole milliseconds ({@code 0ms} would be written). */
  static void positive(String field, Duration d) {
    if (d == null || d.isNegative() || d.isZero() || d.toNanos() % 1_000_000L != 0) {
      throw new io.kvmsdk.core.InvalidSpecException(field, "must be a positive whole number of milliseconds, got " + d);
    }
  }

  /** {@code <op id='RSC-NAME-interval-I' name interval timeout [role]/>}. */
  static Op op(String rsc, String name, Duration interval, Duration timeout, String role) {
    String i = duration(interval);
    Op.Builder b = Op.builder().id(rsc + "-" + name + "-interval-" + i).name(name).interval(i).timeout(duration(timeout));
    if (role != null) b.role(role);
    return b.build();
  }
}
