package io.kvmsdk.core.internal.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.domain.*;
import io.kvmsdk.core.xml.Codec;
import io.kvmsdk.core.xml.ElementCodec;
import io.kvmsdk.core.xml.SizeCodec;
import io.kvmsdk.core.xml.ValueType;
import io.kvmsdk.core.xml.XPath;
import io.kvmsdk.core.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Element mappings for storage and passthrough devices (disk, controller, filesystem, hostdev, redirdev, ...). */
public final class StorageDeviceCodecs {
  private StorageDeviceCodecs() {}

  // ------------------------------------------------------------------ disk parts

  public static final ElementCodec<DiskMetadataCache, DiskMetadataCache.Builder> METADATA_CACHE =
      ElementCodec.lazy(() -> ElementCodec.of("metadata_cache", DiskMetadataCache.Builder::new, DiskMetadataCache.Builder::build, DiskMetadataCache::unmodeled, DiskMetadataCache.Builder::unmodeled)
        .child("max_size", SizeCodec.storage("max_size"), DiskMetadataCache::maxSize, DiskMetadataCache.Builder::maxSize));

  public static final ElementCodec<DiskDriver, DiskDriver.Builder> DISK_DRIVER =
      ElementCodec.lazy(() -> ElementCodec.of("driver", DiskDriver.Builder::new, DiskDriver.Builder::build, DiskDriver::unmodeled, DiskDriver.Builder::unmodeled)
        .attr("name", DiskDriver::name, DiskDriver.Builder::name)
        .attr("type", DiskDriver::type, DiskDriver.Builder::type)
        .attr("cache", DiskDriver::cache, DiskDriver.Builder::cache)
        .attr("error_policy", DiskDriver::errorPolicy, DiskDriver.Builder::errorPolicy)
        .attr("rerror_policy", DiskDriver::rerrorPolicy, DiskDriver.Builder::rerrorPolicy)
        .attr("io", DiskDriver::io, DiskDriver.Builder::io)
        .attr("ioeventfd", ValueType.ON_OFF, DiskDriver::ioeventfd, DiskDriver.Builder::ioeventfd)
        .attr("event_idx", ValueType.ON_OFF, DiskDriver::eventIdx, DiskDriver.Builder::eventIdx)
        .attr("copy_on_read", ValueType.ON_OFF, DiskDriver::copyOnRead, DiskDriver.Builder::copyOnRead)
        .attr("discard", DiskDriver::discard, DiskDriver.Builder::discard)
        .attr("iothread", ValueType.UINT, DiskDriver::iothread, DiskDriver.Builder::iothread)
        .attr("detect_zeroes", DiskDriver::detectZeroes, DiskDriver.Builder::detectZeroes)
        .attr("queues", ValueType.UINT, DiskDriver::queues, DiskDriver.Builder::queues)
        .attr("queue_size", ValueType.UINT, DiskDriver::queueSize, DiskDriver.Builder::queueSize)
        .attr("iommu", ValueType.ON_OFF, DiskDriver::iommu, DiskDriver.Builder::iommu)
        .attr("ats", ValueType.ON_OFF, DiskDriver::ats, DiskDriver.Builder::ats)
        .attr("packed", ValueType.ON_OFF, DiskDriver::packed, DiskDriver.Builder::packed)
        .attr("page_per_vq", ValueType.ON_OFF, DiskDriver::pagePerVq, DiskDriver.Builder::pagePerVq)
        .child("metadata_cache", METADATA_CACHE, DiskDriver::metadataCache, DiskDriver.Builder::metadataCache));

  public static final ElementCodec<DiskFormat, DiskFormat.Builder> DISK_FORMAT =
      ElementCodec.lazy(() -> ElementCodec.of("format", DiskFormat.Builder::new, DiskFormat.Builder::build, DiskFormat::unmodeled, DiskFormat.Builder::unmodeled)
        .attr("type", DiskFormat::type, DiskFormat.Builder::type)
        .child("metadata_cache", METADATA_CACHE, DiskFormat::metadataCache, DiskFormat.Builder::metadataCache));







  public static final ElementCodec<DiskReservationsSource, DiskReservationsSource.Builder> DISK_RESERVATIONS_SOURCE =
      ElementCodec.lazy(() -> ElementCodec.of("source", DiskReservationsSource.Builder::new, DiskReservationsSource.Builder::build, DiskReservationsSource::unmodeled, DiskReservationsSource.Builder::unmodeled)
        .attr("type", DiskReservationsSource::type, DiskReservationsSource.Builder::type)
        .attr("path", DiskReservationsSource::path, DiskReservationsSource.Builder::path)
        .attr("mode", DiskReservationsSource::mode, DiskReservationsSource.Builder::mode));

  public static final ElementCodec<DiskReservations, DiskReservations.Builder> DISK_RESERVATIONS =
      ElementCodec.lazy(() -> ElementCodec.of("reservations", DiskReservations.Builder::new, DiskReservations.Builder::build, DiskReservations::unmodeled, DiskReservations.Builder::unmodeled)
        .attr("enabled", ValueType.YES_NO, DiskReservations::enabled, DiskReservations.Builder::enabled)
        .attr("managed", ValueType.YES_NO, DiskReservations::managed, DiskReservations.Builder::managed)
        .child("source", DISK_RESERVATIONS_SOURCE, DiskReservations::source, DiskReservations.Builder::source));

  public static final ElementCodec<DiskInitiator, DiskInitiator.Builder> DISK_INITIATOR =
      ElementCodec.lazy(() -> ElementCodec.of("initiator", DiskInitiator.Builder::new, DiskInitiator.Builder::build, DiskInitiator::unmodeled, DiskInitiator.Builder::unmodeled)
        .attrChild("iqn", "name", DiskInitiator::iqn, DiskInitiator.Builder::iqn));

  public static final ElementCodec<DiskReconnect, DiskReconnect.Builder> DISK_RECONNECT =
      ElementCodec.lazy(() -> ElementCodec.of("reconnect", DiskReconnect.Builder::new, DiskReconnect.Builder::build, DiskReconnect::unmodeled, DiskReconnect.Builder::unmodeled)
        .attr("enabled", ValueType.YES_NO, DiskReconnect::enabled, DiskReconnect.Builder::enabled)
        .attr("timeout", ValueType.UINT, DiskReconnect::timeout, DiskReconnect.Builder::timeout));

