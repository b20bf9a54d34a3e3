package io.kvmsdk.core.internal.capabilities;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.capabilities.*;
import io.kvmsdk.core.xml.Codec;
import io.kvmsdk.core.xml.ElementCodec;
import io.kvmsdk.core.xml.SizeCodec;
import io.kvmsdk.core.xml.ValueType;
import io.kvmsdk.core.xml.XPath;
import io.kvmsdk.core.xml.XmlWriter;
import io.kvmsdk.core.xml.XmlDocument;
import io.kvmsdk.core.xml.XmlElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The mapping of libvirt's host {@code <capabilities>} and {@code <domainCapabilities>} documents. */
public final class CapabilitiesCodecs {
  private CapabilitiesCodecs() {}

  // ================================================================== host capabilities

  public static final ElementCodec<CapsHostCpuFeatureFlags, CapsHostCpuFeatureFlags.Builder> HOST_CPU_FEATURE_FLAGS =
      ElementCodec.lazy(() -> ElementCodec.of("features", CapsHostCpuFeatureFlags.Builder::new, CapsHostCpuFeatureFlags.Builder::build, CapsHostCpuFeatureFlags::unmodeled, CapsHostCpuFeatureFlags.Builder::unmodeled)
        .flag("pae", CapsHostCpuFeatureFlags::pae, CapsHostCpuFeatureFlags.Builder::pae)
        .flag("nonpae", CapsHostCpuFeatureFlags::nonpae, CapsHostCpuFeatureFlags.Builder::nonpae)
        .flag("vmx", CapsHostCpuFeatureFlags::vmx, CapsHostCpuFeatureFlags.Builder::vmx)
        .flag("svm", CapsHostCpuFeatureFlags::svm, CapsHostCpuFeatureFlags.Builder::svm));

  public static final ElementCodec<CapsCpuSignature, CapsCpuSignature.Builder> CPU_SIGNATURE =
      ElementCodec.lazy(() -> ElementCodec.of("signature", CapsCpuSignature.Builder::new, CapsCpuSignature.Builder::build, CapsCpuSignature::unmodeled, CapsCpuSignature.Builder::unmodeled)
        .attr("family", ValueType.UINT, CapsCpuSignature::family, CapsCpuSignature.Builder::family)
        .attr("model", ValueType.UINT, CapsCpuSignature::model, CapsCpuSignature.Builder::model)
        .attr("stepping", ValueType.UINT, CapsCpuSignature::stepping, CapsCpuSignature.Builder::stepping));

  public static final ElementCodec<CapsCpuCounter, CapsCpuCounter.Builder> CPU_COUNTER =
      ElementCodec.lazy(() -> ElementCodec.of("counter", CapsCpuCounter.Builder::new, CapsCpuCounter.Builder::build, CapsCpuCounter::unmodeled, CapsCpuCounter.Builder::unmodeled)
        .attr("name", CapsCpuCounter::name, CapsCpuCounter.Builder::name)
        .attr("frequency", ValueType.ULONG, CapsCpuCounter::frequency, CapsCpuCounter.Builder::frequency)
        .attr("scaling", ValueType.YES_NO, CapsCpuCounter::scaling, CapsCpuCounter.Builder::scaling));

  public static final ElementCodec<CapsCpuTopology, CapsCpuTopology.Builder> CPU_TOPOLOGY =
      ElementCodec.lazy(() -> ElementCodec.of("topology", CapsCpuTopology.Builder::new, CapsCpuTopology.Builder::build, CapsCpuTopology::unmodeled, CapsCpuTopology.Builder::unmodeled)
        .attr("sockets", ValueType.UINT, CapsCpuTopology::sockets, CapsCpuTopology.Builder::sockets)
        .attr("dies", ValueType.UINT, CapsCpuTopology::dies, CapsCpuTopology.Builder::dies)
        .attr("cores", ValueType.UINT, CapsCpuTopology::cores, CapsCpuTopology.Builder::cores)
        .attr("threads", ValueType.UINT, CapsCpuTopology::threads, CapsCpuTopology.Builder::threads));

  public static final ElementCodec<CapsCpuMaxPhysAddr, CapsCpuMaxPhysAddr.Builder> CPU_MAX_PHYS_ADDR =
      ElementCodec.lazy(() -> ElementCodec.of("maxphysaddr", CapsCpuMaxPhysAddr.Builder::new, CapsCpuMaxPhysAddr.Builder::build, CapsCpuMaxPhysAddr::unmodeled, CapsCpuMaxPhysAddr.Builder::unmodeled)
        .attr("mode", CapsCpuMaxPhysAddr::mode, CapsCpuMaxPhysAddr.Builder::mode)
        .attr("bits", ValueType.UINT, CapsCpuMaxPhysAddr::bits, CapsCpuMaxPhysAddr.Builder::bits));

  public static final ElementCodec<CapsPages, CapsPages.Builder> PAGES =
      ElementCodec.lazy(() -> ElementCodec.of("pages", CapsPages.Builder::new, CapsPages.Builder::build, CapsPages::unmodeled, CapsPages.Builder::unmodeled)
        .attr("unit", CapsPages::unit, CapsPages.Builder::unit)
        .attr("size", ValueType.ULONG, get(CapsPages::size), set(CapsPages.Builder::size))
        .text(ValueType.ULONG, CapsPages::count, CapsPages.Builder::count));

  public static final ElementCodec<CapsHostCpu, CapsHostCpu.Builder> HOST_CPU =
      ElementCodec.lazy(() -> ElementCodec.of("cpu", CapsHostCpu.Builder::new, CapsHostCpu.Builder::build, CapsHostCpu::unmodeled, CapsHostCpu.Builder::unmodeled)
        .textChild("arch", CapsHostCpu::arch, CapsHostCpu.Builder::arch)
        .textChild("model", CapsHostCpu::model, CapsHostCpu.Builder::model)
        .textChild("vendor", CapsHostCpu::vendor, CapsHostCpu.Builder::vendor)
        .attrChild("microcode", "version", ValueType.UINT, CapsHostCpu::microcode, CapsHostCpu.Builder::microcode)
        .child("signature", CPU_SIGNATURE, CapsHostCpu::signature, CapsHostCpu.Builder::signature)
        .child("counter", CPU_COUNTER, CapsHostCpu::counter, CapsHostCpu.Builder::counter)
        .child("topology", CPU_TOPOLOGY, CapsHostCpu::topology, CapsHostCpu.Builder::topology)
        .child("maxphysaddr", CPU_MAX_PHYS_ADDR, CapsHostCpu::maxphysaddr, CapsHostCpu.Builder::maxphysaddr)
        .child("features", HOST_CPU_FEATURE_FLAGS, CapsHostCpu::featureFlags, CapsHostCpu.Builder::featureFlags)
        .list("feature", new NameCodec("feature"), CapsHostCpu::features, CapsHostCpu.Builder::features)
        .list("pages", PAGES, CapsHostCpu::pages, CapsHostCpu.Builder::pages));

