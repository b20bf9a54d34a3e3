package io.kvmsdk.core.internal.network;

import io.kvmsdk.core.common.CommonCodecs;
import io.kvmsdk.core.network.*;
import io.kvmsdk.core.xml.Codec;
import io.kvmsdk.core.xml.ElementCodec;
import io.kvmsdk.core.xml.RawCodec;
import io.kvmsdk.core.xml.ValueType;
import io.kvmsdk.core.xml.XPath;
import io.kvmsdk.core.xml.XmlDocument;
import io.kvmsdk.core.xml.XmlElement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The element mappings of libvirt's network documents, one line per attribute or child, in libvirt's order. */
public final class NetworkCodecs {
  private NetworkCodecs() {}

  // ------------------------------------------------------------------ <forward>

  static final ElementCodec<NetworkForwardInterface, NetworkForwardInterface.Builder> FORWARD_INTERFACE =
      ElementCodec.lazy(() -> ElementCodec.of("interface", NetworkForwardInterface.Builder::new, NetworkForwardInterface.Builder::build, NetworkForwardInterface::unmodeled, NetworkForwardInterface.Builder::unmodeled)
        .attr("dev", NetworkForwardInterface::dev, NetworkForwardInterface.Builder::dev)
        .attr("connections", ValueType.UINT, NetworkForwardInterface::connections, NetworkForwardInterface.Builder::connections));

  static final ElementCodec<NetworkNatAddress, NetworkNatAddress.Builder> NAT_ADDRESS =
      ElementCodec.lazy(() -> ElementCodec.of("address", NetworkNatAddress.Builder::new, NetworkNatAddress.Builder::build, NetworkNatAddress::unmodeled, NetworkNatAddress.Builder::unmodeled)
        .attr("start", NetworkNatAddress::start, NetworkNatAddress.Builder::start)
        .attr("end", NetworkNatAddress::end, NetworkNatAddress.Builder::end));

  static final ElementCodec<NetworkNatPort, NetworkNatPort.Builder> NAT_PORT =
      ElementCodec.lazy(() -> ElementCodec.of("port", NetworkNatPort.Builder::new, NetworkNatPort.Builder::build, NetworkNatPort::unmodeled, NetworkNatPort.Builder::unmodeled)
        .attr("start", ValueType.UINT, NetworkNatPort::start, NetworkNatPort.Builder::start)
        .attr("end", ValueType.UINT, NetworkNatPort::end, NetworkNatPort.Builder::end));

  static final ElementCodec<NetworkNat, NetworkNat.Builder> NAT =
      ElementCodec.lazy(() -> ElementCodec.of("nat", NetworkNat.Builder::new, NetworkNat.Builder::build, NetworkNat::unmodeled, NetworkNat.Builder::unmodeled)
        .attr("ipv6", ValueType.YES_NO, NetworkNat::ipv6, NetworkNat.Builder::ipv6)
        .child("address", NAT_ADDRESS, NetworkNat::address, NetworkNat.Builder::address)
        .child("port", NAT_PORT, NetworkNat::port, NetworkNat.Builder::port));

  static final ElementCodec<NetworkForward, NetworkForward.Builder> FORWARD =
      ElementCodec.lazy(() -> ElementCodec.of("forward", NetworkForward.Builder::new, NetworkForward.Builder::build, NetworkForward::unmodeled, NetworkForward.Builder::unmodeled)
        .attr("dev", NetworkForward::dev, NetworkForward.Builder::dev)
        .attr("mode", NetworkForward::mode, NetworkForward.Builder::mode)
        .lenientAttr("managed", ValueType.YES_NO, NetworkForward::managed, NetworkForward.Builder::managed) // libvirt: 'yes' or else no
        .attrChild("driver", "name", NetworkForward::driver, NetworkForward.Builder::driver)
        .child("nat", NAT, NetworkForward::natOptions, NetworkForward.Builder::natOptions)
        .attrChild("pf", "dev", NetworkForward::pf, NetworkForward.Builder::pf)
        .list("interface", FORWARD_INTERFACE, NetworkForward::interfaces, NetworkForward.Builder::interfaces)
        .list("address", CommonCodecs.ADDRESS, NetworkForward::addresses, NetworkForward.Builder::addresses));

