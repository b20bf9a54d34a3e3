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

  /** {@code <op id='RSC-NAME-interval-I' name interval timeout [role]/>}. */
  static Op op(String rsc, String name, Duration interval, Duration timeout, String role) {
    String i = duration(interval);
    Op.Builder b = Op.builder().id(rsc + "-" + name + "-interval-" + i).name(name).interval(i).timeout(duration(timeout));
    if (role != null) b.role(role);
    return b.build();
  }
}