  public static final ElementCodec<CapsPowerManagement, CapsPowerManagement.Builder> POWER_MANAGEMENT =
      ElementCodec.lazy(() -> ElementCodec.of("power_management", CapsPowerManagement.Builder::new, CapsPowerManagement.Builder::build, CapsPowerManagement::unmodeled, CapsPowerManagement.Builder::unmodeled)
        .flag("suspend_mem", CapsPowerManagement::suspendMem, CapsPowerManagement.Builder::suspendMem)
        .flag("suspend_disk", CapsPowerManagement::suspendDisk, CapsPowerManagement.Builder::suspendDisk)
        .flag("suspend_hybrid", CapsPowerManagement::suspendHybrid, CapsPowerManagement.Builder::suspendHybrid));

  public static final ElementCodec<CapsMigrationFeatures, CapsMigrationFeatures.Builder> MIGRATION_FEATURES =
      ElementCodec.lazy(() -> ElementCodec.of("migration_features", CapsMigrationFeatures.Builder::new, CapsMigrationFeatures.Builder::build, CapsMigrationFeatures::unmodeled, CapsMigrationFeatures.Builder::unmodeled)
        .flag("live", CapsMigrationFeatures::live, CapsMigrationFeatures.Builder::live)
        .child("uri_transports", new WrappedList<>("uri_transports", null, "uri_transport", new TextCodec("uri_transport")),
            nonEmpty(CapsMigrationFeatures::uriTransports), setList(CapsMigrationFeatures.Builder::uriTransports)));

  public static final ElementCodec<CapsCellSibling, CapsCellSibling.Builder> CELL_SIBLING =
      ElementCodec.lazy(() -> ElementCodec.of("sibling", CapsCellSibling.Builder::new, CapsCellSibling.Builder::build, CapsCellSibling::unmodeled, CapsCellSibling.Builder::unmodeled)
        .attr("id", ValueType.UINT, get(CapsCellSibling::id), set(CapsCellSibling.Builder::id))
        .attr("value", ValueType.UINT, CapsCellSibling::value, CapsCellSibling.Builder::value));

  public static final ElementCodec<CapsCellCache, CapsCellCache.Builder> CELL_CACHE =
      ElementCodec.lazy(() -> ElementCodec.of("cache", CapsCellCache.Builder::new, CapsCellCache.Builder::build, CapsCellCache::unmodeled, CapsCellCache.Builder::unmodeled)
        .attr("level", ValueType.UINT, CapsCellCache::level, CapsCellCache.Builder::level)
        .attr("associativity", CapsCellCache::associativity, CapsCellCache.Builder::associativity)
        .attr("policy", CapsCellCache::policy, CapsCellCache.Builder::policy)
        .child("size", new AttrSizeCodec("size"), CapsCellCache::size, CapsCellCache.Builder::size)
        .child("line", new AttrSizeCodec("line"), CapsCellCache::line, CapsCellCache.Builder::line));

  public static final ElementCodec<CapsCellCpu, CapsCellCpu.Builder> CELL_CPU =
      ElementCodec.lazy(() -> ElementCodec.of("cpu", CapsCellCpu.Builder::new, CapsCellCpu.Builder::build, CapsCellCpu::unmodeled, CapsCellCpu.Builder::unmodeled)
        .attr("id", ValueType.UINT, get(CapsCellCpu::id), set(CapsCellCpu.Builder::id))
        .attr("socket_id", ValueType.UINT, CapsCellCpu::socketId, CapsCellCpu.Builder::socketId)
        .attr("die_id", ValueType.UINT, CapsCellCpu::dieId, CapsCellCpu.Builder::dieId)
        .attr("core_id", ValueType.UINT, CapsCellCpu::coreId, CapsCellCpu.Builder::coreId)
        .attr("siblings", CapsCellCpu::siblings, CapsCellCpu.Builder::siblings));

  public static final ElementCodec<CapsCell, CapsCell.Builder> CELL =
      ElementCodec.lazy(() -> ElementCodec.of("cell", CapsCell.Builder::new, CapsCell.Builder::build, CapsCell::unmodeled, CapsCell.Builder::unmodeled)
        .attr("id", ValueType.UINT, get(CapsCell::id), set(CapsCell.Builder::id))
        .child("memory", SizeCodec.memory("memory"), CapsCell::memory, CapsCell.Builder::memory)
        .list("pages", PAGES, CapsCell::pages, CapsCell.Builder::pages)
        .child("distances", new WrappedList<>("distances", null, "sibling", CELL_SIBLING), nonEmpty(CapsCell::distances), setList(CapsCell.Builder::distances))
        .list("cache", CELL_CACHE, CapsCell::caches, CapsCell.Builder::caches)
        .child("cpus", new CountedList<>("cpus", "num", "cpu", CELL_CPU),
            c -> c.cpuCount().isPresent() || !c.cpus().isEmpty() ? Optional.of(new Counted<>(c.cpuCount(), c.cpus())) : Optional.empty(),
            (b, v) -> v.ifPresent(x -> b.cpuCount(x.count()).cpus(x.items()))));

  public static final ElementCodec<CapsInterconnect, CapsInterconnect.Builder> LATENCY = ElementCodec.lazy(() -> interconnect("latency"));

  public static final ElementCodec<CapsInterconnect, CapsInterconnect.Builder> BANDWIDTH = ElementCodec.lazy(() -> interconnect("bandwidth"));

