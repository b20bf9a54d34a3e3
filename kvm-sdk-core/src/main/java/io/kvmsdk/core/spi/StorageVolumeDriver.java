package io.kvmsdk.core.spi;

import io.kvmsdk.core.storage.ResizeOption;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * libvirt's storage driver, its volumes: each named by its active pool and its name. Data moves
 * through Java streams ({@code virStorageVolUpload}/{@code Download} over a libvirt stream); a call
 * on a volume of an inactive pool is refused ({@code VIR_ERR_OPERATION_INVALID}).
 */
public interface StorageVolumeDriver {
  /** {@code virStorageVolCreateXML} in pool {@code pool}; returns the new volume's name. */
  String create(String pool, String xml);

  /**
   * {@code virStorageVolCreateXMLFrom}: a new volume in {@code pool} described by {@code xml}, its data
   * copied from volume {@code sourceVolume} of pool {@code sourcePool}; returns the new volume's name.
   */
  String createFrom(String pool, String xml, String sourcePool, String sourceVolume);

  /** {@code virStorageVolLookupByName}: the volume's name, or empty. */
  Optional<String> lookup(String pool, String volume);

  /** {@code virStoragePoolListAllVolumes}: names of the volumes of active pool {@code pool}. */
  List<String> list(String pool);

  /** {@code virStorageVolGetXMLDesc}. */
  String xml(String pool, String volume);

  /** {@code virStorageVolGetPath}: where the volume lives on the host (a file of a dir pool). */
  String path(String pool, String volume);

  /** {@code virStorageVolDelete}: removes the volume and its data. */
  void delete(String pool, String volume);

  /** {@code virStorageVolWipe}: overwrites the volume's data with zeros. */
  void wipe(String pool, String volume);

  /** {@code virStorageVolResize} to {@code capacity} bytes (or by them, with {@link ResizeOption#DELTA}). */
  void resize(String pool, String volume, long capacity, Set<ResizeOption> options);

  /**
   * {@code virStorageVolUpload}: writes {@code data} into the volume at {@code offset}, at most
   * {@code length} bytes (0: all of it); the caller closes {@code data}. Returns the bytes written.
   */
  long upload(String pool, String volume, long offset, long length, InputStream data);

  /**
   * {@code virStorageVolDownload}: copies the volume's data from {@code offset}, at most {@code length}
   * bytes (0: to its end), to {@code out}; the caller closes {@code out}. Returns the bytes copied.
   */
  long download(String pool, String volume, long offset, long length, OutputStream out);
}
