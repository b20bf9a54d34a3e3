package io.kvmsdk.core.internal.domain;

import io.kvmsdk.core.domain.*;
import io.kvmsdk.core.xml.Codec;
import io.kvmsdk.core.xml.ElementCodec;
import io.kvmsdk.core.xml.SizeCodec;
import io.kvmsdk.core.xml.ValueType;
import io.kvmsdk.core.xml.XPath;
import io.kvmsdk.core.xml.XmlElement;

/** Element mappings for the guest-level elements of a domain (OS, CPU, memory, tuning, features, clock, security). */
public final class GuestCodecs {
  private GuestCodecs() {}

  public static final ElementCodec<OsType, OsType.Builder> OS_TYPE =
      ElementCodec.lazy(() -> ElementCodec.of("type", OsType.Builder::new, OsType.Builder::build, OsType::unmodeled, OsType.Builder::unmodeled)
        .attr("arch", OsType::arch, OsType.Builder::arch)
        .attr("machine", OsType::machine, OsType.Builder::machine)
        .text(OsType::value, OsType.Builder::value));

  public static final ElementCodec<OsFirmwareFeature, OsFirmwareFeature.Builder> OS_FIRMWARE_FEATURE =
      ElementCodec.lazy(() -> ElementCodec.of("feature", OsFirmwareFeature.Builder::new, OsFirmwareFeature.Builder::build, OsFirmwareFeature::unmodeled, OsFirmwareFeature.Builder::unmodeled)
        .attr("enabled", ValueType.YES_NO, OsFirmwareFeature::enabled, OsFirmwareFeature.Builder::enabled)
        .attr("name", OsFirmwareFeature::name, OsFirmwareFeature.Builder::name));

  public static final ElementCodec<OsFirmware, OsFirmware.Builder> OS_FIRMWARE =
      ElementCodec.lazy(() -> ElementCodec.of("firmware", OsFirmware.Builder::new, OsFirmware.Builder::build, OsFirmware::unmodeled, OsFirmware.Builder::unmodeled)
        .list("feature", OS_FIRMWARE_FEATURE, OsFirmware::features, OsFirmware.Builder::features));

  public static final ElementCodec<OsLoader, OsLoader.Builder> OS_LOADER =
      ElementCodec.lazy(() -> ElementCodec.of("loader", OsLoader.Builder::new, OsLoader.Builder::build, OsLoader::unmodeled, OsLoader.Builder::unmodeled)
        .attr("readonly", ValueType.YES_NO, OsLoader::readonly, OsLoader.Builder::readonly)
        .attr("secure", ValueType.YES_NO, OsLoader::secure, OsLoader.Builder::secure)
        .attr("type", OsLoader::type, OsLoader.Builder::type)
        .attr("stateless", ValueType.YES_NO, OsLoader::stateless, OsLoader.Builder::stateless)
        .text(OsLoader::path, OsLoader.Builder::path));

  public static final ElementCodec<OsNvramSourceHost, OsNvramSourceHost.Builder> OS_NVRAM_SOURCE_HOST =
      ElementCodec.lazy(() -> ElementCodec.of("host", OsNvramSourceHost.Builder::new, OsNvramSourceHost.Builder::build, OsNvramSourceHost::unmodeled, OsNvramSourceHost.Builder::unmodeled)
        .attr("name", OsNvramSourceHost::name, OsNvramSourceHost.Builder::name)
        .attr("port", ValueType.UINT, OsNvramSourceHost::port, OsNvramSourceHost.Builder::port)
        .attr("transport", OsNvramSourceHost::transport, OsNvramSourceHost.Builder::transport)
        .attr("socket", OsNvramSourceHost::socket, OsNvramSourceHost.Builder::socket));

  public static final ElementCodec<OsNvramSourceSecret, OsNvramSourceSecret.Builder> OS_NVRAM_SOURCE_SECRET =
      ElementCodec.lazy(() -> ElementCodec.of("secret", OsNvramSourceSecret.Builder::new, OsNvramSourceSecret.Builder::build, OsNvramSourceSecret::unmodeled, OsNvramSourceSecret.Builder::unmodeled)
        .attr("type", OsNvramSourceSecret::type, OsNvramSourceSecret.Builder::type)
        .attr("usage", OsNvramSourceSecret::usage, OsNvramSourceSecret.Builder::usage)
        .attr("uuid", OsNvramSourceSecret::uuid, OsNvramSourceSecret.Builder::uuid));

  public static final ElementCodec<OsNvramSourceAuth, OsNvramSourceAuth.Builder> OS_NVRAM_SOURCE_AUTH =
      ElementCodec.lazy(() -> ElementCodec.of("auth", OsNvramSourceAuth.Builder::new, OsNvramSourceAuth.Builder::build, OsNvramSourceAuth::unmodeled, OsNvramSourceAuth.Builder::unmodeled)
        .attr("username", OsNvramSourceAuth::username, OsNvramSourceAuth.Builder::username)
        .child("secret", OS_NVRAM_SOURCE_SECRET, OsNvramSourceAuth::secret, OsNvramSourceAuth.Builder::secret));

  public static final ElementCodec<OsNvramSource, OsNvramSource.Builder> OS_NVRAM_SOURCE =
      ElementCodec.lazy(() -> ElementCodec.of("source", OsNvramSource.Builder::new, OsNvramSource.Builder::build, OsNvramSource::unmodeled, OsNvramSource.Builder::unmodeled)
        .attr("file", OsNvramSource::file, OsNvramSource.Builder::file)
        .attr("dev", OsNvramSource::dev, OsNvramSource.Builder::dev)
        .attr("protocol", OsNvramSource::protocol, OsNvramSource.Builder::protocol)
        .attr("name", OsNvramSource::name, OsNvramSource.Builder::name)
        .attr("tls", ValueType.YES_NO, OsNvramSource::tls, OsNvramSource.Builder::tls)
        .list("host", OS_NVRAM_SOURCE_HOST, OsNvramSource::hosts, OsNvramSource.Builder::hosts)
        .child("auth", OS_NVRAM_SOURCE_AUTH, OsNvramSource::auth, OsNvramSource.Builder::auth));

  public static final ElementCodec<OsNvram, OsNvram.Builder> OS_NVRAM =
      ElementCodec.lazy(() -> ElementCodec.of("nvram", OsNvram.Builder::new, OsNvram.Builder::build, OsNvram::unmodeled, OsNvram.Builder::unmodeled)
        .attr("template", OsNvram::template, OsNvram.Builder::template)
        .attr("type", OsNvram::type, OsNvram.Builder::type)
        .text(OsNvram::path, OsNvram.Builder::path)
        .child("source", OS_NVRAM_SOURCE, OsNvram::source, OsNvram.Builder::source));

  public static final ElementCodec<OsInitEnv, OsInitEnv.Builder> OS_INIT_ENV =
      ElementCodec.lazy(() -> ElementCodec.of("initenv", OsInitEnv.Builder::new, OsInitEnv.Builder::build, OsInitEnv::unmodeled, OsInitEnv.Builder::unmodeled)
        .attr("name", OsInitEnv::name, OsInitEnv.Builder::name)
        .text(OsInitEnv::value, OsInitEnv.Builder::value));

  public static final ElementCodec<OsAcpiTable, OsAcpiTable.Builder> OS_ACPI_TABLE =
      ElementCodec.lazy(() -> ElementCodec.of("table", OsAcpiTable.Builder::new, OsAcpiTable.Builder::build, OsAcpiTable::unmodeled, OsAcpiTable.Builder::unmodeled)
        .attr("type", OsAcpiTable::type, OsAcpiTable.Builder::type)
        .text(OsAcpiTable::path, OsAcpiTable.Builder::path));

  public static final ElementCodec<OsAcpi, OsAcpi.Builder> OS_ACPI =
      ElementCodec.lazy(() -> ElementCodec.of("acpi", OsAcpi.Builder::new, OsAcpi.Builder::build, OsAcpi::unmodeled, OsAcpi.Builder::unmodeled)
        .list("table", OS_ACPI_TABLE, OsAcpi::tables, OsAcpi.Builder::tables));

  public static final ElementCodec<OsBootMenu, OsBootMenu.Builder> OS_BOOT_MENU =
      ElementCodec.lazy(() -> ElementCodec.of("bootmenu", OsBootMenu.Builder::new, OsBootMenu.Builder::build, OsBootMenu::unmodeled, OsBootMenu.Builder::unmodeled)
        .attr("enable", ValueType.YES_NO, OsBootMenu::enable, OsBootMenu.Builder::enable)
        .attr("timeout", ValueType.UINT, OsBootMenu::timeout, OsBootMenu.Builder::timeout));

  public static final ElementCodec<OsBios, OsBios.Builder> OS_BIOS =
      ElementCodec.lazy(() -> ElementCodec.of("bios", OsBios.Builder::new, OsBios.Builder::build, OsBios::unmodeled, OsBios.Builder::unmodeled)
        .attr("useserial", ValueType.YES_NO, OsBios::useserial, OsBios.Builder::useserial)
        .attr("rebootTimeout", ValueType.INT, OsBios::rebootTimeout, OsBios.Builder::rebootTimeout));

