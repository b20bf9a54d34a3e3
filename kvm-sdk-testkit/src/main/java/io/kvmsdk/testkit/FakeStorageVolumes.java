package io.kvmsdk.testkit;

import static io.kvmsdk.testkit.FakeObjects.child;
import static io.kvmsdk.testkit.FakeObjects.childText;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.spi.StorageVolumeDriver;
import io.kvmsdk.core.storage.ResizeOption;
import io.kvmsdk.core.xml.XmlElement;
import io.kvmsdk.testkit.FakeLifecycle.Obj;
import io.kvmsdk.testkit.FakeObjects.Driver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The volumes of the fake host's storage pools, as libvirt's storage driver keeps them: files in a
 * dir pool's directory with their capacity, allocation and file size as libvirt reports them for a
 * fresh raw or qcow2 file, and their bytes (sparse, in memory). Data moves as libvirt moves a file's
 * bytes: an upload writes in place and may grow a raw file past its capacity, a download stops at
 * the file's end, a wipe zeroes a raw file (and, as libvirt 9.0 does, leaves a qcow2 one a raw file
 * of zeros), a resize follows libvirt's checks, a clone copies the bytes. A qcow2 file's bytes are
 * not a real qcow2 image: only its magic is there. The figures (capacity, allocation in 4 KiB blocks,
 * file size) are what libvirt 9.0's fs backend reports for what its {@code ftruncate}, {@code fallocate},
 * {@code qemu-img create}, {@code convert} and {@code resize} make, each measured on a real daemon.
 */
final class FakeStorageVolumes implements StorageVolumeDriver {
  private static final Driver STORAGE = Driver.STORAGE;
  /** What libvirt reports for a fresh qcow2 volume: its allocation and its file size. */
  private static final long QCOW2_ALLOCATION = 200704, QCOW2_PHYSICAL = 196616;
  private static final byte[] QCOW2_MAGIC = {'Q', 'F', 'I', (byte) 0xfb};

  /** One volume: a file of the fake host. */
  static final class Vol {
    final String name;
    final String path;
    String format;
    long capacity;
    long allocation;
    /** The file's length (its {@code physical} size; not reported when 0). */
    long size;
    /** {@code <compat>} of a qcow2 volume as given, {@code <backingStore>} as libvirt reports it; null when absent. */
    XmlElement compat, backingStore;
    /** The file's mode, owner and group: libvirt's {@code 0600} and the daemon's root unless the XML gave them. */
    String mode = "0600", owner = "0", group = "0";
    final Bytes bytes = new Bytes();

    Vol(String name, String path) {
      this.name = name;
      this.path = path;
    }

    boolean raw() { return format.equals("raw"); }

    XmlElement xml() {
      XmlElement.Builder target = XmlElement.builder("target").child(FakeObjects.textElement("path", path))
          .child(XmlElement.builder("format").attr("type", format).build())
          .child(XmlElement.builder("permissions").child(FakeObjects.textElement("mode", mode))
              .child(FakeObjects.textElement("owner", owner)).child(FakeObjects.textElement("group", group)).build());
      if (compat != null) target.child(compat);
      XmlElement.Builder v = XmlElement.builder("volume").attr("type", "file").child(FakeObjects.textElement("name", name))
          .child(FakeObjects.textElement("key", path)).child(FakeObjects.bytesElement("capacity", capacity))
          .child(FakeObjects.bytesElement("allocation", allocation));
      if (size > 0) v.child(FakeObjects.bytesElement("physical", size));
      v.child(target.build());
      if (backingStore != null) v.child(backingStore);
      return v.build();
    }
  }

  /** A file's bytes: 64 KiB pages, absent pages read as zeros. */
  static final class Bytes {
    private static final int PAGE = 64 * 1024;
    private final Map<Long, byte[]> pages = new HashMap<>();

    void write(long offset, byte[] b, int n) {
      for (int i = 0; i < n; ) {
        long at = offset + i;
        byte[] page = pages.computeIfAbsent(at / PAGE, x -> new byte[PAGE]);
        int in = (int) (at % PAGE);
        int len = Math.min(n - i, PAGE - in);
        System.arraycopy(b, i, page, in, len);
        i += len;
      }
    }

    void read(long offset, byte[] b, int n) {
      for (int i = 0; i < n; ) {
        long at = offset + i;
        int in = (int) (at % PAGE);
        int len = Math.min(n - i, PAGE - in);
        byte[] page = pages.get(at / PAGE);
        if (page == null) java.util.Arrays.fill(b, i, i + len, (byte) 0); else System.arraycopy(page, in, b, i, len);
        i += len;
      }
    }

