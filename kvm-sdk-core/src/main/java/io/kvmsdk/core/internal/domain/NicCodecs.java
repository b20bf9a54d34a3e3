package io.kvmsdk.core.internal.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.domain.*;
import io.kvmsdk.core.xml.ElementCodec;
import io.kvmsdk.core.xml.ValueType;

/** Element mappings for network interfaces and the display/input/sound devices. */
public final class NicCodecs {
  private NicCodecs() {}

  // ------------------------------------------------------------------ <interface>

  static final ElementCodec<NicMac, NicMac.Builder> MAC =
      ElementCodec.lazy(() -> ElementCodec.of("mac", NicMac.Builder::new, NicMac.Builder::build, NicMac::unmodeled, NicMac.Builder::unmodeled)
        .attr("address", NicMac::address, NicMac.Builder::address)
        .attr("type", NicMac::type, NicMac.Builder::type)
        .attr("check", ValueType.YES_NO, NicMac::check, NicMac.Builder::check));

  static final ElementCodec<NicIp, NicIp.Builder> IP =
      ElementCodec.lazy(() -> ElementCodec.of("ip", NicIp.Builder::new, NicIp.Builder::build, NicIp::unmodeled, NicIp.Builder::unmodeled)
        .attr("address", NicIp::address, NicIp.Builder::address)
        .attr("family", NicIp::family, NicIp.Builder::family)
        .attr("prefix", ValueType.UINT, NicIp::prefix, NicIp.Builder::prefix)
        .attr("peer", NicIp::peer, NicIp.Builder::peer));

  static final ElementCodec<NicRoute, NicRoute.Builder> ROUTE =
      ElementCodec.lazy(() -> ElementCodec.of("route", NicRoute.Builder::new, NicRoute.Builder::build, NicRoute::unmodeled, NicRoute.Builder::unmodeled)
        .attr("family", NicRoute::family, NicRoute.Builder::family)
        .attr("address", NicRoute::address, NicRoute.Builder::address)
        .attr("netmask", NicRoute::netmask, NicRoute.Builder::netmask)
        .attr("prefix", ValueType.UINT, NicRoute::prefix, NicRoute.Builder::prefix)
        .attr("gateway", NicRoute::gateway, NicRoute.Builder::gateway)
        .attr("metric", ValueType.UINT, NicRoute::metric, NicRoute.Builder::metric));

  static final ElementCodec<NicSourceLocal, NicSourceLocal.Builder> SOURCE_LOCAL =
      ElementCodec.lazy(() -> ElementCodec.of("local", NicSourceLocal.Builder::new, NicSourceLocal.Builder::build, NicSourceLocal::unmodeled, NicSourceLocal.Builder::unmodeled)
        .attr("address", NicSourceLocal::address, NicSourceLocal.Builder::address)
        .attr("port", ValueType.INT, NicSourceLocal::port, NicSourceLocal.Builder::port));

  static final ElementCodec<NicSourceReconnect, NicSourceReconnect.Builder> SOURCE_RECONNECT =
      ElementCodec.lazy(() -> ElementCodec.of("reconnect", NicSourceReconnect.Builder::new, NicSourceReconnect.Builder::build, NicSourceReconnect::unmodeled, NicSourceReconnect.Builder::unmodeled)
        .attr("enabled", ValueType.YES_NO, NicSourceReconnect::enabled, NicSourceReconnect.Builder::enabled)
        .attr("timeout", ValueType.UINT, NicSourceReconnect::timeout, NicSourceReconnect.Builder::timeout));

  static final ElementCodec<NicSource, NicSource.Builder> SOURCE =
      ElementCodec.lazy(() -> ElementCodec.of("source", NicSource.Builder::new, NicSource.Builder::build, NicSource::unmodeled, NicSource.Builder::unmodeled)
        .attr("network", NicSource::network, NicSource.Builder::network)
        .attr("portgroup", NicSource::portgroup, NicSource.Builder::portgroup)
        .attr("portid", NicSource::portid, NicSource.Builder::portid)
        .attr("bridge", NicSource::bridge, NicSource.Builder::bridge)
        .attr("macTableManager", NicSource::macTableManager, NicSource.Builder::macTableManager)
        .attr("dev", NicSource::dev, NicSource.Builder::dev)
        .attr("type", NicSource::type, NicSource.Builder::type)
        .attr("path", NicSource::path, NicSource.Builder::path)
        .attr("mode", NicSource::mode, NicSource.Builder::mode)
        .attr("address", NicSource::address, NicSource.Builder::address)
        .attr("port", ValueType.INT, NicSource::port, NicSource.Builder::port)
        .attr("name", NicSource::name, NicSource.Builder::name)
        .attr("switchid", NicSource::switchid, NicSource.Builder::switchid)
        .attr("portgroupid", NicSource::portgroupid, NicSource.Builder::portgroupid)
        .attr("connectionid", NicSource::connectionid, NicSource.Builder::connectionid)
        .attr("missing", ValueType.YES_NO, NicSource::missing, NicSource.Builder::missing)
        .child("local", SOURCE_LOCAL, NicSource::local, NicSource.Builder::local)
        .child("reconnect", SOURCE_RECONNECT, NicSource::reconnect, NicSource.Builder::reconnect)
        .list("ip", IP, NicSource::ips, NicSource.Builder::ips)
        .list("route", ROUTE, NicSource::routes, NicSource.Builder::routes)
        .attrChild("vendor", "id", NicSource::vendorId, NicSource.Builder::vendorId)
        .attrChild("product", "id", NicSource::productId, NicSource.Builder::productId)
        .child("address", CommonCodecs.ADDRESS, NicSource::deviceAddress, NicSource.Builder::deviceAddress));

