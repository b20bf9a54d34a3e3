package io.kvmsdk.core.internal.libvirt;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads libvirt's {@code virTypedParameter} arrays and {@code virDomainStatsRecord} lists from
 * native memory. Layout (LP64): {@code char field[80]; int type; union value} at offset 88, 96 bytes each.
 */
final class LibvirtTypedParams {
  private LibvirtTypedParams() {}

  static final int FIELD_LENGTH = 80;
  static final int VALUE_OFFSET = Native.LONG_SIZE == 8 ? 88 : 84;
  static final int SIZE = VALUE_OFFSET + 8;

  /** Parses {@code n} typed parameters at {@code params}: field name to Integer, Long, Double, Boolean or String. */
  static Map<String, Object> read(Pointer params, int n) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      long base = (long) i * SIZE;
      byte[] f = params.getByteArray(base, FIELD_LENGTH);
      int len = 0;
      while (len < f.length && f[len] != 0) len++;
      String field = new String(f, 0, len, java.nio.charset.StandardCharsets.UTF_8);
      int type = params.getInt(base + FIELD_LENGTH);
      long v = base + VALUE_OFFSET;
      Object value = switch (type) {
        case 1 -> params.getInt(v);                                 // VIR_TYPED_PARAM_INT
        case 2 -> Integer.toUnsignedLong(params.getInt(v));          // UINT
        case 3, 4 -> params.getLong(v);                              // LLONG, ULLONG
        case 5 -> params.getDouble(v);                               // DOUBLE
        case 6 -> params.getByte(v) != 0;                            // BOOLEAN
        case 7 -> {                                                  // STRING
          Pointer s = params.getPointer(v);
          yield s == null ? "" : s.getString(0, "UTF-8");
        }
        default -> null;
      };
      if (value != null) out.put(field, value);
    }
    return out;
  }

  /** Parses a NULL-terminated {@code virDomainStatsRecordPtr*} list: domain name to its parameters. */
  static Map<String, Map<String, Object>> readRecords(Pointer list) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    if (list == null) return out;
    int ps = Native.POINTER_SIZE;
    for (int i = 0; ; i++) {
      Pointer rec = list.getPointer((long) i * ps);
      if (rec == null) break;
      Pointer dom = rec.getPointer(0);
      Pointer params = rec.getPointer(ps);
      int n = rec.getInt(2L * ps);
      out.put(LibvirtNative.INSTANCE.virDomainGetName(dom), params == null ? Map.of() : read(params, n));
    }
    return out;
  }
}
