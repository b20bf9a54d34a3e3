package io.kvmsdk.core.storage;

import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.spi.Hypervisor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The volumes of one storage pool: create, clone, look up, list. Obtained from {@link StoragePool#volumes()}. */
public final class StorageVolumes {
  private final Hypervisor hypervisor;
  private final String pool;

  StorageVolumes(Hypervisor hypervisor, String pool) {
    this.hypervisor = hypervisor;
    this.pool = pool;
  }

  /** Creates a volume as {@code spec} says (name, capacity, format); the pool must be active. */
  public StorageVolume create(StorageVolumeSpec spec) {
    spec.validate(); // rules libvirt applies only when it creates the volume
    return handle(hypervisor.storageVolumes().create(pool, spec.toXml()));
  }

  /**
   * Creates a volume as {@code spec} says with the data of {@code source} (any pool of this
   * connection) copied in ({@code virStorageVolCreateXMLFrom}); see also {@link StorageVolume#clone(String)}.
   */
  public StorageVolume createFrom(StorageVolumeSpec spec, StorageVolume source) {
    spec.validateForCreateFrom(); // capacity may come from the source volume
    Objects.requireNonNull(source, "source");
    return handle(hypervisor.storageVolumes().createFrom(pool, spec.toXml(), source.pool(), source.name()));
  }

  /** The volume named {@code name}, or empty. */
  public Optional<StorageVolume> find(String name) {
    return hypervisor.storageVolumes().lookup(pool, Objects.requireNonNull(name, "name")).map(this::handle);
  }

  /** The volume named {@code name}; throws {@link NotFoundException} if there is none. */
  public StorageVolume get(String name) { return find(name).orElseThrow(() -> new NotFoundException("storage volume", pool + "/" + name)); }

  /** Every volume of the pool. */
  public List<StorageVolume> list() { return hypervisor.storageVolumes().list(pool).stream().map(this::handle).toList(); }

  private StorageVolume handle(String name) { return new StorageVolume(hypervisor, pool, name); }

  @Override public String toString() { return "StorageVolumes[" + pool + "]"; }
}
