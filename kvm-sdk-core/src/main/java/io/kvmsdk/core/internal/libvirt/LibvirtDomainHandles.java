package io.kvmsdk.core.internal.libvirt;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.libvirt.Domain;

/**
 * Domain handles kept between calls so that a burst of calls on one domain looks it up once. Each
 * thread keeps its own handles (at most {@link #PER_THREAD}, least recently used first out), so a
 * handle is only ever used and freed by one thread; {@link #clear()} frees every thread's handles and
 * runs only under the adapter's write lock, when no call is in flight. A handle outlives neither a
 * reconnect nor a close. Handles are named by domain name but libvirt acts on the UUID they hold: a
 * domain undefined and re-created meanwhile answers {@code VIR_ERR_NO_DOMAIN}, and the adapter then
 * {@link #evict evicts} the handle and looks the name up again.
 */
final class LibvirtDomainHandles {
  static final int PER_THREAD = 32;
  /** Past this many handles across all threads (threads that ended keep theirs), the next call clears them all. */
  static final int LIMIT = 2048;

  private static final class Entry {
    final LibvirtConnect conn;
    final Domain domain;
    boolean freed;   // written by the owning thread (read lock) or by clear() (write lock)

    Entry(LibvirtConnect conn, Domain domain) {
      this.conn = conn;
      this.domain = domain;
    }
  }

  private final Set<Entry> live = ConcurrentHashMap.newKeySet();
  private final ThreadLocal<LinkedHashMap<String, Entry>> mine = ThreadLocal.withInitial(() -> new LinkedHashMap<>(16, 0.75f, true));

  /** This thread's handle for {@code name} on connection {@code c}, or null. The caller holds the read lock. */
  Domain get(LibvirtConnect c, String name) {
    Map<String, Entry> m = mine.get();
    Entry e = m.get(name);
    if (e == null) return null;
    if (e.freed || e.conn != c) {
      m.remove(name);
      return null;
    }
    return e.domain;
  }

  /** Keeps {@code d} as this thread's handle for {@code name}. The caller holds the read lock. */
  void put(LibvirtConnect c, String name, Domain d) {
    LinkedHashMap<String, Entry> m = mine.get();
    Entry e = new Entry(c, d);
    live.add(e);
    Entry old = m.put(name, e);
    if (old != null) release(old);
    if (m.size() > PER_THREAD) {
      Iterator<Entry> it = m.values().iterator();
      Entry eldest = it.next();
      it.remove();
      release(eldest);
    }
  }

  /** Frees this thread's handle for {@code name}, if any. The caller holds the read lock. */
  void evict(String name) {
    Entry e = mine.get().remove(name);
    if (e != null) release(e);
  }

  /** True when handles of threads that ended have piled up. */
  boolean oversized() { return live.size() > LIMIT; }

  /** Frees every handle of every thread. The caller holds the write lock. */
  void clear() {
    for (Entry e : live) {
      if (!e.freed) {
        e.freed = true;
        free(e.domain);
      }
    }
    live.clear();
  }

  private void release(Entry e) {
    if (live.remove(e) && !e.freed) {
      e.freed = true;
      free(e.domain);
    }
  }

  private static void free(Domain d) {
    try {
      d.free();
    } catch (org.libvirt.LibvirtException | RuntimeException e) {
      // the connection is gone or closing: nothing left to release
    }
  }
}