    /** Drops everything from {@code length} on. */
    void truncate(long length) {
      pages.keySet().removeIf(p -> p * PAGE >= length);
      byte[] last = pages.get(length / PAGE);
      if (last != null) java.util.Arrays.fill(last, (int) (length % PAGE), PAGE, (byte) 0);
    }

    void clear() { pages.clear(); }

    /** True when a page of {@code [offset, offset + n)} was ever written. */
    boolean touches(long offset, long n) {
      for (long pg = offset / PAGE; pg <= (offset + n - 1) / PAGE; pg++) if (pages.containsKey(pg)) return true;
      return false;
    }

    void copyFrom(Bytes other) {
      pages.clear();
      other.pages.forEach((k, v) -> pages.put(k, v.clone()));
    }
  }

  private final FakeHypervisor conn;
  private final FakeHypervisorState st;
  private final FakeStoragePools pools;

  FakeStorageVolumes(FakeHypervisor conn, FakeStoragePools pools) {
    this.conn = conn;
    this.st = conn.st;
    this.pools = pools;
  }

  private static NotFoundException noVolume(String op, String pool, String name) {
    return STORAGE.notFound(op, "storage volume", pool + "/" + name, "VIR_ERR_NO_STORAGE_VOL", 50,
        "Storage volume not found: no storage vol with matching name '" + name + "'");
  }

  private Vol volume(String op, String pool, String name) {
    Vol v = pools.volumes(pools.active(op, pool)).get(name);
    if (v == null) throw noVolume(op, pool, name);
    return v;
  }

  private static String op(String verb, String pool, String volume) { return verb + " storage volume '" + volume + "' of pool '" + pool + "'"; }

  /**
   * A size element's bytes as {@code virStorageSize} reads them: a number that is not an unsigned
   * decimal is "malformed capacity element" (for the allocation too), a unit {@code virScaleInteger}
   * does not know is {@code VIR_ERR_INVALID_ARG} "unknown suffix" from no driver.
   */
  private static long bytes(String op, XmlElement size) {
    String text = size.text() == null ? "" : size.text().trim();
    if (!text.matches("[0-9]+")) throw STORAGE.xml(op, "malformed capacity element");
    long n;
    try {
      n = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw STORAGE.xml(op, "malformed capacity element");
    }
    String unit = size.attr("unit");
    if (unit == null || unit.isEmpty() || unit.equalsIgnoreCase("b") || unit.equalsIgnoreCase("byte") || unit.equalsIgnoreCase("bytes")) return n;
    long base = unit.length() == 1 || unit.substring(1).equalsIgnoreCase("ib") ? 1024
        : unit.length() == 2 && Character.toLowerCase(unit.charAt(1)) == 'b' ? 1000 : 0;
    int power = "kmgtpe".indexOf(Character.toLowerCase(unit.charAt(0))) + 1;
    if (base == 0 || power == 0) throw Driver.NONE.error(op, "VIR_ERR_INVALID_ARG", 8, "invalid argument: unknown suffix '" + unit + "'");
    for (int i = 0; i < power; i++) n = Math.multiplyExact(n, base);
    return n;
  }

  /** The image formats of a file-based pool ({@code virStorageFileFormat}); anything else is refused when the volume is parsed. */
  static final Set<String> FILE_FORMATS = Set.of("raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc", "vdi", "fat", "vhd", "ploop", "cow",
      "qcow", "qcow2", "qed", "vmdk");
  /** What a qcow2 file takes once {@code qemu-img resize --shrink} rewrote its tables: allocation and file size. */
  private static final long QCOW2_SHRUNK_ALLOCATION = 266240, QCOW2_SHRUNK_PHYSICAL = 327680;
  /** The file system's block: what a file's allocation counts in. */
  private static final long BLOCK = 4096;

  static long roundUp(long n, long to) { return (n + to - 1) / to * to; }

  /** A file written by {@code qemu-img} as raw bytes (libvirt makes an {@code iso} volume as a raw file). */
  private static boolean rawFile(String format) { return format.equals("raw") || format.equals("iso"); }

