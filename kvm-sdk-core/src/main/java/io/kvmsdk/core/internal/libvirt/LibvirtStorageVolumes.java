package io.kvmsdk.core.internal.libvirt;

import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.spi.StorageVolumeDriver;
import io.kvmsdk.core.storage.ResizeOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.libvirt.Stream;

/**
 * The {@link StorageVolumeDriver} on libvirt: libvirt-java's {@code StorageVol}, its data through a
 * blocking libvirt {@code Stream} in 256 KiB chunks. A volume is looked up in its pool, used and freed
 * within each call.
 */
final class LibvirtStorageVolumes implements StorageVolumeDriver {
  private static final int CHUNK = 256 * 1024;
  private final LibvirtSession session;

  LibvirtStorageVolumes(LibvirtSession session) { this.session = session; }

  @FunctionalInterface
  private interface PoolCall<T> {
    T apply(LibvirtConnect c, StoragePool p) throws org.libvirt.LibvirtException;
  }

  @FunctionalInterface
  private interface VolumeCall<T> {
    T apply(LibvirtConnect c, StorageVol v) throws org.libvirt.LibvirtException;
  }

  private <T> T onPool(String op, String pool, PoolCall<T> call) {
    return session.call(op + " storage pool '" + pool + "'", "storage pool", pool, c -> {
      StoragePool p = c.storagePoolLookupByName(pool);
      try {
        return call.apply(c, p);
      } finally {
        p.free();
      }
    });
  }

  private <T> T onVolume(String op, String pool, String volume, VolumeCall<T> call) {
    return session.call(op + " storage volume '" + volume + "' of pool '" + pool + "'", "storage volume", pool + "/" + volume, c -> {
      StoragePool p = c.storagePoolLookupByName(pool);
      try {
        StorageVol v = p.storageVolLookupByName(volume);
        try {
          return call.apply(c, v);
        } finally {
          v.free();
        }
      } finally {
        p.free();
      }
    });
  }

  @Override public String create(String pool, String xml) {
    String name = LibvirtSession.definitionName(xml);
    return onPool("create volume '" + name + "' in", pool, (c, p) -> {
      StorageVol v = p.storageVolCreateXML(xml, 0);
      try {
        return v.getName();
      } finally {
        v.free();
      }
    });
  }

  @Override public String createFrom(String pool, String xml, String sourcePool, String sourceVolume) {
    String name = LibvirtSession.definitionName(xml);
    return onVolume("clone into '" + name + "' of pool '" + pool + "'", sourcePool, sourceVolume, (c, source) -> {
      StoragePool p = c.storagePoolLookupByName(pool);
      try {
        StorageVol v = p.storageVolCreateXMLFrom(xml, source, 0);
        try {
          return v.getName();
        } finally {
          v.free();
        }
      } finally {
        p.free();
      }
    });
  }

  @Override public Optional<String> lookup(String pool, String volume) {
    return LibvirtSession.ifFound("storage volume", () -> onVolume("look up", pool, volume, (c, v) -> v.getName()));
  }

  @Override public List<String> list(String pool) { return onPool("list the volumes of", pool, (c, p) -> Arrays.asList(p.listVolumes())); }

  @Override public String xml(String pool, String volume) { return onVolume("get the XML of", pool, volume, (c, v) -> v.getXMLDesc(0)); }

  @Override public String path(String pool, String volume) { return onVolume("get the path of", pool, volume, (c, v) -> v.getPath()); }

  @Override public void delete(String pool, String volume) { onVolume("delete", pool, volume, (c, v) -> { v.delete(0); return null; }); }

  @Override public void wipe(String pool, String volume) { onVolume("wipe", pool, volume, (c, v) -> v.wipe()); }

  @Override public void resize(String pool, String volume, long capacity, Set<ResizeOption> options) {
    int flags = options.stream().mapToInt(ResizeOption::flag).reduce(0, (a, b) -> a | b);
    onVolume("resize", pool, volume, (c, v) -> v.resize(capacity, flags));
  }

  @Override public long upload(String pool, String volume, long offset, long length, InputStream data) {
    return onVolume("upload to", pool, volume, (c, v) -> {
      Stream s = c.streamNew(0);
      boolean finished = false;
      try {
        v.upload(s, offset, length, 0);
        long sent = 0;
        byte[] buf = new byte[CHUNK];
        while (length == 0 || sent < length) {
          int want = length == 0 ? buf.length : (int) Math.min(buf.length, length - sent);
          int n = read(data, buf, want);
          if (n < 0) break;
          sendAll(s, buf, n);
          sent += n;
        }
        s.finish();
        finished = true;
        return sent;
      } finally {
        if (!finished) abort(s);
        s.free();
      }
    });
  }

  @Override public long download(String pool, String volume, long offset, long length, OutputStream out) {
    return onVolume("download from", pool, volume, (c, v) -> {
      Stream s = c.streamNew(0);
      boolean finished = false;
      try {
        v.download(s, offset, length, 0);
        long got = 0;
        byte[] buf = new byte[CHUNK];
        int n;
        while ((n = s.receive(buf)) > 0) {
          write(out, buf, n);
          got += n;
        }
        s.finish();
        finished = true;
        return got;
      } finally {
        if (!finished) abort(s);
        s.free();
      }
    });
  }

  private static int read(InputStream in, byte[] buf, int want) {
    try {
      return in.read(buf, 0, want);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the data to upload", e);
    }
  }

  private static void write(OutputStream out, byte[] buf, int n) {
    try {
      out.write(buf, 0, n);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the downloaded data", e);
    }
  }

  /** libvirt-java's {@code Stream.send} sends what the stream takes; a blocking stream takes all but loop to be sure. */
  private static void sendAll(Stream s, byte[] buf, int n) throws org.libvirt.LibvirtException {
    int off = 0;
    while (off < n) {
      byte[] part = off == 0 && n == buf.length ? buf : Arrays.copyOfRange(buf, off, n);
      int sent = s.send(part);
      if (sent <= 0) throw new KvmException("the libvirt stream took no data (" + sent + ")");
      off += sent;
    }
  }

  private static void abort(Stream s) {
    try {
      s.abort();
    } catch (org.libvirt.LibvirtException | RuntimeException e) {
      // the stream failed already; its error is the one to report
    }
  }

  @Override public String toString() { return "LibvirtStorageVolumes[" + session.uri() + "]"; }
}
