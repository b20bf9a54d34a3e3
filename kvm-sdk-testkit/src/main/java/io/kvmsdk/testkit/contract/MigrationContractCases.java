package io.kvmsdk.testkit.contract;

import static io.kvmsdk.testkit.contract.ContractCapability.EVENTS;
import static io.kvmsdk.testkit.contract.ContractCapability.MIGRATION;
import static io.kvmsdk.testkit.contract.ContractCapability.QEMU_DRIVER;
import static io.kvmsdk.testkit.contract.ContractRun.check;
import static io.kvmsdk.testkit.contract.ContractRun.expectEqual;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainState;
import java.util.List;

/** Live migration between the host under test and its peer. */
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
        ContractCase.of("migration", "migration events on both hosts", MigrationContractCases::events, MIGRATION, EVENTS, QEMU_DRIVER));
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