  public static final ElementCodec<DiskIdentity, DiskIdentity.Builder> DISK_IDENTITY =
      ElementCodec.lazy(() -> ElementCodec.of("identity", DiskIdentity.Builder::new, DiskIdentity.Builder::build, DiskIdentity::unmodeled, DiskIdentity.Builder::unmodeled)
        .attr("user", DiskIdentity::user, DiskIdentity.Builder::user)
        .attr("group", DiskIdentity::group, DiskIdentity.Builder::group));

  public static final ElementCodec<DiskSecLabel, DiskSecLabel.Builder> DISK_SEC_LABEL =
      ElementCodec.lazy(() -> ElementCodec.of("seclabel", DiskSecLabel.Builder::new, DiskSecLabel.Builder::build, DiskSecLabel::unmodeled, DiskSecLabel.Builder::unmodeled)
        .attr("model", DiskSecLabel::model, DiskSecLabel.Builder::model)
        .attr("relabel", ValueType.YES_NO, DiskSecLabel::relabel, DiskSecLabel.Builder::relabel)
        .attr("labelskip", ValueType.YES_NO, DiskSecLabel::labelskip, DiskSecLabel.Builder::labelskip)
        .textChild("label", DiskSecLabel::label, DiskSecLabel.Builder::label));

  public static final ElementCodec<DiskSlice, DiskSlice.Builder> DISK_SLICE =
      ElementCodec.lazy(() -> ElementCodec.of("slice", DiskSlice.Builder::new, DiskSlice.Builder::build, DiskSlice::unmodeled, DiskSlice.Builder::unmodeled)
        .attr("type", DiskSlice::type, DiskSlice.Builder::type)
        .attr("offset", ValueType.ULONG, DiskSlice::offset, DiskSlice.Builder::offset)
        .attr("size", ValueType.ULONG, DiskSlice::size, DiskSlice.Builder::size));

  public static final ElementCodec<DiskCookie, DiskCookie.Builder> DISK_COOKIE =
      ElementCodec.lazy(() -> ElementCodec.of("cookie", DiskCookie.Builder::new, DiskCookie.Builder::build, DiskCookie::unmodeled, DiskCookie.Builder::unmodeled)
        .attr("name", DiskCookie::name, DiskCookie.Builder::name)
        .text(DiskCookie::value, DiskCookie.Builder::value));

  public static final ElementCodec<DiskSource, DiskSource.Builder> DISK_SOURCE =
      ElementCodec.lazy(() -> ElementCodec.of("source", DiskSource.Builder::new, DiskSource.Builder::build, DiskSource::unmodeled, DiskSource.Builder::unmodeled)
        .attr("file", DiskSource::file, DiskSource.Builder::file)
        .attr("fdgroup", DiskSource::fdgroup, DiskSource.Builder::fdgroup)
        .attr("dev", DiskSource::dev, DiskSource.Builder::dev)
        .attr("dir", DiskSource::dir, DiskSource.Builder::dir)
        .attr("protocol", DiskSource::protocol, DiskSource.Builder::protocol)
        .attr("name", DiskSource::name, DiskSource.Builder::name)
        .attr("query", DiskSource::query, DiskSource.Builder::query)
        .attr("tls", ValueType.YES_NO, DiskSource::tls, DiskSource.Builder::tls)
        .attr("tlsHostname", DiskSource::tlsHostname, DiskSource.Builder::tlsHostname)
        .attr("pool", DiskSource::pool, DiskSource.Builder::pool)
        .attr("volume", DiskSource::volume, DiskSource.Builder::volume)
        .attr("mode", DiskSource::mode, DiskSource.Builder::mode)
        .attr("type", DiskSource::type, DiskSource.Builder::type)
        .attr("namespace", ValueType.ULONG, DiskSource::namespace, DiskSource.Builder::namespace)
        .attr("managed", ValueType.YES_NO, DiskSource::managed, DiskSource.Builder::managed)
        .attr("path", DiskSource::path, DiskSource.Builder::path)
        .attr("startupPolicy", DiskSource::startupPolicy, DiskSource.Builder::startupPolicy)
        .attr("index", ValueType.UINT, DiskSource::index, DiskSource.Builder::index)
        .child("address", CommonCodecs.ADDRESS, DiskSource::address, DiskSource.Builder::address)
        .list("host", CommonCodecs.SOURCE_HOST, DiskSource::hosts, DiskSource.Builder::hosts)
        .attrChild("snapshot", "name", DiskSource::snapshot, DiskSource.Builder::snapshot)
        .attrChild("config", "file", DiskSource::config, DiskSource.Builder::config)
        .child("auth", CommonCodecs.AUTH, DiskSource::auth, DiskSource.Builder::auth)
        .child("encryption", CommonCodecs.ENCRYPTION, DiskSource::encryption, DiskSource.Builder::encryption)
        .child("reservations", DISK_RESERVATIONS, DiskSource::reservations, DiskSource.Builder::reservations)
        .child("initiator", DISK_INITIATOR, DiskSource::initiator, DiskSource.Builder::initiator)
        .attrChild("readahead", "size", ValueType.ULONG, DiskSource::readahead, DiskSource.Builder::readahead)
        .attrChild("timeout", "seconds", ValueType.ULONG, DiskSource::timeout, DiskSource.Builder::timeout)
        .attrChild("ssl", "verify", ValueType.YES_NO, DiskSource::sslVerify, DiskSource.Builder::sslVerify)
        .child("cookies", new Wrapped<>("cookies", "cookie", DISK_COOKIE), s -> nonEmpty(s.cookies()), (b, v) -> b.cookies(v.orElse(List.of())))
        .child("reconnect", DISK_RECONNECT, DiskSource::reconnect, DiskSource.Builder::reconnect)
        .child("identity", DISK_IDENTITY, DiskSource::identity, DiskSource.Builder::identity)
        .list("seclabel", DISK_SEC_LABEL, DiskSource::seclabels, DiskSource.Builder::seclabels)
        .child("slices", new Wrapped<>("slices", "slice", DISK_SLICE), s -> nonEmpty(s.slices()), (b, v) -> b.slices(v.orElse(List.of()))));