  public static final ElementCodec<CapsInterconnects, CapsInterconnects.Builder> INTERCONNECTS =
      ElementCodec.lazy(() -> ElementCodec.of("interconnects", CapsInterconnects.Builder::new, CapsInterconnects.Builder::build, CapsInterconnects::unmodeled, CapsInterconnects.Builder::unmodeled)
        .list("latency", LATENCY, CapsInterconnects::latencies, CapsInterconnects.Builder::latencies)
        .list("bandwidth", BANDWIDTH, CapsInterconnects::bandwidths, CapsInterconnects.Builder::bandwidths));

  public static final ElementCodec<CapsTopology, CapsTopology.Builder> TOPOLOGY =
      ElementCodec.lazy(() -> ElementCodec.of("topology", CapsTopology.Builder::new, CapsTopology.Builder::build, CapsTopology::unmodeled, CapsTopology.Builder::unmodeled)
        .child("cells", new WrappedList<>("cells", "num", "cell", CELL), nonEmpty(CapsTopology::cells), setList(CapsTopology.Builder::cells))
        .child("interconnects", INTERCONNECTS, CapsTopology::interconnects, CapsTopology.Builder::interconnects));

  public static final ElementCodec<CapsControl, CapsControl.Builder> CONTROL =
      ElementCodec.lazy(() -> ElementCodec.of("control", CapsControl.Builder::new, CapsControl.Builder::build, CapsControl::unmodeled, CapsControl.Builder::unmodeled)
        .attr("granularity", ValueType.ULONG, CapsControl::granularity, CapsControl.Builder::granularity)
        .attr("min", ValueType.ULONG, CapsControl::min, CapsControl.Builder::min)
        .attr("unit", CapsControl::unit, CapsControl.Builder::unit)
        .attr("type", CapsControl::type, CapsControl.Builder::type)
        .attr("maxAllocs", ValueType.UINT, CapsControl::maxAllocs, CapsControl.Builder::maxAllocs));

  public static final ElementCodec<CapsMonitor, CapsMonitor.Builder> MONITOR =
      ElementCodec.lazy(() -> ElementCodec.of("monitor", CapsMonitor.Builder::new, CapsMonitor.Builder::build, CapsMonitor::unmodeled, CapsMonitor.Builder::unmodeled)
        .attr("level", ValueType.UINT, CapsMonitor::level, CapsMonitor.Builder::level)
        .attr("reuseThreshold", ValueType.ULONG, CapsMonitor::reuseThreshold, CapsMonitor.Builder::reuseThreshold)
        .attr("maxMonitors", ValueType.UINT, CapsMonitor::maxMonitors, CapsMonitor.Builder::maxMonitors)
        .list("feature", new NameCodec("feature"), CapsMonitor::features, CapsMonitor.Builder::features));

  public static final ElementCodec<CapsCacheBank, CapsCacheBank.Builder> CACHE_BANK =
      ElementCodec.lazy(() -> ElementCodec.of("bank", CapsCacheBank.Builder::new, CapsCacheBank.Builder::build, CapsCacheBank::unmodeled, CapsCacheBank.Builder::unmodeled)
        .attr("id", ValueType.UINT, CapsCacheBank::id, CapsCacheBank.Builder::id)
        .attr("level", ValueType.UINT, CapsCacheBank::level, CapsCacheBank.Builder::level)
        .attr("type", CapsCacheBank::type, CapsCacheBank.Builder::type)
        .attr("size", ValueType.ULONG, CapsCacheBank::size, CapsCacheBank.Builder::size)
        .attr("unit", CapsCacheBank::unit, CapsCacheBank.Builder::unit)
        .attr("cpus", CapsCacheBank::cpus, CapsCacheBank.Builder::cpus)
        .list("control", CONTROL, CapsCacheBank::controls, CapsCacheBank.Builder::controls));

  public static final ElementCodec<CapsCache, CapsCache.Builder> CACHE =
      ElementCodec.lazy(() -> ElementCodec.of("cache", CapsCache.Builder::new, CapsCache.Builder::build, CapsCache::unmodeled, CapsCache.Builder::unmodeled)
        .list("bank", CACHE_BANK, CapsCache::banks, CapsCache.Builder::banks)
        .child("monitor", MONITOR, CapsCache::monitor, CapsCache.Builder::monitor));

  public static final ElementCodec<CapsMemoryBandwidthNode, CapsMemoryBandwidthNode.Builder> MEMORY_BANDWIDTH_NODE =
      ElementCodec.lazy(() -> ElementCodec.of("node", CapsMemoryBandwidthNode.Builder::new, CapsMemoryBandwidthNode.Builder::build, CapsMemoryBandwidthNode::unmodeled, CapsMemoryBandwidthNode.Builder::unmodeled)
        .attr("id", ValueType.UINT, CapsMemoryBandwidthNode::id, CapsMemoryBandwidthNode.Builder::id)
        .attr("cpus", CapsMemoryBandwidthNode::cpus, CapsMemoryBandwidthNode.Builder::cpus)
        .list("control", CONTROL, CapsMemoryBandwidthNode::controls, CapsMemoryBandwidthNode.Builder::controls));

  public static final ElementCodec<CapsMemoryBandwidth, CapsMemoryBandwidth.Builder> MEMORY_BANDWIDTH =
      ElementCodec.lazy(() -> ElementCodec.of("memory_bandwidth", CapsMemoryBandwidth.Builder::new, CapsMemoryBandwidth.Builder::build, CapsMemoryBandwidth::unmodeled, CapsMemoryBandwidth.Builder::unmodeled)
        .list("node", MEMORY_BANDWIDTH_NODE, CapsMemoryBandwidth::nodes, CapsMemoryBandwidth.Builder::nodes)
        .child("monitor", MONITOR, CapsMemoryBandwidth::monitor, CapsMemoryBandwidth.Builder::monitor));

  public static final ElementCodec<CapsBaseLabel, CapsBaseLabel.Builder> BASE_LABEL =
      ElementCodec.lazy(() -> ElementCodec.of("baselabel", CapsBaseLabel.Builder::new, CapsBaseLabel.Builder::build, CapsBaseLabel::unmodeled, CapsBaseLabel.Builder::unmodeled)
        .attr("type", CapsBaseLabel::type, CapsBaseLabel.Builder::type)
        .text(CapsBaseLabel::label, CapsBaseLabel.Builder::label));

