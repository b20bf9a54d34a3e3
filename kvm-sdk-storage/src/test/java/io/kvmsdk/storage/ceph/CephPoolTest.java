package io.kvmsdk.storage.ceph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.common.SourceHost;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.core.secret.SecretSpec;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.core.testing.RelaxNg;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pools, images and the libvirt side: the commands, Ceph's defaults, the XML libvirt's schema accepts, and refusals. */
class CephPoolTest {
  static List<List<String>> changes(Plan p) {
    return p.steps().stream().flatMap(s -> s.change().stream()).map(HostCommand::argv).toList();
  }

  @Test void replicatedPoolCompilesToCephCommandsWithCephDefaults() {
    CephPool vms = CephPool.replicated("vms", 3).copy(b -> b.crushRule("by_rack").pgNum(64));
    assertThat(vms.minSize()).as("Ceph's size - size/2").isEqualTo(2);
    assertThat(changes(vms.createPlan())).containsExactly(
        List.of("ceph", "osd", "pool", "create", "vms", "64", "64", "replicated", "by_rack"),
        List.of("ceph", "osd", "pool", "set", "vms", "size", "3"),
        List.of("ceph", "osd", "pool", "set", "vms", "min_size", "2"),
        List.of("ceph", "osd", "pool", "set", "vms", "pg_autoscale_mode", "on"),
        List.of("ceph", "osd", "pool", "application", "enable", "vms", "rbd"));
    Step create = vms.createPlan().steps().get(0);
    assertThat(create.check().orElseThrow().argv()).containsExactly("ceph", "osd", "pool", "get", "vms", "size");
    assertThat(create.undo().get(0).argv()).containsExactly("ceph", "osd", "pool", "delete", "vms", "vms", "--yes-i-really-really-mean-it");
    assertThat(CephPool.replicated("two", 2).minSize()).isEqualTo(1);
    assertThat(CephPool.replicated("five", 5).minSize()).isEqualTo(3);
  }

  @Test void erasurePoolMakesItsProfileFirstAndAllowsOverwritesForRbd() {
    CephPool ec = CephPool.erasure("ecdata", CephErasureProfile.builder().name("ec42").k(4).m(2).failureDomain("host").deviceClass("hdd").build());
    assertThat(ec.size()).isEqualTo(6);
    assertThat(ec.minSize()).as("k + min(1, m-1)").isEqualTo(5);
    assertThat(CephPool.erasure("e", CephErasureProfile.of("p21", 2, 1, "host")).minSize()).isEqualTo(2);
    assertThat(changes(ec.createPlan())).containsExactly(
        List.of("ceph", "osd", "erasure-code-profile", "set", "ec42", "k=4", "m=2", "crush-failure-domain=host", "crush-root=default", "crush-device-class=hdd"),
        List.of("ceph", "osd", "pool", "create", "ecdata", "32", "32", "erasure", "ec42"),
        List.of("ceph", "osd", "pool", "set", "ecdata", "min_size", "5"),
        List.of("ceph", "osd", "pool", "set", "ecdata", "pg_autoscale_mode", "on"),
        List.of("ceph", "osd", "pool", "set", "ecdata", "allow_ec_overwrites", "true"),
        List.of("ceph", "osd", "pool", "application", "enable", "ecdata", "rbd"));
    assertThat(ec.ruleName()).isEqualTo("ecdata");
  }

  @Test void imagesSnapshotsAndMirroringCompileToRbdCommands() {
    RbdImage web = RbdImage.builder().name("web1").sizeMib(20480).addFeatures("layering", "exclusive-lock").dataPool("ecdata")
        .addSnapshots("base").mirrorSnapshotInterval("15m").build();
    CephPool vms = CephPool.replicated("vms", 3).copy(b -> b.addImages(web, RbdImage.of("db1", 1024)));
    assertThat(changes(vms.rbdPlan())).containsExactly(
        List.of("rbd", "pool", "init", "vms"),
        List.of("rbd", "create", "vms/web1", "--size", "20480", "--image-feature", "layering,exclusive-lock", "--data-pool", "ecdata"),
        List.of("rbd", "snap", "create", "vms/web1@base"),
        List.of("rbd", "mirror", "image", "enable", "vms/web1", "snapshot"),
        List.of("rbd", "mirror", "snapshot", "schedule", "add", "--pool", "vms", "--image", "web1", "15m"),
        List.of("rbd", "create", "vms/db1", "--size", "1024"));
    assertThat(vms.rbdPlan().steps().get(1).check().orElseThrow().argv()).containsExactly("rbd", "info", "vms/web1");
  }

