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

  /** The libvirt type of each migration parameter ({@code VIR_MIGRATE_PARAM_*}) whose Java value could be read two ways. */
  private static final Map<String, Integer> MIGRATION_TYPES = Map.ofEntries(
      Map.entry("bandwidth", 4), Map.entry("bandwidth.postcopy", 4), Map.entry("compression.xbzrle.cache", 4),
      Map.entry("disks_port", 1), Map.entry("compression.mt.level", 1), Map.entry("compression.mt.threads", 1),
      Map.entry("compression.mt.dthreads", 1), Map.entry("compression.zlib.level", 1), Map.entry("compression.zstd.level", 1),
      Map.entry("auto_converge.initial", 1), Map.entry("auto_converge.increment", 1), Map.entry("parallel.connections", 1));

  /** Typed parameters libvirt allocated ({@code virTypedParamsAdd*}); {@link #close()} frees them. */
  static final class Built implements AutoCloseable {
    final Pointer params;
    final int count;

    private Built(Pointer params, int count) {
      this.params = params;
      this.count = count;
    }

    @Override public void close() { if (params != null) LibvirtNative.INSTANCE.virTypedParamsFree(params, count); }
  }

  /**
   * Builds libvirt typed parameters from {@code values}: a known migration field gets libvirt's type
   * ({@link #MIGRATION_TYPES}), any other field its Java type (Integer: int, Long: unsigned long long,
   * Double, Boolean, String); a List of Strings adds the field once per element, as libvirt takes
   * {@code compression} and {@code migrate_disks}.
   */
  static Built build(Map<String, Object> values) {
    com.sun.jna.ptr.PointerByReference params = new com.sun.jna.ptr.PointerByReference();
    com.sun.jna.ptr.IntByReference n = new com.sun.jna.ptr.IntByReference(0);
    com.sun.jna.ptr.IntByReference max = new com.sun.jna.ptr.IntByReference(0);
    LibvirtNative lib = LibvirtNative.INSTANCE;
    try {
      for (Map.Entry<String, Object> e : values.entrySet()) {
        String f = e.getKey();
        Object v = e.getValue();
        Integer known = MIGRATION_TYPES.get(f);
        int rc;
        if (v instanceof java.util.List<?> list) {
          rc = 0;
          for (Object x : list) {
            if (!(x instanceof String str)) throw new io.kvmsdk.core.KvmException("typed parameter '" + f + "': a list holds strings only, got " + x);
            rc |= lib.virTypedParamsAddString(params, n, max, f, str);
          }
        } else if (v instanceof String str) {
          rc = lib.virTypedParamsAddString(params, n, max, f, str);
        } else if (v instanceof Boolean b) {
          rc = lib.virTypedParamsAddBoolean(params, n, max, f, b ? 1 : 0);
        } else if (v instanceof Double d) {
          rc = lib.virTypedParamsAddDouble(params, n, max, f, d);
        } else if (v instanceof Integer || v instanceof Long) {
          long x = ((Number) v).longValue();
          int type = known != null ? known : v instanceof Integer ? 1 : 4;
          rc = type == 1 ? lib.virTypedParamsAddInt(params, n, max, f, Math.toIntExact(x)) : lib.virTypedParamsAddULLong(params, n, max, f, x);
        } else {
          throw new io.kvmsdk.core.KvmException("typed parameter '" + f + "': unsupported value " + v);
        }
        if (rc < 0) throw LibvirtErrors.lastError("set typed parameter '" + f + "'", "parameter", f);
      }
    } catch (RuntimeException e) {
      if (params.getValue() != null) lib.virTypedParamsFree(params.getValue(), n.getValue());
      throw e;
    }
    return new Built(params.getValue(), n.getValue());
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
