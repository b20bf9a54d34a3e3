package io.kvmsdk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.testing.RelaxNg;
import org.junit.jupiter.api.Test;

/** The guest-level (non-device) parts of a domain: OS, features, clock, memory, tuning, sysinfo, security. */
class GuestModelTest {
  static DomainSpec.Builder guest() {
    return DomainSpec.builder().type("kvm").name("web1").memory(Size.mib(2048)).vcpu(Vcpu.of(2)).os(Os.hvm());
  }

  static InvalidSpecException invalid(Runnable r) {
    try {
      r.run();
    } catch (InvalidSpecException e) {
      return e;
    }
    throw new AssertionError("expected an InvalidSpecException");
  }

  static void assertRoundTripsSchemaValid(DomainSpec d) {
    String xml = d.toXml();
    assertThat(RelaxNg.of("domain").errors(xml)).as(xml).isNull();
    DomainSpec back = DomainSpec.fromXml(xml);
    assertThat(back).isEqualTo(d);
    assertThat(back.unmodeledPaths()).isEmpty();
  }

  // ------------------------------------------------------------------ os

  @Test
  void bootOrderRendersInOrder() {
    Os os = Os.hvm("x86_64", "q35").withBootOrder("cdrom", "hd", "network");
    DomainSpec d = guest().os(os).build();
    String xml = d.toXml();
    assertThat(xml).contains("<type arch='x86_64' machine='q35'>hvm</type>");
    assertThat(xml.indexOf("<boot dev='cdrom'/>")).isLessThan(xml.indexOf("<boot dev='hd'/>"));
    assertThat(xml.indexOf("<boot dev='hd'/>")).isLessThan(xml.indexOf("<boot dev='network'/>"));
    assertRoundTripsSchemaValid(d);
  }

  @Test
  void bootDeviceMustBeKnown() {
    InvalidSpecException e = invalid(() -> Os.hvm().withBootOrder("hd", "usb"));
    assertThat(e.field()).isEqualTo("boot[2]/@dev");
    assertThat(e.rule()).contains("hd, cdrom, fd, network", "'usb'");
    assertThatThrownBy(() -> DomainSpec.fromXml("<domain type='kvm'><name>a</name><os><type>hvm</type><boot dev='floppy'/></os></domain>"))
        .isInstanceOfSatisfying(InvalidSpecException.class, x -> assertThat(x.field()).isEqualTo("domain/os/boot[1]/@dev"));
  }

  @Test
  void uefiWithLoaderAndNvramTemplate() {
    Os os = Os.uefi("/usr/share/OVMF/OVMF_CODE.secboot.fd", "/usr/share/OVMF/OVMF_VARS.secboot.fd")
        .copy(b -> b.bootmenu(OsBootMenu.enabled(3000)));
    DomainSpec d = guest().os(os).features(Features.acpiApic().copy(f -> f.smm(FeaturesSmm.on()))).build();
    String xml = d.toXml();
    assertThat(xml).contains("<loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.secboot.fd</loader>",
        "<nvram template='/usr/share/OVMF/OVMF_VARS.secboot.fd'/>", "<bootmenu enable='yes' timeout='3000'/>");
    assertRoundTripsSchemaValid(d);
  }

  @Test
  void uefiSecureBootNeedsSmm() {
    DomainSpec d = guest().os(Os.uefiSecureBoot().copy(b -> b.type(OsType.hvm("x86_64", "q35"))))
        .features(Features.acpiApic().copy(f -> f.smm(FeaturesSmm.on()))).build();
    assertThat(d.toXml()).contains("<feature enabled='yes' name='secure-boot'/>", "<loader secure='yes'/>", "<smm state='on'/>");
    assertRoundTripsSchemaValid(d);
    assertThat(invalid(() -> DefaultIoThread.of(8, 2)).field()).isEqualTo("@thread_pool_min");
  }

  @Test
  void firmwareAutoselectionWithFeatures() {
    Os os = Os.uefi().copy(b -> b.firmwareInfo(OsFirmware.builder()
        .addFeature(OsFirmwareFeature.of("secure-boot", true)).addFeature(OsFirmwareFeature.of("enrolled-keys", false)).build()));
    DomainSpec d = guest().os(os).build();
    assertThat(d.toXml()).contains("<os firmware='efi'>", "<feature enabled='yes' name='secure-boot'/>");
    assertRoundTripsSchemaValid(d);
  }

