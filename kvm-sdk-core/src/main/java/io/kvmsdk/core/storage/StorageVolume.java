package io.kvmsdk.core.storage;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.spi.Hypervisor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A handle to one volume of a storage pool, named by pool and volume name: cheap, thread-safe, never
 * closed. Its data moves with {@link #upload(InputStream)} and {@link #download(OutputStream)} (the bytes
 * of the volume's file: a qcow2 volume gives its qcow2 image, not the guest's disk).
 */
public final class StorageVolume {
  private final Hypervisor hypervisor;
  private final String pool;
  private final String name;

  /** For the SDK and hypervisor providers; users get handles from {@code pool.volumes()}. */
  public StorageVolume(Hypervisor hypervisor, String pool, String name) {
    this.hypervisor = Objects.requireNonNull(hypervisor);
    this.pool = Objects.requireNonNull(pool);
    this.name = Objects.requireNonNull(name);
  }

  public String name() { return name; }

  /** The name of the pool this volume belongs to. */
  public String pool() { return pool; }

  /** Where the volume lives on the host (the file of a {@code dir} pool's volume), as a disk's source names it. */
  public String path() { return hypervisor.storageVolumes().path(pool, name); }

  /** The volume's definition as libvirt reports it: capacity, allocation, format, path. */
  public StorageVolumeSpec spec() { return StorageVolumeSpec.fromXml(hypervisor.storageVolumes().xml(pool, name)); }

  /** Removes the volume and its data. */
  public void delete() { hypervisor.storageVolumes().delete(pool, name); }

  /** Overwrites the volume's data with zeros ({@code virStorageVolWipe}). */
  public StorageVolume wipe() {
    hypervisor.storageVolumes().wipe(pool, name);
    return this;
  }

  /**
   * Changes the volume's capacity to {@code capacity} (by it, with {@link ResizeOption#DELTA}); going
   * down needs {@link ResizeOption#SHRINK} and never below what is allocated, as libvirt checks.
   */
  public StorageVolume resize(Size capacity, ResizeOption... options) {
    Objects.requireNonNull(capacity, "capacity");
    Set<ResizeOption> set = EnumSet.noneOf(ResizeOption.class);
    for (ResizeOption o : options) set.add(Objects.requireNonNull(o));
    hypervisor.storageVolumes().resize(pool, name, capacity.bytes(), set);
    return this;
  }

  /** A copy of this volume (same capacity and format, its data copied) named {@code newName} in the same pool, as {@code virsh vol-clone} makes it. */
  public StorageVolume clone(String newName) {
    Objects.requireNonNull(newName, "newName");
    StorageVolumeSpec copy = spec().copy(b -> b.name(newName));
    return new StorageVolume(hypervisor, pool, hypervisor.storageVolumes().createFrom(pool, copy.toXml(), pool, name));
  }

  /** Writes all of {@code data} into the volume from its start (the caller closes {@code data}); returns the bytes written. */
  public long upload(InputStream data) { return upload(data, 0, 0); }

  /** Writes {@code data} into the volume at {@code offset}, at most {@code length} bytes (0: all); returns the bytes written. */
  public long upload(InputStream data, long offset, long length) {
    Objects.requireNonNull(data, "data");
    if (offset < 0 || length < 0) throw new IllegalArgumentException("offset and length must not be negative");
    return hypervisor.storageVolumes().upload(pool, name, offset, length, data);
  }

  /** Writes {@code data} into the volume from its start. */
  public StorageVolume upload(byte[] data) {
    upload(new ByteArrayInputStream(Objects.requireNonNull(data, "data")), 0, data.length);
    return this;
  }

  /** Writes the file {@code source} into the volume from its start (an image made with {@code qemu-img}, say). */
  public StorageVolume upload(Path source) {
    try (InputStream in = Files.newInputStream(source)) {
      upload(in, 0, Files.size(source));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("upload " + source + " to volume " + pool + "/" + name, e);
    }
  }

  /** Copies the volume's data, from its start to its end, to {@code out} (the caller closes it); returns the bytes copied. */
  public long download(OutputStream out) { return download(out, 0, 0); }

  /** Copies the volume's data from {@code offset}, at most {@code length} bytes (0: to the end), to {@code out}. */
  public long download(OutputStream out, long offset, long length) {
    Objects.requireNonNull(out, "out");
    if (offset < 0 || length < 0) throw new IllegalArgumentException("offset and length must not be negative");
    return hypervisor.storageVolumes().download(pool, name, offset, length, out);
  }

  /** The volume's data from {@code offset}, {@code length} bytes at most (fewer at its end), in memory: for small reads. */
  public byte[] read(long offset, int length) {
    if (length <= 0) throw new IllegalArgumentException("length must be positive, got " + length);
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, length));
    download(out, offset, length);
    return out.toByteArray();
  }

  /** Copies the volume's data to the file {@code target} (created or replaced). */
  public StorageVolume download(Path target) {
    try (OutputStream out = Files.newOutputStream(target)) {
      download(out, 0, 0);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("download volume " + pool + "/" + name + " to " + target, e);
    }
  }

  /** Equal when both name the same volume of the same pool. */
  @Override public boolean equals(Object o) { return o instanceof StorageVolume v && v.pool.equals(pool) && v.name.equals(name); }

  @Override public int hashCode() { return Objects.hash(pool, name); }

  /** {@code StorageVolume[images/web1.qcow2]}. */
  @Override public String toString() { return "StorageVolume[" + pool + "/" + name + "]"; }
}
