package io.kvmsdk.core.spi;

import io.kvmsdk.core.KvmSubscription;
import io.kvmsdk.core.domain.DomainEvent;
import io.kvmsdk.core.domain.DomainFilter;
import io.kvmsdk.core.domain.DomainInterfaceAddress;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.domain.MigrateOption;
import io.kvmsdk.core.domain.UndefineOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * libvirt's hypervisor driver, as the port sees it: domains (the shared {@link LifecycleDriver}
 * shape plus their power states), their snapshots, statistics, migration, guest agent and lifecycle
 * events. {@link #create(String)} fails like libvirt when a domain of that name is already active or
 * defined with another UUID; {@link #undefine(String)} of a running domain leaves it running as a
 * transient one.
 */
public interface DomainDriver extends LifecycleDriver {
  /** {@code virConnectListAllDomains} with filter flags; empty: all. */
  List<ObjectRef> list(Set<DomainFilter> filters);

  @Override default List<ObjectRef> list() { return list(Set.of()); }

  /** {@code virDomainGetInfo}'s state. */
  DomainState state(String name);

  /** True while the domain runs or is paused. */
  @Override default boolean isActive(String name) { return state(name).isActive(); }

  /** {@code virDomainShutdown}: asks the guest to power off; returns at once. */
  void shutdown(String name);

  void reboot(String name);

  void suspend(String name);

  void resume(String name);

  /** {@code virDomainUndefineFlags}. */
  void undefine(String name, Set<UndefineOption> options);

  @Override default void undefine(String name) { undefine(name, Set.of()); }

  /**
   * libvirt's bulk statistics for one domain ({@code virDomainListGetStats} with every group the
   * driver supports), as typed parameters: key ({@code cpu.time}, {@code block.0.rd.bytes}) to
   * Integer, Long, Double, Boolean or String.
   */
  Map<String, Object> stats(String name);

  /** {@code virConnectGetAllDomainStats}: domain name to its typed parameters. */
  Map<String, Map<String, Object>> allStats();

  /**
   * {@code virDomainMigrate}: moves running domain {@code name} to {@code destination}, a connection
   * of the same implementation (two libvirt connections, or two hosts of one fake cluster), with
   * libvirt's {@code VIR_MIGRATE_*} {@code options}. On failure the domain keeps running on this host.
   */
  void migrate(String name, Hypervisor destination, Set<MigrateOption> options);

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
}