  /** The bytes of the blocks of {@code v}'s first {@code length} bytes that hold data, plus the first block when {@code first}. */
  private static long dataBlocks(Vol v, long length, boolean first) {
    long n = 0;
    byte[] buf = new byte[(int) BLOCK];
    for (long at = 0; at < length; at += BLOCK) {
      boolean data = at == 0 && first;
      if (!data && v.bytes.touches(at, BLOCK)) {
        v.bytes.read(at, buf, buf.length);
        for (byte x : buf) if (x != 0) { data = true; break; }
      }
      if (data) n += BLOCK;
    }
    return n;
  }

  /**
   * A new volume of pool {@code p} as {@code xml} describes it, with the figures libvirt 9.0 reports for
   * the file its fs backend makes. Created: a raw file is truncated to the capacity and {@code fallocate}d
   * to the allocation (the capacity when not given), so it grows to an allocation larger than its
   * capacity and counts allocation in 4 KiB blocks; qcow2 and iso files are made by {@code qemu-img
   * create} with a size in KiB (rounded up). Cloned ({@code source} given): the capacity is at least the
   * source's; raw to raw copies the bytes into the truncated file (sparse when the allocation is below the
   * source's capacity), any other pair goes through {@code qemu-img convert}, which keeps the source's
   * size whatever the XML asks. The format is the XML's, else raw.
   */
  private Vol made(String op, Obj p, String xml, Vol source) {
    XmlElement def = FakeObjects.parse(STORAGE, op, xml, "volume");
    String name = childText(def, "name");
    if (name == null || name.isEmpty()) throw STORAGE.xml(op, "missing volume name element");
    XmlElement cap = child(def, "capacity");
    if (cap == null && source == null) throw STORAGE.xml(op, "missing capacity element");
    long capacity = cap != null ? bytes(op, cap) : 0;
    XmlElement alloc = child(def, "allocation");
    long allocation = alloc != null ? bytes(op, alloc) : -1;
    XmlElement target = child(def, "target");
    String format = Optional.ofNullable(child(target, "format")).map(f -> f.attr("type")).orElse("raw");
    String poolType = FakeStoragePools.def(p).attr("type");
    boolean files = poolType.equals("dir") || poolType.equals("fs") || poolType.equals("netfs");
    if (files && !FILE_FORMATS.contains(format)) {
      throw STORAGE.error(op, "VIR_ERR_CONFIG_UNSUPPORTED", 67, "unsupported configuration: unknown volume format type " + format);
    }
    XmlElement perms = child(target, "permissions");
    String mode = childText(perms, "mode");
    if (mode != null && !mode.matches("[0-7]{1,4}")) throw STORAGE.xml(op, "malformed octal mode");
    String dir = FakeStoragePools.isDir(p) ? FakeStoragePools.storage(p) : Optional.ofNullable(FakeStoragePools.path(FakeStoragePools.def(p))).orElse("/" + p.name);
    Vol v = new Vol(name, dir + "/" + name);
    v.format = format;
    if (mode != null) v.mode = String.format("%04o", Integer.parseInt(mode, 8));
    Optional.ofNullable(childText(perms, "owner")).ifPresent(o -> v.owner = o);
    Optional.ofNullable(childText(perms, "group")).ifPresent(g -> v.group = g);
    boolean qcow2 = format.equals("qcow2");
    if (qcow2) v.compat = child(target, "compat");
    XmlElement backing = child(def, "backingStore");
    if (backing != null && childText(backing, "path") != null) {
      XmlElement.Builder b = XmlElement.builder("backingStore").child(FakeObjects.textElement("path", childText(backing, "path")));
      XmlElement bf = child(backing, "format");
      if (bf != null && bf.attr("type") != null) b.child(XmlElement.builder("format").attr("type", bf.attr("type")).build());
      v.backingStore = b.build();
    }
    if (source != null) capacity = Math.max(capacity, source.capacity);
    if (allocation < 0) allocation = capacity;
    if (source != null && !(format.equals("raw") && source.raw())) {   // qemu-img convert: the source's size
      capacity = source.capacity;
      if (qcow2) {
        v.capacity = roundUp(capacity, 512);
      } else {
        v.capacity = capacity;
        v.size = capacity;
        if (rawFile(source.format)) v.bytes.copyFrom(source.bytes);
        v.allocation = capacity == 0 ? 0 : rawFile(source.format) ? dataBlocks(v, capacity, true) : BLOCK;
      }
    } else if (source != null) {   // raw to raw: truncate, fallocate unless sparse, copy
      boolean sparse = allocation < source.capacity;
      v.bytes.copyFrom(source.bytes);
      v.size = sparse ? capacity : Math.max(capacity, allocation);
      v.capacity = v.size;
      v.allocation = sparse ? dataBlocks(v, source.size, false) : roundUp(allocation, BLOCK);
    } else if (format.equals("raw")) {
      v.size = Math.max(capacity, allocation);
      v.capacity = v.size;
      v.allocation = roundUp(allocation, BLOCK);
    } else if (format.equals("dir")) {
      v.capacity = 0;
    } else if (qcow2 || format.equals("iso")) {   // qemu-img create NAME SIZE_IN_KiB
      v.capacity = roundUp(capacity, 1024);
      if (!qcow2) {
        v.size = v.capacity;
        v.allocation = v.capacity == 0 ? 0 : BLOCK;
      }
    } else {   // other qemu-img formats: not measured against libvirt
      v.capacity = capacity;
      v.size = capacity;
      v.allocation = Math.min(allocation, capacity);
    }
    if (qcow2) {
      v.allocation = QCOW2_ALLOCATION;
      v.size = QCOW2_PHYSICAL;
      v.bytes.clear();
      v.bytes.write(0, QCOW2_MAGIC, QCOW2_MAGIC.length);
    }
    return v;
  }

