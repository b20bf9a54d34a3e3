package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import static io.kvmsdk.core.domain.CharDeviceTest.domain;
import static io.kvmsdk.core.domain.CharDeviceTest.devicePaths;
import static io.kvmsdk.core.domain.CharDeviceTest.parseError;
import static io.kvmsdk.core.domain.CharDeviceTest.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.testing.XmlSame;
import org.junit.jupiter.api.Test;

/** TPM, watchdog, memory balloon, RNG, panic, shmem, memory devices, IOMMU, vsock and crypto. */
class SmallDevicesTest {

  @Test
  void tpmEmulatorAndPassthrough() {
    Tpm emu = Tpm.emulator("2.0").copy(b -> b.backend(b.build().backend().get().copy(k -> k
        .persistentState(true)
        .encryptionSecret("6dd3e4a5-1d76-44ce-961f-f119f5aad935")
        .activePcrBanks(TpmBackendPcrBanks.builder().sha256(true).sha512(true).build()))));
    Tpm pass = Tpm.passthrough("/dev/tpmrm0").withModel("tpm-tis");
    DomainSpec spec = domain(d -> d.addTpm(emu).addTpm(pass));
    String xml = spec.toXml();
    assertThat(xml).contains("<backend type='emulator' version='2.0' persistent_state='yes'>")
        .contains("<encryption secret='6dd3e4a5-1d76-44ce-961f-f119f5aad935'/>")
        .contains("<sha256/>").contains("<sha512/>").doesNotContain("<sha1/>")
        .contains("<device path='/dev/tpmrm0'/>");
    roundTrip(spec);
  }

  @Test
  void tpmExternalBackendRoundTrips() {
    String xml = CharDeviceTest.BASE.replace("<devices/>", "<devices><tpm model='tpm-tis'><backend type='external'>"
        + "<source type='unix' mode='connect' path='/tmp/path.sock'/></backend></tpm></devices>");
    DomainSpec spec = DomainSpec.fromXml(xml);
    assertThat(spec.devices().tpms().get(0).backend().flatMap(TpmBackend::source).flatMap(TpmBackendSource::path)).contains("/tmp/path.sock");
    assertThat(XmlSame.diff(xml, spec.toXml())).isNull();
    assertThat(devicePaths(spec)).isEmpty();
  }

  @Test
  void tpmRules() {
    assertThatThrownBy(() -> Tpm.emulator("3.0"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@version"));
    assertThat(DiskTestXml.qemu(Devices.builder().addTpm(Tpm.emulator("2.0").withModel("spapr-tpm-proxy")).build()))
        .singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("domain/devices/tpm[1]/backend/@type"));
    assertThat(Tpm.passthrough("/dev/tpmrm0").withModel("spapr-tpm-proxy").model()).contains("spapr-tpm-proxy");
    assertThatThrownBy(() -> TpmBackend.builder().type("emulator").encryptionSecret("not-a-uuid").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("encryption/@secret"));
  }

  @Test
  void watchdogActionMustBeDocumented() {
    roundTrip(domain(d -> d.addWatchdog(Watchdog.i6300esb().withAction("inject-nmi"))));
    assertThatThrownBy(() -> Watchdog.of("i6300esb", "explode"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("@action");
          assertThat(e.rule()).contains("got 'explode'");
        });
    assertThat(parseError("<watchdog model='ib700' action='reboot'/>").field()).isEqualTo("domain/devices/watchdog[1]/@action");
  }

  @Test
  void memballoonStatsAndDriver() {
    MemBalloon m = MemBalloon.virtio().withStatsPeriod(10).copy(b -> b
        .autodeflate(true).freePageReporting(false)
        .driver(MemBalloonDriver.builder().iommu(true).ats(true).packed(true).pagePerVq(false).build()));
    DomainSpec spec = domain(d -> d.addMemballoon(m));
    assertThat(spec.toXml()).contains("<memballoon model='virtio' autodeflate='on' freePageReporting='off'>")
        .contains("<stats period='10'/>")
        .contains("<driver iommu='on' ats='on' packed='on' page_per_vq='off'/>");
    roundTrip(spec);
    roundTrip(domain(d -> d.addMemballoon(MemBalloon.none())));
  }

  @Test
  void rngBackends() {
    DomainSpec spec = domain(d -> d
        .addRng(Rng.random("/dev/urandom").withRate(1234, 2000))
        .addRng(Rng.builtin().copy(b -> b.driver(RngDriver.builder().iommu(true).build())))
        .addRng(Rng.builder().model("virtio").backend(RngBackend.builder().model("egd").type("udp")
            .addSource(CharDevSource.builder().mode("bind").service("1234").build())
            .addSource(CharDevSource.connect("1.2.3.4", "1234")).build()).build())
        .addRng(Rng.builder().model("virtio").backend(RngBackend.egd("tcp", CharDevSource.connect("1.2.3.4", "1234")).copy(b -> b.protocol("raw"))).build()));
    String xml = spec.toXml();
    assertThat(xml).contains("<rate bytes='1234' period='2000'/>")
        .contains("<backend model='random'>/dev/urandom</backend>")
        .contains("<backend model='builtin'/>")
        .contains("<backend model='egd' type='udp'>");
    roundTrip(spec);
  }

  @Test
  void rngRules() {
    assertThat(RngRate.of(0, 1000).bytes()).as("0 bytes: no limit, as libvirt reads it").contains(0);
    assertThat(RngRate.builder().period(10).build().bytes()).isEmpty();
    assertThatThrownBy(() -> RngBackend.egd("tcp", CharDevSource.builder().service("1").build()))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("source/@host"));
  }