  public static final ElementCodec<DiskBackingStore, DiskBackingStore.Builder> DISK_BACKING_STORE = ElementCodec.lazy(() -> backingStore());

  private static ElementCodec<DiskBackingStore, DiskBackingStore.Builder> backingStore() {
    ElementCodec<DiskBackingStore, DiskBackingStore.Builder> c =
        ElementCodec.of("backingStore", DiskBackingStore.Builder::new, DiskBackingStore.Builder::build, DiskBackingStore::unmodeled, DiskBackingStore.Builder::unmodeled)
          .attr("type", DiskBackingStore::type, DiskBackingStore.Builder::type)
          .attr("index", ValueType.UINT, DiskBackingStore::index, DiskBackingStore.Builder::index)
          .child("format", DISK_FORMAT, DiskBackingStore::format, DiskBackingStore.Builder::format)
          .child("source", DISK_SOURCE, DiskBackingStore::source, DiskBackingStore.Builder::source);
    return c.child("backingStore", c, DiskBackingStore::backingStore, DiskBackingStore.Builder::backingStore);
  }

  public static final ElementCodec<DiskMirror, DiskMirror.Builder> DISK_MIRROR =
      ElementCodec.lazy(() -> ElementCodec.of("mirror", DiskMirror.Builder::new, DiskMirror.Builder::build, DiskMirror::unmodeled, DiskMirror.Builder::unmodeled)
        .attr("type", DiskMirror::type, DiskMirror.Builder::type)
        .attr("file", DiskMirror::file, DiskMirror.Builder::file)
        .attr("format", DiskMirror::formatType, DiskMirror.Builder::formatType)
        .attr("job", DiskMirror::job, DiskMirror.Builder::job)
        .attr("ready", DiskMirror::ready, DiskMirror.Builder::ready)
        .child("format", DISK_FORMAT, DiskMirror::format, DiskMirror.Builder::format)
        .child("source", DISK_SOURCE, DiskMirror::source, DiskMirror.Builder::source)
        .child("backingStore", DISK_BACKING_STORE, DiskMirror::backingStore, DiskMirror.Builder::backingStore));

  public static final ElementCodec<DiskTarget, DiskTarget.Builder> DISK_TARGET =
      ElementCodec.lazy(() -> ElementCodec.of("target", DiskTarget.Builder::new, DiskTarget.Builder::build, DiskTarget::unmodeled, DiskTarget.Builder::unmodeled)
        .attr("dev", DiskTarget::dev, DiskTarget.Builder::dev)
        .attr("bus", DiskTarget::bus, DiskTarget.Builder::bus)
        .attr("tray", DiskTarget::tray, DiskTarget.Builder::tray)
        .attr("removable", ValueType.ON_OFF, DiskTarget::removable, DiskTarget.Builder::removable)
        .attr("rotation_rate", ValueType.UINT, DiskTarget::rotationRate, DiskTarget.Builder::rotationRate));

  public static final ElementCodec<DiskGeometry, DiskGeometry.Builder> DISK_GEOMETRY =
      ElementCodec.lazy(() -> ElementCodec.of("geometry", DiskGeometry.Builder::new, DiskGeometry.Builder::build, DiskGeometry::unmodeled, DiskGeometry.Builder::unmodeled)
        .attr("cyls", ValueType.UINT, DiskGeometry::cyls, DiskGeometry.Builder::cyls)
        .attr("heads", ValueType.UINT, DiskGeometry::heads, DiskGeometry.Builder::heads)
        .attr("secs", ValueType.UINT, DiskGeometry::secs, DiskGeometry.Builder::secs)
        .attr("trans", DiskGeometry::trans, DiskGeometry.Builder::trans));

  public static final ElementCodec<DiskBlockIo, DiskBlockIo.Builder> DISK_BLOCK_IO =
      ElementCodec.lazy(() -> ElementCodec.of("blockio", DiskBlockIo.Builder::new, DiskBlockIo.Builder::build, DiskBlockIo::unmodeled, DiskBlockIo.Builder::unmodeled)
        .attr("logical_block_size", ValueType.UINT, DiskBlockIo::logicalBlockSize, DiskBlockIo.Builder::logicalBlockSize)
        .attr("physical_block_size", ValueType.UINT, DiskBlockIo::physicalBlockSize, DiskBlockIo.Builder::physicalBlockSize)
        .attr("discard_granularity", ValueType.UINT, DiskBlockIo::discardGranularity, DiskBlockIo.Builder::discardGranularity));

