package io.kvmsdk.storage.pools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.host.ApplyOptions;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.storage.fake.Exportfs;
import io.kvmsdk.storage.fake.Gluster;
import io.kvmsdk.storage.fake.Lvm;
import io.kvmsdk.storage.fake.StorageFakes;
import io.kvmsdk.storage.fake.Zfs;
import io.kvmsdk.storage.gluster.GlusterBrick;
import io.kvmsdk.storage.gluster.GlusterVolume;
import io.kvmsdk.storage.lvm.LogicalVolume;
import io.kvmsdk.storage.lvm.VolumeGroup;
import io.kvmsdk.storage.nfs.NfsClient;
import io.kvmsdk.storage.nfs.NfsExport;
import io.kvmsdk.storage.nfs.NfsExports;
import io.kvmsdk.storage.zfs.ZfsPool;
import io.kvmsdk.storage.zfs.ZfsVdev;
import io.kvmsdk.storage.zfs.ZfsVolume;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.FakeHostSnapshot;
import org.junit.jupiter.api.Test;

/** The NFS, LVM, ZFS and Gluster plans on fake hosts (this kernel has no nfsd, device-mapper, ZFS or glusterd): idempotent, and readable as dry-run scripts. */
class FileAndBlockPoolsOnFakeHostTest {
  static void assertIdempotent(Plan plan, FakeHost host) {
    assertThat(plan.apply(host).changed()).isTrue();
    FakeHostSnapshot before = host.snapshot();
    assertThat(plan.apply(host).changed()).as("the second run changes nothing").isFalse();
    host.assertUnchangedSince(before);
  }

  static NfsExports exports() {
    return NfsExports.builder().name("vmstore")
        .addExport(NfsExport.of("/srv/nfs/vms", NfsClient.hypervisor("192.0.2.0/24"), NfsClient.of("backup.example.com", "ro", "sync", "no_subtree_check")))
        .addExport(NfsExport.of("/srv/nfs/iso", NfsClient.of("*", "ro", "all_squash")))
        .build();
  }

  @Test void nfsExportsAreWrittenAndPublishedOnce() {
    FakeHost nas = StorageFakes.host("nas").withFile("/srv/nfs/vms/.keep", "").withFile("/srv/nfs/iso/.keep", "");
    assertIdempotent(exports().plan(), nas);
    assertThat(nas.file("/etc/exports.d/vmstore.exports")).contains("""
        # written by kvm-sdk: exports(5)
        /srv/nfs/vms 192.0.2.0/24(rw,sync,no_subtree_check,no_root_squash) backup.example.com(ro,sync,no_subtree_check)
        /srv/nfs/iso *(ro,all_squash)
        """);
    assertThat(nas.state(Exportfs.TABLE).published()).containsExactly(
        "/srv/nfs/vms 192.0.2.0/24(rw,sync,no_subtree_check,no_root_squash)", "/srv/nfs/vms backup.example.com(ro,sync,no_subtree_check)",
        "/srv/nfs/iso *(ro,all_squash)");
    // a changed export republishes
    NfsExports more = exports().copy(b -> b.addExport(NfsExport.of("/srv/nfs/tmp", NfsClient.hypervisor("hv3"))));
    FakeHost nas2 = nas.withFile("/srv/nfs/tmp/.keep", "");
    assertThat(more.plan().apply(nas2).changed()).isTrue();
    assertThat(nas2.state(Exportfs.TABLE).published()).contains("/srv/nfs/tmp hv3(rw,sync,no_subtree_check,no_root_squash)");
    more.removalPlan().apply(nas2);
    assertThat(nas2.state(Exportfs.TABLE).published()).isEmpty();
  }

  @Test void badExportsAreRefused() {
    assertThatThrownBy(() -> NfsClient.of("192.0.2.0/24", "rw", "no_such_option"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.rule()).contains("unknown export option 'no_such_option'"));
    assertThatThrownBy(() -> NfsClient.of("192.0.2.0/33", "rw")).hasMessageContaining("exports/client");
    assertThatThrownBy(() -> NfsClient.of("hv1", "rw", "ro")).hasMessageContaining("rw and ro");
    assertThatThrownBy(() -> NfsExport.of("/srv/with space", NfsClient.hypervisor("hv1"))).hasMessageContaining("exports/path");
    assertThatThrownBy(() -> NfsExport.builder().path("/srv/x").build()).hasMessageContaining("at least one client");
    assertThatThrownBy(() -> NfsExport.of("/srv/x", NfsClient.hypervisor("hv1")).libvirtPool("p", "nas", "/mnt/x", "vers=3"))
        .hasMessageContaining("<protocol ver>");
  }