  static final ElementCodec<NicPortForwardRange, NicPortForwardRange.Builder> PORT_FORWARD_RANGE =
      ElementCodec.lazy(() -> ElementCodec.of("range", NicPortForwardRange.Builder::new, NicPortForwardRange.Builder::build, NicPortForwardRange::unmodeled, NicPortForwardRange.Builder::unmodeled)
        .attr("start", ValueType.INT, NicPortForwardRange::start, NicPortForwardRange.Builder::start)
        .attr("end", ValueType.INT, NicPortForwardRange::end, NicPortForwardRange.Builder::end)
        .attr("to", ValueType.INT, NicPortForwardRange::to, NicPortForwardRange.Builder::to)
        .attr("exclude", ValueType.YES_NO, NicPortForwardRange::exclude, NicPortForwardRange.Builder::exclude));

  static final ElementCodec<NicPortForward, NicPortForward.Builder> PORT_FORWARD =
      ElementCodec.lazy(() -> ElementCodec.of("portForward", NicPortForward.Builder::new, NicPortForward.Builder::build, NicPortForward::unmodeled, NicPortForward.Builder::unmodeled)
        .attr("proto", NicPortForward::proto, NicPortForward.Builder::proto)
        .attr("address", NicPortForward::address, NicPortForward.Builder::address)
        .attr("dev", NicPortForward::dev, NicPortForward.Builder::dev)
        .list("range", PORT_FORWARD_RANGE, NicPortForward::ranges, NicPortForward.Builder::ranges));

  static final ElementCodec<NicTarget, NicTarget.Builder> TARGET =
      ElementCodec.lazy(() -> ElementCodec.of("target", NicTarget.Builder::new, NicTarget.Builder::build, NicTarget::unmodeled, NicTarget.Builder::unmodeled)
        .attr("dev", NicTarget::dev, NicTarget.Builder::dev)
        .attr("managed", ValueType.YES_NO, NicTarget::managed, NicTarget.Builder::managed));

  static final ElementCodec<NicGuest, NicGuest.Builder> GUEST =
      ElementCodec.lazy(() -> ElementCodec.of("guest", NicGuest.Builder::new, NicGuest.Builder::build, NicGuest::unmodeled, NicGuest.Builder::unmodeled)
        .attr("dev", NicGuest::dev, NicGuest.Builder::dev)
        .attr("actual", NicGuest::actual, NicGuest.Builder::actual));

  static final ElementCodec<NicDriverHost, NicDriverHost.Builder> DRIVER_HOST =
      ElementCodec.lazy(() -> ElementCodec.of("host", NicDriverHost.Builder::new, NicDriverHost.Builder::build, NicDriverHost::unmodeled, NicDriverHost.Builder::unmodeled)
        .attr("csum", ValueType.ON_OFF, NicDriverHost::csum, NicDriverHost.Builder::csum)
        .attr("gso", ValueType.ON_OFF, NicDriverHost::gso, NicDriverHost.Builder::gso)
        .attr("tso4", ValueType.ON_OFF, NicDriverHost::tso4, NicDriverHost.Builder::tso4)
        .attr("tso6", ValueType.ON_OFF, NicDriverHost::tso6, NicDriverHost.Builder::tso6)
        .attr("ecn", ValueType.ON_OFF, NicDriverHost::ecn, NicDriverHost.Builder::ecn)
        .attr("ufo", ValueType.ON_OFF, NicDriverHost::ufo, NicDriverHost.Builder::ufo)
        .attr("mrg_rxbuf", ValueType.ON_OFF, NicDriverHost::mrgRxbuf, NicDriverHost.Builder::mrgRxbuf));

