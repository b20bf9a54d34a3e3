package io.kvmsdk.testkit.contract;

import static io.kvmsdk.testkit.contract.ContractCapability.EVENTS;
import static io.kvmsdk.testkit.contract.ContractCapability.MIGRATION;
import static io.kvmsdk.testkit.contract.ContractCapability.QEMU_DRIVER;
import static io.kvmsdk.testkit.contract.ContractRun.check;
import static io.kvmsdk.testkit.contract.ContractRun.expectEqual;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.KvmSubscription;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainJobEvent;
import io.kvmsdk.core.domain.DomainJobEventType;
import io.kvmsdk.core.domain.DomainJobOperation;
import io.kvmsdk.core.domain.DomainJobStats;
import io.kvmsdk.core.domain.DomainJobType;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.domain.MigrateOption;
import io.kvmsdk.core.spi.DomainDriver;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Live migration between the host under test and its peer: the plain call, and the typed one
 * ({@code virDomainMigrate3}) with its job statistics, the calls that steer a running migration
 * (downtime, speed, post-copy, abort) and the job events. A case that watches a migration subscribes
 * to the source's job events first and polls on the connection's ticker: a fake host lets such a
 * watched migration follow the clock the poll advances.
 */
final class MigrationContractCases {
  private MigrationContractCases() {}

  static List<ContractCase> all() {
    return List.of(
        ContractCase.of("migration", "a running domain moves to the peer: persistent there, gone here", MigrationContractCases::moves,
            MIGRATION),
        ContractCase.of("migration", "a shut-off domain or the same host is refused and nothing moves", MigrationContractCases::refusals,
            MIGRATION, QEMU_DRIVER),
        ContractCase.of("migration", "a live-only migration leaves the definition behind and runs transient on the peer",
            MigrationContractCases::liveOnly, MIGRATION),
        ContractCase.of("migration", "migration events on both hosts", MigrationContractCases::events, MIGRATION, EVENTS, QEMU_DRIVER),
        ContractCase.of("migration", "a capped typed migration reports its job on the source while it runs, and its totals when it completes",
            MigrationContractCases::jobWhileRunning, MIGRATION, EVENTS, QEMU_DRIVER),
        ContractCase.of("migration", "an aborted migration fails as aborted: the guest runs on here, its copy there is gone",
            MigrationContractCases::abort, MIGRATION, QEMU_DRIVER),
        ContractCase.of("migration", "post-copy is refused without the flag; with it the guest runs on the peer at once and the migration completes",
            MigrationContractCases::postCopy, MIGRATION, EVENTS, QEMU_DRIVER),
        ContractCase.of("migration", "a domain keeps its maximum downtime and speeds; with no job, abort and post-copy are refused",
            MigrationContractCases::steeringValues, QEMU_DRIVER),
        ContractCase.of("migration", "flags and typed parameters libvirt refuses: nothing moves", MigrationContractCases::typedRefusals,
            MIGRATION, QEMU_DRIVER),
        ContractCase.of("migration", "a peer-to-peer migration to the peer's URI moves the domain", MigrationContractCases::peerToPeer, MIGRATION));
  }

  // ------------------------------------------------------------------ typed migration

  private static final Set<MigrateOption> MOVE = EnumSet.of(MigrateOption.LIVE, MigrateOption.PERSIST_DEST, MigrateOption.UNDEFINE_SOURCE);

  /** Runs {@code migration} on its own thread. */
  static FutureTask<Void> inBackground(String name, Runnable migration) {
    FutureTask<Void> task = new FutureTask<>(migration, null);
    Thread t = new Thread(task, "contract-migration-" + name);
    t.setDaemon(true);
    t.start();
    return task;
  }

  /** Waits (real time, at most 3 minutes) for {@code migration}: its failure, or empty when it succeeded. */
  static Optional<RuntimeException> join(FutureTask<Void> migration) {
    try {
      migration.get(180, TimeUnit.SECONDS);
      return Optional.empty();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) return Optional.of(re);
      throw new AssertionError("the migration failed with " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("the migration did not end within 3 minutes");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the migration");
    }
  }

