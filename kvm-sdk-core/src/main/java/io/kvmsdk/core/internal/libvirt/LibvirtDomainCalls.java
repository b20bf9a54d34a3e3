package io.kvmsdk.core.internal.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's domain lifecycle functions, called on the SDK's own {@code virDomainPtr}s (each one
 * returned by a define, create or lookup here is freed with {@link #virDomainFree}). Bound by JNA
 * direct mapping ({@link Direct}: a native method per function, no proxy and no reflection on the
 * call; a document goes as a C string it encodes into a reused buffer) when it registers, else by JNA's interface mapping,
 * the way libvirt-java binds them ({@link #bind()}). Failures return -1 or NULL and leave the error
 * in libvirt's per-thread last error, which {@link LibvirtErrors#lastError} maps.
 */
interface LibvirtDomainCalls extends Library {
  Pointer virDomainDefineXML(Pointer conn, String xml);

  Pointer virDomainCreateXML(Pointer conn, String xml, int flags);

  Pointer virDomainLookupByName(Pointer conn, String name);

  int virDomainCreate(Pointer domain);

  int virDomainSuspend(Pointer domain);

  int virDomainResume(Pointer domain);

  int virDomainDestroy(Pointer domain);

  int virDomainUndefineFlags(Pointer domain, int flags);

  /** Writes the state into {@code state[0]} and its reason into {@code reason[0]}; {@code flags} 0. */
  int virDomainGetState(Pointer domain, int[] state, int[] reason, int flags);

  /** Borrowed from the domain: JNA copies it. */
  String virDomainGetName(Pointer domain);

  /** {@code buf}: 16 bytes (VIR_UUID_BUFLEN), the raw UUID. */
  int virDomainGetUUID(Pointer domain, byte[] buf);

  int virDomainFree(Pointer domain);

  /** The direct binding, else the interface one; which one is logged at debug level. */
  static LibvirtDomainCalls bind() { return bind(Direct::new); }

  /** {@code direct}, else (it failed to bind: an old JNA, a libvirt without a symbol) the interface binding. */
  static LibvirtDomainCalls bind(Supplier<LibvirtDomainCalls> direct) {
    try {
      return direct.get();
    } catch (LinkageError | RuntimeException e) {
      Holder.LOG.debug("JNA direct mapping of libvirt's domain calls unavailable ({}); using interface mapping", e.toString());
      return Holder.PROXY;
    }
  }

  /** Lazily made: nothing loads libvirt before {@link #bind} is called. */
  final class Holder {
    private Holder() {}

    static final Logger LOG = LoggerFactory.getLogger(LibvirtDomainCalls.class);
    static final LibvirtDomainCalls PROXY = Native.load("virt", LibvirtDomainCalls.class);
  }

  /** JNA direct mapping: registered once, when the first instance is made (which fails if it cannot be). */
  final class Direct implements LibvirtDomainCalls {
    Direct() { Natives.bound(); }

    /** The native methods, named as libvirt's symbols. */
    private static final class Natives {
      static {
        Native.register(Natives.class, NativeLibrary.getInstance("virt"));
      }

      static void bound() {}

      static native Pointer virDomainLookupByName(Pointer conn, String name);

      static native int virDomainCreate(Pointer domain);

      static native int virDomainSuspend(Pointer domain);

      static native int virDomainResume(Pointer domain);

      static native int virDomainDestroy(Pointer domain);

      static native int virDomainUndefineFlags(Pointer domain, int flags);

      static native int virDomainGetState(Pointer domain, int[] state, int[] reason, int flags);

      static native String virDomainGetName(Pointer domain);

      static native int virDomainGetUUID(Pointer domain, byte[] buf);

      static native int virDomainFree(Pointer domain);

      /** The document as a NUL-terminated UTF-8 C string the caller wrote ({@link #document}). */
      static native Pointer virDomainDefineXML(Pointer conn, Pointer xml);

      static native Pointer virDomainCreateXML(Pointer conn, Pointer xml, int flags);
    }

    /** Documents up to this size (bytes, with the NUL) reuse the thread's buffer (so a thread keeps at most 256 KiB); a larger one gets its own, freed after the call. */
    static final int KEEP = 1 << 18;
    private static final ThreadLocal<Memory> BUFFER = new ThreadLocal<>();

    /**
     * {@code xml} as libvirt reads a document, a NUL-terminated UTF-8 C string, in this thread's buffer
     * (grown to fit; its contents are valid until the thread's next document) or, past {@link #KEEP},
     * in a buffer of its own that the caller closes.
     */
    static Memory document(String xml) {
      byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
      int size = bytes.length + 1;
      Memory m;
      if (size > KEEP) {
        m = new Memory(size);
      } else {
        m = BUFFER.get();
        if (m == null || m.size() < size) {
          if (m != null) m.close();
          m = new Memory(Math.max(4096, Integer.highestOneBit(size - 1) << 1));
          BUFFER.set(m);
        }
      }
      m.write(0, bytes, 0, bytes.length);
      m.setByte(bytes.length, (byte) 0);
      return m;
    }

    private static void done(Memory m) {
      if (m.size() > KEEP) m.close();
    }

    /**
     * The document goes as a C string encoded here into a reused buffer ({@link #document}): a
     * direct-mapped {@code String} argument is converted in native code, calling back into Java, which
     * measured ~3 us slower per define; JNA's interface mapping converts in Java but allocates native
     * memory and goes through reflection on every call.
     */
    @Override public Pointer virDomainDefineXML(Pointer conn, String xml) {
      Memory m = document(xml);
      try {
        return Natives.virDomainDefineXML(conn, m);
      } finally {
        done(m);
      }
    }

    @Override public Pointer virDomainCreateXML(Pointer conn, String xml, int flags) {
      Memory m = document(xml);
      try {
        return Natives.virDomainCreateXML(conn, m, flags);
      } finally {
        done(m);
      }
    }

    @Override public Pointer virDomainLookupByName(Pointer conn, String name) { return Natives.virDomainLookupByName(conn, name); }

    @Override public int virDomainCreate(Pointer domain) { return Natives.virDomainCreate(domain); }

    @Override public int virDomainSuspend(Pointer domain) { return Natives.virDomainSuspend(domain); }

    @Override public int virDomainResume(Pointer domain) { return Natives.virDomainResume(domain); }

    @Override public int virDomainDestroy(Pointer domain) { return Natives.virDomainDestroy(domain); }

    @Override public int virDomainUndefineFlags(Pointer domain, int flags) { return Natives.virDomainUndefineFlags(domain, flags); }

    @Override public int virDomainGetState(Pointer domain, int[] state, int[] reason, int flags) {
      return Natives.virDomainGetState(domain, state, reason, flags);
    }

    @Override public String virDomainGetName(Pointer domain) { return Natives.virDomainGetName(domain); }

    @Override public int virDomainGetUUID(Pointer domain, byte[] buf) { return Natives.virDomainGetUUID(domain, buf); }

    @Override public int virDomainFree(Pointer domain) { return Natives.virDomainFree(domain); }
  }
}