  // ------------------------------------------------------------------ <bridge>, <domain>

  static final ElementCodec<NetworkBridge, NetworkBridge.Builder> BRIDGE =
      ElementCodec.lazy(() -> ElementCodec.of("bridge", NetworkBridge.Builder::new, NetworkBridge.Builder::build, NetworkBridge::unmodeled, NetworkBridge.Builder::unmodeled)
        .attr("name", NetworkBridge::name, NetworkBridge.Builder::name)
        .attr("zone", NetworkBridge::zone, NetworkBridge.Builder::zone)
        .lenientAttr("stp", ValueType.ON_OFF, NetworkBridge::stp, NetworkBridge.Builder::stp) // libvirt: 'off' or else on
        .attr("delay", ValueType.ULONG, NetworkBridge::delay, NetworkBridge.Builder::delay)
        .attr("macTableManager", NetworkBridge::macTableManager, NetworkBridge.Builder::macTableManager));

  static final ElementCodec<NetworkDomain, NetworkDomain.Builder> DOMAIN =
      ElementCodec.lazy(() -> ElementCodec.of("domain", NetworkDomain.Builder::new, NetworkDomain.Builder::build, NetworkDomain::unmodeled, NetworkDomain.Builder::unmodeled)
        .attr("name", NetworkDomain::name, NetworkDomain.Builder::name)
        .attr("localOnly", ValueType.YES_NO, NetworkDomain::localOnly, NetworkDomain.Builder::localOnly)
        .attr("register", ValueType.YES_NO, NetworkDomain::register, NetworkDomain.Builder::register));

  // ------------------------------------------------------------------ <dns>

  static final ElementCodec<DnsForwarder, DnsForwarder.Builder> DNS_FORWARDER =
      ElementCodec.lazy(() -> ElementCodec.of("forwarder", DnsForwarder.Builder::new, DnsForwarder.Builder::build, DnsForwarder::unmodeled, DnsForwarder.Builder::unmodeled)
        .attr("domain", DnsForwarder::domain, DnsForwarder.Builder::domain)
        .attr("addr", DnsForwarder::addr, DnsForwarder.Builder::addr));

  static final ElementCodec<DnsTxt, DnsTxt.Builder> DNS_TXT =
      ElementCodec.lazy(() -> ElementCodec.of("txt", DnsTxt.Builder::new, DnsTxt.Builder::build, DnsTxt::unmodeled, DnsTxt.Builder::unmodeled)
        .attr("name", DnsTxt::name, DnsTxt.Builder::name)
        .attr("value", DnsTxt::value, DnsTxt.Builder::value));

  static final ElementCodec<DnsSrv, DnsSrv.Builder> DNS_SRV =
      ElementCodec.lazy(() -> ElementCodec.of("srv", DnsSrv.Builder::new, DnsSrv.Builder::build, DnsSrv::unmodeled, DnsSrv.Builder::unmodeled)
        .attr("service", DnsSrv::service, DnsSrv.Builder::service)
        .attr("protocol", DnsSrv::protocol, DnsSrv.Builder::protocol)
        .attr("domain", DnsSrv::domain, DnsSrv.Builder::domain)
        .attr("target", DnsSrv::target, DnsSrv.Builder::target)
        .attr("port", ValueType.UINT, DnsSrv::port, DnsSrv.Builder::port)
        .attr("priority", ValueType.UINT, DnsSrv::priority, DnsSrv.Builder::priority)
        .attr("weight", ValueType.UINT, DnsSrv::weight, DnsSrv.Builder::weight));

  static final ElementCodec<DnsHost, DnsHost.Builder> DNS_HOST =
      ElementCodec.lazy(() -> ElementCodec.of("host", DnsHost.Builder::new, DnsHost.Builder::build, DnsHost::unmodeled, DnsHost.Builder::unmodeled)
        .attr("ip", DnsHost::ip, DnsHost.Builder::ip)
        .textList("hostname", DnsHost::hostnames, DnsHost.Builder::hostnames));