  public static final ElementCodec<DiskIoTune, DiskIoTune.Builder> DISK_IO_TUNE =
      ElementCodec.lazy(() -> ElementCodec.of("iotune", DiskIoTune.Builder::new, DiskIoTune.Builder::build, DiskIoTune::unmodeled, DiskIoTune.Builder::unmodeled)
        .textChild("total_bytes_sec", ValueType.ULONG, DiskIoTune::totalBytesSec, DiskIoTune.Builder::totalBytesSec)
        .textChild("read_bytes_sec", ValueType.ULONG, DiskIoTune::readBytesSec, DiskIoTune.Builder::readBytesSec)
        .textChild("write_bytes_sec", ValueType.ULONG, DiskIoTune::writeBytesSec, DiskIoTune.Builder::writeBytesSec)
        .textChild("total_iops_sec", ValueType.ULONG, DiskIoTune::totalIopsSec, DiskIoTune.Builder::totalIopsSec)
        .textChild("read_iops_sec", ValueType.ULONG, DiskIoTune::readIopsSec, DiskIoTune.Builder::readIopsSec)
        .textChild("write_iops_sec", ValueType.ULONG, DiskIoTune::writeIopsSec, DiskIoTune.Builder::writeIopsSec)
        .textChild("total_bytes_sec_max", ValueType.ULONG, DiskIoTune::totalBytesSecMax, DiskIoTune.Builder::totalBytesSecMax)
        .textChild("read_bytes_sec_max", ValueType.ULONG, DiskIoTune::readBytesSecMax, DiskIoTune.Builder::readBytesSecMax)
        .textChild("write_bytes_sec_max", ValueType.ULONG, DiskIoTune::writeBytesSecMax, DiskIoTune.Builder::writeBytesSecMax)
        .textChild("total_iops_sec_max", ValueType.ULONG, DiskIoTune::totalIopsSecMax, DiskIoTune.Builder::totalIopsSecMax)
        .textChild("read_iops_sec_max", ValueType.ULONG, DiskIoTune::readIopsSecMax, DiskIoTune.Builder::readIopsSecMax)
        .textChild("write_iops_sec_max", ValueType.ULONG, DiskIoTune::writeIopsSecMax, DiskIoTune.Builder::writeIopsSecMax)
        .textChild("size_iops_sec", ValueType.ULONG, DiskIoTune::sizeIopsSec, DiskIoTune.Builder::sizeIopsSec)
        .textChild("group_name", DiskIoTune::groupName, DiskIoTune.Builder::groupName)
        .textChild("total_bytes_sec_max_length", ValueType.ULONG, DiskIoTune::totalBytesSecMaxLength, DiskIoTune.Builder::totalBytesSecMaxLength)
        .textChild("read_bytes_sec_max_length", ValueType.ULONG, DiskIoTune::readBytesSecMaxLength, DiskIoTune.Builder::readBytesSecMaxLength)
        .textChild("write_bytes_sec_max_length", ValueType.ULONG, DiskIoTune::writeBytesSecMaxLength, DiskIoTune.Builder::writeBytesSecMaxLength)
        .textChild("total_iops_sec_max_length", ValueType.ULONG, DiskIoTune::totalIopsSecMaxLength, DiskIoTune.Builder::totalIopsSecMaxLength)
        .textChild("read_iops_sec_max_length", ValueType.ULONG, DiskIoTune::readIopsSecMaxLength, DiskIoTune.Builder::readIopsSecMaxLength)
        .textChild("write_iops_sec_max_length", ValueType.ULONG, DiskIoTune::writeIopsSecMaxLength, DiskIoTune.Builder::writeIopsSecMaxLength));

  public static final ElementCodec<DiskBoot, DiskBoot.Builder> BOOT =
      ElementCodec.lazy(() -> ElementCodec.of("boot", DiskBoot.Builder::new, DiskBoot.Builder::build, DiskBoot::unmodeled, DiskBoot.Builder::unmodeled)
        .attr("order", ValueType.UINT, DiskBoot::order, DiskBoot.Builder::order)
        .attr("loadparm", DiskBoot::loadparm, DiskBoot.Builder::loadparm));

  public static final ElementCodec<DiskTransient, DiskTransient.Builder> DISK_TRANSIENT =
      ElementCodec.lazy(() -> ElementCodec.of("transient", DiskTransient.Builder::new, DiskTransient.Builder::build, DiskTransient::unmodeled, DiskTransient.Builder::unmodeled)
        .attr("shareBacking", ValueType.YES_NO, DiskTransient::shareBacking, DiskTransient.Builder::shareBacking));

  public static final ElementCodec<Disk, Disk.Builder> DISK =
      ElementCodec.lazy(() -> ElementCodec.of("disk", Disk.Builder::new, Disk.Builder::build, Disk::unmodeled, Disk.Builder::unmodeled)
        .attr("type", Disk::type, Disk.Builder::type)
        .attr("device", Disk::device, Disk.Builder::device)
        .attr("model", Disk::model, Disk.Builder::model)
        .attr("rawio", ValueType.YES_NO, Disk::rawio, Disk.Builder::rawio)
        .attr("sgio", Disk::sgio, Disk.Builder::sgio)
        .attr("snapshot", Disk::snapshot, Disk.Builder::snapshot)
        .child("driver", DISK_DRIVER, Disk::driver, Disk.Builder::driver)
        .child("auth", CommonCodecs.AUTH, Disk::auth, Disk.Builder::auth)
        .child("source", DISK_SOURCE, Disk::source, Disk.Builder::source)
        .child("backingStore", DISK_BACKING_STORE, Disk::backingStore, Disk.Builder::backingStore)
        .attrChild("backenddomain", "name", Disk::backenddomain, Disk.Builder::backenddomain)
        .child("geometry", DISK_GEOMETRY, Disk::geometry, Disk.Builder::geometry)
        .child("blockio", DISK_BLOCK_IO, Disk::blockio, Disk.Builder::blockio)
        .child("mirror", DISK_MIRROR, Disk::mirror, Disk.Builder::mirror)
        .child("target", DISK_TARGET, Disk::target, Disk.Builder::target)
        .child("iotune", DISK_IO_TUNE, Disk::iotune, Disk.Builder::iotune)
        .flag("readonly", Disk::isReadonly, Disk.Builder::isReadonly)
        .flag("shareable", Disk::isShareable, Disk.Builder::isShareable)
        .child("transient", DISK_TRANSIENT, Disk::transientDisk, Disk.Builder::transientDisk)
        .textChild("serial", Disk::serial, Disk.Builder::serial)
        .textChild("wwn", Disk::wwn, Disk.Builder::wwn)
        .textChild("vendor", Disk::vendor, Disk.Builder::vendor)
        .textChild("product", Disk::product, Disk.Builder::product)
        .child("encryption", CommonCodecs.ENCRYPTION, Disk::encryption, Disk.Builder::encryption)
        .child("boot", BOOT, Disk::boot, Disk.Builder::boot)
        .attrChild("alias", "name", Disk::alias, Disk.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, Disk::acpiIndex, Disk.Builder::acpiIndex)
        .child("address", CommonCodecs.ADDRESS, Disk::address, Disk.Builder::address));

  // ------------------------------------------------------------------ controller

  public static final ElementCodec<ControllerDriver, ControllerDriver.Builder> CONTROLLER_DRIVER =
      ElementCodec.lazy(() -> ElementCodec.of("driver", ControllerDriver.Builder::new, ControllerDriver.Builder::build, ControllerDriver::unmodeled, ControllerDriver.Builder::unmodeled)
        .attr("queues", ValueType.UINT, ControllerDriver::queues, ControllerDriver.Builder::queues)
        .attr("cmd_per_lun", ValueType.UINT, ControllerDriver::cmdPerLun, ControllerDriver.Builder::cmdPerLun)
        .attr("max_sectors", ValueType.UINT, ControllerDriver::maxSectors, ControllerDriver.Builder::maxSectors)
        .attr("ioeventfd", ValueType.ON_OFF, ControllerDriver::ioeventfd, ControllerDriver.Builder::ioeventfd)
        .attr("iothread", ValueType.UINT, ControllerDriver::iothread, ControllerDriver.Builder::iothread)
        .attr("iommu", ValueType.ON_OFF, ControllerDriver::iommu, ControllerDriver.Builder::iommu)
        .attr("ats", ValueType.ON_OFF, ControllerDriver::ats, ControllerDriver.Builder::ats)
        .attr("packed", ValueType.ON_OFF, ControllerDriver::packed, ControllerDriver.Builder::packed)
        .attr("page_per_vq", ValueType.ON_OFF, ControllerDriver::pagePerVq, ControllerDriver.Builder::pagePerVq));

