package io.kvmsdk.core.spi;

import io.kvmsdk.core.KvmSubscription;
import io.kvmsdk.core.domain.DomainEvent;
import io.kvmsdk.core.domain.DomainFilter;
import io.kvmsdk.core.domain.DomainInterfaceAddress;
import io.kvmsdk.core.domain.DomainJobEvent;
import io.kvmsdk.core.domain.DomainJobStats;
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
 * shape plus their power states), their snapshots, statistics, migration (with typed parameters, job
 * statistics and the calls that steer a running migration), guest agent, lifecycle and job events. {@link #create(String)} fails like libvirt when a domain of that name is already active or
 * defined with another UUID; {@link #undefine(String)} of a running domain leaves it running as a
 * transient one.
 */
public interface DomainDriver extends LifecycleDriver {
  /**
   * {@link #define(String)} of a definition whose {@code <name>} is {@code name}: libvirt keeps the
   * name as given, so a driver need only read back the UUID (which libvirt makes when the definition
   * has none). This default reads back both.
   */
  default ObjectRef define(String xml, String name) { return define(xml); }

  /** {@link #create(String)} of a definition whose {@code <name>} is {@code name}, as {@link #define(String, String)}. */
  default ObjectRef create(String xml, String name) { return create(xml); }

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

  /**
   * {@code virDomainMigrate3}: like {@link #migrate(String, Hypervisor, Set)} with libvirt's typed
   * migration parameters ({@code VIR_MIGRATE_PARAM_*}): field name ({@code bandwidth},
   * {@code parallel.connections}, {@code compression}, ...) to a Long, Integer, String or Boolean, or a
   * List of Strings for a field given several times ({@code compression}, {@code migrate_disks}). The
   * adapter gives each known field libvirt's type ({@code bandwidth} is an unsigned long long even when
   * passed as an Integer). Blocks until the migration ends: another thread may watch it with
   * {@link #jobStats}, steer it ({@link #migrateSetMaxDowntime}, {@link #migrateSetMaxSpeed},
   * {@link #migrateStartPostCopy}) or {@link #abortJob abort} it. With {@code PEER2PEER} the source
   * daemon connects to the destination's URI itself.
   */
  void migrate(String name, Hypervisor destination, Map<String, Object> params, Set<MigrateOption> options);

  /**
   * {@code virDomainMigrateToURI3} with {@code PEER2PEER} (which {@code options} must hold): the source
   * daemon connects to {@code destinationUri} (as the source host sees it, e.g.
   * {@code qemu+tls://hv2/system}) and migrates there; typed parameters as in
   * {@link #migrate(String, Hypervisor, Map, Set)}.
   */
  void migrateToUri(String name, String destinationUri, Map<String, Object> params, Set<MigrateOption> options);

  /**
   * {@code virDomainGetJobStats}: the domain's running job ({@code completed} false: type NONE when idle) or
   * its last completed one ({@code completed} true, with {@code VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED} so a
   * second read sees it too). A migration is reported on both hosts while it runs ({@code operation}
   * {@code MIGRATION_OUT} on the source, {@code MIGRATION_IN} on the destination).
   */
  DomainJobStats jobStats(String name, boolean completed);

  /** {@code virDomainAbortJob}: aborts the running job (a pre-copy migration fails, the guest keeps running here). */
  void abortJob(String name);

  /** {@code virDomainMigrateSetMaxDowntime}: the longest pause a migration may take to switch over, from now on (also mid-migration). */
  void migrateSetMaxDowntime(String name, long millis);

  /** {@code virDomainMigrateGetMaxDowntime}, in milliseconds (QEMU's default: 300). */
  long migrateGetMaxDowntime(String name);

  /**
   * {@code virDomainMigrateSetMaxSpeed} in MiB/s, for pre-copy or ({@code postcopy}, flag
   * {@code VIR_DOMAIN_MIGRATE_MAX_SPEED_POSTCOPY}) for post-copy; takes effect at once when a migration runs.
   */
  void migrateSetMaxSpeed(String name, long mibPerSecond, boolean postcopy);

  /** {@code virDomainMigrateGetMaxSpeed} in MiB/s. */
  long migrateGetMaxSpeed(String name, boolean postcopy);

  /**
   * {@code virDomainMigrateStartPostCopy}: switches a running migration started with {@code POSTCOPY} to
   * post-copy: the guest runs on the destination from now on and pulls the pages left. Returns once QEMU
   * accepted the switch; the switch itself follows shortly.
   */
  void migrateStartPostCopy(String name);

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

  /**
   * Delivers every job event of this connection's domains ({@code VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION},
   * {@code VIR_DOMAIN_EVENT_ID_JOB_COMPLETED}) to {@code listener} until the returned subscription is
   * closed. Survives a reconnect.
   */
  KvmSubscription onJobEvent(Consumer<DomainJobEvent> listener);
}
