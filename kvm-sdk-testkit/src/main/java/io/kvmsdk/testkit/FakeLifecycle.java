package io.kvmsdk.testkit;

import static io.kvmsdk.testkit.FakeObjects.childText;

import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.spi.LifecycleDriver;
import io.kvmsdk.core.spi.ObjectRef;
import io.kvmsdk.core.xml.XmlElement;
import io.kvmsdk.testkit.FakeObjects.Driver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link LifecycleDriver} shape in the fake, once for every kind that has it (networks, storage
 * pools), as libvirt's {@code virNetworkObj}/{@code virStoragePoolObj} lists keep them: a persistent
 * definition apart from the running one, define over a name (same UUID: the next start's definition;
 * another UUID or none: refused), a UUID in use under another name refused, create over an inactive
 * definition, transient objects that vanish when stopped, autostart, a host crash and reboot. A kind
 * adds its canonical form and checks through the hooks. One instance per connection; the objects
 * ({@link Store}) belong to the host, and every call holds the host's lock and passes its faults.
 */
abstract class FakeLifecycle implements LifecycleDriver {
  /** One object: its persistent definition ({@code config}, null when transient) and its running one ({@code live}, null when inactive). */
  static final class Obj {
    final String name;
    final String uuid;
    XmlElement config;
    XmlElement live;
    boolean autostart;

    Obj(String name, String uuid) {
      this.name = name;
      this.uuid = uuid;
    }

    boolean active() { return live != null; }
  }

  /** The objects of one kind on one host, by name and by UUID. Guarded by the host's lock. */
  static final class Store {
    final Map<String, Obj> byName = new LinkedHashMap<>();
    final Map<String, Obj> byUuid = new HashMap<>();
    long seq;
  }

  /**
   * How a kind names itself: {@code word} in fault words ({@code startNetwork}), {@code kind} in
   * not-found errors and messages ({@code network 'x' is not active}), {@code noun} in libvirt's
   * duplicate messages ({@code pool 'x' already exists}), and libvirt's not-found error.
   */
  record Kind(String word, String kind, String noun, Driver driver, String noSuchCode, int noSuchNumber, String noSuchMessage) {}

  final FakeHypervisor conn;
  final FakeHypervisorState st;
  final Store store;
  final Kind k;

  FakeLifecycle(FakeHypervisor conn, Store store, Kind kind) {
    this.conn = conn;
    this.st = conn.st;
    this.store = store;
    this.k = kind;
  }

  // ------------------------------------------------------------------ what a kind adds

  /** Parses a definition, failing like libvirt's parser; checks what needs no other object (root, name). */
  abstract XmlElement parse(String op, String xml);

  /** Refuses {@code def} when it takes what another object holds (a bridge, a directory), before ({@link #conflictsFirst}) or after the UUID and name checks. */
  abstract void checkConflicts(String op, String name, XmlElement def);

  /** True when {@link #checkConflicts} comes before the UUID and name checks, as in libvirt's network driver. */
  boolean conflictsFirst() { return false; }

  /** The stored form of a definition: what libvirt fills in (the UUID, defaults). */
  abstract XmlElement canonical(String name, String uuid, XmlElement def);

  /** libvirt's message for starting an active object. */
  abstract String alreadyActive(String name);

  /** libvirt's refusal to autostart a transient object. */
  abstract LibvirtException autostartTransient(String op);

  /** Checks that {@code def} can start now (a dir pool's directory exists); throws libvirt's error otherwise. */
  void checkStartable(String op, Obj o, XmlElement def) {}

  /** The running definition made from {@code def} at start (what libvirt adds then). */
  XmlElement started(Obj o, XmlElement def) { return def; }

  /** Called after {@code o} stopped (its live definition is gone). */
  void stopped(Obj o) {}

  /** Called after {@code o} was stored, changed or removed ({@code gone}): the kind's indexes follow. */
  void indexed(Obj o, boolean gone) {}

  /** The XML of {@code o}: the live definition unless {@code inactive} asks for the persistent one. */
  XmlElement describe(Obj o, boolean inactive) { return o.live == null || (inactive && o.config != null) ? o.config : o.live; }

  // ------------------------------------------------------------------ shared

