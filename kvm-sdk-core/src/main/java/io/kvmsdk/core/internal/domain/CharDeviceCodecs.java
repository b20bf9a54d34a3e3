package io.kvmsdk.core.internal.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.domain.*;
import io.kvmsdk.core.xml.ElementCodec;
import io.kvmsdk.core.xml.SizeCodec;
import io.kvmsdk.core.xml.ValueType;

/** Element mappings for character devices (serial, console, channel, parallel) and the small devices (tpm, watchdog, memballoon, rng, panic, shmem, memory, iommu, vsock, crypto). */
public final class CharDeviceCodecs {
  private CharDeviceCodecs() {}

  /** A guest physical address, read as decimal or 0x-hex and written as libvirt does ({@code 0x100000000}). */
  static final ValueType<Long> HEX_ADDRESS = ValueType.of("a 0x-hex or decimal address", s -> {
    String t = s.trim();
    return t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseUnsignedLong(t);
  }, v -> "0x" + Long.toHexString(v));

  public static final ElementCodec<CharDevReconnect, CharDevReconnect.Builder> CHAR_DEV_RECONNECT =
      ElementCodec.lazy(() -> ElementCodec.of("reconnect", CharDevReconnect.Builder::new, CharDevReconnect.Builder::build, CharDevReconnect::unmodeled, CharDevReconnect.Builder::unmodeled)
        .attr("enabled", ValueType.YES_NO, CharDevReconnect::enabled, CharDevReconnect.Builder::enabled)
        .attr("timeout", ValueType.UINT, CharDevReconnect::timeout, CharDevReconnect.Builder::timeout));

  public static final ElementCodec<CharDevSeclabel, CharDevSeclabel.Builder> CHAR_DEV_SECLABEL =
      ElementCodec.lazy(() -> ElementCodec.of("seclabel", CharDevSeclabel.Builder::new, CharDevSeclabel.Builder::build, CharDevSeclabel::unmodeled, CharDevSeclabel.Builder::unmodeled)
        .attr("model", CharDevSeclabel::model, CharDevSeclabel.Builder::model)
        .attr("relabel", ValueType.YES_NO, CharDevSeclabel::relabel, CharDevSeclabel.Builder::relabel)
        .attr("labelskip", ValueType.YES_NO, CharDevSeclabel::labelskip, CharDevSeclabel.Builder::labelskip)
        .textList("label", CharDevSeclabel::labels, CharDevSeclabel.Builder::labels));

  public static final ElementCodec<CharDevSource, CharDevSource.Builder> CHAR_DEV_SOURCE =
      ElementCodec.lazy(() -> ElementCodec.of("source", CharDevSource.Builder::new, CharDevSource.Builder::build, CharDevSource::unmodeled, CharDevSource.Builder::unmodeled)
        .attr("mode", CharDevSource::mode, CharDevSource.Builder::mode)
        .attr("path", CharDevSource::path, CharDevSource.Builder::path)
        .attr("host", CharDevSource::host, CharDevSource.Builder::host)
        .attr("service", CharDevSource::service, CharDevSource.Builder::service)
        .attr("tls", ValueType.YES_NO, CharDevSource::tls, CharDevSource.Builder::tls)
        .attr("channel", CharDevSource::channel, CharDevSource.Builder::channel)
        .attr("master", CharDevSource::master, CharDevSource.Builder::master)
        .attr("slave", CharDevSource::slave, CharDevSource.Builder::slave)
        .attr("append", ValueType.ON_OFF, CharDevSource::append, CharDevSource.Builder::append)
        .child("reconnect", CHAR_DEV_RECONNECT, CharDevSource::reconnect, CharDevSource.Builder::reconnect)
        .list("seclabel", CHAR_DEV_SECLABEL, CharDevSource::seclabels, CharDevSource.Builder::seclabels)
        .attrChild("clipboard", "copypaste", ValueType.YES_NO, CharDevSource::clipboardCopypaste, CharDevSource.Builder::clipboardCopypaste)
        .attrChild("mouse", "mode", CharDevSource::mouseMode, CharDevSource.Builder::mouseMode));

