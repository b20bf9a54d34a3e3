package io.kvmsdk.core.internal.libvirt;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.KvmSubscription;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.domain.Domain.UndefineOption;
import io.kvmsdk.core.domain.DomainEvent;
import io.kvmsdk.core.domain.DomainEventType;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.spi.Hypervisor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainSnapshot;
import org.libvirt.ErrorCallback;
import org.libvirt.Network;
import org.libvirt.NetworkFilter;
import org.libvirt.Secret;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.libvirt.event.ConnectionCloseListener;
import org.libvirt.event.ConnectionCloseReason;
import org.libvirt.event.LifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Hypervisor} port on libvirt, through libvirt-java 0.5.4 and, for bulk statistics,
 * JNA. Thread-safe: libvirt connections are; domain handles are kept per thread between calls
 * ({@link LibvirtDomainHandles}), other objects are looked up, used and freed within a call. A call that fails because the connection dropped throws
 * a retryable {@link io.kvmsdk.core.LibvirtException} and marks the connection broken; the next
 * call reopens it and re-registers the event listeners.
 */
public final class LibvirtHypervisor implements Hypervisor {
  private static final Logger LOG = LoggerFactory.getLogger(LibvirtHypervisor.class);
  /** Keeps libvirt's default error handler from printing "libvirt: ... error : ..." to stderr. */
  private static final ErrorCallback SILENT = new ErrorCallback();
  /** Only to name the domain in an error message before libvirt has parsed the definition. */
  private static final Pattern NAME = Pattern.compile("<name>([^<]*)</name>");
  private static final int XML_INACTIVE = 2;
  /** {@code VIR_NETWORK_XML_INACTIVE} and {@code VIR_STORAGE_XML_INACTIVE}. */
  private static final int NETWORK_XML_INACTIVE = 1, POOL_XML_INACTIVE = 1;

  private final String uri;
  /**
   * Calls hold the read lock; reconnect, close and (un)registering listeners hold the write lock,
   * so no call ever runs on a connection that is being closed or replaced.
   */
  private final java.util.concurrent.locks.ReentrantReadWriteLock rw = new java.util.concurrent.locks.ReentrantReadWriteLock();
  private volatile LibvirtConnect conn;
  private volatile boolean broken;
  private volatile boolean closed;
  private final CopyOnWriteArrayList<Consumer<DomainEvent>> listeners = new CopyOnWriteArrayList<>();
  private LifecycleListener registered;   // guarded by the write lock
  private final LibvirtDomainHandles handles = new LibvirtDomainHandles();
  private boolean loopHeld;                // guarded by the write lock

  private static synchronized void initLibrary() throws org.libvirt.LibvirtException {
    Connect.setErrorCallback(SILENT);
    LibvirtEventLoop.init();
  }

  private LibvirtHypervisor(String uri, LibvirtConnect conn) {
    this.uri = uri;
    this.conn = conn;
  }

  /** Opens {@code uri}; the caller has checked that libvirt-java, JNA and libvirt.so.0 are present. */
  public static LibvirtHypervisor open(String uri) {
    try {
      initLibrary();
    } catch (org.libvirt.LibvirtException e) {
      throw LibvirtErrors.map("initialising libvirt", "connection", uri, e);
    }
    return new LibvirtHypervisor(uri, connect(uri));
  }

  private static LibvirtConnect connect(String uri) {
    try {
      LibvirtConnect c = new LibvirtConnect(uri);
      LOG.debug("connected to {}", uri);
      return c;
    } catch (org.libvirt.LibvirtException e) {
      throw LibvirtErrors.connectFailure(uri, e);
    }
  }

  // ------------------------------------------------------------------ plumbing

  @FunctionalInterface
  private interface Call<T> {
    T apply(LibvirtConnect c) throws org.libvirt.LibvirtException;
  }

  @FunctionalInterface
  private interface DomainCall<T> {
    T apply(Domain d) throws org.libvirt.LibvirtException;
  }

  /** Reopens a connection marked broken (and re-registers listeners on it); call without holding the read lock. */
  private void reconnectIfBroken() {
    if (!broken || closed) return;
    rw.writeLock().lock();
    try {
      if (!broken || closed) return;
      LibvirtConnect old = conn;
      LibvirtConnect fresh = connect(uri);
      conn = fresh;
      broken = false;
      LOG.info("reconnected to {}", uri);
      handles.clear();
      quietClose(old);
      registered = null;
      if (!listeners.isEmpty()) register(fresh);
    } finally {
      rw.writeLock().unlock();
    }
  }

