package io.kvmsdk.core.common;

import io.kvmsdk.core.xml.ElementCodec;
import io.kvmsdk.core.xml.ValueType;

/**
 * The element mappings of the types libvirt's documents share ({@code <vlan>}, {@code <bandwidth>},
 * {@code <virtualport>}, {@code <address>}, {@code <auth>}, {@code <secret>}, {@code <host>},
 * {@code <encryption>}): one declaration each, used by the domain, network, storage pool and
 * volume codecs alike, and by feature modules that embed these elements in their own documents.
 */
public final class CommonCodecs {
  private CommonCodecs() {}

  public static final ElementCodec<DeviceAddressZpci, DeviceAddressZpci.Builder> ZPCI =
      ElementCodec.lazy(() -> ElementCodec.of("zpci", DeviceAddressZpci.Builder::new, DeviceAddressZpci.Builder::build, DeviceAddressZpci::unmodeled, DeviceAddressZpci.Builder::unmodeled)
        .attr("uid", DeviceAddressZpci::uid, DeviceAddressZpci.Builder::uid)
        .attr("fid", DeviceAddressZpci::fid, DeviceAddressZpci.Builder::fid));

  public static final ElementCodec<DeviceAddress, DeviceAddress.Builder> ADDRESS =
      ElementCodec.lazy(() -> ElementCodec.of("address", DeviceAddress.Builder::new, DeviceAddress.Builder::build, DeviceAddress::unmodeled, DeviceAddress.Builder::unmodeled)
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
        .attr("connections", ValueType.UINT, DeviceAddress::connections, DeviceAddress.Builder::connections)
        .child("zpci", ZPCI, DeviceAddress::zpci, DeviceAddress.Builder::zpci));

  public static final ElementCodec<VlanTag, VlanTag.Builder> VLAN_TAG =
      ElementCodec.lazy(() -> ElementCodec.of("tag", VlanTag.Builder::new, VlanTag.Builder::build, VlanTag::unmodeled, VlanTag.Builder::unmodeled)
        .attr("id", ValueType.UINT, VlanTag::id, VlanTag.Builder::id)
        .attr("nativeMode", VlanTag::nativeMode, VlanTag.Builder::nativeMode));

  public static final ElementCodec<Vlan, Vlan.Builder> VLAN =
      ElementCodec.lazy(() -> ElementCodec.of("vlan", Vlan.Builder::new, Vlan.Builder::build, Vlan::unmodeled, Vlan.Builder::unmodeled)
        .lenientAttr("trunk", ValueType.YES_NO, Vlan::trunk, Vlan.Builder::trunk) // libvirt compares case-insensitively
        .list("tag", VLAN_TAG, Vlan::tags, Vlan.Builder::tags));

  public static final ElementCodec<VirtualPortParameters, VirtualPortParameters.Builder> VIRTUALPORT_PARAMETERS =
      ElementCodec.lazy(() -> ElementCodec.of("parameters", VirtualPortParameters.Builder::new, VirtualPortParameters.Builder::build,
          VirtualPortParameters::unmodeled, VirtualPortParameters.Builder::unmodeled)
        .attr("managerid", ValueType.UINT, VirtualPortParameters::managerid, VirtualPortParameters.Builder::managerid)
        .attr("typeid", ValueType.UINT, VirtualPortParameters::typeid, VirtualPortParameters.Builder::typeid)
        .attr("typeidversion", ValueType.UINT, VirtualPortParameters::typeidversion, VirtualPortParameters.Builder::typeidversion)
        .attr("instanceid", VirtualPortParameters::instanceid, VirtualPortParameters.Builder::instanceid)
        .attr("profileid", VirtualPortParameters::profileid, VirtualPortParameters.Builder::profileid)
        .attr("interfaceid", VirtualPortParameters::interfaceid, VirtualPortParameters.Builder::interfaceid));

  public static final ElementCodec<VirtualPort, VirtualPort.Builder> VIRTUALPORT =
      ElementCodec.lazy(() -> ElementCodec.of("virtualport", VirtualPort.Builder::new, VirtualPort.Builder::build, VirtualPort::unmodeled, VirtualPort.Builder::unmodeled)
        .attr("type", VirtualPort::type, VirtualPort.Builder::type)
        .child("parameters", VIRTUALPORT_PARAMETERS, VirtualPort::parameters, VirtualPort.Builder::parameters));