  public static final ElementCodec<CharDevLog, CharDevLog.Builder> CHAR_DEV_LOG =
      ElementCodec.lazy(() -> ElementCodec.of("log", CharDevLog.Builder::new, CharDevLog.Builder::build, CharDevLog::unmodeled, CharDevLog.Builder::unmodeled)
        .attr("file", CharDevLog::file, CharDevLog.Builder::file)
        .attr("append", ValueType.ON_OFF, CharDevLog::append, CharDevLog.Builder::append));

  public static final ElementCodec<CharDevTarget, CharDevTarget.Builder> CHAR_DEV_TARGET =
      ElementCodec.lazy(() -> ElementCodec.of("target", CharDevTarget.Builder::new, CharDevTarget.Builder::build, CharDevTarget::unmodeled, CharDevTarget.Builder::unmodeled)
        .attr("type", CharDevTarget::type, CharDevTarget.Builder::type)
        .attr("name", CharDevTarget::name, CharDevTarget.Builder::name)
        .attr("state", CharDevTarget::state, CharDevTarget.Builder::state)
        .attr("address", CharDevTarget::address, CharDevTarget.Builder::address)
        .attr("port", ValueType.INT, CharDevTarget::port, CharDevTarget.Builder::port)
        .attrChild("model", "name", CharDevTarget::model, CharDevTarget.Builder::model));

  public static final ElementCodec<Serial, Serial.Builder> SERIAL =
      ElementCodec.lazy(() -> ElementCodec.of("serial", Serial.Builder::new, Serial.Builder::build, Serial::unmodeled, Serial.Builder::unmodeled)
        .attr("type", Serial::type, Serial.Builder::type)
        .list("source", CHAR_DEV_SOURCE, Serial::sources, Serial.Builder::sources)
        .attrChild("protocol", "type", Serial::protocol, Serial.Builder::protocol)
        .child("log", CHAR_DEV_LOG, Serial::log, Serial.Builder::log)
        .child("target", CHAR_DEV_TARGET, Serial::target, Serial.Builder::target)
        .attrChild("alias", "name", Serial::alias, Serial.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, Serial::acpiIndex, Serial.Builder::acpiIndex)
        .child("address", CommonCodecs.ADDRESS, Serial::address, Serial.Builder::address));

  public static final ElementCodec<Console, Console.Builder> CONSOLE =
      ElementCodec.lazy(() -> ElementCodec.of("console", Console.Builder::new, Console.Builder::build, Console::unmodeled, Console.Builder::unmodeled)
        .attr("type", Console::type, Console.Builder::type)
        .attr("tty", Console::tty, Console.Builder::tty)
        .list("source", CHAR_DEV_SOURCE, Console::sources, Console.Builder::sources)
        .attrChild("protocol", "type", Console::protocol, Console.Builder::protocol)
        .child("log", CHAR_DEV_LOG, Console::log, Console.Builder::log)
        .child("target", CHAR_DEV_TARGET, Console::target, Console.Builder::target)
        .attrChild("alias", "name", Console::alias, Console.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, Console::acpiIndex, Console.Builder::acpiIndex)
        .child("address", CommonCodecs.ADDRESS, Console::address, Console.Builder::address));

  public static final ElementCodec<Channel, Channel.Builder> CHANNEL =
      ElementCodec.lazy(() -> ElementCodec.of("channel", Channel.Builder::new, Channel.Builder::build, Channel::unmodeled, Channel.Builder::unmodeled)
        .attr("type", Channel::type, Channel.Builder::type)
        .list("source", CHAR_DEV_SOURCE, Channel::sources, Channel.Builder::sources)
        .attrChild("protocol", "type", Channel::protocol, Channel.Builder::protocol)
        .child("log", CHAR_DEV_LOG, Channel::log, Channel.Builder::log)
        .child("target", CHAR_DEV_TARGET, Channel::target, Channel.Builder::target)
        .attrChild("alias", "name", Channel::alias, Channel.Builder::alias)
        .child("address", CommonCodecs.ADDRESS, Channel::address, Channel.Builder::address));

