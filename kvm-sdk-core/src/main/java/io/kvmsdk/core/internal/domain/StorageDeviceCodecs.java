package io.kvmsdk.core.internal.domain;

import io.kvmsdk.core.domain.*;
import io.kvmsdk.core.internal.xml.ElementCodec;
import io.kvmsdk.core.internal.xml.ValueType;

/** Element mappings for storage and passthrough devices (disk, controller, filesystem, hostdev, redirdev, ...). */
public final class StorageDeviceCodecs {
  private StorageDeviceCodecs() {}

  public static final ElementCodec<Disk, Disk.Builder> DISK =
      ElementCodec.of("disk", Disk.Builder::new, Disk.Builder::build, Disk::unmodeled, Disk.Builder::unmodeled)
        .attr("type", Disk::type, Disk.Builder::type)
        .attr("device", Disk::device, Disk.Builder::device)
        .attr("model", Disk::model, Disk.Builder::model)
        .attr("rawio", ValueType.YES_NO, Disk::rawio, Disk.Builder::rawio)
        .attr("sgio", Disk::sgio, Disk.Builder::sgio)
        .attr("snapshot", Disk::snapshot, Disk.Builder::snapshot)
        .attrChild("alias", "name", Disk::alias, Disk.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Disk::address, Disk.Builder::address);

  public static final ElementCodec<Controller, Controller.Builder> CONTROLLER =
      ElementCodec.of("controller", Controller.Builder::new, Controller.Builder::build, Controller::unmodeled, Controller.Builder::unmodeled)
        .attr("type", Controller::type, Controller.Builder::type)
        .attr("index", ValueType.UINT, Controller::index, Controller.Builder::index)
        .attr("model", Controller::model, Controller.Builder::model)
        .attr("ports", ValueType.UINT, Controller::ports, Controller.Builder::ports)
        .attr("vectors", ValueType.UINT, Controller::vectors, Controller.Builder::vectors)
        .attr("maxGrantFrames", ValueType.UINT, Controller::maxGrantFrames, Controller.Builder::maxGrantFrames)
        .attr("maxEventChannels", ValueType.UINT, Controller::maxEventChannels, Controller.Builder::maxEventChannels)
        .attrChild("alias", "name", Controller::alias, Controller.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Controller::address, Controller.Builder::address);

  public static final ElementCodec<Filesystem, Filesystem.Builder> FILESYSTEM =
      ElementCodec.of("filesystem", Filesystem.Builder::new, Filesystem.Builder::build, Filesystem::unmodeled, Filesystem.Builder::unmodeled)
        .attr("type", Filesystem::type, Filesystem.Builder::type)
        .attr("accessmode", Filesystem::accessmode, Filesystem.Builder::accessmode)
        .attr("model", Filesystem::model, Filesystem.Builder::model)
        .attr("multidevs", Filesystem::multidevs, Filesystem.Builder::multidevs)
        .attr("fmode", Filesystem::fmode, Filesystem.Builder::fmode)
        .attr("dmode", Filesystem::dmode, Filesystem.Builder::dmode)
        .attrChild("alias", "name", Filesystem::alias, Filesystem.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Filesystem::address, Filesystem.Builder::address);

  public static final ElementCodec<Hostdev, Hostdev.Builder> HOSTDEV =
      ElementCodec.of("hostdev", Hostdev.Builder::new, Hostdev.Builder::build, Hostdev::unmodeled, Hostdev.Builder::unmodeled)
        .attr("mode", Hostdev::mode, Hostdev.Builder::mode)
        .attr("type", Hostdev::type, Hostdev.Builder::type)
        .attr("managed", ValueType.YES_NO, Hostdev::managed, Hostdev.Builder::managed)
        .attr("model", Hostdev::model, Hostdev.Builder::model)
        .attr("display", ValueType.ON_OFF, Hostdev::display, Hostdev.Builder::display)
        .attr("ramfb", ValueType.ON_OFF, Hostdev::ramfb, Hostdev.Builder::ramfb)
        .attrChild("alias", "name", Hostdev::alias, Hostdev.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Hostdev::address, Hostdev.Builder::address);

  public static final ElementCodec<Redirdev, Redirdev.Builder> REDIRDEV =
      ElementCodec.of("redirdev", Redirdev.Builder::new, Redirdev.Builder::build, Redirdev::unmodeled, Redirdev.Builder::unmodeled)
        .attr("bus", Redirdev::bus, Redirdev.Builder::bus)
        .attr("type", Redirdev::type, Redirdev.Builder::type)
        .attrChild("alias", "name", Redirdev::alias, Redirdev.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Redirdev::address, Redirdev.Builder::address);

  public static final ElementCodec<Redirfilter, Redirfilter.Builder> REDIRFILTER =
      ElementCodec.of("redirfilter", Redirfilter.Builder::new, Redirfilter.Builder::build, Redirfilter::unmodeled, Redirfilter.Builder::unmodeled)
;

  public static final ElementCodec<Lease, Lease.Builder> LEASE =
      ElementCodec.of("lease", Lease.Builder::new, Lease.Builder::build, Lease::unmodeled, Lease.Builder::unmodeled)
;

  public static final ElementCodec<Smartcard, Smartcard.Builder> SMARTCARD =
      ElementCodec.of("smartcard", Smartcard.Builder::new, Smartcard.Builder::build, Smartcard::unmodeled, Smartcard.Builder::unmodeled)
        .attr("mode", Smartcard::mode, Smartcard.Builder::mode)
        .attr("type", Smartcard::type, Smartcard.Builder::type)
        .attrChild("alias", "name", Smartcard::alias, Smartcard.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Smartcard::address, Smartcard.Builder::address);

  public static final ElementCodec<Hub, Hub.Builder> HUB =
      ElementCodec.of("hub", Hub.Builder::new, Hub.Builder::build, Hub::unmodeled, Hub.Builder::unmodeled)
        .attr("type", Hub::type, Hub.Builder::type)
        .attrChild("alias", "name", Hub::alias, Hub.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Hub::address, Hub.Builder::address);

  public static final ElementCodec<NvramDevice, NvramDevice.Builder> NVRAM_DEVICE =
      ElementCodec.of("nvram", NvramDevice.Builder::new, NvramDevice.Builder::build, NvramDevice::unmodeled, NvramDevice.Builder::unmodeled)
        .attrChild("alias", "name", NvramDevice::alias, NvramDevice.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, NvramDevice::address, NvramDevice.Builder::address);
}
