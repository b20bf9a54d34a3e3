package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.InvalidSpecException;
import java.util.regex.Pattern;

/** Names and fixed-point weights as CRUSH spells them. */
final class CrushNames {
  private CrushNames() {}

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  /** CRUSH's valid name: letters, digits, '-', '_' and '.' (a '~' marks Ceph's own shadow buckets). */
  static boolean valid(String name) { return name != null && NAME.matcher(name).matches(); }

  static void check(String field, String name) {
    if (!valid(name)) {
      throw new InvalidSpecException(field, "a CRUSH name is letters, digits, '-', '_' and '.', got '" + name + "'");
    }
  }

  /**
   * A name the SDK passes to ceph or rbd as an argument of its own ({@code ceph osd pool create NAME},
   * {@code ... rule rm NAME}): a CRUSH name not starting with '-', or ceph's argument parser would read it
   * as an option ({@code ceph osd pool create -o 32}). Ceph itself stores such names (given after
   * {@code --}); the SDK refuses them rather than write every plan, check and undo around them.
   */
  static void checkArg(String field, String name) {
    check(field, name);
    if (name.startsWith("-")) throw new InvalidSpecException(field, noDash(name));
  }

  static String noDash(String name) {
    return "must not start with '-' (ceph and rbd would read it as an option), got '" + name + "'";
  }

  /** A weight as crushtool reads it: {@code (unsigned)(strtof(text) * (float)0x10000)}. */
  static long fixed(float weight) { return io.kvmsdk.storage.ceph.internal.CrushText.fixedOf(weight); }

  /** A 16.16 weight as crushtool prints it. */
  static String print(int fixed) { return io.kvmsdk.storage.ceph.internal.CrushText.fixed(fixed); }
}
