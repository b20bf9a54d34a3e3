package io.kvmsdk.core.internal.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.*;
import io.kvmsdk.core.xml.Codec;
import io.kvmsdk.core.xml.ElementCodec;
import io.kvmsdk.core.xml.RawCodec;
import io.kvmsdk.core.xml.SizeCodec;
import io.kvmsdk.core.xml.ValueType;
import io.kvmsdk.core.xml.XPath;
import io.kvmsdk.core.xml.XmlDocument;
import io.kvmsdk.core.xml.XmlWriter;
import io.kvmsdk.core.xml.XmlElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The mapping of {@code <domain>} and {@code <devices>}, and the shared device parts. */
public final class DomainCodecs {
  private DomainCodecs() {}

  /** The namespace libvirt uses for {@code <qemu:commandline>} and friends. */
  public static final String QEMU_NS = "http://libvirt.org/schemas/domain/qemu/1.0";

  public static final ElementCodec<Devices, Devices.Builder> DEVICES =
      ElementCodec.lazy(() -> ElementCodec.of("devices", Devices.Builder::new, Devices.Builder::build, Devices::unmodeled, Devices.Builder::unmodeled)
        .textChild("emulator", Devices::emulator, Devices.Builder::emulator)
        .list("disk", StorageDeviceCodecs.DISK, Devices::disks, Devices.Builder::disks)
        .list("controller", StorageDeviceCodecs.CONTROLLER, Devices::controllers, Devices.Builder::controllers)
        .list("lease", StorageDeviceCodecs.LEASE, Devices::leases, Devices.Builder::leases)
        .list("filesystem", StorageDeviceCodecs.FILESYSTEM, Devices::filesystems, Devices.Builder::filesystems)
        .list("interface", NicCodecs.NIC, Devices::interfaces, Devices.Builder::interfaces)
        .list("smartcard", StorageDeviceCodecs.SMARTCARD, Devices::smartcards, Devices.Builder::smartcards)
        .list("serial", CharDeviceCodecs.SERIAL, Devices::serials, Devices.Builder::serials)
        .list("parallel", CharDeviceCodecs.PARALLEL, Devices::parallels, Devices.Builder::parallels)
        .list("console", CharDeviceCodecs.CONSOLE, Devices::consoles, Devices.Builder::consoles)
        .list("channel", CharDeviceCodecs.CHANNEL, Devices::channels, Devices.Builder::channels)
        .list("input", NicCodecs.INPUT, Devices::inputs, Devices.Builder::inputs)
        .list("tpm", CharDeviceCodecs.TPM, Devices::tpms, Devices.Builder::tpms)
        .list("graphics", NicCodecs.GRAPHICS, Devices::graphics, Devices.Builder::graphics)
        .list("sound", NicCodecs.SOUND, Devices::sounds, Devices.Builder::sounds)
        .list("audio", NicCodecs.AUDIO, Devices::audios, Devices.Builder::audios)
        .list("video", NicCodecs.VIDEO, Devices::videos, Devices.Builder::videos)
        .list("hostdev", StorageDeviceCodecs.HOSTDEV, Devices::hostdevs, Devices.Builder::hostdevs)
        .list("redirdev", StorageDeviceCodecs.REDIRDEV, Devices::redirdevs, Devices.Builder::redirdevs)
        .list("redirfilter", StorageDeviceCodecs.REDIRFILTER, Devices::redirfilters, Devices.Builder::redirfilters)
        .list("hub", StorageDeviceCodecs.HUB, Devices::hubs, Devices.Builder::hubs)
        .list("watchdog", CharDeviceCodecs.WATCHDOG, Devices::watchdogs, Devices.Builder::watchdogs)
        .list("memballoon", CharDeviceCodecs.MEM_BALLOON, Devices::memballoons, Devices.Builder::memballoons)
        .list("rng", CharDeviceCodecs.RNG, Devices::rngs, Devices.Builder::rngs)
        .list("panic", CharDeviceCodecs.PANIC, Devices::panics, Devices.Builder::panics)
        .list("shmem", CharDeviceCodecs.SHMEM, Devices::shmems, Devices.Builder::shmems)
        .list("memory", CharDeviceCodecs.MEMORY_DEVICE, Devices::memories, Devices.Builder::memories)
        .list("iommu", CharDeviceCodecs.IOMMU, Devices::iommus, Devices.Builder::iommus)
        .list("vsock", CharDeviceCodecs.VSOCK, Devices::vsocks, Devices.Builder::vsocks)
        .list("crypto", CharDeviceCodecs.CRYPTO, Devices::cryptos, Devices.Builder::cryptos)
        .list("nvram", StorageDeviceCodecs.NVRAM_DEVICE, Devices::nvrams, Devices.Builder::nvrams));;

  /** {@code <memory dumpCore='on' unit='KiB'>N</memory>}: the size plus the dumpCore switch. */
  record MemoryElement(Size size, Boolean dumpCore) {}

