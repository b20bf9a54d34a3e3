package io.kvmsdk.core.internal.libvirt;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.KvmSubscription;
import io.kvmsdk.core.domain.DomainEvent;
import io.kvmsdk.core.domain.DomainEventType;
import io.kvmsdk.core.domain.DomainFilter;
import io.kvmsdk.core.domain.DomainInterfaceAddress;
import io.kvmsdk.core.domain.DomainIpAddress;
import io.kvmsdk.core.domain.DomainJobEvent;
import io.kvmsdk.core.domain.DomainJobStats;
import io.kvmsdk.core.domain.DomainJobType;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.domain.MigrateOption;
import io.kvmsdk.core.domain.SnapshotSpec;
import io.kvmsdk.core.domain.UndefineOption;
import io.kvmsdk.core.spi.DomainDriver;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.core.spi.ObjectRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libvirt.Domain;
import org.libvirt.DomainSnapshot;
import org.libvirt.event.ConnectionCloseListener;
import org.libvirt.event.ConnectionCloseReason;
import org.libvirt.event.LifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DomainDriver} on libvirt-java, with JNA for bulk statistics and the agent's hostname,
 * and for the lifecycle calls (define, create, start, suspend, resume, destroy, undefine, state):
 * those go straight to libvirt's C functions on the SDK's own {@code virDomainPtr}s
 * ({@link LibvirtDomainCalls}), without libvirt-java's proxy and error objects on the way. Domain
 * handles are kept per thread between calls ({@link LibvirtDomainHandles}): a burst of calls on one
 * domain looks it up once; the handles go on reconnect and close. Lifecycle listeners fan out from
 * one libvirt callback that is registered again after a reconnect.
 */
final class LibvirtDomains extends LibvirtLifecycle<Domain> implements DomainDriver {
  private static final Logger LOG = LoggerFactory.getLogger(LibvirtDomains.class);
  /** Only to name the domain in an error message before libvirt has parsed the definition (cheaper than parsing it). */
  private static final Pattern NAME = Pattern.compile("<name>([^<]*)</name>");
  private static final int XML_INACTIVE = 2;
  private static final int HOSTNAME_AGENT = 2;   // VIR_DOMAIN_GET_HOSTNAME_AGENT

  private final LibvirtDomainCalls calls;
  private final LibvirtDomainHandles handles;
  private final CopyOnWriteArrayList<Consumer<DomainEvent>> listeners = new CopyOnWriteArrayList<>();
  private LifecycleListener registered;   // guarded by the session's write lock
  private boolean loopHeld;                // guarded by the session's write lock
  private final CopyOnWriteArrayList<Consumer<DomainJobEvent>> jobListeners = new CopyOnWriteArrayList<>();
  private int[] jobCallbacks;              // libvirt's callback ids, guarded by the session's write lock
  /** Strongly held: libvirt calls them from its event loop for as long as they are registered. */
  private final LibvirtNative.MigrationIterationCallback onIteration = (conn, dom, iteration, opaque) ->
      fanOut(DomainJobEvent.iteration(LibvirtNative.INSTANCE.virDomainGetName(dom), iteration));
  private final LibvirtNative.JobCompletedCallback onCompleted = (conn, dom, params, n, opaque) ->
      fanOut(DomainJobEvent.completed(LibvirtNative.INSTANCE.virDomainGetName(dom),
          params == null ? Map.of() : LibvirtTypedParams.read(params, n)));

  /** {@code calls}: the binding of the lifecycle calls ({@link LibvirtDomainCalls#bind()}; tests run both). */
  LibvirtDomains(LibvirtSession session, LibvirtDomainCalls calls) {
    super(session, "domain");
    this.calls = calls;
    this.handles = new LibvirtDomainHandles(calls);
    session.onReconnect(fresh -> {
      handles.clear();
      registered = null;
      jobCallbacks = null;
      if (!listeners.isEmpty()) register(fresh);
      if (!jobListeners.isEmpty()) registerJobEvents(fresh);
    });
  }