  static VolumeGroup vg() {
    return VolumeGroup.builder().name("vmdata").addDevices("/dev/sdb", "/dev/sdc")
        .addVolume(LogicalVolume.of("iso", Size.gib(20))).addVolume(LogicalVolume.builder().name("db").size(Size.gib(40)).stripes(2).build())
        .build();
  }

  static FakeHost disks(String name) {
    FakeHost h = StorageFakes.host(name);
    StorageFakes.withDisk(h, "/dev/sdb", Size.gib(100));
    StorageFakes.withDisk(h, "/dev/sdc", Size.gib(100));
    StorageFakes.withDisk(h, "/dev/sdd", Size.gib(100));
    return h;
  }

  @Test void lvmPlanCreatesTheGroupAndVolumesOnceAndGrowsAVolume() {
    FakeHost hv = disks("hv1");
    assertIdempotent(vg().plan(), hv);
    Lvm.State s = hv.state(Lvm.STATE);
    assertThat(s.groupOf("/dev/sdb")).contains("vmdata");
    assertThat(s.volumeSize("vmdata/iso")).contains(Size.gib(20).bytes());
    assertThat(hv.file("/dev/vmdata/db")).isPresent();
    // a third disk joins the existing group
    VolumeGroup bigger = vg().copy(b -> b.addDevices("/dev/sdd"));
    assertThat(bigger.plan().apply(hv).changed()).isTrue();
    assertThat(hv.state(Lvm.STATE).groupOf("/dev/sdd")).contains("vmdata");
    assertIdempotent(bigger.resizePlan("iso", Size.gib(30)), hv);
    assertThat(hv.state(Lvm.STATE).volumeSize("vmdata/iso")).contains(Size.gib(30).bytes());
    assertThatThrownBy(() -> bigger.resizePlan("iso", Size.gib(25)).apply(hv)).isInstanceOf(PlanFailedException.class)
        .hasMessageContaining("not larger than existing size");
  }

