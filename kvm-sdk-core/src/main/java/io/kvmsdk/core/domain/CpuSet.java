package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import java.util.BitSet;
import java.util.Optional;

/**
 * libvirt's list syntax for host CPUs, vCPUs and NUMA nodes ({@code cpuset}, {@code nodeset},
 * {@code cpus}): comma-separated ids and ranges, with {@code ^id} excluding one id, such as {@code 0-3,^2,6}.
 */
public final class CpuSet {
  private CpuSet() {}

  /** The ids {@code list} selects; throws IllegalArgumentException saying what is wrong. */
  public static BitSet parse(String list) {
    BitSet set = new BitSet();
    BitSet excluded = new BitSet();
    if (list.isBlank()) throw new IllegalArgumentException("is empty");
    for (String raw : list.split(",", -1)) {
      String item = raw.strip();
      boolean exclude = item.startsWith("^");
      if (exclude) item = item.substring(1).strip();
      int dash = item.indexOf('-');
      int from;
      int to;
      try {
        from = Integer.parseInt(dash < 0 ? item : item.substring(0, dash).strip());
        to = dash < 0 ? from : Integer.parseInt(item.substring(dash + 1).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("has '" + raw.strip() + "', which is not an id, a range 'a-b' or an exclusion '^id'");
      }
      if (exclude && dash >= 0) throw new IllegalArgumentException("has '" + raw.strip() + "', but only a single id can be excluded");
      if (from < 0 || to < from) throw new IllegalArgumentException("has the range '" + raw.strip() + "', which is empty or negative");
      (exclude ? excluded : set).set(from, to + 1);
    }
    set.andNot(excluded);
    return set;
  }

  /** Whether {@code list} follows the syntax. */
  public static boolean isValid(String list) {
    try {
      parse(list);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Throws an {@link InvalidSpecException} for {@code field} unless {@code list} is absent or well-formed. */
  static void check(String field, Optional<String> list) {
    if (list.isEmpty()) return;
    try {
      parse(list.get());
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException(field, "must be a list of ids and ranges such as '0-3,^2,6', but it " + e.getMessage() + ": '" + list.get() + "'");
    }
  }
}