  /** Under the session's write lock at close: unregisters the listener, frees the handles; returns what to run once the lock is released. */
  Runnable beforeClose(LibvirtConnect c) {
    if (registered != null && c != null) {
      try {
        c.removeLifecycleListener(registered);
      } catch (org.libvirt.LibvirtException | RuntimeException e) {
        LOG.debug("removing the lifecycle listener: {}", e.getMessage());
      }
    }
    registered = null;
    listeners.clear();
    deregisterJobEvents(c);
    jobListeners.clear();
    boolean release = loopHeld;
    loopHeld = false;
    handles.clear();
    return release ? LibvirtEventLoop::release : null;   // outside the lock: it joins the loop thread
  }

  // ------------------------------------------------------------------ the lifecycle shape

  @Override Domain lookupByName(LibvirtConnect c, String name) throws org.libvirt.LibvirtException { return c.domainLookupByName(name); }

  @Override void free(Domain d) throws org.libvirt.LibvirtException { d.free(); }

  @Override ObjectRef ref(Domain d) throws org.libvirt.LibvirtException { return new ObjectRef(d.getName(), d.getUUIDString()); }

  @Override Domain defineXml(LibvirtConnect c, String xml) throws org.libvirt.LibvirtException { return c.domainDefineXML(xml); }

  @Override Domain createXml(LibvirtConnect c, String xml) throws org.libvirt.LibvirtException { return c.domainCreateXML(xml, 0); }

  @Override List<ObjectRef> listAll(LibvirtConnect c) throws org.libvirt.LibvirtException { return listAll(c, Set.of()); }

  @Override String xmlDesc(Domain d, boolean inactive) throws org.libvirt.LibvirtException { return d.getXMLDesc(inactive ? XML_INACTIVE : 0); }

  @Override void start(Domain d) throws org.libvirt.LibvirtException { d.create(); }

  @Override void destroy(Domain d) throws org.libvirt.LibvirtException { d.destroy(); }

  @Override void undefine(Domain d) throws org.libvirt.LibvirtException { d.undefine(0); }

  @Override boolean isActive(Domain d) throws org.libvirt.LibvirtException { return d.isActive() == 1; }

  @Override boolean isPersistent(Domain d) throws org.libvirt.LibvirtException { return d.isPersistent() == 1; }

  @Override boolean autostart(Domain d) throws org.libvirt.LibvirtException { return d.getAutostart(); }

  @Override void setAutostart(Domain d, boolean autostart) throws org.libvirt.LibvirtException { d.setAutostart(autostart); }

  @Override String nameOf(String xml) {
    Matcher m = NAME.matcher(xml);
    return m.find() ? m.group(1) : "?";
  }

  /** A handle a define, create or lookup returned is kept: the next call on the domain (start, usually) needs no lookup. */
  @Override void release(LibvirtConnect c, String name, Domain d) { handles.put(c, name, d); }

  /**
   * Runs {@code call} on domain {@code name} through this thread's kept handle, looking the name up when
   * there is none or the kept one is stale ({@code VIR_ERR_NO_DOMAIN}: the domain was undefined, maybe
   * re-created, meanwhile). Retrying after that error is safe: libvirt did nothing.
   */
  @Override <T> T on(String op, String name, ObjectCall<Domain, T> call) {
    if (handles.oversized()) session.tryWriteLocked(handles::clear);
    return session.call(op + " domain '" + name + "'", kind, name, c -> {
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
      handles.add(c, name, d);
      return call.apply(d);
    });
  }

  // ------------------------------------------------------------------ the lifecycle calls (JNA, own handles)

  /** A libvirt C function on a domain's native handle: its return value, negative on failure. */
  @FunctionalInterface
  private interface PointerCall {
    int apply(Pointer dom);
  }

  /**
   * Like {@link #on}, for a {@link LibvirtDomainCalls} function on the kept native handle: {@code verb}
   * and the name make the failure's operation ("suspend domain 'web'"), built only on failure.
   */
  private void onPointer(String verb, String name, PointerCall call) { onPointer(verb, name, call, false); }

