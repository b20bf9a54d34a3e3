package io.kvmsdk.core.internal.libvirt;

import com.sun.jna.Pointer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.libvirt.Domain;

/**
 * Domain handles kept between calls so that a burst of calls on one domain looks it up once. A
 * domain's handle is the SDK's own {@code virDomainPtr} (for the calls of {@link LibvirtDomainCalls})
 * and/or libvirt-java's {@code Domain} (for the rest), each taken when first needed and freed with
 * the other. Each thread keeps its own handles (at most {@link #PER_THREAD} domains, least recently
 * used first out), so a handle is only ever used and freed by one thread; {@link #clear()} frees
 * every thread's handles and runs only under the adapter's write lock, when no call is in flight. A
 * handle outlives neither a reconnect nor a close. Handles are named by domain name but libvirt acts
 * on the UUID they hold: a domain undefined and re-created meanwhile answers {@code VIR_ERR_NO_DOMAIN},
 * and the adapter then {@link #evict evicts} the handles and looks the name up again.
 */
final class LibvirtDomainHandles {
  static final int PER_THREAD = 32;
  /** Past this many domains' handles across all threads (threads that ended keep theirs), the next call clears them all. */
  static final int LIMIT = 2048;

  private static final class Entry {
    final LibvirtConnect conn;
    Pointer pointer;   // null until needed; the fields are written by the owning thread (read lock)
    Domain domain;     // or by clear() (write lock)
    boolean freed;

    Entry(LibvirtConnect conn) { this.conn = conn; }
  }

  private final LibvirtDomainCalls calls;
  private final Set<Entry> live = ConcurrentHashMap.newKeySet();
  private final ThreadLocal<LinkedHashMap<String, Entry>> mine = ThreadLocal.withInitial(() -> new LinkedHashMap<>(16, 0.75f, true));

  /** {@code calls} frees the native handles. */
  LibvirtDomainHandles(LibvirtDomainCalls calls) { this.calls = calls; }

  /** This thread's libvirt-java handle for {@code name} on connection {@code c}, or null. The caller holds the read lock. */
  Domain get(LibvirtConnect c, String name) {
    Entry e = entry(c, name);
    return e == null ? null : e.domain;
  }

  /** This thread's native handle for {@code name} on connection {@code c}, or null. The caller holds the read lock. */
  Pointer pointer(LibvirtConnect c, String name) {
    Entry e = entry(c, name);
    return e == null ? null : e.pointer;
  }

  private Entry entry(LibvirtConnect c, String name) {
    Map<String, Entry> m = mine.get();
    Entry e = m.get(name);
    if (e == null) return null;
    if (e.freed || e.conn != c) {
      m.remove(name);
      return null;
    }
    return e;
  }

  /** Keeps {@code d}, fresh from a define, create or lookup, as this thread's only handle for {@code name}. The caller holds the read lock. */
  void put(LibvirtConnect c, String name, Domain d) { keep(c, name, true).domain = d; }

  /** Keeps {@code p}, fresh from a define, create or lookup, as this thread's only handle for {@code name}. The caller holds the read lock. */
  void put(LibvirtConnect c, String name, Pointer p) { keep(c, name, true).pointer = p; }

  /** Keeps {@code d} along with the native handle kept for {@code name}, which had no libvirt-java one. The caller holds the read lock. */
  void add(LibvirtConnect c, String name, Domain d) {
    Entry e = keep(c, name, false);
    if (e.domain != null) free(e.domain);
    e.domain = d;
  }

  /** Keeps {@code p} along with the libvirt-java handle kept for {@code name}, which had no native one. The caller holds the read lock. */
  void add(LibvirtConnect c, String name, Pointer p) {
    Entry e = keep(c, name, false);
    if (e.pointer != null) calls.virDomainFree(e.pointer);
    e.pointer = p;
  }

  /** The entry for {@code name}: a new one, the one kept unless {@code fresh} (then it is released). */
  private Entry keep(LibvirtConnect c, String name, boolean fresh) {
    LinkedHashMap<String, Entry> m = mine.get();
    Entry e = entry(c, name);
    if (e != null && !fresh) return e;
    e = new Entry(c);
    live.add(e);
    Entry old = m.put(name, e);
    if (old != null) release(old);
    if (m.size() > PER_THREAD) {
      Iterator<Entry> it = m.values().iterator();
      Entry eldest = it.next();
      it.remove();
      release(eldest);
    }
    return e;
  }

  /** Frees this thread's handles for {@code name}, if any. The caller holds the read lock. */
  void evict(String name) {
    Entry e = mine.get().remove(name);
    if (e != null) release(e);
  }

  /** True when handles of threads that ended have piled up. */
  boolean oversized() { return live.size() > LIMIT; }

  /** Frees every handle of every thread. The caller holds the write lock. */
  void clear() {
    for (Entry e : live) free(e);
    live.clear();
  }

  private void release(Entry e) {
    if (live.remove(e)) free(e);
  }

  private void free(Entry e) {
    if (e.freed) return;
    e.freed = true;
    if (e.domain != null) free(e.domain);
    if (e.pointer != null) calls.virDomainFree(e.pointer);   // -1 only for an invalid pointer: nothing left to release
  }

  private static void free(Domain d) {
    try {
      d.free();
    } catch (org.libvirt.LibvirtException | RuntimeException e) {
      // the connection is gone or closing: nothing left to release
    }
  }
}
