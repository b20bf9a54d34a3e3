package io.kvmsdk.core.spi;

/**
 * libvirt's storage driver, its pools: the shared {@link LifecycleDriver} shape ({@link #undefine(String)}
 * is refused while the pool is active), plus what a pool's underlying storage needs.
 */
public interface StoragePoolDriver extends LifecycleDriver {
  /** {@code virStoragePoolBuild}: creates the pool's underlying storage (a {@code dir} pool's directory); the pool must be inactive. */
  void build(String name);

  /** {@code virStoragePoolRefresh}: rescans the pool's volumes; the pool must be active. */
  void refresh(String name);

  /** {@code virStoragePoolDelete}: removes the pool's underlying storage (an empty directory); the pool must be inactive. */
  void delete(String name);
}