  public static final ElementCodec<Os, Os.Builder> OS =
      ElementCodec.lazy(() -> ElementCodec.of("os", Os.Builder::new, Os.Builder::build, Os::unmodeled, Os.Builder::unmodeled)
        .attr("firmware", Os::firmware, Os.Builder::firmware)
        .child("type", OS_TYPE, Os::type, Os.Builder::type)
        .child("firmware", OS_FIRMWARE, Os::firmwareInfo, Os.Builder::firmwareInfo)
        .textChild("init", Os::init, Os.Builder::init)
        .textList("initarg", Os::initargs, Os.Builder::initargs)
        .list("initenv", OS_INIT_ENV, Os::initenvs, Os.Builder::initenvs)
        .textChild("initdir", Os::initdir, Os.Builder::initdir)
        .textChild("inituser", Os::inituser, Os.Builder::inituser)
        .textChild("initgroup", Os::initgroup, Os.Builder::initgroup)
        .child("loader", OS_LOADER, Os::loader, Os.Builder::loader)
        .child("nvram", OS_NVRAM, Os::nvram, Os.Builder::nvram)
        .textChild("kernel", Os::kernel, Os.Builder::kernel)
        .textChild("initrd", Os::initrd, Os.Builder::initrd)
        .textChild("cmdline", Os::cmdline, Os.Builder::cmdline)
        .textChild("dtb", Os::dtb, Os.Builder::dtb)
        .textChild("root", Os::root, Os.Builder::root)
        .child("acpi", OS_ACPI, Os::acpi, Os.Builder::acpi)
        .list("boot", new AttrListCodec("boot", "dev"), Os::boots, Os.Builder::boots)
        .child("bootmenu", OS_BOOT_MENU, Os::bootmenu, Os.Builder::bootmenu)
        .attrChild("smbios", "mode", Os::smbios, Os.Builder::smbios)
        .child("bios", OS_BIOS, Os::bios, Os.Builder::bios));

  /** The mapping of {@link FeaturesState} under element name {@code name}. */
  static ElementCodec<FeaturesState, FeaturesState.Builder> featuresState(String name) {
    return ElementCodec.of(name, FeaturesState.Builder::new, FeaturesState.Builder::build, FeaturesState::unmodeled, FeaturesState.Builder::unmodeled)
        .attr("state", ValueType.ON_OFF, FeaturesState::state, FeaturesState.Builder::state);
  }

  public static final ElementCodec<FeaturesApic, FeaturesApic.Builder> FEATURES_APIC =
      ElementCodec.lazy(() -> ElementCodec.of("apic", FeaturesApic.Builder::new, FeaturesApic.Builder::build, FeaturesApic::unmodeled, FeaturesApic.Builder::unmodeled)
        .attr("eoi", ValueType.ON_OFF, FeaturesApic::eoi, FeaturesApic.Builder::eoi));

  public static final ElementCodec<FeaturesHypervSpinlocks, FeaturesHypervSpinlocks.Builder> FEATURES_HYPERV_SPINLOCKS =
      ElementCodec.lazy(() -> ElementCodec.of("spinlocks", FeaturesHypervSpinlocks.Builder::new, FeaturesHypervSpinlocks.Builder::build, FeaturesHypervSpinlocks::unmodeled, FeaturesHypervSpinlocks.Builder::unmodeled)
        .attr("state", ValueType.ON_OFF, FeaturesHypervSpinlocks::state, FeaturesHypervSpinlocks.Builder::state)
        .attr("retries", ValueType.UINT, FeaturesHypervSpinlocks::retries, FeaturesHypervSpinlocks.Builder::retries));

  public static final ElementCodec<FeaturesHypervStimer, FeaturesHypervStimer.Builder> FEATURES_HYPERV_STIMER =
      ElementCodec.lazy(() -> ElementCodec.of("stimer", FeaturesHypervStimer.Builder::new, FeaturesHypervStimer.Builder::build, FeaturesHypervStimer::unmodeled, FeaturesHypervStimer.Builder::unmodeled)
        .attr("state", ValueType.ON_OFF, FeaturesHypervStimer::state, FeaturesHypervStimer.Builder::state)
        .child("direct", featuresState("direct"), FeaturesHypervStimer::direct, FeaturesHypervStimer.Builder::direct));

  public static final ElementCodec<FeaturesHypervVendorId, FeaturesHypervVendorId.Builder> FEATURES_HYPERV_VENDOR_ID =
      ElementCodec.lazy(() -> ElementCodec.of("vendor_id", FeaturesHypervVendorId.Builder::new, FeaturesHypervVendorId.Builder::build, FeaturesHypervVendorId::unmodeled, FeaturesHypervVendorId.Builder::unmodeled)
        .attr("state", ValueType.ON_OFF, FeaturesHypervVendorId::state, FeaturesHypervVendorId.Builder::state)
        .attr("value", FeaturesHypervVendorId::value, FeaturesHypervVendorId.Builder::value));

  public static final ElementCodec<FeaturesHyperv, FeaturesHyperv.Builder> FEATURES_HYPERV =
      ElementCodec.lazy(() -> ElementCodec.of("hyperv", FeaturesHyperv.Builder::new, FeaturesHyperv.Builder::build, FeaturesHyperv::unmodeled, FeaturesHyperv.Builder::unmodeled)
        .attr("mode", FeaturesHyperv::mode, FeaturesHyperv.Builder::mode)
        .child("relaxed", featuresState("relaxed"), FeaturesHyperv::relaxed, FeaturesHyperv.Builder::relaxed)
        .child("vapic", featuresState("vapic"), FeaturesHyperv::vapic, FeaturesHyperv.Builder::vapic)
        .child("spinlocks", FEATURES_HYPERV_SPINLOCKS, FeaturesHyperv::spinlocks, FeaturesHyperv.Builder::spinlocks)
        .child("vpindex", featuresState("vpindex"), FeaturesHyperv::vpindex, FeaturesHyperv.Builder::vpindex)
        .child("runtime", featuresState("runtime"), FeaturesHyperv::runtime, FeaturesHyperv.Builder::runtime)
        .child("synic", featuresState("synic"), FeaturesHyperv::synic, FeaturesHyperv.Builder::synic)
        .child("stimer", FEATURES_HYPERV_STIMER, FeaturesHyperv::stimer, FeaturesHyperv.Builder::stimer)
        .child("reset", featuresState("reset"), FeaturesHyperv::reset, FeaturesHyperv.Builder::reset)
        .child("vendor_id", FEATURES_HYPERV_VENDOR_ID, FeaturesHyperv::vendorId, FeaturesHyperv.Builder::vendorId)
        .child("frequencies", featuresState("frequencies"), FeaturesHyperv::frequencies, FeaturesHyperv.Builder::frequencies)
        .child("reenlightenment", featuresState("reenlightenment"), FeaturesHyperv::reenlightenment, FeaturesHyperv.Builder::reenlightenment)
        .child("tlbflush", featuresState("tlbflush"), FeaturesHyperv::tlbflush, FeaturesHyperv.Builder::tlbflush)
        .child("ipi", featuresState("ipi"), FeaturesHyperv::ipi, FeaturesHyperv.Builder::ipi)
        .child("evmcs", featuresState("evmcs"), FeaturesHyperv::evmcs, FeaturesHyperv.Builder::evmcs)
        .child("avic", featuresState("avic"), FeaturesHyperv::avic, FeaturesHyperv.Builder::avic));

  public static final ElementCodec<FeaturesKvmDirtyRing, FeaturesKvmDirtyRing.Builder> FEATURES_KVM_DIRTY_RING =
      ElementCodec.lazy(() -> ElementCodec.of("dirty-ring", FeaturesKvmDirtyRing.Builder::new, FeaturesKvmDirtyRing.Builder::build, FeaturesKvmDirtyRing::unmodeled, FeaturesKvmDirtyRing.Builder::unmodeled)
        .attr("state", ValueType.ON_OFF, FeaturesKvmDirtyRing::state, FeaturesKvmDirtyRing.Builder::state)
        .attr("size", ValueType.UINT, FeaturesKvmDirtyRing::size, FeaturesKvmDirtyRing.Builder::size));

  public static final ElementCodec<FeaturesKvm, FeaturesKvm.Builder> FEATURES_KVM =
      ElementCodec.lazy(() -> ElementCodec.of("kvm", FeaturesKvm.Builder::new, FeaturesKvm.Builder::build, FeaturesKvm::unmodeled, FeaturesKvm.Builder::unmodeled)
        .child("hidden", featuresState("hidden"), FeaturesKvm::hidden, FeaturesKvm.Builder::hidden)
        .child("hint-dedicated", featuresState("hint-dedicated"), FeaturesKvm::hintDedicated, FeaturesKvm.Builder::hintDedicated)
        .child("poll-control", featuresState("poll-control"), FeaturesKvm::pollControl, FeaturesKvm.Builder::pollControl)
        .child("pv-ipi", featuresState("pv-ipi"), FeaturesKvm::pvIpi, FeaturesKvm.Builder::pvIpi)
        .child("dirty-ring", FEATURES_KVM_DIRTY_RING, FeaturesKvm::dirtyRing, FeaturesKvm.Builder::dirtyRing));

  public static final ElementCodec<FeaturesXenPassthrough, FeaturesXenPassthrough.Builder> FEATURES_XEN_PASSTHROUGH =
      ElementCodec.lazy(() -> ElementCodec.of("passthrough", FeaturesXenPassthrough.Builder::new, FeaturesXenPassthrough.Builder::build, FeaturesXenPassthrough::unmodeled, FeaturesXenPassthrough.Builder::unmodeled)
        .attr("state", ValueType.ON_OFF, FeaturesXenPassthrough::state, FeaturesXenPassthrough.Builder::state)
        .attr("mode", FeaturesXenPassthrough::mode, FeaturesXenPassthrough.Builder::mode));

  public static final ElementCodec<FeaturesXen, FeaturesXen.Builder> FEATURES_XEN =
      ElementCodec.lazy(() -> ElementCodec.of("xen", FeaturesXen.Builder::new, FeaturesXen.Builder::build, FeaturesXen::unmodeled, FeaturesXen.Builder::unmodeled)
        .child("e820_host", featuresState("e820_host"), FeaturesXen::e820Host, FeaturesXen.Builder::e820Host)
        .child("passthrough", FEATURES_XEN_PASSTHROUGH, FeaturesXen::passthrough, FeaturesXen.Builder::passthrough));