  /** The fs backend's refusal of a name that would leave the pool's directory. */
  private static void checkName(String op, Obj p, Vol v) {
    if (v.name.contains("/") && FakeStoragePools.isDir(p)) throw STORAGE.invalid(op, "volume name '" + v.name + "' cannot contain '/'");
  }

  // ------------------------------------------------------------------ StorageVolumeDriver

  @Override public String create(String pool, String xml) {
    synchronized (st.lock) {
      String op = "create a volume in storage pool '" + pool + "'";
      conn.enter(op, "createStorageVolume", pool);
      Obj p = pools.active(op, pool);
      Vol v = made(op, p, xml, null);
      Map<String, Vol> vols = pools.volumes(p);
      if (vols.containsKey(v.name)) throw STORAGE.error(op, "VIR_ERR_STORAGE_VOL_EXIST", 90, "storage volume '" + v.name + "' exists already");
      checkName(op, p, v);
      vols.put(v.name, v);
      conn.replied(op);
      return v.name;
    }
  }

  /** As {@code storageVolCreateXMLFrom}: both pools active, the source found, then the new name free ("already in use", an internal error). */
  @Override public String createFrom(String pool, String xml, String sourcePool, String sourceVolume) {
    synchronized (st.lock) {
      String op = "clone storage volume '" + sourceVolume + "' of pool '" + sourcePool + "' into pool '" + pool + "'";
      conn.enter(op, "cloneStorageVolume", pool);
      Obj p = pools.active(op, pool);
      Vol source = volume(op, sourcePool, sourceVolume);
      Vol v = made(op, p, xml, source);
      Map<String, Vol> vols = pools.volumes(p);
      if (vols.containsKey(v.name)) throw STORAGE.internal(op, "storage volume name '" + v.name + "' already in use.");
      checkName(op, p, v);
      vols.put(v.name, v);
      conn.replied(op);
      return v.name;
    }
  }

  @Override public Optional<String> lookup(String pool, String volume) {
    synchronized (st.lock) {
      String op = op("look up", pool, volume);
      conn.enter(op, "lookupStorageVolume", pool);
      return Optional.ofNullable(pools.volumes(pools.active(op, pool)).get(volume)).map(v -> v.name);
    }
  }

  @Override public List<String> list(String pool) {
    synchronized (st.lock) {
      String op = "list the volumes of storage pool '" + pool + "'";
      conn.enter(op, "listStorageVolumes", pool);
      return List.copyOf(pools.volumes(pools.active(op, pool)).keySet());
    }
  }

  @Override public String xml(String pool, String volume) {
    synchronized (st.lock) {
      String op = op("get the XML of", pool, volume);
      conn.enter(op, "storageVolumeXml", pool);
      return volume(op, pool, volume).xml().toXml();
    }
  }

  @Override public String path(String pool, String volume) {
    synchronized (st.lock) {
      String op = op("get the path of", pool, volume);
      conn.enter(op, "storageVolumePath", pool);
      return volume(op, pool, volume).path;
    }
  }

  @Override public void delete(String pool, String volume) {
    synchronized (st.lock) {
      String op = op("delete", pool, volume);
      conn.enter(op, "deleteStorageVolume", pool);
      volume(op, pool, volume);
      pools.volumes(pools.obj(op, pool)).remove(volume);
      conn.replied(op);
    }
  }