  static final Codec<MemoryElement> MEMORY = new Codec<>() {
    private final SizeCodec size = SizeCodec.memory("memory");

    @Override public MemoryElement read(XmlElement e, XPath path) {
      String dc = e.attr("dumpCore");
      XmlElement plain = e;
      if (dc != null) {
        XmlElement.Builder b = XmlElement.builder("memory").text(e.text());
        for (int i = 0; i < e.attrCount(); i++) if (!e.attrName(i).equals("dumpCore")) b.attr(e.attrName(i), e.attrValue(i));
        for (XmlElement c : e.children()) b.child(c);
        plain = b.build();
      }
      Size s = size.read(plain, path);
      if (s == null) return null;
      Boolean on;
      try {
        on = dc == null ? null : ValueType.ON_OFF.parse(dc);
      } catch (IllegalArgumentException x) {
        throw new InvalidSpecException(path.attr("dumpCore"), x.getMessage(), x);
      }
      return new MemoryElement(s, on);
    }

    @Override public XmlElement write(MemoryElement m) {
      XmlElement e = size.write(m.size());
      if (m.dumpCore() == null) return e;
      XmlElement.Builder b = XmlElement.builder("memory").attr("dumpCore", ValueType.ON_OFF.format(m.dumpCore()));
      for (int i = 0; i < e.attrCount(); i++) b.attr(e.attrName(i), e.attrValue(i));
      return b.text(e.text()).build();
    }
  };

  public static final ElementCodec<DomainSpec, DomainSpec.Builder> DOMAIN =
      ElementCodec.lazy(() -> ElementCodec.of("domain", DomainSpec.Builder::new, DomainSpec.Builder::build, DomainSpec::unmodeled, DomainSpec.Builder::unmodeled)
        .namespaces(DomainSpec::namespaces, (b, m) -> b.namespaces(withoutImpliedQemu(m)))
        .attr("type", d -> java.util.Optional.of(d.type()), (b, v) -> b.type(v.get()))
        .attr("id", ValueType.INT, DomainSpec::id, DomainSpec.Builder::id)
        .textChild("name", d -> java.util.Optional.of(d.name()), (b, v) -> b.name(v.get()))
        .textChild("uuid", DomainSpec::uuid, DomainSpec.Builder::uuid)
        .textChild("genid", DomainSpec::genid, DomainSpec.Builder::genid)
        .textChild("title", DomainSpec::title, DomainSpec.Builder::title)
        .textChild("description", DomainSpec::description, DomainSpec.Builder::description)
        .child("metadata", new RawCodec("metadata"), DomainSpec::metadata, DomainSpec.Builder::metadata)
        .child("maxMemory", GuestCodecs.MAX_MEMORY, DomainSpec::maxMemory, DomainSpec.Builder::maxMemory)
        .child("memory", MEMORY, d -> d.memory().isPresent() ? java.util.Optional.of(new MemoryElement(d.memory().get(), d.memoryDumpCore().orElse(null))) : java.util.Optional.empty(),
            (b, v) -> b.memory(v.get().size()).memoryDumpCore(java.util.Optional.ofNullable(v.get().dumpCore())))
        .child("currentMemory", SizeCodec.memory("currentMemory"), DomainSpec::currentMemory, DomainSpec.Builder::currentMemory)
        .child("blkiotune", GuestCodecs.BLKIO_TUNE, DomainSpec::blkiotune, DomainSpec.Builder::blkiotune)
        .child("memtune", GuestCodecs.MEM_TUNE, DomainSpec::memtune, DomainSpec.Builder::memtune)
        .child("memoryBacking", GuestCodecs.MEMORY_BACKING, DomainSpec::memoryBacking, DomainSpec.Builder::memoryBacking)
        .child("vcpu", GuestCodecs.VCPU, DomainSpec::vcpu, DomainSpec.Builder::vcpu)
        .child("vcpus", GuestCodecs.VCPU_LIST, DomainSpec::vcpuList, DomainSpec.Builder::vcpuList)
        .textChild("iothreads", ValueType.UINT, DomainSpec::iothreads, DomainSpec.Builder::iothreads)
        .child("iothreadids", GuestCodecs.IO_THREAD_IDS, DomainSpec::iothreadids, DomainSpec.Builder::iothreadids)
        .child("defaultiothread", GuestCodecs.DEFAULT_IO_THREAD, DomainSpec::defaultiothread, DomainSpec.Builder::defaultiothread)
        .child("cputune", GuestCodecs.CPU_TUNE, DomainSpec::cputune, DomainSpec.Builder::cputune)
        .child("numatune", GuestCodecs.NUMA_TUNE, DomainSpec::numatune, DomainSpec.Builder::numatune)
        .child("resource", GuestCodecs.RESOURCE, DomainSpec::resource, DomainSpec.Builder::resource)
        .list("sysinfo", GuestCodecs.SYS_INFO, DomainSpec::sysinfo, DomainSpec.Builder::sysinfo)
        .textChild("bootloader", DomainSpec::bootloader, DomainSpec.Builder::bootloader)
        .textChild("bootloader_args", DomainSpec::bootloaderArgs, DomainSpec.Builder::bootloaderArgs)
        .child("os", GuestCodecs.OS, DomainSpec::os, DomainSpec.Builder::os)
        .child("idmap", GuestCodecs.ID_MAP, DomainSpec::idmap, DomainSpec.Builder::idmap)
        .child("features", GuestCodecs.FEATURES, DomainSpec::features, DomainSpec.Builder::features)
        .child("cpu", GuestCodecs.CPU, DomainSpec::cpu, DomainSpec.Builder::cpu)
        .child("clock", GuestCodecs.CLOCK, DomainSpec::clock, DomainSpec.Builder::clock)
        .textChild("on_poweroff", DomainSpec::onPoweroff, DomainSpec.Builder::onPoweroff)
        .textChild("on_reboot", DomainSpec::onReboot, DomainSpec.Builder::onReboot)
        .textChild("on_crash", DomainSpec::onCrash, DomainSpec.Builder::onCrash)
        .textChild("on_lockfailure", DomainSpec::onLockfailure, DomainSpec.Builder::onLockfailure)
        .child("pm", GuestCodecs.PM, DomainSpec::pm, DomainSpec.Builder::pm)
        .child("perf", GuestCodecs.PERF, DomainSpec::perf, DomainSpec.Builder::perf)
        .child("devices", DEVICES, d -> d.hasDevicesElement() ? java.util.Optional.of(d.devices()) : java.util.Optional.empty(), (b, v) -> b.devices(v.get()))
        .list("seclabel", GuestCodecs.SEC_LABEL, DomainSpec::seclabels, DomainSpec.Builder::seclabels)
        .child("keywrap", GuestCodecs.KEY_WRAP, DomainSpec::keywrap, DomainSpec.Builder::keywrap)
        .child("launchSecurity", GuestCodecs.LAUNCH_SECURITY, DomainSpec::launchSecurity, DomainSpec.Builder::launchSecurity)
        .child("qemu:commandline", GuestCodecs.QEMU_COMMANDLINE, DomainSpec::qemuCommandline, DomainSpec.Builder::qemuCommandline)
        .child("qemu:capabilities", GuestCodecs.QEMU_CAPABILITIES, DomainSpec::qemuCapabilities, DomainSpec.Builder::qemuCapabilities)
        .child("qemu:override", GuestCodecs.QEMU_OVERRIDE, DomainSpec::qemuOverride, DomainSpec.Builder::qemuOverride)
        .child("qemu:deprecation", GuestCodecs.QEMU_DEPRECATION, DomainSpec::qemuDeprecation, DomainSpec.Builder::qemuDeprecation));