  static final ElementCodec<NicDriverGuest, NicDriverGuest.Builder> DRIVER_GUEST =
      ElementCodec.lazy(() -> ElementCodec.of("guest", NicDriverGuest.Builder::new, NicDriverGuest.Builder::build, NicDriverGuest::unmodeled, NicDriverGuest.Builder::unmodeled)
        .attr("csum", ValueType.ON_OFF, NicDriverGuest::csum, NicDriverGuest.Builder::csum)
        .attr("tso4", ValueType.ON_OFF, NicDriverGuest::tso4, NicDriverGuest.Builder::tso4)
        .attr("tso6", ValueType.ON_OFF, NicDriverGuest::tso6, NicDriverGuest.Builder::tso6)
        .attr("ecn", ValueType.ON_OFF, NicDriverGuest::ecn, NicDriverGuest.Builder::ecn)
        .attr("ufo", ValueType.ON_OFF, NicDriverGuest::ufo, NicDriverGuest.Builder::ufo));

  static final ElementCodec<NicDriver, NicDriver.Builder> DRIVER =
      ElementCodec.lazy(() -> ElementCodec.of("driver", NicDriver.Builder::new, NicDriver.Builder::build, NicDriver::unmodeled, NicDriver.Builder::unmodeled)
        .attr("name", NicDriver::name, NicDriver.Builder::name)
        .attr("queues", ValueType.UINT, NicDriver::queues, NicDriver.Builder::queues)
        .attr("rx_queue_size", ValueType.UINT, NicDriver::rxQueueSize, NicDriver.Builder::rxQueueSize)
        .attr("tx_queue_size", ValueType.UINT, NicDriver::txQueueSize, NicDriver.Builder::txQueueSize)
        .attr("txmode", NicDriver::txmode, NicDriver.Builder::txmode)
        .attr("ioeventfd", ValueType.ON_OFF, NicDriver::ioeventfd, NicDriver.Builder::ioeventfd)
        .attr("event_idx", ValueType.ON_OFF, NicDriver::eventIdx, NicDriver.Builder::eventIdx)
        .attr("iommu", ValueType.ON_OFF, NicDriver::iommu, NicDriver.Builder::iommu)
        .attr("ats", ValueType.ON_OFF, NicDriver::ats, NicDriver.Builder::ats)
        .attr("packed", ValueType.ON_OFF, NicDriver::packed, NicDriver.Builder::packed)
        .attr("page_per_vq", ValueType.ON_OFF, NicDriver::pagePerVq, NicDriver.Builder::pagePerVq)
        .attr("rss", ValueType.ON_OFF, NicDriver::rss, NicDriver.Builder::rss)
        .attr("rss_hash_report", ValueType.ON_OFF, NicDriver::rssHashReport, NicDriver.Builder::rssHashReport)
        .child("host", DRIVER_HOST, NicDriver::host, NicDriver.Builder::host)
        .child("guest", DRIVER_GUEST, NicDriver::guest, NicDriver.Builder::guest));

  static final ElementCodec<NicBackend, NicBackend.Builder> BACKEND =
      ElementCodec.lazy(() -> ElementCodec.of("backend", NicBackend.Builder::new, NicBackend.Builder::build, NicBackend::unmodeled, NicBackend.Builder::unmodeled)
        .attr("type", NicBackend::type, NicBackend.Builder::type)
        .attr("tap", NicBackend::tap, NicBackend.Builder::tap)
        .attr("vhost", NicBackend::vhost, NicBackend.Builder::vhost)
        .attr("logFile", NicBackend::logFile, NicBackend.Builder::logFile));

  static final ElementCodec<NicFilterParameter, NicFilterParameter.Builder> FILTER_PARAMETER =
      ElementCodec.lazy(() -> ElementCodec.of("parameter", NicFilterParameter.Builder::new, NicFilterParameter.Builder::build, NicFilterParameter::unmodeled, NicFilterParameter.Builder::unmodeled)
        .attr("name", NicFilterParameter::name, NicFilterParameter.Builder::name)
        .attr("value", NicFilterParameter::value, NicFilterParameter.Builder::value));

  /** {@code <filterref>} (nwfilter_params.rng): shared with the nwfilter and filterbinding documents. */
  public static final ElementCodec<NicFilterRef, NicFilterRef.Builder> FILTERREF =
      ElementCodec.lazy(() -> ElementCodec.of("filterref", NicFilterRef.Builder::new, NicFilterRef.Builder::build, NicFilterRef::unmodeled, NicFilterRef.Builder::unmodeled)
        .attr("filter", NicFilterRef::filter, NicFilterRef.Builder::filter)
        .list("parameter", FILTER_PARAMETER, NicFilterRef::parameters, NicFilterRef.Builder::parameters));

