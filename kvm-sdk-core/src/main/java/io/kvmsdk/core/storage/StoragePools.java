package io.kvmsdk.core.storage;

import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.core.spi.ObjectRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The storage pools of one connection: define, create, look up, list. Obtained from {@code Kvm.pools()}. */
public final class StoragePools {
  private final Hypervisor hypervisor;

  /** For {@code Kvm}; users get this from {@code kvm.pools()}. */
  public StoragePools(Hypervisor hypervisor) { this.hypervisor = Objects.requireNonNull(hypervisor); }

  /** Defines (or redefines, same name and UUID) a persistent pool; build it (once) and start it to use it. */
  public StoragePool define(StoragePoolSpec spec) {
    spec.validate(); // rules libvirt applies only at start, or that the SDK adds
    return handle(hypervisor.storagePools().define(spec.toXml()));
  }

  /** Creates and starts a transient pool over existing storage ({@code virStoragePoolCreateXML}): it disappears once destroyed. */
  public StoragePool create(StoragePoolSpec spec) {
    spec.validate(); // rules libvirt applies only at start, or that the SDK adds
    return handle(hypervisor.storagePools().create(spec.toXml()));
  }

  /** The pool named {@code name}, or empty. */
  public Optional<StoragePool> find(String name) {
    return hypervisor.storagePools().lookup(Objects.requireNonNull(name, "name")).map(this::handle);
  }

  /** The pool named {@code name}; throws {@link NotFoundException} if there is none. */
  public StoragePool get(String name) { return find(name).orElseThrow(() -> new NotFoundException("storage pool", name)); }

  /** Every pool, active or not, persistent or transient. */
  public List<StoragePool> list() { return hypervisor.storagePools().list().stream().map(this::handle).toList(); }

  private StoragePool handle(ObjectRef ref) { return new StoragePool(hypervisor, ref.name(), ref.uuid()); }

  @Override public String toString() { return "StoragePools[" + hypervisor.uri() + "]"; }
}