  @Test void libvirtPoolDiskAndSecretNameSeveralMonitorsAndNeverTheKey() {
    requireSchemas();
    CephPool vms = CephPool.replicated("vms", 3);
    SourceHost[] mons = {SourceHost.of("10.0.0.1", 6789), SourceHost.of("10.0.0.2", 6789), SourceHost.of("10.0.0.3", 6789)};
    StoragePoolSpec pool = vms.libvirtPool("ceph-vms", "libvirt", "client.libvirt", mons);
    String xml = pool.toXml();
    assertThat(RelaxNg.of("storagepool").errors(xml)).as(xml).isNull();
    assertThat(StoragePoolSpec.fromXml(xml)).isEqualTo(pool);
    assertThat(xml).contains("<name>vms</name>").contains("<host name='10.0.0.3' port='6789'/>")
        .contains("<auth type='ceph' username='libvirt'>").contains("<secret usage='client.libvirt'/>");
    SecretSpec secret = vms.cephxSecret("client.libvirt");
    assertThat(RelaxNg.of("secret").errors(secret.toXml())).isNull();
    assertThat(secret.toXml()).contains("<usage type='ceph'>").contains("<name>client.libvirt</name>").contains("private='yes'");
    Disk disk = RbdImage.of("web1", 20480).disk("vms", "libvirt", "client.libvirt", mons);
    assertThat(disk.type()).hasValue("network");
    assertThat(disk.source().orElseThrow().protocol()).hasValue("rbd");
    assertThat(disk.source().orElseThrow().name()).hasValue("vms/web1");
    assertThat(disk.source().orElseThrow().hosts()).hasSize(3);
    assertThat(disk.source().orElseThrow().auth().orElseThrow().secret().orElseThrow().usage()).hasValue("client.libvirt");
    // the cephx key is written to a keyring file, never to stdout
    Plan user = vms.cephxUserPlan("libvirt", "/etc/ceph/ceph.client.libvirt.keyring");
    assertThat(changes(user)).containsExactly(List.of("install", "-m", "0600", "/dev/null", "/etc/ceph/ceph.client.libvirt.keyring"),
        List.of("ceph", "auth", "get-or-create", "client.libvirt", "mon", "profile rbd", "osd",
        "profile rbd pool=vms", "-o", "/etc/ceph/ceph.client.libvirt.keyring"));
    assertThat(user.steps().get(0).check().orElseThrow().argv()).endsWith("-o", "/dev/null");
    // "-" is ceph's stdout, a relative path depends on the working directory
    for (String bad : new String[] {"-", "ceph.client.libvirt.keyring", "./k", "", "/etc/ceph/"}) {
      assertThatThrownBy(() -> vms.cephxUserPlan("libvirt", bad)).as(bad).isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("cephx/keyring: ");
    }
  }

  private static void requireSchemas() {
    io.kvmsdk.core.testing.Oracles.require(io.kvmsdk.core.testing.Oracles.shared().isPresent(), "/work/shared (libvirt's schemas) is absent");
  }

  @Test void aNameCephWouldReadAsAnOptionIsRefused() {
    // 'ceph osd pool create -o 32 32 replicated' / 'ceph osd pool delete -o -o --yes-i-really-really-mean-it'
    assertThatThrownBy(() -> CephPool.replicated("-o", 3)).isInstanceOf(InvalidSpecException.class)
        .hasMessage("pool/name: must not start with '-' (ceph and rbd would read it as an option), got '-o'");
    assertThatThrownBy(() -> CephPool.replicated("--yes-i-really-really-mean-it", 3)).hasMessageStartingWith("pool/name: must not start with '-'");
    assertThatThrownBy(() -> CephPool.builder().name("vms").crushRule("-o").build()).hasMessageStartingWith("pool vms/crush_rule: must not start with '-'");
    assertThatThrownBy(() -> CephPool.builder().name("vms").application("-h").build()).hasMessageStartingWith("pool vms/application: must not start with '-'");
    assertThatThrownBy(() -> CrushRule.replicated("-o", "default", "host")).hasMessageStartingWith("rule/name: must not start with '-'");
    assertThatThrownBy(() -> CephErasureProfile.of("-h", 2, 1, "host")).hasMessageStartingWith("erasure-code-profile/name: must not start with '-'");
    assertThatThrownBy(() -> RbdImage.of("-x", 10)).hasMessageStartingWith("image/name: must not start with '-'");
    assertThatThrownBy(() -> RbdImage.builder().name("web1").sizeMib(10).dataPool("-x").build()).hasMessageStartingWith("image web1/data_pool: must not start with '-'");
    // crushtool takes such bucket and type names in a map; the rule's create-replicated argv cannot
    CrushRule fromMap = CrushRule.replicated("by_root", "-o", "host");
    assertThatThrownBy(fromMap::createPlan).isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("rule by_root/step take: must not start with '-'");
    // a '-' inside a name is fine
    assertThat(CephPool.replicated("vm-disks", 3).copy(b -> b.crushRule("by-rack").addImages(RbdImage.of("web-1", 10))).createPlan().steps()).isNotEmpty();
  }