  public static final ElementCodec<ControllerTarget, ControllerTarget.Builder> CONTROLLER_TARGET =
      ElementCodec.lazy(() -> ElementCodec.of("target", ControllerTarget.Builder::new, ControllerTarget.Builder::build, ControllerTarget::unmodeled, ControllerTarget.Builder::unmodeled)
        .attr("chassisNr", ValueType.UINT, ControllerTarget::chassisNr, ControllerTarget.Builder::chassisNr)
        .attr("chassis", ValueType.UINT, ControllerTarget::chassis, ControllerTarget.Builder::chassis)
        .attr("port", ControllerTarget::port, ControllerTarget.Builder::port)
        .attr("busNr", ValueType.UINT, ControllerTarget::busNr, ControllerTarget.Builder::busNr)
        .attr("index", ValueType.UINT, ControllerTarget::index, ControllerTarget.Builder::index)
        .attr("hotplug", ValueType.ON_OFF, ControllerTarget::hotplug, ControllerTarget.Builder::hotplug)
        .attr("memReserve", ValueType.ULONG, ControllerTarget::memReserve, ControllerTarget.Builder::memReserve)
        .textChild("node", ValueType.UINT, ControllerTarget::node, ControllerTarget.Builder::node));

  public static final ElementCodec<Controller, Controller.Builder> CONTROLLER =
      ElementCodec.lazy(() -> ElementCodec.of("controller", Controller.Builder::new, Controller.Builder::build, Controller::unmodeled, Controller.Builder::unmodeled)
        .attr("type", Controller::type, Controller.Builder::type)
        .attr("index", ValueType.UINT, Controller::index, Controller.Builder::index)
        .attr("model", Controller::model, Controller.Builder::model)
        .attr("ports", ValueType.UINT, Controller::ports, Controller.Builder::ports)
        .attr("vectors", ValueType.UINT, Controller::vectors, Controller.Builder::vectors)
        .attr("maxGrantFrames", ValueType.UINT, Controller::maxGrantFrames, Controller.Builder::maxGrantFrames)
        .attr("maxEventChannels", ValueType.UINT, Controller::maxEventChannels, Controller.Builder::maxEventChannels)
        .attrChild("model", "name", Controller::modelName, Controller.Builder::modelName)
        .child("driver", CONTROLLER_DRIVER, Controller::driver, Controller.Builder::driver)
        .child("target", CONTROLLER_TARGET, Controller::target, Controller.Builder::target)
        .child("pcihole64", SizeCodec.memory("pcihole64"), Controller::pcihole64, Controller.Builder::pcihole64)
        .attrChild("master", "startport", ValueType.UINT, Controller::masterStartport, Controller.Builder::masterStartport)
        .attrChild("alias", "name", Controller::alias, Controller.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, Controller::acpiIndex, Controller.Builder::acpiIndex)
        .child("address", CommonCodecs.ADDRESS, Controller::address, Controller.Builder::address));

  // ------------------------------------------------------------------ filesystem

  public static final ElementCodec<FilesystemDriver, FilesystemDriver.Builder> FILESYSTEM_DRIVER =
      ElementCodec.lazy(() -> ElementCodec.of("driver", FilesystemDriver.Builder::new, FilesystemDriver.Builder::build, FilesystemDriver::unmodeled, FilesystemDriver.Builder::unmodeled)
        .attr("type", FilesystemDriver::type, FilesystemDriver.Builder::type)
        .attr("format", FilesystemDriver::format, FilesystemDriver.Builder::format)
        .attr("name", FilesystemDriver::name, FilesystemDriver.Builder::name)
        .attr("wrpolicy", FilesystemDriver::wrpolicy, FilesystemDriver.Builder::wrpolicy)
        .attr("queue", ValueType.UINT, FilesystemDriver::queue, FilesystemDriver.Builder::queue)
        .attr("iommu", ValueType.ON_OFF, FilesystemDriver::iommu, FilesystemDriver.Builder::iommu)
        .attr("ats", ValueType.ON_OFF, FilesystemDriver::ats, FilesystemDriver.Builder::ats)
        .attr("packed", ValueType.ON_OFF, FilesystemDriver::packed, FilesystemDriver.Builder::packed)
        .attr("page_per_vq", ValueType.ON_OFF, FilesystemDriver::pagePerVq, FilesystemDriver.Builder::pagePerVq));

  public static final ElementCodec<FilesystemBinaryLock, FilesystemBinaryLock.Builder> FILESYSTEM_BINARY_LOCK =
      ElementCodec.lazy(() -> ElementCodec.of("lock", FilesystemBinaryLock.Builder::new, FilesystemBinaryLock.Builder::build, FilesystemBinaryLock::unmodeled, FilesystemBinaryLock.Builder::unmodeled)
        .attr("posix", ValueType.ON_OFF, FilesystemBinaryLock::posix, FilesystemBinaryLock.Builder::posix)
        .attr("flock", ValueType.ON_OFF, FilesystemBinaryLock::flock, FilesystemBinaryLock.Builder::flock));

