package io.kvmsdk.ha.internal;

import io.kvmsdk.core.InvalidSpecException;
import java.util.Map;
import java.util.Set;

/**
 * The options drbd-utils 9 takes in a resource's {@code net} and {@code disk} sections (from
 * {@code drbdsetup help net-options}, {@code disk-options}, {@code peer-device-options} and
 * {@code attach}) and the shape of their values: an unknown name or a value of the wrong shape is
 * refused naming the option, as {@code drbdadm dump} would refuse the file.
 */
public final class DrbdOptions {
  private DrbdOptions() {}

  private static final String NUM = "#";
  private static final String STR = "*";
  private static final String BOOL = "yes|no";

  static final Map<String, String> NET = Map.ofEntries(
      Map.entry("timeout", NUM), Map.entry("max-epoch-size", NUM), Map.entry("connect-int", NUM), Map.entry("ping-int", NUM),
      Map.entry("sndbuf-size", NUM), Map.entry("rcvbuf-size", NUM), Map.entry("ko-count", NUM),
      Map.entry("after-sb-0pri", "disconnect|discard-younger-primary|discard-older-primary|discard-zero-changes|discard-least-changes|discard-local|discard-remote"),
      Map.entry("after-sb-1pri", "disconnect|consensus|discard-secondary|call-pri-lost-after-sb|violently-as0p"),
      Map.entry("after-sb-2pri", "disconnect|call-pri-lost-after-sb|violently-as0p"),
      Map.entry("always-asbp", BOOL), Map.entry("rr-conflict", "disconnect|call-pri-lost|violently|retry-connect|auto-discard"),
      Map.entry("ping-timeout", NUM), Map.entry("data-integrity-alg", STR), Map.entry("tcp-cork", BOOL),
      Map.entry("on-congestion", "block|pull-ahead|disconnect"), Map.entry("congestion-fill", NUM), Map.entry("congestion-extents", NUM),
      Map.entry("csums-alg", STR), Map.entry("csums-after-crash-only", BOOL), Map.entry("use-rle", BOOL), Map.entry("socket-check-timeout", NUM),
      Map.entry("fencing", "dont-care|resource-only|resource-and-stonith"), Map.entry("max-buffers", NUM), Map.entry("allow-remote-read", BOOL));

  static final Map<String, String> DISK = Map.ofEntries(
      Map.entry("size", NUM), Map.entry("on-io-error", "pass_on|call-local-io-error|detach"), Map.entry("disk-barrier", BOOL),
      Map.entry("disk-flushes", BOOL), Map.entry("disk-drain", BOOL), Map.entry("md-flushes", BOOL), Map.entry("resync-after", STR),
      Map.entry("al-extents", NUM), Map.entry("al-updates", BOOL), Map.entry("discard-zeroes-if-aligned", BOOL), Map.entry("disable-write-same", BOOL),
      Map.entry("disk-timeout", NUM),
      Map.entry("read-balancing", "prefer-local|prefer-remote|round-robin|least-pending|when-congested-remote|32K-striping|64K-striping|128K-striping|256K-striping|512K-striping|1M-striping"),
      Map.entry("rs-discard-granularity", NUM), Map.entry("resync-rate", NUM), Map.entry("c-plan-ahead", NUM), Map.entry("c-delay-target", NUM),
      Map.entry("c-fill-target", NUM), Map.entry("c-max-rate", NUM), Map.entry("c-min-rate", NUM), Map.entry("bitmap", BOOL));

  /** Checks a {@code net} option. */
  public static void net(String field, String name, String value) { check(field, name, value, NET, "net"); }

  /** Checks a {@code disk} option. */
  public static void disk(String field, String name, String value) { check(field, name, value, DISK, "disk"); }

  private static void check(String field, String name, String value, Map<String, String> table, String section) {
    String kind = table.get(name);
    if (kind == null) throw new InvalidSpecException(field, "is no option of DRBD's " + section + " section (drbdadm refuses it)");
    if (kind.equals(STR)) {
      if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '{' || c == '}' || c == ';' || c == '"' || c == '\\')) {
        throw new InvalidSpecException(field, "must be a word without control characters, braces, ';', quotes or '\\', got " + Names.quoted(value));
      }
    } else if (kind.equals(NUM)) {
      if (!value.matches("-?[0-9]{1,19}[kKmMgGsS]?")) throw new InvalidSpecException(field, "must be a number, with a unit letter (k, M, G) where DRBD takes one, got " + Names.quoted(value));
    } else if (!Set.of(kind.split("\\|")).contains(value)) {
      throw new InvalidSpecException(field, "must be one of " + kind.replace("|", ", ") + ", got " + Names.quoted(value));
    }
  }
}
