package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import org.junit.jupiter.api.Test;

class DiskTest {
  static Devices disks(Disk... d) { return Devices.builder().addDisks(d).build(); }

  @Test
  void fileDiskRendersWhatTheUserAskedForAndNothingMore() {
    Disk d = Disk.file("/var/lib/libvirt/images/a.qcow2").virtio().target("vda");
    String xml = DiskTestXml.domain(disks(d)).toXml();
    assertThat(xml).contains("<disk type='file' device='disk'>", "<source file='/var/lib/libvirt/images/a.qcow2'/>",
        "<target dev='vda' bus='virtio'/>");
    assertThat(xml).doesNotContain("<driver");
    assertThat(d.targetDev()).contains("vda");
    assertThat(d.targetBus()).contains("virtio");
  }

  @Test
  void qcow2AddsTheQemuDriverWithTheFormat() {
    Disk d = Disk.file("/img/a.qcow2").qcow2().cache("none");
    assertThat(d.driver()).hasValueSatisfying(drv -> {
      assertThat(drv.name()).contains("qemu");
      assertThat(drv.type()).contains("qcow2");
      assertThat(drv.cache()).contains("none");
    });
    assertThat(Disk.file("/img/b.raw").formatFromExtension().driver().flatMap(DiskDriver::type)).contains("raw");
    assertThat(Disk.file("/img/c.qcow2").formatFromExtension().driver().flatMap(DiskDriver::type)).contains("qcow2");
    assertThat(Disk.file("/img/noext").formatFromExtension().driver()).isEmpty();
  }

  @Test
  void withersDeriveCopiesAndLeaveTheOriginalAlone() {
    Disk base = Disk.file("/img/a.qcow2");
    Disk ro = base.readonly().shareable().bootOrder(2).target("sdb", "scsi");
    assertThat(base.isReadonly()).isFalse();
    assertThat(base.target()).isEmpty();
    assertThat(ro.isReadonly()).isTrue();
    assertThat(ro.isShareable()).isTrue();
    assertThat(ro.bootOrder()).contains(2);
    assertThat(ro.targetDev()).contains("sdb");
    assertThat(ro.targetBus()).contains("scsi");
    assertThat(Disk.builder().type("file").readonly(true).bootOrder(3).build().bootOrder()).contains(3);
  }

  @Test
  void cdromIsReadonlyAndEmptyCdromHasNoSource() {
    Disk iso = Disk.cdrom("/iso/debian.iso").target("sda", "sata");
    assertThat(iso.device()).contains("cdrom");
    assertThat(iso.isReadonly()).isTrue();
    assertThat(Disk.cdrom().source()).isEmpty();
  }

  @Test
  void rbdDiskWithMonitorsAndCephAuthRoundTripsAndIsSchemaValid() {
    Disk d = Disk.rbd("pool/image", Auth.ceph("admin", "ceph-client"),
        SourceHost.of("mon1.example.org", 6789), SourceHost.of("mon2.example.org", 6789)).raw().virtio().target("vdb");
    Devices devs = disks(d);
    assertThat(DiskTestXml.roundTrip(devs)).isEqualTo(devs);
    assertThat(DiskTestXml.schemaErrors(devs)).isNull();
    String xml = DiskTestXml.domain(devs).toXml();
    assertThat(xml).contains("<source protocol='rbd' name='pool/image'>", "<host name='mon2.example.org' port='6789'/>",
        "<auth username='admin'>", "<secret type='ceph' usage='ceph-client'/>");
  }

  @Test
  void iscsiDiskWithChapRoundTrips() {
    Disk d = Disk.iscsi("iqn.2013-07.com.example:iscsi-pool/1", SourceHost.of("192.0.2.10", 3260),
        Auth.chap("myuser", "libvirtiscsi")).virtio().target("vdc");
    assertThat(d.source().flatMap(DiskSource::auth).flatMap(Auth::secret).flatMap(SecretRef::type)).contains("iscsi");
    Devices devs = disks(d);
    assertThat(DiskTestXml.roundTrip(devs)).isEqualTo(devs);
    assertThat(DiskTestXml.schemaErrors(devs)).isNull();
  }