  static final ElementCodec<NetworkDns, NetworkDns.Builder> DNS =
      ElementCodec.lazy(() -> ElementCodec.of("dns", NetworkDns.Builder::new, NetworkDns.Builder::build, NetworkDns::unmodeled, NetworkDns.Builder::unmodeled)
        .attr("enable", ValueType.YES_NO, NetworkDns::enable, NetworkDns.Builder::enable)
        .attr("forwardPlainNames", ValueType.YES_NO, NetworkDns::forwardPlainNames, NetworkDns.Builder::forwardPlainNames)
        .list("forwarder", DNS_FORWARDER, NetworkDns::forwarders, NetworkDns.Builder::forwarders)
        .list("txt", DNS_TXT, NetworkDns::txts, NetworkDns.Builder::txts)
        .list("srv", DNS_SRV, NetworkDns::srvs, NetworkDns.Builder::srvs)
        .list("host", DNS_HOST, NetworkDns::hosts, NetworkDns.Builder::hosts));

  // ------------------------------------------------------------------ <ip>

  static final ElementCodec<DhcpLeaseTime, DhcpLeaseTime.Builder> LEASE =
      ElementCodec.lazy(() -> ElementCodec.of("lease", DhcpLeaseTime.Builder::new, DhcpLeaseTime.Builder::build, DhcpLeaseTime::unmodeled, DhcpLeaseTime.Builder::unmodeled)
        .attr("expiry", ValueType.ULONG, DhcpLeaseTime::expiry, DhcpLeaseTime.Builder::expiry)
        .attr("unit", DhcpLeaseTime::unit, DhcpLeaseTime.Builder::unit));

  static final ElementCodec<DhcpRange, DhcpRange.Builder> DHCP_RANGE =
      ElementCodec.lazy(() -> ElementCodec.of("range", DhcpRange.Builder::new, DhcpRange.Builder::build, DhcpRange::unmodeled, DhcpRange.Builder::unmodeled)
        .attr("start", DhcpRange::start, DhcpRange.Builder::start)
        .attr("end", DhcpRange::end, DhcpRange.Builder::end)
        .child("lease", LEASE, DhcpRange::lease, DhcpRange.Builder::lease));

  static final ElementCodec<DhcpHost, DhcpHost.Builder> DHCP_HOST =
      ElementCodec.lazy(() -> ElementCodec.of("host", DhcpHost.Builder::new, DhcpHost.Builder::build, DhcpHost::unmodeled, DhcpHost.Builder::unmodeled)
        .attr("mac", DhcpHost::mac, DhcpHost.Builder::mac)
        .attr("id", DhcpHost::id, DhcpHost.Builder::id)
        .attr("name", DhcpHost::name, DhcpHost.Builder::name)
        .attr("ip", DhcpHost::ip, DhcpHost.Builder::ip)
        .child("lease", LEASE, DhcpHost::lease, DhcpHost.Builder::lease));

  static final ElementCodec<DhcpBootp, DhcpBootp.Builder> DHCP_BOOTP =
      ElementCodec.lazy(() -> ElementCodec.of("bootp", DhcpBootp.Builder::new, DhcpBootp.Builder::build, DhcpBootp::unmodeled, DhcpBootp.Builder::unmodeled)
        .attr("file", DhcpBootp::file, DhcpBootp.Builder::file)
        .attr("server", DhcpBootp::server, DhcpBootp.Builder::server));

  static final ElementCodec<NetworkDhcp, NetworkDhcp.Builder> DHCP =
      ElementCodec.lazy(() -> ElementCodec.of("dhcp", NetworkDhcp.Builder::new, NetworkDhcp.Builder::build, NetworkDhcp::unmodeled, NetworkDhcp.Builder::unmodeled)
        .list("range", DHCP_RANGE, NetworkDhcp::ranges, NetworkDhcp.Builder::ranges)
        .list("host", DHCP_HOST, NetworkDhcp::hosts, NetworkDhcp.Builder::hosts)
        .child("bootp", DHCP_BOOTP, NetworkDhcp::bootp, NetworkDhcp.Builder::bootp));