  public static final ElementCodec<FilesystemBinary, FilesystemBinary.Builder> FILESYSTEM_BINARY =
      ElementCodec.lazy(() -> ElementCodec.of("binary", FilesystemBinary.Builder::new, FilesystemBinary.Builder::build, FilesystemBinary::unmodeled, FilesystemBinary.Builder::unmodeled)
        .attr("path", FilesystemBinary::path, FilesystemBinary.Builder::path)
        .attr("xattr", ValueType.ON_OFF, FilesystemBinary::xattr, FilesystemBinary.Builder::xattr)
        .attrChild("cache", "mode", FilesystemBinary::cacheMode, FilesystemBinary.Builder::cacheMode)
        .attrChild("sandbox", "mode", FilesystemBinary::sandboxMode, FilesystemBinary.Builder::sandboxMode)
        .child("lock", FILESYSTEM_BINARY_LOCK, FilesystemBinary::lock, FilesystemBinary.Builder::lock)
        .attrChild("thread_pool", "size", ValueType.UINT, FilesystemBinary::threadPoolSize, FilesystemBinary.Builder::threadPoolSize));

  public static final ElementCodec<FilesystemSource, FilesystemSource.Builder> FILESYSTEM_SOURCE =
      ElementCodec.lazy(() -> ElementCodec.of("source", FilesystemSource.Builder::new, FilesystemSource.Builder::build, FilesystemSource::unmodeled, FilesystemSource.Builder::unmodeled)
        .attr("dir", FilesystemSource::dir, FilesystemSource.Builder::dir)
        .attr("file", FilesystemSource::file, FilesystemSource.Builder::file)
        .attr("dev", FilesystemSource::dev, FilesystemSource.Builder::dev)
        .attr("name", FilesystemSource::name, FilesystemSource.Builder::name)
        .attr("socket", FilesystemSource::socket, FilesystemSource.Builder::socket)
        .attr("pool", FilesystemSource::pool, FilesystemSource.Builder::pool)
        .attr("volume", FilesystemSource::volume, FilesystemSource.Builder::volume)
        .attr("usage", ValueType.ULONG, FilesystemSource::usage, FilesystemSource.Builder::usage)
        .attr("units", FilesystemSource::units, FilesystemSource.Builder::units));

  public static final ElementCodec<Filesystem, Filesystem.Builder> FILESYSTEM =
      ElementCodec.lazy(() -> ElementCodec.of("filesystem", Filesystem.Builder::new, Filesystem.Builder::build, Filesystem::unmodeled, Filesystem.Builder::unmodeled)
        .attr("type", Filesystem::type, Filesystem.Builder::type)
        .attr("accessmode", Filesystem::accessmode, Filesystem.Builder::accessmode)
        .attr("model", Filesystem::model, Filesystem.Builder::model)
        .attr("multidevs", Filesystem::multidevs, Filesystem.Builder::multidevs)
        .attr("fmode", Filesystem::fmode, Filesystem.Builder::fmode)
        .attr("dmode", Filesystem::dmode, Filesystem.Builder::dmode)
        .child("driver", FILESYSTEM_DRIVER, Filesystem::driver, Filesystem.Builder::driver)
        .child("binary", FILESYSTEM_BINARY, Filesystem::binary, Filesystem.Builder::binary)
        .child("source", FILESYSTEM_SOURCE, Filesystem::source, Filesystem.Builder::source)
        .attrChild("target", "dir", Filesystem::targetDir, Filesystem.Builder::targetDir)
        .flag("readonly", Filesystem::readonly, Filesystem.Builder::readonly)
        .child("space_hard_limit", SizeCodec.storage("space_hard_limit"), Filesystem::spaceHardLimit, Filesystem.Builder::spaceHardLimit)
        .child("space_soft_limit", SizeCodec.storage("space_soft_limit"), Filesystem::spaceSoftLimit, Filesystem.Builder::spaceSoftLimit)
        .child("boot", BOOT, Filesystem::boot, Filesystem.Builder::boot)
        .attrChild("alias", "name", Filesystem::alias, Filesystem.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, Filesystem::acpiIndex, Filesystem.Builder::acpiIndex)
        .child("address", CommonCodecs.ADDRESS, Filesystem::address, Filesystem.Builder::address));

  // ------------------------------------------------------------------ hostdev

  public static final ElementCodec<HostdevSourceAddress, HostdevSourceAddress.Builder> HOSTDEV_SOURCE_ADDRESS =
      ElementCodec.lazy(() -> ElementCodec.of("address", HostdevSourceAddress.Builder::new, HostdevSourceAddress.Builder::build, HostdevSourceAddress::unmodeled, HostdevSourceAddress.Builder::unmodeled)
        .attr("type", HostdevSourceAddress::type, HostdevSourceAddress.Builder::type)
        .attr("domain", HostdevSourceAddress::domain, HostdevSourceAddress.Builder::domain)
        .attr("bus", HostdevSourceAddress::bus, HostdevSourceAddress.Builder::bus)
        .attr("slot", HostdevSourceAddress::slot, HostdevSourceAddress.Builder::slot)
        .attr("function", HostdevSourceAddress::function, HostdevSourceAddress.Builder::function)
        .attr("device", HostdevSourceAddress::device, HostdevSourceAddress.Builder::device)
        .attr("target", HostdevSourceAddress::target, HostdevSourceAddress.Builder::target)
        .attr("unit", HostdevSourceAddress::unit, HostdevSourceAddress.Builder::unit)
        .attr("uuid", HostdevSourceAddress::uuid, HostdevSourceAddress.Builder::uuid));

  public static final ElementCodec<HostdevSource, HostdevSource.Builder> HOSTDEV_SOURCE =
      ElementCodec.lazy(() -> ElementCodec.of("source", HostdevSource.Builder::new, HostdevSource.Builder::build, HostdevSource::unmodeled, HostdevSource.Builder::unmodeled)
        .attr("startupPolicy", HostdevSource::startupPolicy, HostdevSource.Builder::startupPolicy)
        .attr("guestReset", HostdevSource::guestReset, HostdevSource.Builder::guestReset)
        .attr("writeFiltering", ValueType.YES_NO, HostdevSource::writeFiltering, HostdevSource.Builder::writeFiltering)
        .attr("protocol", HostdevSource::protocol, HostdevSource.Builder::protocol)
        .attr("name", HostdevSource::name, HostdevSource.Builder::name)
        .attr("wwpn", HostdevSource::wwpn, HostdevSource.Builder::wwpn)
        .attrChild("vendor", "id", HostdevSource::vendor, HostdevSource.Builder::vendor)
        .attrChild("product", "id", HostdevSource::product, HostdevSource.Builder::product)
        .attrChild("adapter", "name", HostdevSource::adapter, HostdevSource.Builder::adapter)
        .child("address", HOSTDEV_SOURCE_ADDRESS, HostdevSource::address, HostdevSource.Builder::address)
        .list("host", CommonCodecs.SOURCE_HOST, HostdevSource::hosts, HostdevSource.Builder::hosts)
        .child("auth", CommonCodecs.AUTH, HostdevSource::auth, HostdevSource.Builder::auth)
        .child("initiator", DISK_INITIATOR, HostdevSource::initiator, HostdevSource.Builder::initiator)
        .textChild("block", HostdevSource::block, HostdevSource.Builder::block)
        .textChild("char", HostdevSource::charDevice, HostdevSource.Builder::charDevice)
        .textChild("interface", HostdevSource::interfaceName, HostdevSource.Builder::interfaceName));