  public static final ElementCodec<Parallel, Parallel.Builder> PARALLEL =
      ElementCodec.lazy(() -> ElementCodec.of("parallel", Parallel.Builder::new, Parallel.Builder::build, Parallel::unmodeled, Parallel.Builder::unmodeled)
        .attr("type", Parallel::type, Parallel.Builder::type)
        .list("source", CHAR_DEV_SOURCE, Parallel::sources, Parallel.Builder::sources)
        .attrChild("protocol", "type", Parallel::protocol, Parallel.Builder::protocol)
        .child("log", CHAR_DEV_LOG, Parallel::log, Parallel.Builder::log)
        .child("target", CHAR_DEV_TARGET, Parallel::target, Parallel.Builder::target)
        .attrChild("alias", "name", Parallel::alias, Parallel.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, Parallel::acpiIndex, Parallel.Builder::acpiIndex)
        .child("address", CommonCodecs.ADDRESS, Parallel::address, Parallel.Builder::address));

  public static final ElementCodec<TpmBackendPcrBanks, TpmBackendPcrBanks.Builder> TPM_BACKEND_PCR_BANKS =
      ElementCodec.lazy(() -> ElementCodec.of("active_pcr_banks", TpmBackendPcrBanks.Builder::new, TpmBackendPcrBanks.Builder::build, TpmBackendPcrBanks::unmodeled, TpmBackendPcrBanks.Builder::unmodeled)
        .flag("sha1", TpmBackendPcrBanks::sha1, TpmBackendPcrBanks.Builder::sha1)
        .flag("sha256", TpmBackendPcrBanks::sha256, TpmBackendPcrBanks.Builder::sha256)
        .flag("sha384", TpmBackendPcrBanks::sha384, TpmBackendPcrBanks.Builder::sha384)
        .flag("sha512", TpmBackendPcrBanks::sha512, TpmBackendPcrBanks.Builder::sha512));

  public static final ElementCodec<TpmBackendSource, TpmBackendSource.Builder> TPM_BACKEND_SOURCE =
      ElementCodec.lazy(() -> ElementCodec.of("source", TpmBackendSource.Builder::new, TpmBackendSource.Builder::build, TpmBackendSource::unmodeled, TpmBackendSource.Builder::unmodeled)
        .attr("type", TpmBackendSource::type, TpmBackendSource.Builder::type)
        .attr("mode", TpmBackendSource::mode, TpmBackendSource.Builder::mode)
        .attr("path", TpmBackendSource::path, TpmBackendSource.Builder::path));

  public static final ElementCodec<TpmBackend, TpmBackend.Builder> TPM_BACKEND =
      ElementCodec.lazy(() -> ElementCodec.of("backend", TpmBackend.Builder::new, TpmBackend.Builder::build, TpmBackend::unmodeled, TpmBackend.Builder::unmodeled)
        .attr("type", TpmBackend::type, TpmBackend.Builder::type)
        .attr("version", TpmBackend::version, TpmBackend.Builder::version)
        .attr("persistent_state", ValueType.YES_NO, TpmBackend::persistentState, TpmBackend.Builder::persistentState)
        .attrChild("device", "path", TpmBackend::devicePath, TpmBackend.Builder::devicePath)
        .attrChild("encryption", "secret", TpmBackend::encryptionSecret, TpmBackend.Builder::encryptionSecret)
        .child("active_pcr_banks", TPM_BACKEND_PCR_BANKS, TpmBackend::activePcrBanks, TpmBackend.Builder::activePcrBanks)
        .child("source", TPM_BACKEND_SOURCE, TpmBackend::source, TpmBackend.Builder::source));

  public static final ElementCodec<Tpm, Tpm.Builder> TPM =
      ElementCodec.lazy(() -> ElementCodec.of("tpm", Tpm.Builder::new, Tpm.Builder::build, Tpm::unmodeled, Tpm.Builder::unmodeled)
        .attr("model", Tpm::model, Tpm.Builder::model)
        .child("backend", TPM_BACKEND, Tpm::backend, Tpm.Builder::backend)
        .attrChild("alias", "name", Tpm::alias, Tpm.Builder::alias)
        .child("address", CommonCodecs.ADDRESS, Tpm::address, Tpm.Builder::address));