  public static final ElementCodec<CapsSecModel, CapsSecModel.Builder> SEC_MODEL =
      ElementCodec.lazy(() -> ElementCodec.of("secmodel", CapsSecModel.Builder::new, CapsSecModel.Builder::build, CapsSecModel::unmodeled, CapsSecModel.Builder::unmodeled)
        .textChild("model", CapsSecModel::model, CapsSecModel.Builder::model)
        .textChild("doi", CapsSecModel::doi, CapsSecModel.Builder::doi)
        .list("baselabel", BASE_LABEL, CapsSecModel::baselabels, CapsSecModel.Builder::baselabels));

  public static final ElementCodec<CapsHost, CapsHost.Builder> HOST =
      ElementCodec.lazy(() -> ElementCodec.of("host", CapsHost.Builder::new, CapsHost.Builder::build, CapsHost::unmodeled, CapsHost.Builder::unmodeled)
        .textChild("uuid", CapsHost::uuid, CapsHost.Builder::uuid)
        .child("cpu", HOST_CPU, CapsHost::cpu, CapsHost.Builder::cpu)
        .child("power_management", POWER_MANAGEMENT, CapsHost::powerManagement, CapsHost.Builder::powerManagement)
        .attrChild("iommu", "support", ValueType.YES_NO, CapsHost::iommu, CapsHost.Builder::iommu)
        .child("migration_features", MIGRATION_FEATURES, CapsHost::migrationFeatures, CapsHost.Builder::migrationFeatures)
        .child("topology", TOPOLOGY, CapsHost::topology, CapsHost.Builder::topology)
        .child("cache", CACHE, CapsHost::cache, CapsHost.Builder::cache)
        .child("memory_bandwidth", MEMORY_BANDWIDTH, CapsHost::memoryBandwidth, CapsHost.Builder::memoryBandwidth)
        .list("secmodel", SEC_MODEL, CapsHost::secmodels, CapsHost.Builder::secmodels));

  public static final ElementCodec<CapsMachine, CapsMachine.Builder> MACHINE =
      ElementCodec.lazy(() -> ElementCodec.of("machine", CapsMachine.Builder::new, CapsMachine.Builder::build, CapsMachine::unmodeled, CapsMachine.Builder::unmodeled)
        .attr("canonical", CapsMachine::canonical, CapsMachine.Builder::canonical)
        .attr("maxCpus", ValueType.UINT, CapsMachine::maxCpus, CapsMachine.Builder::maxCpus)
        .attr("deprecated", ValueType.YES_NO, CapsMachine::deprecated, CapsMachine.Builder::deprecated)
        .text(get(CapsMachine::name), set(CapsMachine.Builder::name)));

  public static final ElementCodec<CapsGuestDomain, CapsGuestDomain.Builder> GUEST_DOMAIN =
      ElementCodec.lazy(() -> ElementCodec.of("domain", CapsGuestDomain.Builder::new, CapsGuestDomain.Builder::build, CapsGuestDomain::unmodeled, CapsGuestDomain.Builder::unmodeled)
        .attr("type", get(CapsGuestDomain::type), set(CapsGuestDomain.Builder::type))
        .textChild("emulator", CapsGuestDomain::emulator, CapsGuestDomain.Builder::emulator)
        .list("machine", MACHINE, CapsGuestDomain::machines, CapsGuestDomain.Builder::machines));

  public static final ElementCodec<CapsGuestArch, CapsGuestArch.Builder> GUEST_ARCH =
      ElementCodec.lazy(() -> ElementCodec.of("arch", CapsGuestArch.Builder::new, CapsGuestArch.Builder::build, CapsGuestArch::unmodeled, CapsGuestArch.Builder::unmodeled)
        .attr("name", get(CapsGuestArch::name), set(CapsGuestArch.Builder::name))
        .textChild("wordsize", ValueType.UINT, CapsGuestArch::wordsize, CapsGuestArch.Builder::wordsize)
        .textChild("emulator", CapsGuestArch::emulator, CapsGuestArch.Builder::emulator)
        .textChild("loader", CapsGuestArch::loader, CapsGuestArch.Builder::loader)
        .list("machine", MACHINE, CapsGuestArch::machines, CapsGuestArch.Builder::machines)
        .list("domain", GUEST_DOMAIN, CapsGuestArch::domains, CapsGuestArch.Builder::domains));

  public static final ElementCodec<CapsGuestFeatures, CapsGuestFeatures.Builder> GUEST_FEATURES =
      ElementCodec.lazy(() -> ElementCodec.of("features", CapsGuestFeatures.Builder::new, CapsGuestFeatures.Builder::build, CapsGuestFeatures::unmodeled, CapsGuestFeatures.Builder::unmodeled)
        .flag("pae", CapsGuestFeatures::pae, CapsGuestFeatures.Builder::pae)
        .flag("nonpae", CapsGuestFeatures::nonpae, CapsGuestFeatures.Builder::nonpae)
        .flag("ia64_be", CapsGuestFeatures::ia64Be, CapsGuestFeatures.Builder::ia64Be)
        .child("acpi", toggle("acpi"), CapsGuestFeatures::acpi, CapsGuestFeatures.Builder::acpi)
        .child("apic", toggle("apic"), CapsGuestFeatures::apic, CapsGuestFeatures.Builder::apic)
        .flag("cpuselection", CapsGuestFeatures::cpuselection, CapsGuestFeatures.Builder::cpuselection)
        .flag("deviceboot", CapsGuestFeatures::deviceboot, CapsGuestFeatures.Builder::deviceboot)
        .child("disksnapshot", toggle("disksnapshot"), CapsGuestFeatures::disksnapshot, CapsGuestFeatures.Builder::disksnapshot)
        .child("hap", toggle("hap"), CapsGuestFeatures::hap, CapsGuestFeatures.Builder::hap)
        .flag("externalSnapshot", CapsGuestFeatures::externalSnapshot, CapsGuestFeatures.Builder::externalSnapshot));