  static final ElementCodec<NicTune, NicTune.Builder> TUNE =
      ElementCodec.lazy(() -> ElementCodec.of("tune", NicTune.Builder::new, NicTune.Builder::build, NicTune::unmodeled, NicTune.Builder::unmodeled)
        .textChild("sndbuf", ValueType.ULONG, NicTune::sndbuf, NicTune.Builder::sndbuf));

  static final ElementCodec<NicTeaming, NicTeaming.Builder> TEAMING =
      ElementCodec.lazy(() -> ElementCodec.of("teaming", NicTeaming.Builder::new, NicTeaming.Builder::build, NicTeaming::unmodeled, NicTeaming.Builder::unmodeled)
        .attr("type", NicTeaming::type, NicTeaming.Builder::type)
        .attr("persistent", NicTeaming::persistent, NicTeaming.Builder::persistent));

  static final ElementCodec<NicCoalesceRx, NicCoalesceRx.Builder> COALESCE_RX =
      ElementCodec.lazy(() -> ElementCodec.of("rx", NicCoalesceRx.Builder::new, NicCoalesceRx.Builder::build, NicCoalesceRx::unmodeled, NicCoalesceRx.Builder::unmodeled)
        .attrChild("frames", "max", ValueType.UINT, NicCoalesceRx::framesMax, NicCoalesceRx.Builder::framesMax));

  static final ElementCodec<NicCoalesce, NicCoalesce.Builder> COALESCE =
      ElementCodec.lazy(() -> ElementCodec.of("coalesce", NicCoalesce.Builder::new, NicCoalesce.Builder::build, NicCoalesce::unmodeled, NicCoalesce.Builder::unmodeled)
        .child("rx", COALESCE_RX, NicCoalesce::rx, NicCoalesce.Builder::rx));

  static final ElementCodec<NicBoot, NicBoot.Builder> BOOT =
      ElementCodec.lazy(() -> ElementCodec.of("boot", NicBoot.Builder::new, NicBoot.Builder::build, NicBoot::unmodeled, NicBoot.Builder::unmodeled)
        .attr("order", ValueType.UINT, NicBoot::order, NicBoot.Builder::order)
        .attr("loadparm", NicBoot::loadparm, NicBoot.Builder::loadparm));

  static final ElementCodec<NicRom, NicRom.Builder> ROM =
      ElementCodec.lazy(() -> ElementCodec.of("rom", NicRom.Builder::new, NicRom.Builder::build, NicRom::unmodeled, NicRom.Builder::unmodeled)
        .attr("enabled", ValueType.YES_NO, NicRom::enabled, NicRom.Builder::enabled)
        .attr("bar", ValueType.ON_OFF, NicRom::bar, NicRom.Builder::bar)
        .attr("file", NicRom::file, NicRom.Builder::file));

  public static final ElementCodec<Nic, Nic.Builder> NIC =
      ElementCodec.lazy(() -> ElementCodec.of("interface", Nic.Builder::new, Nic.Builder::build, Nic::unmodeled, Nic.Builder::unmodeled)
        .attr("type", Nic::type, Nic.Builder::type)
        .attr("managed", ValueType.YES_NO, Nic::managed, Nic.Builder::managed)
        .attr("trustGuestRxFilters", ValueType.YES_NO, Nic::trustGuestRxFilters, Nic.Builder::trustGuestRxFilters)
        .child("mac", MAC, Nic::mac, Nic.Builder::mac)
        .child("source", SOURCE, Nic::source, Nic.Builder::source)
        .child("vlan", CommonCodecs.VLAN, Nic::vlan, Nic.Builder::vlan)
        .child("virtualport", CommonCodecs.VIRTUALPORT, Nic::virtualport, Nic.Builder::virtualport)
        .child("bandwidth", CommonCodecs.BANDWIDTH, Nic::bandwidth, Nic.Builder::bandwidth)
        .attrChild("port", "isolated", ValueType.YES_NO, Nic::portIsolated, Nic.Builder::portIsolated)
        .list("ip", IP, Nic::ips, Nic.Builder::ips)
        .list("route", ROUTE, Nic::routes, Nic.Builder::routes)
        .list("portForward", PORT_FORWARD, Nic::portForwards, Nic.Builder::portForwards)
        .attrChild("script", "path", Nic::script, Nic.Builder::script)
        .attrChild("downscript", "path", Nic::downscript, Nic.Builder::downscript)
        .attrChild("backenddomain", "name", Nic::backenddomain, Nic.Builder::backenddomain)
        .child("target", TARGET, Nic::target, Nic.Builder::target)
        .child("guest", GUEST, Nic::guest, Nic.Builder::guest)
        .attrChild("model", "type", Nic::model, Nic.Builder::model)
        .child("driver", DRIVER, Nic::driver, Nic.Builder::driver)
        .child("backend", BACKEND, Nic::backend, Nic.Builder::backend)
        .child("filterref", FILTERREF, Nic::filterref, Nic.Builder::filterref)
        .child("tune", TUNE, Nic::tune, Nic.Builder::tune)
        .child("teaming", TEAMING, Nic::teaming, Nic.Builder::teaming)
        .attrChild("link", "state", Nic::linkState, Nic.Builder::linkState)
        .attrChild("mtu", "size", ValueType.UINT, Nic::mtu, Nic.Builder::mtu)
        .child("coalesce", COALESCE, Nic::coalesce, Nic.Builder::coalesce)
        .child("boot", BOOT, Nic::boot, Nic.Builder::boot)
        .attrChild("alias", "name", Nic::alias, Nic.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, Nic::acpiIndex, Nic.Builder::acpiIndex)
        .child("rom", ROM, Nic::rom, Nic.Builder::rom)
        .child("address", CommonCodecs.ADDRESS, Nic::address, Nic.Builder::address));