  @Test
  void directKernelBootAndContainerInit() {
    assertRoundTripsSchemaValid(guest().os(Os.directKernel("/boot/vmlinuz", "/boot/initrd.img", "console=ttyS0")).build());
    Os exe = Os.exe("/sbin/init", "--log-level=debug").copy(b -> b.addInitenv(OsInitEnv.of("LANG", "C")).initdir("/srv"));
    DomainSpec lxc = DomainSpec.builder().type("lxc").name("c1").memory(Size.mib(512)).os(exe)
        .idmap(IdMap.builder().addUid(IdMapRange.of(0, 1000, 10)).addGid(IdMapRange.of(0, 1000, 10)).build()).build();
    assertThat(lxc.toXml()).contains("<init>/sbin/init</init>", "<initarg>--log-level=debug</initarg>",
        "<initenv name='LANG'>C</initenv>", "<uid start='0' target='1000' count='10'/>");
    assertRoundTripsSchemaValid(lxc);
  }

  @Test
  void containerCapabilities() {
    Features f = Features.builder().capabilities(FeaturesCapabilities.builder().policy("default")
        .mknod(FeaturesState.off()).sysAdmin(FeaturesState.on()).build()).build();
    DomainSpec lxc = DomainSpec.builder().type("lxc").name("c1").memory(Size.mib(512)).os(Os.exe("/sbin/init")).features(f).build();
    assertThat(lxc.toXml()).contains("<capabilities policy='default'>", "<sys_admin state='on'/>", "<mknod state='off'/>");
    assertRoundTripsSchemaValid(lxc);
  }

  @Test
  void biosRebootTimeoutAndBootMenuTimeoutAreBounded() {
    assertThat(invalid(() -> OsBios.builder().rebootTimeout(70000).build()).field()).isEqualTo("@rebootTimeout");
    assertThat(OsBios.builder().rebootTimeout(-1).build().rebootTimeout()).contains(-1);
    assertThat(invalid(() -> OsBootMenu.enabled(70000)).field()).isEqualTo("@timeout");
  }

  // ------------------------------------------------------------------ features

  @Test
  void windowsFeatures() {
    Features f = Features.acpiApic().copy(b -> b.hyperv(FeaturesHyperv.recommended())
        .kvm(FeaturesKvm.builder().hidden(FeaturesState.on()).build()).vmport(FeaturesState.off()));
    DomainSpec d = guest().features(f).clock(Clock.localtime()
        .withTimer(ClockTimer.of("rtc", "catchup")).withTimer(ClockTimer.of("pit", "delay"))
        .withTimer(ClockTimer.present("hpet", false)).withTimer(ClockTimer.present("hypervclock", true))).build();
    String xml = d.toXml();
    assertThat(xml).contains("<acpi/>", "<apic/>", "<hyperv mode='custom'>", "<relaxed state='on'/>",
        "<spinlocks state='on' retries='8191'/>", "<hidden state='on'/>", "<vmport state='off'/>",
        "<clock offset='localtime'>", "<timer name='hpet' present='no'/>");
    assertRoundTripsSchemaValid(d);
  }

  @Test
  void featureValuesAreChecked() {
    assertThat(invalid(() -> FeaturesHypervSpinlocks.builder().retries(100).build()).rule()).contains("at least 4095");
    assertThat(invalid(() -> FeaturesHypervVendorId.builder().value("ThirteenChars").build()).field()).isEqualTo("@value");
    assertThat(invalid(() -> FeaturesKvmDirtyRing.builder().size(3000).build()).rule()).contains("power of two");
    assertThat(invalid(() -> Features.builder().gic("4").build()).field()).isEqualTo("gic/@version");
  }

  @Test
  void featuresWithSizesKeepTheirUnit() {
    Features f = Features.builder().smm(FeaturesSmm.builder().state(true).tseg(Size.mib(48)).build())
        .tcg(FeaturesTcg.builder().tbCache(Size.mib(128)).build()).build();
    assertThat(guest().features(f).build().toXml()).contains("<tseg unit='MiB'>48</tseg>", "<tb-cache unit='MiB'>128</tb-cache>");
    assertThat(FeaturesSmm.builder().build().tseg()).isEmpty();
  }

  // ------------------------------------------------------------------ clock

  @Test
  void clockFactories() {
    assertThat(Clock.utc().offset()).contains("utc");
    Clock v = Clock.variable(3600, "utc");
    assertThat(v.adjustment()).contains("3600");
    assertRoundTripsSchemaValid(guest().clock(Clock.timezone("Europe/Paris")).build());
    assertRoundTripsSchemaValid(guest().clock(v).build());
  }

