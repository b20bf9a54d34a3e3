package io.kvmsdk.core.internal.libvirt;

import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.NotFoundException;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one libvirt connection the per-kind adapters share: the lock discipline, reconnection and
 * error mapping. Calls hold the read lock; reconnect, close and (un)registering listeners hold the
 * write lock, so no call ever runs on a connection that is being closed or replaced. A call that fails
 * because the connection dropped throws a retryable {@link io.kvmsdk.core.LibvirtException} and marks
 * the connection broken; the next call reopens it and runs the reconnect hook (the domain adapter
 * frees its kept handles and re-registers its event listeners there).
 */
final class LibvirtSession {
  private static final Logger LOG = LoggerFactory.getLogger(LibvirtSession.class);

  private final String uri;
  private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
  private volatile LibvirtConnect conn;
  private volatile boolean broken;
  private volatile boolean closed;
  private Consumer<LibvirtConnect> onReconnect = c -> {};   // guarded by the write lock

  LibvirtSession(String uri, LibvirtConnect conn) {
    this.uri = uri;
    this.conn = conn;
  }

  /** A libvirt-java call on the connection. */
  @FunctionalInterface
  interface Call<T> {
    T apply(LibvirtConnect c) throws org.libvirt.LibvirtException;
  }

  static LibvirtConnect connect(String uri) {
    try {
      LibvirtConnect c = new LibvirtConnect(uri);
      LOG.debug("connected to {}", uri);
      return c;
    } catch (org.libvirt.LibvirtException e) {
      throw LibvirtErrors.connectFailure(uri, e);
    }
  }

  String uri() { return uri; }

  boolean isClosed() { return closed; }

  /** Runs under the write lock after each reconnect, with the fresh connection. */
  void onReconnect(Consumer<LibvirtConnect> hook) {
    rw.writeLock().lock();
    try {
      onReconnect = hook;
    } finally {
      rw.writeLock().unlock();
    }
  }

  /** Reopens a connection marked broken (and runs the reconnect hook); call without holding the read lock. */
  void reconnectIfBroken() {
    if (!broken || closed) return;
    rw.writeLock().lock();
    try {
      if (!broken || closed) return;
      LibvirtConnect old = conn;
      LibvirtConnect fresh = connect(uri);
      conn = fresh;
      broken = false;
      LOG.info("reconnected to {}", uri);
      onReconnect.accept(fresh);
      quietClose(old);
    } finally {
      rw.writeLock().unlock();
    }
  }

  /** The open connection; the caller holds the read or the write lock. */
  LibvirtConnect current() {
    if (closed) throw new KvmException("the connection to '" + uri + "' is closed");
    return conn;
  }

  /** Runs {@code call} under the read lock; a libvirt error becomes the SDK's exception for {@code op} on {@code kind} {@code name}. */
  <T> T call(String op, String kind, String name, Call<T> call) {
    reconnectIfBroken();
    rw.readLock().lock();
    try {
      LibvirtConnect c = current();
      try {
        return call.apply(c);
      } catch (org.libvirt.LibvirtException e) {
        KvmException k = LibvirtErrors.map(op, kind, name, e);
        if (k.retryable()) markBroken(c, k.getMessage());
        throw k;
      }
    } finally {
      rw.readLock().unlock();
    }
  }

  /** Like {@link #call}, for direct JNA calls that report failure through libvirt's last error ({@link #failNative}). */
  <T> T callNative(Function<LibvirtConnect, T> call) {
    reconnectIfBroken();
    rw.readLock().lock();
    try {
      return call.apply(current());
    } finally {
      rw.readLock().unlock();
    }
  }

  /** The native connection pointer of {@code c}; fails like a closed connection when it is gone. */
  com.sun.jna.Pointer pointer(LibvirtConnect c) {
    com.sun.jna.Pointer p = c.pointer();
    if (p == null) throw new KvmException("the connection to '" + uri + "' is closed");
    return p;
  }

  /** The calling thread's last libvirt error after a JNA call on {@code c} failed, mapped (and the connection marked broken if it dropped). */
  KvmException failNative(LibvirtConnect c, String op, String kind, String name) {
    KvmException k = LibvirtErrors.lastError(op, kind, name);
    if (k.retryable()) markBroken(c, k.getMessage());
    return k;
  }

  void markBroken(LibvirtConnect c, String why) {
    if (c == conn && !broken) {
      broken = true;
      LOG.warn("connection to {} dropped: {}", uri, why);
    }
  }

  /** Runs {@code action} with the connection under the write lock (listener registration). */
  <T> T writeLocked(Function<LibvirtConnect, T> action) {
    reconnectIfBroken();
    rw.writeLock().lock();
    try {
      return action.apply(closed ? null : conn);
    } finally {
      rw.writeLock().unlock();
    }
  }

  /** Runs {@code action} under the write lock if no call is in flight now; false when that would wait (or from inside a call). */
  boolean tryWriteLocked(Runnable action) {
    if (!rw.writeLock().tryLock()) return false;
    try {
      action.run();
      return true;
    } finally {
      rw.writeLock().unlock();
    }
  }

  /** Runs {@code action} with this connection under the read lock (a migration's destination). */
  <T> T withCurrent(Function<LibvirtConnect, T> action) {
    reconnectIfBroken();
    rw.readLock().lock();
    try {
      return action.apply(current());
    } finally {
      rw.readLock().unlock();
    }
  }

  boolean isAlive() {
    rw.readLock().lock();
    try {
      if (closed || broken) return false;
      return conn.isAlive();
    } catch (org.libvirt.LibvirtException | RuntimeException e) {
      return false;
    } finally {
      rw.readLock().unlock();
    }
  }

  /**
   * Closes the connection once: {@code beforeClose} runs first under the write lock (unregistering
   * listeners) and returns what to run after the lock is released (stopping the event loop), or null.
   */
  void close(Function<LibvirtConnect, Runnable> beforeClose) {
    Runnable after;
    rw.writeLock().lock();
    try {
      if (closed) return;
      closed = true;
      LibvirtConnect c = conn;
      after = beforeClose.apply(c);
      quietClose(c);
    } finally {
      rw.writeLock().unlock();
    }
    if (after != null) after.run();
  }

  /** Empty when {@code s} throws a NotFoundException for an object of {@code kind}; other errors pass. */
  static <T> Optional<T> ifFound(String kind, Supplier<T> s) {
    try {
      return Optional.ofNullable(s.get());
    } catch (NotFoundException e) {
      if (e.kind().equals(kind)) return Optional.empty();
      throw e;
    }
  }

  static void quietClose(LibvirtConnect c) {
    if (c == null) return;
    try {
      c.close();
    } catch (org.libvirt.LibvirtException | RuntimeException e) {
      LOG.debug("closing a libvirt connection: {}", e.getMessage());
    }
  }

  /** The {@code <name>} child (or, for a filter, the {@code name} attribute) of a definition, only to name it in an error; "?" when unreadable. */
  static String definitionName(String xml) {
    try {
      io.kvmsdk.core.xml.XmlElement root = io.kvmsdk.core.xml.XmlElement.parse(xml);
      if (root.attr("name") != null) return root.attr("name");
      for (io.kvmsdk.core.xml.XmlElement c : root.children()) if (c.name().equals("name") && c.text() != null) return c.text();
    } catch (RuntimeException e) {
      // libvirt reports the broken XML itself
    }
    return "?";
  }

  @Override public String toString() { return "LibvirtSession[" + uri + (closed ? ", closed" : broken ? ", broken" : "") + "]"; }
}
