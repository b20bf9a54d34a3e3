package io.kvmsdk.core.internal.domain;

import io.kvmsdk.core.domain.*;
import io.kvmsdk.core.internal.xml.ElementCodec;
import io.kvmsdk.core.internal.xml.ValueType;

/** Element mappings for the guest-level elements of a domain (OS, CPU, memory, tuning, features, clock, security). */
public final class GuestCodecs {
  private GuestCodecs() {}

  public static final ElementCodec<Os, Os.Builder> OS =
      ElementCodec.of("os", Os.Builder::new, Os.Builder::build, Os::unmodeled, Os.Builder::unmodeled)
        .attr("firmware", Os::firmware, Os.Builder::firmware);

  public static final ElementCodec<Features, Features.Builder> FEATURES =
      ElementCodec.of("features", Features.Builder::new, Features.Builder::build, Features::unmodeled, Features.Builder::unmodeled)
;

  public static final ElementCodec<Cpu, Cpu.Builder> CPU =
      ElementCodec.of("cpu", Cpu.Builder::new, Cpu.Builder::build, Cpu::unmodeled, Cpu.Builder::unmodeled)
        .attr("mode", Cpu::mode, Cpu.Builder::mode)
        .attr("match", Cpu::match, Cpu.Builder::match)
        .attr("check", Cpu::check, Cpu.Builder::check)
        .attr("migratable", ValueType.ON_OFF, Cpu::migratable, Cpu.Builder::migratable);

  public static final ElementCodec<Clock, Clock.Builder> CLOCK =
      ElementCodec.of("clock", Clock.Builder::new, Clock.Builder::build, Clock::unmodeled, Clock.Builder::unmodeled)
        .attr("offset", Clock::offset, Clock.Builder::offset)
        .attr("timezone", Clock::timezone, Clock.Builder::timezone)
        .attr("adjustment", Clock::adjustment, Clock.Builder::adjustment)
        .attr("basis", Clock::basis, Clock.Builder::basis);

  public static final ElementCodec<MemoryBacking, MemoryBacking.Builder> MEMORY_BACKING =
      ElementCodec.of("memoryBacking", MemoryBacking.Builder::new, MemoryBacking.Builder::build, MemoryBacking::unmodeled, MemoryBacking.Builder::unmodeled)
;

  public static final ElementCodec<MemTune, MemTune.Builder> MEM_TUNE =
      ElementCodec.of("memtune", MemTune.Builder::new, MemTune.Builder::build, MemTune::unmodeled, MemTune.Builder::unmodeled)
;

  public static final ElementCodec<BlkioTune, BlkioTune.Builder> BLKIO_TUNE =
      ElementCodec.of("blkiotune", BlkioTune.Builder::new, BlkioTune.Builder::build, BlkioTune::unmodeled, BlkioTune.Builder::unmodeled)
;

  public static final ElementCodec<CpuTune, CpuTune.Builder> CPU_TUNE =
      ElementCodec.of("cputune", CpuTune.Builder::new, CpuTune.Builder::build, CpuTune::unmodeled, CpuTune.Builder::unmodeled)
;

  public static final ElementCodec<NumaTune, NumaTune.Builder> NUMA_TUNE =
      ElementCodec.of("numatune", NumaTune.Builder::new, NumaTune.Builder::build, NumaTune::unmodeled, NumaTune.Builder::unmodeled)
;

  public static final ElementCodec<Vcpu, Vcpu.Builder> VCPU =
      ElementCodec.of("vcpu", Vcpu.Builder::new, Vcpu.Builder::build, Vcpu::unmodeled, Vcpu.Builder::unmodeled)
        .attr("placement", Vcpu::placement, Vcpu.Builder::placement)
        .attr("cpuset", Vcpu::cpuset, Vcpu.Builder::cpuset)
        .attr("current", ValueType.UINT, Vcpu::current, Vcpu.Builder::current)
        .text(ValueType.UINT, Vcpu::count, Vcpu.Builder::count);

  public static final ElementCodec<VcpuList, VcpuList.Builder> VCPU_LIST =
      ElementCodec.of("vcpus", VcpuList.Builder::new, VcpuList.Builder::build, VcpuList::unmodeled, VcpuList.Builder::unmodeled)
;

  public static final ElementCodec<IoThreadIds, IoThreadIds.Builder> IO_THREAD_IDS =
      ElementCodec.of("iothreadids", IoThreadIds.Builder::new, IoThreadIds.Builder::build, IoThreadIds::unmodeled, IoThreadIds.Builder::unmodeled)
;