  @Test
  void timerRulesAreChecked() {
    assertThat(invalid(() -> ClockTimer.of("jiffies")).field()).isEqualTo("@name");
    assertThat(invalid(() -> ClockTimer.of("rtc", "skip")).field()).isEqualTo("@tickpolicy");
    InvalidSpecException e = invalid(() -> ClockTimer.builder().name("rtc").tickpolicy("delay")
        .catchup(ClockTimerCatchup.builder().threshold(123).build()).build());
    assertThat(e.field()).isEqualTo("catchup");
    assertThat(invalid(() -> Clock.builder().offset("timezone").build()).field()).isEqualTo("@timezone");
    assertThatThrownBy(() -> DomainSpec.fromXml("<domain type='kvm'><name>a</name><clock offset='utc'><timer name='x'/></clock></domain>"))
        .isInstanceOfSatisfying(InvalidSpecException.class, x -> assertThat(x.field()).isEqualTo("domain/clock/timer[1]/@name"));
  }

  // ------------------------------------------------------------------ memory

  @Test
  void hugepagesOfGivenSizes() {
    DomainSpec d = guest().memoryBacking(MemoryBacking.ofHugepages(Size.gib(1), Size.mib(2)).copy(b -> b.locked(true)
        .allocation(MemoryBackingAllocation.builder().mode("immediate").threads(4).build())))
        .memtune(MemTune.builder().hardLimit(Size.gib(3)).softLimit(Size.gib(2)).build()).build();
    String xml = d.toXml();
    assertThat(xml).contains("<page size='1' unit='GiB'/>", "<page size='2' unit='MiB'/>", "<locked/>",
        "<hard_limit unit='GiB'>3</hard_limit>");
    assertRoundTripsSchemaValid(d);
    assertThat(d.memoryBacking().get().hugepages().get().pages().get(0).pageSize()).contains(Size.gib(1));
  }

  @Test
  void hugepageSizeMustBePositive() {
    InvalidSpecException e = invalid(() -> MemoryBackingHugePage.of(Size.kib(0)));
    assertThat(e.field()).isEqualTo("@size");
    assertThat(e.rule()).contains("positive");
    assertThat(invalid(() -> MemoryBacking.builder().source("tmpfs").build()).field()).isEqualTo("source/@type");
  }

  @Test
  void sharedMemfdForVirtiofs() {
    assertThat(guest().memoryBacking(MemoryBacking.sharedMemfd()).build().toXml())
        .contains("<source type='memfd'/>", "<access mode='shared'/>");
  }

  @Test
  void maxMemoryForHotplug() {
    DomainSpec d = guest().maxMemory(MaxMemory.of(Size.gib(16), 16)).build();
    assertThat(d.toXml()).contains("<maxMemory slots='16' unit='GiB'>16</maxMemory>");
    assertThat(d.maxMemory().get().size()).contains(Size.gib(16));
  }

  // ------------------------------------------------------------------ vcpus, tuning

  @Test
  void vcpuCurrentMayNotExceedTheMaximum() {
    assertThat(Vcpu.of(4, 2).current()).contains(2);
    InvalidSpecException e = invalid(() -> Vcpu.of(2, 4));
    assertThat(e.field()).isEqualTo("@current");
    assertThatThrownBy(() -> guest().vcpu(Vcpu.of(0)).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e2 -> assertThat(e2.field()).isEqualTo("domain/vcpu"));
  }

  @Test
  void cpuListsFollowLibvirtsSyntax() {
    assertThat(CpuSet.parse("0-3,^2,6").stream().toArray()).containsExactly(0, 1, 3, 6);
    assertThat(CpuSet.isValid("1-4,^3,6")).isTrue();
    assertThat(CpuSet.isValid("1-")).isFalse();
    assertThat(CpuSet.isValid("")).isFalse();
    assertThat(CpuSet.isValid("^1-3,0-5")).as("libvirt excludes single ids only").isFalse();
    assertThat(CpuSet.isValid("0, 2")).isTrue();
    InvalidSpecException e = invalid(() -> CpuTuneVcpuPin.of(0, "0,a"));
    assertThat(e.field()).isEqualTo("@cpuset");
    assertThat(e.rule()).contains("'0,a'");
    assertThat(invalid(() -> NumaTune.strict("2-1")).field()).isEqualTo("@nodeset");
    assertThat(invalid(() -> CpuTune.builder().emulatorpin("x").build()).field()).isEqualTo("emulatorpin/@cpuset");
    assertThatThrownBy(() -> DomainSpec.fromXml("<domain type='kvm'><name>a</name><vcpu cpuset='1-2-3'>2</vcpu></domain>"))
        .isInstanceOfSatisfying(InvalidSpecException.class, x -> assertThat(x.field()).isEqualTo("domain/vcpu/@cpuset"));
  }

