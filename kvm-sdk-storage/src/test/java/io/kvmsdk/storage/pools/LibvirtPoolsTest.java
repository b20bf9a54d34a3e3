package io.kvmsdk.storage.pools;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.storage.StoragePool;
import io.kvmsdk.core.storage.StoragePoolSpec;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.RelaxNg;
import io.kvmsdk.core.testing.XmlSame;
import io.kvmsdk.storage.gluster.GlusterBrick;
import io.kvmsdk.storage.gluster.GlusterVolume;
import io.kvmsdk.storage.lvm.VolumeGroup;
import io.kvmsdk.storage.nfs.NfsClient;
import io.kvmsdk.storage.nfs.NfsExport;
import io.kvmsdk.storage.zfs.ZfsPool;
import io.kvmsdk.storage.zfs.ZfsVdev;
import io.kvmsdk.storage.zfs.ZfsVolume;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The libvirt pools the file and block specs compile to: valid against libvirt's storagepool
 * schema, accepted by libvirt's test driver, and defined on the real private libvirtd where it has
 * the backend (netfs and logical here; zfs and gluster need libvirt-daemon-driver-storage-zfs/-gluster).
 */
class LibvirtPoolsTest {
  static final String URI = System.getenv("KVM_SDK_LIBVIRT_URI");

  static Map<String, StoragePoolSpec> pools() {
    return Map.of(
        "netfs", NfsExport.of("/srv/nfs/vms", NfsClient.hypervisor("192.0.2.0/24")).libvirtPool("s1-nfs", "nas.example.com", "/var/lib/libvirt/s1-nfs", "noatime", "nconnect=4"),
        "logical", VolumeGroup.builder().name("s1vg").addDevices("/dev/sdb", "/dev/sdc").build().libvirtPool("s1-lvm"),
        "zfs", ZfsPool.builder().name("tank").addVdev(ZfsVdev.mirror("/dev/sdb", "/dev/sdc")).addVolume(ZfsVolume.filesystem("vms")).build()
            .libvirtPool("s1-zfs", "vms"),
        "gluster", GlusterVolume.builder().name("vmstore").replica(3).addBrick(GlusterBrick.of("gl1", "/b")).addBrick(GlusterBrick.of("gl2", "/b"))
            .addBrick(GlusterBrick.of("gl3", "/b")).build().libvirtPool("s1-gluster", "gl1", "/vms"));
  }

  @Test void theNfsPoolMountsWithNfs41AndTheOptions() {
    assertThat(XmlSame.diff(pools().get("netfs").toXml(), """
        <pool type='netfs' xmlns:fs='http://libvirt.org/schemas/storagepool/fs/1.0'>
          <name>s1-nfs</name>
          <source>
            <host name='nas.example.com'/>
            <dir path='/srv/nfs/vms'/>
            <format type='nfs'/>
            <protocol ver='4.1'/>
          </source>
          <target>
            <path>/var/lib/libvirt/s1-nfs</path>
          </target>
          <fs:mount_opts>
            <fs:option name='noatime'/>
            <fs:option name='nconnect=4'/>
          </fs:mount_opts>
        </pool>""")).isNull();
    assertThat(pools().get("zfs").source().flatMap(s -> s.name())).contains("tank/vms");
    assertThat(pools().get("logical").targetPath()).contains("/dev/s1vg");
  }

  @Test void everyPoolIsSchemaValidAndPassesValidate() {
    pools().forEach((type, p) -> {
      assertThat(p.type()).contains(type);
      assertThat(RelaxNg.of("storagepool").errors(p.toXml())).as(type).isNull();
      p.validate();
      assertThat(StoragePoolSpec.fromXml(p.toXml())).as(type + " round trip").isEqualTo(p);
    });
  }

  @Test void libvirtsTestDriverDefinesEveryPool() {
    try (Kvm kvm = Kvm.connect("test:///default")) {
      pools().forEach((type, p) -> {
        StoragePool defined = kvm.pools().define(p);
        try {
          assertThat(defined.spec().type()).contains(type);
        } finally {
          defined.undefine();
        }
      });
    }
  }

  @Test void theRealLibvirtdDefinesTheNfsAndLvmPools() {
    Oracles.require(URI != null, "no private libvirtd: run scripts/oracles.sh start libvirt and source its env (KVM_SDK_LIBVIRT_URI)");
    try (Kvm kvm = Kvm.connect(URI)) {
      for (String type : List.of("netfs", "logical", "zfs", "gluster")) {
        StoragePoolSpec p = pools().get(type);
        kvm.pools().find(p.name()).ifPresent(StoragePool::undefine);
        try {
          StoragePool defined = kvm.pools().define(p);
          try {
            assertThat(XmlSame.diff(defined.spec().copy(b -> b.uuid(java.util.Optional.empty()).capacity(java.util.Optional.empty())
                .allocation(java.util.Optional.empty()).available(java.util.Optional.empty())).toXml(), p.toXml())).as(type).isNull();
          } finally {
            defined.undefine();
          }
        } catch (LibvirtException e) {
          // this machine's libvirt has no zfs or gluster backend: libvirt refuses at define
          assertThat(type).as("only zfs and gluster may lack a backend, not " + type + ": " + e.getMessage()).isIn("zfs", "gluster");
          assertThat(e.getMessage()).contains("missing backend for pool type");
        }
      }
    }
  }

}
