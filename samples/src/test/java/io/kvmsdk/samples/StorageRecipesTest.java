package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.storage.fake.Exportfs;
import io.kvmsdk.storage.fake.Iscsiadm;
import io.kvmsdk.storage.fake.Lvm;
import io.kvmsdk.storage.fake.Tgtadm;
import io.kvmsdk.testkit.EnableFakeKvm;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.FakeHypervisor;
import io.kvmsdk.testkit.Fault;
import io.kvmsdk.testkit.FaultMatcher;
import io.kvmsdk.testkit.FaultRule;
import org.junit.jupiter.api.Test;

/** Chapters 5, 6 and 7 on fake hosts, with a failing plan step, a dropped connection, a lost host. */
@EnableFakeKvm
class StorageRecipesTest {
  @EnableFakeKvm.Host("hv1") Kvm kvm1;
  @EnableFakeKvm.Host("hv1") FakeHypervisor fake1;
  @EnableFakeKvm.Host("hv1") FakeHost hv1;
  @EnableFakeKvm.Host("san1") FakeHost san1;
  @EnableFakeKvm.Host("nas") FakeHost nas;

  private static boolean served(FakeHost san) {
    return san.state(Tgtadm.TGTD).daemon(0).map(d -> !d.targets().isEmpty()).orElse(false);
  }

  // ---------------------------------------------------------------- 5: iSCSI

  @Test void iscsiLunServedLoggedInOnTwoPortalsAndTheGuestRuns() {
    RecipeRun run = RecipeRun.of(IscsiBackedGuest.recipe(), IscsiBackedGuest::body);

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(served(san1)).isTrue();
    assertThat(hv1.state(Iscsiadm.STATE).sessions()).hasSize(2);
    assertThat(kvm1.domains().get("web1").spec().toXml()).contains("protocol='iscsi'");
    assertThat(run.out()).doesNotContain("Tr0ub4dor-san");
  }