  // ------------------------------------------------------------------ <graphics>

  static final ElementCodec<GraphicsListen, GraphicsListen.Builder> GRAPHICS_LISTEN =
      ElementCodec.lazy(() -> ElementCodec.of("listen", GraphicsListen.Builder::new, GraphicsListen.Builder::build, GraphicsListen::unmodeled, GraphicsListen.Builder::unmodeled)
        .attr("type", GraphicsListen::type, GraphicsListen.Builder::type)
        .attr("address", GraphicsListen::address, GraphicsListen.Builder::address)
        .attr("network", GraphicsListen::network, GraphicsListen.Builder::network)
        .attr("socket", GraphicsListen::socket, GraphicsListen.Builder::socket)
        .attr("fromConfig", ValueType.of("'0' or '1'", s -> s.equals("1") ? Boolean.TRUE : s.equals("0") ? Boolean.FALSE : null, b -> b ? "1" : "0"),
            GraphicsListen::fromConfig, GraphicsListen.Builder::fromConfig)
        .attr("autoGenerated", ValueType.YES_NO, GraphicsListen::autoGenerated, GraphicsListen.Builder::autoGenerated));

  static final ElementCodec<GraphicsChannel, GraphicsChannel.Builder> GRAPHICS_CHANNEL =
      ElementCodec.lazy(() -> ElementCodec.of("channel", GraphicsChannel.Builder::new, GraphicsChannel.Builder::build, GraphicsChannel::unmodeled, GraphicsChannel.Builder::unmodeled)
        .attr("name", GraphicsChannel::name, GraphicsChannel.Builder::name)
        .attr("mode", GraphicsChannel::mode, GraphicsChannel.Builder::mode));

  static final ElementCodec<GraphicsGl, GraphicsGl.Builder> GRAPHICS_GL =
      ElementCodec.lazy(() -> ElementCodec.of("gl", GraphicsGl.Builder::new, GraphicsGl.Builder::build, GraphicsGl::unmodeled, GraphicsGl.Builder::unmodeled)
        .attr("enable", ValueType.YES_NO, GraphicsGl::enable, GraphicsGl.Builder::enable)
        .attr("rendernode", GraphicsGl::rendernode, GraphicsGl.Builder::rendernode));