  @Test
  void everyPartOfAFullyLoadedDiskRoundTrips() {
    Disk d = Disk.builder().type("network").device("disk")
        .driver(DiskDriver.builder().name("qemu").type("qcow2").cache("none").errorPolicy("stop").rerrorPolicy("report")
            .io("native").ioeventfd(true).eventIdx(false).copyOnRead(true).discard("unmap").detectZeroes("unmap")
            .iothread(1).queues(4).queueSize(256)
            .metadataCache(DiskMetadataCache.builder().maxSize(Size.of(10, "MiB")).build()).build())
        .source(DiskSource.builder().protocol("https").name("/images/a.qcow2").query("x=1")
            .addHost(SourceHost.of("example.org", 443)).sslVerify(false).readahead(65536L).timeout(10L)
            .addCookie(DiskCookie.builder().name("session").value("s3cr3t").build())
            .build())
        .backingStore(DiskBackingStore.builder().type("file")
            .format(DiskFormat.builder().type("raw").build())
            .source(DiskSource.ofFile("/img/base.raw"))
            .backingStore(DiskBackingStore.builder().build()).build())
        .target(DiskTarget.builder().dev("vda").bus("virtio").build())
        .iotune(DiskIoTune.builder().totalBytesSec(1_000_000L).totalIopsSec(500L).groupName("g1").build())
        .serial("SER-1").alias("ua-disk0").boot(DiskBoot.order(1))
        .build();
    Devices devs = disks(d);
    Devices back = DiskTestXml.roundTrip(devs);
    assertThat(back).isEqualTo(devs);
    assertThat(DomainSpec.fromXml(DiskTestXml.domain(devs).toXml()).unmodeledPaths()).noneMatch(p -> p.contains("/disk"));
  }

  @Test
  void cookieValuesNeverShowInToString() {
    DiskCookie c = DiskCookie.builder().name("session").value("s3cr3t").build();
    assertThat(c.toString()).doesNotContain("s3cr3t");
    Disk d = Disk.network("http", "/a.iso", SourceHost.of("example.org")).withSource(s -> s.addCookie(c));
    assertThat(d.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void parsesLibvirtsBackingChainRecursively() {
    Devices devs = DiskTestXml.parseDevices("<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
        + "<source file='/top.qcow2' index='3'/>"
        + "<backingStore type='file' index='2'><format type='qcow2'/><source file='/mid.qcow2'/>"
        + "<backingStore type='block' index='1'><format type='raw'/><source dev='/dev/sdb'/><backingStore/></backingStore>"
        + "</backingStore><target dev='vda' bus='virtio'/></disk>");
    DiskBackingStore mid = devs.disks().get(0).backingStore().orElseThrow();
    assertThat(mid.index()).contains(2);
    DiskBackingStore low = mid.backingStore().orElseThrow();
    assertThat(low.source().flatMap(DiskSource::dev)).contains("/dev/sdb");
    assertThat(low.backingStore()).hasValueSatisfying(end -> assertThat(end.type()).isEmpty());
    assertThat(devs.disks().get(0).backingChain()).hasSize(3).extracting(DiskBackingStore::index)
        .containsExactly(java.util.Optional.of(2), java.util.Optional.of(1), java.util.Optional.empty());
  }

  @Test
  void targetDevMustLookLikeADeviceName() {
    assertThatThrownBy(() -> Disk.file("/a").target("VDA"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("target/@dev");
          assertThat(e.rule()).contains("'VDA'");
        });
    assertThatThrownBy(() -> DiskTestXml.parseDevices("<disk type='file'><target dev='1a' bus='virtio'/></disk>"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("domain/devices/disk[1]/target/@dev"));
    assertThat(Disk.file("/a").target("vda1").targetDev()).as("a partition name is the QEMU driver's to refuse").contains("vda1");
    assertThatThrownBy(() -> Disk.file("/a").target("mmcblk"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.rule()).contains("'mmcblk'"));
    assertThat(Disk.file("/a").copy(b -> b.address(DeviceAddress.drive(0, 0, 0, 1))).target("mmcblk").targetDev()).contains("mmcblk");
    assertThat(Disk.file("/a").target("ioemu:hda").targetDev()).contains("ioemu:hda");
  }

  @Test
  void floppyOnlyOnFdcAndFdcOnlyForFloppy() {
    assertThatThrownBy(() -> Disk.floppy("/f.img").target("fda", "ide"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("target/@bus");
          assertThat(e.rule()).contains("fdc").contains("'ide'");
        });
    assertThatThrownBy(() -> Disk.file("/a").target("fda", "fdc"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.rule()).contains("device='disk'"));
    assertThat(Disk.floppy("/f.img").target("fda", "fdc").targetBus()).contains("fdc");
  }

  @Test
  void bootOrderStartsAtOne() {
    assertThatThrownBy(() -> Disk.file("/a").bootOrder(0))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("@order");
          assertThat(e.rule()).contains("got 0");
        });
    assertThatThrownBy(() -> DiskTestXml.parseDevices("<disk type='file'><target dev='vda'/><boot order='0'/></disk>"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("domain/devices/disk[1]/boot/@order"));
  }

  @Test
  void iotuneTotalAndReadWriteLimitsAreMutuallyExclusive() {
    assertThatThrownBy(() -> DiskIoTune.builder().totalBytesSec(10L).readBytesSec(5L).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("total_bytes_sec");
          assertThat(e.rule()).contains("read_bytes_sec");
        });
    assertThatThrownBy(() -> DiskIoTune.builder().totalIopsSecMax(10L).writeIopsSecMax(5L).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.rule()).contains("write_iops_sec_max"));
    assertThat(DiskIoTune.builder().groupName("g").build().groupName()).as("the QEMU driver's rule: see validateFor").contains("g");
    assertThat(DiskIoTune.builder().readBytesSec(5L).writeBytesSec(5L).totalIopsSec(9L).build().readBytesSec()).contains(5L);
  }