  public static final ElementCodec<HostdevOrigStates, HostdevOrigStates.Builder> HOSTDEV_ORIG_STATES =
      ElementCodec.lazy(() -> ElementCodec.of("origstates", HostdevOrigStates.Builder::new, HostdevOrigStates.Builder::build, HostdevOrigStates::unmodeled, HostdevOrigStates.Builder::unmodeled)
        .flag("unbind", HostdevOrigStates::unbind, HostdevOrigStates.Builder::unbind)
        .flag("removeslot", HostdevOrigStates::removeslot, HostdevOrigStates.Builder::removeslot)
        .flag("reprobe", HostdevOrigStates::reprobe, HostdevOrigStates.Builder::reprobe));

  public static final ElementCodec<HostdevRom, HostdevRom.Builder> HOSTDEV_ROM =
      ElementCodec.lazy(() -> ElementCodec.of("rom", HostdevRom.Builder::new, HostdevRom.Builder::build, HostdevRom::unmodeled, HostdevRom.Builder::unmodeled)
        .attr("enabled", ValueType.YES_NO, HostdevRom::enabled, HostdevRom.Builder::enabled)
        .attr("bar", ValueType.ON_OFF, HostdevRom::bar, HostdevRom.Builder::bar)
        .attr("file", HostdevRom::file, HostdevRom.Builder::file));

  public static final ElementCodec<HostdevTeaming, HostdevTeaming.Builder> HOSTDEV_TEAMING =
      ElementCodec.lazy(() -> ElementCodec.of("teaming", HostdevTeaming.Builder::new, HostdevTeaming.Builder::build, HostdevTeaming::unmodeled, HostdevTeaming.Builder::unmodeled)
        .attr("type", HostdevTeaming::type, HostdevTeaming.Builder::type)
        .attr("persistent", HostdevTeaming::persistent, HostdevTeaming.Builder::persistent));

  public static final ElementCodec<Hostdev, Hostdev.Builder> HOSTDEV =
      ElementCodec.lazy(() -> ElementCodec.of("hostdev", Hostdev.Builder::new, Hostdev.Builder::build, Hostdev::unmodeled, Hostdev.Builder::unmodeled)
        .attr("mode", Hostdev::mode, Hostdev.Builder::mode)
        .attr("type", Hostdev::type, Hostdev.Builder::type)
        .attr("managed", ValueType.YES_NO, Hostdev::managed, Hostdev.Builder::managed)
        .attr("model", Hostdev::model, Hostdev.Builder::model)
        .attr("display", ValueType.ON_OFF, Hostdev::display, Hostdev.Builder::display)
        .attr("ramfb", ValueType.ON_OFF, Hostdev::ramfb, Hostdev.Builder::ramfb)
        .attr("sgio", Hostdev::sgio, Hostdev.Builder::sgio)
        .attr("rawio", ValueType.YES_NO, Hostdev::rawio, Hostdev.Builder::rawio)
        .attrChild("driver", "name", Hostdev::driverName, Hostdev.Builder::driverName)
        .child("source", HOSTDEV_SOURCE, Hostdev::source, Hostdev.Builder::source)
        .child("origstates", HOSTDEV_ORIG_STATES, Hostdev::origstates, Hostdev.Builder::origstates)
        .flag("readonly", Hostdev::readonly, Hostdev.Builder::readonly)
        .flag("shareable", Hostdev::shareable, Hostdev.Builder::shareable)
        .child("boot", BOOT, Hostdev::boot, Hostdev.Builder::boot)
        .attrChild("alias", "name", Hostdev::alias, Hostdev.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, Hostdev::acpiIndex, Hostdev.Builder::acpiIndex)
        .child("rom", HOSTDEV_ROM, Hostdev::rom, Hostdev.Builder::rom)
        .child("teaming", HOSTDEV_TEAMING, Hostdev::teaming, Hostdev.Builder::teaming)
        .child("address", CommonCodecs.ADDRESS, Hostdev::address, Hostdev.Builder::address));

  // ------------------------------------------------------------------ redirdev, redirfilter, lease, smartcard, hub, nvram

  public static final ElementCodec<RedirdevSource, RedirdevSource.Builder> REDIRDEV_SOURCE =
      ElementCodec.lazy(() -> ElementCodec.of("source", RedirdevSource.Builder::new, RedirdevSource.Builder::build, RedirdevSource::unmodeled, RedirdevSource.Builder::unmodeled)
        .attr("mode", RedirdevSource::mode, RedirdevSource.Builder::mode)
        .attr("host", RedirdevSource::host, RedirdevSource.Builder::host)
        .attr("service", RedirdevSource::service, RedirdevSource.Builder::service)
        .attr("path", RedirdevSource::path, RedirdevSource.Builder::path));

  public static final ElementCodec<Redirdev, Redirdev.Builder> REDIRDEV =
      ElementCodec.lazy(() -> ElementCodec.of("redirdev", Redirdev.Builder::new, Redirdev.Builder::build, Redirdev::unmodeled, Redirdev.Builder::unmodeled)
        .attr("bus", Redirdev::bus, Redirdev.Builder::bus)
        .attr("type", Redirdev::type, Redirdev.Builder::type)
        .child("source", REDIRDEV_SOURCE, Redirdev::source, Redirdev.Builder::source)
        .attrChild("protocol", "type", Redirdev::protocol, Redirdev.Builder::protocol)
        .child("boot", BOOT, Redirdev::boot, Redirdev.Builder::boot)
        .attrChild("alias", "name", Redirdev::alias, Redirdev.Builder::alias)
        .child("address", CommonCodecs.ADDRESS, Redirdev::address, Redirdev.Builder::address));

