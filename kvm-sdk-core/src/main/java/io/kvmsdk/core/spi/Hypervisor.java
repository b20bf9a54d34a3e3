package io.kvmsdk.core.spi;

import io.kvmsdk.core.KvmSubscription;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainEvent;
import io.kvmsdk.core.domain.DomainInterfaceAddress;
import io.kvmsdk.core.domain.DomainState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The port between the SDK and a hypervisor connection, at the level of libvirt's C API: objects
 * are named by strings, definitions travel as XML strings, results are small value types.
 *
 * <p>Implementations are thread-safe, throw only {@link io.kvmsdk.core.KvmException}s
 * ({@link io.kvmsdk.core.NotFoundException} for a missing object, {@link io.kvmsdk.core.LibvirtException}
 * for any other refusal) and expose no native handle: objects travel by name (an implementation may keep handles between
 * calls, as the libvirt adapter does per thread, but must act on the object the name means now). The libvirt adapter
 * is the default implementation; a test fake can implement it in pure Java.
 */
public interface Hypervisor extends AutoCloseable {
  /** A defined domain as libvirt names it. */
  record DomainRef(String name, String uuid) {}

  /** A virtual network as libvirt names it. */
  record NetworkRef(String name, String uuid) {}

  /** A storage pool as libvirt names it. */
  record StoragePoolRef(String name, String uuid) {}

  /** The connection URI as the hypervisor reports it. */
  String uri();

  /** True while the connection is usable (libvirt's {@code virConnectIsAlive}). */
  boolean isAlive();

  /** The time waiters use on this connection: {@link Ticker#SYSTEM} unless a fake keeps its own. */
  default Ticker ticker() { return Ticker.SYSTEM; }

  /** Closes the connection and every subscription; idempotent. */
  @Override void close();

  // ------------------------------------------------------------------ node

  /** {@code virNodeGetInfo}: the host's CPUs, memory and topology. */
  io.kvmsdk.core.node.NodeInfo nodeInfo();

  /** {@code virNodeGetFreeMemory}: free host memory in bytes. */
  long freeMemory();

  // ------------------------------------------------------------------ domains

  /** {@code virDomainDefineXML}: defines (or redefines) a persistent domain. */
  DomainRef defineDomain(String xml);

  /**
   * {@code virDomainCreateXML}: creates and starts a transient domain, gone once it stops. Fails
   * like libvirt when a domain of that name is already active, or defined with another UUID.
   */
  DomainRef createDomain(String xml);

  /** {@code virDomainLookupByName}, or empty. */
  Optional<DomainRef> lookupDomain(String name);

  /** {@code virConnectListAllDomains}: active and inactive, persistent and transient. */
  List<DomainRef> listDomains();

  /** {@code virConnectListAllDomains} with filter flags (see {@link io.kvmsdk.core.domain.Domains.Filter}); empty: all. */
  List<DomainRef> listDomains(Set<io.kvmsdk.core.domain.Domains.Filter> filters);

  DomainState domainState(String name);

  /** {@code virDomainCreate}: starts a defined domain. */
  void startDomain(String name);

  /** {@code virDomainShutdown}: asks the guest to power off; returns at once. */
  void shutdownDomain(String name);

  /** {@code virDomainDestroy}: hard power-off. */
  void destroyDomain(String name);

  void rebootDomain(String name);

  void suspendDomain(String name);

  void resumeDomain(String name);

  /** {@code virDomainUndefineFlags}. */
  void undefineDomain(String name, Set<Domain.UndefineOption> options);

  boolean autostart(String name);

  void setAutostart(String name, boolean autostart);

  boolean isPersistent(String name);

  /** {@code virDomainGetXMLDesc}; {@code inactive} asks for the definition used at next boot. */
  String domainXml(String name, boolean inactive);