  @Test void poolSizeAgainstTheFailureDomainsOfItsRuleIsWarnedWithTheNumbers() {
    CrushMap map = CrushMap.generate(12, CrushMap.Layer.of("host", CrushBucketAlg.STRAW2, 3), CrushMap.Layer.of("rack", CrushBucketAlg.STRAW2, 2),
        CrushMap.Layer.of("root", CrushBucketAlg.STRAW2, 0)).withRule(CrushRule.replicated("by_rack", "root", "rack"));
    assertThat(CephPool.replicated("vms", 3).checkAgainst(map)).as("4 hosts").isEmpty();
    assertThat(CephPool.replicated("vms", 3).copy(b -> b.crushRule("by_rack")).checkAgainst(map)).singleElement().asString()
        .contains("pool size 3 exceeds the 2 failure domains of type 'rack' under 'root'").contains("only 2 of 3 replicas");
    assertThat(CephPool.erasure("ec", CephErasureProfile.builder().name("ec42").k(4).m(2).failureDomain("host").root("root").build()).checkAgainst(map))
        .singleElement().asString().contains("pool size 6 exceeds the 4 failure domains of type 'host'").contains("only 4 of 6 chunks");
    assertThatThrownBy(() -> CephPool.replicated("vms", 3).copy(b -> b.crushRule("nope")).checkAgainst(map))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("no rule named 'nope'");
  }

  @Test void badPoolsAreRefusedNamingTheField() {
    CephErasureProfile ec21 = CephErasureProfile.of("ec21", 2, 1, "host");
    assertThatThrownBy(() -> CephPool.erasure("ec", ec21).copy(b -> b.addImages(RbdImage.of("x", 1))))
        .hasMessageContaining("pool ec/images").hasMessageContaining("dataPool 'ec'");
    assertThatThrownBy(() -> CephPool.replicated("v", 3).copy(b -> b.minSize(4))).hasMessageContaining("pool v/min_size").hasMessageContaining("got 4");
    assertThatThrownBy(() -> CephPool.replicated("v", 11)).hasMessageContaining("pool v/size: must be 1..10");
    assertThatThrownBy(() -> CephPool.erasure("e", ec21).copy(b -> b.minSize(1))).hasMessageContaining("between k = 2 and k+m = 3");
    assertThatThrownBy(() -> CephPool.replicated("v", 3).copy(b -> b.pgNum(64).pgpNum(128))).hasMessageContaining("pgp_num");
    assertThatThrownBy(() -> CephPool.replicated("v", 3).copy(b -> b.autoscaleMode("yes"))).hasMessageContaining("on, off or warn");
    assertThatThrownBy(() -> CephPool.replicated("bad name", 3)).hasMessageContaining("pool/name");
    assertThatThrownBy(() -> CephErasureProfile.of("p", 1, 1, "host")).hasMessageContaining("k: must be >= 2");
    assertThatThrownBy(() -> RbdImage.of("x", 0)).hasMessageContaining("image x/size");
    assertThatThrownBy(() -> RbdImage.of("x", 1).copy(b -> b.mirrorSnapshotInterval("often"))).hasMessageContaining("15m, 1h, 1d");
    assertThatThrownBy(() -> RbdImage.of("x", 1).copy(b -> b.addFeatures("layering").mirrorSnapshotInterval("1h"))).hasMessageContaining("exclusive-lock");
  }
}
