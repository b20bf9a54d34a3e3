package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.host.ApplyOptions;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.core.storage.StoragePool;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.core.storage.StorageVolume;
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
import java.util.Optional;

/**
 * Chapter 7: two storage tiers for one hypervisor: an LVM volume group on local SSDs (a libvirt
 * {@code logical} pool) and an NFSv4.1 export of a NAS (a {@code netfs} pool), with a policy that
 * puts latency-sensitive volumes on the SSDs, bulk ones on the NAS, and spills when a tier is full.
 *
 * <pre>{@code
 * java -cp "$CP" io.kvmsdk.samples.TieredPools      # fake:///hv1, fake hosts hv1 (two 500 GiB NVMe disks) and nas
 * java -cp "$CP" io.kvmsdk.samples.TieredPools --uri qemu:///system --uri ssh://root@nas            # plans as dry runs
 * java -cp "$CP" io.kvmsdk.samples.TieredPools --uri qemu:///system --uri ssh://root@nas --apply    # root on both
 * }</pre>
 *
 * It prints the plans as dry-run scripts, applies them (fake hosts, or with {@code --apply}), defines
 * both pools and places a few volumes, printing where each went and why. All or nothing: if a step
 * fails, the volumes, pools, volume group and export this run made are taken back, newest first.
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

  public static void main(String[] args) { recipe().main(args, TieredPools::body); }

  static Recipe recipe() {
    return Recipe.named("TieredPools").hosts("hv1", "nas").root("exports /srv/nfs/vms on the NAS (exportfs) and creates volume group ssdvg (pvcreate, vgcreate)");
  }

  static int body(Recipe r) {
    if (r.fake()) {
      r.fakeFile("nas", "/srv/nfs/vms/.keep", "");
      for (String d : SSD_VG.devices()) SampleHosts.clusterDisk("hv1", d, Size.gib(500));
    }
    Optional<CommandRunner> nas = r.runner("nas");
    Optional<CommandRunner> hv1 = r.runner("hv1");
    Kvm kvm = r.kvm("hv1");
    if (nas.isEmpty() || hv1.isEmpty()) {
      r.apply("nas", NAS_EXPORTS.plan());
      r.apply("hv1", SSD_VG.plan());
      r.say("== the pools, once the export and the volume group are there (run with --apply)\n" + SSD_POOL.toXml() + "\n" + HDD_POOL.toXml());
      return Recipe.DONE;
    }
    run(r.out(), nas.get(), hv1.get(), kvm);
    return Recipe.DONE;
  }

  /**
   * Exports the NAS share, builds the SSD volume group, defines both pools on {@code kvm} and places a
   * few volumes. If a step fails, what this call made is undone (newest first) and the error goes on.
   */
  public static List<Placement> run(PrintStream out, CommandRunner nas, CommandRunner hypervisor, Kvm kvm) {
    Undo undo = new Undo();
    try {
      return run(out, nas, hypervisor, kvm, undo);
    } catch (RuntimeException e) {
      List<String> undone = undo.run(e);
      if (!undone.isEmpty()) out.println("# rolled back: " + String.join(", ", undone));
      throw e;
    }
  }

  private static List<Placement> run(PrintStream out, CommandRunner nas, CommandRunner hypervisor, Kvm kvm, Undo undo) {
    Plan exports = NAS_EXPORTS.plan();
    Plan vg = SSD_VG.plan();
    out.println("== on " + nas.host() + " (dry run)\n" + exports.apply(nas, ApplyOptions.dryRun()).script().orElse(""));
    out.println("== on " + hypervisor.host() + " (dry run)\n" + vg.apply(hypervisor, ApplyOptions.dryRun()).script().orElse(""));
    PlanResult exported = exports.apply(nas, Recipe.progressOptions(out));
    if (exported.changed()) undo.push("export removed from " + nas.host(), () -> NAS_EXPORTS.removalPlan().apply(nas));
    undo.plan("volume group " + SSD_VG.name() + " removed from " + hypervisor.host(), hypervisor, vg.apply(hypervisor, Recipe.progressOptions(out)));
    out.println("== the pools\n" + SSD_POOL.toXml() + "\n" + HDD_POOL.toXml());
    for (StoragePoolSpec spec : List.of(SSD_POOL, HDD_POOL)) {
      StoragePool p = kvm.pools().find(spec.name()).orElse(null);
      if (p == null) {
        StoragePool defined = kvm.pools().define(spec);
        undo.push("pool " + spec.name() + " undefined", defined::undefine);
        p = defined;
      }
      if (!p.isActive()) {
        StoragePool started = p.start();
        undo.push("pool " + spec.name() + " stopped", started::destroy);
      }
    }
    List<VolumeRequest> requests = List.of(
        VolumeRequest.of("db1-data", Size.gib(30), IoProfile.LATENCY),
        VolumeRequest.of("web1-root", Size.gib(20), IoProfile.LATENCY),
        VolumeRequest.of("db2-data", Size.gib(35), IoProfile.LATENCY),
        VolumeRequest.of("cache", Size.gib(25), IoProfile.LATENCY),         // the SSDs are full by now: spills to the NAS
        VolumeRequest.of("logs", Size.gib(30), IoProfile.THROUGHPUT),
        VolumeRequest.of("warehouse", Size.gib(45), IoProfile.LATENCY),     // larger than a fast tier takes
        VolumeRequest.of("iso-library", Size.gib(10), IoProfile.ARCHIVE));
    List<Placement> placed = new ArrayList<>();
    for (VolumeRequest r : requests) {
      Placement p = POLICY.place(kvm, r);
      StorageVolume v = kvm.pools().get(p.poolName()).volumes().create(p.volume());
      undo.push("volume " + v.name() + " deleted", v::delete);
      out.println(p + "  => " + v);
      placed.add(p);
    }
    return placed;
  }
}