  public static final ElementCodec<Watchdog, Watchdog.Builder> WATCHDOG =
      ElementCodec.lazy(() -> ElementCodec.of("watchdog", Watchdog.Builder::new, Watchdog.Builder::build, Watchdog::unmodeled, Watchdog.Builder::unmodeled)
        .attr("model", Watchdog::model, Watchdog.Builder::model)
        .attr("action", Watchdog::action, Watchdog.Builder::action)
        .attrChild("alias", "name", Watchdog::alias, Watchdog.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, Watchdog::acpiIndex, Watchdog.Builder::acpiIndex)
        .child("address", CommonCodecs.ADDRESS, Watchdog::address, Watchdog.Builder::address));

  public static final ElementCodec<MemBalloonDriver, MemBalloonDriver.Builder> MEM_BALLOON_DRIVER =
      ElementCodec.lazy(() -> ElementCodec.of("driver", MemBalloonDriver.Builder::new, MemBalloonDriver.Builder::build, MemBalloonDriver::unmodeled, MemBalloonDriver.Builder::unmodeled)
        .attr("iommu", ValueType.ON_OFF, MemBalloonDriver::iommu, MemBalloonDriver.Builder::iommu)
        .attr("ats", ValueType.ON_OFF, MemBalloonDriver::ats, MemBalloonDriver.Builder::ats)
        .attr("packed", ValueType.ON_OFF, MemBalloonDriver::packed, MemBalloonDriver.Builder::packed)
        .attr("page_per_vq", ValueType.ON_OFF, MemBalloonDriver::pagePerVq, MemBalloonDriver.Builder::pagePerVq));

  public static final ElementCodec<MemBalloon, MemBalloon.Builder> MEM_BALLOON =
      ElementCodec.lazy(() -> ElementCodec.of("memballoon", MemBalloon.Builder::new, MemBalloon.Builder::build, MemBalloon::unmodeled, MemBalloon.Builder::unmodeled)
        .attr("model", MemBalloon::model, MemBalloon.Builder::model)
        .attr("autodeflate", ValueType.ON_OFF, MemBalloon::autodeflate, MemBalloon.Builder::autodeflate)
        .attr("freePageReporting", ValueType.ON_OFF, MemBalloon::freePageReporting, MemBalloon.Builder::freePageReporting)
        .attrChild("stats", "period", ValueType.INT, MemBalloon::statsPeriod, MemBalloon.Builder::statsPeriod)
        .attrChild("alias", "name", MemBalloon::alias, MemBalloon.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, MemBalloon::acpiIndex, MemBalloon.Builder::acpiIndex)
        .child("address", CommonCodecs.ADDRESS, MemBalloon::address, MemBalloon.Builder::address)
        .child("driver", MEM_BALLOON_DRIVER, MemBalloon::driver, MemBalloon.Builder::driver));

  public static final ElementCodec<RngRate, RngRate.Builder> RNG_RATE =
      ElementCodec.lazy(() -> ElementCodec.of("rate", RngRate.Builder::new, RngRate.Builder::build, RngRate::unmodeled, RngRate.Builder::unmodeled)
        .attr("bytes", ValueType.UINT, RngRate::bytes, RngRate.Builder::bytes)
        .attr("period", ValueType.UINT, RngRate::period, RngRate.Builder::period));

  public static final ElementCodec<RngBackend, RngBackend.Builder> RNG_BACKEND =
      ElementCodec.lazy(() -> ElementCodec.of("backend", RngBackend.Builder::new, RngBackend.Builder::build, RngBackend::unmodeled, RngBackend.Builder::unmodeled)
        .attr("model", RngBackend::model, RngBackend.Builder::model)
        .attr("type", RngBackend::type, RngBackend.Builder::type)
        .text(RngBackend::path, RngBackend.Builder::path)
        .list("source", CHAR_DEV_SOURCE, RngBackend::sources, RngBackend.Builder::sources)
        .attrChild("protocol", "type", RngBackend::protocol, RngBackend.Builder::protocol));

  public static final ElementCodec<RngDriver, RngDriver.Builder> RNG_DRIVER =
      ElementCodec.lazy(() -> ElementCodec.of("driver", RngDriver.Builder::new, RngDriver.Builder::build, RngDriver::unmodeled, RngDriver.Builder::unmodeled)
        .attr("iommu", ValueType.ON_OFF, RngDriver::iommu, RngDriver.Builder::iommu)
        .attr("ats", ValueType.ON_OFF, RngDriver::ats, RngDriver.Builder::ats)
        .attr("packed", ValueType.ON_OFF, RngDriver::packed, RngDriver.Builder::packed)
        .attr("page_per_vq", ValueType.ON_OFF, RngDriver::pagePerVq, RngDriver.Builder::pagePerVq));

