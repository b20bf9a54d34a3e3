package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.host.ApplyOptions;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.SshCommandRunner;
import io.kvmsdk.core.storage.StoragePool;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.core.storage.StorageVolume;
import io.kvmsdk.storage.fake.StorageFakes;
import io.kvmsdk.storage.lvm.VolumeGroup;
import io.kvmsdk.storage.nfs.NfsClient;
import io.kvmsdk.storage.nfs.NfsExport;
import io.kvmsdk.storage.nfs.NfsExports;
import io.kvmsdk.storage.tiering.IoProfile;
import io.kvmsdk.storage.tiering.Media;
import io.kvmsdk.storage.tiering.Placement;
import io.kvmsdk.storage.tiering.StorageTier;
import io.kvmsdk.storage.tiering.TieringPolicy;
import io.kvmsdk.storage.tiering.VolumeRequest;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two storage tiers for one hypervisor: an LVM volume group on local SSDs (a libvirt
 * {@code logical} pool) and an NFSv4.1 export of a NAS (a {@code netfs} pool), with a policy that
 * puts latency-sensitive volumes on the SSDs, bulk ones on the NAS, and spills when a tier is full.
 *
 * <p>{@code main} with no arguments runs it on fakes (the NAS, the hypervisor's disks,
 * {@code fake:///tiers}) and prints the plans as dry-run scripts, the pools' XML and where each volume
 * went and why. Real machines only when named: {@code TieredPools <libvirt-uri> <nas-ssh-host>
 * <hypervisor-ssh-host>} (ssh as root; the plans then change those hosts).
 */
public final class TieredPools {
  public static final NfsExports NAS_EXPORTS = NfsExports.builder().name("vmstore")
      .addExport(NfsExport.of("/srv/nfs/vms", NfsClient.hypervisor("192.0.2.0/24"))).build();
  public static final VolumeGroup SSD_VG = VolumeGroup.builder().name("ssdvg").addDevices("/dev/nvme0n1", "/dev/nvme1n1").build();
  public static final StoragePoolSpec SSD_POOL = SSD_VG.libvirtPool("ssd");
  public static final StoragePoolSpec HDD_POOL = NAS_EXPORTS.exports().get(0).libvirtPool("hdd", "nas.example.com", "/var/lib/libvirt/hdd", "noatime", "nconnect=4");
  public static final TieringPolicy POLICY = TieringPolicy.builder()
      .addTier(StorageTier.of("fast", Media.SSD, SSD_POOL))
      .addTier(StorageTier.of("bulk", Media.HDD, HDD_POOL))
      .maxFastVolume(Size.gib(40))
      .build();

  private TieredPools() {}

  public static void main(String[] args) {
    if (args.length > 0) {
      if (args.length != 3) throw new IllegalArgumentException("usage: TieredPools [<libvirt-uri> <nas-ssh-host> <hypervisor-ssh-host>]");
      try (Kvm kvm = Kvm.connect(args[0])) {
        run(System.out, SshCommandRunner.builder(args[1]).user("root").build(), SshCommandRunner.builder(args[2]).user("root").build(), kvm);
      }
      return;
    }
    CommandRunner nas = StorageFakes.storageRunner("nas", Map.of(), "/srv/nfs/vms");
    CommandRunner hv1 = StorageFakes.storageRunner("hv1", Map.of("/dev/nvme0n1", Size.gib(500), "/dev/nvme1n1", Size.gib(500)));
    try (Kvm kvm = Kvm.connect("fake:///tiers")) {
      run(System.out, nas, hv1, kvm);
    }
  }

  /** Exports the NAS share, builds the SSD volume group, defines both pools on {@code kvm} and places a few volumes. */
  public static List<Placement> run(PrintStream out, CommandRunner nas, CommandRunner hypervisor, Kvm kvm) {
    Plan exports = NAS_EXPORTS.plan();
    Plan vg = SSD_VG.plan();
    out.println("== on " + nas.host() + " (dry run)\n" + exports.apply(nas, ApplyOptions.dryRun()).script().orElse(""));
    out.println("== on " + hypervisor.host() + " (dry run)\n" + vg.apply(hypervisor, ApplyOptions.dryRun()).script().orElse(""));
    exports.apply(nas);
    vg.apply(hypervisor);
    out.println("== the pools\n" + SSD_POOL.toXml() + "\n" + HDD_POOL.toXml());
    for (StoragePoolSpec spec : List.of(SSD_POOL, HDD_POOL)) {
      StoragePool p = kvm.pools().find(spec.name()).orElseGet(() -> kvm.pools().define(spec));
      if (!p.isActive()) p.start();
    }
    List<Placement> placed = new ArrayList<>();
    for (VolumeRequest r : List.of(
        VolumeRequest.of("db1-data", Size.gib(30), IoProfile.LATENCY),
        VolumeRequest.of("web1-root", Size.gib(20), IoProfile.LATENCY),
        VolumeRequest.of("db2-data", Size.gib(35), IoProfile.LATENCY),
        VolumeRequest.of("cache", Size.gib(25), IoProfile.LATENCY),         // the SSDs are full by now: spills to the NAS
        VolumeRequest.of("logs", Size.gib(30), IoProfile.THROUGHPUT),
        VolumeRequest.of("warehouse", Size.gib(45), IoProfile.LATENCY),     // larger than a fast tier takes
        VolumeRequest.of("iso-library", Size.gib(10), IoProfile.ARCHIVE))) {
      Placement p = POLICY.place(kvm, r);
      StorageVolume v = kvm.pools().get(p.poolName()).volumes().create(p.volume());
      out.println(p + "  => " + v);
      placed.add(p);
    }
    return placed;
  }
}