  public static final ElementCodec<FeaturesCapabilities, FeaturesCapabilities.Builder> FEATURES_CAPABILITIES =
      ElementCodec.lazy(() -> ElementCodec.of("capabilities", FeaturesCapabilities.Builder::new, FeaturesCapabilities.Builder::build, FeaturesCapabilities::unmodeled, FeaturesCapabilities.Builder::unmodeled)
        .attr("policy", FeaturesCapabilities::policy, FeaturesCapabilities.Builder::policy)
        .child("audit_control", featuresState("audit_control"), FeaturesCapabilities::auditControl, FeaturesCapabilities.Builder::auditControl)
        .child("audit_write", featuresState("audit_write"), FeaturesCapabilities::auditWrite, FeaturesCapabilities.Builder::auditWrite)
        .child("block_suspend", featuresState("block_suspend"), FeaturesCapabilities::blockSuspend, FeaturesCapabilities.Builder::blockSuspend)
        .child("chown", featuresState("chown"), FeaturesCapabilities::chown, FeaturesCapabilities.Builder::chown)
        .child("dac_override", featuresState("dac_override"), FeaturesCapabilities::dacOverride, FeaturesCapabilities.Builder::dacOverride)
        .child("dac_read_search", featuresState("dac_read_search"), FeaturesCapabilities::dacReadSearch, FeaturesCapabilities.Builder::dacReadSearch)
        .child("fowner", featuresState("fowner"), FeaturesCapabilities::fowner, FeaturesCapabilities.Builder::fowner)
        .child("fsetid", featuresState("fsetid"), FeaturesCapabilities::fsetid, FeaturesCapabilities.Builder::fsetid)
        .child("ipc_lock", featuresState("ipc_lock"), FeaturesCapabilities::ipcLock, FeaturesCapabilities.Builder::ipcLock)
        .child("ipc_owner", featuresState("ipc_owner"), FeaturesCapabilities::ipcOwner, FeaturesCapabilities.Builder::ipcOwner)
        .child("kill", featuresState("kill"), FeaturesCapabilities::kill, FeaturesCapabilities.Builder::kill)
        .child("lease", featuresState("lease"), FeaturesCapabilities::lease, FeaturesCapabilities.Builder::lease)
        .child("linux_immutable", featuresState("linux_immutable"), FeaturesCapabilities::linuxImmutable, FeaturesCapabilities.Builder::linuxImmutable)
        .child("mac_admin", featuresState("mac_admin"), FeaturesCapabilities::macAdmin, FeaturesCapabilities.Builder::macAdmin)
        .child("mac_override", featuresState("mac_override"), FeaturesCapabilities::macOverride, FeaturesCapabilities.Builder::macOverride)
        .child("mknod", featuresState("mknod"), FeaturesCapabilities::mknod, FeaturesCapabilities.Builder::mknod)
        .child("net_admin", featuresState("net_admin"), FeaturesCapabilities::netAdmin, FeaturesCapabilities.Builder::netAdmin)
        .child("net_bind_service", featuresState("net_bind_service"), FeaturesCapabilities::netBindService, FeaturesCapabilities.Builder::netBindService)
        .child("net_broadcast", featuresState("net_broadcast"), FeaturesCapabilities::netBroadcast, FeaturesCapabilities.Builder::netBroadcast)
        .child("net_raw", featuresState("net_raw"), FeaturesCapabilities::netRaw, FeaturesCapabilities.Builder::netRaw)
        .child("setgid", featuresState("setgid"), FeaturesCapabilities::setgid, FeaturesCapabilities.Builder::setgid)
        .child("setfcap", featuresState("setfcap"), FeaturesCapabilities::setfcap, FeaturesCapabilities.Builder::setfcap)
        .child("setpcap", featuresState("setpcap"), FeaturesCapabilities::setpcap, FeaturesCapabilities.Builder::setpcap)
        .child("setuid", featuresState("setuid"), FeaturesCapabilities::setuid, FeaturesCapabilities.Builder::setuid)
        .child("sys_admin", featuresState("sys_admin"), FeaturesCapabilities::sysAdmin, FeaturesCapabilities.Builder::sysAdmin)
        .child("sys_boot", featuresState("sys_boot"), FeaturesCapabilities::sysBoot, FeaturesCapabilities.Builder::sysBoot)
        .child("sys_chroot", featuresState("sys_chroot"), FeaturesCapabilities::sysChroot, FeaturesCapabilities.Builder::sysChroot)
        .child("sys_module", featuresState("sys_module"), FeaturesCapabilities::sysModule, FeaturesCapabilities.Builder::sysModule)
        .child("sys_nice", featuresState("sys_nice"), FeaturesCapabilities::sysNice, FeaturesCapabilities.Builder::sysNice)
        .child("sys_pacct", featuresState("sys_pacct"), FeaturesCapabilities::sysPacct, FeaturesCapabilities.Builder::sysPacct)
        .child("sys_ptrace", featuresState("sys_ptrace"), FeaturesCapabilities::sysPtrace, FeaturesCapabilities.Builder::sysPtrace)
        .child("sys_rawio", featuresState("sys_rawio"), FeaturesCapabilities::sysRawio, FeaturesCapabilities.Builder::sysRawio)
        .child("sys_resource", featuresState("sys_resource"), FeaturesCapabilities::sysResource, FeaturesCapabilities.Builder::sysResource)
        .child("sys_time", featuresState("sys_time"), FeaturesCapabilities::sysTime, FeaturesCapabilities.Builder::sysTime)
        .child("sys_tty_config", featuresState("sys_tty_config"), FeaturesCapabilities::sysTtyConfig, FeaturesCapabilities.Builder::sysTtyConfig)
        .child("syslog", featuresState("syslog"), FeaturesCapabilities::syslog, FeaturesCapabilities.Builder::syslog)
        .child("wake_alarm", featuresState("wake_alarm"), FeaturesCapabilities::wakeAlarm, FeaturesCapabilities.Builder::wakeAlarm));

  public static final ElementCodec<FeaturesSmm, FeaturesSmm.Builder> FEATURES_SMM =
      ElementCodec.lazy(() -> ElementCodec.of("smm", FeaturesSmm.Builder::new, FeaturesSmm.Builder::build, FeaturesSmm::unmodeled, FeaturesSmm.Builder::unmodeled)
        .attr("state", ValueType.ON_OFF, FeaturesSmm::state, FeaturesSmm.Builder::state)
        .child("tseg", new SizeCodec("tseg", "unit", "MiB"), FeaturesSmm::tseg, FeaturesSmm.Builder::tseg));

  public static final ElementCodec<FeaturesHpt, FeaturesHpt.Builder> FEATURES_HPT =
      ElementCodec.lazy(() -> ElementCodec.of("hpt", FeaturesHpt.Builder::new, FeaturesHpt.Builder::build, FeaturesHpt::unmodeled, FeaturesHpt.Builder::unmodeled)
        .attr("resizing", FeaturesHpt::resizing, FeaturesHpt.Builder::resizing)
        .child("maxpagesize", new SizeCodec("maxpagesize", "unit", "KiB"), FeaturesHpt::maxpagesize, FeaturesHpt.Builder::maxpagesize));

  public static final ElementCodec<FeaturesTcg, FeaturesTcg.Builder> FEATURES_TCG =
      ElementCodec.lazy(() -> ElementCodec.of("tcg", FeaturesTcg.Builder::new, FeaturesTcg.Builder::build, FeaturesTcg::unmodeled, FeaturesTcg.Builder::unmodeled)
        .child("tb-cache", new SizeCodec("tb-cache", "unit", "MiB"), FeaturesTcg::tbCache, FeaturesTcg.Builder::tbCache));

  public static final ElementCodec<Features, Features.Builder> FEATURES =
      ElementCodec.lazy(() -> ElementCodec.of("features", Features.Builder::new, Features.Builder::build, Features::unmodeled, Features.Builder::unmodeled)
        .flag("acpi", Features::acpi, Features.Builder::acpi)
        .child("apic", FEATURES_APIC, Features::apic, Features.Builder::apic)
        .flag("pae", Features::pae, Features.Builder::pae)
        .child("hap", featuresState("hap"), Features::hap, Features.Builder::hap)
        .flag("viridian", Features::viridian, Features.Builder::viridian)
        .flag("privnet", Features::privnet, Features.Builder::privnet)
        .child("hyperv", FEATURES_HYPERV, Features::hyperv, Features.Builder::hyperv)
        .child("kvm", FEATURES_KVM, Features::kvm, Features.Builder::kvm)
        .child("pvspinlock", featuresState("pvspinlock"), Features::pvspinlock, Features.Builder::pvspinlock)
        .child("capabilities", FEATURES_CAPABILITIES, Features::capabilities, Features.Builder::capabilities)
        .child("pmu", featuresState("pmu"), Features::pmu, Features.Builder::pmu)
        .child("vmport", featuresState("vmport"), Features::vmport, Features.Builder::vmport)
        .attrChild("gic", "version", Features::gic, Features.Builder::gic)
        .child("smm", FEATURES_SMM, Features::smm, Features.Builder::smm)
        .attrChild("ioapic", "driver", Features::ioapic, Features.Builder::ioapic)
        .child("hpt", FEATURES_HPT, Features::hpt, Features.Builder::hpt)
        .child("vmcoreinfo", featuresState("vmcoreinfo"), Features::vmcoreinfo, Features.Builder::vmcoreinfo)
        .child("htm", featuresState("htm"), Features::htm, Features.Builder::htm)
        .child("nested-hv", featuresState("nested-hv"), Features::nestedHv, Features.Builder::nestedHv)
        .attrChild("msrs", "unknown", Features::msrs, Features.Builder::msrs)
        .child("ccf-assist", featuresState("ccf-assist"), Features::ccfAssist, Features.Builder::ccfAssist)
        .child("xen", FEATURES_XEN, Features::xen, Features.Builder::xen)
        .attrChild("cfpc", "value", Features::cfpc, Features.Builder::cfpc)
        .attrChild("sbbc", "value", Features::sbbc, Features.Builder::sbbc)
        .attrChild("ibs", "value", Features::ibs, Features.Builder::ibs)
        .child("tcg", FEATURES_TCG, Features::tcg, Features.Builder::tcg)
        .attrChild("async-teardown", "enabled", ValueType.YES_NO, Features::asyncTeardown, Features.Builder::asyncTeardown));

