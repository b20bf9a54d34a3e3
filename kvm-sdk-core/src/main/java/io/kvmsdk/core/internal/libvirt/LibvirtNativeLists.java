package io.kvmsdk.core.internal.libvirt;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** Reads the arrays libvirt's {@code virConnectListAll*} functions return, freeing every element and the array. */
final class LibvirtNativeLists {
  private LibvirtNativeLists() {}

  /** Fills the array and returns its length, or -1 (libvirt's last error says why). */
  @FunctionalInterface
  interface ListAll {
    int apply(Pointer conn, PointerByReference out, int flags);
  }

  @FunctionalInterface
  interface UuidString {
    int apply(Pointer object, byte[] buf);
  }

  /** Every element of the list {@code fn} fills, read with {@code read} and freed with {@code free}. */
  static <T> List<T> read(LibvirtSession s, LibvirtConnect c, String op, ListAll fn, Function<Pointer, T> read, ToIntFunction<Pointer> free) {
    PointerByReference out = new PointerByReference();
    int n = fn.apply(s.pointer(c), out, 0);
    if (n < 0) throw s.failNative(c, op, "connection", s.uri());
    Pointer array = out.getValue();
    Pointer[] elements = n == 0 || array == null ? new Pointer[0] : array.getPointerArray(0, n);
    List<T> result = new ArrayList<>(n);
    try {
      for (Pointer p : elements) result.add(read.apply(p));
    } finally {
      for (Pointer p : elements) free.applyAsInt(p);
      if (array != null) Native.free(Pointer.nativeValue(array));
    }
    return result;
  }

  /** The UUID string {@code fn} writes into a 37-byte buffer. */
  static String uuid(Pointer object, UuidString fn) {
    byte[] buf = new byte[37];
    if (fn.apply(object, buf) < 0) return null;
    int len = 0;
    while (len < buf.length && buf[len] != 0) len++;
    return new String(buf, 0, len, StandardCharsets.US_ASCII);
  }
}