  NotFoundException notFound(String op, String name) {
    return k.driver().notFound(op, k.kind(), name, k.noSuchCode(), k.noSuchNumber(), k.noSuchMessage() + " with matching name '" + name + "'");
  }

  Obj obj(String op, String name) {
    Obj o = store.byName.get(name);
    if (o == null) throw notFound(op, name);
    return o;
  }

  String op(String verb, String name) { return verb + " " + k.kind() + " '" + name + "'"; }

  String newUuid(String name) { return FakeObjects.uuid(st.name, k.kind(), name, store.seq++); }

  /** A checked definition: parsed, its name and UUID, and the object it goes to (null: a new one). */
  record Parsed(XmlElement def, String name, String uuid, Obj existing) {}

  /** Parses and checks as {@code virXObjListAdd} does: the UUID first, then the name; {@code create} refuses an active object of that UUID. */
  Parsed check(String op, String xml, boolean create) {
    XmlElement def = parse(op, xml);
    String name = childText(def, "name");
    String uuid = FakeObjects.uuidOf(k.driver(), op, def);
    if (conflictsFirst()) checkConflicts(op, name, def);
    Obj existing = null;
    Obj byUuid = uuid == null ? null : store.byUuid.get(uuid);
    if (byUuid != null) {
      if (!byUuid.name.equals(name)) throw k.driver().failed(op, k.noun() + " '" + byUuid.name + "' is already defined with uuid " + byUuid.uuid);
      if (create && byUuid.active()) throw k.driver().invalid(op, k.noun() + " is already active as '" + byUuid.name + "'");
      existing = byUuid;
    } else if (store.byName.containsKey(name)) {
      throw k.driver().failed(op, k.noun() + " '" + name + "' already exists with uuid " + store.byName.get(name).uuid);
    }
    if (!conflictsFirst()) checkConflicts(op, name, def);
    return new Parsed(def, name, uuid, existing);
  }

  private Obj stored(Parsed p) {
    Obj o = p.existing != null ? p.existing : new Obj(p.name, p.uuid != null ? p.uuid : newUuid(p.name));
    store.byName.put(o.name, o);
    store.byUuid.put(o.uuid, o);
    return o;
  }

  void remove(Obj o) {
    store.byName.remove(o.name);
    store.byUuid.remove(o.uuid);
    indexed(o, true);
  }

  // ------------------------------------------------------------------ LifecycleDriver

  @Override public ObjectRef define(String xml) {
    synchronized (st.lock) {
      String op = "define " + k.kind();
      conn.enter(op, "define" + k.word(), null);
      Parsed p = check(op, xml, false);
      conn.enterObject(op("define", p.name), "define" + k.word(), p.name);
      Obj o = stored(p);
      o.config = canonical(o.name, o.uuid, p.def);
      indexed(o, false);
      conn.replied(op);
      return new ObjectRef(o.name, o.uuid);
    }
  }

  @Override public ObjectRef create(String xml) {
    synchronized (st.lock) {
      String op = "create " + k.kind();
      conn.enter(op, "create" + k.word(), null);
      Parsed p = check(op, xml, true);
      conn.enterObject(op("create", p.name), "create" + k.word(), p.name);
      String uuid = p.existing != null ? p.existing.uuid : p.uuid != null ? p.uuid : newUuid(p.name);
      XmlElement def = canonical(p.name, uuid, p.def);
      Obj probe = p.existing != null ? p.existing : new Obj(p.name, uuid);
      checkStartable(op, probe, def);
      Obj o = p.existing != null ? p.existing : stored(new Parsed(p.def, p.name, uuid, null));
      o.live = started(o, def);
      indexed(o, false);
      conn.replied(op);
      return new ObjectRef(o.name, o.uuid);
    }
  }

  @Override public Optional<ObjectRef> lookup(String name) {
    synchronized (st.lock) {
      conn.enter(op("look up", name), "lookup" + k.word(), name);
      Obj o = store.byName.get(name);
      return o == null ? Optional.empty() : Optional.of(new ObjectRef(o.name, o.uuid));
    }
  }

