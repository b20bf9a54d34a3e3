package io.kvmsdk.testkit;

import static io.kvmsdk.testkit.FakeObjects.child;
import static io.kvmsdk.testkit.FakeObjects.childText;

import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.spi.StoragePoolDriver;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.core.xml.XmlElement;
import io.kvmsdk.testkit.FakeObjects.Driver;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The storage pools of one fake host, as libvirt's storage driver keeps them (the lifecycle in
 * {@link FakeLifecycle}). A {@code dir} pool lives in a directory of the fake host: it must exist to
 * start the pool ({@code virStoragePoolBuild} creates it; {@code /var/lib/libvirt/images} exists from
 * the start), its volumes are files there and outlive the pool's definition, and
 * {@code virStoragePoolDelete} removes it once empty. Pools of other types start without a check and
 * keep their volumes with them. An active pool reports the fake file system's capacity and what its
 * volumes take; undefining it is refused.
 */
final class FakeStoragePools extends FakeLifecycle implements StoragePoolDriver {
  static final Kind KIND = new Kind("StoragePool", "storage pool", "pool", Driver.STORAGE, "VIR_ERR_NO_STORAGE_POOL", 49,
      "Storage pool not found: no storage pool");
  /** What an active pool reports as its capacity (the fake host's file system). */
  static final long CAPACITY = 100L << 30;

  /** The storage of one host: its pools, the directories that exist, the volumes in each directory (or non-dir pool). */
  static final class Data {
    final Store store = new Store();
    final Set<String> dirs = new HashSet<>(Set.of("/var/lib/libvirt/images"));
    final Map<String, Map<String, FakeStorageVolumes.Vol>> files = new LinkedHashMap<>();
    final Map<String, String> sources = new HashMap<>();   // a dir pool's directory -> the pool
    final Map<String, Set<String>> sourcesOf = new HashMap<>();   // a pool -> its directories
  }

  private final Data data;

  FakeStoragePools(FakeHypervisor conn) {
    super(conn, conn.st.storage.store, KIND);
    this.data = conn.st.storage;
  }

  // ------------------------------------------------------------------ what volumes use