  @Test
  void cputunePinsAndBandwidth() {
    CpuTune t = CpuTune.pinned(2, 3).withVcpuPin(2, "4-5").copy(b -> b.emulatorpin("0-1").period(100000L).quota(-1L)
        .addVcpusched(CpuTuneSched.builder().vcpus("0-1").scheduler("fifo").priority(1).build())
        .addIothreadpin(CpuTuneIoThreadPin.of(1, "6")));
    DomainSpec d = guest().vcpu(Vcpu.of(3)).iothreadids(IoThreadIds.of(1)).cputune(t)
        .numatune(NumaTune.strict("0")).blkiotune(BlkioTune.ofWeight(500)).build();
    String xml = d.toXml();
    assertThat(xml).contains("<vcpupin vcpu='0' cpuset='2'/>", "<vcpupin vcpu='2' cpuset='4-5'/>",
        "<emulatorpin cpuset='0-1'/>", "<quota>-1</quota>", "<memory mode='strict' nodeset='0'/>", "<weight>500</weight>");
    assertRoundTripsSchemaValid(d);
  }

  @Test
  void tuningRulesAreChecked() {
    assertThat(invalid(() -> CpuTune.pinned(1, 2).withVcpuPin(0, "3")).field()).isEqualTo("vcpupin[3]/@vcpu");
    assertThat(invalid(() -> CpuTune.builder().period(10L).build()).field()).isEqualTo("period");
    assertThat(invalid(() -> CpuTune.builder().quota(5L).build()).rule()).contains("1000");
    assertThat(invalid(() -> CpuTuneSched.builder().vcpus("0").scheduler("rr").build()).field()).isEqualTo("@priority");
    assertThat(invalid(() -> CpuTune.builder().shares(1L).build()).field()).isEqualTo("shares");
    assertThat(CpuTune.builder().shares(0L).quota(0L).period(0L).build().quota()).contains(0L); // libvirt accepts 0 as unset
    assertThat(invalid(() -> IoThreadIds.of(1, 1)).field()).isEqualTo("iothread[2]/@id");
    assertThat(invalid(() -> NumaTune.builder().memory(NumaTuneMemory.builder().mode("random").build()).build()).field())
        .isEqualTo("memory/@mode");
  }

  // ------------------------------------------------------------------ sysinfo, pm, security, qemu

  @Test
  void smbiosSysinfo() {
    SysInfo s = SysInfo.smbios()
        .system(SysInfoSection.of(SysInfoEntry.of("manufacturer", "ACME"), SysInfoEntry.of("serial", "42")))
        .oemStrings(SysInfoSection.of(SysInfoEntry.builder().value("app:data").build())).build();
    DomainSpec d = guest().os(Os.hvm().copy(b -> b.smbios("sysinfo"))).addSysinfo(s)
        .addSysinfo(SysInfo.fwcfg(SysInfoEntry.builder().name("opt/com.example/cfg").file("/tmp/cfg.ign").build()))
        .pm(Pm.of(false, false)).build();
    String xml = d.toXml();
    assertThat(xml).contains("<entry name='manufacturer'>ACME</entry>", "<entry>app:data</entry>", "<suspend-to-mem enabled='no'/>");
    assertRoundTripsSchemaValid(d);
    assertThat(invalid(() -> SysInfo.builder().type("dmi").build()).field()).isEqualTo("@type");
  }

  @Test
  void securityLabelsAndLaunchSecurity() {
    DomainSpec d = guest().addSeclabel(SecLabel.fixed("selinux", "system_u:system_r:svirt_t:s0:c1,c2"))
        .addSeclabel(SecLabel.none().copy(b -> b.model("dac")))
        .launchSecurity(LaunchSecurity.sev(47, 1, 0x0003)).build();
    String xml = d.toXml();
    assertThat(xml).contains("<seclabel type='static' model='selinux' relabel='no'>", "<policy>0x0003</policy>");
    assertRoundTripsSchemaValid(d);
    assertThat(invalid(() -> SecLabel.builder().type("maybe").build()).field()).isEqualTo("@type");
  }

  @Test
  void qemuCommandlineDeclaresItsNamespace() {
    DomainSpec d = guest().qemuCommandline(QemuCommandline.of("-newarg", "value")
        .copy(b -> b.addEnv(QemuCommandlineEnv.of("QEMU_ENV", "x"))))
        .qemuCapabilities(QemuCapabilities.builder().addAdd("blockdev").addDel("drive").build()).build();
    String xml = d.toXml();
    assertThat(xml).contains("xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'",
        "<qemu:arg value='-newarg'/>", "<qemu:env name='QEMU_ENV' value='x'/>", "<qemu:add capability='blockdev'/>");
    assertThat(RelaxNg.of("domain").errors(xml)).isNull();
    DomainSpec back = DomainSpec.fromXml(xml); // also carries the xmlns:qemu declaration of <domain>
    assertThat(back.qemuCommandline()).isEqualTo(d.qemuCommandline());
    assertThat(back.qemuCapabilities()).isEqualTo(d.qemuCapabilities());
    assertThat(back.toXml()).isEqualTo(xml);
    assertThat(back.unmodeledPaths()).isEmpty();
  }
}