  public static final ElementCodec<Graphics, Graphics.Builder> GRAPHICS =
      ElementCodec.lazy(() -> ElementCodec.of("graphics", Graphics.Builder::new, Graphics.Builder::build, Graphics::unmodeled, Graphics.Builder::unmodeled)
        .attr("type", Graphics::type, Graphics.Builder::type)
        .attr("port", ValueType.INT, Graphics::port, Graphics.Builder::port)
        .attr("tlsPort", ValueType.INT, Graphics::tlsPort, Graphics.Builder::tlsPort)
        .attr("autoport", ValueType.YES_NO, Graphics::autoport, Graphics.Builder::autoport)
        .attr("websocket", ValueType.INT, Graphics::websocket, Graphics.Builder::websocket)
        .attr("listen", Graphics::listen, Graphics.Builder::listen)
        .attr("socket", Graphics::socket, Graphics.Builder::socket)
        .attr("sharePolicy", Graphics::sharePolicy, Graphics.Builder::sharePolicy)
        .attr("powerControl", ValueType.YES_NO, Graphics::powerControl, Graphics.Builder::powerControl)
        .attr("passwd", Graphics::passwd, Graphics.Builder::passwd)
        .attr("passwdValidTo", Graphics::passwdValidTo, Graphics.Builder::passwdValidTo)
        .attr("keymap", Graphics::keymap, Graphics.Builder::keymap)
        .attr("connected", Graphics::connected, Graphics.Builder::connected)
        .attr("defaultMode", Graphics::defaultMode, Graphics.Builder::defaultMode)
        .attr("display", Graphics::display, Graphics.Builder::display)
        .attr("xauth", Graphics::xauth, Graphics.Builder::xauth)
        .attr("fullscreen", ValueType.YES_NO, Graphics::fullscreen, Graphics.Builder::fullscreen)
        .attr("replaceUser", ValueType.YES_NO, Graphics::replaceUser, Graphics.Builder::replaceUser)
        .attr("multiUser", ValueType.YES_NO, Graphics::multiUser, Graphics.Builder::multiUser)
        .attr("address", Graphics::address, Graphics.Builder::address)
        .attr("p2p", ValueType.YES_NO, Graphics::p2p, Graphics.Builder::p2p)
        .list("listen", GRAPHICS_LISTEN, Graphics::listens, Graphics.Builder::listens)
        .list("channel", GRAPHICS_CHANNEL, Graphics::channels, Graphics.Builder::channels)
        .attrChild("image", "compression", Graphics::imageCompression, Graphics.Builder::imageCompression)
        .attrChild("jpeg", "compression", Graphics::jpegCompression, Graphics.Builder::jpegCompression)
        .attrChild("zlib", "compression", Graphics::zlibCompression, Graphics.Builder::zlibCompression)
        .attrChild("playback", "compression", ValueType.ON_OFF, Graphics::playbackCompression, Graphics.Builder::playbackCompression)
        .attrChild("streaming", "mode", Graphics::streamingMode, Graphics.Builder::streamingMode)
        .attrChild("clipboard", "copypaste", ValueType.YES_NO, Graphics::clipboardCopypaste, Graphics.Builder::clipboardCopypaste)
        .attrChild("mouse", "mode", Graphics::mouseMode, Graphics.Builder::mouseMode)
        .attrChild("filetransfer", "enable", ValueType.YES_NO, Graphics::filetransferEnable, Graphics.Builder::filetransferEnable)
        .child("gl", GRAPHICS_GL, Graphics::gl, Graphics.Builder::gl)
        .attrChild("audio", "id", ValueType.UINT, Graphics::audioId, Graphics.Builder::audioId));

  // ------------------------------------------------------------------ <video>

  static final ElementCodec<VideoAcceleration, VideoAcceleration.Builder> VIDEO_ACCELERATION =
      ElementCodec.lazy(() -> ElementCodec.of("acceleration", VideoAcceleration.Builder::new, VideoAcceleration.Builder::build, VideoAcceleration::unmodeled, VideoAcceleration.Builder::unmodeled)
        .attr("accel3d", ValueType.YES_NO, VideoAcceleration::accel3d, VideoAcceleration.Builder::accel3d)
        .attr("accel2d", ValueType.YES_NO, VideoAcceleration::accel2d, VideoAcceleration.Builder::accel2d)
        .attr("rendernode", VideoAcceleration::rendernode, VideoAcceleration.Builder::rendernode));

  static final ElementCodec<VideoResolution, VideoResolution.Builder> VIDEO_RESOLUTION =
      ElementCodec.lazy(() -> ElementCodec.of("resolution", VideoResolution.Builder::new, VideoResolution.Builder::build, VideoResolution::unmodeled, VideoResolution.Builder::unmodeled)
        .attr("x", ValueType.UINT, VideoResolution::x, VideoResolution.Builder::x)
        .attr("y", ValueType.UINT, VideoResolution::y, VideoResolution.Builder::y));

  static final ElementCodec<VideoModel, VideoModel.Builder> VIDEO_MODEL =
      ElementCodec.lazy(() -> ElementCodec.of("model", VideoModel.Builder::new, VideoModel.Builder::build, VideoModel::unmodeled, VideoModel.Builder::unmodeled)
        .attr("type", VideoModel::type, VideoModel.Builder::type)
        .attr("ram", ValueType.UINT, VideoModel::ram, VideoModel.Builder::ram)
        .attr("vram", ValueType.UINT, VideoModel::vram, VideoModel.Builder::vram)
        .attr("vram64", ValueType.UINT, VideoModel::vram64, VideoModel.Builder::vram64)
        .attr("vgamem", ValueType.UINT, VideoModel::vgamem, VideoModel.Builder::vgamem)
        .attr("heads", ValueType.UINT, VideoModel::heads, VideoModel.Builder::heads)
        .attr("primary", ValueType.YES_NO, VideoModel::primary, VideoModel.Builder::primary)
        .child("acceleration", VIDEO_ACCELERATION, VideoModel::acceleration, VideoModel.Builder::acceleration)
        .child("resolution", VIDEO_RESOLUTION, VideoModel::resolution, VideoModel.Builder::resolution));

