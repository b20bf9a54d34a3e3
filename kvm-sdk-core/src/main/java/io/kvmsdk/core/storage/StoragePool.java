package io.kvmsdk.core.storage;

import io.kvmsdk.core.spi.Hypervisor;
import java.util.Objects;

/**
 * A handle to a storage pool, named by its name, like {@link io.kvmsdk.core.domain.Domain}: cheap,
 * thread-safe, never closed. A {@code dir} pool's directory is created by {@link #build()} and removed
 * by {@link #delete()}; its volumes are files there ({@link #volumes()}).
 */
public final class StoragePool {
  private final Hypervisor hypervisor;
  private final String name;
  private final String uuid;

  /** For the SDK and hypervisor providers; users get handles from {@code kvm.pools()}. */
  public StoragePool(Hypervisor hypervisor, String name, String uuid) {
    this.hypervisor = Objects.requireNonNull(hypervisor);
    this.name = Objects.requireNonNull(name);
    this.uuid = uuid;
  }

  public String name() { return name; }

  public String uuid() { return uuid; }

  /** Creates the pool's underlying storage (a {@code dir} pool's directory); the pool must be inactive. */
  public StoragePool build() {
    hypervisor.storagePools().build(name);
    return this;
  }

  /** Starts the pool; its storage must exist. */
  public StoragePool start() {
    hypervisor.storagePools().start(name);
    return this;
  }

  /** Rescans the pool's volumes (files added or removed behind libvirt's back); the pool must be active. */
  public StoragePool refresh() {
    hypervisor.storagePools().refresh(name);
    return this;
  }

  /** Stops the pool, keeping its volumes; a transient one disappears. */
  public StoragePool destroy() {
    hypervisor.storagePools().destroy(name);
    return this;
  }

  /** Removes the pool's underlying storage (an empty directory); the pool must be inactive. */
  public StoragePool delete() {
    hypervisor.storagePools().delete(name);
    return this;
  }

  /** Removes the definition; refused while the pool is active. */
  public void undefine() { hypervisor.storagePools().undefine(name); }

  public boolean isActive() { return hypervisor.storagePools().isActive(name); }

  /** True for a defined pool, false for a transient one. */
  public boolean isPersistent() { return hypervisor.storagePools().isPersistent(name); }

  /** Whether the pool starts when the host (libvirtd) starts. */
  public boolean autostart() { return hypervisor.storagePools().autostart(name); }

  /** Refused for a transient pool. */
  public StoragePool setAutostart(boolean autostart) {
    hypervisor.storagePools().setAutostart(name, autostart);
    return this;
  }

  /** The persistent definition (a redefinition waiting for the next start, else the one in force), parsed. */
  public StoragePoolSpec spec() { return StoragePoolSpec.fromXml(hypervisor.storagePools().xml(name, true)); }

  /** The definition in force, with the capacity, allocation and free space libvirt found, parsed. */
  public StoragePoolSpec liveSpec() { return StoragePoolSpec.fromXml(hypervisor.storagePools().xml(name, false)); }

  /** The pool's volumes (the pool must be active to reach them). */
  public StorageVolumes volumes() { return new StorageVolumes(hypervisor, name); }

  /** Equal when both name the same pool (same name and UUID). */
  @Override public boolean equals(Object o) { return o instanceof StoragePool p && p.name.equals(name) && Objects.equals(p.uuid, uuid); }

  @Override public int hashCode() { return name.hashCode(); }

  /** {@code StoragePool[images active]}: asks libvirt for the state; shows {@code ?} if that fails. */
  @Override public String toString() {
    String st;
    try {
      st = isActive() ? "active" : "inactive";
    } catch (RuntimeException e) {
      st = "?";
    }
    return "StoragePool[" + name + " " + st + "]";
  }
}