  public static final ElementCodec<CapsGuest, CapsGuest.Builder> GUEST =
      ElementCodec.lazy(() -> ElementCodec.of("guest", CapsGuest.Builder::new, CapsGuest.Builder::build, CapsGuest::unmodeled, CapsGuest.Builder::unmodeled)
        .textChild("os_type", get(CapsGuest::osType), set(CapsGuest.Builder::osType))
        .child("arch", GUEST_ARCH, get(CapsGuest::arch), set(CapsGuest.Builder::arch))
        .child("features", GUEST_FEATURES, CapsGuest::features, CapsGuest.Builder::features));

  public static final ElementCodec<HostCapabilities, HostCapabilities.Builder> CAPABILITIES =
      ElementCodec.lazy(() -> ElementCodec.of("capabilities", HostCapabilities.Builder::new, HostCapabilities.Builder::build, HostCapabilities::unmodeled, HostCapabilities.Builder::unmodeled)
        .child("host", HOST, get(HostCapabilities::host), set(HostCapabilities.Builder::host))
        .list("guest", GUEST, HostCapabilities::guests, HostCapabilities.Builder::guests));

  // ================================================================== domain capabilities

  public static final ElementCodec<DomCapsEnum, DomCapsEnum.Builder> ENUM =
      ElementCodec.lazy(() -> ElementCodec.of("enum", DomCapsEnum.Builder::new, DomCapsEnum.Builder::build, DomCapsEnum::unmodeled, DomCapsEnum.Builder::unmodeled)
        .attr("name", get(DomCapsEnum::name), set(DomCapsEnum.Builder::name))
        .textList("value", DomCapsEnum::values, DomCapsEnum.Builder::values));

  public static final ElementCodec<DomCapsLoader, DomCapsLoader.Builder> LOADER =
      ElementCodec.lazy(() -> ElementCodec.of("loader", DomCapsLoader.Builder::new, DomCapsLoader.Builder::build, DomCapsLoader::unmodeled, DomCapsLoader.Builder::unmodeled)
        .attr("supported", ValueType.YES_NO, DomCapsLoader::supported, DomCapsLoader.Builder::supported)
        .textList("value", DomCapsLoader::values, DomCapsLoader.Builder::values)
        .list("enum", ENUM, DomCapsLoader::enums, DomCapsLoader.Builder::enums));

  public static final ElementCodec<DomCapsOs, DomCapsOs.Builder> OS =
      ElementCodec.lazy(() -> ElementCodec.of("os", DomCapsOs.Builder::new, DomCapsOs.Builder::build, DomCapsOs::unmodeled, DomCapsOs.Builder::unmodeled)
        .attr("supported", ValueType.YES_NO, DomCapsOs::supported, DomCapsOs.Builder::supported)
        .list("enum", ENUM, DomCapsOs::enums, DomCapsOs.Builder::enums)
        .child("loader", LOADER, DomCapsOs::loader, DomCapsOs.Builder::loader));

  public static final ElementCodec<DomCapsCpuModel, DomCapsCpuModel.Builder> CPU_MODEL =
      ElementCodec.lazy(() -> ElementCodec.of("model", DomCapsCpuModel.Builder::new, DomCapsCpuModel.Builder::build, DomCapsCpuModel::unmodeled, DomCapsCpuModel.Builder::unmodeled)
        .attr("fallback", DomCapsCpuModel::fallback, DomCapsCpuModel.Builder::fallback)
        .attr("usable", DomCapsCpuModel::usable, DomCapsCpuModel.Builder::usable)
        .attr("deprecated", ValueType.YES_NO, DomCapsCpuModel::deprecated, DomCapsCpuModel.Builder::deprecated)
        .attr("vendor", DomCapsCpuModel::vendor, DomCapsCpuModel.Builder::vendor)
        .attr("canonical", DomCapsCpuModel::canonical, DomCapsCpuModel.Builder::canonical)
        .text(get(DomCapsCpuModel::name), set(DomCapsCpuModel.Builder::name)));

  public static final ElementCodec<DomCapsCpuFeature, DomCapsCpuFeature.Builder> CPU_FEATURE =
      ElementCodec.lazy(() -> ElementCodec.of("feature", DomCapsCpuFeature.Builder::new, DomCapsCpuFeature.Builder::build, DomCapsCpuFeature::unmodeled, DomCapsCpuFeature.Builder::unmodeled)
        .attr("policy", DomCapsCpuFeature::policy, DomCapsCpuFeature.Builder::policy)
        .attr("name", DomCapsCpuFeature::name, DomCapsCpuFeature.Builder::name));

  public static final ElementCodec<DomCapsCpuBlockers, DomCapsCpuBlockers.Builder> CPU_BLOCKERS =
      ElementCodec.lazy(() -> ElementCodec.of("blockers", DomCapsCpuBlockers.Builder::new, DomCapsCpuBlockers.Builder::build, DomCapsCpuBlockers::unmodeled, DomCapsCpuBlockers.Builder::unmodeled)
        .attr("model", get(DomCapsCpuBlockers::model), set(DomCapsCpuBlockers.Builder::model))
        .list("feature", new NameCodec("feature"), DomCapsCpuBlockers::features, DomCapsCpuBlockers.Builder::features));

  public static final ElementCodec<DomCapsCpuMode, DomCapsCpuMode.Builder> CPU_MODE =
      ElementCodec.lazy(() -> ElementCodec.of("mode", DomCapsCpuMode.Builder::new, DomCapsCpuMode.Builder::build, DomCapsCpuMode::unmodeled, DomCapsCpuMode.Builder::unmodeled)
        .attr("name", get(DomCapsCpuMode::name), set(DomCapsCpuMode.Builder::name))
        .attr("supported", ValueType.YES_NO, DomCapsCpuMode::supported, DomCapsCpuMode.Builder::supported)
        .list("enum", ENUM, DomCapsCpuMode::enums, DomCapsCpuMode.Builder::enums)
        .list("model", CPU_MODEL, DomCapsCpuMode::models, DomCapsCpuMode.Builder::models)
        .textChild("vendor", DomCapsCpuMode::vendor, DomCapsCpuMode.Builder::vendor)
        .list("feature", CPU_FEATURE, DomCapsCpuMode::features, DomCapsCpuMode.Builder::features)
        .list("blockers", CPU_BLOCKERS, DomCapsCpuMode::blockers, DomCapsCpuMode.Builder::blockers));

