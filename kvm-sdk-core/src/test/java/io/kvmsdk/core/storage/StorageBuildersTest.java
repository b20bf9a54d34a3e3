package io.kvmsdk.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.common.SourceHost;
import io.kvmsdk.core.testing.RelaxNg;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shapes the storage feature module compiles to, built with the factories and withers: each is
 * schema-valid, round-trips equal, passes validate(), and libvirt accepts it (pools:
 * {@code virsh -c test:///default pool-define}; volumes: {@code vol-create} in the test driver's dir pool,
 * and for real with qemu-img on the private libvirtd when it runs).
 */
class StorageBuildersTest {
  static Map<String, StoragePoolSpec> pools() {
    return Map.of(
        "dir", StoragePoolSpec.dir("images", "/var/lib/libvirt/images").permissions(StoragePermissions.of(0711, 0, 0)),
        "fs", StoragePoolSpec.fs("fsimages", "/dev/sdb1", "xfs", "/srv/images"),
        "netfs", StoragePoolSpec.netfs("nfs", "nas.example.com", "/export/vms", "/mnt/vms").nfs("4.1").mountOptions("noatime", "nodiratime"),
        "logical", StoragePoolSpec.logical("vg0", "vg0", "/dev/sdc1", "/dev/sdd1"),
        "zfs", StoragePoolSpec.zfs("tank", "tank", "/dev/sde"),
        "gluster", StoragePoolSpec.gluster("gv", "gluster.example.com", "gv0", "/vms"),
        "iscsi", StoragePoolSpec.iscsi("san", SourceHost.of("192.0.2.10", 3260), "iqn.2013-06.com.example:pool").chap("admin", "iscsi-chap"),
        "iscsi-direct", StoragePoolSpec.iscsiDirect("san-direct", SourceHost.of("192.0.2.10", 3260), "iqn.2013-06.com.example:pool",
            "iqn.2013-06.com.example:host1").chap("admin", "iscsi-chap"),
        "rbd", StoragePoolSpec.rbd("ceph", "rbd", SourceHost.of("mon1.example.com", 6789), SourceHost.of("mon2.example.com", 6789),
            SourceHost.of("mon3.example.com", 6789)).cephx("libvirt", "client.libvirt secret"));
  }

  static List<StorageVolumeSpec> volumes() {
    return List.of(
        StorageVolumeSpec.qcow2("web1.qcow2", Size.gib(20)).lazyRefcounts(),
        StorageVolumeSpec.raw("data.img", Size.gib(5)).allocation(Size.bytes(0)),
        StorageVolumeSpec.qcow2("web2.qcow2", Size.gib(20)).backingStore("/var/lib/libvirt/images/base.qcow2", "qcow2"),
        StorageVolumeSpec.raw("secret.img", Size.mib(64)).luks("f52a81b2-424e-490c-823d-6bd4235bc572"),
        StorageVolumeSpec.of("plain", Size.mib(1), null).permissions(StoragePermissions.mode(0600)));
  }

  @Test
  void poolShapesAreSchemaValidRoundTripAndValidate() {
    RelaxNg rng = RelaxNg.of("storagepool");
    pools().forEach((kind, p) -> {
      assertThat(rng.errors(p.toXml())).as(kind + ":\n" + p.toXml()).isNull();
      assertThat(StoragePoolSpec.fromXml(p.toXml())).as(kind).isEqualTo(p);
      assertThat(p.unmodeledPaths()).isEmpty();
      assertThatCode(p::validate).as(kind).doesNotThrowAnyException();
    });
  }

  @Test
  void poolShapesRenderWhatLibvirtWrites() {
    StoragePoolSpec rbd = pools().get("rbd");
    assertThat(rbd.type()).contains("rbd");
    assertThat(rbd.hosts()).extracting(h -> h.name().get()).containsExactly("mon1.example.com", "mon2.example.com", "mon3.example.com");
    assertThat(rbd.toXml()).contains("<auth type='ceph' username='libvirt'>\n      <secret usage='client.libvirt secret'/>");
    StoragePoolSpec nfs = pools().get("netfs");
    assertThat(nfs.toXml()).startsWith("<pool type='netfs' xmlns:fs='" + StoragePoolSpec.FS_NAMESPACE + "'>")
        .contains("<format type='nfs'/>\n    <protocol ver='4.1'/>").contains("<fs:option name='noatime'/>");
    StoragePoolSpec direct = pools().get("iscsi-direct");
    assertThat(direct.source().get().initiatorIqn()).contains("iqn.2013-06.com.example:host1");
    assertThat(direct.toXml()).doesNotContain("<target>");
  }

  @Test
  void libvirtsTestDriverDefinesEveryPoolShapeAndGivesBackTheSame() {
    Virsh.require();
    pools().forEach((kind, p) -> {
      Virsh.Result r = Virsh.withFile(Virsh.TEST, p.toXml(), "pool-define");
      assertThat(r.ok()).as(kind + ": " + r.out()).isTrue();
    });
    StoragePoolSpec nfs = pools().get("netfs");
    Virsh.Result dump = Virsh.run(Virsh.TEST, "pool-define /dev/stdin; pool-dumpxml nfs".replace("/dev/stdin", tmp(nfs.toXml())));
    StoragePoolSpec back = StoragePoolSpec.fromXml(dump.out().substring(dump.out().indexOf("<pool")));
    assertThat(back.unmodeledPaths()).isEmpty();
    assertThat(back.source()).isEqualTo(nfs.source());
    assertThat(back.targetPath()).isEqualTo(nfs.targetPath());
  }

  @Test
  void volumeShapesAreSchemaValidRoundTripAndValidate() {
    RelaxNg rng = RelaxNg.of("storagevol");
    for (StorageVolumeSpec v : volumes()) {
      assertThat(rng.errors(v.toXml())).as(v.toXml()).isNull();
      assertThat(StorageVolumeSpec.fromXml(v.toXml())).isEqualTo(v);
      assertThat(v.unmodeledPaths()).isEmpty();
      assertThatCode(() -> v.validateFor(StoragePoolSpec.dir("p", "/p"))).doesNotThrowAnyException();
    }
    assertThat(volumes().get(0).toXml()).contains("<format type='qcow2'/>").contains("<compat>1.1</compat>")
        .contains("<features>\n      <lazy_refcounts/>").contains("<capacity unit='GiB'>20</capacity>");
  }

  @Test
  void libvirtsTestDriverCreatesEveryVolumeShape() {
    Virsh.require();
    for (StorageVolumeSpec v : volumes()) {
      Virsh.Result r = Virsh.volCreate(Virsh.TEST, Virsh.TEST_POOL, v.toXml(), v.name());
      assertThat(r.ok()).as(v.name() + ": " + r.out()).isTrue();
    }
  }

  @Test
  void libvirtdCreatesTheVolumesWithQemuImgAndDumpsThemBackFullyTyped() {
    String uri = Virsh.daemonUri();
    StorageRulesOracleTest.ensureDaemonPool(uri);
    String pool = StorageRulesOracleTest.DAEMON_POOL;
    StorageVolumeSpec base = StorageVolumeSpec.qcow2("kvmsdk-base.qcow2", Size.mib(64)).lazyRefcounts();
    String path = created(uri, pool, base).target().flatMap(VolumeTarget::path).orElseThrow();
    try {
      StorageVolumeSpec overlay = StorageVolumeSpec.qcow2("kvmsdk-overlay.qcow2", Size.mib(64)).backingStore(path, "qcow2");
      StorageVolumeSpec back = created(uri, pool, overlay);
      assertThat(back.backingStore().flatMap(VolumeBackingStore::path)).contains(path);
      assertThat(back.format()).contains("qcow2");
      StorageVolumeSpec raw = created(uri, pool, StorageVolumeSpec.raw("kvmsdk-raw.img", Size.mib(1)));
      assertThat(raw.capacity().get().bytes()).isEqualTo(1L << 20);
    } finally {
      Virsh.run(uri, "vol-delete --pool " + pool + " kvmsdk-overlay.qcow2; vol-delete --pool " + pool + " kvmsdk-raw.img; vol-delete --pool " + pool + " kvmsdk-base.qcow2");
    }
  }

  @Test
  void libvirtdCreatesALuksVolumeWithItsSecret() {
    String uri = Virsh.daemonUri();
    StorageRulesOracleTest.ensureDaemonPool(uri);
    String uuid = "6a0fd9a4-5c1e-4f63-9a8e-0d3a7f1c2b11";
    String secret = "<secret ephemeral='no' private='yes'><uuid>" + uuid + "</uuid><usage type='volume'><volume>/kvmsdk/luks.img</volume></usage></secret>";
    assertThat(Virsh.withFile(uri, secret, "secret-define").ok()).isTrue();
    try {
      assertThat(Virsh.run(uri, "secret-set-value", uuid, "--base64", "a3Ztc2RrLXRlc3Q=").ok()).isTrue();
      StorageVolumeSpec v = StorageVolumeSpec.raw("kvmsdk-luks.img", Size.mib(16)).luks(uuid);
      v.validate();
      StorageVolumeSpec back = created(uri, StorageRulesOracleTest.DAEMON_POOL, v);
      assertThat(back.target().flatMap(VolumeTarget::encryption).flatMap(e -> e.format())).contains("luks");
    } finally {
      Virsh.run(uri, "vol-delete --pool " + StorageRulesOracleTest.DAEMON_POOL + " kvmsdk-luks.img");
      Virsh.run(uri, "secret-undefine", uuid);
    }
  }

  /** Creates {@code v} in {@code pool} and returns libvirt's description of it (which must parse fully typed). */
  static StorageVolumeSpec created(String uri, String pool, StorageVolumeSpec v) {
    Virsh.Result r = Virsh.withFile(uri, v.toXml(), "vol-create", pool);
    // QEMU 7.2 times its LUKS key derivation with getrusage's tick-grained thread CPU time and gives up when the
    // first 32,768 iterations read as 0 ms ("Unable to get accurate CPU usage"): on an idle fast CPU it does. A
    // known qemu-img flake, not a refusal: try again, a few times.
    for (int i = 0; i < 5 && !r.ok() && r.out().contains("Unable to get accurate CPU usage"); i++) {
      r = Virsh.withFile(uri, v.toXml(), "vol-create", pool);
    }
    assertThat(r.ok()).as(v.name() + ": " + r.out()).isTrue();
    Virsh.Result dump = Virsh.run(uri, "vol-dumpxml", "--pool", pool, v.name());
    assertThat(dump.ok()).as(dump.out()).isTrue();
    StorageVolumeSpec back = StorageVolumeSpec.fromXml(dump.out());
    assertThat(back.unmodeledPaths()).isEmpty();
    assertThat(back.name()).isEqualTo(v.name());
    return back;
  }

  static String tmp(String xml) {
    try {
      java.nio.file.Path f = java.nio.file.Files.createTempFile("kvmsdk-storage", ".xml");
      java.nio.file.Files.writeString(f, xml);
      f.toFile().deleteOnExit();
      return f.toString();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