  @Test
  void networkDiskNeedsAProtocolAndMostProtocolsAName() {
    assertThatThrownBy(() -> Disk.builder().type("network").source(DiskSource.builder().name("pool/img").build()).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("source/@protocol"));
    assertThatThrownBy(() -> Disk.rbd(null, null, SourceHost.of("mon1")))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("@name");
          assertThat(e.rule()).contains("rbd");
        });
    assertThatThrownBy(() -> DiskTestXml.parseDevices("<disk type='network'><source protocol='iscsi'><host name='h'/></source><target dev='vda'/></disk>"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("domain/devices/disk[1]/source/@name"));
    assertThat(Disk.nbd(null, SourceHost.unix("/run/nbd.sock")).source().flatMap(DiskSource::name)).isEmpty();
  }

  @Test
  void unixHostNeedsASocketAndTcpHostANameAndPort() {
    assertThatThrownBy(() -> SourceHost.builder().transport("unix").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@socket"));
    assertThatThrownBy(() -> SourceHost.of("h", 70000))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.rule()).contains("70000"));
  }

  @Test
  void lunNeedsABlockOrIscsiSourceAndRawioNeedsALun() {
    assertThatThrownBy(() -> Disk.file("/a").copy(b -> b.device("lun")))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@device"));
    assertThat(Disk.block("/dev/sdc").copy(b -> b.device("lun").rawio(true)).rawio()).contains(true);
    assertThatThrownBy(() -> Disk.block("/dev/sdc").copy(b -> b.rawio(true)))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@rawio"));
  }

  @Test
  void trayOnlyForRemovableMediaAndRequisiteOnlyForCdromOrFloppy() {
    assertThatThrownBy(() -> Disk.file("/a").withTarget(t -> t.dev("vda").tray("open")))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("target/@tray"));
    assertThat(Disk.cdrom("/a.iso").withTarget(t -> t.dev("hdc").tray("open")).target().flatMap(DiskTarget::tray)).contains("open");
    assertThatThrownBy(() -> Disk.file("/a").withSource(s -> s.startupPolicy("requisite")))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("source/@startupPolicy"));
  }

  @Test
  void wwnVendorAndProductFollowScsiLimits() {
    assertThatThrownBy(() -> Disk.block("/dev/sdb").copy(b -> b.wwn("5000c50015ea71a")))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("wwn"));
    assertThat(Disk.block("/dev/sdb").copy(b -> b.wwn("0x5000c50015ea71ad")).wwn()).isPresent();
    assertThatThrownBy(() -> Disk.block("/dev/sdb").copy(b -> b.vendor("TooLongVendor")))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("vendor"));
  }

  @Test
  void secretIsNamedByUsageOrUuidNotBoth() {
    assertThatThrownBy(() -> SecretRef.builder().type("ceph").usage("u").uuid("0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@uuid"));
  }

  static final String D = "domain/devices/disk[1]/";

  /** The one QEMU-driver problem of a domain holding {@code disk} (libvirt's parser accepts it: build() does). */
  static io.kvmsdk.core.InvalidSpecException qemuRefuses(Disk disk) {
    java.util.List<InvalidSpecException> p = DiskTestXml.qemu(disk);
    assertThat(p).as("QEMU-driver problems of %s", disk).hasSize(1);
    return p.get(0);
  }

  @Test
  void qemuBusRulesForLunWwnVendorAndProduct() {
    InvalidSpecException lun = qemuRefuses(Disk.block("/dev/sdc").copy(b -> b.device("lun")).target("sda", "sata"));
    assertThat(lun.field()).isEqualTo(D + "target/@bus");
    assertThat(lun.rule()).contains("'sata'");
    assertThat(qemuRefuses(Disk.file("/a").virtio().copy(b -> b.wwn("5000c50015ea71ad"))).field()).isEqualTo(D + "wwn");
    assertThat(qemuRefuses(Disk.file("/a").sata().copy(b -> b.product("Disk"))).field()).isEqualTo(D + "product");
    assertThat(DiskTestXml.qemu(Disk.file("/a").scsi().copy(b -> b.vendor("ACME").product("Disk")))).isEmpty();
    assertThat(qemuRefuses(Disk.block("/dev/sdc").copy(b -> b.device("lun").wwn("5000c50015ea71ad")).target("sda", "scsi")).field())
        .isEqualTo(D + "wwn");
  }

  @Test
  void qemuRulesForEjectableMediaIothreadsAndBusOnlyAttributes() {
    assertThat(qemuRefuses(Disk.cdrom("/a.iso").virtio().target("vda")).rule()).contains("ejectable");
    assertThat(qemuRefuses(Disk.file("/a").sata().withDriver(d -> d.iothread(1))).field()).isEqualTo(D + "driver/@iothread");
    assertThat(Disk.file("/a").virtio().withDriver(d -> d.iothread(1).queues(2)).driver().flatMap(DiskDriver::queues)).contains(2);
    assertThat(qemuRefuses(Disk.file("/a").virtio().withTarget(t -> t.rotationRate(1))).field()).isEqualTo(D + "target/@rotation_rate");
    assertThat(qemuRefuses(Disk.file("/a").sata().readonly()).field()).isEqualTo(D + "readonly");
    assertThat(DiskTestXml.qemu(Disk.cdrom("/a.iso").sata())).isEmpty();
    assertThat(qemuRefuses(Disk.file("/a").target("vda1")).rule()).contains("partition").contains("'vda1'");
  }

  @Test
  void parserRulesForQueuesRemovableAndVirtioModels() {
    assertThatThrownBy(() -> Disk.file("/a").scsi().withDriver(d -> d.queues(2)))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("driver/@queues"));
    assertThatThrownBy(() -> Disk.file("/a").scsi().withTarget(t -> t.removable(true)))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("target/@removable"));
    assertThatThrownBy(() -> Disk.file("/a").sata().copy(b -> b.model("virtio-transitional")))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@model"));
  }

  @Test
  void transientSharedDirAndSerialRulesAreTheQemuDrivers() {
    assertThat(qemuRefuses(Disk.file("/a").readonly().copy(b -> b.transientDisk(DiskTransient.builder().build()))).field()).isEqualTo(D + "transient");
    assertThat(qemuRefuses(Disk.file("/a").qcow2().shareable()).rule()).contains("'qcow2'");
    assertThat(DiskTestXml.qemu(Disk.file("/a").raw().shareable())).isEmpty();
    assertThat(qemuRefuses(Disk.builder().type("dir").source(DiskSource.builder().dir("/srv").build()).readonly(true).build()).field())
        .isEqualTo(D + "driver/@type");
    assertThat(Disk.dir("/srv").virtio().target("vdz").driver().flatMap(DiskDriver::type)).contains("fat");
    assertThat(qemuRefuses(Disk.dir("/srv").copy(b -> b.readonly(false))).field()).isEqualTo(D + "readonly");
    assertThat(qemuRefuses(Disk.file("/a").copy(b -> b.serial("a:b"))).field()).isEqualTo(D + "serial");
    assertThat(DiskTestXml.qemu(Disk.file("/a").copy(b -> b.serial("WD-1234 x.y+z_w")))).isEmpty();
    assertThat(qemuRefuses(Disk.file("/a").virtio().copy(b -> b.iotune(DiskIoTune.builder().groupName("g").build()))).field())
        .isEqualTo(D + "iotune/group_name");
  }
}