  /** {@code xmlns:qemu} is implied by the qemu elements (rendering adds it), so a parsed spec equals a built one. */
  static java.util.Map<String, String> withoutImpliedQemu(java.util.Map<String, String> ns) {
    if (!QEMU_NS.equals(ns.get("qemu"))) return ns;
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>(ns);
    m.remove("qemu");
    return m;
  }

  /** Reads {@code e} as libvirt reads a snapshot's domain: its parser's rules, not the define-time validation. */
  static DomainSpec readWithoutValidation(XmlElement e, XPath path) { return Validation.withoutValidation(() -> DOMAIN.read(e, path)); }

  private static final XmlDocument<DomainSpec> DOCUMENT = XmlDocument.of(DOMAIN);

  public static DomainSpec parseDomain(String xml) { return DOCUMENT.parse(xml); } // streamed, no tree

  public static XmlElement domainTree(DomainSpec d) {
    XmlElement e = DOMAIN.write(d);
    boolean usesQemu = d.qemuCommandline().isPresent() || d.qemuCapabilities().isPresent()
        || d.qemuOverride().isPresent() || d.qemuDeprecation().isPresent();
    if (usesQemu && !d.namespaces().containsKey("qemu")) {
      XmlElement.Builder b = XmlElement.builder("domain").attr("xmlns:qemu", QEMU_NS);
      for (int i = 0; i < e.attrCount(); i++) b.attr(e.attrName(i), e.attrValue(i));
      for (XmlElement c : e.children()) b.child(c);
      e = b.build();
    }
    return e;
  }


  public static String renderDomain(DomainSpec d, boolean redact) {
    if (impliesQemuNamespace(d)) return redact ? XmlWriter.writeRedacted(domainTree(d)) : XmlWriter.write(domainTree(d));
    return redact ? DOCUMENT.renderRedacted(d) : DOCUMENT.render(d); // streamed, no tree
  }

  private static boolean impliesQemuNamespace(DomainSpec d) {
    boolean usesQemu = d.qemuCommandline().isPresent() || d.qemuCapabilities().isPresent()
        || d.qemuOverride().isPresent() || d.qemuDeprecation().isPresent();
    return usesQemu && !d.namespaces().containsKey("qemu");
  }

  public static List<String> unmodeledPaths(DomainSpec d) {
    List<String> out = new ArrayList<>();
    DOMAIN.unmodeled(d, "domain", out);
    return List.copyOf(new LinkedHashSet<>(out));
  }

}