  public static final ElementCodec<RedirfilterUsbdev, RedirfilterUsbdev.Builder> REDIRFILTER_USBDEV =
      ElementCodec.lazy(() -> ElementCodec.of("usbdev", RedirfilterUsbdev.Builder::new, RedirfilterUsbdev.Builder::build, RedirfilterUsbdev::unmodeled, RedirfilterUsbdev.Builder::unmodeled)
        .attr("class", RedirfilterUsbdev::usbClass, RedirfilterUsbdev.Builder::usbClass)
        .attr("vendor", RedirfilterUsbdev::vendor, RedirfilterUsbdev.Builder::vendor)
        .attr("product", RedirfilterUsbdev::product, RedirfilterUsbdev.Builder::product)
        .attr("version", RedirfilterUsbdev::version, RedirfilterUsbdev.Builder::version)
        .attr("allow", ValueType.YES_NO, RedirfilterUsbdev::allow, RedirfilterUsbdev.Builder::allow));

  public static final ElementCodec<Redirfilter, Redirfilter.Builder> REDIRFILTER =
      ElementCodec.lazy(() -> ElementCodec.of("redirfilter", Redirfilter.Builder::new, Redirfilter.Builder::build, Redirfilter::unmodeled, Redirfilter.Builder::unmodeled)
        .list("usbdev", REDIRFILTER_USBDEV, Redirfilter::usbdevs, Redirfilter.Builder::usbdevs));

  public static final ElementCodec<LeaseTarget, LeaseTarget.Builder> LEASE_TARGET =
      ElementCodec.lazy(() -> ElementCodec.of("target", LeaseTarget.Builder::new, LeaseTarget.Builder::build, LeaseTarget::unmodeled, LeaseTarget.Builder::unmodeled)
        .attr("path", LeaseTarget::path, LeaseTarget.Builder::path)
        .attr("offset", ValueType.ULONG, LeaseTarget::offset, LeaseTarget.Builder::offset));

  public static final ElementCodec<Lease, Lease.Builder> LEASE =
      ElementCodec.lazy(() -> ElementCodec.of("lease", Lease.Builder::new, Lease.Builder::build, Lease::unmodeled, Lease.Builder::unmodeled)
        .textChild("lockspace", Lease::lockspace, Lease.Builder::lockspace)
        .textChild("key", Lease::key, Lease.Builder::key)
        .child("target", LEASE_TARGET, Lease::target, Lease.Builder::target));

  public static final ElementCodec<SmartcardSource, SmartcardSource.Builder> SMARTCARD_SOURCE =
      ElementCodec.lazy(() -> ElementCodec.of("source", SmartcardSource.Builder::new, SmartcardSource.Builder::build, SmartcardSource::unmodeled, SmartcardSource.Builder::unmodeled)
        .attr("mode", SmartcardSource::mode, SmartcardSource.Builder::mode)
        .attr("host", SmartcardSource::host, SmartcardSource.Builder::host)
        .attr("service", SmartcardSource::service, SmartcardSource.Builder::service)
        .attr("path", SmartcardSource::path, SmartcardSource.Builder::path));

  public static final ElementCodec<Smartcard, Smartcard.Builder> SMARTCARD =
      ElementCodec.lazy(() -> ElementCodec.of("smartcard", Smartcard.Builder::new, Smartcard.Builder::build, Smartcard::unmodeled, Smartcard.Builder::unmodeled)
        .attr("mode", Smartcard::mode, Smartcard.Builder::mode)
        .attr("type", Smartcard::type, Smartcard.Builder::type)
        .textList("certificate", Smartcard::certificates, Smartcard.Builder::certificates)
        .textChild("database", Smartcard::database, Smartcard.Builder::database)
        .child("source", SMARTCARD_SOURCE, Smartcard::source, Smartcard.Builder::source)
        .attrChild("protocol", "type", Smartcard::protocol, Smartcard.Builder::protocol)
        .attrChild("alias", "name", Smartcard::alias, Smartcard.Builder::alias)
        .child("address", CommonCodecs.ADDRESS, Smartcard::address, Smartcard.Builder::address));

  public static final ElementCodec<Hub, Hub.Builder> HUB =
      ElementCodec.lazy(() -> ElementCodec.of("hub", Hub.Builder::new, Hub.Builder::build, Hub::unmodeled, Hub.Builder::unmodeled)
        .attr("type", Hub::type, Hub.Builder::type)
        .attrChild("alias", "name", Hub::alias, Hub.Builder::alias)
        .child("address", CommonCodecs.ADDRESS, Hub::address, Hub.Builder::address));

  public static final ElementCodec<NvramDevice, NvramDevice.Builder> NVRAM_DEVICE =
      ElementCodec.lazy(() -> ElementCodec.of("nvram", NvramDevice.Builder::new, NvramDevice.Builder::build, NvramDevice::unmodeled, NvramDevice.Builder::unmodeled)
        .attrChild("alias", "name", NvramDevice::alias, NvramDevice.Builder::alias)
        .child("address", CommonCodecs.ADDRESS, NvramDevice::address, NvramDevice.Builder::address));

  // ------------------------------------------------------------------ helpers

  private static <C> Optional<List<C>> nonEmpty(List<C> l) { return l.isEmpty() ? Optional.empty() : Optional.of(l); }

  /** A wrapper element holding only a list of {@code item} elements, such as {@code <slices><slice/></slices>}. */
  private static final class Wrapped<C> implements Codec<List<C>> {
    private final String name;
    private final String item;
    private final Codec<C> codec;

    Wrapped(String name, String item, Codec<C> codec) {
      this.name = name;
      this.item = item;
      this.codec = codec;
    }

    @Override public List<C> read(XmlElement e, XPath path) {
      if (e.attrCount() > 0 || e.text() != null || e.children().isEmpty()) return null;
      List<C> out = new ArrayList<>();
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
      for (C c : v) b.child(codec.write(c));
      return b.build();
    }

    @Override public void unmodeled(List<C> v, String path, List<String> out) {
      for (C c : v) codec.unmodeled(c, path + "/" + item, out);
    }
  }
}