  @Override public void wipe(String pool, String volume) {
    synchronized (st.lock) {
      String op = op("wipe", pool, volume);
      conn.enter(op, "wipeStorageVolume", pool);
      Vol v = volume(op, pool, volume);
      // libvirt 9.0: a sparse file (fewer blocks than its length) is truncated to nothing and back; any
      // other is overwritten with zeros over its allocation, which may lengthen it; either way the file
      // then reads as raw zeros, whatever its format was
      if (v.allocation / 512 < v.size / 512) v.allocation = 0; else v.size = Math.max(v.size, v.allocation);
      v.bytes.clear();
      v.format = "raw";
      v.capacity = v.size;
      v.compat = null;
      conn.replied(op);
    }
  }

  @Override public void resize(String pool, String volume, long capacity, Set<ResizeOption> options) {
    synchronized (st.lock) {
      String op = op("resize", pool, volume);
      conn.enter(op, "resizeStorageVolume", pool);
      Vol v = volume(op, pool, volume);
      boolean shrink = options.contains(ResizeOption.SHRINK);
      long abs = !options.contains(ResizeOption.DELTA) ? capacity : shrink ? v.capacity - Math.min(capacity, v.capacity) : v.capacity + capacity;
      if (abs < v.allocation) throw STORAGE.error(op, "VIR_ERR_INVALID_ARG", 8, "invalid argument: can't shrink capacity below existing allocation");
      if (abs < v.capacity && !shrink) {
        throw STORAGE.error(op, "VIR_ERR_INVALID_ARG", 8,
            "invalid argument: Can't shrink capacity below current capacity unless shrink flag explicitly specified");
      }
      if (!v.raw()) {   // the fs backend: anything but a raw file goes to qemu-img resize, which rounds up to 512 bytes
        if (options.contains(ResizeOption.ALLOCATE)) {
          throw STORAGE.error(op, "VIR_ERR_OPERATION_UNSUPPORTED", 84, "Operation not supported: preallocate is only supported for raw type volume");
        }
        long rounded = roundUp(abs, 512);
        if (v.format.equals("qcow2") && rounded < v.capacity) {   // --shrink rewrites the tables
          v.allocation = Math.max(v.allocation, QCOW2_SHRUNK_ALLOCATION);
          v.size = Math.max(v.size, QCOW2_SHRUNK_PHYSICAL);
        }
        if (rawFile(v.format)) v.size = rounded;
        v.capacity = rounded;
      } else {   // ftruncate, and fallocate from the start when told
        if (abs < v.size) v.bytes.truncate(abs);
        v.size = abs;
        v.capacity = abs;
        if (options.contains(ResizeOption.ALLOCATE)) v.allocation = roundUp(abs, BLOCK);
      }
      conn.replied(op);
    }
  }

  @Override public long upload(String pool, String volume, long offset, long length, InputStream data) {
    synchronized (st.lock) {
      String op = op("upload to", pool, volume);
      conn.enter(op, "uploadStorageVolume", pool);
      Vol v = volume(op, pool, volume);
      byte[] buf = new byte[64 * 1024];
      long sent = 0;
      try {
        while (length == 0 || sent < length) {
          int n = data.read(buf, 0, length == 0 ? buf.length : (int) Math.min(buf.length, length - sent));
          if (n < 0) break;
          v.bytes.write(offset + sent, buf, n);
          sent += n;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("reading the data to upload", e);
      }
      long end = offset + sent;
      if (end > v.size) v.size = end;   // the file grows
      if (v.raw()) {
        v.capacity = Math.max(v.capacity, v.size);
        v.allocation = Math.max(v.allocation, end);
      }
      conn.replied(op);
      return sent;
    }
  }

  @Override public long download(String pool, String volume, long offset, long length, OutputStream out) {
    synchronized (st.lock) {
      String op = op("download from", pool, volume);
      conn.enter(op, "downloadStorageVolume", pool);
      Vol v = volume(op, pool, volume);
      long end = length == 0 ? v.size : Math.min(v.size, offset + length);
      byte[] buf = new byte[64 * 1024];
      long at = offset;
      try {
        while (at < end) {
          int n = (int) Math.min(buf.length, end - at);
          v.bytes.read(at, buf, n);
          out.write(buf, 0, n);
          at += n;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("writing the downloaded data", e);
      }
      return Math.max(0, at - offset);
    }
  }

  @Override public String toString() { return "FakeStorageVolumes[" + conn.uri() + "]"; }
}