  static final ElementCodec<NetworkIp, NetworkIp.Builder> IP =
      ElementCodec.lazy(() -> ElementCodec.of("ip", NetworkIp.Builder::new, NetworkIp.Builder::build, NetworkIp::unmodeled, NetworkIp.Builder::unmodeled)
        .attr("family", NetworkIp::family, NetworkIp.Builder::family)
        .attr("address", NetworkIp::address, NetworkIp.Builder::address)
        .attr("netmask", NetworkIp::netmask, NetworkIp.Builder::netmask)
        .attr("prefix", ValueType.UINT, NetworkIp::prefix, NetworkIp.Builder::prefix)
        .attr("localPtr", ValueType.YES_NO, NetworkIp::localPtr, NetworkIp.Builder::localPtr)
        .attrChild("tftp", "root", NetworkIp::tftpRoot, NetworkIp.Builder::tftpRoot)
        .child("dhcp", DHCP, NetworkIp::dhcp, NetworkIp.Builder::dhcp));

  static final ElementCodec<NetworkRoute, NetworkRoute.Builder> ROUTE =
      ElementCodec.lazy(() -> ElementCodec.of("route", NetworkRoute.Builder::new, NetworkRoute.Builder::build, NetworkRoute::unmodeled, NetworkRoute.Builder::unmodeled)
        .attr("family", NetworkRoute::family, NetworkRoute.Builder::family)
        .attr("address", NetworkRoute::address, NetworkRoute.Builder::address)
        .attr("netmask", NetworkRoute::netmask, NetworkRoute.Builder::netmask)
        .attr("prefix", ValueType.UINT, NetworkRoute::prefix, NetworkRoute.Builder::prefix)
        .attr("gateway", NetworkRoute::gateway, NetworkRoute.Builder::gateway)
        .attr("metric", ValueType.UINT, NetworkRoute::metric, NetworkRoute.Builder::metric));

  // ------------------------------------------------------------------ <portgroup>, <dnsmasq:options>

  static final ElementCodec<Portgroup, Portgroup.Builder> PORTGROUP =
      ElementCodec.lazy(() -> ElementCodec.of("portgroup", Portgroup.Builder::new, Portgroup.Builder::build, Portgroup::unmodeled, Portgroup.Builder::unmodeled)
        .attr("name", Portgroup::name, Portgroup.Builder::name)
        .lenientAttr("default", ValueType.YES_NO, Portgroup::isDefault, Portgroup.Builder::isDefault) // libvirt: 'yes' or else no
        .attr("trustGuestRxFilters", ValueType.YES_NO, Portgroup::trustGuestRxFilters, Portgroup.Builder::trustGuestRxFilters)
        .child("vlan", CommonCodecs.VLAN, Portgroup::vlan, Portgroup.Builder::vlan)
        .child("virtualport", CommonCodecs.VIRTUALPORT, Portgroup::virtualport, Portgroup.Builder::virtualport)
        .child("bandwidth", CommonCodecs.BANDWIDTH, Portgroup::bandwidth, Portgroup.Builder::bandwidth));

  /** {@code <dnsmasq:option value='..'/>} as its value; anything else is kept verbatim. */
  static final Codec<String> DNSMASQ_OPTION = new Codec<>() {
    @Override public String read(XmlElement e, XPath path) {
      if (e.attrCount() != 1 || !e.attrName(0).equals("value") || !e.children().isEmpty() || e.text() != null) return null;
      return e.attrValue(0);
    }

    @Override public XmlElement write(String v) { return XmlElement.builder("dnsmasq:option").attr("value", v).build(); }
  };

  static final ElementCodec<DnsmasqOptions, DnsmasqOptions.Builder> DNSMASQ_OPTIONS =
      ElementCodec.lazy(() -> ElementCodec.of("dnsmasq:options", DnsmasqOptions.Builder::new, DnsmasqOptions.Builder::build, DnsmasqOptions::unmodeled, DnsmasqOptions.Builder::unmodeled)
        .namespaces(DnsmasqOptions::namespaces, DnsmasqOptions.Builder::namespaces)
        .list("dnsmasq:option", DNSMASQ_OPTION, DnsmasqOptions::options, DnsmasqOptions.Builder::options));

  // ------------------------------------------------------------------ <network>

