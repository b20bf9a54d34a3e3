package io.kvmsdk.testkit;

import static io.kvmsdk.testkit.FakeObjects.child;
import static io.kvmsdk.testkit.FakeObjects.childText;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.spi.Hypervisor.StoragePoolRef;
import io.kvmsdk.core.xml.XmlElement;
import io.kvmsdk.testkit.FakeObjects.Driver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The storage pools and volumes of one fake host, as libvirt's storage driver keeps them. A
 * {@code dir} pool lives in a directory of the fake host: it must exist to start the pool
 * ({@code virStoragePoolBuild} creates it; {@code /var/lib/libvirt/images} exists from the start),
 * its volumes are files there and outlive the pool's definition, and {@code virStoragePoolDelete}
 * removes it once empty. Pools of other types start without a check and keep their volumes with
 * them. Callers hold the host's lock.
 */
final class FakeStorage {
  private static final Driver STORAGE = Driver.STORAGE;
  /** What an active pool reports as its capacity (the fake host's file system). */
  static final long CAPACITY = 100L << 30;
  /** What libvirt reports for a fresh qcow2 volume: its allocation and its file size. */
  private static final long QCOW2_ALLOCATION = 200704, QCOW2_PHYSICAL = 196616;

  /** One pool. */
  static final class Pool {
    final String name;
    final String uuid;
    XmlElement def;          // the definition in force (capacity figures zero)
    XmlElement newDef;       // a redefinition waiting for the next start, or null
    boolean active;
    boolean persistent;
    boolean autostart;

    Pool(String name, String uuid) {
      this.name = name;
      this.uuid = uuid;
    }

    String type() { return def.attr("type"); }

    /** Where its volumes live: the directory of a dir pool, else the pool itself. */
    String storage() { return isDir() ? path(def) : "pool:" + name; }

    boolean isDir() { return "dir".equals(type()); }
  }

  /** One volume: its name and libvirt's XML for it. */
  record Vol(String name, long allocation, XmlElement xml) {}

  private final String host;
  private final Map<String, Pool> pools = new LinkedHashMap<>();
  private final Set<String> dirs = new HashSet<>(Set.of("/var/lib/libvirt/images"));
  private final Map<String, Map<String, Vol>> files = new LinkedHashMap<>();
  private long seq;

  FakeStorage(String host) { this.host = host; }

  // ------------------------------------------------------------------ errors

  private static NotFoundException noPool(String op, String name) {
    return STORAGE.notFound(op, "storage pool", name, "VIR_ERR_NO_STORAGE_POOL", 49,
        "Storage pool not found: no storage pool with matching name '" + name + "'");
  }

  private static NotFoundException noVolume(String op, String pool, String name) {
    return STORAGE.notFound(op, "storage volume", pool + "/" + name, "VIR_ERR_NO_STORAGE_VOL", 50,
        "Storage volume not found: no storage vol with matching name '" + name + "'");
  }

  private Pool pool(String op, String name) {
    Pool p = pools.get(name);
    if (p == null) throw noPool(op, name);
    return p;
  }

  private Pool activePool(String op, String name) {
    Pool p = pool(op, name);
    if (!p.active) throw STORAGE.invalid(op, "storage pool '" + name + "' is not active");
    return p;
  }

  // ------------------------------------------------------------------ definitions