  public static final ElementCodec<CpuModel, CpuModel.Builder> CPU_MODEL =
      ElementCodec.lazy(() -> ElementCodec.of("model", CpuModel.Builder::new, CpuModel.Builder::build, CpuModel::unmodeled, CpuModel.Builder::unmodeled)
        .attr("fallback", CpuModel::fallback, CpuModel.Builder::fallback)
        .attr("vendor_id", CpuModel::vendorId, CpuModel.Builder::vendorId)
        .text(CpuModel::name, CpuModel.Builder::name));

  public static final ElementCodec<CpuTopology, CpuTopology.Builder> CPU_TOPOLOGY =
      ElementCodec.lazy(() -> ElementCodec.of("topology", CpuTopology.Builder::new, CpuTopology.Builder::build, CpuTopology::unmodeled, CpuTopology.Builder::unmodeled)
        .attr("sockets", ValueType.UINT, CpuTopology::sockets, CpuTopology.Builder::sockets)
        .attr("dies", ValueType.UINT, CpuTopology::dies, CpuTopology.Builder::dies)
        .attr("clusters", ValueType.UINT, CpuTopology::clusters, CpuTopology.Builder::clusters)
        .attr("cores", ValueType.UINT, CpuTopology::cores, CpuTopology.Builder::cores)
        .attr("threads", ValueType.UINT, CpuTopology::threads, CpuTopology.Builder::threads));

  public static final ElementCodec<CpuCache, CpuCache.Builder> CPU_CACHE =
      ElementCodec.lazy(() -> ElementCodec.of("cache", CpuCache.Builder::new, CpuCache.Builder::build, CpuCache::unmodeled, CpuCache.Builder::unmodeled)
        .attr("level", ValueType.UINT, CpuCache::level, CpuCache.Builder::level)
        .attr("mode", CpuCache::mode, CpuCache.Builder::mode));

  public static final ElementCodec<CpuMaxPhysAddr, CpuMaxPhysAddr.Builder> CPU_MAX_PHYS_ADDR =
      ElementCodec.lazy(() -> ElementCodec.of("maxphysaddr", CpuMaxPhysAddr.Builder::new, CpuMaxPhysAddr.Builder::build, CpuMaxPhysAddr::unmodeled, CpuMaxPhysAddr.Builder::unmodeled)
        .attr("mode", CpuMaxPhysAddr::mode, CpuMaxPhysAddr.Builder::mode)
        .attr("bits", ValueType.UINT, CpuMaxPhysAddr::bits, CpuMaxPhysAddr.Builder::bits));

  public static final ElementCodec<CpuFeature, CpuFeature.Builder> CPU_FEATURE =
      ElementCodec.lazy(() -> ElementCodec.of("feature", CpuFeature.Builder::new, CpuFeature.Builder::build, CpuFeature::unmodeled, CpuFeature.Builder::unmodeled)
        .attr("policy", CpuFeature::policy, CpuFeature.Builder::policy)
        .attr("name", CpuFeature::name, CpuFeature.Builder::name));

  public static final ElementCodec<CpuNumaCellSibling, CpuNumaCellSibling.Builder> CPU_NUMA_CELL_SIBLING =
      ElementCodec.lazy(() -> ElementCodec.of("sibling", CpuNumaCellSibling.Builder::new, CpuNumaCellSibling.Builder::build, CpuNumaCellSibling::unmodeled, CpuNumaCellSibling.Builder::unmodeled)
        .attr("id", ValueType.UINT, CpuNumaCellSibling::id, CpuNumaCellSibling.Builder::id)
        .attr("value", ValueType.UINT, CpuNumaCellSibling::value, CpuNumaCellSibling.Builder::value));

  public static final ElementCodec<CpuNumaCellDistances, CpuNumaCellDistances.Builder> CPU_NUMA_CELL_DISTANCES =
      ElementCodec.lazy(() -> ElementCodec.of("distances", CpuNumaCellDistances.Builder::new, CpuNumaCellDistances.Builder::build, CpuNumaCellDistances::unmodeled, CpuNumaCellDistances.Builder::unmodeled)
        .list("sibling", CPU_NUMA_CELL_SIBLING, CpuNumaCellDistances::siblings, CpuNumaCellDistances.Builder::siblings));

  /** The mapping of {@link CpuNumaCacheSize} under element name {@code name}. */
  static ElementCodec<CpuNumaCacheSize, CpuNumaCacheSize.Builder> cpuNumaCacheSize(String name) {
    return ElementCodec.of(name, CpuNumaCacheSize.Builder::new, CpuNumaCacheSize.Builder::build, CpuNumaCacheSize::unmodeled, CpuNumaCacheSize.Builder::unmodeled)
        .attr("value", ValueType.ULONG, CpuNumaCacheSize::value, CpuNumaCacheSize.Builder::value)
        .attr("unit", CpuNumaCacheSize::unit, CpuNumaCacheSize.Builder::unit);
  }

  public static final ElementCodec<CpuNumaCellCache, CpuNumaCellCache.Builder> CPU_NUMA_CELL_CACHE =
      ElementCodec.lazy(() -> ElementCodec.of("cache", CpuNumaCellCache.Builder::new, CpuNumaCellCache.Builder::build, CpuNumaCellCache::unmodeled, CpuNumaCellCache.Builder::unmodeled)
        .attr("level", ValueType.UINT, CpuNumaCellCache::level, CpuNumaCellCache.Builder::level)
        .attr("associativity", CpuNumaCellCache::associativity, CpuNumaCellCache.Builder::associativity)
        .attr("policy", CpuNumaCellCache::policy, CpuNumaCellCache.Builder::policy)
        .child("size", cpuNumaCacheSize("size"), CpuNumaCellCache::size, CpuNumaCellCache.Builder::size)
        .child("line", cpuNumaCacheSize("line"), CpuNumaCellCache::line, CpuNumaCellCache.Builder::line));

  public static final ElementCodec<CpuNumaCell, CpuNumaCell.Builder> CPU_NUMA_CELL =
      ElementCodec.lazy(() -> ElementCodec.of("cell", CpuNumaCell.Builder::new, CpuNumaCell.Builder::build, CpuNumaCell::unmodeled, CpuNumaCell.Builder::unmodeled)
        .attr("id", ValueType.UINT, CpuNumaCell::id, CpuNumaCell.Builder::id)
        .attr("cpus", CpuNumaCell::cpus, CpuNumaCell.Builder::cpus)
        .attr("memory", ValueType.ULONG, CpuNumaCell::memory, CpuNumaCell.Builder::memory)
        .attr("unit", CpuNumaCell::unit, CpuNumaCell.Builder::unit)
        .attr("memAccess", CpuNumaCell::memAccess, CpuNumaCell.Builder::memAccess)
        .attr("discard", ValueType.YES_NO, CpuNumaCell::discard, CpuNumaCell.Builder::discard)
        .child("distances", CPU_NUMA_CELL_DISTANCES, CpuNumaCell::distances, CpuNumaCell.Builder::distances)
        .list("cache", CPU_NUMA_CELL_CACHE, CpuNumaCell::caches, CpuNumaCell.Builder::caches));

  /** The mapping of {@link CpuNumaInterconnect} under element name {@code name}. */
  static ElementCodec<CpuNumaInterconnect, CpuNumaInterconnect.Builder> cpuNumaInterconnect(String name) {
    return ElementCodec.of(name, CpuNumaInterconnect.Builder::new, CpuNumaInterconnect.Builder::build, CpuNumaInterconnect::unmodeled, CpuNumaInterconnect.Builder::unmodeled)
        .attr("initiator", ValueType.UINT, CpuNumaInterconnect::initiator, CpuNumaInterconnect.Builder::initiator)
        .attr("target", ValueType.UINT, CpuNumaInterconnect::target, CpuNumaInterconnect.Builder::target)
        .attr("cache", ValueType.UINT, CpuNumaInterconnect::cache, CpuNumaInterconnect.Builder::cache)
        .attr("type", CpuNumaInterconnect::type, CpuNumaInterconnect.Builder::type)
        .attr("value", ValueType.ULONG, CpuNumaInterconnect::value, CpuNumaInterconnect.Builder::value)
        .attr("unit", CpuNumaInterconnect::unit, CpuNumaInterconnect.Builder::unit);
  }

  public static final ElementCodec<CpuNumaInterconnects, CpuNumaInterconnects.Builder> CPU_NUMA_INTERCONNECTS =
      ElementCodec.lazy(() -> ElementCodec.of("interconnects", CpuNumaInterconnects.Builder::new, CpuNumaInterconnects.Builder::build, CpuNumaInterconnects::unmodeled, CpuNumaInterconnects.Builder::unmodeled)
        .list("latency", cpuNumaInterconnect("latency"), CpuNumaInterconnects::latencies, CpuNumaInterconnects.Builder::latencies)
        .list("bandwidth", cpuNumaInterconnect("bandwidth"), CpuNumaInterconnects::bandwidths, CpuNumaInterconnects.Builder::bandwidths));