  static final ElementCodec<NetworkSpec, NetworkSpec.Builder> NETWORK =
      ElementCodec.lazy(() -> ElementCodec.of("network", NetworkSpec.Builder::new, NetworkSpec.Builder::build, NetworkSpec::unmodeled, NetworkSpec.Builder::unmodeled)
        .namespaces(NetworkSpec::namespaces, (b, m) -> b.namespaces(withoutImpliedDnsmasq(m)))
        .attr("connections", ValueType.UINT, NetworkSpec::connections, NetworkSpec.Builder::connections)
        .attr("ipv6", ValueType.YES_NO, NetworkSpec::ipv6, NetworkSpec.Builder::ipv6)
        .attr("trustGuestRxFilters", ValueType.YES_NO, NetworkSpec::trustGuestRxFilters, NetworkSpec.Builder::trustGuestRxFilters)
        .textChild("name", s -> java.util.Optional.of(s.name()), (b, v) -> b.name(v.orElse(null)))
        .textChild("uuid", NetworkSpec::uuid, NetworkSpec.Builder::uuid)
        .child("metadata", new RawCodec("metadata"), NetworkSpec::metadata, NetworkSpec.Builder::metadata)
        .child("forward", FORWARD, NetworkSpec::forward, NetworkSpec.Builder::forward)
        .child("bridge", BRIDGE, NetworkSpec::bridge, NetworkSpec.Builder::bridge)
        .attrChild("mtu", "size", ValueType.UINT, NetworkSpec::mtu, NetworkSpec.Builder::mtu)
        .attrChild("mac", "address", NetworkSpec::mac, NetworkSpec.Builder::mac)
        .child("domain", DOMAIN, NetworkSpec::domain, NetworkSpec.Builder::domain)
        .child("dns", DNS, NetworkSpec::dns, NetworkSpec.Builder::dns)
        .child("vlan", CommonCodecs.VLAN, NetworkSpec::vlan, NetworkSpec.Builder::vlan)
        .child("bandwidth", CommonCodecs.BANDWIDTH, NetworkSpec::bandwidth, NetworkSpec.Builder::bandwidth)
        .attrChild("port", "isolated", ValueType.YES_NO, NetworkSpec::portIsolated, NetworkSpec.Builder::portIsolated)
        .list("ip", IP, NetworkSpec::ips, NetworkSpec.Builder::ips)
        .list("route", ROUTE, NetworkSpec::routes, NetworkSpec.Builder::routes)
        .child("virtualport", CommonCodecs.VIRTUALPORT, NetworkSpec::virtualport, NetworkSpec.Builder::virtualport)
        .list("portgroup", PORTGROUP, NetworkSpec::portgroups, NetworkSpec.Builder::portgroups)
        .child("dnsmasq:options", DNSMASQ_OPTIONS, NetworkSpec::dnsmasqOptions, NetworkSpec.Builder::dnsmasqOptions));

  /** {@code xmlns:dnsmasq} is implied by the dnsmasq options (rendering adds it), so a parsed spec equals a built one. */
  static Map<String, String> withoutImpliedDnsmasq(Map<String, String> ns) {
    if (!DnsmasqOptions.NAMESPACE.equals(ns.get("dnsmasq"))) return ns;
    Map<String, String> m = new LinkedHashMap<>(ns);
    m.remove("dnsmasq");
    return m;
  }

  /** {@code <network>} with the dnsmasq namespace declared on the root when its options need it. */
  static final Codec<NetworkSpec> NETWORK_ROOT = new Codec<>() {
    @Override public NetworkSpec read(XmlElement e, XPath path) { return NETWORK.read(e, path); }

    @Override public XmlElement write(NetworkSpec n) {
      XmlElement e = NETWORK.write(n);
      boolean needs = n.dnsmasqOptions().isPresent() && !n.namespaces().containsKey("dnsmasq")
          && !n.dnsmasqOptions().get().namespaces().containsKey("dnsmasq");
      if (!needs) return e;
      XmlElement.Builder b = XmlElement.builder("network").attr("xmlns:dnsmasq", DnsmasqOptions.NAMESPACE);
      for (int i = 0; i < e.attrCount(); i++) b.attr(e.attrName(i), e.attrValue(i));
      for (XmlElement c : e.children()) b.child(c);
      return b.text(e.text()).build();
    }

    @Override public void unmodeled(NetworkSpec n, String path, List<String> out) { NETWORK.unmodeled(n, path, out); }
  };

