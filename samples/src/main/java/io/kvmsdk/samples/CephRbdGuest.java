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
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Chapter 6: a guest whose disk is an RBD image on a Ceph pool spread over racks: the CRUSH dry run first (does every
 * PG keep 3 replicas in 3 racks, what moves when a host fails, does the pool fit), then the pool, image and
 * cephx user as {@code ceph}/{@code rbd} plans (printed: they run on a Ceph admin node), then the libvirt side:
 * the cephx secret, the {@code rbd} pool on three monitors and the guest's network disk.
 *
 * <pre>{@code
 * java -cp "$CP" io.kvmsdk.samples.CephRbdGuest                       # defined on fake:///hv1
 * java -cp "$CP" io.kvmsdk.samples.CephRbdGuest --uri qemu:///system  # on that libvirt
 * }</pre>
 *
 * On a real libvirt the secret's value comes from {@value #KEYRING} when this user may read it (the
 * {@code key = } line, never printed); otherwise the recipe says how to set it. The monitors are
 * {@link #MONITORS}: change them for your cluster. All or nothing: if defining fails (a dropped
 * connection, a refused definition), the secret and pool this run defined are undefined again.
 */
public final class CephRbdGuest {
  /** The replicated pool by rack, with one 20 GiB image snapshotted as {@code base}. */
  public static final CephPool VMS = CephPool.replicated("vms", 3).copy(b -> b.crushRule("by_rack").pgNum(128)
      .addImages(RbdImage.builder().name("web1").sizeMib(20480).addFeatures("layering", "exclusive-lock").addSnapshots("base").build()));

  /** The cephx user the hypervisors connect as, and the usage name of its libvirt secret. */
  public static final String USER = "libvirt";
  public static final String USAGE = "client.libvirt";
  /** Where {@link CephPool#cephxUserPlan} writes the user's keyring. */
  public static final String KEYRING = "/etc/ceph/ceph.client.libvirt.keyring";
  /** The monitors the recipe's pool and disk name. */
  public static final List<SourceHost> MONITORS = List.of(SourceHost.of("mon1", 6789), SourceHost.of("mon2", 6789), SourceHost.of("mon3", 6789));

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

  /** Defines the secret (with {@code key} when not null), the rbd pool and the guest on {@code kvm}; see {@link #define(PrintStream, Kvm, char[], SourceHost...)}. */
  public static Domain define(Kvm kvm, char[] key, SourceHost... monitors) { return define(System.out, kvm, key, monitors); }

  /**
   * Defines the secret (with {@code key} when not null), the rbd pool and the guest on {@code kvm},
   * printing what it defined on {@code out}. If a step fails, the secret and pool this call defined are
   * undefined again (newest first) and the error goes on.
   */
  public static Domain define(PrintStream out, Kvm kvm, char[] key, SourceHost... monitors) {
    Undo undo = new Undo();
    try {
      Secret secret = kvm.secrets().find(USAGE).orElse(null);
      if (secret == null) {
        Secret defined = kvm.secrets().define(VMS.cephxSecret(USAGE));
        undo.push("secret " + USAGE + " undefined", defined::undefine);
        secret = defined;
      }
      if (key != null) secret.setValue(key);
      StoragePool pool = kvm.pools().find("ceph-vms").orElse(null);
      if (pool == null) {
        StoragePool defined = kvm.pools().define(VMS.libvirtPool("ceph-vms", USER, USAGE, monitors));
        undo.push("pool ceph-vms undefined", defined::undefine);
        pool = defined;
      }
      out.println("defined " + pool.name() + " and secret " + secret.uuid());
      return kvm.domains().define(guest(monitors));
    } catch (RuntimeException e) {
      List<String> undone = undo.run(e);
      if (!undone.isEmpty()) out.println("# rolled back: " + String.join(", ", undone));
      throw e;
    }
  }

  public static void main(String[] args) { recipe().main(args, CephRbdGuest::body); }

  static Recipe recipe() { return Recipe.named("CephRbdGuest"); }

  static int body(Recipe r) {
    CrushMap map = crushMap();
    dryRun(map).forEach(r::say);
    r.say("# on a Ceph admin node (ceph, rbd):\n" + map.rule("by_rack").orElseThrow().createPlan().then(VMS.createPlan()).then(VMS.rbdPlan())
        .then(VMS.cephxUserPlan(USER, KEYRING)).toScript());
    char[] key = null;
    if (!r.fake()) {
      Path keyring = Path.of(KEYRING);
      if (Files.isReadable(keyring)) {
        key = keyOf(keyring);
      } else {
        r.say("# " + KEYRING + " not readable here: the secret is defined without a value; then"
            + " virsh secret-set-value --secret " + USAGE + " --file <(ceph auth get-key client." + USER + ")");
      }
    }
    try {
      Domain d = define(r.out(), r.kvm("hv1"), key, MONITORS.toArray(SourceHost[]::new));
      r.say(d.spec().devices().disks().get(0).toString());
      return Recipe.DONE;
    } finally {
      if (key != null) Arrays.fill(key, '\0');
    }
  }

  private static char[] keyOf(Path keyring) {
    try {
      for (String line : Files.readAllLines(keyring, StandardCharsets.UTF_8)) {
        String t = line.strip();
        if (t.startsWith("key")) return t.substring(t.indexOf('=') + 1).strip().toCharArray();
      }
    } catch (IOException e) {
      throw new Recipe.Stop("cannot read " + keyring + ": " + e.getMessage() + "; run as a user who may, or set the secret's value with virsh");
    }
    throw new Recipe.Stop("no 'key = ' line in " + keyring + ": is it a cephx keyring?");
  }
}