  public static final ElementCodec<CpuNuma, CpuNuma.Builder> CPU_NUMA =
      ElementCodec.lazy(() -> ElementCodec.of("numa", CpuNuma.Builder::new, CpuNuma.Builder::build, CpuNuma::unmodeled, CpuNuma.Builder::unmodeled)
        .list("cell", CPU_NUMA_CELL, CpuNuma::cells, CpuNuma.Builder::cells)
        .child("interconnects", CPU_NUMA_INTERCONNECTS, CpuNuma::interconnects, CpuNuma.Builder::interconnects));

  public static final ElementCodec<Cpu, Cpu.Builder> CPU =
      ElementCodec.lazy(() -> ElementCodec.of("cpu", Cpu.Builder::new, Cpu.Builder::build, Cpu::unmodeled, Cpu.Builder::unmodeled)
        .attr("mode", Cpu::mode, Cpu.Builder::mode)
        .attr("match", Cpu::match, Cpu.Builder::match)
        .attr("check", Cpu::check, Cpu.Builder::check)
        .attr("migratable", ValueType.ON_OFF, Cpu::migratable, Cpu.Builder::migratable)
        .child("model", CPU_MODEL, Cpu::model, Cpu.Builder::model)
        .textChild("vendor", Cpu::vendor, Cpu.Builder::vendor)
        .child("topology", CPU_TOPOLOGY, Cpu::topology, Cpu.Builder::topology)
        .child("cache", CPU_CACHE, Cpu::cache, Cpu.Builder::cache)
        .child("maxphysaddr", CPU_MAX_PHYS_ADDR, Cpu::maxphysaddr, Cpu.Builder::maxphysaddr)
        .list("feature", CPU_FEATURE, Cpu::features, Cpu.Builder::features)
        .child("numa", CPU_NUMA, Cpu::numa, Cpu.Builder::numa));

  public static final ElementCodec<ClockTimerCatchup, ClockTimerCatchup.Builder> CLOCK_TIMER_CATCHUP =
      ElementCodec.lazy(() -> ElementCodec.of("catchup", ClockTimerCatchup.Builder::new, ClockTimerCatchup.Builder::build, ClockTimerCatchup::unmodeled, ClockTimerCatchup.Builder::unmodeled)
        .attr("threshold", ValueType.UINT, ClockTimerCatchup::threshold, ClockTimerCatchup.Builder::threshold)
        .attr("slew", ValueType.UINT, ClockTimerCatchup::slew, ClockTimerCatchup.Builder::slew)
        .attr("limit", ValueType.UINT, ClockTimerCatchup::limit, ClockTimerCatchup.Builder::limit));

  public static final ElementCodec<ClockTimer, ClockTimer.Builder> CLOCK_TIMER =
      ElementCodec.lazy(() -> ElementCodec.of("timer", ClockTimer.Builder::new, ClockTimer.Builder::build, ClockTimer::unmodeled, ClockTimer.Builder::unmodeled)
        .attr("name", ClockTimer::name, ClockTimer.Builder::name)
        .attr("present", ValueType.YES_NO, ClockTimer::present, ClockTimer.Builder::present)
        .attr("tickpolicy", ClockTimer::tickpolicy, ClockTimer.Builder::tickpolicy)
        .attr("track", ClockTimer::track, ClockTimer.Builder::track)
        .attr("frequency", ValueType.ULONG, ClockTimer::frequency, ClockTimer.Builder::frequency)
        .attr("mode", ClockTimer::mode, ClockTimer.Builder::mode)
        .child("catchup", CLOCK_TIMER_CATCHUP, ClockTimer::catchup, ClockTimer.Builder::catchup));

  public static final ElementCodec<Clock, Clock.Builder> CLOCK =
      ElementCodec.lazy(() -> ElementCodec.of("clock", Clock.Builder::new, Clock.Builder::build, Clock::unmodeled, Clock.Builder::unmodeled)
        .attr("offset", Clock::offset, Clock.Builder::offset)
        .attr("timezone", Clock::timezone, Clock.Builder::timezone)
        .attr("adjustment", Clock::adjustment, Clock.Builder::adjustment)
        .attr("basis", Clock::basis, Clock.Builder::basis)
        .attr("start", ValueType.ULONG, Clock::start, Clock.Builder::start)
        .list("timer", CLOCK_TIMER, Clock::timers, Clock.Builder::timers));

  public static final ElementCodec<MemoryBackingHugePage, MemoryBackingHugePage.Builder> MEMORY_BACKING_HUGE_PAGE =
      ElementCodec.lazy(() -> ElementCodec.of("page", MemoryBackingHugePage.Builder::new, MemoryBackingHugePage.Builder::build, MemoryBackingHugePage::unmodeled, MemoryBackingHugePage.Builder::unmodeled)
        .attr("size", ValueType.ULONG, MemoryBackingHugePage::size, MemoryBackingHugePage.Builder::size)
        .attr("unit", MemoryBackingHugePage::unit, MemoryBackingHugePage.Builder::unit)
        .attr("nodeset", MemoryBackingHugePage::nodeset, MemoryBackingHugePage.Builder::nodeset));

  public static final ElementCodec<MemoryBackingHugePages, MemoryBackingHugePages.Builder> MEMORY_BACKING_HUGE_PAGES =
      ElementCodec.lazy(() -> ElementCodec.of("hugepages", MemoryBackingHugePages.Builder::new, MemoryBackingHugePages.Builder::build, MemoryBackingHugePages::unmodeled, MemoryBackingHugePages.Builder::unmodeled)
        .list("page", MEMORY_BACKING_HUGE_PAGE, MemoryBackingHugePages::pages, MemoryBackingHugePages.Builder::pages));

  public static final ElementCodec<MemoryBackingAllocation, MemoryBackingAllocation.Builder> MEMORY_BACKING_ALLOCATION =
      ElementCodec.lazy(() -> ElementCodec.of("allocation", MemoryBackingAllocation.Builder::new, MemoryBackingAllocation.Builder::build, MemoryBackingAllocation::unmodeled, MemoryBackingAllocation.Builder::unmodeled)
        .attr("mode", MemoryBackingAllocation::mode, MemoryBackingAllocation.Builder::mode)
        .attr("threads", ValueType.UINT, MemoryBackingAllocation::threads, MemoryBackingAllocation.Builder::threads));

  public static final ElementCodec<MemoryBacking, MemoryBacking.Builder> MEMORY_BACKING =
      ElementCodec.lazy(() -> ElementCodec.of("memoryBacking", MemoryBacking.Builder::new, MemoryBacking.Builder::build, MemoryBacking::unmodeled, MemoryBacking.Builder::unmodeled)
        .child("hugepages", MEMORY_BACKING_HUGE_PAGES, MemoryBacking::hugepages, MemoryBacking.Builder::hugepages)
        .flag("nosharepages", MemoryBacking::nosharepages, MemoryBacking.Builder::nosharepages)
        .flag("locked", MemoryBacking::locked, MemoryBacking.Builder::locked)
        .attrChild("source", "type", MemoryBacking::source, MemoryBacking.Builder::source)
        .attrChild("access", "mode", MemoryBacking::access, MemoryBacking.Builder::access)
        .child("allocation", MEMORY_BACKING_ALLOCATION, MemoryBacking::allocation, MemoryBacking.Builder::allocation)
        .flag("discard", MemoryBacking::discard, MemoryBacking.Builder::discard));

  public static final ElementCodec<MemTune, MemTune.Builder> MEM_TUNE =
      ElementCodec.lazy(() -> ElementCodec.of("memtune", MemTune.Builder::new, MemTune.Builder::build, MemTune::unmodeled, MemTune.Builder::unmodeled)
        .child("hard_limit", new SizeCodec("hard_limit", "unit", "KiB"), MemTune::hardLimit, MemTune.Builder::hardLimit)
        .child("soft_limit", new SizeCodec("soft_limit", "unit", "KiB"), MemTune::softLimit, MemTune.Builder::softLimit)
        .child("min_guarantee", new SizeCodec("min_guarantee", "unit", "KiB"), MemTune::minGuarantee, MemTune.Builder::minGuarantee)
        .child("swap_hard_limit", new SizeCodec("swap_hard_limit", "unit", "KiB"), MemTune::swapHardLimit, MemTune.Builder::swapHardLimit));

  public static final ElementCodec<BlkioTuneDevice, BlkioTuneDevice.Builder> BLKIO_TUNE_DEVICE =
      ElementCodec.lazy(() -> ElementCodec.of("device", BlkioTuneDevice.Builder::new, BlkioTuneDevice.Builder::build, BlkioTuneDevice::unmodeled, BlkioTuneDevice.Builder::unmodeled)
        .textChild("path", BlkioTuneDevice::path, BlkioTuneDevice.Builder::path)
        .textChild("weight", ValueType.UINT, BlkioTuneDevice::weight, BlkioTuneDevice.Builder::weight)
        .textChild("read_iops_sec", ValueType.ULONG, BlkioTuneDevice::readIopsSec, BlkioTuneDevice.Builder::readIopsSec)
        .textChild("write_iops_sec", ValueType.ULONG, BlkioTuneDevice::writeIopsSec, BlkioTuneDevice.Builder::writeIopsSec)
        .textChild("read_bytes_sec", ValueType.ULONG, BlkioTuneDevice::readBytesSec, BlkioTuneDevice.Builder::readBytesSec)
        .textChild("write_bytes_sec", ValueType.ULONG, BlkioTuneDevice::writeBytesSec, BlkioTuneDevice.Builder::writeBytesSec));

  public static final ElementCodec<BlkioTune, BlkioTune.Builder> BLKIO_TUNE =
      ElementCodec.lazy(() -> ElementCodec.of("blkiotune", BlkioTune.Builder::new, BlkioTune.Builder::build, BlkioTune::unmodeled, BlkioTune.Builder::unmodeled)
        .textChild("weight", ValueType.UINT, BlkioTune::weight, BlkioTune.Builder::weight)
        .list("device", BLKIO_TUNE_DEVICE, BlkioTune::devices, BlkioTune.Builder::devices));