  public static final ElementCodec<DefaultIoThread, DefaultIoThread.Builder> DEFAULT_IO_THREAD =
      ElementCodec.of("defaultiothread", DefaultIoThread.Builder::new, DefaultIoThread.Builder::build, DefaultIoThread::unmodeled, DefaultIoThread.Builder::unmodeled)
        .attr("thread_pool_min", ValueType.UINT, DefaultIoThread::threadPoolMin, DefaultIoThread.Builder::threadPoolMin)
        .attr("thread_pool_max", ValueType.UINT, DefaultIoThread::threadPoolMax, DefaultIoThread.Builder::threadPoolMax);

  public static final ElementCodec<Resource, Resource.Builder> RESOURCE =
      ElementCodec.of("resource", Resource.Builder::new, Resource.Builder::build, Resource::unmodeled, Resource.Builder::unmodeled)
;

  public static final ElementCodec<SysInfo, SysInfo.Builder> SYS_INFO =
      ElementCodec.of("sysinfo", SysInfo.Builder::new, SysInfo.Builder::build, SysInfo::unmodeled, SysInfo.Builder::unmodeled)
        .attr("type", SysInfo::type, SysInfo.Builder::type);

  public static final ElementCodec<IdMap, IdMap.Builder> ID_MAP =
      ElementCodec.of("idmap", IdMap.Builder::new, IdMap.Builder::build, IdMap::unmodeled, IdMap.Builder::unmodeled)
;

  public static final ElementCodec<Pm, Pm.Builder> PM =
      ElementCodec.of("pm", Pm.Builder::new, Pm.Builder::build, Pm::unmodeled, Pm.Builder::unmodeled)
;

  public static final ElementCodec<Perf, Perf.Builder> PERF =
      ElementCodec.of("perf", Perf.Builder::new, Perf.Builder::build, Perf::unmodeled, Perf.Builder::unmodeled)
;

  public static final ElementCodec<SecLabel, SecLabel.Builder> SEC_LABEL =
      ElementCodec.of("seclabel", SecLabel.Builder::new, SecLabel.Builder::build, SecLabel::unmodeled, SecLabel.Builder::unmodeled)
        .attr("type", SecLabel::type, SecLabel.Builder::type)
        .attr("model", SecLabel::model, SecLabel.Builder::model)
        .attr("relabel", ValueType.YES_NO, SecLabel::relabel, SecLabel.Builder::relabel);

  public static final ElementCodec<KeyWrap, KeyWrap.Builder> KEY_WRAP =
      ElementCodec.of("keywrap", KeyWrap.Builder::new, KeyWrap.Builder::build, KeyWrap::unmodeled, KeyWrap.Builder::unmodeled)
;

  public static final ElementCodec<LaunchSecurity, LaunchSecurity.Builder> LAUNCH_SECURITY =
      ElementCodec.of("launchSecurity", LaunchSecurity.Builder::new, LaunchSecurity.Builder::build, LaunchSecurity::unmodeled, LaunchSecurity.Builder::unmodeled)
        .attr("type", LaunchSecurity::type, LaunchSecurity.Builder::type);

  public static final ElementCodec<MaxMemory, MaxMemory.Builder> MAX_MEMORY =
      ElementCodec.of("maxMemory", MaxMemory.Builder::new, MaxMemory.Builder::build, MaxMemory::unmodeled, MaxMemory.Builder::unmodeled)
        .attr("slots", ValueType.UINT, MaxMemory::slots, MaxMemory.Builder::slots)
        .attr("unit", MaxMemory::unit, MaxMemory.Builder::unit)
        .text(ValueType.ULONG, MaxMemory::value, MaxMemory.Builder::value);

  public static final ElementCodec<QemuCommandline, QemuCommandline.Builder> QEMU_COMMANDLINE =
      ElementCodec.of("qemu:commandline", QemuCommandline.Builder::new, QemuCommandline.Builder::build, QemuCommandline::unmodeled, QemuCommandline.Builder::unmodeled)
;

  public static final ElementCodec<QemuCapabilities, QemuCapabilities.Builder> QEMU_CAPABILITIES =
      ElementCodec.of("qemu:capabilities", QemuCapabilities.Builder::new, QemuCapabilities.Builder::build, QemuCapabilities::unmodeled, QemuCapabilities.Builder::unmodeled)
;

  public static final ElementCodec<QemuOverride, QemuOverride.Builder> QEMU_OVERRIDE =
      ElementCodec.of("qemu:override", QemuOverride.Builder::new, QemuOverride.Builder::build, QemuOverride::unmodeled, QemuOverride.Builder::unmodeled)
;

  public static final ElementCodec<QemuDeprecation, QemuDeprecation.Builder> QEMU_DEPRECATION =
      ElementCodec.of("qemu:deprecation", QemuDeprecation.Builder::new, QemuDeprecation.Builder::build, QemuDeprecation::unmodeled, QemuDeprecation.Builder::unmodeled)
        .attr("behavior", QemuDeprecation::behavior, QemuDeprecation.Builder::behavior);
}