  @Test void aFailingLoginOnTheHypervisorTakesTheTargetOffTheSanAndDefinesNothing() {
    hv1.failWhen(FaultMatcher.containing("--login"), 8, "iscsiadm: Could not login to [iface: default]: iSCSI login failed due to authorization failure");

    RecipeRun run = RecipeRun.of(IscsiBackedGuest.recipe(), IscsiBackedGuest::body);

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.oneErrorLine()).as(run.err()).isTrue();
    assertThat(run.err()).startsWith("IscsiBackedGuest: plan failed on hv1 at step").contains("rolled back:");
    assertThat(run.out()).contains("# rolled back: target removed from san1");
    assertThat(served(san1)).as("the SAN no longer serves the target").isFalse();
    assertThat(hv1.state(Iscsiadm.STATE).sessions()).isEmpty();
    assertThat(kvm1.secrets().find(IscsiBackedGuest.SECRET_USAGE)).isEmpty();
    assertThat(kvm1.pools().find("vmstore")).isEmpty();
  }

  @Test void aSanLostWhileServingIsReportedInOneLineAndTheHypervisorIsNotTouched() {
    san1.inject(FaultRule.of(Fault.HOST_CRASH, FaultMatcher.matching("tgtadm .*--op new --mode account .*")).once());

    RecipeRun run = RecipeRun.of(IscsiBackedGuest.recipe(), IscsiBackedGuest::body);

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.oneErrorLine()).as(run.err()).isTrue();
    assertThat(run.err()).startsWith("IscsiBackedGuest: plan failed on san1 at step 6/8 (create CHAP account hv1chap)")
        .contains("No route to host").contains("NOT rolled back");
    assertThat(san1.crashed()).isTrue();
    assertThat(hv1.commandLines()).as("the hypervisor was not touched").isEmpty();
    assertThat(kvm1.secrets().find(IscsiBackedGuest.SECRET_USAGE)).isEmpty();
    assertThat(kvm1.pools().find("vmstore")).isEmpty();
  }

  @Test void aDroppedConnectionAtThePoolStopsWithOneLineAndUndoesTheSecretAndTheHosts() {
    fake1.inject(FaultRule.of(Fault.CONNECTION_DROPPED, FaultMatcher.operation("startStoragePool")).once());

    RecipeRun run = RecipeRun.of(IscsiBackedGuest.recipe(), IscsiBackedGuest::body);

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.oneErrorLine()).as(run.err()).isTrue();
    assertThat(run.err()).startsWith("IscsiBackedGuest: lost the connection to a host");
    assertThat(run.out()).contains("# rolled back: pool vmstore undefined, secret vmstore-chap undefined, logged out of the target on hv1,"
        + " target removed from san1");
    assertThat(kvm1.pools().find("vmstore")).isEmpty();
    assertThat(kvm1.secrets().find(IscsiBackedGuest.SECRET_USAGE)).isEmpty();
    assertThat(hv1.state(Iscsiadm.STATE).sessions()).isEmpty();
    assertThat(served(san1)).isFalse();
  }

  // ---------------------------------------------------------------- 7: LVM + NFS tiers

  @Test void bothTiersAreBuiltAndEachVolumePlacedByItsProfile() {
    RecipeRun run = RecipeRun.of(TieredPools.recipe(), TieredPools::body);

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(hv1.state(Lvm.STATE).groups()).containsExactly("ssdvg");
    assertThat(kvm1.pools().get("ssd").volumes().find("db1-data")).isPresent();
    assertThat(kvm1.pools().get("hdd").volumes().find("iso-library")).isPresent();
  }

  @Test void aFailingVgcreateWithdrawsTheNasExportAndDefinesNoPool() {
    hv1.failWhen(FaultMatcher.command("vgcreate"), 5, "  Physical volume '/dev/nvme1n1' is already in volume group 'oldvg'");

    RecipeRun run = RecipeRun.of(TieredPools.recipe(), TieredPools::body);

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.oneErrorLine()).as(run.err()).isTrue();
    assertThat(run.err()).startsWith("TieredPools: plan failed on hv1 at step 3/").contains("create volume group ssdvg");
    assertThat(run.out()).contains("# rolled back: export removed from nas");
    assertThat(nas.state(Exportfs.TABLE).published()).isEmpty();
    assertThat(hv1.state(Lvm.STATE).groups()).isEmpty();
    assertThat(kvm1.pools().list()).isEmpty();
  }

  @Test void aDroppedConnectionHalfwayDeletesTheVolumesPoolsVolumeGroupAndExport() {
    // the fourth volume (cache) is the first to spill to the NAS's pool
    fake1.inject(FaultRule.of(Fault.CONNECTION_DROPPED, FaultMatcher.operation("createStorageVolume", "hdd")).once());

    RecipeRun run = RecipeRun.of(TieredPools.recipe(), TieredPools::body);

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.oneErrorLine()).as(run.err()).isTrue();
    assertThat(run.err()).startsWith("TieredPools: lost the connection to a host");
    assertThat(run.out()).contains("db2-data -> fast").doesNotContain("cache -> ")
        .contains("# rolled back: volume db2-data deleted, volume web1-root deleted, volume db1-data deleted, pool hdd stopped,"
            + " pool hdd undefined, pool ssd stopped, pool ssd undefined, volume group ssdvg removed from hv1, export removed from nas");
    assertThat(kvm1.pools().list()).isEmpty();
    assertThat(hv1.state(Lvm.STATE).groups()).isEmpty();
    assertThat(nas.state(Exportfs.TABLE).published()).isEmpty();
  }

  // ---------------------------------------------------------------- 6: Ceph RBD

  @Test void cephDryRunIsPrintedAndTheGuestIsDefinedWithItsRbdDisk() {
    RecipeRun run = RecipeRun.of(CephRbdGuest.recipe(), CephRbdGuest::body);

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).contains("all in distinct racks: true", "host0 fails: ", "pool warnings: []", "# on a Ceph admin node",
        "defined ceph-vms and secret ");
    assertThat(kvm1.domains().get("web1").spec().toXml()).contains("protocol='rbd'", "name='vms/web1'");
    assertThat(kvm1.pools().get("ceph-vms").spec().source().orElseThrow().hosts()).hasSize(3);
  }

  @Test void aDroppedConnectionAtTheGuestUndefinesThePoolAndTheSecret() {
    fake1.inject(FaultRule.of(Fault.CONNECTION_DROPPED, FaultMatcher.operation("defineDomain", "web1")).once());

    RecipeRun run = RecipeRun.of(CephRbdGuest.recipe(), CephRbdGuest::body);

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.oneErrorLine()).as(run.err()).isTrue();
    assertThat(run.err()).startsWith("CephRbdGuest: lost the connection to a host");
    assertThat(run.out()).contains("# rolled back: pool ceph-vms undefined, secret client.libvirt undefined");
    assertThat(kvm1.pools().find("ceph-vms")).isEmpty();
    assertThat(kvm1.secrets().find(CephRbdGuest.USAGE)).isEmpty();
    assertThat(kvm1.domains().find("web1")).isEmpty();
  }

  @Test void aRefusedPoolLeavesNoSecretAndExits1() {
    fake1.inject(FaultRule.of(Fault.LIBVIRT_ERROR, FaultMatcher.operation("defineStoragePool", "ceph-vms")).once());

    RecipeRun run = RecipeRun.of(CephRbdGuest.recipe(), CephRbdGuest::body);

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.oneErrorLine()).as(run.err()).isTrue();
    assertThat(run.err()).startsWith("CephRbdGuest: failed: ");
    assertThat(kvm1.secrets().find(CephRbdGuest.USAGE)).isEmpty();
  }
}
