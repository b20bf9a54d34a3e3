package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.common.SourceHost;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Os;
import io.kvmsdk.core.secret.Secret;
import io.kvmsdk.core.storage.StoragePool;
import io.kvmsdk.storage.ceph.CephPool;
import io.kvmsdk.storage.ceph.CrushBucketAlg;
import io.kvmsdk.storage.ceph.CrushMap;
import io.kvmsdk.storage.ceph.CrushRule;
import io.kvmsdk.storage.ceph.RbdImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A guest whose disk is an RBD image on a Ceph pool spread over racks: the CRUSH dry run first (does every
 * PG keep 3 replicas in 3 racks, what moves when a host fails, does the pool fit), then the pool, image and
 * cephx user as {@code ceph}/{@code rbd} plans, then the libvirt side: the cephx secret, the {@code rbd}
 * pool on three monitors and the guest's network disk.
 *
 * <p>Run with no arguments: the plans are printed as a dry-run script and the secret, pool and guest are
 * defined on a fake hypervisor ({@code fake:///ceph-rbd}). With {@code URI KEYRING MON...} it defines them on
 * that libvirt and sets the secret's value from the keyring's {@code key = } line (never printed).
 */
public final class CephRbdGuest {
  /** The replicated pool by rack, with one 20 GiB image snapshotted as {@code base}. */
  public static final CephPool VMS = CephPool.replicated("vms", 3).copy(b -> b.crushRule("by_rack").pgNum(128)
      .addImages(RbdImage.builder().name("web1").sizeMib(20480).addFeatures("layering", "exclusive-lock").addSnapshots("base").build()));

  /** The cephx user the hypervisors connect as, and the usage name of its libvirt secret. */
  public static final String USER = "libvirt";
  public static final String USAGE = "client.libvirt";

  private CephRbdGuest() {}

  /** 48 OSDs, 12 hosts of 4 in 4 racks, and the rule {@code by_rack}. */
  public static CrushMap crushMap() {
    return CrushMap.generate(48, CrushMap.Layer.of("host", CrushBucketAlg.STRAW2, 4), CrushMap.Layer.of("rack", CrushBucketAlg.STRAW2, 3),
        CrushMap.Layer.of("root", CrushBucketAlg.STRAW2, 0)).withRule(CrushRule.replicated("by_rack", "root", "rack"));
  }

  /** The dry run: one line per answer. */
  public static List<String> dryRun(CrushMap map) {
    var placement = map.placement(VMS.ruleName(), VMS.size(), VMS.pgNum());
    return List.of(
        "placement: " + placement + ", all in distinct racks: " + placement.allDistinct("rack"),
        "host0 fails: " + map.movementTo(map.withOut("host0"), VMS.ruleName(), VMS.size(), VMS.pgNum()),
        "pool warnings: " + VMS.checkAgainst(map));
  }

  /** The guest: 256 MiB, its disk the image {@code vms/web1} through {@code monitors}. */
  public static DomainSpec guest(SourceHost... monitors) {
    return DomainSpec.builder().type("qemu").name("web1").memory(Size.mib(256)).vcpus(1).os(Os.hvm("x86_64", "pc"))
        .addDisk(VMS.images().get(0).disk(VMS.name(), USER, USAGE, monitors).virtio()).build();
  }

  /** Defines the secret (with {@code key} when not null), the rbd pool and the guest on {@code kvm}. */
  public static Domain define(Kvm kvm, char[] key, SourceHost... monitors) {
    Secret secret = kvm.secrets().find(USAGE).orElseGet(() -> kvm.secrets().define(VMS.cephxSecret(USAGE)));
    if (key != null) secret.setValue(key);
    StoragePool pool = kvm.pools().find("ceph-vms").orElseGet(() -> kvm.pools().define(VMS.libvirtPool("ceph-vms", USER, USAGE, monitors)));
    System.out.println("defined " + pool.name() + " and secret " + secret.uuid());
    return kvm.domains().define(guest(monitors));
  }

  public static void main(String[] args) throws Exception {
    CrushMap map = crushMap();
    dryRun(map).forEach(System.out::println);
    System.out.println(map.rule("by_rack").orElseThrow().createPlan().then(VMS.createPlan()).then(VMS.rbdPlan())
        .then(VMS.cephxUserPlan(USER, "/etc/ceph/ceph.client.libvirt.keyring")).toScript());
    String uri = args.length > 0 ? args[0] : "fake:///ceph-rbd";
    char[] key = args.length > 1 ? keyOf(Path.of(args[1])) : null;
    SourceHost[] mons = args.length > 2 ? Arrays.stream(args, 2, args.length).map(m -> SourceHost.of(m, 6789)).toArray(SourceHost[]::new)
        : new SourceHost[] {SourceHost.of("mon1", 6789), SourceHost.of("mon2", 6789), SourceHost.of("mon3", 6789)};
    try (Kvm kvm = Kvm.connect(uri)) {
      Domain d = define(kvm, key, mons);
      System.out.println(d.spec().devices().disks().get(0));
    } finally {
      if (key != null) Arrays.fill(key, '\0');
    }
  }

  private static char[] keyOf(Path keyring) throws java.io.IOException {
    for (String line : Files.readAllLines(keyring, StandardCharsets.UTF_8)) {
      String t = line.strip();
      if (t.startsWith("key")) return t.substring(t.indexOf('=') + 1).strip().toCharArray();
    }
    throw new IllegalArgumentException("no 'key = ' line in " + keyring);
  }
}