  /** Active objects first, then inactive ones, as {@code virConnectListX} and {@code virConnectListDefinedX} give them. */
  @Override public List<ObjectRef> list() {
    synchronized (st.lock) {
      conn.enter("list " + k.kind() + "s", "list" + k.word() + "s", null);
      List<ObjectRef> out = new ArrayList<>(store.byName.size());
      for (Obj o : store.byName.values()) if (o.active()) out.add(new ObjectRef(o.name, o.uuid));
      for (Obj o : store.byName.values()) if (!o.active()) out.add(new ObjectRef(o.name, o.uuid));
      return out;
    }
  }

  @Override public String xml(String name, boolean inactive) {
    synchronized (st.lock) {
      String op = "get the XML of " + k.kind() + " '" + name + "'";
      conn.enter(op, lower(k.word()) + "Xml", name);
      return describe(obj(op, name), inactive).toXml();
    }
  }

  @Override public void start(String name) {
    synchronized (st.lock) {
      String op = op("start", name);
      conn.enter(op, "start" + k.word(), name);
      Obj o = obj(op, name);
      if (o.active()) throw k.driver().invalid(op, alreadyActive(name));
      checkStartable(op, o, o.config);
      o.live = started(o, o.config);
      indexed(o, false);
      conn.replied(op);
    }
  }

  @Override public void destroy(String name) {
    synchronized (st.lock) {
      String op = op("destroy", name);
      conn.enter(op, "destroy" + k.word(), name);
      Obj o = obj(op, name);
      if (!o.active()) throw k.driver().invalid(op, k.kind() + " '" + name + "' is not active");
      stop(o);
      conn.replied(op);
    }
  }

  /** Stops {@code o}; a transient one vanishes. */
  void stop(Obj o) {
    o.live = null;
    stopped(o);
    if (o.config == null) remove(o); else indexed(o, false);
  }

  @Override public void undefine(String name) {
    synchronized (st.lock) {
      String op = op("undefine", name);
      conn.enter(op, "undefine" + k.word(), name);
      undefine(op, obj(op, name));
      conn.replied(op);
    }
  }

  /** Removes {@code o}'s persistent definition; an active object goes on as a transient one (a kind may refuse that). */
  void undefine(String op, Obj o) {
    if (o.config == null) throw k.driver().invalid(op, "can't undefine transient " + k.kind());
    o.config = null;
    o.autostart = false;
    if (!o.active()) remove(o); else indexed(o, false);
  }

  @Override public boolean isActive(String name) {
    synchronized (st.lock) {
      String op = "ask the state of " + k.kind() + " '" + name + "'";
      conn.enter(op, "is" + k.word() + "Active", name);
      return obj(op, name).active();
    }
  }

  @Override public boolean isPersistent(String name) {
    synchronized (st.lock) {
      String op = "ask persistence of " + k.kind() + " '" + name + "'";
      conn.enter(op, "is" + k.word() + "Persistent", name);
      return obj(op, name).config != null;
    }
  }

  @Override public boolean autostart(String name) {
    synchronized (st.lock) {
      String op = "get autostart of " + k.kind() + " '" + name + "'";
      conn.enter(op, lower(k.word()) + "Autostart", name);
      return obj(op, name).autostart;
    }
  }

  @Override public void setAutostart(String name, boolean autostart) {
    synchronized (st.lock) {
      String op = "set autostart of " + k.kind() + " '" + name + "'";
      conn.enter(op, "set" + k.word() + "Autostart", name);
      Obj o = obj(op, name);
      if (o.config == null) throw autostartTransient(op);
      o.autostart = autostart;
      conn.replied(op);
    }
  }

  // ------------------------------------------------------------------ host

  /** The host went down: every object stops, transient ones vanish. The caller holds the lock. */
  void hostDown() {
    for (Obj o : new ArrayList<>(store.byName.values())) if (o.active()) stop(o);
  }

  /** The host is up again: libvirtd starts the autostart objects that can start (it logs the others). The caller holds the lock. */
  void hostUp() {
    for (Obj o : store.byName.values()) {
      if (!o.autostart || o.active()) continue;
      try {
        checkStartable("autostart " + k.kind() + " '" + o.name + "'", o, o.config);
      } catch (RuntimeException e) {
        continue;
      }
      o.live = started(o, o.config);
      indexed(o, false);
    }
  }

  static String lower(String word) { return Character.toLowerCase(word.charAt(0)) + word.substring(1); }

  @Override public String toString() { return getClass().getSimpleName() + "[" + conn.uri() + "]"; }
}