  public static final ElementCodec<Rng, Rng.Builder> RNG =
      ElementCodec.lazy(() -> ElementCodec.of("rng", Rng.Builder::new, Rng.Builder::build, Rng::unmodeled, Rng.Builder::unmodeled)
        .attr("model", Rng::model, Rng.Builder::model)
        .child("rate", RNG_RATE, Rng::rate, Rng.Builder::rate)
        .child("backend", RNG_BACKEND, Rng::backend, Rng.Builder::backend)
        .child("driver", RNG_DRIVER, Rng::driver, Rng.Builder::driver)
        .attrChild("alias", "name", Rng::alias, Rng.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, Rng::acpiIndex, Rng.Builder::acpiIndex)
        .child("address", CommonCodecs.ADDRESS, Rng::address, Rng.Builder::address));

  public static final ElementCodec<Panic, Panic.Builder> PANIC =
      ElementCodec.lazy(() -> ElementCodec.of("panic", Panic.Builder::new, Panic.Builder::build, Panic::unmodeled, Panic.Builder::unmodeled)
        .attr("model", Panic::model, Panic.Builder::model)
        .attrChild("alias", "name", Panic::alias, Panic.Builder::alias)
        .child("address", CommonCodecs.ADDRESS, Panic::address, Panic.Builder::address));

  public static final ElementCodec<ShmemServer, ShmemServer.Builder> SHMEM_SERVER =
      ElementCodec.lazy(() -> ElementCodec.of("server", ShmemServer.Builder::new, ShmemServer.Builder::build, ShmemServer::unmodeled, ShmemServer.Builder::unmodeled)
        .attr("path", ShmemServer::path, ShmemServer.Builder::path));

  public static final ElementCodec<ShmemMsi, ShmemMsi.Builder> SHMEM_MSI =
      ElementCodec.lazy(() -> ElementCodec.of("msi", ShmemMsi.Builder::new, ShmemMsi.Builder::build, ShmemMsi::unmodeled, ShmemMsi.Builder::unmodeled)
        .attr("vectors", ValueType.UINT, ShmemMsi::vectors, ShmemMsi.Builder::vectors)
        .attr("ioeventfd", ValueType.ON_OFF, ShmemMsi::ioeventfd, ShmemMsi.Builder::ioeventfd));

  public static final ElementCodec<Shmem, Shmem.Builder> SHMEM =
      ElementCodec.lazy(() -> ElementCodec.of("shmem", Shmem.Builder::new, Shmem.Builder::build, Shmem::unmodeled, Shmem.Builder::unmodeled)
        .attr("name", Shmem::name, Shmem.Builder::name)
        .attr("role", Shmem::role, Shmem.Builder::role)
        .attrChild("model", "type", Shmem::model, Shmem.Builder::model)
        .child("size", SizeCodec.storage("size"), Shmem::size, Shmem.Builder::size)
        .child("server", SHMEM_SERVER, Shmem::server, Shmem.Builder::server)
        .child("msi", SHMEM_MSI, Shmem::msi, Shmem.Builder::msi)
        .attrChild("alias", "name", Shmem::alias, Shmem.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, Shmem::acpiIndex, Shmem.Builder::acpiIndex)
        .child("address", CommonCodecs.ADDRESS, Shmem::address, Shmem.Builder::address));

  public static final ElementCodec<MemoryDeviceSource, MemoryDeviceSource.Builder> MEMORY_DEVICE_SOURCE =
      ElementCodec.lazy(() -> ElementCodec.of("source", MemoryDeviceSource.Builder::new, MemoryDeviceSource.Builder::build, MemoryDeviceSource::unmodeled, MemoryDeviceSource.Builder::unmodeled)
        .child("pagesize", SizeCodec.memory("pagesize"), MemoryDeviceSource::pagesize, MemoryDeviceSource.Builder::pagesize)
        .textChild("nodemask", MemoryDeviceSource::nodemask, MemoryDeviceSource.Builder::nodemask)
        .textChild("path", MemoryDeviceSource::path, MemoryDeviceSource.Builder::path)
        .child("alignsize", SizeCodec.memory("alignsize"), MemoryDeviceSource::alignsize, MemoryDeviceSource.Builder::alignsize)
        .flag("pmem", MemoryDeviceSource::pmem, MemoryDeviceSource.Builder::pmem));