  public static final ElementCodec<DomCapsCpu, DomCapsCpu.Builder> CPU =
      ElementCodec.lazy(() -> ElementCodec.of("cpu", DomCapsCpu.Builder::new, DomCapsCpu.Builder::build, DomCapsCpu::unmodeled, DomCapsCpu.Builder::unmodeled)
        .list("mode", CPU_MODE, DomCapsCpu::modes, DomCapsCpu.Builder::modes));

  public static final ElementCodec<DomCapsDevices, DomCapsDevices.Builder> DEVICES =
      ElementCodec.lazy(() -> ElementCodec.of("devices", DomCapsDevices.Builder::new, DomCapsDevices.Builder::build, DomCapsDevices::unmodeled, DomCapsDevices.Builder::unmodeled)
        .child("disk", support("disk"), DomCapsDevices::disk, DomCapsDevices.Builder::disk)
        .child("graphics", support("graphics"), DomCapsDevices::graphics, DomCapsDevices.Builder::graphics)
        .child("video", support("video"), DomCapsDevices::video, DomCapsDevices.Builder::video)
        .child("hostdev", support("hostdev"), DomCapsDevices::hostdev, DomCapsDevices.Builder::hostdev)
        .child("rng", support("rng"), DomCapsDevices::rng, DomCapsDevices.Builder::rng)
        .child("filesystem", support("filesystem"), DomCapsDevices::filesystem, DomCapsDevices.Builder::filesystem)
        .child("tpm", support("tpm"), DomCapsDevices::tpm, DomCapsDevices.Builder::tpm)
        .child("redirdev", support("redirdev"), DomCapsDevices::redirdev, DomCapsDevices.Builder::redirdev)
        .child("channel", support("channel"), DomCapsDevices::channel, DomCapsDevices.Builder::channel)
        .child("crypto", support("crypto"), DomCapsDevices::crypto, DomCapsDevices.Builder::crypto)
        .child("interface", support("interface"), DomCapsDevices::interfaceDevice, DomCapsDevices.Builder::interfaceDevice)
        .child("panic", support("panic"), DomCapsDevices::panic, DomCapsDevices.Builder::panic)
        .child("console", support("console"), DomCapsDevices::console, DomCapsDevices.Builder::console));

  public static final ElementCodec<DomCapsSev, DomCapsSev.Builder> SEV =
      ElementCodec.lazy(() -> ElementCodec.of("sev", DomCapsSev.Builder::new, DomCapsSev.Builder::build, DomCapsSev::unmodeled, DomCapsSev.Builder::unmodeled)
        .attr("supported", ValueType.YES_NO, DomCapsSev::supported, DomCapsSev.Builder::supported)
        .textChild("cbitpos", ValueType.UINT, DomCapsSev::cbitpos, DomCapsSev.Builder::cbitpos)
        .textChild("reducedPhysBits", ValueType.UINT, DomCapsSev::reducedPhysBits, DomCapsSev.Builder::reducedPhysBits)
        .textChild("maxGuests", ValueType.UINT, DomCapsSev::maxGuests, DomCapsSev.Builder::maxGuests)
        .textChild("maxESGuests", ValueType.UINT, DomCapsSev::maxESGuests, DomCapsSev.Builder::maxESGuests));

  public static final ElementCodec<DomCapsSgxSection, DomCapsSgxSection.Builder> SGX_SECTION =
      ElementCodec.lazy(() -> ElementCodec.of("section", DomCapsSgxSection.Builder::new, DomCapsSgxSection.Builder::build, DomCapsSgxSection::unmodeled, DomCapsSgxSection.Builder::unmodeled)
        .attr("node", ValueType.UINT, DomCapsSgxSection::node, DomCapsSgxSection.Builder::node)
        .attr("size", ValueType.ULONG, DomCapsSgxSection::size, DomCapsSgxSection.Builder::size)
        .attr("unit", DomCapsSgxSection::unit, DomCapsSgxSection.Builder::unit));

  public static final ElementCodec<DomCapsSgx, DomCapsSgx.Builder> SGX =
      ElementCodec.lazy(() -> ElementCodec.of("sgx", DomCapsSgx.Builder::new, DomCapsSgx.Builder::build, DomCapsSgx::unmodeled, DomCapsSgx.Builder::unmodeled)
        .attr("supported", ValueType.YES_NO, DomCapsSgx::supported, DomCapsSgx.Builder::supported)
        .textChild("flc", ValueType.YES_NO, DomCapsSgx::flc, DomCapsSgx.Builder::flc)
        .textChild("sgx1", ValueType.YES_NO, DomCapsSgx::sgx1, DomCapsSgx.Builder::sgx1)
        .textChild("sgx2", ValueType.YES_NO, DomCapsSgx::sgx2, DomCapsSgx.Builder::sgx2)
        .child("section_size", SizeCodec.memory("section_size"), DomCapsSgx::sectionSize, DomCapsSgx.Builder::sectionSize)
        .child("sections", new WrappedList<>("sections", null, "section", SGX_SECTION), nonEmpty(DomCapsSgx::sections), setList(DomCapsSgx.Builder::sections)));

  public static final ElementCodec<DomCapsFeatures, DomCapsFeatures.Builder> FEATURES =
      ElementCodec.lazy(() -> ElementCodec.of("features", DomCapsFeatures.Builder::new, DomCapsFeatures.Builder::build, DomCapsFeatures::unmodeled, DomCapsFeatures.Builder::unmodeled)
        .child("gic", support("gic"), DomCapsFeatures::gic, DomCapsFeatures.Builder::gic)
        .child("vmcoreinfo", support("vmcoreinfo"), DomCapsFeatures::vmcoreinfo, DomCapsFeatures.Builder::vmcoreinfo)
        .child("genid", support("genid"), DomCapsFeatures::genid, DomCapsFeatures.Builder::genid)
        .child("backingStoreInput", support("backingStoreInput"), DomCapsFeatures::backingStoreInput, DomCapsFeatures.Builder::backingStoreInput)
        .child("backup", support("backup"), DomCapsFeatures::backup, DomCapsFeatures.Builder::backup)
        .child("async-teardown", support("async-teardown"), DomCapsFeatures::asyncTeardown, DomCapsFeatures.Builder::asyncTeardown)
        .child("s390-pv", support("s390-pv"), DomCapsFeatures::s390Pv, DomCapsFeatures.Builder::s390Pv)
        .child("sev", SEV, DomCapsFeatures::sev, DomCapsFeatures.Builder::sev)
        .child("sgx", SGX, DomCapsFeatures::sgx, DomCapsFeatures.Builder::sgx)
        .child("hyperv", support("hyperv"), DomCapsFeatures::hyperv, DomCapsFeatures.Builder::hyperv)
        .child("launchSecurity", support("launchSecurity"), DomCapsFeatures::launchSecurity, DomCapsFeatures.Builder::launchSecurity)
        .child("ps2", support("ps2"), DomCapsFeatures::ps2, DomCapsFeatures.Builder::ps2));

