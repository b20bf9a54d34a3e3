package io.kvmsdk.testkit.contract;

import static io.kvmsdk.testkit.contract.ContractCapability.QEMU_DRIVER;
import static io.kvmsdk.testkit.contract.ContractCapability.SNAPSHOTS;
import static io.kvmsdk.testkit.contract.ContractRun.check;
import static io.kvmsdk.testkit.contract.ContractRun.expectEqual;

import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.SnapshotDisk;
import io.kvmsdk.core.domain.SnapshotMemory;
import io.kvmsdk.core.domain.SnapshotSpec;
import java.util.List;

/** Snapshots: what QEMU refuses for a guest without a qcow2 disk, what a snapshot records of memory and disks, missing snapshots. */
final class SnapshotContractCases {
  private SnapshotContractCases() {}

  private static final String UNSUPPORTED = "VIR_ERR_CONFIG_UNSUPPORTED";

  static List<ContractCase> all() {
    return List.of(
        ContractCase.of("snapshot", "QEMU refuses internal snapshots of a guest without disks", SnapshotContractCases::diskless,
            SNAPSHOTS, QEMU_DRIVER),
        ContractCase.of("snapshot", "a missing snapshot is not found", SnapshotContractCases::missing, SNAPSHOTS),
        ContractCase.of("snapshot", "snapshots of a qcow2 guest form a tree; revert restores the state; undefine needs their metadata gone",
            SnapshotContractCases::tree, SNAPSHOTS, QEMU_DRIVER),
        ContractCase.of("snapshot", "a snapshot records its memory and each disk's mode; refusals of what an internal snapshot cannot hold",
            SnapshotContractCases::modes, SNAPSHOTS, QEMU_DRIVER));
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

  static void tree(ContractRun run) {
    Domain d = run.define(run.guestWithDisk(run.name("tree")));
    d.snapshots().create(SnapshotSpec.builder().name("off").description("shut off <first>").build());
    SnapshotSpec off = d.snapshots().get("off").spec();
    expectEqual("state captured by a shut-off snapshot", java.util.Optional.of("shutoff"), off.state());
    expectEqual("description read back", java.util.Optional.of("shut off <first>"), off.description());
    expectEqual("current snapshot", "off", d.snapshots().current().orElseThrow().name());
    d.start();
    d.snapshots().create(SnapshotSpec.builder().name("on").build());
    SnapshotSpec on = d.snapshots().get("on").spec();
    expectEqual("state captured by a running snapshot", java.util.Optional.of("running"), on.state());
    expectEqual("parent of the second snapshot", java.util.Optional.of("off"), on.parent());
    expectEqual("snapshot names", List.of("off", "on"), d.snapshots().list().stream().map(s -> s.name()).sorted().toList());
    run.kvm().domains().define(d.inactiveSpec().copy(b -> b.memory(io.kvmsdk.core.Size.mib(96))));
    d.snapshots().revert("off");
    expectEqual("state after reverting to a shut-off snapshot", io.kvmsdk.core.domain.DomainState.SHUTOFF, d.state());
    expectEqual("next-boot memory restored by the revert", io.kvmsdk.core.Size.mib(64).kib(), d.inactiveSpec().memory().orElseThrow().kib());
    expectEqual("current after revert", "off", d.snapshots().current().orElseThrow().name());
    d.snapshots().revert("on");
    expectEqual("state after reverting to a running snapshot", io.kvmsdk.core.domain.DomainState.RUNNING, d.state());
    d.destroy();
    run.expectRefused("undefine with snapshots", d::undefine, "VIR_ERR_OPERATION_INVALID",
        "Requested operation is not valid: cannot delete inactive domain with 2 snapshots");
    d.snapshots().delete("off");
    expectEqual("parent after deleting it", java.util.Optional.empty(), d.snapshots().get("on").spec().parent());
    d.undefine(io.kvmsdk.core.domain.UndefineOption.SNAPSHOTS_METADATA);
    check(run.kvm().domains().find(d.name()).isEmpty(), "undefine with SNAPSHOTS_METADATA removes the domain");
  }

  static void modes(ContractRun run) {
    Domain d = run.define(run.guestWithDisk(run.name("modes")).copy(b -> b.addDisk(Disk.cdrom().target("hdc", "ide"))));
    String snap = "VIR_FROM_DOMAIN_SNAPSHOT";
    refused(run, "memory state of a shut-off guest", () -> d.snapshots().create(SnapshotSpec.builder().name("m").memory(SnapshotMemory.internal())
        .build()), "VIR_ERR_XML_ERROR", "XML error: memory state cannot be saved with offline or disk-only snapshot", snap);
    refused(run, "a disk the guest lacks", () -> d.snapshots().create(SnapshotSpec.builder().name("m").addDisks(SnapshotDisk.builder().name("vdz")
        .build()).build()), UNSUPPORTED, "unsupported configuration: no disk named 'vdz'", snap);
    refused(run, "an external disk in an internal snapshot", () -> d.snapshots().create(SnapshotSpec.builder().name("m")
        .addDisks(SnapshotDisk.builder().name("vda").snapshot("external").build()).build()), UNSUPPORTED,
        "unsupported configuration: disk 'vda' must use snapshot mode 'internal'", snap);
    refused(run, "a disk named twice", () -> d.snapshots().create(SnapshotSpec.builder().name("m").addDisks(SnapshotDisk.builder().name("vda").build(),
        SnapshotDisk.builder().name("vda").build()).build()), UNSUPPORTED, "unsupported configuration: disk 'vda' specified twice", snap);
    d.snapshots().create(SnapshotSpec.builder().name("off").build());
    List<SnapshotDisk> disks = List.of(SnapshotDisk.builder().name("vda").snapshot("internal").build(),
        SnapshotDisk.builder().name("hdc").snapshot("no").build());
    SnapshotSpec off = d.snapshots().get("off").spec();
    expectEqual("memory of a shut-off snapshot", java.util.Optional.of(SnapshotMemory.none()), off.memory());
    expectEqual("disks of a snapshot (the CD-ROM left out)", disks, off.disks());
    check(off.inactiveDomain().isEmpty() && off.cookie().isEmpty(), "a shut-off snapshot has no inactiveDomain and no cookie: " + off);
    refused(run, "a name taken", () -> d.snapshots().create(SnapshotSpec.builder().name("off").build()), "VIR_ERR_OPERATION_FAILED",
        "operation failed: domain moment off already exists", "VIR_FROM_DOMAIN");
    d.start();
    refused(run, "a running guest without its memory", () -> d.snapshots().create(SnapshotSpec.builder().name("m").memory(SnapshotMemory.none())
        .build()), "VIR_ERR_OPERATION_UNSUPPORTED", "Operation not supported: internal snapshot of a running VM must include the memory state",
        "VIR_FROM_QEMU");
    d.snapshots().create(SnapshotSpec.builder().name("on").build());
    SnapshotSpec on = d.snapshots().get("on").spec();
    expectEqual("memory of a running snapshot", java.util.Optional.of(SnapshotMemory.internal()), on.memory());
    expectEqual("disks of a running snapshot", disks, on.disks());
    expectEqual("the next-boot definition a running snapshot keeps", java.util.Optional.of(d.inactiveSpec()), on.inactiveDomain());
    expectEqual("a running snapshot's domain has no runtime id", java.util.Optional.empty(), on.domain().orElseThrow().id());
    List<String> cookie = on.cookie().orElseThrow().children().stream().map(io.kvmsdk.core.xml.XmlElement::name).toList();
    expectEqual("QEMU's save cookie: the guest's CPU, and no user-mode NIC", List.of("cpu", "slirpHelper"), cookie);
    expectEqual("the cookie's CPU is the running guest's", ContractXml.at(d.spec().toXml(), "cpu").toXml(),
        on.cookie().get().children().get(0).toXml());
    refused(run, "a name taken while running", () -> d.snapshots().create(SnapshotSpec.builder().name("on").build()), "VIR_ERR_OPERATION_FAILED",
        "operation failed: domain moment on already exists", "VIR_FROM_DOMAIN");
    expectEqual("snapshots after the refusals", List.of("off", "on"), d.snapshots().list().stream().map(s -> s.name()).sorted().toList());
  }

  /** {@link ContractRun#expectRefused} and, on QEMU, libvirt's error domain. */
  private static void refused(ContractRun run, String what, ContractRun.Call call, String code, String message, String from) {
    io.kvmsdk.core.LibvirtException e = run.expectRefused(what, call, code, message);
    if (run.has(QEMU_DRIVER)) expectEqual(what + " (libvirt error domain)", from, e.errorDomain());
  }

  static void missing(ContractRun run) {
    Domain d = run.define(run.guest(run.name("nosnap")));
    String id = d.name() + "/nope";
    run.expectNotFound("revert to a missing snapshot", () -> d.snapshots().revert("nope"), "snapshot", id);
    run.expectNotFound("delete a missing snapshot", () -> d.snapshots().delete("nope"), "snapshot", id);
    expectEqual("find of a missing snapshot", java.util.Optional.empty(), d.snapshots().find("nope"));
  }
}