  /**
   * Polls the source's job every 50 ms of the connection's time (fake time on a fake) until a running job
   * satisfies {@code until}; empty when the migration ended first or 2 minutes passed.
   */
  static Optional<DomainJobStats> awaitJob(ContractRun run, String name, FutureTask<Void> migration, Predicate<DomainJobStats> until) {
    io.kvmsdk.core.spi.Ticker ticker = run.kvm().ticker();
    long end = ticker.nanoTime() + Duration.ofMinutes(2).toNanos();
    long realEnd = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    DomainDriver domains = run.kvm().hypervisor().domains();
    boolean started = false;
    while (!migration.isDone() && ticker.nanoTime() < end && System.nanoTime() < realEnd) {
      try {
        DomainJobStats s = domains.jobStats(name, false);
        if (s.isActive() && until.test(s)) return Optional.of(s);
        started |= s.isActive();
      } catch (KvmException gone) {
        // the domain left this host meanwhile: the migration is about to return
      }
      try {
        // until the job exists wait in real time: a fake's clock must not run out before the migration thread starts
        if (started) ticker.sleep(Duration.ofMillis(50)); else Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Records the job events of the run's domains on {@code on} until the case ends (this also makes a fake watch its migrations). */
  static List<DomainJobEvent> jobEvents(ContractRun run, Kvm on) {
    List<DomainJobEvent> seen = new CopyOnWriteArrayList<>();
    String prefix = run.name("");
    KvmSubscription sub = on.events().onJob(e -> {
      if (e.domainName().startsWith(prefix)) seen.add(e);
    });
    run.onClose(sub::close);
    return seen;
  }

  /** Waits (real time, at most 10 s) until {@code events} holds one that {@code p} accepts. */
  static boolean awaitEvent(List<DomainJobEvent> events, Predicate<DomainJobEvent> p) {
    return ContractRun.awaitReal(10, () -> events.stream().anyMatch(p), b -> b);
  }

  /** Whether a migration moves data already (a real QEMU starts the destination's first, reporting zeros meanwhile). */
  static boolean transferring(DomainJobStats s) { return s.memoryTotal().orElse(0) > 0; }

  static void jobWhileRunning(ContractRun run) {
    List<DomainJobEvent> events = jobEvents(run, run.kvm());
    String name = run.name("migjob");
    run.define(run.busyGuest(name)).start();
    run.cleanUp(run.peer(), name);
    DomainDriver here = run.kvm().hypervisor().domains();
    FutureTask<Void> migration = inBackground(name, () -> here.migrate(name, run.peer().hypervisor(), Map.of("bandwidth", 10L), MOVE));
    Optional<DomainJobStats> seen = awaitJob(run, name, migration, MigrationContractCases::transferring);
    check(seen.isPresent(), "the migration's job is seen on the source while it moves data");
    DomainJobStats s = seen.get();
    expectEqual("job type of a running migration", DomainJobType.UNBOUNDED, s.type());
    expectEqual("job operation on the source", DomainJobOperation.MIGRATION_OUT, s.operation());
    check(s.timeElapsed().isPresent() && s.dataRemaining().isPresent() && s.memoryIteration().orElse(0) >= 1,
        "a running migration reports its elapsed time, what is left and its pass over memory, got " + s.raw());
    if (run.peer().domains().find(name).isPresent()) {
      run.expectRefused("job statistics on the destination", () -> run.peer().hypervisor().domains().jobStats(name, false),
          "VIR_ERR_OPERATION_UNSUPPORTED", "Operation not supported: migration statistics are available only on the source host");
    }
    Optional<RuntimeException> failure = join(migration);
    check(failure.isEmpty(), "the migration completes, got " + failure.orElse(null));
    expectEqual("state on the peer", DomainState.RUNNING, run.peer().domains().get(name).state());
    check(awaitEvent(events, e -> e.domainName().equals(name) && e.type() == DomainJobEventType.MIGRATION_ITERATION && e.iteration() == 1),
        "a MIGRATION_ITERATION event for the first pass, got " + events);
    check(awaitEvent(events, e -> e.domainName().equals(name) && e.type() == DomainJobEventType.JOB_COMPLETED),
        "a JOB_COMPLETED event on the source, got " + events);
    DomainJobStats done = events.stream().filter(e -> e.type() == DomainJobEventType.JOB_COMPLETED).findFirst().orElseThrow().completedStats();
    expectEqual("completed job's operation (event)", DomainJobOperation.MIGRATION_OUT, done.operation());
    check(done.dataTotal().orElse(0) > 0 && done.timeElapsed().isPresent() && done.downtime().isPresent(),
        "the completed job reports its totals and downtime, got " + done.raw());
    DomainJobStats there = run.peer().domains().get(name).completedJobStats();
    expectEqual("completed job on the peer", DomainJobType.COMPLETED, there.type());
    expectEqual("completed job's operation on the peer", DomainJobOperation.MIGRATION_IN, there.operation());
    expectEqual("no job runs on the peer any more", DomainJobType.NONE, run.peer().domains().get(name).jobStats().type());
  }

  static void abort(ContractRun run) {
    jobEvents(run, run.kvm());
    String name = run.name("migabort");
    Domain d = run.define(run.busyGuest(name)).start();
    run.cleanUp(run.peer(), name);
    DomainDriver here = run.kvm().hypervisor().domains();
    FutureTask<Void> migration = inBackground(name, () -> here.migrate(name, run.peer().hypervisor(), Map.of("bandwidth", 1L), MOVE));
    check(awaitJob(run, name, migration, MigrationContractCases::transferring).isPresent(), "the migration's job is seen moving data");
    d.abortJob();
    RuntimeException failure = join(migration).orElseThrow(() -> new AssertionError("an aborted migration must fail"));
    check(failure instanceof LibvirtException, "the migration fails with a LibvirtException, got " + failure);
    LibvirtException e = (LibvirtException) failure;
    expectEqual("libvirt error of an aborted migration", "VIR_ERR_OPERATION_ABORTED", e.code());
    check(!e.retryable(), "an aborted migration is not retryable");
    expectEqual("libvirt message of an aborted migration", "operation aborted: job 'migration out' canceled by client", e.libvirtMessage());
    expectEqual("state on the source after the abort", DomainState.RUNNING, d.state());
    check(d.isPersistent(), "the source keeps its definition");
    check(ContractRun.awaitReal(10, () -> run.peer().domains().find(name).isEmpty(), b -> b), "nothing is left on the peer");
    run.expectRefused("abort with no job", d::abortJob, "VIR_ERR_OPERATION_INVALID", "Requested operation is not valid: no job is active on the domain");
    run.expectRefused("post-copy with no migration", () -> here.migrateStartPostCopy(name), "VIR_ERR_OPERATION_INVALID",
        "Requested operation is not valid: post-copy can only be started while outgoing migration is in progress");
  }

  static void postCopy(ContractRun run) {
    jobEvents(run, run.kvm());
    ContractRun.EventLog here = run.events(run.kvm());
    ContractRun.EventLog there = run.events(run.peer());
    String name = run.name("migpost");
    Domain d = run.define(run.busyGuest(name)).start();
    run.cleanUp(run.peer(), name);
    DomainDriver domains = run.kvm().hypervisor().domains();
    FutureTask<Void> plain = inBackground(name, () -> domains.migrate(name, run.peer().hypervisor(), Map.of("bandwidth", 1L), MOVE));
    check(awaitJob(run, name, plain, MigrationContractCases::transferring).isPresent(), "the first migration's job is seen moving data");
    run.expectRefused("post-copy of a migration started without POSTCOPY", () -> domains.migrateStartPostCopy(name), "VIR_ERR_OPERATION_INVALID",
        "Requested operation is not valid: switching to post-copy requires migration to be started with VIR_MIGRATE_POSTCOPY flag");
    d.abortJob();
    check(join(plain).isPresent(), "the aborted first migration fails");
    check(ContractRun.awaitReal(10, () -> run.peer().domains().find(name).isEmpty(), b -> b), "the aborted copy leaves the peer");

    Set<MigrateOption> flags = EnumSet.of(MigrateOption.LIVE, MigrateOption.POSTCOPY, MigrateOption.PERSIST_DEST, MigrateOption.UNDEFINE_SOURCE);
    FutureTask<Void> post = inBackground(name, () -> domains.migrate(name, run.peer().hypervisor(), Map.of("bandwidth", 1L), flags));
    check(awaitJob(run, name, post, MigrationContractCases::transferring).isPresent(), "the post-copy migration's job is seen moving data");
    domains.migrateStartPostCopy(name);
    Optional<RuntimeException> failure = join(post);
    check(failure.isEmpty(), "the migration switched to post-copy completes, got " + failure.orElse(null));
    expectEqual("state on the peer", DomainState.RUNNING, run.peer().domains().get(name).state());
    check(run.peer().domains().get(name).isPersistent(), "PERSIST_DEST defines it on the peer");
    check(run.kvm().domains().find(name).isEmpty(), "UNDEFINE_SOURCE leaves nothing here");
    check(here.await(name, l -> l.contains("SUSPENDED/POSTCOPY")).contains("SUSPENDED/POSTCOPY"),
        "the source reports the guest paused for post-copy, got " + here.of(name));
    check(there.await(name, l -> l.contains("RESUMED/POSTCOPY")).contains("RESUMED/POSTCOPY"),
        "the peer reports the guest running in post-copy, got " + there.of(name));
  }

  static void steeringValues(ContractRun run) {
    String name = run.name("migsteer");
    Domain d = run.define(run.guest(name));
    DomainDriver domains = run.kvm().hypervisor().domains();
    domains.migrateSetMaxSpeed(name, 10, false);
    expectEqual("maximum speed of a shut-off domain", 10L, domains.migrateGetMaxSpeed(name, false));
    run.expectRefused("maximum downtime of a shut-off domain", () -> domains.migrateGetMaxDowntime(name), "VIR_ERR_OPERATION_INVALID",
        "Requested operation is not valid: domain is not running");
    run.expectRefused("job of a shut-off domain", () -> domains.jobStats(name, false), "VIR_ERR_OPERATION_INVALID",
        "Requested operation is not valid: domain is not running");
    expectEqual("completed job of a new domain", DomainJobType.NONE, d.completedJobStats().type());
    d.start();
    expectEqual("QEMU's default maximum downtime, ms", 300L, domains.migrateGetMaxDowntime(name));
    domains.migrateSetMaxDowntime(name, 1000);
    expectEqual("maximum downtime after setting it", 1000L, domains.migrateGetMaxDowntime(name));
    expectEqual("the speed set before the start", 10L, domains.migrateGetMaxSpeed(name, false));
    expectEqual("post-copy speed: none set", 0L, domains.migrateGetMaxSpeed(name, true));
    domains.migrateSetMaxSpeed(name, 5, true);
    expectEqual("post-copy speed after setting it", 5L, domains.migrateGetMaxSpeed(name, true));
    run.expectRefused("a speed beyond QEMU's", () -> domains.migrateSetMaxSpeed(name, 8796093022208L, false), "VIR_ERR_OVERFLOW",
        "numerical overflow: bandwidth must be less than 8796093022208");
    expectEqual("no job on an idle domain", DomainJobType.NONE, d.jobStats().type());
    run.expectRefused("abort with no job", d::abortJob, "VIR_ERR_OPERATION_INVALID", "Requested operation is not valid: no job is active on the domain");
    run.expectRefused("post-copy with no migration", () -> domains.migrateStartPostCopy(name), "VIR_ERR_OPERATION_INVALID",
        "Requested operation is not valid: post-copy can only be started while outgoing migration is in progress");
  }

  static void typedRefusals(ContractRun run) {
    String name = run.name("migrefuse");
    Domain d = run.define(run.guest(name)).start();
    run.cleanUp(run.peer(), name);
    DomainDriver domains = run.kvm().hypervisor().domains();
    var peer = run.peer().hypervisor();
    Set<MigrateOption> live = EnumSet.of(MigrateOption.LIVE);
    run.expectRefused("tunnelled without peer-to-peer", () -> domains.migrate(name, peer, Map.of(), EnumSet.of(MigrateOption.LIVE,
        MigrateOption.TUNNELLED)), "VIR_ERR_INVALID_ARG", "cannot perform tunnelled migration without using peer2peer flag");
    run.expectRefused("post-copy of a paused migration", () -> domains.migrate(name, peer, Map.of(), EnumSet.of(MigrateOption.LIVE,
        MigrateOption.POSTCOPY, MigrateOption.PAUSED)), "VIR_ERR_ARGUMENT_UNSUPPORTED",
        "argument unsupported: post-copy migration is not supported with non-live or paused migration");
    run.expectRefused("an unknown parameter", () -> domains.migrate(name, peer, Map.of("bogus.param", 3), live), "VIR_ERR_ARGUMENT_UNSUPPORTED",
        "argument unsupported: parameter 'bogus.param' not supported");
    run.expectRefused("parallel connections without PARALLEL", () -> domains.migrate(name, peer, Map.of("parallel.connections", 3), live),
        "VIR_ERR_INVALID_ARG", "invalid argument: Turn parallel migration on to tune it");
    Set<MigrateOption> compressed = EnumSet.of(MigrateOption.LIVE, MigrateOption.COMPRESSED);
    run.expectRefused("an unknown compression method", () -> domains.migrate(name, peer, Map.of("compression", List.of("lz4")), compressed),
        "VIR_ERR_INVALID_ARG", "invalid argument: Unsupported compression method 'lz4'");
    run.expectRefused("a compression method twice", () -> domains.migrate(name, peer, Map.of("compression", List.of("xbzrle", "xbzrle")),
        compressed), "VIR_ERR_INVALID_ARG", "invalid argument: Compression method 'xbzrle' is specified twice");
    run.expectRefused("multithread compression tuned but off", () -> domains.migrate(name, peer, Map.of("compression.mt.level", 3), compressed),
        "VIR_ERR_INVALID_ARG", "invalid argument: Turn multithread compression on to tune it");
    run.expectRefused("a direct migration to a URI", () -> domains.migrateToUri(name, peerToPeerUri(run.peer()), Map.of(), live),
        "VIR_ERR_ARGUMENT_UNSUPPORTED", "argument unsupported: direct migration is not supported by the source host");
    expectEqual("state after the refusals", DomainState.RUNNING, d.state());
    check(run.peer().domains().find(name).isEmpty(), "nothing is left on the peer");
    // last: libvirt 9.0 checks these only once the destination is prepared, and leaves the source's job behind
    run.expectRefused("auto-converge tuned but off", () -> domains.migrate(name, peer, Map.of("auto_converge.initial", 30), live),
        "VIR_ERR_INVALID_ARG", "invalid argument: Turn auto convergence on to tune it");
    expectEqual("state after the refusal", DomainState.RUNNING, d.state());
  }

  /**
   * The peer's URI as the source daemon can use it for a peer-to-peer migration: libvirt refuses a
   * transport-less {@code qemu:///...} URI as "the same host", so a local socket URI gets {@code +unix}.
   */
  static String peerToPeerUri(Kvm peer) {
    String uri = peer.uri();
    return uri.startsWith("qemu:///") ? "qemu+unix:///" + uri.substring("qemu:///".length()) : uri;
  }

  static void peerToPeer(ContractRun run) {
    String name = run.name("migp2p");
    Domain d = run.define(run.guest(name)).start();
    run.cleanUp(run.peer(), name);
    Set<MigrateOption> flags = EnumSet.of(MigrateOption.LIVE, MigrateOption.PEER2PEER, MigrateOption.PERSIST_DEST, MigrateOption.UNDEFINE_SOURCE);
    run.kvm().hypervisor().domains().migrateToUri(name, peerToPeerUri(run.peer()), Map.of(), flags);
    Domain there = run.peer().domains().get(name);
    expectEqual("state on the peer", DomainState.RUNNING, there.state());
    expectEqual("UUID on the peer", d.uuid(), there.uuid());
    check(there.isPersistent(), "PERSIST_DEST defines it on the peer");
    check(run.kvm().domains().find(name).isEmpty(), "UNDEFINE_SOURCE leaves nothing here");
  }

  static void moves(ContractRun run) {
    String name = run.name("mig");
    Domain d = run.define(run.guest(name)).start();
    run.cleanUp(run.peer(), name);
    Domain there = d.migrateTo(run.peer());
    expectEqual("state on the peer", DomainState.RUNNING, there.state());
    check(there.isPersistent(), "with the default options the domain is defined on the peer");
    expectEqual("UUID on the peer", d.uuid(), there.uuid());
    check(run.kvm().domains().find(name).isEmpty(), "with the default options the domain is undefined on the source");
  }

  static void refusals(ContractRun run) {
    String name = run.name("migno");
    Domain d = run.define(run.guest(name));
    run.cleanUp(run.peer(), name);
    run.expectRefused("migrate a shut-off domain", () -> d.migrateTo(run.peer()), "VIR_ERR_OPERATION_INVALID",
        "Requested operation is not valid: domain is not running");
    d.start();
    Kvm self = Kvm.using(run.kvm().hypervisor());   // the same connection: not closed here
    var e = run.expectRefused("migrate to the same host", () -> d.migrateTo(self), "VIR_ERR_INTERNAL_ERROR", null);
    check(e.libvirtMessage().startsWith("internal error: Attempt to migrate guest to the same host "),
        "libvirt names the same-host refusal, got: " + e.libvirtMessage());
    expectEqual("state after the refusals", DomainState.RUNNING, d.state());
    check(run.peer().domains().find(name).isEmpty(), "nothing may be left on the peer");
  }

  static void liveOnly(ContractRun run) {
    String name = run.name("miglive");
    Domain d = run.define(run.guest(name)).start();
    run.cleanUp(run.peer(), name);
    Domain there = d.migrateTo(run.peer(), io.kvmsdk.core.domain.MigrateOption.LIVE);
    expectEqual("state on the peer", DomainState.RUNNING, there.state());
    check(!there.isPersistent(), "without PERSIST_DEST the domain runs transient on the peer");
    expectEqual("state left on the source", DomainState.SHUTOFF, d.state());
    check(d.isPersistent(), "without UNDEFINE_SOURCE the source keeps the definition");
  }

  static void events(ContractRun run) {
    ContractRun.EventLog here = run.events(run.kvm());
    ContractRun.EventLog there = run.events(run.peer());
    String name = run.name("migev");
    Domain d = run.define(run.guest(name)).start();
    run.cleanUp(run.peer(), name);
    List<String> before = here.await(name, l -> l.size() >= 3);
    d.migrateTo(run.peer());
    // libvirt reports no UNDEFINED event for UNDEFINE_SOURCE
    expectEqual("events on the source", List.of("DEFINED/ADDED", "RESUMED/UNPAUSED", "STARTED/BOOTED", "SUSPENDED/MIGRATED", "STOPPED/MIGRATED"),
        here.settle(name, before.size() + 2));
    expectEqual("events on the peer", List.of("STARTED/MIGRATED", "DEFINED/ADDED", "RESUMED/MIGRATED"), there.settle(name, 3));
  }
}