  public static final ElementCodec<MemoryDeviceLabel, MemoryDeviceLabel.Builder> MEMORY_DEVICE_LABEL =
      ElementCodec.lazy(() -> ElementCodec.of("label", MemoryDeviceLabel.Builder::new, MemoryDeviceLabel.Builder::build, MemoryDeviceLabel::unmodeled, MemoryDeviceLabel.Builder::unmodeled)
        .child("size", SizeCodec.memory("size"), MemoryDeviceLabel::size, MemoryDeviceLabel.Builder::size));

  public static final ElementCodec<MemoryDeviceTarget, MemoryDeviceTarget.Builder> MEMORY_DEVICE_TARGET =
      ElementCodec.lazy(() -> ElementCodec.of("target", MemoryDeviceTarget.Builder::new, MemoryDeviceTarget.Builder::build, MemoryDeviceTarget::unmodeled, MemoryDeviceTarget.Builder::unmodeled)
        .child("size", SizeCodec.memory("size"), MemoryDeviceTarget::size, MemoryDeviceTarget.Builder::size)
        .textChild("node", ValueType.UINT, MemoryDeviceTarget::node, MemoryDeviceTarget.Builder::node)
        .child("label", MEMORY_DEVICE_LABEL, MemoryDeviceTarget::label, MemoryDeviceTarget.Builder::label)
        .flag("readonly", MemoryDeviceTarget::readonly, MemoryDeviceTarget.Builder::readonly)
        .child("block", SizeCodec.memory("block"), MemoryDeviceTarget::block, MemoryDeviceTarget.Builder::block)
        .child("requested", SizeCodec.memory("requested"), MemoryDeviceTarget::requested, MemoryDeviceTarget.Builder::requested)
        .child("current", SizeCodec.memory("current"), MemoryDeviceTarget::current, MemoryDeviceTarget.Builder::current)
        .attrChild("address", "base", HEX_ADDRESS, MemoryDeviceTarget::addressBase, MemoryDeviceTarget.Builder::addressBase));

  public static final ElementCodec<MemoryDevice, MemoryDevice.Builder> MEMORY_DEVICE =
      ElementCodec.lazy(() -> ElementCodec.of("memory", MemoryDevice.Builder::new, MemoryDevice.Builder::build, MemoryDevice::unmodeled, MemoryDevice.Builder::unmodeled)
        .attr("model", MemoryDevice::model, MemoryDevice.Builder::model)
        .attr("access", MemoryDevice::access, MemoryDevice.Builder::access)
        .attr("discard", ValueType.YES_NO, MemoryDevice::discard, MemoryDevice.Builder::discard)
        .textChild("uuid", MemoryDevice::uuid, MemoryDevice.Builder::uuid)
        .child("source", MEMORY_DEVICE_SOURCE, MemoryDevice::source, MemoryDevice.Builder::source)
        .child("target", MEMORY_DEVICE_TARGET, MemoryDevice::target, MemoryDevice.Builder::target)
        .attrChild("alias", "name", MemoryDevice::alias, MemoryDevice.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, MemoryDevice::acpiIndex, MemoryDevice.Builder::acpiIndex)
        .child("address", CommonCodecs.ADDRESS, MemoryDevice::address, MemoryDevice.Builder::address));

  public static final ElementCodec<IommuDriver, IommuDriver.Builder> IOMMU_DRIVER =
      ElementCodec.lazy(() -> ElementCodec.of("driver", IommuDriver.Builder::new, IommuDriver.Builder::build, IommuDriver::unmodeled, IommuDriver.Builder::unmodeled)
        .attr("intremap", ValueType.ON_OFF, IommuDriver::intremap, IommuDriver.Builder::intremap)
        .attr("caching_mode", ValueType.ON_OFF, IommuDriver::cachingMode, IommuDriver.Builder::cachingMode)
        .attr("eim", ValueType.ON_OFF, IommuDriver::eim, IommuDriver.Builder::eim)
        .attr("iotlb", ValueType.ON_OFF, IommuDriver::iotlb, IommuDriver.Builder::iotlb)
        .attr("aw_bits", ValueType.UINT, IommuDriver::awBits, IommuDriver.Builder::awBits));