  /** {@code drop}: the handle is freed once the call succeeded (undefine: the domain is gone, or transient and rarely called again). */
  private void onPointer(String verb, String name, PointerCall call, boolean drop) {
    if (handles.oversized()) session.tryWriteLocked(handles::clear);
    session.callNative(c -> {
      Pointer kept = handles.pointer(c, name);
      if (kept != null) {
        if (call.apply(kept) >= 0) {
          if (drop) handles.evict(name);
          return null;
        }
        KvmException k = session.failNative(c, verb + " domain '" + name + "'", kind, name);
        if (!(k instanceof io.kvmsdk.core.NotFoundException nf) || !nf.kind().equals(kind)) throw k;
        handles.evict(name);
      }
      Pointer d = calls.virDomainLookupByName(session.pointer(c), name);
      if (d == null) throw session.failNative(c, verb + " domain '" + name + "'", kind, name);
      handles.add(c, name, d);
      if (call.apply(d) < 0) throw session.failNative(c, verb + " domain '" + name + "'", kind, name);
      if (drop) handles.evict(name);
      return null;
    });
  }

  @Override public ObjectRef define(String xml) { return made("define", xml, null); }

  @Override public ObjectRef create(String xml) { return made("create", xml, null); }

  /** {@code virDomainDefineXML} without reading back the name the caller wrote (JNA's string conversion costs ~2 us). */
  @Override public ObjectRef define(String xml, String name) { return made("define", xml, Objects.requireNonNull(name, "name")); }

  /** {@code virDomainCreateXML} without reading back the name the caller wrote. */
  @Override public ObjectRef create(String xml, String name) { return made("create", xml, Objects.requireNonNull(name, "name")); }

  /**
   * {@code virDomainDefineXML} or {@code virDomainCreateXML}; the handle it returns is kept for the next call.
   * {@code name}: the {@code <name>} of {@code xml} as the caller knows it, or null to read it back.
   */
  private ObjectRef made(String verb, String xml, String name) {
    return session.callNative(c -> {
      Pointer conn = session.pointer(c);
      Pointer dom = verb.equals("define") ? calls.virDomainDefineXML(conn, xml) : calls.virDomainCreateXML(conn, xml, 0);
      if (dom == null) throw failMade(c, verb, xml);
      String made = name != null ? name : calls.virDomainGetName(dom);
      if (made == null) {
        KvmException k = failMade(c, verb, xml);
        calls.virDomainFree(dom);
        throw k;
      }
      return kept(c, made, dom, verb, xml);
    });
  }

  /** The reference to the domain {@code dom} just made, its UUID read back; the handle is kept for the next call (freed on failure). */
  private ObjectRef kept(LibvirtConnect c, String name, Pointer dom, String verb, String xml) {
    byte[] uuid = new byte[16];
    if (calls.virDomainGetUUID(dom, uuid) < 0) {
      KvmException k = failMade(c, verb, xml);
      calls.virDomainFree(dom);
      throw k;
    }
    handles.put(c, name, dom);
    return new ObjectRef(name, uuidString(uuid));
  }

