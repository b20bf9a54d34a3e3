package io.kvmsdk.core.internal.libvirt;

import com.sun.jna.Pointer;
import org.libvirt.jna.Libvirt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's default event loop, which is process-wide: registered once before the first
 * connection opens (the remote and test drivers bind their event sources at open), run by one
 * daemon thread while at least one user holds it, stopped when the last user releases it. A
 * private wake-up timer lets {@link #release()} stop the loop without waiting for an event.
 */
final class LibvirtEventLoop {
  private static final Logger LOG = LoggerFactory.getLogger(LibvirtEventLoop.class);
  private static final Libvirt.VirEventTimeoutCallback WAKE = LibvirtEventLoop::woken;
  private static int wakeTimer = -1;
  private static int users;
  private static Thread thread;
  private static java.util.concurrent.atomic.AtomicBoolean running;

  private LibvirtEventLoop() {}

  /** Registers libvirt's default event implementation; call once before the first connection opens. */
  static synchronized void init() throws org.libvirt.LibvirtException {
    if (wakeTimer >= 0) return;
    org.libvirt.Library.initEventLoop();
    wakeTimer = Libvirt.INSTANCE.virEventAddTimeout(-1, WAKE, null, null);
  }

  private static void woken(int timer, Pointer opaque) {
    Libvirt.INSTANCE.virEventUpdateTimeout(timer, -1);
  }

  static synchronized void acquire() {
    if (users++ > 0) return;
    java.util.concurrent.atomic.AtomicBoolean flag = new java.util.concurrent.atomic.AtomicBoolean(true);
    running = flag;
    Thread t = new Thread(() -> run(flag), "kvm-sdk-libvirt-events");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  static synchronized void release() {
    if (users == 0 || --users > 0) return;
    running.set(false);
    if (wakeTimer >= 0) Libvirt.INSTANCE.virEventUpdateTimeout(wakeTimer, 0);
    Thread t = thread;
    thread = null;
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** True while the loop thread runs (for tests). */
  static synchronized boolean running() { return thread != null && thread.isAlive(); }

  private static void run(java.util.concurrent.atomic.AtomicBoolean flag) {
    LOG.debug("libvirt event loop started");
    try {
      while (flag.get()) org.libvirt.Library.processEvent();
    } catch (org.libvirt.LibvirtException | RuntimeException e) {
      LOG.warn("libvirt event loop stopped: {}", e.getMessage());
    }
    LOG.debug("libvirt event loop stopped");
  }
}