  /** The open connection; the caller holds the read or the write lock. */
  private LibvirtConnect current() {
    if (closed) throw new KvmException("the connection to '" + uri + "' is closed");
    return conn;
  }

  private <T> T call(String op, String kind, String name, Call<T> call) {
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

  /** Like {@link #call}, for direct JNA calls that report failure through libvirt's last error. */
  private <T> T callNative(java.util.function.Function<LibvirtConnect, T> call) {
    reconnectIfBroken();
    rw.readLock().lock();
    try {
      return call.apply(current());
    } finally {
      rw.readLock().unlock();
    }
  }

  private void markBroken(LibvirtConnect c, String why) {
    if (c == conn && !broken) {
      broken = true;
      LOG.warn("connection to {} dropped: {}", uri, why);
    }
  }

  /**
   * Runs {@code call} on domain {@code name} through this thread's kept handle ({@link LibvirtDomainHandles}),
   * looking the name up when there is none or the kept one is stale ({@code VIR_ERR_NO_DOMAIN}: the
   * domain was undefined, maybe re-created, meanwhile). Retrying after that error is safe: libvirt
   * did nothing.
   */
  private <T> T onDomain(String op, String name, DomainCall<T> call) {
    if (handles.oversized()) clearHandles();
    return call(op + " domain '" + name + "'", "domain", name, c -> {
      Domain kept = handles.get(c, name);
      if (kept != null) {
        try {
          return call.apply(kept);
        } catch (org.libvirt.LibvirtException e) {
          if (e.getError() == null || e.getError().getCode() != org.libvirt.Error.ErrorNumber.VIR_ERR_NO_DOMAIN) throw e;
          handles.evict(name);
        }
      }
      Domain d = c.domainLookupByName(name);
      handles.put(c, name, d);
      return call.apply(d);
    });
  }

  /** Looks {@code name} up afresh (never through a kept handle, whose name and UUID libvirt does not re-check) and keeps the handle. */
  private DomainRef freshRef(String name) {
    return call("look up domain '" + name + "'", "domain", name, c -> {
      Domain d = c.domainLookupByName(name);
      handles.put(c, name, d);
      return new DomainRef(d.getName(), d.getUUIDString());
    });
  }

  /** Frees the kept handles when no call is in flight; skipped (till a later call) when that would wait, or from inside a call. */
  private void clearHandles() {
    if (!rw.writeLock().tryLock()) return;
    try {
      handles.clear();
    } finally {
      rw.writeLock().unlock();
    }
  }

  private void onDomainVoid(String op, String name, DomainCall<?> call) { onDomain(op, name, call); }

  /** Empty when {@code s} throws a NotFoundException for an object of {@code kind}; other errors pass. */
  private static <T> Optional<T> ifFound(String kind, java.util.function.Supplier<T> s) {
    try {
      return Optional.ofNullable(s.get());
    } catch (NotFoundException e) {
      if (e.kind().equals(kind)) return Optional.empty();
      throw e;
    }
  }

  private static void quietClose(LibvirtConnect c) {
    if (c == null) return;
    try {
      c.close();
    } catch (org.libvirt.LibvirtException | RuntimeException e) {
      LOG.debug("closing a libvirt connection: {}", e.getMessage());
    }
  }

  // ------------------------------------------------------------------ connection

  @Override public String uri() { return uri; }

  @Override public boolean isAlive() {
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

  @Override public void close() {
    boolean release = false;
    rw.writeLock().lock();
    try {
      if (closed) return;
      closed = true;
      LibvirtConnect c = conn;
      if (registered != null) {
        try {
          c.removeLifecycleListener(registered);
        } catch (org.libvirt.LibvirtException | RuntimeException e) {
          LOG.debug("removing the lifecycle listener: {}", e.getMessage());
        }
        registered = null;
      }
      listeners.clear();
      release = loopHeld;
      loopHeld = false;
      handles.clear();
      quietClose(c);
    } finally {
      rw.writeLock().unlock();
    }
    if (release) LibvirtEventLoop.release();   // outside the lock: it joins the loop thread
  }

  // ------------------------------------------------------------------ node

  @Override public io.kvmsdk.core.node.NodeInfo nodeInfo() {
    return call("get the node info of '" + uri + "'", "connection", uri, c -> {
      org.libvirt.NodeInfo n = c.nodeInfo();
      return new io.kvmsdk.core.node.NodeInfo(n.model, io.kvmsdk.core.Size.kib(n.memory), n.cpus, n.mhz, n.nodes, n.sockets, n.cores, n.threads);
    });
  }

  @Override public long freeMemory() {
    return call("get the free memory of '" + uri + "'", "connection", uri, Connect::getFreeMemory);
  }

  // ------------------------------------------------------------------ domains

  /** The snapshot's name, read through the typed mapping (entities decoded). */
  private static Optional<String> snapshotName(String xml) {
    return io.kvmsdk.core.domain.SnapshotSpec.fromXml(xml).name();
  }

  @Override public DomainRef defineDomain(String xml) {
    Matcher m = NAME.matcher(xml);
    String name = m.find() ? m.group(1) : "?";
    return call("define domain '" + name + "'", "definition", name, c -> {
      Domain d = c.domainDefineXML(xml);
      DomainRef ref = new DomainRef(d.getName(), d.getUUIDString());
      handles.put(c, ref.name(), d);   // the next call on it (start, usually) needs no lookup
      return ref;
    });
  }

  @Override public DomainRef createDomain(String xml) {
    Matcher m = NAME.matcher(xml);
    String name = m.find() ? m.group(1) : "?";
    return call("create domain '" + name + "'", "definition", name, c -> {
      Domain d = c.domainCreateXML(xml, 0);
      DomainRef ref = new DomainRef(d.getName(), d.getUUIDString());
      handles.put(c, ref.name(), d);   // the next call on it (start, usually) needs no lookup
      return ref;
    });
  }

  @Override public void migrateDomain(String name, Hypervisor destination, Set<io.kvmsdk.core.domain.Domain.MigrateOption> options) {
    if (!(destination instanceof LibvirtHypervisor dst)) {
      throw new KvmException("cannot migrate domain '" + name + "' from " + uri + " to " + destination
          + ": both ends must be libvirt connections");
    }
    long flags = options.stream().mapToLong(io.kvmsdk.core.domain.Domain.MigrateOption::flag).reduce(0, (a, b) -> a | b);
    dst.reconnectIfBroken();
    dst.rw.readLock().lock();
    try {
      LibvirtConnect target = dst.current();
      onDomainVoid("migrate", name, d -> {
        Domain moved = d.migrate(target, flags, null, null, 0);
        if (moved != null) moved.free();
        return null;
      });
    } finally {
      dst.rw.readLock().unlock();
    }
  }

  @Override public Optional<DomainRef> lookupDomain(String name) {
    return ifFound("domain", () -> freshRef(name));
  }

  @Override public List<DomainRef> listDomains() { return listDomains(Set.of()); }

  @Override public List<DomainRef> listDomains(Set<io.kvmsdk.core.domain.Domains.Filter> filters) {
    int flags = filters.stream().mapToInt(io.kvmsdk.core.domain.Domains.Filter::flag).reduce(0, (a, b) -> a | b);
    return call("list domains", "connection", uri, c -> {
      Domain[] all = c.listAllDomains(flags);
      List<DomainRef> out = new ArrayList<>(all.length);
      try {
        for (Domain d : all) out.add(new DomainRef(d.getName(), d.getUUIDString()));
      } finally {
        for (Domain d : all) d.free();
      }
      return out;
    });
  }

  @Override public DomainState domainState(String name) {
    return onDomain("get the state of", name, d -> DomainState.of(d.getInfo().state.ordinal()));
  }

  @Override public void startDomain(String name) { onDomainVoid("start", name, Domain::create); }

  @Override public void shutdownDomain(String name) { onDomainVoid("shut down", name, d -> { d.shutdown(); return null; }); }

  @Override public void destroyDomain(String name) { onDomainVoid("destroy", name, d -> { d.destroy(); return null; }); }

  @Override public void rebootDomain(String name) { onDomainVoid("reboot", name, d -> { d.reboot(0); return null; }); }

  @Override public void suspendDomain(String name) { onDomainVoid("suspend", name, d -> { d.suspend(); return null; }); }

  @Override public void resumeDomain(String name) { onDomainVoid("resume", name, d -> { d.resume(); return null; }); }

  @Override public void undefineDomain(String name, Set<UndefineOption> options) {
    int flags = options.stream().mapToInt(UndefineOption::flag).reduce(0, (a, b) -> a | b);
    onDomainVoid("undefine", name, d -> { d.undefine(flags); return null; });
  }

  @Override public boolean autostart(String name) { return onDomain("get autostart of", name, Domain::getAutostart); }

  @Override public void setAutostart(String name, boolean autostart) {
    onDomainVoid("set autostart of", name, d -> { d.setAutostart(autostart); return null; });
  }

  @Override public boolean isPersistent(String name) { return onDomain("ask persistence of", name, d -> d.isPersistent() == 1); }

  @Override public String domainXml(String name, boolean inactive) {
    return onDomain("get the XML of", name, d -> d.getXMLDesc(inactive ? XML_INACTIVE : 0));
  }

  @Override public Map<String, Object> domainStats(String name) { return callNative(c -> domainStats(c, name)); }

  private Map<String, Object> domainStats(LibvirtConnect c, String name) {
    String op = "get statistics of domain '" + name + "'";
    Pointer cp = c.pointer();
    if (cp == null) throw new KvmException("the connection to '" + uri + "' is closed");
    Pointer dom = LibvirtNative.INSTANCE.virDomainLookupByName(cp, name);
    if (dom == null) throw failNative(c, op, "domain", name);
    PointerByReference ret = new PointerByReference();
    try {
      if (LibvirtNative.INSTANCE.virDomainListGetStats(new Pointer[] {dom, null}, 0, ret, 0) < 0) throw failNative(c, op, "domain", name);
      try {
        return LibvirtTypedParams.readRecords(ret.getValue()).values().stream().findFirst().orElse(Map.of());
      } finally {
        LibvirtNative.INSTANCE.virDomainStatsRecordListFree(ret.getValue());
      }
    } finally {
      LibvirtNative.INSTANCE.virDomainFree(dom);
    }
  }

  @Override public Map<String, Map<String, Object>> allDomainStats() { return callNative(this::allDomainStats); }

  private Map<String, Map<String, Object>> allDomainStats(LibvirtConnect c) {
    Pointer cp = c.pointer();
    if (cp == null) throw new KvmException("the connection to '" + uri + "' is closed");
    PointerByReference ret = new PointerByReference();
    if (LibvirtNative.INSTANCE.virConnectGetAllDomainStats(cp, 0, ret, 0) < 0) throw failNative(c, "get statistics of all domains", "connection", uri);
    try {
      return LibvirtTypedParams.readRecords(ret.getValue());
    } finally {
      LibvirtNative.INSTANCE.virDomainStatsRecordListFree(ret.getValue());
    }
  }

  private KvmException failNative(LibvirtConnect c, String op, String kind, String name) {
    KvmException k = LibvirtErrors.lastError(op, kind, name);
    if (k.retryable()) markBroken(c, k.getMessage());
    return k;
  }

  // ------------------------------------------------------------------ guest agent

  private static final int HOSTNAME_AGENT = 2;   // VIR_DOMAIN_GET_HOSTNAME_AGENT

  @Override public String agentCommand(String domain, String json, int timeoutSeconds) {
    return onDomain("run a guest agent command in", domain, d -> d.qemuAgentCommand(json, timeoutSeconds, 0));
  }

  @Override public List<io.kvmsdk.core.domain.DomainInterfaceAddress> agentInterfaceAddresses(String domain) {
    return onDomain("get the guest agent's interface addresses of", domain, d -> {
      java.util.Collection<org.libvirt.DomainInterface> all;
      try {
        all = d.interfaceAddresses(Domain.InterfaceAddressesSource.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT, 0);
      } catch (IllegalArgumentException e) {   // libvirt-java refuses an address it cannot read
        throw new KvmException("get the guest agent's interface addresses of domain '" + domain + "' failed: " + e.getMessage(), e);
      }
      List<io.kvmsdk.core.domain.DomainInterfaceAddress> out = new ArrayList<>();
      for (org.libvirt.DomainInterface i : all) {
        List<io.kvmsdk.core.domain.DomainIpAddress> ips = new ArrayList<>();
        if (i.addrs != null) {
          for (org.libvirt.DomainInterface.InterfaceAddress a : i.addrs) {
            boolean v6 = a.address instanceof java.net.Inet6Address;
            ips.add(new io.kvmsdk.core.domain.DomainIpAddress(v6 ? "ipv6" : "ipv4", ipLiteral(a.address), a.prefixLength));
          }
        }
        out.add(new io.kvmsdk.core.domain.DomainInterfaceAddress(i.name, Optional.ofNullable(i.hwAddr).filter(m -> !m.isEmpty()), ips));
      }
      return out;
    });
  }

  /**
   * The address as the agent wrote it (libvirt passes {@code inet_ntop}'s text on; libvirt-java turns
   * it into an InetAddress): IPv4 dotted, IPv6 in RFC 5952 form ({@code fe80::5054:ff:fe12:3456}).
   */
  static String ipLiteral(java.net.InetAddress a) {
    byte[] b = a.getAddress();
    if (b.length == 4) return a.getHostAddress();
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) g[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
    int best = -1, bestLen = 1;   // the longest run of two or more zero groups, the first on a tie
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) { i++; continue; }
      int j = i;
      while (j < 8 && g[j] == 0) j++;
      if (j - i > bestLen) { best = i; bestLen = j - i; }
      i = j;
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == best) {
        s.append("::");
        i += bestLen - 1;
        continue;
      }
      if (s.length() > 0 && s.charAt(s.length() - 1) != ':') s.append(':');
      s.append(Integer.toHexString(g[i]));
    }
    return s.toString();
  }

  @Override public String agentHostname(String domain) { return callNative(c -> agentHostname(c, domain)); }

  private String agentHostname(LibvirtConnect c, String name) {
    String op = "get the guest agent's hostname of domain '" + name + "'";
    Pointer cp = c.pointer();
    if (cp == null) throw new KvmException("the connection to '" + uri + "' is closed");
    Pointer dom = LibvirtNative.INSTANCE.virDomainLookupByName(cp, name);
    if (dom == null) throw failNative(c, op, "domain", name);
    try {
      Pointer s = LibvirtNative.INSTANCE.virDomainGetHostname(dom, HOSTNAME_AGENT);
      if (s == null) throw failNative(c, op, "domain", name);
      try {
        return s.getString(0, "UTF-8");
      } finally {
        com.sun.jna.Native.free(Pointer.nativeValue(s));
      }
    } finally {
      LibvirtNative.INSTANCE.virDomainFree(dom);
    }
  }

  // ------------------------------------------------------------------ snapshots

  @Override public String createSnapshot(String domain, String xml) {
    return onDomain("create a snapshot of", domain, d -> {
      DomainSnapshot s = d.snapshotCreateXML(xml);
      try {
        return snapshotName(s.getXMLDesc()).orElse("");
      } finally {
        s.free();
      }
    });
  }

  @Override public List<String> snapshotNames(String domain) {
    return onDomain("list snapshots of", domain, d -> Arrays.asList(d.snapshotListNames(0)));
  }

  @Override public Optional<String> snapshotXml(String domain, String snapshot) {
    return ifFound("snapshot", () -> call("get snapshot '" + snapshot + "' of domain '" + domain + "'", "snapshot", domain + "/" + snapshot, c -> {
      Domain d = c.domainLookupByName(domain);
      try {
        DomainSnapshot s = d.snapshotLookupByName(snapshot);
        try {
          return s.getXMLDesc();
        } finally {
          s.free();
        }
      } finally {
        d.free();
      }
    }));
  }

  @Override public Optional<String> currentSnapshot(String domain) {
    return onDomain("get the current snapshot of", domain, d -> {
      if (d.hasCurrentSnapshot() != 1) return Optional.<String>empty();
      DomainSnapshot s = d.snapshotCurrent();
      try {
        return snapshotName(s.getXMLDesc());
      } finally {
        s.free();
      }
    });
  }

  private <T> T withSnapshot(String op, String domain, String snapshot, SnapshotCall<T> call) {
    return call(op + " snapshot '" + snapshot + "' of domain '" + domain + "'", "snapshot", domain + "/" + snapshot, c -> {
      Domain d = c.domainLookupByName(domain);
      try {
        DomainSnapshot s = d.snapshotLookupByName(snapshot);
        try {
          return call.apply(d, s);
        } finally {
          s.free();
        }
      } finally {
        d.free();
      }
    });
  }

  @FunctionalInterface
  private interface SnapshotCall<T> {
    T apply(Domain d, DomainSnapshot s) throws org.libvirt.LibvirtException;
  }

  @Override public void revertToSnapshot(String domain, String snapshot) {
    withSnapshot("revert to", domain, snapshot, (d, s) -> d.revertToSnapshot(s));
  }

  @Override public void deleteSnapshot(String domain, String snapshot) {
    withSnapshot("delete", domain, snapshot, (d, s) -> s.delete(0));
  }

  // ------------------------------------------------------------------ events

  @Override public KvmSubscription onLifecycle(Consumer<DomainEvent> listener) {
    reconnectIfBroken();
    rw.writeLock().lock();
    try {
      LibvirtConnect c = current();
      listeners.add(listener);
      if (!loopHeld) {
        LibvirtEventLoop.acquire();
        loopHeld = true;
      }
      if (registered == null) {
        try {
          register(c);
        } catch (KvmException e) {
          listeners.remove(listener);
          throw e;
        }
      }
    } finally {
      rw.writeLock().unlock();
    }
    return new KvmSubscription() {
      private boolean done;

      @Override public void close() {
        boolean release = false;
        rw.writeLock().lock();
        try {
          if (done) return;
          done = true;
          listeners.remove(listener);
          if (!listeners.isEmpty() || closed) return;
          if (registered != null) {
            try {
              conn.removeLifecycleListener(registered);
            } catch (org.libvirt.LibvirtException | RuntimeException e) {
              LOG.debug("removing the lifecycle listener: {}", e.getMessage());
            }
            registered = null;
          }
          release = loopHeld;
          loopHeld = false;
        } finally {
          rw.writeLock().unlock();
        }
        if (release) LibvirtEventLoop.release();
      }
    };
  }

  /** Registers one lifecycle callback on {@code c} fanning out to {@link #listeners}; holds the write lock. */
  private void register(LibvirtConnect c) {
    LifecycleListener l = (dom, event) -> {
      String name;
      try {
        name = dom.getName();
      } catch (org.libvirt.LibvirtException e) {
        name = "?";
      } finally {
        try {
          dom.free();
        } catch (org.libvirt.LibvirtException e) {
          LOG.debug("freeing an event's domain: {}", e.getMessage());
        }
      }
      Object detail = event.getDetail();
      DomainEvent ev = new DomainEvent(name, DomainEventType.of(event.getType() == null ? -1 : event.getType().ordinal()),
          detail == null ? "UNKNOWN" : String.valueOf(detail));
      for (Consumer<DomainEvent> each : listeners) {
        try {
          each.accept(ev);
        } catch (RuntimeException e) {
          LOG.warn("a lifecycle listener failed on {}", ev, e);
        }
      }
      return 0;
    };
    ConnectionCloseListener onClose = (connect, reason) -> {
      if (reason != ConnectionCloseReason.CLIENT) markBroken(c, "closed by " + reason);
    };
    try {
      c.addLifecycleListener(l);
      registered = l;
    } catch (org.libvirt.LibvirtException e) {
      throw LibvirtErrors.map("register a lifecycle listener on '" + uri + "'", "connection", uri, e);
    }
    try {
      c.registerCloseListener(onClose);
      c.setKeepAlive(5, 3);
    } catch (org.libvirt.LibvirtException | RuntimeException e) {
      LOG.debug("keepalive/close listener not available on {}: {}", uri, e.getMessage());
    }
  }

  // ------------------------------------------------------------------ secrets

  @Override public String defineSecret(String xml) {
    return call("define a secret", "definition", "secret", c -> {
      Secret s = c.secretDefineXML(xml);
      try {
        return s.getUUIDString();
      } finally {
        s.free();
      }
    });
  }

  @Override public List<String> listSecrets() {
    return call("list secrets", "connection", uri, c -> Arrays.asList(c.listSecrets()));
  }

  private <T> T onSecret(String op, String uuid, SecretCall<T> call) {
    return call(op + " secret '" + uuid + "'", "secret", uuid, c -> {
      Secret s = c.secretLookupByUUIDString(uuid);
      try {
        return call.apply(s);
      } finally {
        s.free();
      }
    });
  }

  @FunctionalInterface
  private interface SecretCall<T> {
    T apply(Secret s) throws org.libvirt.LibvirtException;
  }

  @Override public Optional<String> secretXml(String uuid) { return ifFound("secret", () -> onSecret("get the XML of", uuid, Secret::getXMLDesc)); }

  @Override public void setSecretValue(String uuid, byte[] value) { onSecret("set the value of", uuid, s -> s.setValue(value)); }

  @Override public void undefineSecret(String uuid) { onSecret("undefine", uuid, Secret::undefine); }

  // ------------------------------------------------------------------ networks, storage, nwfilters

  /** The {@code <name>} child (or, for a filter, the {@code name} attribute) of a definition, only to name it in an error; "?" when unreadable. */
  private static String definitionName(String xml) {
    try {
      io.kvmsdk.core.xml.XmlElement root = io.kvmsdk.core.xml.XmlElement.parse(xml);
      if (root.attr("name") != null) return root.attr("name");
      for (io.kvmsdk.core.xml.XmlElement c : root.children()) if (c.name().equals("name") && c.text() != null) return c.text();
    } catch (RuntimeException e) {
      // libvirt reports the broken XML itself
    }
    return "?";
  }

  @FunctionalInterface
  private interface ObjectCall<O, T> {
    T apply(O object) throws org.libvirt.LibvirtException;
  }

  @FunctionalInterface
  private interface Lookup<O> {
    O apply(LibvirtConnect c) throws org.libvirt.LibvirtException;
  }

  @FunctionalInterface
  private interface Free<O> {
    void apply(O object) throws org.libvirt.LibvirtException;
  }

  /** Looks {@code kind} {@code name} up, applies {@code call}, frees it. */
  private <O, T> T onObject(String op, String kind, String name, Lookup<O> lookup, Free<O> free, ObjectCall<O, T> call) {
    return call(op + " " + kind + " '" + name + "'", kind, name, c -> {
      O o = lookup.apply(c);
      try {
        return call.apply(o);
      } finally {
        free.apply(o);
      }
    });
  }

  private <T> T onNetwork(String op, String name, ObjectCall<Network, T> call) {
    return onObject(op, "network", name, c -> c.networkLookupByName(name), Network::free, call);
  }

  private <T> T onPool(String op, String name, ObjectCall<StoragePool, T> call) {
    return onObject(op, "storage pool", name, c -> c.storagePoolLookupByName(name), StoragePool::free, call);
  }

  private <T> T onVolume(String op, String pool, String volume, ObjectCall<StorageVol, T> call) {
    return call(op + " storage volume '" + volume + "' of pool '" + pool + "'", "storage volume", pool + "/" + volume, c -> {
      StoragePool p = c.storagePoolLookupByName(pool);
      try {
        StorageVol v = p.storageVolLookupByName(volume);
        try {
          return call.apply(v);
        } finally {
          v.free();
        }
      } finally {
        p.free();
      }
    });
  }

  private <T> T onNwfilter(String op, String name, ObjectCall<NetworkFilter, T> call) {
    return onObject(op, "nwfilter", name, c -> c.networkFilterLookupByName(name), NetworkFilter::free, call);
  }

  private static List<String> names(String[] active, String[] inactive) {
    List<String> out = new ArrayList<>(Arrays.asList(active));
    for (String n : inactive) if (!out.contains(n)) out.add(n);
    return out;
  }

  @Override public String defineNetwork(String xml) {
    String name = definitionName(xml);
    return call("define network '" + name + "'", "definition", name, c -> {
      Network n = c.networkDefineXML(xml);
      try {
        return n.getName();
      } finally {
        n.free();
      }
    });
  }

  @Override public String createNetwork(String xml) {
    String name = definitionName(xml);
    return call("create network '" + name + "'", "definition", name, c -> {
      Network n = c.networkCreateXML(xml);
      try {
        return n.getName();
      } finally {
        n.free();
      }
    });
  }

  @Override public Optional<NetworkRef> lookupNetwork(String name) {
    return ifFound("network", () -> onNetwork("look up", name, n -> new NetworkRef(n.getName(), n.getUUIDString())));
  }

  @Override public List<String> listNetworks() {
    return call("list networks", "connection", uri, c -> names(c.listNetworks(), c.listDefinedNetworks()));
  }

  @Override public String networkXml(String name, boolean inactive) {
    return onNetwork("get the XML of", name, n -> n.getXMLDesc(inactive ? NETWORK_XML_INACTIVE : 0));
  }

  @Override public void startNetwork(String name) { onNetwork("start", name, n -> { n.create(); return null; }); }

  @Override public void destroyNetwork(String name) { onNetwork("destroy", name, n -> { n.destroy(); return null; }); }

  @Override public void undefineNetwork(String name) { onNetwork("undefine", name, n -> { n.undefine(); return null; }); }

  @Override public boolean isNetworkActive(String name) { return onNetwork("ask the state of", name, n -> n.isActive() == 1); }

  @Override public boolean isNetworkPersistent(String name) { return onNetwork("ask persistence of", name, n -> n.isPersistent() == 1); }

  @Override public boolean networkAutostart(String name) { return onNetwork("get autostart of", name, Network::getAutostart); }

  @Override public void setNetworkAutostart(String name, boolean autostart) {
    onNetwork("set autostart of", name, n -> { n.setAutostart(autostart); return null; });
  }

  @Override public String defineStoragePool(String xml) {
    String name = definitionName(xml);
    return call("define storage pool '" + name + "'", "definition", name, c -> {
      StoragePool p = c.storagePoolDefineXML(xml, 0);
      try {
        return p.getName();
      } finally {
        p.free();
      }
    });
  }

  @Override public String createStoragePool(String xml) {
    String name = definitionName(xml);
    return call("create storage pool '" + name + "'", "definition", name, c -> {
      StoragePool p = c.storagePoolCreateXML(xml, 0);
      try {
        return p.getName();
      } finally {
        p.free();
      }
    });
  }

  @Override public Optional<StoragePoolRef> lookupStoragePool(String name) {
    return ifFound("storage pool", () -> onPool("look up", name, p -> new StoragePoolRef(p.getName(), p.getUUIDString())));
  }

  @Override public List<String> listStoragePools() {
    return call("list storage pools", "connection", uri, c -> names(c.listStoragePools(), c.listDefinedStoragePools()));
  }

  @Override public String storagePoolXml(String name, boolean inactive) {
    return onPool("get the XML of", name, p -> p.getXMLDesc(inactive ? POOL_XML_INACTIVE : 0));
  }

  @Override public void buildStoragePool(String name) { onPool("build", name, p -> { p.build(0); return null; }); }

  @Override public void startStoragePool(String name) { onPool("start", name, p -> { p.create(0); return null; }); }

  @Override public void destroyStoragePool(String name) { onPool("destroy", name, p -> { p.destroy(); return null; }); }

  @Override public void deleteStoragePool(String name) { onPool("delete", name, p -> { p.delete(0); return null; }); }

  @Override public void undefineStoragePool(String name) { onPool("undefine", name, p -> { p.undefine(); return null; }); }

  @Override public boolean isStoragePoolActive(String name) { return onPool("ask the state of", name, p -> p.isActive() == 1); }

  @Override public boolean isStoragePoolPersistent(String name) { return onPool("ask persistence of", name, p -> p.isPersistent() == 1); }

  @Override public boolean storagePoolAutostart(String name) { return onPool("get autostart of", name, StoragePool::getAutostart); }

  /** Through JNA: libvirt-java's {@code StoragePool.setAutostart} drops libvirt's error (a transient pool's refusal). */
  @Override public void setStoragePoolAutostart(String name, boolean autostart) {
    callNative(c -> {
      String op = "set autostart of storage pool '" + name + "'";
      Pointer cp = c.pointer();
      if (cp == null) throw new KvmException("the connection to '" + uri + "' is closed");
      Pointer pool = LibvirtNative.INSTANCE.virStoragePoolLookupByName(cp, name);
      if (pool == null) throw failNative(c, op, "storage pool", name);
      try {
        if (LibvirtNative.INSTANCE.virStoragePoolSetAutostart(pool, autostart ? 1 : 0) < 0) throw failNative(c, op, "storage pool", name);
        return null;
      } finally {
        LibvirtNative.INSTANCE.virStoragePoolFree(pool);
      }
    });
  }

  @Override public void refreshStoragePool(String name) { onPool("refresh", name, p -> { p.refresh(0); return null; }); }

  @Override public String createStorageVolume(String pool, String xml) {
    String name = definitionName(xml);
    return onPool("create volume '" + name + "' in", pool, p -> {
      StorageVol v = p.storageVolCreateXML(xml, 0);
      try {
        return v.getName();
      } finally {
        v.free();
      }
    });
  }

  @Override public List<String> listStorageVolumes(String pool) {
    return onPool("list the volumes of", pool, p -> Arrays.asList(p.listVolumes()));
  }

  @Override public String storageVolumeXml(String pool, String volume) {
    return onVolume("get the XML of", pool, volume, v -> v.getXMLDesc(0));
  }

  @Override public void deleteStorageVolume(String pool, String volume) {
    onVolume("delete", pool, volume, v -> { v.delete(0); return null; });
  }

  @Override public String defineNwfilter(String xml) {
    String name = definitionName(xml);
    return call("define nwfilter '" + name + "'", "definition", name, c -> {
      NetworkFilter f = c.networkFilterDefineXML(xml);
      try {
        return f.getName();
      } finally {
        f.free();
      }
    });
  }

  @Override public List<String> listNwfilters() {
    return call("list nwfilters", "connection", uri, c -> Arrays.asList(c.listNetworkFilters()));
  }

  @Override public String nwfilterXml(String name) { return onNwfilter("get the XML of", name, NetworkFilter::getXMLDesc); }

  @Override public void undefineNwfilter(String name) { onNwfilter("undefine", name, f -> { f.undefine(); return null; }); }

  @Override public String toString() { return "LibvirtHypervisor[" + uri + "]"; }
}