  /**
   * libvirt's bulk statistics for one domain ({@code virDomainListGetStats} with every group the
   * driver supports), as typed parameters: key ({@code cpu.time}, {@code block.0.rd.bytes}) to
   * Integer, Long, Double, Boolean or String.
   */
  Map<String, Object> domainStats(String name);

  /** {@code virConnectGetAllDomainStats}: domain name to its typed parameters. */
  Map<String, Map<String, Object>> allDomainStats();

  /**
   * {@code virDomainMigrate}: moves running domain {@code name} to {@code destination}, a connection
   * of the same implementation (two libvirt connections, or two hosts of one fake cluster), with
   * libvirt's {@code VIR_MIGRATE_*} {@code options}. On failure the domain keeps running on this host.
   */
  void migrateDomain(String name, Hypervisor destination, Set<Domain.MigrateOption> options);

  // ------------------------------------------------------------------ snapshots

  /** {@code virDomainSnapshotCreateXML}; returns the new snapshot's name. */
  String createSnapshot(String domain, String xml);

  List<String> snapshotNames(String domain);

  /** The snapshot's XML, or empty when the domain has no such snapshot. */
  Optional<String> snapshotXml(String domain, String snapshot);

  /** The current snapshot's name, or empty. */
  Optional<String> currentSnapshot(String domain);

  void revertToSnapshot(String domain, String snapshot);

  void deleteSnapshot(String domain, String snapshot);

  // ------------------------------------------------------------------ guest agent

  /**
   * {@code virDomainQemuAgentCommand}: sends {@code json} to the QEMU guest agent of running domain
   * {@code domain} and returns the agent's reply as libvirt passes it on ({@code {"return":...}}).
   * {@code timeoutSeconds} as libvirt takes it: seconds to wait for the reply, or -2 to block, -1 for
   * the default (5 s), 0 not to wait. Fails like libvirt's QEMU driver: {@code VIR_ERR_ARGUMENT_UNSUPPORTED}
   * without the agent channel, {@code VIR_ERR_AGENT_UNRESPONSIVE} when no agent is connected or it does
   * not answer in time, {@code VIR_ERR_INTERNAL_ERROR} when the agent answers with an error.
   */
  String agentCommand(String domain, String json, int timeoutSeconds);

  /** {@code virDomainGetHostname} with {@code VIR_DOMAIN_GET_HOSTNAME_AGENT}: the hostname the guest agent reports. */
  String agentHostname(String domain);

  /**
   * {@code virDomainInterfaceAddresses} with {@code VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT}: the guest's
   * interfaces as its agent reports them ({@code guest-network-get-interfaces}, aliases merged).
   */
  List<DomainInterfaceAddress> agentInterfaceAddresses(String domain);

  // ------------------------------------------------------------------ events

  /**
   * Delivers every domain lifecycle event of this connection to {@code listener} until the
   * returned subscription is closed. Survives a reconnect.
   */
  KvmSubscription onLifecycle(Consumer<DomainEvent> listener);

  // ------------------------------------------------------------------ secrets

  /** {@code virSecretDefineXML}; returns the secret's UUID. */
  String defineSecret(String xml);

  /** UUIDs of every defined secret. */
  List<String> listSecrets();

  /** The secret's XML, or empty. */
  Optional<String> secretXml(String uuid);

  /** {@code virSecretSetValue}. The value never reaches a log or an exception message. */
  void setSecretValue(String uuid, byte[] value);

  void undefineSecret(String uuid);

  // ------------------------------------------------------------------ networks

  /**
   * {@code virNetworkDefineXML}: defines (or, same UUID, redefines) a persistent network; returns its
   * name. Redefining an active network changes the definition used at its next start only.
   */
  String defineNetwork(String xml);

  /**
   * {@code virNetworkCreateXML}: creates and starts a transient network, gone once destroyed; returns
   * its name. Starts an inactive persistent network of the same name and UUID instead.
   */
  String createNetwork(String xml);