  static final ElementCodec<VideoDriver, VideoDriver.Builder> VIDEO_DRIVER =
      ElementCodec.lazy(() -> ElementCodec.of("driver", VideoDriver.Builder::new, VideoDriver.Builder::build, VideoDriver::unmodeled, VideoDriver.Builder::unmodeled)
        .attr("name", VideoDriver::name, VideoDriver.Builder::name)
        .attr("vgaconf", VideoDriver::vgaconf, VideoDriver.Builder::vgaconf)
        .attr("iommu", ValueType.ON_OFF, VideoDriver::iommu, VideoDriver.Builder::iommu)
        .attr("ats", ValueType.ON_OFF, VideoDriver::ats, VideoDriver.Builder::ats)
        .attr("packed", ValueType.ON_OFF, VideoDriver::packed, VideoDriver.Builder::packed)
        .attr("page_per_vq", ValueType.ON_OFF, VideoDriver::pagePerVq, VideoDriver.Builder::pagePerVq));

  public static final ElementCodec<Video, Video.Builder> VIDEO =
      ElementCodec.lazy(() -> ElementCodec.of("video", Video.Builder::new, Video.Builder::build, Video::unmodeled, Video.Builder::unmodeled)
        .child("driver", VIDEO_DRIVER, Video::driver, Video.Builder::driver)
        .child("model", VIDEO_MODEL, Video::model, Video.Builder::model)
        .attrChild("alias", "name", Video::alias, Video.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, Video::acpiIndex, Video.Builder::acpiIndex)
        .child("address", CommonCodecs.ADDRESS, Video::address, Video.Builder::address));

  // ------------------------------------------------------------------ <input>

  static final ElementCodec<InputSource, InputSource.Builder> INPUT_SOURCE =
      ElementCodec.lazy(() -> ElementCodec.of("source", InputSource.Builder::new, InputSource.Builder::build, InputSource::unmodeled, InputSource.Builder::unmodeled)
        .attr("evdev", InputSource::evdev, InputSource.Builder::evdev)
        .attr("dev", InputSource::dev, InputSource.Builder::dev)
        .attr("grab", InputSource::grab, InputSource.Builder::grab)
        .attr("grabToggle", InputSource::grabToggle, InputSource.Builder::grabToggle)
        .attr("repeat", ValueType.ON_OFF, InputSource::repeat, InputSource.Builder::repeat));

  static final ElementCodec<InputDriver, InputDriver.Builder> INPUT_DRIVER =
      ElementCodec.lazy(() -> ElementCodec.of("driver", InputDriver.Builder::new, InputDriver.Builder::build, InputDriver::unmodeled, InputDriver.Builder::unmodeled)
        .attr("iommu", ValueType.ON_OFF, InputDriver::iommu, InputDriver.Builder::iommu)
        .attr("ats", ValueType.ON_OFF, InputDriver::ats, InputDriver.Builder::ats)
        .attr("packed", ValueType.ON_OFF, InputDriver::packed, InputDriver.Builder::packed)
        .attr("page_per_vq", ValueType.ON_OFF, InputDriver::pagePerVq, InputDriver.Builder::pagePerVq));

  public static final ElementCodec<Input, Input.Builder> INPUT =
      ElementCodec.lazy(() -> ElementCodec.of("input", Input.Builder::new, Input.Builder::build, Input::unmodeled, Input.Builder::unmodeled)
        .attr("type", Input::type, Input.Builder::type)
        .attr("bus", Input::bus, Input.Builder::bus)
        .attr("model", Input::model, Input.Builder::model)
        .child("source", INPUT_SOURCE, Input::source, Input.Builder::source)
        .child("driver", INPUT_DRIVER, Input::driver, Input.Builder::driver)
        .attrChild("alias", "name", Input::alias, Input.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, Input::acpiIndex, Input.Builder::acpiIndex)
        .child("address", CommonCodecs.ADDRESS, Input::address, Input.Builder::address));

  // ------------------------------------------------------------------ <sound>, <audio>

  static final ElementCodec<SoundCodec, SoundCodec.Builder> SOUND_CODEC =
      ElementCodec.lazy(() -> ElementCodec.of("codec", SoundCodec.Builder::new, SoundCodec.Builder::build, SoundCodec::unmodeled, SoundCodec.Builder::unmodeled)
        .attr("type", SoundCodec::type, SoundCodec.Builder::type));

