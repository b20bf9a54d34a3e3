package io.kvmsdk.testkit.contract;

import static io.kvmsdk.testkit.contract.ContractCapability.QEMU_DRIVER;
import static io.kvmsdk.testkit.contract.ContractCapability.SNAPSHOTS;
import static io.kvmsdk.testkit.contract.ContractRun.check;
import static io.kvmsdk.testkit.contract.ContractRun.expectEqual;

import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.SnapshotSpec;
import java.util.List;

/** Snapshots: what QEMU refuses for a guest without a qcow2 disk, and missing snapshots. */
final class SnapshotContractCases {
  private SnapshotContractCases() {}

  private static final String UNSUPPORTED = "VIR_ERR_CONFIG_UNSUPPORTED";

  static List<ContractCase> all() {
    return List.of(
        ContractCase.of("snapshot", "QEMU refuses internal snapshots of a guest without disks", SnapshotContractCases::diskless,
            SNAPSHOTS, QEMU_DRIVER),
        ContractCase.of("snapshot", "a missing snapshot is not found", SnapshotContractCases::missing, SNAPSHOTS));
  }

  static void diskless(ContractRun run) {
    Domain d = run.define(run.guest(run.name("snap")));
    SnapshotSpec s1 = SnapshotSpec.builder().name("s1").build();
    run.expectRefused("snapshot a shut-off guest without disks", () -> d.snapshots().create(s1), UNSUPPORTED,
        "unsupported configuration: nothing selected for snapshot");
    d.start();
    run.expectRefused("snapshot a running guest without disks", () -> d.snapshots().create(s1), UNSUPPORTED,
        "unsupported configuration: internal and full system snapshots require all disks to be selected for snapshot");
    check(d.snapshots().list().isEmpty(), "a refused snapshot must leave no snapshot behind");
    check(d.snapshots().current().isEmpty(), "no current snapshot after refusals");
  }

  static void missing(ContractRun run) {
    Domain d = run.define(run.guest(run.name("nosnap")));
    String id = d.name() + "/nope";
    run.expectNotFound("revert to a missing snapshot", () -> d.snapshots().revert("nope"), "snapshot", id);
    run.expectNotFound("delete a missing snapshot", () -> d.snapshots().delete("nope"), "snapshot", id);
    expectEqual("find of a missing snapshot", java.util.Optional.empty(), d.snapshots().find("nope"));
  }
}
