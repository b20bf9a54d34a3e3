package io.kvmsdk.core.internal.domain;

import io.kvmsdk.core.domain.DeviceAddress;
import io.kvmsdk.core.domain.DeviceAddressZpci;
import io.kvmsdk.core.internal.xml.ElementCodec;

/**
 * The mapping of {@code <address>}, shared by every device. It lives apart from {@link DomainCodecs}
 * so that the device codecs, which need it, never start {@code DomainCodecs}' initialisation
 * (which needs them) halfway: no class-initialisation cycle.
 */
public final class AddressCodecs {
  private AddressCodecs() {}

  static final ElementCodec<DeviceAddressZpci, DeviceAddressZpci.Builder> ZPCI =
      ElementCodec.of("zpci", DeviceAddressZpci.Builder::new, DeviceAddressZpci.Builder::build, DeviceAddressZpci::unmodeled, DeviceAddressZpci.Builder::unmodeled)
        .attr("uid", DeviceAddressZpci::uid, DeviceAddressZpci.Builder::uid)
        .attr("fid", DeviceAddressZpci::fid, DeviceAddressZpci.Builder::fid);

  public static final ElementCodec<DeviceAddress, DeviceAddress.Builder> ADDRESS =
      ElementCodec.of("address", DeviceAddress.Builder::new, DeviceAddress.Builder::build, DeviceAddress::unmodeled, DeviceAddress.Builder::unmodeled)
        .attr("type", DeviceAddress::type, DeviceAddress.Builder::type)
        .attr("domain", DeviceAddress::domain, DeviceAddress.Builder::domain)
        .attr("bus", DeviceAddress::bus, DeviceAddress.Builder::bus)
        .attr("slot", DeviceAddress::slot, DeviceAddress.Builder::slot)
        .attr("function", DeviceAddress::function, DeviceAddress.Builder::function)
        .attr("multifunction", DeviceAddress::multifunction, DeviceAddress.Builder::multifunction)
        .attr("controller", DeviceAddress::controller, DeviceAddress.Builder::controller)
        .attr("target", DeviceAddress::target, DeviceAddress.Builder::target)
        .attr("unit", DeviceAddress::unit, DeviceAddress.Builder::unit)
        .attr("port", DeviceAddress::port, DeviceAddress.Builder::port)
        .attr("reg", DeviceAddress::reg, DeviceAddress.Builder::reg)
        .attr("cssid", DeviceAddress::cssid, DeviceAddress.Builder::cssid)
        .attr("ssid", DeviceAddress::ssid, DeviceAddress.Builder::ssid)
        .attr("devno", DeviceAddress::devno, DeviceAddress.Builder::devno)
        .attr("iobase", DeviceAddress::iobase, DeviceAddress.Builder::iobase)
        .attr("irq", DeviceAddress::irq, DeviceAddress.Builder::irq)
        .attr("base", DeviceAddress::base, DeviceAddress.Builder::base)
        .attr("device", DeviceAddress::device, DeviceAddress.Builder::device)
        .child("zpci", ZPCI, DeviceAddress::zpci, DeviceAddress.Builder::zpci);
}
