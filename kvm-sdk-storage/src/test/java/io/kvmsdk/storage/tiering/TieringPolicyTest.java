package io.kvmsdk.storage.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.core.storage.StorageVolume;
import io.kvmsdk.storage.lvm.VolumeGroup;
import io.kvmsdk.storage.nfs.NfsClient;
import io.kvmsdk.storage.nfs.NfsExport;
import io.kvmsdk.storage.tiering.TieringPolicy.PoolSpace;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TieringPolicyTest {
  static final StoragePoolSpec SSD_POOL = VolumeGroup.builder().name("ssdvg").addDevices("/dev/nvme0n1").build().libvirtPool("ssd");
  static final StoragePoolSpec HDD_POOL = NfsExport.of("/srv/nfs/vms", NfsClient.hypervisor("hv1")).libvirtPool("hdd", "nas", "/var/lib/libvirt/hdd");

  static TieringPolicy policy() {
    return TieringPolicy.builder()
        .addTier(StorageTier.of("fast", Media.SSD, SSD_POOL))
        .addTier(StorageTier.of("bulk", Media.HDD, HDD_POOL))
        .maxFastVolume(Size.gib(200)).build();
  }

  static Map<String, PoolSpace> roomy() {
    return Map.of("ssd", PoolSpace.of(Size.gib(1000), Size.gib(800)), "hdd", PoolSpace.of(Size.tib(10), Size.tib(8)));
  }

  @Test void latencyGoesToSsdAsARawLogicalVolume() {
    Placement p = policy().place(VolumeRequest.of("db1", Size.gib(50), IoProfile.LATENCY), roomy());
    assertThat(p.poolName()).isEqualTo("ssd");
    assertThat(p.volume().format()).isEmpty();
    assertThat(p.reasons()).hasSize(3).startsWith("latency profile: fastest tier first").endsWith("a logical pool makes raw volumes");
    assertThat(p.toString()).isEqualTo("db1 -> fast (ssd, pool ssd): latency profile: fastest tier first; fast has 700 GiB free beyond its 10% reserve; a logical pool makes raw volumes");
  }

  @Test void throughputAndBigVolumesGoToHddAsQcow2() {
    Placement bulk = policy().place(VolumeRequest.of("logs", Size.gib(50), IoProfile.THROUGHPUT), roomy());
    assertThat(bulk.poolName()).isEqualTo("hdd");
    assertThat(bulk.volume().format()).contains("qcow2");
    Placement big = policy().place(VolumeRequest.of("warehouse", Size.gib(500), IoProfile.LATENCY), roomy());
    assertThat(big.poolName()).isEqualTo("hdd");
    assertThat(big.reasons().get(0)).contains("500 GiB is more than the 200 GiB a fast tier takes");
  }

  @Test void aFullSsdSpillsToHddUnlessSpillingIsOffOrPinned() {
    Map<String, PoolSpace> ssdFull = Map.of("ssd", PoolSpace.of(Size.gib(1000), Size.gib(120)), "hdd", PoolSpace.of(Size.tib(10), Size.tib(8)));
    Placement p = policy().place(VolumeRequest.of("db2", Size.gib(50), IoProfile.LATENCY), ssdFull);
    assertThat(p.poolName()).isEqualTo("hdd");
    assertThat(p.reasons()).contains("spilled past fast has 20 GiB free beyond its 10% reserve, needs 50 GiB");
    TieringPolicy strict = policy().copy(b -> b.spill(false));
    assertThatThrownBy(() -> strict.place(VolumeRequest.of("db2", Size.gib(50), IoProfile.LATENCY), ssdFull))
        .isInstanceOf(KvmException.class).hasMessage("no tier has room for db2 (50 GiB): fast has 20 GiB free beyond its 10% reserve, needs 50 GiB (spilling is off)");
    VolumeRequest pinned = VolumeRequest.builder().name("db3").capacity(Size.gib(50)).tier("fast").build();
    assertThatThrownBy(() -> policy().place(pinned, ssdFull)).hasMessageContaining("no tier has room for db3");
    assertThatThrownBy(() -> policy().place(VolumeRequest.builder().name("x").capacity(Size.gib(1)).tier("nope").build(), roomy()))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("no tier named 'nope'");
  }

  @Test void archiveNeverUsesAFastTier() {
    Map<String, PoolSpace> hddFull = Map.of("ssd", PoolSpace.of(Size.gib(1000), Size.gib(800)), "hdd", PoolSpace.of(Size.tib(10), Size.gib(100)));
    assertThatThrownBy(() -> policy().place(VolumeRequest.of("backup", Size.gib(500), IoProfile.ARCHIVE), hddFull))
        .hasMessageContaining("no tier has room for backup").hasMessageNotContaining("fast has");
  }

  @Test void badPoliciesAreRefused() {
    assertThatThrownBy(() -> TieringPolicy.builder().build()).hasMessageContaining("at least one tier");
    assertThatThrownBy(() -> TieringPolicy.builder().addTier(StorageTier.of("a", Media.SSD, "p")).addTier(StorageTier.of("b", Media.HDD, "p")).build())
        .hasMessageContaining("two tiers share a pool");
    assertThatThrownBy(() -> StorageTier.of("a", Media.SSD, "p").copy(b -> b.reserve(0.95))).hasMessageContaining("0 to 0.9");
  }

  @Test void onAFakeHypervisorTheVolumesLandInTheirTiers() {
    try (Kvm kvm = Kvm.connect("fake:///tiering")) {
      kvm.pools().define(SSD_POOL).start();
      kvm.pools().define(HDD_POOL).start();
      StorageVolume db = policy().create(kvm, VolumeRequest.of("db1", Size.gib(40), IoProfile.LATENCY));
      StorageVolume logs = policy().create(kvm, VolumeRequest.of("logs", Size.gib(40), IoProfile.THROUGHPUT));
      assertThat(db.pool()).isEqualTo("ssd");
      assertThat(logs.pool()).isEqualTo("hdd");
      assertThat(logs.spec().format()).contains("qcow2");
    }
  }
}