  private static final XmlDocument<NetworkSpec> NETWORK_DOCUMENT = XmlDocument.of("network", NETWORK_ROOT);

  /** The {@code <network>} document. */
  public static XmlDocument<NetworkSpec> networkSpecDocument() { return NETWORK_DOCUMENT; }

  // ------------------------------------------------------------------ <networkport>

  static final ElementCodec<NetworkPortOwner, NetworkPortOwner.Builder> PORT_OWNER =
      ElementCodec.lazy(() -> ElementCodec.of("owner", NetworkPortOwner.Builder::new, NetworkPortOwner.Builder::build, NetworkPortOwner::unmodeled, NetworkPortOwner.Builder::unmodeled)
        .textChild("name", NetworkPortOwner::name, NetworkPortOwner.Builder::name)
        .textChild("uuid", NetworkPortOwner::uuid, NetworkPortOwner.Builder::uuid));

  static final ElementCodec<NetworkPortPlug, NetworkPortPlug.Builder> PORT_PLUG =
      ElementCodec.lazy(() -> ElementCodec.of("plug", NetworkPortPlug.Builder::new, NetworkPortPlug.Builder::build, NetworkPortPlug::unmodeled, NetworkPortPlug.Builder::unmodeled)
        .attr("type", NetworkPortPlug::type, NetworkPortPlug.Builder::type)
        .attr("bridge", NetworkPortPlug::bridge, NetworkPortPlug.Builder::bridge)
        .attr("macTableManager", NetworkPortPlug::macTableManager, NetworkPortPlug.Builder::macTableManager)
        .attr("dev", NetworkPortPlug::dev, NetworkPortPlug.Builder::dev)
        .attr("mode", NetworkPortPlug::mode, NetworkPortPlug.Builder::mode)
        .attr("managed", ValueType.YES_NO, NetworkPortPlug::managed, NetworkPortPlug.Builder::managed)
        .attrChild("driver", "name", NetworkPortPlug::driver, NetworkPortPlug.Builder::driver)
        .child("address", CommonCodecs.ADDRESS, NetworkPortPlug::address, NetworkPortPlug.Builder::address));

  static final ElementCodec<NetworkPortSpec, NetworkPortSpec.Builder> NETWORKPORT =
      ElementCodec.lazy(() -> ElementCodec.of("networkport", NetworkPortSpec.Builder::new, NetworkPortSpec.Builder::build, NetworkPortSpec::unmodeled, NetworkPortSpec.Builder::unmodeled)
        .textChild("uuid", NetworkPortSpec::uuid, NetworkPortSpec.Builder::uuid)
        .child("owner", PORT_OWNER, NetworkPortSpec::owner, NetworkPortSpec.Builder::owner)
        .textChild("group", NetworkPortSpec::group, NetworkPortSpec.Builder::group)
        .attrChild("mac", "address", NetworkPortSpec::mac, NetworkPortSpec.Builder::mac)
        .child("virtualport", CommonCodecs.VIRTUALPORT, NetworkPortSpec::virtualport, NetworkPortSpec.Builder::virtualport)
        .child("bandwidth", CommonCodecs.BANDWIDTH, NetworkPortSpec::bandwidth, NetworkPortSpec.Builder::bandwidth)
        .child("vlan", CommonCodecs.VLAN, NetworkPortSpec::vlan, NetworkPortSpec.Builder::vlan)
        .attrChild("port", "isolated", ValueType.YES_NO, NetworkPortSpec::portIsolated, NetworkPortSpec.Builder::portIsolated)
        .attrChild("rxfilters", "trustGuest", ValueType.YES_NO, NetworkPortSpec::trustGuestRxFilters, NetworkPortSpec.Builder::trustGuestRxFilters)
        .child("plug", PORT_PLUG, NetworkPortSpec::plug, NetworkPortSpec.Builder::plug));

  private static final XmlDocument<NetworkPortSpec> NETWORKPORT_DOCUMENT = XmlDocument.of(NETWORKPORT);

  /** The {@code <networkport>} document. */
  public static XmlDocument<NetworkPortSpec> networkPortSpecDocument() { return NETWORKPORT_DOCUMENT; }

}
