package io.kvmsdk.core.spi;

/**
 * The port between the SDK and a hypervisor connection, at the level of libvirt's C API and split
 * as libvirt splits its drivers: one small root (the connection) and one driver per kind of object.
 * Objects are named by strings, definitions travel as XML strings, results are small value types.
 * Networks, storage pools and domains share one {@link LifecycleDriver} shape.
 *
 * <p>Implementations are thread-safe, throw only {@link io.kvmsdk.core.KvmException}s
 * ({@link io.kvmsdk.core.NotFoundException} for a missing object, {@link io.kvmsdk.core.LibvirtException}
 * for any other refusal) and expose no native handle: objects travel by name (an implementation may keep
 * handles between calls, as the libvirt adapter does per thread, but must act on the object the name
 * means now). The libvirt adapter is the default implementation; the testkit's fake implements it in pure Java.
 */
public interface Hypervisor extends AutoCloseable {
  /** The connection URI as the hypervisor reports it. */
  String uri();

  /** True while the connection is usable (libvirt's {@code virConnectIsAlive}). */
  boolean isAlive();

  /** The time waiters use on this connection: {@link Ticker#SYSTEM} unless a fake keeps its own. */
  default Ticker ticker() { return Ticker.SYSTEM; }

  /** Closes the connection and every subscription; idempotent. */
  @Override void close();

  /** Domains, their snapshots, statistics, migration, guest agent and events. */
  DomainDriver domains();

  /** Virtual networks. */
  NetworkDriver networks();

  /** Storage pools. */
  StoragePoolDriver storagePools();

  /** Storage volumes. */
  StorageVolumeDriver storageVolumes();

  /** Network filters and their bindings. */
  NwFilterDriver nwfilters();

  /** Secrets. */
  SecretDriver secrets();

  /** The host. */
  NodeDriver node();
}