  public static ElementCodec<BandwidthRate, BandwidthRate.Builder> rate(String name) {
    return ElementCodec.of(name, BandwidthRate.Builder::new, BandwidthRate.Builder::build, BandwidthRate::unmodeled, BandwidthRate.Builder::unmodeled)
        .attr("average", ValueType.ULONG, BandwidthRate::average, BandwidthRate.Builder::average)
        .attr("peak", ValueType.ULONG, BandwidthRate::peak, BandwidthRate.Builder::peak)
        .attr("floor", ValueType.ULONG, BandwidthRate::floor, BandwidthRate.Builder::floor)
        .attr("burst", ValueType.ULONG, BandwidthRate::burst, BandwidthRate.Builder::burst);
  }

  public static final ElementCodec<Bandwidth, Bandwidth.Builder> BANDWIDTH =
      ElementCodec.lazy(() -> ElementCodec.of("bandwidth", Bandwidth.Builder::new, Bandwidth.Builder::build, Bandwidth::unmodeled, Bandwidth.Builder::unmodeled)
        .attr("classID", ValueType.UINT, Bandwidth::classID, Bandwidth.Builder::classID)
        .child("inbound", rate("inbound"), Bandwidth::inbound, Bandwidth.Builder::inbound)
        .child("outbound", rate("outbound"), Bandwidth::outbound, Bandwidth.Builder::outbound));

  public static final ElementCodec<SourceHost, SourceHost.Builder> SOURCE_HOST =
      ElementCodec.lazy(() -> ElementCodec.of("host", SourceHost.Builder::new, SourceHost.Builder::build, SourceHost::unmodeled, SourceHost.Builder::unmodeled)
        .attr("transport", SourceHost::transport, SourceHost.Builder::transport)
        .attr("name", SourceHost::name, SourceHost.Builder::name)
        .attr("port", ValueType.UINT, SourceHost::port, SourceHost.Builder::port)
        .attr("socket", SourceHost::socket, SourceHost.Builder::socket));

  public static final ElementCodec<SecretRef, SecretRef.Builder> SECRET =
      ElementCodec.lazy(() -> ElementCodec.of("secret", SecretRef.Builder::new, SecretRef.Builder::build, SecretRef::unmodeled, SecretRef.Builder::unmodeled)
        .attr("type", SecretRef::type, SecretRef.Builder::type)
        .attr("usage", SecretRef::usage, SecretRef.Builder::usage)
        .attr("uuid", SecretRef::uuid, SecretRef.Builder::uuid));

  public static final ElementCodec<Auth, Auth.Builder> AUTH =
      ElementCodec.lazy(() -> ElementCodec.of("auth", Auth.Builder::new, Auth.Builder::build, Auth::unmodeled, Auth.Builder::unmodeled)
        .attr("type", Auth::type, Auth.Builder::type)
        .attr("username", Auth::username, Auth.Builder::username)
        .child("secret", SECRET, Auth::secret, Auth.Builder::secret));

  public static final ElementCodec<EncryptionCipher, EncryptionCipher.Builder> ENCRYPTION_CIPHER =
      ElementCodec.lazy(() -> ElementCodec.of("cipher", EncryptionCipher.Builder::new, EncryptionCipher.Builder::build, EncryptionCipher::unmodeled, EncryptionCipher.Builder::unmodeled)
        .attr("name", EncryptionCipher::name, EncryptionCipher.Builder::name)
        .attr("size", ValueType.UINT, EncryptionCipher::size, EncryptionCipher.Builder::size)
        .attr("mode", EncryptionCipher::mode, EncryptionCipher.Builder::mode)
        .attr("hash", EncryptionCipher::hash, EncryptionCipher.Builder::hash));

  public static final ElementCodec<EncryptionIvgen, EncryptionIvgen.Builder> ENCRYPTION_IVGEN =
      ElementCodec.lazy(() -> ElementCodec.of("ivgen", EncryptionIvgen.Builder::new, EncryptionIvgen.Builder::build, EncryptionIvgen::unmodeled, EncryptionIvgen.Builder::unmodeled)
        .attr("name", EncryptionIvgen::name, EncryptionIvgen.Builder::name)
        .attr("hash", EncryptionIvgen::hash, EncryptionIvgen.Builder::hash));

  public static final ElementCodec<Encryption, Encryption.Builder> ENCRYPTION =
      ElementCodec.lazy(() -> ElementCodec.of("encryption", Encryption.Builder::new, Encryption.Builder::build, Encryption::unmodeled, Encryption.Builder::unmodeled)
        .attr("format", Encryption::format, Encryption.Builder::format)
        .attr("engine", Encryption::engine, Encryption.Builder::engine)
        .list("secret", SECRET, Encryption::secrets, Encryption.Builder::secrets)
        .child("cipher", ENCRYPTION_CIPHER, Encryption::cipher, Encryption.Builder::cipher)
        .child("ivgen", ENCRYPTION_IVGEN, Encryption::ivgen, Encryption.Builder::ivgen));
}