  /** The target path of a pool definition, sanitized as libvirt does (no doubled or trailing slash). */
  static String path(XmlElement def) {
    String p = childText(child(def, "target"), "path");
    if (p == null) return null;
    p = p.replaceAll("/{2,}", "/");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  private record Parsed(XmlElement def, String name, String uuid, Pool existing) {}

  /** Parses and checks a definition as {@code virStoragePoolObjListAdd} does: UUID, then name, then a source another pool uses. */
  private Parsed parse(String op, String xml, boolean checkActive) {
    XmlElement def = FakeObjects.parse(STORAGE, op, xml, "pool");
    String name = childText(def, "name");
    if (name == null || name.isEmpty()) throw STORAGE.xml(op, "missing pool source name element");
    if (def.attr("type") == null) throw STORAGE.xml(op, "storage pool missing type attribute");
    String uuid = FakeObjects.uuidOf(STORAGE, op, def);
    Pool existing = null;
    Pool byUuid = uuid == null ? null : pools.values().stream().filter(p -> p.uuid.equals(uuid)).findFirst().orElse(null);
    if (byUuid != null) {
      if (!byUuid.name.equals(name)) throw STORAGE.failed(op, "pool '" + byUuid.name + "' is already defined with uuid " + byUuid.uuid);
      if (checkActive && byUuid.active) throw STORAGE.invalid(op, "pool is already active as '" + byUuid.name + "'");
      existing = byUuid;
    } else if (pools.containsKey(name)) {
      throw STORAGE.failed(op, "pool '" + name + "' already exists with uuid " + pools.get(name).uuid);
    }
    if ("dir".equals(def.attr("type"))) {
      String path = path(def);
      if (path == null) throw STORAGE.xml(op, "missing storage pool target path");
      for (Pool o : pools.values()) {
        if (!o.name.equals(name) && o.isDir() && path.equals(o.storage())) throw STORAGE.failed(op, "Storage source conflict with pool: '" + o.name + "'");
      }
    }
    return new Parsed(def, name, uuid, existing);
  }

  /** libvirt's stored form of an inactive pool: UUID after the name, zero capacity figures, a source element, the target path sanitized. */
  private static XmlElement canonical(XmlElement def, String uuid) {
    List<XmlElement> kids = FakeObjects.kids(def);
    FakeObjects.put(kids, FakeObjects.textElement("uuid", uuid), "name");
    FakeObjects.put(kids, FakeObjects.bytesElement("capacity", 0), "uuid");
    FakeObjects.put(kids, FakeObjects.bytesElement("allocation", 0), "capacity");
    FakeObjects.put(kids, FakeObjects.bytesElement("available", 0), "allocation");
    if (child(def, "source") == null) FakeObjects.put(kids, XmlElement.leaf("source"), "available");
    XmlElement target = child(def, "target");
    if (target != null && path(def) != null) {
      List<XmlElement> t = FakeObjects.kids(target);
      FakeObjects.put(t, FakeObjects.textElement("path", path(def)));
      FakeObjects.put(kids, FakeObjects.withChildren(target, t));
    }
    return FakeObjects.withChildren(def, kids);
  }

  /** The XML of {@code p}: an active pool reports the fake file system's capacity and what its volumes take. */
  private XmlElement render(Pool p, XmlElement def) {
    if (!p.active) return def;
    long allocation = 0;
    for (Vol v : volumes(p).values()) allocation += v.allocation();
    List<XmlElement> kids = FakeObjects.kids(def);
    FakeObjects.put(kids, FakeObjects.bytesElement("capacity", CAPACITY));
    FakeObjects.put(kids, FakeObjects.bytesElement("allocation", allocation));
    FakeObjects.put(kids, FakeObjects.bytesElement("available", CAPACITY - allocation));
    return FakeObjects.withChildren(def, kids);
  }

  private Map<String, Vol> volumes(Pool p) { return files.computeIfAbsent(p.storage(), k -> new LinkedHashMap<>()); }

  /** Starts {@code p} with definition {@code def}: a dir pool's directory must exist. */
  private void activate(String op, Pool p, XmlElement def) {
    if ("dir".equals(def.attr("type")) && !dirs.contains(path(def))) {
      throw Driver.NONE.system(op, "cannot open directory '" + path(def) + "': No such file or directory");
    }
    p.def = def;
    p.active = true;
  }

  // ------------------------------------------------------------------ pools

  String define(String xml) {
    String op = "define storage pool";
    Parsed d = parse(op, xml, false);
    Pool p = d.existing != null ? d.existing : new Pool(d.name, d.uuid != null ? d.uuid : FakeObjects.uuid(host, "pool", d.name, seq++));
    XmlElement def = canonical(d.def, p.uuid);
    if (p.active) p.newDef = def; else p.def = def;
    p.persistent = true;
    pools.put(p.name, p);
    return p.name;
  }

  String create(String xml) {
    String op = "create storage pool";
    Parsed d = parse(op, xml, true);
    boolean added = d.existing == null;
    Pool p = added ? new Pool(d.name, d.uuid != null ? d.uuid : FakeObjects.uuid(host, "pool", d.name, seq++)) : d.existing;
    XmlElement def = canonical(d.def, p.uuid);
    if (added) p.def = def;
    XmlElement persistentDef = p.def;
    activate(op, p, def);
    if (!added && p.persistent) p.newDef = persistentDef;   // the definition comes back once the pool stops
    pools.put(p.name, p);
    return p.name;
  }

  Optional<StoragePoolRef> lookup(String name) {
    Pool p = pools.get(name);
    return p == null ? Optional.empty() : Optional.of(new StoragePoolRef(p.name, p.uuid));
  }

  /** Active pools first, then inactive ones, as {@code virConnectListStoragePools} and {@code virConnectListDefinedStoragePools} give them. */
  List<String> list() {
    List<String> out = new ArrayList<>();
    for (Pool p : pools.values()) if (p.active) out.add(p.name);
    for (Pool p : pools.values()) if (!p.active) out.add(p.name);
    return out;
  }

  String xml(String name, boolean inactive) {
    Pool p = pool("get the XML of storage pool '" + name + "'", name);
    return (inactive && p.newDef != null ? p.newDef : render(p, p.def)).toXml();
  }

  void build(String name) {
    String op = "build storage pool '" + name + "'";
    Pool p = pool(op, name);
    if (p.active) throw STORAGE.invalid(op, "storage pool '" + name + "' is already active");
    if (p.isDir()) dirs.add(p.storage());
  }

  void start(String name) {
    String op = "start storage pool '" + name + "'";
    Pool p = pool(op, name);
    if (p.active) throw STORAGE.invalid(op, "storage pool '" + name + "' is already active");
    activate(op, p, p.def);
  }

  void destroy(String name) {
    String op = "destroy storage pool '" + name + "'";
    Pool p = pool(op, name);
    if (!p.active) throw STORAGE.invalid(op, "storage pool '" + name + "' is not active");
    p.active = false;
    if (!p.persistent) {
      pools.remove(name);
    } else if (p.newDef != null) {
      p.def = p.newDef;
      p.newDef = null;
    }
  }

  void delete(String name) {
    String op = "delete storage pool '" + name + "'";
    Pool p = pool(op, name);
    if (p.active) throw STORAGE.invalid(op, "storage pool '" + name + "' is still active");
    if (!p.isDir()) return;
    String dir = p.storage();
    if (!dirs.contains(dir)) throw STORAGE.system(op, "failed to remove pool '" + dir + "': No such file or directory");
    if (!files.getOrDefault(dir, Map.of()).isEmpty()) throw STORAGE.system(op, "failed to remove pool '" + dir + "': Directory not empty");
    dirs.remove(dir);
    files.remove(dir);
  }

  void undefine(String name) {
    String op = "undefine storage pool '" + name + "'";
    Pool p = pool(op, name);
    if (p.active) throw STORAGE.invalid(op, "storage pool '" + name + "' is still active");
    pools.remove(name);
  }

  boolean isActive(String name) { return pool("ask the state of storage pool '" + name + "'", name).active; }

  boolean isPersistent(String name) { return pool("ask persistence of storage pool '" + name + "'", name).persistent; }

  boolean autostart(String name) { return pool("get autostart of storage pool '" + name + "'", name).autostart; }

  void setAutostart(String name, boolean autostart) {
    String op = "set autostart of storage pool '" + name + "'";
    Pool p = pool(op, name);
    if (!p.persistent) throw STORAGE.internal(op, "pool has no config file");
    p.autostart = autostart;
  }

  void refresh(String name) { activePool("refresh storage pool '" + name + "'", name); }

  // ------------------------------------------------------------------ volumes

  String createVolume(String pool, String xml) {
    String op = "create a volume in storage pool '" + pool + "'";
    Pool p = activePool(op, pool);
    XmlElement def = FakeObjects.parse(STORAGE, op, xml, "volume");
    String name = childText(def, "name");
    if (name == null || name.isEmpty()) throw STORAGE.xml(op, "missing volume name element");
    XmlElement cap = child(def, "capacity");
    if (cap == null) throw STORAGE.xml(op, "missing capacity element");
    long capacity = bytes(op, cap);
    Map<String, Vol> vols = volumes(p);
    if (vols.containsKey(name)) throw STORAGE.error(op, "VIR_ERR_STORAGE_VOL_EXIST", 90, "storage volume '" + name + "' exists already");
    String format = Optional.ofNullable(child(child(def, "target"), "format")).map(f -> f.attr("type")).orElse("raw");
    XmlElement alloc = child(def, "allocation");
    boolean qcow2 = format.equals("qcow2");
    long allocation = qcow2 ? QCOW2_ALLOCATION : alloc != null ? Math.min(bytes(op, alloc), capacity) : capacity;
    long physical = qcow2 ? QCOW2_PHYSICAL : capacity;
    String dir = p.isDir() ? p.storage() : Optional.ofNullable(path(p.def)).orElse("/" + p.name);
    String path = dir + "/" + name;
    XmlElement target = XmlElement.builder("target").child(FakeObjects.textElement("path", path))
        .child(XmlElement.builder("format").attr("type", format).build()).build();
    XmlElement out = XmlElement.builder("volume").attr("type", "file").child(FakeObjects.textElement("name", name))
        .child(FakeObjects.textElement("key", path)).child(FakeObjects.bytesElement("capacity", capacity))
        .child(FakeObjects.bytesElement("allocation", allocation)).child(FakeObjects.bytesElement("physical", physical))
        .child(target).build();
    vols.put(name, new Vol(name, allocation, out));
    return name;
  }

  private static long bytes(String op, XmlElement size) {
    try {
      long n = Long.parseLong(size.text() == null ? "" : size.text().trim());
      return Size.of(n, Optional.ofNullable(size.attr("unit")).orElse("bytes")).bytes();
    } catch (NumberFormatException | InvalidSpecException e) {
      throw STORAGE.xml(op, "malformed " + size.name() + " element");
    }
  }

  List<String> listVolumes(String pool) {
    return List.copyOf(volumes(activePool("list the volumes of storage pool '" + pool + "'", pool)).keySet());
  }

  private Vol volume(String op, String pool, String name) {
    Vol v = volumes(activePool(op, pool)).get(name);
    if (v == null) throw noVolume(op, pool, name);
    return v;
  }

  String volumeXml(String pool, String name) {
    return volume("get the XML of storage volume '" + name + "' of pool '" + pool + "'", pool, name).xml().toXml();
  }

  void deleteVolume(String pool, String name) {
    String op = "delete storage volume '" + name + "' of pool '" + pool + "'";
    volume(op, pool, name);
    volumes(pools.get(pool)).remove(name);
  }

  // ------------------------------------------------------------------ host

  /** The host went down: every pool stops (volumes and directories stay), transient ones vanish. */
  void hostDown() {
    pools.values().removeIf(p -> {
      p.active = false;
      if (p.newDef != null) {
        p.def = p.newDef;
        p.newDef = null;
      }
      return !p.persistent;
    });
  }

  /** The host is up again: libvirtd starts the autostart pools whose storage exists (it logs the others). */
  void hostUp() {
    for (Pool p : pools.values()) {
      if (p.autostart && !p.active && (!p.isDir() || dirs.contains(p.storage()))) p.active = true;
    }
  }
}