  public static final ElementCodec<CpuTuneVcpuPin, CpuTuneVcpuPin.Builder> CPU_TUNE_VCPU_PIN =
      ElementCodec.lazy(() -> ElementCodec.of("vcpupin", CpuTuneVcpuPin.Builder::new, CpuTuneVcpuPin.Builder::build, CpuTuneVcpuPin::unmodeled, CpuTuneVcpuPin.Builder::unmodeled)
        .attr("vcpu", ValueType.UINT, CpuTuneVcpuPin::vcpu, CpuTuneVcpuPin.Builder::vcpu)
        .attr("cpuset", CpuTuneVcpuPin::cpuset, CpuTuneVcpuPin.Builder::cpuset));

  public static final ElementCodec<CpuTuneIoThreadPin, CpuTuneIoThreadPin.Builder> CPU_TUNE_IO_THREAD_PIN =
      ElementCodec.lazy(() -> ElementCodec.of("iothreadpin", CpuTuneIoThreadPin.Builder::new, CpuTuneIoThreadPin.Builder::build, CpuTuneIoThreadPin::unmodeled, CpuTuneIoThreadPin.Builder::unmodeled)
        .attr("iothread", ValueType.UINT, CpuTuneIoThreadPin::iothread, CpuTuneIoThreadPin.Builder::iothread)
        .attr("cpuset", CpuTuneIoThreadPin::cpuset, CpuTuneIoThreadPin.Builder::cpuset));

  /** The mapping of {@link CpuTuneSched} under element name {@code name}. */
  static ElementCodec<CpuTuneSched, CpuTuneSched.Builder> cpuTuneSched(String name) {
    return ElementCodec.of(name, CpuTuneSched.Builder::new, CpuTuneSched.Builder::build, CpuTuneSched::unmodeled, CpuTuneSched.Builder::unmodeled)
        .attr("vcpus", CpuTuneSched::vcpus, CpuTuneSched.Builder::vcpus)
        .attr("iothreads", CpuTuneSched::iothreads, CpuTuneSched.Builder::iothreads)
        .attr("scheduler", CpuTuneSched::scheduler, CpuTuneSched.Builder::scheduler)
        .attr("priority", ValueType.INT, CpuTuneSched::priority, CpuTuneSched.Builder::priority);
  }

  public static final ElementCodec<CpuTuneCache, CpuTuneCache.Builder> CPU_TUNE_CACHE =
      ElementCodec.lazy(() -> ElementCodec.of("cache", CpuTuneCache.Builder::new, CpuTuneCache.Builder::build, CpuTuneCache::unmodeled, CpuTuneCache.Builder::unmodeled)
        .attr("id", ValueType.UINT, CpuTuneCache::id, CpuTuneCache.Builder::id)
        .attr("level", ValueType.UINT, CpuTuneCache::level, CpuTuneCache.Builder::level)
        .attr("type", CpuTuneCache::type, CpuTuneCache.Builder::type)
        .attr("size", ValueType.ULONG, CpuTuneCache::size, CpuTuneCache.Builder::size)
        .attr("unit", CpuTuneCache::unit, CpuTuneCache.Builder::unit));

  public static final ElementCodec<CpuTuneMonitor, CpuTuneMonitor.Builder> CPU_TUNE_MONITOR =
      ElementCodec.lazy(() -> ElementCodec.of("monitor", CpuTuneMonitor.Builder::new, CpuTuneMonitor.Builder::build, CpuTuneMonitor::unmodeled, CpuTuneMonitor.Builder::unmodeled)
        .attr("level", ValueType.UINT, CpuTuneMonitor::level, CpuTuneMonitor.Builder::level)
        .attr("vcpus", CpuTuneMonitor::vcpus, CpuTuneMonitor.Builder::vcpus));

  public static final ElementCodec<CpuTuneCacheTune, CpuTuneCacheTune.Builder> CPU_TUNE_CACHE_TUNE =
      ElementCodec.lazy(() -> ElementCodec.of("cachetune", CpuTuneCacheTune.Builder::new, CpuTuneCacheTune.Builder::build, CpuTuneCacheTune::unmodeled, CpuTuneCacheTune.Builder::unmodeled)
        .attr("vcpus", CpuTuneCacheTune::vcpus, CpuTuneCacheTune.Builder::vcpus)
        .attr("id", CpuTuneCacheTune::id, CpuTuneCacheTune.Builder::id)
        .list("cache", CPU_TUNE_CACHE, CpuTuneCacheTune::caches, CpuTuneCacheTune.Builder::caches)
        .list("monitor", CPU_TUNE_MONITOR, CpuTuneCacheTune::monitors, CpuTuneCacheTune.Builder::monitors));

  public static final ElementCodec<CpuTuneMemoryTuneNode, CpuTuneMemoryTuneNode.Builder> CPU_TUNE_MEMORY_TUNE_NODE =
      ElementCodec.lazy(() -> ElementCodec.of("node", CpuTuneMemoryTuneNode.Builder::new, CpuTuneMemoryTuneNode.Builder::build, CpuTuneMemoryTuneNode::unmodeled, CpuTuneMemoryTuneNode.Builder::unmodeled)
        .attr("id", ValueType.UINT, CpuTuneMemoryTuneNode::id, CpuTuneMemoryTuneNode.Builder::id)
        .attr("bandwidth", ValueType.UINT, CpuTuneMemoryTuneNode::bandwidth, CpuTuneMemoryTuneNode.Builder::bandwidth));

  public static final ElementCodec<CpuTuneMemoryTune, CpuTuneMemoryTune.Builder> CPU_TUNE_MEMORY_TUNE =
      ElementCodec.lazy(() -> ElementCodec.of("memorytune", CpuTuneMemoryTune.Builder::new, CpuTuneMemoryTune.Builder::build, CpuTuneMemoryTune::unmodeled, CpuTuneMemoryTune.Builder::unmodeled)
        .attr("vcpus", CpuTuneMemoryTune::vcpus, CpuTuneMemoryTune.Builder::vcpus)
        .list("node", CPU_TUNE_MEMORY_TUNE_NODE, CpuTuneMemoryTune::nodes, CpuTuneMemoryTune.Builder::nodes)
        .list("monitor", CPU_TUNE_MONITOR, CpuTuneMemoryTune::monitors, CpuTuneMemoryTune.Builder::monitors));

  public static final ElementCodec<CpuTune, CpuTune.Builder> CPU_TUNE =
      ElementCodec.lazy(() -> ElementCodec.of("cputune", CpuTune.Builder::new, CpuTune.Builder::build, CpuTune::unmodeled, CpuTune.Builder::unmodeled)
        .textChild("shares", ValueType.ULONG, CpuTune::shares, CpuTune.Builder::shares)
        .textChild("global_period", ValueType.ULONG, CpuTune::globalPeriod, CpuTune.Builder::globalPeriod)
        .textChild("global_quota", ValueType.LONG, CpuTune::globalQuota, CpuTune.Builder::globalQuota)
        .textChild("period", ValueType.ULONG, CpuTune::period, CpuTune.Builder::period)
        .textChild("quota", ValueType.LONG, CpuTune::quota, CpuTune.Builder::quota)
        .textChild("emulator_period", ValueType.ULONG, CpuTune::emulatorPeriod, CpuTune.Builder::emulatorPeriod)
        .textChild("emulator_quota", ValueType.LONG, CpuTune::emulatorQuota, CpuTune.Builder::emulatorQuota)
        .textChild("iothread_period", ValueType.ULONG, CpuTune::iothreadPeriod, CpuTune.Builder::iothreadPeriod)
        .textChild("iothread_quota", ValueType.LONG, CpuTune::iothreadQuota, CpuTune.Builder::iothreadQuota)
        .list("vcpupin", CPU_TUNE_VCPU_PIN, CpuTune::vcpupins, CpuTune.Builder::vcpupins)
        .attrChild("emulatorpin", "cpuset", CpuTune::emulatorpin, CpuTune.Builder::emulatorpin)
        .list("iothreadpin", CPU_TUNE_IO_THREAD_PIN, CpuTune::iothreadpins, CpuTune.Builder::iothreadpins)
        .child("emulatorsched", cpuTuneSched("emulatorsched"), CpuTune::emulatorsched, CpuTune.Builder::emulatorsched)
        .list("vcpusched", cpuTuneSched("vcpusched"), CpuTune::vcpuscheds, CpuTune.Builder::vcpuscheds)
        .list("iothreadsched", cpuTuneSched("iothreadsched"), CpuTune::iothreadscheds, CpuTune.Builder::iothreadscheds)
        .list("cachetune", CPU_TUNE_CACHE_TUNE, CpuTune::cachetunes, CpuTune.Builder::cachetunes)
        .list("memorytune", CPU_TUNE_MEMORY_TUNE, CpuTune::memorytunes, CpuTune.Builder::memorytunes));

  public static final ElementCodec<NumaTuneMemory, NumaTuneMemory.Builder> NUMA_TUNE_MEMORY =
      ElementCodec.lazy(() -> ElementCodec.of("memory", NumaTuneMemory.Builder::new, NumaTuneMemory.Builder::build, NumaTuneMemory::unmodeled, NumaTuneMemory.Builder::unmodeled)
        .attr("mode", NumaTuneMemory::mode, NumaTuneMemory.Builder::mode)
        .attr("nodeset", NumaTuneMemory::nodeset, NumaTuneMemory.Builder::nodeset)
        .attr("placement", NumaTuneMemory::placement, NumaTuneMemory.Builder::placement));

