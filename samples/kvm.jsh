// A kvm-sdk console. From the project root, after one `./mvnw -q -DskipTests package`:
//   jshell --class-path "$(cat samples/target/classpath.txt):samples/target/classes" samples/kvm.jsh
// `kvm` is a fake hypervisor (the testkit's fake:///default: no libvirt, no root needed);
// for a real one: var kvm = Kvm.connect("qemu:///system");   (or "test:///default", "qemu+ssh://root@hv1/system")
// KvmJshTest runs this file through the JShell API on every build, so it cannot rot.

// core: the libvirt documents and their handles, host command plans, metrics and alert rules
import io.kvmsdk.core.*;
import io.kvmsdk.core.domain.*;
import io.kvmsdk.core.common.*;
import io.kvmsdk.core.secret.*;
import io.kvmsdk.core.network.*;
import io.kvmsdk.core.storage.*;
import io.kvmsdk.core.nwfilter.*;
import io.kvmsdk.core.host.*;
import io.kvmsdk.core.capabilities.*;
import io.kvmsdk.core.metrics.*;
// network: bridges, bonds, VLANs, VXLAN, Open vSwitch, and their networkd/ifupdown2 files
import io.kvmsdk.network.*;
import io.kvmsdk.network.ovs.*;
import io.kvmsdk.network.persist.*;
import io.kvmsdk.network.bgp.*;
import io.kvmsdk.network.nft.*;
import io.kvmsdk.network.filter.*;
import io.kvmsdk.network.tuning.*;
// storage: iSCSI (tgt, LIO, open-iscsi, multipath), Ceph (CRUSH, pools, RBD), NFS, LVM, ZFS, Gluster, tiering
import io.kvmsdk.storage.iscsi.*;
import io.kvmsdk.storage.ceph.*;
import io.kvmsdk.storage.nfs.*;
import io.kvmsdk.storage.lvm.*;
import io.kvmsdk.storage.zfs.*;
import io.kvmsdk.storage.gluster.*;
import io.kvmsdk.storage.tiering.*;
// ha: keepalived VIPs, Pacemaker/corosync, DRBD, live migration with a policy, alert rules
import io.kvmsdk.ha.*;
import io.kvmsdk.ha.keepalived.*;
import io.kvmsdk.ha.pacemaker.*;
import io.kvmsdk.ha.drbd.*;
import io.kvmsdk.ha.migration.*;
import io.kvmsdk.ha.alerts.*;
// testkit: fake hosts and faults; samples: the recipes (VipFailover.GROUP, GuestTuning.place(...), ...)
import io.kvmsdk.testkit.*;
import io.kvmsdk.samples.*;
import java.time.Duration;

/** A connection to fake host {@code name} (fake:///name), created on first use. */
Kvm fake(String name) { return Kvm.connect("fake:///" + name); }

/** A small guest to try things with: 1 vCPU, {@code mib} MiB, no disk. */
DomainSpec guest(String name, int mib) {
  return DomainSpec.builder().type("kvm").name(name).vcpus(1).memory(Size.mib(mib)).osType("hvm").build();
}

/** The shell script {@code plan} would run, without running anything. */
String dryRun(Plan plan) { return plan.apply(LocalCommandRunner.create(), ApplyOptions.dryRun()).script().orElse(""); }

var kvm = fake("default");
System.out.println(kvm + " domains: " + kvm.domains().list() + " networks: " + kvm.networks().list());
// try: var d = kvm.domains().define(guest("web1", 256)).start(); d.state(); d.spec().toXml(); d.destroy();
//      VipFailover.GROUP.keepalivedConf("hv1");  dryRun(VipFailover.GROUP.plan("hv1"));
//      BridgeSpec.linux("br0").addPort("eth1").mtu(9000).build().plan();
//      GuestTuning.place(GuestTuning.sampleHost(), 4, Size.gib(4));
//      BgpEcmp.config("hv1").birdConf();  BgpEcmp.check(BgpEcmp.config("hv1"));
//      CephRbdGuest.dryRun(CephRbdGuest.crushMap());  dryRun(TieredPools.SSD_VG.plan());  IscsiBackedGuest.TARGET.tgtPlan();
//      DrbdLiveMigration.POLICY;  LiveMigration.of(fake("hv1"), "web1", fake("hv2")).policy(DrbdLiveMigration.POLICY).options(DrbdLiveMigration.OPTIONS);
//      var ep = Monitoring.Endpoint.serve(java.util.Map.of("default", kvm), 0); ep.uri(); ep.close();  Monitoring.rules().toYaml();