  public static final ElementCodec<Sound, Sound.Builder> SOUND =
      ElementCodec.lazy(() -> ElementCodec.of("sound", Sound.Builder::new, Sound.Builder::build, Sound::unmodeled, Sound.Builder::unmodeled)
        .attr("model", Sound::model, Sound.Builder::model)
        .list("codec", SOUND_CODEC, Sound::codecs, Sound.Builder::codecs)
        .attrChild("audio", "id", ValueType.UINT, Sound::audioId, Sound.Builder::audioId)
        .attrChild("alias", "name", Sound::alias, Sound.Builder::alias)
        .attrChild("acpi", "index", ValueType.UINT, Sound::acpiIndex, Sound.Builder::acpiIndex)
        .child("address", CommonCodecs.ADDRESS, Sound::address, Sound.Builder::address));

  static final ElementCodec<AudioSettings, AudioSettings.Builder> AUDIO_SETTINGS =
      ElementCodec.lazy(() -> ElementCodec.of("settings", AudioSettings.Builder::new, AudioSettings.Builder::build, AudioSettings::unmodeled, AudioSettings.Builder::unmodeled)
        .attr("frequency", ValueType.UINT, AudioSettings::frequency, AudioSettings.Builder::frequency)
        .attr("channels", ValueType.UINT, AudioSettings::channels, AudioSettings.Builder::channels)
        .attr("format", AudioSettings::format, AudioSettings.Builder::format));

  static ElementCodec<AudioStream, AudioStream.Builder> audioStream(String name) {
    return ElementCodec.of(name, AudioStream.Builder::new, AudioStream.Builder::build, AudioStream::unmodeled, AudioStream.Builder::unmodeled)
        .attr("mixingEngine", ValueType.YES_NO, AudioStream::mixingEngine, AudioStream.Builder::mixingEngine)
        .attr("fixedSettings", ValueType.YES_NO, AudioStream::fixedSettings, AudioStream.Builder::fixedSettings)
        .attr("voices", ValueType.UINT, AudioStream::voices, AudioStream.Builder::voices)
        .attr("bufferLength", ValueType.UINT, AudioStream::bufferLength, AudioStream.Builder::bufferLength)
        .attr("dev", AudioStream::dev, AudioStream.Builder::dev)
        .attr("bufferCount", ValueType.UINT, AudioStream::bufferCount, AudioStream.Builder::bufferCount)
        .attr("serverName", AudioStream::serverName, AudioStream.Builder::serverName)
        .attr("clientName", AudioStream::clientName, AudioStream.Builder::clientName)
        .attr("connectPorts", AudioStream::connectPorts, AudioStream.Builder::connectPorts)
        .attr("exactName", ValueType.YES_NO, AudioStream::exactName, AudioStream.Builder::exactName)
        .attr("tryPoll", ValueType.YES_NO, AudioStream::tryPoll, AudioStream.Builder::tryPoll)
        .attr("name", AudioStream::name, AudioStream.Builder::name)
        .attr("streamName", AudioStream::streamName, AudioStream.Builder::streamName)
        .attr("latency", ValueType.UINT, AudioStream::latency, AudioStream.Builder::latency)
        .child("settings", AUDIO_SETTINGS, AudioStream::settings, AudioStream.Builder::settings);
  }

  public static final ElementCodec<Audio, Audio.Builder> AUDIO =
      ElementCodec.lazy(() -> ElementCodec.of("audio", Audio.Builder::new, Audio.Builder::build, Audio::unmodeled, Audio.Builder::unmodeled)
        .attr("id", ValueType.UINT, Audio::id, Audio.Builder::id)
        .attr("type", Audio::type, Audio.Builder::type)
        .attr("timerPeriod", ValueType.UINT, Audio::timerPeriod, Audio.Builder::timerPeriod)
        .attr("driver", Audio::driver, Audio.Builder::driver)
        .attr("serverName", Audio::serverName, Audio.Builder::serverName)
        .attr("path", Audio::path, Audio.Builder::path)
        .attr("tryMMap", ValueType.YES_NO, Audio::tryMMap, Audio.Builder::tryMMap)
        .attr("exclusive", ValueType.YES_NO, Audio::exclusive, Audio.Builder::exclusive)
        .attr("dspPolicy", ValueType.INT, Audio::dspPolicy, Audio.Builder::dspPolicy)
        .child("input", audioStream("input"), Audio::input, Audio.Builder::input)
        .child("output", audioStream("output"), Audio::output, Audio.Builder::output));
}