  /** The target path of a pool definition, sanitized as libvirt does (no doubled or trailing slash). */
  static String path(XmlElement def) {
    String p = childText(child(def, "target"), "path");
    if (p == null) return null;
    p = p.replaceAll("/{2,}", "/");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  /** The definition in force: the running one, else the persistent one. */
  static XmlElement def(Obj p) { return p.live != null ? p.live : p.config; }

  static boolean isDir(Obj p) { return "dir".equals(def(p).attr("type")); }

  /** Where the volumes of {@code p} live: the directory of a dir pool, else the pool itself. */
  static String storage(Obj p) { return isDir(p) ? path(def(p)) : "pool:" + p.name; }

  /** The volumes of {@code p}'s storage. */
  Map<String, FakeStorageVolumes.Vol> volumes(Obj p) { return data.files.computeIfAbsent(storage(p), x -> new LinkedHashMap<>()); }

  /** Active pool {@code name}, or libvirt's refusal. */
  Obj active(String op, String name) {
    Obj p = obj(op, name);
    if (!p.active()) throw k.driver().invalid(op, "storage pool '" + name + "' is not active");
    return p;
  }

  // ------------------------------------------------------------------ the kind

  /** libvirt's pool types ({@code virStoragePoolType}). */
  static final Set<String> TYPES = Set.of("dir", "fs", "netfs", "logical", "disk", "iscsi", "iscsi-direct", "scsi", "mpath", "rbd", "sheepdog",
      "gluster", "zfs", "vstorage");
  /** Types whose {@code <source>} needs a host, a directory, only a device, an adapter (libvirt's {@code VIR_STORAGE_POOL_SOURCE_*} flags). */
  private static final Set<String> NEED_HOST = Set.of("netfs", "iscsi", "iscsi-direct", "rbd", "sheepdog", "gluster"),
      NEED_DIR = Set.of("netfs", "gluster"), NEED_DEVICE = Set.of("fs", "disk"), NEED_ADAPTER = Set.of("scsi"),
      NETWORK = Set.of("iscsi-direct", "rbd", "sheepdog", "gluster", "vstorage");
  /** The source format libvirt fills in when the definition has none. */
  private static final Map<String, String> DEFAULT_FORMAT = Map.of("fs", "auto", "netfs", "auto", "logical", "lvm2", "disk", "unknown");
  /** libvirt's generic XML helpers report from {@code VIR_FROM_XML}. */
  private static final Driver XML = new Driver("VIR_FROM_XML", 5);

  /** As {@code virStoragePoolDefParseXML}: the type, the name, then what the type's source and target need, in libvirt's order. */
  @Override XmlElement parse(String op, String xml) {
    XmlElement def = FakeObjects.parse(k.driver(), op, xml, "pool");
    String type = def.attr("type");
    if (type == null) throw XML.xml(op, "Missing required attribute 'type' in element 'pool'");
    if (!TYPES.contains(type)) throw XML.xml(op, "Invalid value for attribute 'type' in element 'pool': '" + type + "'.");
    XmlElement source = child(def, "source");
    String format = Optional.ofNullable(child(source, "format")).map(f -> f.attr("type")).orElse(null);
    List<String> formats = StoragePoolSpec.sourceFormats(type);
    if (format != null && !formats.isEmpty() && !formats.contains(format)) {
      throw k.driver().error(op, "VIR_ERR_CONFIG_UNSUPPORTED", 67, "unsupported configuration: unknown pool format type " + format);
    }
    String name = childText(def, "name");
    if (name == null || name.isEmpty()) throw k.driver().xml(op, "missing pool source name element");
    if (name.contains("/")) throw k.driver().xml(op, "name " + name + " cannot contain '/'");
    if (NEED_HOST.contains(type) && child(source, "host") == null) throw k.driver().xml(op, "missing storage pool source host name");
    if (NEED_DIR.contains(type) && child(source, "dir") == null) throw k.driver().xml(op, "missing storage pool source path");
    if (NEED_ADAPTER.contains(type) && child(source, "adapter") == null) throw k.driver().xml(op, "missing storage pool source adapter");
    if (NEED_DEVICE.contains(type) && child(source, "device") == null) throw k.driver().xml(op, "missing storage pool source device name");
    if (!NETWORK.contains(type) && !type.equals("logical") && !type.equals("zfs") && path(def) == null) {
      throw k.driver().xml(op, "missing storage pool target path");
    }
    return def;
  }

  @Override void checkConflicts(String op, String name, XmlElement def) {
    if (!"dir".equals(def.attr("type"))) return;
    String path = path(def);
    String owner = data.sources.get(path);
    if (owner != null && !owner.equals(name)) throw k.driver().failed(op, "Storage source conflict with pool: '" + owner + "'");
  }

  /**
   * libvirt's stored form of an inactive pool: UUID after the name, zero capacity figures, a source
   * element with the type's defaults (a logical pool's volume group named after the pool and its
   * {@code /dev} path, the default source format), the target path sanitized.
   */
  @Override XmlElement canonical(String name, String uuid, XmlElement def) {
    String type = def.attr("type");
    List<XmlElement> kids = FakeObjects.kids(def);
    FakeObjects.put(kids, FakeObjects.textElement("uuid", uuid), "name");
    FakeObjects.put(kids, FakeObjects.bytesElement("capacity", 0), "uuid");
    FakeObjects.put(kids, FakeObjects.bytesElement("allocation", 0), "capacity");
    FakeObjects.put(kids, FakeObjects.bytesElement("available", 0), "allocation");
    XmlElement source = child(def, "source");
    List<XmlElement> src = source == null ? new java.util.ArrayList<>() : FakeObjects.kids(source);
    if (type.equals("logical") && child(source, "name") == null) FakeObjects.put(src, FakeObjects.textElement("name", name), "device", "host");
    if (DEFAULT_FORMAT.containsKey(type) && child(source, "format") == null) {
      FakeObjects.put(src, XmlElement.builder("format").attr("type", DEFAULT_FORMAT.get(type)).build(), "name", "adapter", "dir", "device", "host");
    }
    FakeObjects.put(kids, FakeObjects.withChildren(source != null ? source : XmlElement.leaf("source"), src), "available");
    XmlElement target = child(def, "target");
    String path = type.equals("logical") ? "/dev/" + Optional.ofNullable(childText(source, "name")).orElse(name) : path(def);
    if (path != null) {
      List<XmlElement> t = target == null ? new java.util.ArrayList<>() : FakeObjects.kids(target);
      FakeObjects.put(t, FakeObjects.textElement("path", path));
      FakeObjects.put(kids, FakeObjects.withChildren(target != null ? target : XmlElement.leaf("target"), t), "source");
    }
    return FakeObjects.withChildren(def, kids);
  }

  /** An iSCSI pool's hosts get libvirt's default port 3260 when it logs in at start. */
  @Override XmlElement started(Obj o, XmlElement def) {
    if (!"iscsi".equals(def.attr("type"))) return def;
    XmlElement source = child(def, "source");
    List<XmlElement> src = FakeObjects.kids(source);
    src.replaceAll(c -> c.name().equals("host") ? FakeObjects.withDefaultAttr(c, "port", "3260") : c);
    List<XmlElement> kids = FakeObjects.kids(def);
    FakeObjects.put(kids, FakeObjects.withChildren(source, src));
    return FakeObjects.withChildren(def, kids);
  }

  /** A dir pool starts only over an existing directory (libvirt's {@code virDirOpen} fails from no driver). */
  @Override void checkStartable(String op, Obj o, XmlElement def) {
    if ("dir".equals(def.attr("type")) && !data.dirs.contains(path(def))) {
      throw Driver.NONE.system(op, "cannot open directory '" + path(def) + "': No such file or directory");
    }
  }

  @Override void indexed(Obj o, boolean gone) {
    Set<String> old = data.sourcesOf.remove(o.name);
    if (old != null) for (String p : old) data.sources.remove(p, o.name);
    if (gone) return;
    Set<String> now = new HashSet<>();
    for (XmlElement d : new XmlElement[] {o.live, o.config}) {
      if (d != null && "dir".equals(d.attr("type")) && path(d) != null) now.add(path(d));
    }
    for (String p : now) data.sources.put(p, o.name);
    data.sourcesOf.put(o.name, now);
  }

  /** The persistent definition if it was redefined while running, else the one in force with what the active pool holds. */
  @Override XmlElement describe(Obj p, boolean inactive) {
    if (inactive && p.config != null && p.live != null && p.config != p.live) return p.config;
    XmlElement def = def(p);
    if (!p.active()) return def;
    long allocation = 0;
    for (FakeStorageVolumes.Vol v : volumes(p).values()) allocation += v.allocation;
    List<XmlElement> kids = FakeObjects.kids(def);
    FakeObjects.put(kids, FakeObjects.bytesElement("capacity", CAPACITY));
    FakeObjects.put(kids, FakeObjects.bytesElement("allocation", allocation));
    FakeObjects.put(kids, FakeObjects.bytesElement("available", CAPACITY - allocation));
    XmlElement target = child(def, "target");
    if (isDir(p) && target != null) {   // the directory's mode and owner as the refresh reads them (libvirt builds it 0711, as root)
      XmlElement perms = child(target, "permissions");
      List<XmlElement> pk = perms == null ? new java.util.ArrayList<>() : FakeObjects.kids(perms);
      FakeObjects.put(pk, FakeObjects.textElement("mode", Optional.ofNullable(childText(perms, "mode")).orElse("0711")));
      FakeObjects.put(pk, FakeObjects.textElement("owner", Optional.ofNullable(childText(perms, "owner")).orElse("0")), "mode");
      FakeObjects.put(pk, FakeObjects.textElement("group", Optional.ofNullable(childText(perms, "group")).orElse("0")), "owner");
      List<XmlElement> t = FakeObjects.kids(target);
      FakeObjects.put(t, FakeObjects.withChildren(perms != null ? perms : XmlElement.leaf("permissions"), pk), "path");
      FakeObjects.put(kids, FakeObjects.withChildren(target, t));
    }
    return FakeObjects.withChildren(def, kids);
  }

  @Override String alreadyActive(String name) { return "storage pool '" + name + "' is already active"; }

  @Override LibvirtException autostartTransient(String op) { return k.driver().internal(op, "pool has no config file"); }

  /** libvirt refuses to undefine an active pool (a network goes on as transient instead). */
  @Override void undefine(String op, Obj p) {
    if (p.active()) throw k.driver().invalid(op, "storage pool '" + p.name + "' is still active");
    super.undefine(op, p);
  }

  // ------------------------------------------------------------------ StoragePoolDriver

  @Override public void build(String name) {
    synchronized (st.lock) {
      String op = op("build", name);
      conn.enter(op, "buildStoragePool", name);
      Obj p = obj(op, name);
      if (p.active()) throw k.driver().invalid(op, alreadyActive(name));
      if (isDir(p)) data.dirs.add(storage(p));
      conn.replied(op);
    }
  }

  @Override public void refresh(String name) {
    synchronized (st.lock) {
      String op = op("refresh", name);
      conn.enter(op, "refreshStoragePool", name);
      active(op, name);
    }
  }

  @Override public void delete(String name) {
    synchronized (st.lock) {
      String op = op("delete", name);
      conn.enter(op, "deleteStoragePool", name);
      Obj p = obj(op, name);
      if (p.active()) throw k.driver().invalid(op, "storage pool '" + name + "' is still active");
      if (!isDir(p)) {
        conn.replied(op);
        return;
      }
      String dir = storage(p);
      if (!data.dirs.contains(dir)) throw k.driver().system(op, "failed to remove pool '" + dir + "': No such file or directory");
      if (!data.files.getOrDefault(dir, Map.of()).isEmpty()) throw k.driver().system(op, "failed to remove pool '" + dir + "': Directory not empty");
      data.dirs.remove(dir);
      data.files.remove(dir);
      conn.replied(op);
    }
  }
}