  /** libvirt's {@code virUUIDFormat} of 16 raw bytes: lowercase hex, dashed 8-4-4-4-12 (as {@link java.util.UUID} prints them). */
  static String uuidString(byte[] uuid) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(uuid);
    return new java.util.UUID(b.getLong(), b.getLong()).toString();
  }

  private KvmException failMade(LibvirtConnect c, String verb, String xml) {
    String name = nameOf(xml);
    return session.failNative(c, verb + " domain '" + name + "'", "definition", name);
  }

  @Override public void start(String name) { onPointer("start", name, calls::virDomainCreate); }

  @Override public void destroy(String name) { onPointer("destroy", name, calls::virDomainDestroy); }

  @Override public void suspend(String name) { onPointer("suspend", name, calls::virDomainSuspend); }

  @Override public void resume(String name) { onPointer("resume", name, calls::virDomainResume); }

  @Override public void undefine(String name, Set<UndefineOption> options) {
    int flags = 0;
    for (UndefineOption o : options) flags |= o.flag();
    int f = flags;
    onPointer("undefine", name, d -> calls.virDomainUndefineFlags(d, f), true);
  }

  @Override public DomainState state(String name) {
    int[] state = new int[1];
    onPointer("get the state of", name, d -> calls.virDomainGetState(d, state, new int[1], 0));
    return DomainState.of(state[0]);
  }

  private void onVoid(String op, String name, ObjectCall<Domain, ?> call) { on(op, name, call); }

  // ------------------------------------------------------------------ domains

  @Override public List<ObjectRef> list(Set<DomainFilter> filters) { return session.call("list domains", "connection", session.uri(), c -> listAll(c, filters)); }

  private static List<ObjectRef> listAll(LibvirtConnect c, Set<DomainFilter> filters) throws org.libvirt.LibvirtException {
    int flags = filters.stream().mapToInt(DomainFilter::flag).reduce(0, (a, b) -> a | b);
    Domain[] all = c.listAllDomains(flags);
    List<ObjectRef> out = new ArrayList<>(all.length);
    try {
      for (Domain d : all) out.add(new ObjectRef(d.getName(), d.getUUIDString()));
    } finally {
      for (Domain d : all) d.free();
    }
    return out;
  }

  @Override public List<ObjectRef> list() { return list(Set.of()); }


  @Override public boolean isActive(String name) { return state(name).isActive(); }

  @Override public void shutdown(String name) { onVoid("shut down", name, d -> { d.shutdown(); return null; }); }

  @Override public void reboot(String name) { onVoid("reboot", name, d -> { d.reboot(0); return null; }); }

  @Override public void undefine(String name) { undefine(name, Set.of()); }


  @Override public void migrate(String name, Hypervisor destination, Set<MigrateOption> options) {
    if (!(destination instanceof LibvirtHypervisor dst)) {
      throw new KvmException("cannot migrate domain '" + name + "' from " + session.uri() + " to " + destination
          + ": both ends must be libvirt connections");
    }
    long flags = options.stream().mapToLong(MigrateOption::flag).reduce(0, (a, b) -> a | b);
    dst.session().withCurrent(target -> {
      onVoid("migrate", name, d -> {
        Domain moved = d.migrate(target, flags, null, null, 0);
        if (moved != null) moved.free();
        return null;
      });
      return null;
    });
  }

  private static int flags(Set<MigrateOption> options) { return options.stream().mapToInt(MigrateOption::flag).reduce(0, (a, b) -> a | b); }

  @Override public void migrate(String name, Hypervisor destination, Map<String, Object> params, Set<MigrateOption> options) {
    if (!(destination instanceof LibvirtHypervisor dst)) {
      throw new KvmException("cannot migrate domain '" + name + "' from " + session.uri() + " to " + destination
          + ": both ends must be libvirt connections");
    }
    int flags = flags(options);
    String op = "migrate domain '" + name + "' to " + dst.uri();
    dst.session().withCurrent(target -> onNative(op, name, (c, dom) -> {
      try (LibvirtTypedParams.Built tp = LibvirtTypedParams.build(params)) {
        Pointer moved = LibvirtNative.INSTANCE.virDomainMigrate3(dom, dst.session().pointer(target), tp.params, tp.count, flags);
        if (moved == null) throw session.failNative(c, op, kind, name);
        LibvirtNative.INSTANCE.virDomainFree(moved);
      }
      return null;
    }));
  }

  @Override public void migrateToUri(String name, String destinationUri, Map<String, Object> params, Set<MigrateOption> options) {
    int flags = flags(options);
    String op = "migrate domain '" + name + "' to " + destinationUri;
    onNative(op, name, (c, dom) -> {
      try (LibvirtTypedParams.Built tp = LibvirtTypedParams.build(params)) {
        if (LibvirtNative.INSTANCE.virDomainMigrateToURI3(dom, destinationUri, tp.params, tp.count, flags) < 0) {
          throw session.failNative(c, op, kind, name);
        }
      }
      return null;
    });
  }

  private static final int JOB_STATS_COMPLETED = 1 | 2;   // VIR_DOMAIN_JOB_STATS_COMPLETED | VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED
  private static final int MAX_SPEED_POSTCOPY = 1;        // VIR_DOMAIN_MIGRATE_MAX_SPEED_POSTCOPY

  @Override public DomainJobStats jobStats(String name, boolean completed) {
    String op = "get the job statistics of domain '" + name + "'";
    return onNative(op, name, (c, dom) -> {
      com.sun.jna.ptr.IntByReference type = new com.sun.jna.ptr.IntByReference();
      PointerByReference params = new PointerByReference();
      com.sun.jna.ptr.IntByReference n = new com.sun.jna.ptr.IntByReference();
      if (LibvirtNative.INSTANCE.virDomainGetJobStats(dom, type, params, n, completed ? JOB_STATS_COMPLETED : 0) < 0) {
        throw session.failNative(c, op, kind, name);
      }
      try {
        return DomainJobStats.of(name, DomainJobType.of(type.getValue()),
            params.getValue() == null ? Map.of() : LibvirtTypedParams.read(params.getValue(), n.getValue()));
      } finally {
        if (params.getValue() != null) LibvirtNative.INSTANCE.virTypedParamsFree(params.getValue(), n.getValue());
      }
    });
  }

  @Override public void abortJob(String name) {
    String op = "abort the job of domain '" + name + "'";
    onNative(op, name, (c, dom) -> check(c, op, name, LibvirtNative.INSTANCE.virDomainAbortJob(dom)));
  }

  @Override public void migrateSetMaxDowntime(String name, long millis) {
    String op = "set the maximum migration downtime of domain '" + name + "'";
    onNative(op, name, (c, dom) -> check(c, op, name, LibvirtNative.INSTANCE.virDomainMigrateSetMaxDowntime(dom, millis, 0)));
  }

  @Override public long migrateGetMaxDowntime(String name) {
    String op = "get the maximum migration downtime of domain '" + name + "'";
    return onNative(op, name, (c, dom) -> {
      com.sun.jna.ptr.LongByReference v = new com.sun.jna.ptr.LongByReference();
      check(c, op, name, LibvirtNative.INSTANCE.virDomainMigrateGetMaxDowntime(dom, v, 0));
      return v.getValue();
    });
  }

  @Override public void migrateSetMaxSpeed(String name, long mibPerSecond, boolean postcopy) {
    String op = "set the maximum migration speed of domain '" + name + "'";
    onNative(op, name, (c, dom) -> check(c, op, name,
        LibvirtNative.INSTANCE.virDomainMigrateSetMaxSpeed(dom, new com.sun.jna.NativeLong(mibPerSecond), postcopy ? MAX_SPEED_POSTCOPY : 0)));
  }

  @Override public long migrateGetMaxSpeed(String name, boolean postcopy) {
    String op = "get the maximum migration speed of domain '" + name + "'";
    return onNative(op, name, (c, dom) -> {
      com.sun.jna.ptr.NativeLongByReference v = new com.sun.jna.ptr.NativeLongByReference();
      check(c, op, name, LibvirtNative.INSTANCE.virDomainMigrateGetMaxSpeed(dom, v, postcopy ? MAX_SPEED_POSTCOPY : 0));
      return v.getValue().longValue();
    });
  }

  @Override public void migrateStartPostCopy(String name) {
    String op = "start post-copy of the migration of domain '" + name + "'";
    onNative(op, name, (c, dom) -> check(c, op, name, LibvirtNative.INSTANCE.virDomainMigrateStartPostCopy(dom, 0)));
  }

  /** A JNA call on domain {@code name}'s native handle (looked up and freed around the call). */
  @FunctionalInterface
  private interface NativeCall<T> {
    T apply(LibvirtConnect c, Pointer dom);
  }

  private <T> T onNative(String op, String name, NativeCall<T> call) {
    return session.callNative(c -> {
      Pointer dom = LibvirtNative.INSTANCE.virDomainLookupByName(session.pointer(c), name);
      if (dom == null) throw session.failNative(c, op, kind, name);
      try {
        return call.apply(c, dom);
      } finally {
        LibvirtNative.INSTANCE.virDomainFree(dom);
      }
    });
  }

  private Void check(LibvirtConnect c, String op, String name, int rc) {
    if (rc < 0) throw session.failNative(c, op, kind, name);
    return null;
  }

  // ------------------------------------------------------------------ statistics (JNA)

  @Override public Map<String, Object> stats(String name) {
    return session.callNative(c -> {
      String op = "get statistics of domain '" + name + "'";
      Pointer dom = LibvirtNative.INSTANCE.virDomainLookupByName(session.pointer(c), name);
      if (dom == null) throw session.failNative(c, op, kind, name);
      PointerByReference ret = new PointerByReference();
      try {
        if (LibvirtNative.INSTANCE.virDomainListGetStats(new Pointer[] {dom, null}, 0, ret, 0) < 0) throw session.failNative(c, op, kind, name);
        try {
          return LibvirtTypedParams.readRecords(ret.getValue()).values().stream().findFirst().orElse(Map.of());
        } finally {
          LibvirtNative.INSTANCE.virDomainStatsRecordListFree(ret.getValue());
        }
      } finally {
        LibvirtNative.INSTANCE.virDomainFree(dom);
      }
    });
  }

  @Override public Map<String, Map<String, Object>> allStats() {
    return session.callNative(c -> {
      PointerByReference ret = new PointerByReference();
      if (LibvirtNative.INSTANCE.virConnectGetAllDomainStats(session.pointer(c), 0, ret, 0) < 0) {
        throw session.failNative(c, "get statistics of all domains", "connection", session.uri());
      }
      try {
        return LibvirtTypedParams.readRecords(ret.getValue());
      } finally {
        LibvirtNative.INSTANCE.virDomainStatsRecordListFree(ret.getValue());
      }
    });
  }

  // ------------------------------------------------------------------ guest agent

  @Override public String agentCommand(String domain, String json, int timeoutSeconds) {
    return on("run a guest agent command in", domain, d -> d.qemuAgentCommand(json, timeoutSeconds, 0));
  }

  @Override public List<DomainInterfaceAddress> agentInterfaceAddresses(String domain) {
    return on("get the guest agent's interface addresses of", domain, d -> {
      java.util.Collection<org.libvirt.DomainInterface> all;
      try {
        all = d.interfaceAddresses(Domain.InterfaceAddressesSource.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT, 0);
      } catch (IllegalArgumentException e) {   // libvirt-java refuses an address it cannot read
        throw new KvmException("get the guest agent's interface addresses of domain '" + domain + "' failed: " + e.getMessage(), e);
      }
      List<DomainInterfaceAddress> out = new ArrayList<>();
      for (org.libvirt.DomainInterface i : all) {
        List<DomainIpAddress> ips = new ArrayList<>();
        if (i.addrs != null) {
          for (org.libvirt.DomainInterface.InterfaceAddress a : i.addrs) {
            boolean v6 = a.address instanceof java.net.Inet6Address;
            ips.add(new DomainIpAddress(v6 ? "ipv6" : "ipv4", LibvirtHypervisor.ipLiteral(a.address), a.prefixLength));
          }
        }
        out.add(new DomainInterfaceAddress(i.name, Optional.ofNullable(i.hwAddr).filter(m -> !m.isEmpty()), ips));
      }
      return out;
    });
  }

  @Override public String agentHostname(String domain) {
    return session.callNative(c -> {
      String op = "get the guest agent's hostname of domain '" + domain + "'";
      Pointer dom = LibvirtNative.INSTANCE.virDomainLookupByName(session.pointer(c), domain);
      if (dom == null) throw session.failNative(c, op, kind, domain);
      try {
        Pointer s = LibvirtNative.INSTANCE.virDomainGetHostname(dom, HOSTNAME_AGENT);
        if (s == null) throw session.failNative(c, op, kind, domain);
        try {
          return s.getString(0, "UTF-8");
        } finally {
          com.sun.jna.Native.free(Pointer.nativeValue(s));
        }
      } finally {
        LibvirtNative.INSTANCE.virDomainFree(dom);
      }
    });
  }

  // ------------------------------------------------------------------ snapshots

  /** The snapshot's name, read through the typed mapping (entities decoded). */
  private static Optional<String> snapshotName(String xml) { return SnapshotSpec.fromXml(xml).name(); }

  @FunctionalInterface
  private interface SnapshotCall<T> {
    T apply(Domain d, DomainSnapshot s) throws org.libvirt.LibvirtException;
  }

  private <T> T withSnapshot(String op, String domain, String snapshot, SnapshotCall<T> call) {
    return session.call(op + " snapshot '" + snapshot + "' of domain '" + domain + "'", "snapshot", domain + "/" + snapshot, c -> {
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

  @Override public String createSnapshot(String domain, String xml) {
    return on("create a snapshot of", domain, d -> {
      DomainSnapshot s = d.snapshotCreateXML(xml);
      try {
        return snapshotName(s.getXMLDesc()).orElse("");
      } finally {
        s.free();
      }
    });
  }

  @Override public List<String> snapshotNames(String domain) { return on("list snapshots of", domain, d -> Arrays.asList(d.snapshotListNames(0))); }

  @Override public Optional<String> snapshotXml(String domain, String snapshot) {
    return LibvirtSession.ifFound("snapshot", () -> withSnapshot("get", domain, snapshot, (d, s) -> s.getXMLDesc()));
  }

  @Override public Optional<String> currentSnapshot(String domain) {
    return on("get the current snapshot of", domain, d -> {
      if (d.hasCurrentSnapshot() != 1) return Optional.<String>empty();
      DomainSnapshot s = d.snapshotCurrent();
      try {
        return snapshotName(s.getXMLDesc());
      } finally {
        s.free();
      }
    });
  }

  @Override public void revertToSnapshot(String domain, String snapshot) { withSnapshot("revert to", domain, snapshot, (d, s) -> d.revertToSnapshot(s)); }

  @Override public void deleteSnapshot(String domain, String snapshot) { withSnapshot("delete", domain, snapshot, (d, s) -> s.delete(0)); }

  // ------------------------------------------------------------------ events

  @Override public KvmSubscription onLifecycle(Consumer<DomainEvent> listener) {
    session.writeLocked(c -> {
      if (c == null) throw new KvmException("the connection to '" + session.uri() + "' is closed");
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
      return null;
    });
    return new KvmSubscription() {
      private boolean done;

      @Override public void close() {
        Runnable after = session.writeLocked(c -> {
          if (done) return null;
          done = true;
          listeners.remove(listener);
          if (!listeners.isEmpty() || c == null) return null;
          if (registered != null) {
            try {
              c.removeLifecycleListener(registered);
            } catch (org.libvirt.LibvirtException | RuntimeException e) {
              LOG.debug("removing the lifecycle listener: {}", e.getMessage());
            }
            registered = null;
          }
          return releaseLoopIfIdle();
        });
        if (after != null) after.run();
      }
    };
  }

  /** Under the write lock: the event loop is released once neither lifecycle nor job listeners need it; returns what to run after the lock. */
  private Runnable releaseLoopIfIdle() {
    if (!listeners.isEmpty() || !jobListeners.isEmpty() || !loopHeld) return null;
    loopHeld = false;
    return LibvirtEventLoop::release;
  }

  @Override public KvmSubscription onJobEvent(Consumer<DomainJobEvent> listener) {
    session.writeLocked(c -> {
      if (c == null) throw new KvmException("the connection to '" + session.uri() + "' is closed");
      jobListeners.add(listener);
      if (!loopHeld) {
        LibvirtEventLoop.acquire();
        loopHeld = true;
      }
      if (jobCallbacks == null) {
        try {
          registerJobEvents(c);
        } catch (KvmException e) {
          jobListeners.remove(listener);
          throw e;
        }
      }
      return null;
    });
    return new KvmSubscription() {
      private boolean done;

      @Override public void close() {
        Runnable after = session.writeLocked(c -> {
          if (done) return null;
          done = true;
          jobListeners.remove(listener);
          if (!jobListeners.isEmpty() || c == null) return null;
          deregisterJobEvents(c);
          return releaseLoopIfIdle();
        });
        if (after != null) after.run();
      }
    };
  }

  private static final int EVENT_MIGRATION_ITERATION = 20, EVENT_JOB_COMPLETED = 21;   // VIR_DOMAIN_EVENT_ID_*

  /** Registers the two job callbacks on {@code c} (all domains); holds the write lock. */
  private void registerJobEvents(LibvirtConnect c) {
    Pointer conn = session.pointer(c);
    int it = LibvirtNative.INSTANCE.virConnectDomainEventRegisterAny(conn, null, EVENT_MIGRATION_ITERATION, onIteration, null, null);
    if (it < 0) throw session.failNative(c, "register a migration event listener on '" + session.uri() + "'", "connection", session.uri());
    int done = LibvirtNative.INSTANCE.virConnectDomainEventRegisterAny(conn, null, EVENT_JOB_COMPLETED, onCompleted, null, null);
    if (done < 0) {
      KvmException e = session.failNative(c, "register a job event listener on '" + session.uri() + "'", "connection", session.uri());
      LibvirtNative.INSTANCE.virConnectDomainEventDeregisterAny(conn, it);
      throw e;
    }
    jobCallbacks = new int[] {it, done};
  }

  private void deregisterJobEvents(LibvirtConnect c) {
    int[] ids = jobCallbacks;
    jobCallbacks = null;
    if (ids == null || c == null || c.pointer() == null) return;
    for (int id : ids) {
      if (LibvirtNative.INSTANCE.virConnectDomainEventDeregisterAny(c.pointer(), id) < 0) LOG.debug("deregistering job event callback {} failed", id);
    }
  }

  private void fanOut(DomainJobEvent ev) {
    for (Consumer<DomainJobEvent> each : jobListeners) {
      try {
        each.accept(ev);
      } catch (RuntimeException e) {
        LOG.warn("a job event listener failed on {}", ev, e);
      }
    }
  }

  /** libvirt-java's private raw detail number, read when it names a detail {@code UNKNOWN} (libvirt 9.0 knows more). */
  private static final java.lang.reflect.Field RAW_DETAIL = rawDetailField();

  private static java.lang.reflect.Field rawDetailField() {
    try {
      java.lang.reflect.Field f = org.libvirt.event.DomainEvent.class.getDeclaredField("detail");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The event's detail as libvirt names it. libvirt-java 0.5.4 names the post-copy details
   * ({@code VIR_DOMAIN_EVENT_SUSPENDED_POSTCOPY}(7)/{@code _POSTCOPY_FAILED}(8),
   * {@code VIR_DOMAIN_EVENT_RESUMED_POSTCOPY}(3)/{@code _POSTCOPY_FAILED}(4)) {@code UNKNOWN}; they are
   * named here from the raw number. Other unknown details stay {@code UNKNOWN}, as before.
   */
  static String detailName(org.libvirt.event.DomainEvent event) {
    Object d = event.getDetail();
    String name = d == null ? "UNKNOWN" : String.valueOf(d);
    if (!name.equals("UNKNOWN") || event.getType() == null || RAW_DETAIL == null) return name;
    int raw;
    try {
      raw = RAW_DETAIL.getInt(event);
    } catch (IllegalAccessException | RuntimeException e) {
      return name;
    }
    return switch (event.getType()) {
      case SUSPENDED -> raw == 7 ? "POSTCOPY" : raw == 8 ? "POSTCOPY_FAILED" : name;
      case RESUMED -> raw == 3 ? "POSTCOPY" : raw == 4 ? "POSTCOPY_FAILED" : name;
      default -> name;
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
      DomainEvent ev = new DomainEvent(name, DomainEventType.of(event.getType() == null ? -1 : event.getType().ordinal()),
          detailName(event));
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
      if (reason != ConnectionCloseReason.CLIENT) session.markBroken(c, "closed by " + reason);
    };
    try {
      c.addLifecycleListener(l);
      registered = l;
    } catch (org.libvirt.LibvirtException e) {
      throw LibvirtErrors.map("register a lifecycle listener on '" + session.uri() + "'", "connection", session.uri(), e);
    }
    try {
      c.registerCloseListener(onClose);
      c.setKeepAlive(5, 3);
    } catch (org.libvirt.LibvirtException | RuntimeException e) {
      LOG.debug("keepalive/close listener not available on {}: {}", session.uri(), e.getMessage());
    }
  }
}