  /** {@code virNetworkLookupByName}, or empty. */
  Optional<NetworkRef> lookupNetwork(String name);

  /** Names of every network: active and inactive, persistent and transient. */
  List<String> listNetworks();

  /** {@code virNetworkGetXMLDesc}; {@code inactive} asks for the definition used at next start. */
  String networkXml(String name, boolean inactive);

  /** {@code virNetworkCreate}: starts a defined network. */
  void startNetwork(String name);

  /** {@code virNetworkDestroy}: stops an active network; a transient one disappears. */
  void destroyNetwork(String name);

  /** {@code virNetworkUndefine}: an active network keeps running as a transient one. */
  void undefineNetwork(String name);

  boolean isNetworkActive(String name);

  boolean isNetworkPersistent(String name);

  boolean networkAutostart(String name);

  /** {@code virNetworkSetAutostart}; refused for a transient network. */
  void setNetworkAutostart(String name, boolean autostart);

  // ------------------------------------------------------------------ storage pools

  /** {@code virStoragePoolDefineXML}: defines (or, same UUID, redefines) a persistent pool; returns its name. */
  String defineStoragePool(String xml);

  /** {@code virStoragePoolCreateXML}: creates and starts a transient pool, gone once destroyed; returns its name. */
  String createStoragePool(String xml);

  /** {@code virStoragePoolLookupByName}, or empty. */
  Optional<StoragePoolRef> lookupStoragePool(String name);

  /** Names of every storage pool: active and inactive, persistent and transient. */
  List<String> listStoragePools();

  /** {@code virStoragePoolGetXMLDesc}; {@code inactive} asks for the definition used at next start. */
  String storagePoolXml(String name, boolean inactive);

  /** {@code virStoragePoolBuild}: creates the pool's underlying storage (a {@code dir} pool's directory); the pool must be inactive. */
  void buildStoragePool(String name);

  /** {@code virStoragePoolCreate}: starts a defined pool (its storage must exist). */
  void startStoragePool(String name);

  /** {@code virStoragePoolDestroy}: stops an active pool, keeping its volumes; a transient one disappears. */
  void destroyStoragePool(String name);

  /** {@code virStoragePoolDelete}: removes the pool's underlying storage (an empty directory); the pool must be inactive. */
  void deleteStoragePool(String name);

  /** {@code virStoragePoolUndefine}: refused while the pool is active. */
  void undefineStoragePool(String name);

  boolean isStoragePoolActive(String name);

  boolean isStoragePoolPersistent(String name);

  boolean storagePoolAutostart(String name);

  /** {@code virStoragePoolSetAutostart}; refused for a transient pool. */
  void setStoragePoolAutostart(String name, boolean autostart);

  /** {@code virStoragePoolRefresh}: rescans the pool's volumes; the pool must be active. */
  void refreshStoragePool(String name);

  // ------------------------------------------------------------------ storage volumes

  /** {@code virStorageVolCreateXML} in active pool {@code pool}; returns the new volume's name. */
  String createStorageVolume(String pool, String xml);

  /** {@code virStoragePoolListVolumes}: names of the volumes of active pool {@code pool}. */
  List<String> listStorageVolumes(String pool);

  /** {@code virStorageVolGetXMLDesc} of volume {@code volume} of active pool {@code pool}. */
  String storageVolumeXml(String pool, String volume);

  /** {@code virStorageVolDelete}: removes the volume and its data. */
  void deleteStorageVolume(String pool, String volume);

  // ------------------------------------------------------------------ nwfilters

  /** {@code virNWFilterDefineXML}: defines (or, same UUID, redefines) a network filter; returns its name. */
  String defineNwfilter(String xml);

  /** Names of every network filter. */
  List<String> listNwfilters();

  /** {@code virNWFilterGetXMLDesc}. */
  String nwfilterXml(String name);

  /** {@code virNWFilterUndefine}. */
  void undefineNwfilter(String name);
}
