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
 * not a real qcow2 image: only its magic is there.
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
    /** The file's length (its {@code physical} size). */
    long size;
    final Bytes bytes = new Bytes();

    Vol(String name, String path) {
      this.name = name;
      this.path = path;
    }

    boolean raw() { return format.equals("raw"); }

    XmlElement xml() {
      XmlElement target = XmlElement.builder("target").child(FakeObjects.textElement("path", path))
          .child(XmlElement.builder("format").attr("type", format).build()).build();
      return XmlElement.builder("volume").attr("type", "file").child(FakeObjects.textElement("name", name))
          .child(FakeObjects.textElement("key", path)).child(FakeObjects.bytesElement("capacity", capacity))
          .child(FakeObjects.bytesElement("allocation", allocation)).child(FakeObjects.bytesElement("physical", size))
          .child(target).build();
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

  private static long bytes(String op, XmlElement size) {
    try {
      long n = Long.parseLong(size.text() == null ? "" : size.text().trim());
      return Size.of(n, Optional.ofNullable(size.attr("unit")).orElse("bytes")).bytes();
    } catch (NumberFormatException | InvalidSpecException e) {
      throw STORAGE.xml(op, "malformed " + size.name() + " element");
    }
  }

  /** A new volume of pool {@code p} as {@code xml} describes it; {@code source} (for a clone) fills in what the XML leaves out. */
  private Vol made(String op, Obj p, String xml, Vol source) {
    XmlElement def = FakeObjects.parse(STORAGE, op, xml, "volume");
    String name = childText(def, "name");
    if (name == null || name.isEmpty()) throw STORAGE.xml(op, "missing volume name element");
    XmlElement cap = child(def, "capacity");
    if (cap == null && source == null) throw STORAGE.xml(op, "missing capacity element");
    long capacity = cap != null ? bytes(op, cap) : source.capacity;
    String format = Optional.ofNullable(child(child(def, "target"), "format")).map(f -> f.attr("type"))
        .orElse(source != null ? source.format : "raw");
    XmlElement alloc = child(def, "allocation");
    String dir = FakeStoragePools.isDir(p) ? FakeStoragePools.storage(p) : Optional.ofNullable(FakeStoragePools.path(FakeStoragePools.def(p))).orElse("/" + p.name);
    Vol v = new Vol(name, dir + "/" + name);
    v.format = format;
    v.capacity = capacity;
    boolean qcow2 = format.equals("qcow2");
    v.allocation = qcow2 ? QCOW2_ALLOCATION : alloc != null && source == null ? Math.min(bytes(op, alloc), capacity) : capacity;
    v.size = qcow2 ? QCOW2_PHYSICAL : capacity;
    if (qcow2) v.bytes.write(0, QCOW2_MAGIC, QCOW2_MAGIC.length);
    return v;
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
      if (v.raw() && source.raw()) v.bytes.copyFrom(source.bytes);
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
      v.bytes.clear();
      if (!v.raw()) {   // libvirt 9.0 overwrites the whole file, leaving a raw file of zeros
        v.format = "raw";
        v.capacity = v.size;
        v.allocation = 0;
      }
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
      v.capacity = abs;
      if (v.raw()) {
        if (abs < v.size) v.bytes.truncate(abs);
        v.size = abs;
        if (options.contains(ResizeOption.ALLOCATE)) v.allocation = abs;
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