  public static final ElementCodec<NumaTuneMemNode, NumaTuneMemNode.Builder> NUMA_TUNE_MEM_NODE =
      ElementCodec.lazy(() -> ElementCodec.of("memnode", NumaTuneMemNode.Builder::new, NumaTuneMemNode.Builder::build, NumaTuneMemNode::unmodeled, NumaTuneMemNode.Builder::unmodeled)
        .attr("cellid", ValueType.UINT, NumaTuneMemNode::cellid, NumaTuneMemNode.Builder::cellid)
        .attr("mode", NumaTuneMemNode::mode, NumaTuneMemNode.Builder::mode)
        .attr("nodeset", NumaTuneMemNode::nodeset, NumaTuneMemNode.Builder::nodeset));

  public static final ElementCodec<NumaTune, NumaTune.Builder> NUMA_TUNE =
      ElementCodec.lazy(() -> ElementCodec.of("numatune", NumaTune.Builder::new, NumaTune.Builder::build, NumaTune::unmodeled, NumaTune.Builder::unmodeled)
        .child("memory", NUMA_TUNE_MEMORY, NumaTune::memory, NumaTune.Builder::memory)
        .list("memnode", NUMA_TUNE_MEM_NODE, NumaTune::memnodes, NumaTune.Builder::memnodes));

  public static final ElementCodec<Vcpu, Vcpu.Builder> VCPU =
      ElementCodec.lazy(() -> ElementCodec.of("vcpu", Vcpu.Builder::new, Vcpu.Builder::build, Vcpu::unmodeled, Vcpu.Builder::unmodeled)
        .attr("placement", Vcpu::placement, Vcpu.Builder::placement)
        .attr("cpuset", Vcpu::cpuset, Vcpu.Builder::cpuset)
        .attr("current", ValueType.UINT, Vcpu::current, Vcpu.Builder::current)
        .text(ValueType.UINT, Vcpu::count, Vcpu.Builder::count));

  public static final ElementCodec<VcpuListEntry, VcpuListEntry.Builder> VCPU_LIST_ENTRY =
      ElementCodec.lazy(() -> ElementCodec.of("vcpu", VcpuListEntry.Builder::new, VcpuListEntry.Builder::build, VcpuListEntry::unmodeled, VcpuListEntry.Builder::unmodeled)
        .attr("id", ValueType.UINT, VcpuListEntry::id, VcpuListEntry.Builder::id)
        .attr("enabled", ValueType.YES_NO, VcpuListEntry::enabled, VcpuListEntry.Builder::enabled)
        .attr("hotpluggable", ValueType.YES_NO, VcpuListEntry::hotpluggable, VcpuListEntry.Builder::hotpluggable)
        .attr("order", ValueType.UINT, VcpuListEntry::order, VcpuListEntry.Builder::order));

  public static final ElementCodec<VcpuList, VcpuList.Builder> VCPU_LIST =
      ElementCodec.lazy(() -> ElementCodec.of("vcpus", VcpuList.Builder::new, VcpuList.Builder::build, VcpuList::unmodeled, VcpuList.Builder::unmodeled)
        .list("vcpu", VCPU_LIST_ENTRY, VcpuList::vcpus, VcpuList.Builder::vcpus));

  public static final ElementCodec<IoThreadIdsEntry, IoThreadIdsEntry.Builder> IO_THREAD_IDS_ENTRY =
      ElementCodec.lazy(() -> ElementCodec.of("iothread", IoThreadIdsEntry.Builder::new, IoThreadIdsEntry.Builder::build, IoThreadIdsEntry::unmodeled, IoThreadIdsEntry.Builder::unmodeled)
        .attr("id", ValueType.UINT, IoThreadIdsEntry::id, IoThreadIdsEntry.Builder::id)
        .attr("thread_pool_min", ValueType.UINT, IoThreadIdsEntry::threadPoolMin, IoThreadIdsEntry.Builder::threadPoolMin)
        .attr("thread_pool_max", ValueType.UINT, IoThreadIdsEntry::threadPoolMax, IoThreadIdsEntry.Builder::threadPoolMax));

  public static final ElementCodec<IoThreadIds, IoThreadIds.Builder> IO_THREAD_IDS =
      ElementCodec.lazy(() -> ElementCodec.of("iothreadids", IoThreadIds.Builder::new, IoThreadIds.Builder::build, IoThreadIds::unmodeled, IoThreadIds.Builder::unmodeled)
        .list("iothread", IO_THREAD_IDS_ENTRY, IoThreadIds::iothreads, IoThreadIds.Builder::iothreads));

  public static final ElementCodec<DefaultIoThread, DefaultIoThread.Builder> DEFAULT_IO_THREAD =
      ElementCodec.lazy(() -> ElementCodec.of("defaultiothread", DefaultIoThread.Builder::new, DefaultIoThread.Builder::build, DefaultIoThread::unmodeled, DefaultIoThread.Builder::unmodeled)
        .attr("thread_pool_min", ValueType.UINT, DefaultIoThread::threadPoolMin, DefaultIoThread.Builder::threadPoolMin)
        .attr("thread_pool_max", ValueType.UINT, DefaultIoThread::threadPoolMax, DefaultIoThread.Builder::threadPoolMax));

  public static final ElementCodec<Resource, Resource.Builder> RESOURCE =
      ElementCodec.lazy(() -> ElementCodec.of("resource", Resource.Builder::new, Resource.Builder::build, Resource::unmodeled, Resource.Builder::unmodeled)
        .textChild("partition", Resource::partition, Resource.Builder::partition)
        .attrChild("fibrechannel", "appid", Resource::fibrechannel, Resource.Builder::fibrechannel));

  public static final ElementCodec<SysInfoEntry, SysInfoEntry.Builder> SYS_INFO_ENTRY =
      ElementCodec.lazy(() -> ElementCodec.of("entry", SysInfoEntry.Builder::new, SysInfoEntry.Builder::build, SysInfoEntry::unmodeled, SysInfoEntry.Builder::unmodeled)
        .attr("name", SysInfoEntry::name, SysInfoEntry.Builder::name)
        .attr("file", SysInfoEntry::file, SysInfoEntry.Builder::file)
        .text(SysInfoEntry::value, SysInfoEntry.Builder::value));

  /** The mapping of {@link SysInfoSection} under element name {@code name}. */
  static ElementCodec<SysInfoSection, SysInfoSection.Builder> sysInfoSection(String name) {
    return ElementCodec.of(name, SysInfoSection.Builder::new, SysInfoSection.Builder::build, SysInfoSection::unmodeled, SysInfoSection.Builder::unmodeled)
        .list("entry", SYS_INFO_ENTRY, SysInfoSection::entries, SysInfoSection.Builder::entries);
  }

  public static final ElementCodec<SysInfo, SysInfo.Builder> SYS_INFO =
      ElementCodec.lazy(() -> ElementCodec.of("sysinfo", SysInfo.Builder::new, SysInfo.Builder::build, SysInfo::unmodeled, SysInfo.Builder::unmodeled)
        .attr("type", SysInfo::type, SysInfo.Builder::type)
        .child("bios", sysInfoSection("bios"), SysInfo::bios, SysInfo.Builder::bios)
        .child("system", sysInfoSection("system"), SysInfo::system, SysInfo.Builder::system)
        .list("baseBoard", sysInfoSection("baseBoard"), SysInfo::baseBoards, SysInfo.Builder::baseBoards)
        .child("chassis", sysInfoSection("chassis"), SysInfo::chassis, SysInfo.Builder::chassis)
        .child("oemStrings", sysInfoSection("oemStrings"), SysInfo::oemStrings, SysInfo.Builder::oemStrings)
        .list("entry", SYS_INFO_ENTRY, SysInfo::entries, SysInfo.Builder::entries));

  /** The mapping of {@link IdMapRange} under element name {@code name}. */
  static ElementCodec<IdMapRange, IdMapRange.Builder> idMapRange(String name) {
    return ElementCodec.of(name, IdMapRange.Builder::new, IdMapRange.Builder::build, IdMapRange::unmodeled, IdMapRange.Builder::unmodeled)
        .attr("start", ValueType.UINT, IdMapRange::start, IdMapRange.Builder::start)
        .attr("target", ValueType.UINT, IdMapRange::target, IdMapRange.Builder::target)
        .attr("count", ValueType.UINT, IdMapRange::count, IdMapRange.Builder::count);
  }

  public static final ElementCodec<IdMap, IdMap.Builder> ID_MAP =
      ElementCodec.lazy(() -> ElementCodec.of("idmap", IdMap.Builder::new, IdMap.Builder::build, IdMap::unmodeled, IdMap.Builder::unmodeled)
        .list("uid", idMapRange("uid"), IdMap::uids, IdMap.Builder::uids)
        .list("gid", idMapRange("gid"), IdMap::gids, IdMap.Builder::gids));

  public static final ElementCodec<Pm, Pm.Builder> PM =
      ElementCodec.lazy(() -> ElementCodec.of("pm", Pm.Builder::new, Pm.Builder::build, Pm::unmodeled, Pm.Builder::unmodeled)
        .attrChild("suspend-to-mem", "enabled", ValueType.YES_NO, Pm::suspendToMem, Pm.Builder::suspendToMem)
        .attrChild("suspend-to-disk", "enabled", ValueType.YES_NO, Pm::suspendToDisk, Pm.Builder::suspendToDisk));

  public static final ElementCodec<PerfEvent, PerfEvent.Builder> PERF_EVENT =
      ElementCodec.lazy(() -> ElementCodec.of("event", PerfEvent.Builder::new, PerfEvent.Builder::build, PerfEvent::unmodeled, PerfEvent.Builder::unmodeled)
        .attr("name", PerfEvent::name, PerfEvent.Builder::name)
        .attr("enabled", ValueType.YES_NO, PerfEvent::enabled, PerfEvent.Builder::enabled));