  @Test
  void panicAndIommuAndVsock() {
    DomainSpec spec = domain(d -> d
        .addPanic(Panic.of("isa"))
        .addIommu(Iommu.intel().withDriver(IommuDriver.builder().intremap(true).cachingMode(true).eim(true).iotlb(true).awBits(48).build()))
        .addVsock(Vsock.cid(4).copy(b -> b.driver(VsockDriver.builder().iommu(true).build()))));
    String xml = spec.toXml();
    assertThat(xml).contains("<driver intremap='on' caching_mode='on' eim='on' iotlb='on' aw_bits='48'/>")
        .contains("<cid auto='no' address='4'/>");
    roundTrip(spec);
    roundTrip(domain(d -> d.addVsock(Vsock.auto())));
  }

  @Test
  void vsockCidAndIommuAwBitsRules() {
    assertThatThrownBy(() -> Vsock.cid(2))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("@address");
          assertThat(e.rule()).contains("0-2 are reserved").contains("got 2");
        });
    assertThat(parseError("<vsock model='virtio'><cid auto='no' address='1'/></vsock>").field())
        .isEqualTo("domain/devices/vsock[1]/cid/@address");
    Iommu wide = Iommu.intel().withDriver(IommuDriver.builder().awBits(256).build());
    assertThat(DiskTestXml.qemu(Devices.builder().addIommu(wide).build())).singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("domain/devices/iommu[1]/driver/@aw_bits"));
  }

  @Test
  void shmemPlainAndDoorbell() {
    DomainSpec spec = domain(d -> d
        .addShmem(Shmem.plain("my_shmem0", Size.of(4, "M")).copy(b -> b.role("peer")))
        .addShmem(Shmem.doorbell("shmem_server", "/tmp/socket-shmem").copy(b -> b
            .size(Size.of(2, "M")).msi(ShmemMsi.builder().vectors(32).ioeventfd(true).build()))));
    String xml = spec.toXml();
    assertThat(xml).contains("<shmem name='my_shmem0' role='peer'>")
        .contains("<model type='ivshmem-plain'/>")
        .contains("<size unit='M'>4</size>")
        .contains("<server path='/tmp/socket-shmem'/>")
        .contains("<msi vectors='32' ioeventfd='on'/>");
    roundTrip(spec);
  }

  @Test
  void shmemRules() {
    assertThatThrownBy(() -> Shmem.plain("a/b", Size.mib(4)))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@name"));
    assertThatThrownBy(() -> Shmem.plain("..", Size.mib(4)))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("@name"));
    // libvirt defines any size and either server option; the QEMU driver refuses them (at define, or at start for the size)
    assertThat(DiskTestXml.qemu(Devices.builder().addShmems(Shmem.plain("s", Size.mib(3)), Shmem.plain("t", Size.kib(512)),
        Shmem.builder().name("u").model("ivshmem-doorbell").build(), Shmem.doorbell("v", "/tmp/sock").copy(b -> b.model("ivshmem-plain"))).build()))
        .extracting(e -> e.field() + ": " + e.rule()).containsExactly(
            "domain/devices/shmem[1]/size: must be a power of two of at least 1 MiB, got 3 MiB",
            "domain/devices/shmem[2]/size: must be a power of two of at least 1 MiB, got 512 KiB",
            "domain/devices/shmem[3]/server: is required by model ivshmem-doorbell",
            "domain/devices/shmem[4]/server: is not supported by model ivshmem-plain (server-less shared memory); use ivshmem-doorbell");
    assertThat(Shmem.plain("s", Size.mib(3)).size()).contains(Size.mib(3));
    assertThat(Shmem.plain("s", Size.gib(1)).size()).contains(Size.gib(1));
    assertThatThrownBy(() -> Shmem.plain("s", Size.mib(4)).copy(b -> b.msi(ShmemMsi.builder().vectors(4).build())))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("msi"));

  }

  @Test
  void panicAddressOnlyForIsa() {
    DeviceAddress isa = DomainSpec.fromXml(CharDeviceTest.BASE.replace("<devices/>",
        "<devices><panic model='isa'><address type='isa' iobase='0x505'/></panic></devices>")).devices().panics().get(0).address().get();
    assertThat(DiskTestXml.qemu(Devices.builder().addPanic(Panic.builder().model("hyperv").address(isa).build()).build())).singleElement()
        .satisfies(e -> assertThat(e.rule()).isEqualTo("must not be given for a hyperv panic device"));
  }

  @Test
  void memoryDevicesOfEveryModel() {
    DomainSpec spec = domain(d -> d
        .addMemory(MemoryDevice.dimm(Size.kib(524287), 0).copy(b -> b.access("private").discard(true)))
        .addMemory(MemoryDevice.builder().model("dimm")
            .source(MemoryDeviceSource.builder().pagesize(Size.kib(2048)).nodemask("1-3").build())
            .target(MemoryDeviceTarget.of(Size.kib(524287), 1)).build())
        .addMemory(MemoryDevice.nvdimm("/dev/dax0.0", Size.kib(524288)).copy(b -> b
            .access("shared").uuid("e39080c8-7f99-4b12-9c43-d80014e977b8")
            .source(MemoryDeviceSource.builder().path("/dev/dax0.0").alignsize(Size.kib(2048)).pmem(true).build())
            .target(MemoryDeviceTarget.builder().size(Size.kib(524288)).node(1)
                .label(MemoryDeviceLabel.of(Size.kib(128))).readonly(true).build())))
        .addMemory(MemoryDevice.virtioMem(Size.kib(2097152), 0, Size.kib(2048), Size.kib(1048576)).copy(b -> b
            .target(b.build().target().get().copy(t -> t.current(Size.kib(524288)).addressBase(0x100000000L)))))
        .addMemory(MemoryDevice.builder().model("sgx-epc").target(MemoryDeviceTarget.builder().size(Size.kib(16384)).build()).build()));
    String xml = spec.toXml();
    assertThat(xml).contains("<memory model='dimm' access='private' discard='yes'>")
        .contains("<nodemask>1-3</nodemask>")
        .contains("<pmem/>")
        .contains("<readonly/>")
        .contains("<label>")
        .contains("<requested unit='KiB'>1048576</requested>")
        .contains("<address base='0x100000000'/>");
    DomainSpec back = DomainSpec.fromXml(xml);
    assertThat(back).isEqualTo(spec);
    assertThat(devicePaths(back)).isEmpty();
  }

  @Test
  void memoryDeviceRules() {
    assertThatThrownBy(() -> MemoryDevice.builder().model("dimm").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("target"));
    assertThat(DiskTestXml.qemu(Devices.builder().addMemory(MemoryDevice.dimm(Size.kib(0), 0)).build())).singleElement()
        .satisfies(e -> assertThat(e.field() + ": " + e.rule()).isEqualTo("domain/devices/memory[1]/target/size: must be greater than 0, got 0 KiB"));
    assertThatThrownBy(() -> MemoryDevice.virtioMem(Size.gib(1), 0, Size.mib(2), Size.gib(2)))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("requested"));
    assertThatThrownBy(() -> MemoryDevice.builder().model("virtio-pmem").access("shared").target(MemoryDeviceTarget.builder().size(Size.mib(512)).build()).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("source/path"));
  }

  @Test
  void cryptoBuiltinRoundTrips() {
    DomainSpec spec = domain(d -> d.addCrypto(Crypto.builtin(2)));
    String xml = spec.toXml();
    assertThat(xml).contains("<crypto model='virtio' type='qemu'>").contains("<backend model='builtin' queues='2'/>");
    DomainSpec back = DomainSpec.fromXml(xml);
    assertThat(back).isEqualTo(spec);
    assertThat(devicePaths(back)).isEmpty();
    assertThat(Crypto.builtin(0).backend().flatMap(CryptoBackend::queues)).as("0 queues: the default, as libvirt reads it").contains(0);
  }
}