  @Test void lvmRefusesWhatLvmWouldRoundOrCannotDo() {
    assertThatThrownBy(() -> vg().copy(b -> b.addVolume(LogicalVolume.of("odd", Size.mib(5)))))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.rule()).contains("multiple of the extent size (4 MiB)"));
    assertThatThrownBy(() -> vg().copy(b -> b.addVolume(LogicalVolume.builder().name("wide").size(Size.gib(1)).stripes(3).build())))
        .hasMessageContaining("3 stripes need 3 physical volumes");
    assertThatThrownBy(() -> VolumeGroup.builder().name("vg").addDevices("sdb").build()).hasMessageContaining("vg/pv");
    assertThatThrownBy(() -> VolumeGroup.builder().name("vg").addDevices("/srv/disk.img").build()).hasMessageContaining("under /dev/");
    FakeHost hv = disks("hv1");
    VolumeGroup huge = vg().copy(b -> b.volumes(java.util.List.of(LogicalVolume.of("huge", Size.gib(300)))));
    assertThatThrownBy(() -> huge.plan().apply(hv)).isInstanceOf(PlanFailedException.class).hasMessageContaining("insufficient free space");
    assertThat(hv.state(Lvm.STATE).groups()).as("rolled back").isEmpty();
  }

  static ZfsPool tank() {
    return ZfsPool.builder().name("tank").addVdev(ZfsVdev.mirror("/dev/sdb", "/dev/sdc"))
        .putProperty("ashift", "12").putFsProperty("compression", "lz4").putFsProperty("atime", "off")
        .addVolume(ZfsVolume.filesystem("vms"))
        .addVolume(ZfsVolume.builder().name("vms/db").size(Size.gib(20)).blockSize(Size.kib(16)).sparse(true).build())
        .build();
  }

  @Test void zfsPlanCreatesThePoolWithCompressionOnceAndConvergesAnOldPool() {
    FakeHost hv = disks("hv1");
    assertIdempotent(tank().plan(), hv);
    Zfs.State s = hv.state(Zfs.STATE);
    assertThat(s.vdevWords("tank")).containsExactly("mirror", "/dev/sdb", "/dev/sdc");
    assertThat(s.poolProperties("tank")).containsEntry("ashift", "12");
    assertThat(s.property("tank/vms/db", "compression")).contains("lz4");
    assertThat(hv.file("/dev/zvol/tank/vms/db")).isPresent();
    // a pool made by hand without compression gets it
    FakeHost old = disks("hv2");
    old.run(HostCommand.of("zpool", "create", "tank", "mirror", "/dev/sdb", "/dev/sdc")).orThrow();
    assertThat(tank().plan().apply(old).changed()).isTrue();
    assertThat(old.state(Zfs.STATE).property("tank", "compression")).contains("lz4");
    assertThatThrownBy(() -> ZfsPool.builder().name("t").addVdev(ZfsVdev.mirror("/dev/sdb")).build()).hasMessageContaining("at least 2 devices");
    assertThatThrownBy(() -> tank().copy(b -> b.putFsProperty("compression", "brotli"))).hasMessageContaining("compression");
    assertThatThrownBy(() -> ZfsPool.builder().name("t").addVdev(ZfsVdev.stripe("/dev/sdb")).addVolume(ZfsVolume.zvol("a/b", Size.gib(1))).build())
        .hasMessageContaining("parent filesystem 'a'");
  }

  static GlusterVolume gv() {
    return GlusterVolume.builder().name("vmstore").replica(3)
        .addBrick(GlusterBrick.of("gl1", "/data/brick1/vmstore")).addBrick(GlusterBrick.of("gl2", "/data/brick1/vmstore"))
        .addBrick(GlusterBrick.of("gl3", "/data/brick1/vmstore"))
        .putOption("features.shard", "on").putOption("performance.strict-o-direct", "on").build();
  }

  @Test void glusterPlanProbesCreatesSetsAndStartsOnce() {
    FakeHost gl1 = StorageFakes.host("gl1").withState(Gluster.STATE, s -> s.reachable("gl2", "gl3"));
    assertIdempotent(gv().plan("gl1"), gl1);
    Gluster.State s = gl1.state(Gluster.STATE);
    assertThat(s.peers()).containsExactly("gl2", "gl3");
    assertThat(s.volume("vmstore").orElseThrow().status()).isEqualTo("Started");
    assertThat(s.volume("vmstore").orElseThrow().options()).containsEntry("features.shard", "on");
    FakeHost lonely = StorageFakes.host("gl1");
    assertThatThrownBy(() -> gv().plan("gl1").apply(lonely)).hasMessageContaining("Transport endpoint is not connected");
    assertThatThrownBy(() -> gv().copy(b -> b.replica(2))).hasMessageContaining("not a multiple of the replica count 2");
    assertThatThrownBy(() -> GlusterVolume.builder().name("v").replica(2).addBrick(GlusterBrick.of("a", "/b")).addBrick(GlusterBrick.of("b", "/b")).build())
        .hasMessageContaining("replica 2 splits brains");
    assertThatThrownBy(() -> GlusterVolume.builder().name("v").replica(3).addBrick(GlusterBrick.of("a", "/b1")).addBrick(GlusterBrick.of("a", "/b2"))
        .addBrick(GlusterBrick.of("b", "/b")).build()).hasMessageContaining("two bricks on a");
    assertThatThrownBy(() -> gv().plan("gl9")).hasMessageContaining("run the plan on a brick host");
  }

  @Test void dryRunsAreReadableScripts() {
    String script = Plan.concat(exports().plan(), vg().plan(), tank().plan(), gv().plan("gl1"))
        .apply(StorageFakes.host("any"), ApplyOptions.dryRun()).script().orElseThrow();
    assertThat(script).startsWith("#!/bin/sh")
        .contains("exportfs -ra").contains("pvcreate /dev/sdb").contains("vgcreate vmdata /dev/sdb /dev/sdc")
        .contains("lvcreate --yes -n db -L 40g -i 2 vmdata")
        .contains("zpool create -o 'ashift=12' -O 'compression=lz4' -O 'atime=off' tank mirror /dev/sdb /dev/sdc")
        .contains("zfs create -s -V 20G -b 16K tank/vms/db")
        .contains("gluster --mode=script volume create vmstore replica 3 transport tcp gl1:/data/brick1/vmstore gl2:/data/brick1/vmstore gl3:/data/brick1/vmstore");
  }
}