  public static final ElementCodec<Perf, Perf.Builder> PERF =
      ElementCodec.lazy(() -> ElementCodec.of("perf", Perf.Builder::new, Perf.Builder::build, Perf::unmodeled, Perf.Builder::unmodeled)
        .list("event", PERF_EVENT, Perf::events, Perf.Builder::events));

  public static final ElementCodec<SecLabel, SecLabel.Builder> SEC_LABEL =
      ElementCodec.lazy(() -> ElementCodec.of("seclabel", SecLabel.Builder::new, SecLabel.Builder::build, SecLabel::unmodeled, SecLabel.Builder::unmodeled)
        .attr("type", SecLabel::type, SecLabel.Builder::type)
        .attr("model", SecLabel::model, SecLabel.Builder::model)
        .attr("relabel", ValueType.YES_NO, SecLabel::relabel, SecLabel.Builder::relabel)
        .textChild("label", SecLabel::label, SecLabel.Builder::label)
        .textChild("imagelabel", SecLabel::imagelabel, SecLabel.Builder::imagelabel)
        .textChild("baselabel", SecLabel::baselabel, SecLabel.Builder::baselabel));

  public static final ElementCodec<KeyWrapCipher, KeyWrapCipher.Builder> KEY_WRAP_CIPHER =
      ElementCodec.lazy(() -> ElementCodec.of("cipher", KeyWrapCipher.Builder::new, KeyWrapCipher.Builder::build, KeyWrapCipher::unmodeled, KeyWrapCipher.Builder::unmodeled)
        .attr("name", KeyWrapCipher::name, KeyWrapCipher.Builder::name)
        .attr("state", ValueType.ON_OFF, KeyWrapCipher::state, KeyWrapCipher.Builder::state));

  public static final ElementCodec<KeyWrap, KeyWrap.Builder> KEY_WRAP =
      ElementCodec.lazy(() -> ElementCodec.of("keywrap", KeyWrap.Builder::new, KeyWrap.Builder::build, KeyWrap::unmodeled, KeyWrap.Builder::unmodeled)
        .list("cipher", KEY_WRAP_CIPHER, KeyWrap::ciphers, KeyWrap.Builder::ciphers));

  public static final ElementCodec<LaunchSecurity, LaunchSecurity.Builder> LAUNCH_SECURITY =
      ElementCodec.lazy(() -> ElementCodec.of("launchSecurity", LaunchSecurity.Builder::new, LaunchSecurity.Builder::build, LaunchSecurity::unmodeled, LaunchSecurity.Builder::unmodeled)
        .attr("type", LaunchSecurity::type, LaunchSecurity.Builder::type)
        .attr("kernelHashes", ValueType.YES_NO, LaunchSecurity::kernelHashes, LaunchSecurity.Builder::kernelHashes)
        .textChild("cbitpos", ValueType.UINT, LaunchSecurity::cbitpos, LaunchSecurity.Builder::cbitpos)
        .textChild("reducedPhysBits", ValueType.UINT, LaunchSecurity::reducedPhysBits, LaunchSecurity.Builder::reducedPhysBits)
        .textChild("policy", ValueType.hex(4), LaunchSecurity::policy, LaunchSecurity.Builder::policy)
        .textChild("handle", ValueType.UINT, LaunchSecurity::handle, LaunchSecurity.Builder::handle)
        .textChild("dhCert", LaunchSecurity::dhCert, LaunchSecurity.Builder::dhCert)
        .textChild("session", LaunchSecurity::session, LaunchSecurity.Builder::session));

  public static final ElementCodec<MaxMemory, MaxMemory.Builder> MAX_MEMORY =
      ElementCodec.lazy(() -> ElementCodec.of("maxMemory", MaxMemory.Builder::new, MaxMemory.Builder::build, MaxMemory::unmodeled, MaxMemory.Builder::unmodeled)
        .attr("slots", ValueType.UINT, MaxMemory::slots, MaxMemory.Builder::slots)
        .attr("unit", MaxMemory::unit, MaxMemory.Builder::unit)
        .text(ValueType.ULONG, MaxMemory::value, MaxMemory.Builder::value));

  public static final ElementCodec<QemuCommandlineEnv, QemuCommandlineEnv.Builder> QEMU_COMMANDLINE_ENV =
      ElementCodec.lazy(() -> ElementCodec.of("qemu:env", QemuCommandlineEnv.Builder::new, QemuCommandlineEnv.Builder::build, QemuCommandlineEnv::unmodeled, QemuCommandlineEnv.Builder::unmodeled)
        .attr("name", QemuCommandlineEnv::name, QemuCommandlineEnv.Builder::name)
        .attr("value", QemuCommandlineEnv::value, QemuCommandlineEnv.Builder::value));

  public static final ElementCodec<QemuCommandline, QemuCommandline.Builder> QEMU_COMMANDLINE =
      ElementCodec.lazy(() -> ElementCodec.of("qemu:commandline", QemuCommandline.Builder::new, QemuCommandline.Builder::build, QemuCommandline::unmodeled, QemuCommandline.Builder::unmodeled)
        .namespaces(QemuCommandline::namespaces, QemuCommandline.Builder::namespaces)
        .list("qemu:arg", new AttrListCodec("qemu:arg", "value"), QemuCommandline::args, QemuCommandline.Builder::args)
        .list("qemu:env", QEMU_COMMANDLINE_ENV, QemuCommandline::envs, QemuCommandline.Builder::envs));

  public static final ElementCodec<QemuCapabilities, QemuCapabilities.Builder> QEMU_CAPABILITIES =
      ElementCodec.lazy(() -> ElementCodec.of("qemu:capabilities", QemuCapabilities.Builder::new, QemuCapabilities.Builder::build, QemuCapabilities::unmodeled, QemuCapabilities.Builder::unmodeled)
        .namespaces(QemuCapabilities::namespaces, QemuCapabilities.Builder::namespaces)
        .list("qemu:add", new AttrListCodec("qemu:add", "capability"), QemuCapabilities::adds, QemuCapabilities.Builder::adds)
        .list("qemu:del", new AttrListCodec("qemu:del", "capability"), QemuCapabilities::dels, QemuCapabilities.Builder::dels));

  public static final ElementCodec<QemuOverrideProperty, QemuOverrideProperty.Builder> QEMU_OVERRIDE_PROPERTY =
      ElementCodec.lazy(() -> ElementCodec.of("qemu:property", QemuOverrideProperty.Builder::new, QemuOverrideProperty.Builder::build, QemuOverrideProperty::unmodeled, QemuOverrideProperty.Builder::unmodeled)
        .attr("name", QemuOverrideProperty::name, QemuOverrideProperty.Builder::name)
        .attr("type", QemuOverrideProperty::type, QemuOverrideProperty.Builder::type)
        .attr("value", QemuOverrideProperty::value, QemuOverrideProperty.Builder::value));

  public static final ElementCodec<QemuOverrideFrontend, QemuOverrideFrontend.Builder> QEMU_OVERRIDE_FRONTEND =
      ElementCodec.lazy(() -> ElementCodec.of("qemu:frontend", QemuOverrideFrontend.Builder::new, QemuOverrideFrontend.Builder::build, QemuOverrideFrontend::unmodeled, QemuOverrideFrontend.Builder::unmodeled)
        .list("qemu:property", QEMU_OVERRIDE_PROPERTY, QemuOverrideFrontend::properties, QemuOverrideFrontend.Builder::properties));

  public static final ElementCodec<QemuOverrideDevice, QemuOverrideDevice.Builder> QEMU_OVERRIDE_DEVICE =
      ElementCodec.lazy(() -> ElementCodec.of("qemu:device", QemuOverrideDevice.Builder::new, QemuOverrideDevice.Builder::build, QemuOverrideDevice::unmodeled, QemuOverrideDevice.Builder::unmodeled)
        .attr("alias", QemuOverrideDevice::alias, QemuOverrideDevice.Builder::alias)
        .child("qemu:frontend", QEMU_OVERRIDE_FRONTEND, QemuOverrideDevice::frontend, QemuOverrideDevice.Builder::frontend));

  public static final ElementCodec<QemuOverride, QemuOverride.Builder> QEMU_OVERRIDE =
      ElementCodec.lazy(() -> ElementCodec.of("qemu:override", QemuOverride.Builder::new, QemuOverride.Builder::build, QemuOverride::unmodeled, QemuOverride.Builder::unmodeled)
        .namespaces(QemuOverride::namespaces, QemuOverride.Builder::namespaces)
        .list("qemu:device", QEMU_OVERRIDE_DEVICE, QemuOverride::devices, QemuOverride.Builder::devices));

  public static final ElementCodec<QemuDeprecation, QemuDeprecation.Builder> QEMU_DEPRECATION =
      ElementCodec.lazy(() -> ElementCodec.of("qemu:deprecation", QemuDeprecation.Builder::new, QemuDeprecation.Builder::build, QemuDeprecation::unmodeled, QemuDeprecation.Builder::unmodeled)
        .namespaces(QemuDeprecation::namespaces, QemuDeprecation.Builder::namespaces)
        .attr("behavior", QemuDeprecation::behavior, QemuDeprecation.Builder::behavior));

  /** Repeated {@code <n attr='v'/>} elements as a list of values; any other shape is kept verbatim. */
  static final class AttrListCodec implements Codec<String> {
    private final String name;
    private final String attr;

    AttrListCodec(String name, String attr) {
      this.name = name;
      this.attr = attr;
    }

    @Override public String read(XmlElement e, XPath path) {
      if (e.attrCount() != 1 || !e.attrName(0).equals(attr) || !e.children().isEmpty() || e.text() != null) return null;
      return e.attrValue(0);
    }

    @Override public XmlElement write(String v) { return XmlElement.builder(name).attr(attr, v).build(); }
  }
}