  public static final ElementCodec<DomainCapabilities, DomainCapabilities.Builder> DOMAIN_CAPABILITIES =
      ElementCodec.lazy(() -> ElementCodec.of("domainCapabilities", DomainCapabilities.Builder::new, DomainCapabilities.Builder::build, DomainCapabilities::unmodeled, DomainCapabilities.Builder::unmodeled)
        .textChild("path", get(DomainCapabilities::path), set(DomainCapabilities.Builder::path))
        .textChild("domain", get(DomainCapabilities::domain), set(DomainCapabilities.Builder::domain))
        .textChild("machine", DomainCapabilities::machine, DomainCapabilities.Builder::machine)
        .textChild("arch", get(DomainCapabilities::arch), set(DomainCapabilities.Builder::arch))
        .attrChild("vcpu", "max", ValueType.UINT, DomainCapabilities::vcpuMax, DomainCapabilities.Builder::vcpuMax)
        .attrChild("iothreads", "supported", ValueType.YES_NO, DomainCapabilities::iothreads, DomainCapabilities.Builder::iothreads)
        .child("os", OS, DomainCapabilities::os, DomainCapabilities.Builder::os)
        .child("cpu", CPU, DomainCapabilities::cpu, DomainCapabilities.Builder::cpu)
        .child("memoryBacking", support("memoryBacking"), DomainCapabilities::memoryBacking, DomainCapabilities.Builder::memoryBacking)
        .child("devices", DEVICES, get(DomainCapabilities::devices), set(DomainCapabilities.Builder::devices))
        .child("features", FEATURES, get(DomainCapabilities::features), set(DomainCapabilities.Builder::features)));

  // ================================================================== front doors

  public static HostCapabilities parseCapabilities(String xml) { return XmlDocument.of(CAPABILITIES).parse(xml); }

  public static String renderCapabilities(HostCapabilities c) { return XmlWriter.write(CAPABILITIES.write(c)); }

  public static List<String> unmodeledPaths(HostCapabilities c) {
    List<String> out = new ArrayList<>();
    CAPABILITIES.unmodeled(c, "capabilities", out);
    return List.copyOf(new LinkedHashSet<>(out));
  }

  public static DomainCapabilities parseDomainCapabilities(String xml) { return XmlDocument.of(DOMAIN_CAPABILITIES).parse(xml); }

  public static String renderDomainCapabilities(DomainCapabilities c) { return XmlWriter.write(DOMAIN_CAPABILITIES.write(c)); }

  public static List<String> unmodeledPaths(DomainCapabilities c) {
    List<String> out = new ArrayList<>();
    DOMAIN_CAPABILITIES.unmodeled(c, "domainCapabilities", out);
    return List.copyOf(new LinkedHashSet<>(out));
  }

  // ================================================================== shared shapes

  /** {@code <name supported='yes'><enum ...>...</name>}: the generic supported-plus-enums entry. */
  static ElementCodec<DomCapsSupport, DomCapsSupport.Builder> support(String name) {
    return ElementCodec.of(name, DomCapsSupport.Builder::new, DomCapsSupport.Builder::build, DomCapsSupport::unmodeled, DomCapsSupport.Builder::unmodeled)
        .attr("supported", ValueType.YES_NO, DomCapsSupport::supported, DomCapsSupport.Builder::supported)
        .list("enum", ENUM, DomCapsSupport::enums, DomCapsSupport.Builder::enums);
  }

  static ElementCodec<CapsFeatureToggle, CapsFeatureToggle.Builder> toggle(String name) {
    return ElementCodec.of(name, CapsFeatureToggle.Builder::new, CapsFeatureToggle.Builder::build, CapsFeatureToggle::unmodeled, CapsFeatureToggle.Builder::unmodeled)
        .attr("default", ValueType.ON_OFF, CapsFeatureToggle::defaultOn, CapsFeatureToggle.Builder::defaultOn)
        .attr("toggle", ValueType.YES_NO, CapsFeatureToggle::toggle, CapsFeatureToggle.Builder::toggle);
  }

  static ElementCodec<CapsInterconnect, CapsInterconnect.Builder> interconnect(String name) {
    return ElementCodec.of(name, CapsInterconnect.Builder::new, CapsInterconnect.Builder::build, CapsInterconnect::unmodeled, CapsInterconnect.Builder::unmodeled)
        .attr("initiator", ValueType.UINT, CapsInterconnect::initiator, CapsInterconnect.Builder::initiator)
        .attr("target", ValueType.UINT, CapsInterconnect::target, CapsInterconnect.Builder::target)
        .attr("cache", ValueType.UINT, CapsInterconnect::cache, CapsInterconnect.Builder::cache)
        .attr("type", CapsInterconnect::type, CapsInterconnect.Builder::type)
        .attr("value", ValueType.ULONG, CapsInterconnect::value, CapsInterconnect.Builder::value)
        .attr("unit", CapsInterconnect::unit, CapsInterconnect.Builder::unit);
  }

  /** A required field seen as the Optional the DSL works with. */
  static <T, V> Function<T, Optional<V>> get(Function<T, V> g) { return t -> Optional.of(g.apply(t)); }

  /** Sets a required field from the Optional the DSL hands over. */
  static <B, V> BiConsumer<B, Optional<V>> set(BiConsumer<B, V> s) { return (b, v) -> v.ifPresent(x -> s.accept(b, x)); }