  public static final ElementCodec<Iommu, Iommu.Builder> IOMMU =
      ElementCodec.lazy(() -> ElementCodec.of("iommu", Iommu.Builder::new, Iommu.Builder::build, Iommu::unmodeled, Iommu.Builder::unmodeled)
        .attr("model", Iommu::model, Iommu.Builder::model)
        .child("driver", IOMMU_DRIVER, Iommu::driver, Iommu.Builder::driver)
        .attrChild("alias", "name", Iommu::alias, Iommu.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, Iommu::acpiIndex, Iommu.Builder::acpiIndex)
        .child("address", CommonCodecs.ADDRESS, Iommu::address, Iommu.Builder::address));

  public static final ElementCodec<VsockCid, VsockCid.Builder> VSOCK_CID =
      ElementCodec.lazy(() -> ElementCodec.of("cid", VsockCid.Builder::new, VsockCid.Builder::build, VsockCid::unmodeled, VsockCid.Builder::unmodeled)
        .attr("auto", ValueType.YES_NO, VsockCid::auto, VsockCid.Builder::auto)
        .attr("address", ValueType.ULONG, VsockCid::address, VsockCid.Builder::address));

  public static final ElementCodec<VsockDriver, VsockDriver.Builder> VSOCK_DRIVER =
      ElementCodec.lazy(() -> ElementCodec.of("driver", VsockDriver.Builder::new, VsockDriver.Builder::build, VsockDriver::unmodeled, VsockDriver.Builder::unmodeled)
        .attr("iommu", ValueType.ON_OFF, VsockDriver::iommu, VsockDriver.Builder::iommu)
        .attr("ats", ValueType.ON_OFF, VsockDriver::ats, VsockDriver.Builder::ats)
        .attr("packed", ValueType.ON_OFF, VsockDriver::packed, VsockDriver.Builder::packed)
        .attr("page_per_vq", ValueType.ON_OFF, VsockDriver::pagePerVq, VsockDriver.Builder::pagePerVq));

  public static final ElementCodec<Vsock, Vsock.Builder> VSOCK =
      ElementCodec.lazy(() -> ElementCodec.of("vsock", Vsock.Builder::new, Vsock.Builder::build, Vsock::unmodeled, Vsock.Builder::unmodeled)
        .attr("model", Vsock::model, Vsock.Builder::model)
        .child("cid", VSOCK_CID, Vsock::cid, Vsock.Builder::cid)
        .attrChild("alias", "name", Vsock::alias, Vsock.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, Vsock::acpiIndex, Vsock.Builder::acpiIndex)
        .child("address", CommonCodecs.ADDRESS, Vsock::address, Vsock.Builder::address)
        .child("driver", VSOCK_DRIVER, Vsock::driver, Vsock.Builder::driver));

  public static final ElementCodec<CryptoBackend, CryptoBackend.Builder> CRYPTO_BACKEND =
      ElementCodec.lazy(() -> ElementCodec.of("backend", CryptoBackend.Builder::new, CryptoBackend.Builder::build, CryptoBackend::unmodeled, CryptoBackend.Builder::unmodeled)
        .attr("model", CryptoBackend::model, CryptoBackend.Builder::model)
        .attr("queues", ValueType.UINT, CryptoBackend::queues, CryptoBackend.Builder::queues));

  public static final ElementCodec<Crypto, Crypto.Builder> CRYPTO =
      ElementCodec.lazy(() -> ElementCodec.of("crypto", Crypto.Builder::new, Crypto.Builder::build, Crypto::unmodeled, Crypto.Builder::unmodeled)
        .attr("model", Crypto::model, Crypto.Builder::model)
        .attr("type", Crypto::type, Crypto.Builder::type)
        .child("backend", CRYPTO_BACKEND, Crypto::backend, Crypto.Builder::backend)
        .attrChild("alias", "name", Crypto::alias, Crypto.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, Crypto::acpiIndex, Crypto.Builder::acpiIndex)
        .child("address", CommonCodecs.ADDRESS, Crypto::address, Crypto.Builder::address));
}