  /** A list written inside a wrapper element: present only when non-empty. */
  static <T, C> Function<T, Optional<List<C>>> nonEmpty(Function<T, List<C>> g) {
    return t -> {
      List<C> l = g.apply(t);
      return l.isEmpty() ? Optional.empty() : Optional.of(l);
    };
  }

  static <B, C> BiConsumer<B, Optional<List<C>>> setList(BiConsumer<B, List<C>> s) { return (b, v) -> v.ifPresent(x -> s.accept(b, x)); }

  /**
   * {@code <wrapper [count='N']><item/>...</wrapper>} read as the list of its items. Declines (so
   * the wrapper is kept verbatim) when it is empty, carries anything else, or the count disagrees.
   */
  static final class WrappedList<C> implements Codec<List<C>> {
    final String name;
    final String countAttr;
    final String item;
    final Codec<C> codec;

    WrappedList(String name, String countAttr, String item, Codec<C> codec) {
      this.name = name;
      this.countAttr = countAttr;
      this.item = item;
      this.codec = codec;
    }

    @Override public List<C> read(XmlElement e, XPath path) {
      if (e.text() != null || e.children().isEmpty()) return null;
      if (e.attrCount() != (countAttr == null ? 0 : 1)) return null;
      if (countAttr != null && (!e.attrName(0).equals(countAttr) || !String.valueOf(e.children().size()).equals(e.attrValue(0).trim()))) return null;
      List<C> out = new ArrayList<>(e.children().size());
      for (XmlElement c : e.children()) {
        if (!c.name().equals(item)) return null;
        C v = codec.read(c, path.child(item, out.size() + 1));
        if (v == null) return null;
        out.add(v);
      }
      return out;
    }

    @Override public XmlElement write(List<C> v) {
      XmlElement.Builder b = XmlElement.builder(name);
      if (countAttr != null) b.attr(countAttr, Integer.toString(v.size()));
      for (C c : v) b.child(codec.write(c));
      return b.build();
    }

    @Override public void unmodeled(List<C> v, String path, List<String> out) {
      for (C c : v) codec.unmodeled(c, path + "/" + item, out);
    }
  }

  /** A wrapper's count attribute and items. */
  record Counted<C>(Optional<Integer> count, List<C> items) {}

  /**
   * {@code <wrapper count='N'><item/>...</wrapper>} where the count is kept as written: libvirt
   * writes {@code <cpus num='2'>} with no {@code <cpu>} when it cannot read the CPU topology.
   * Without a count, the number of items is written. Declines when the wrapper carries anything else.
   */
  static final class CountedList<C> implements Codec<Counted<C>> {
    final String name;
    final String countAttr;
    final String item;
    final Codec<C> codec;

    CountedList(String name, String countAttr, String item, Codec<C> codec) {
      this.name = name;
      this.countAttr = countAttr;
      this.item = item;
      this.codec = codec;
    }

    @Override public Counted<C> read(XmlElement e, XPath path) {
      if (e.text() != null || e.attrCount() > 1 || (e.attrCount() == 1 && !e.attrName(0).equals(countAttr))) return null;
      if (e.attrCount() == 0) return null; // written back with a count: keep verbatim instead
      Optional<Integer> count;
      try {
        count = Optional.of(ValueType.UINT.parse(e.attrValue(0)));
      } catch (IllegalArgumentException x) {
        throw new InvalidSpecException(path.attr(countAttr), x.getMessage(), x);
      }
      List<C> out = new ArrayList<>(e.children().size());
      for (XmlElement c : e.children()) {
        if (!c.name().equals(item)) return null;
        C v = codec.read(c, path.child(item, out.size() + 1));
        if (v == null) return null;
        out.add(v);
      }
      return new Counted<>(count, out);
    }

    @Override public XmlElement write(Counted<C> v) {
      XmlElement.Builder b = XmlElement.builder(name);
      b.attr(countAttr, Integer.toUnsignedString(v.count().orElse(v.items().size())));
      for (C c : v.items()) b.child(codec.write(c));
      return b.build();
    }

    @Override public void unmodeled(Counted<C> v, String path, List<String> out) {
      for (C c : v.items()) codec.unmodeled(c, path + "/" + item, out);
    }
  }

  /** {@code <feature name='x'/>} read as its name; anything more is kept verbatim. */
  static final class NameCodec implements Codec<String> {
    final String name;

    NameCodec(String name) { this.name = name; }

    @Override public String read(XmlElement e, XPath path) {
      if (e.attrCount() != 1 || !e.attrName(0).equals("name") || !e.children().isEmpty() || e.text() != null) return null;
      return e.attrValue(0);
    }

    @Override public XmlElement write(String v) { return XmlElement.builder(name).attr("name", v).build(); }
  }

  /** {@code <item>text</item>} read as its text; anything more is kept verbatim. */
  static final class TextCodec implements Codec<String> {
    final String name;

    TextCodec(String name) { this.name = name; }

    @Override public String read(XmlElement e, XPath path) {
      if (e.attrCount() != 0 || !e.children().isEmpty() || e.text() == null) return null;
      return e.text();
    }

    @Override public XmlElement write(String v) { return XmlElement.builder(name).text(v).build(); }
  }

  /** {@code <size value='10' unit='KiB'/>} read as a {@link Size}; anything else is kept verbatim. */
  static final class AttrSizeCodec implements Codec<Size> {
    final String name;

    AttrSizeCodec(String name) { this.name = name; }

    @Override public Size read(XmlElement e, XPath path) {
      if (e.attrCount() != 2 || !e.children().isEmpty() || e.text() != null) return null;
      String value = e.attr("value");
      String unit = e.attr("unit");
      if (value == null || unit == null || !Size.isUnit(unit)) return null;
      try {
        return Size.of(ValueType.ULONG.parse(value), unit);
      } catch (IllegalArgumentException x) {
        throw new InvalidSpecException(path.attr("value"), x.getMessage(), x);
      }
    }

    @Override public XmlElement write(Size s) {
      return XmlElement.builder(name).attr("value", Long.toString(s.value())).attr("unit", s.unit()).build();
    }
  }
}
