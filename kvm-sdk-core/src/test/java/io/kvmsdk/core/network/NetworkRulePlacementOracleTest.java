package io.kvmsdk.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where each network rule lives, proven against libvirt: a rule libvirt's parser applies on every
 * driver ({@code virsh -c test:///default net-define} refuses) is refused by {@code fromXml} and
 * {@code build()} too; a rule only the network driver of a real libvirtd applies at define is in
 * {@link NetworkSpec#validate()} (test:///default accepts, the private libvirtd refuses); the issue's
 * rules libvirt never checks are in {@code validate()} while both libvirts accept; and what libvirt
 * accepts, however odd, parses. Each case names the field the SDK reports.
 */
class NetworkRulePlacementOracleTest {
  enum Where { PARSE, DRIVER, SDK_ONLY, ACCEPTED }

  record Case(String id, Where where, String field, String xml) {}

  static final String NAT_IP = "<ip address='192.168.50.1' netmask='255.255.255.0'><dhcp><range start='192.168.50.10' end='192.168.50.100'/></dhcp></ip>";
  static final String OVS = "<forward mode='bridge'/><bridge name='br0'/><virtualport type='openvswitch'/>";

  static String net(String body) { return "<network><name>kvmsdk-rule</name>" + body + "</network>"; }

  static String ip4(String inner) { return "<ip address='192.168.50.1' prefix='24'>" + inner + "</ip>"; }

  static String ip6(String inner) { return "<ip family='ipv6' address='2001:db8::1' prefix='64'>" + inner + "</ip>"; }

  static final List<Case> CASES = List.of(
      // ---- libvirt's parser (every driver): refused at parse
      new Case("dhcp range outside its subnet", Where.PARSE, "network/ip[1]/dhcp/range[1]", net(ip4("<dhcp><range start='192.168.51.10' end='192.168.51.100'/></dhcp>"))),
      new Case("dhcp range reversed", Where.PARSE, "network/ip[1]/dhcp/range[1]", net(ip4("<dhcp><range start='192.168.50.100' end='192.168.50.10'/></dhcp>"))),
      new Case("dhcp range starts at the network address", Where.PARSE, "network/ip[1]/dhcp/range[1]/@start", net(ip4("<dhcp><range start='192.168.50.0' end='192.168.50.10'/></dhcp>"))),
      new Case("dhcp range ends at the broadcast address", Where.PARSE, "network/ip[1]/dhcp/range[1]/@end", net(ip4("<dhcp><range start='192.168.50.10' end='192.168.50.255'/></dhcp>"))),
      new Case("dhcp range of the other family", Where.PARSE, "network/ip[1]/dhcp/range[1]", net(ip4("<dhcp><range start='2001:db8::10' end='2001:db8::20'/></dhcp>"))),
      new Case("IPv6 dhcp range wider than 65536", Where.PARSE, "network/ip[1]/dhcp/range[1]", net(ip6("<dhcp><range start='2001:db8::1:10' end='2001:db8::2:20'/></dhcp>"))),
      new Case("dhcp range without end", Where.PARSE, "network/ip[1]/dhcp/range[1]/@end", net(ip4("<dhcp><range start='192.168.50.10'/></dhcp>"))),
      new Case("NAT port range inverted", Where.PARSE, "network/forward/nat/port/@end", net("<forward mode='nat'><nat><port start='2000' end='1000'/></nat></forward>" + NAT_IP)),
      new Case("NAT port above 65535", Where.PARSE, "network/forward/nat/port/@end", net("<forward mode='nat'><nat><port start='1' end='70000'/></nat></forward>" + NAT_IP)),
      new Case("NAT port range without end", Where.PARSE, "network/forward/nat/port/@end", net("<forward mode='nat'><nat><port start='10'/></nat></forward>" + NAT_IP)),
      new Case("NAT address range inverted", Where.PARSE, "network/forward/nat/address/@end", net("<forward mode='nat'><nat><address start='1.2.3.10' end='1.2.3.4'/></nat></forward>" + NAT_IP)),
      new Case("NAT address range without end", Where.PARSE, "network/forward/nat/address/@end", net("<forward mode='nat'><nat><address start='1.2.3.4'/></nat></forward>" + NAT_IP)),
      new Case("NAT address range of IPv6", Where.PARSE, "network/forward/nat/address/@start", net("<forward mode='nat'><nat><address start='2001:db8::1' end='2001:db8::5'/></nat></forward>" + NAT_IP)),
      new Case("two NAT address ranges", Where.PARSE, "network/forward/nat/address", net("<forward mode='nat'><nat><address start='1.2.3.4' end='1.2.3.5'/><address start='1.2.3.6' end='1.2.3.7'/></nat></forward>" + NAT_IP)),
      new Case("<nat> in route mode", Where.PARSE, "network/forward/nat", net("<forward mode='route'><nat><port start='1' end='2'/></nat></forward>" + NAT_IP)),
      new Case("two <nat>", Where.PARSE, "network/forward/nat", net("<forward mode='nat'><nat/><nat/></forward>" + NAT_IP)),
      new Case("nat without an address", Where.PARSE, "network/ip", net("<forward mode='nat'/>")),
      new Case("route without an address", Where.PARSE, "network/ip", net("<forward mode='route'/>")),
      new Case("open without an address", Where.PARSE, "network/ip", net("<forward mode='open'/>")),
      new Case("nat through two interfaces", Where.PARSE, "network/forward/interface", net("<forward mode='nat'><interface dev='eth0'/><interface dev='eth1'/></forward>" + NAT_IP)),
      new Case("open with a forward dev", Where.PARSE, "network/forward/@dev", net("<forward mode='open' dev='eth0'/>" + NAT_IP)),
      new Case("unknown forward mode", Where.PARSE, "network/forward/@mode", net("<forward mode='magic'/>")),
      new Case("forward dev with a pf", Where.PARSE, "network/forward/@dev", net("<forward mode='passthrough' dev='eth0'><pf dev='eth1'/></forward>")),
      new Case("forward dev not the first interface", Where.PARSE, "network/forward/interface[1]/@dev", net("<forward mode='nat' dev='eth0'><interface dev='eth1'/></forward>" + NAT_IP)),
      new Case("pool interface listed twice", Where.PARSE, "network/forward/interface[2]/@dev", net("<forward mode='passthrough'><interface dev='eth1'/><interface dev='eth1'/></forward>")),
      new Case("pool interface without dev", Where.PARSE, "network/forward/interface[1]/@dev", net("<forward mode='passthrough'><interface/></forward>")),
      new Case("two pfs", Where.PARSE, "network/forward/pf", net("<forward mode='passthrough'><pf dev='eth1'/><pf dev='eth2'/></forward>")),
      new Case("unknown hostdev driver", Where.PARSE, "network/forward/driver/@name", net("<forward mode='hostdev'><driver name='xen'/><pf dev='eth1'/></forward>")),
      new Case("pool address without type", Where.PARSE, "network/forward/address[1]/@type", net("<forward mode='hostdev'><address domain='0' bus='4' slot='0' function='1'/></forward>")),
      new Case("pool address not PCI", Where.PARSE, "network/forward/address[1]/@type", net("<forward mode='hostdev'><address type='usb' bus='1' device='2'/></forward>")),
      new Case("pool PCI slot above 0x1f", Where.PARSE, "network/forward/address[1]/@slot", net("<forward mode='hostdev'><address type='pci' domain='0' bus='4' slot='40' function='1'/></forward>")),
      new Case("pool PCI address twice", Where.PARSE, "network/forward/address[2]", net("<forward mode='hostdev'><address type='pci' domain='0' bus='4' slot='0' function='1'/><address type='pci' domain='0' bus='4' slot='0' function='1'/></forward>")),
      new Case("bridge name in hostdev mode", Where.PARSE, "network/bridge/@name", net("<forward mode='hostdev'><pf dev='eth1'/></forward><bridge name='br0'/>")),
      new Case("macTableManager in passthrough mode", Where.PARSE, "network/bridge/@macTableManager", net("<forward mode='passthrough'><pf dev='eth1'/></forward><bridge macTableManager='libvirt'/>")),
      new Case("stp in bridge mode", Where.PARSE, "network/bridge/@stp", net("<forward mode='bridge'/><bridge name='br0' stp='on'/>")),
      new Case("zone in bridge mode", Where.PARSE, "network/bridge/@zone", net("<forward mode='bridge'/><bridge name='br0' zone='trusted'/>")),
      new Case("bridge name and forward dev in bridge mode", Where.PARSE, "network/bridge/@name", net("<forward mode='bridge' dev='eth0'/><bridge name='br0'/>")),
      new Case("unknown macTableManager", Where.PARSE, "network/bridge/@macTableManager", net("<bridge name='virbr9' macTableManager='default'/>")),
      new Case("bridge delay not a number", Where.PARSE, "network/bridge/@delay", net("<bridge name='virbr9' delay='x'/>")),
      new Case("mtu in bridge mode", Where.PARSE, "network/mtu/@size", net("<forward mode='bridge'/><bridge name='br0'/><mtu size='9000'/>")),
      new Case("mtu not a number", Where.PARSE, "network/mtu/@size", net("<mtu size='x'/>")),
      new Case("prefix and netmask", Where.PARSE, "network/ip[1]/@prefix", net("<ip address='192.168.50.1' netmask='255.255.255.0' prefix='24'/>")),
      new Case("netmask on IPv6", Where.PARSE, "network/ip[1]/@netmask", net("<ip family='ipv6' address='2001:db8::1' netmask='255.255.255.0'/>")),
      new Case("ipv6 family on an IPv4 address", Where.PARSE, "network/ip[1]/@address", net("<ip family='ipv6' address='192.168.50.1' prefix='64'/>")),
      new Case("IPv6 address without family", Where.PARSE, "network/ip[1]/@address", net("<ip address='2001:db8::1' prefix='64'/>")),
      new Case("IPv4 prefix 33", Where.PARSE, "network/ip[1]/@prefix", net("<ip address='192.168.50.1' prefix='33'/>")),
      new Case("IPv6 prefix 129", Where.PARSE, "network/ip[1]/@prefix", net("<ip family='ipv6' address='2001:db8::1' prefix='129'/>")),
      new Case("unknown family", Where.PARSE, "network/ip[1]/@family", net("<ip family='ipx' address='192.168.50.1' prefix='24'/>")),
      new Case("ip without address", Where.PARSE, "network/ip[1]/@address", net("<ip prefix='24'/>")),
      new Case("ip address not numeric", Where.PARSE, "network/ip[1]/@address", net("<ip address='192.168.50.300' prefix='24'/>")),
      new Case("IPv6 netmask on IPv4", Where.PARSE, "network/ip[1]/@netmask", net("<ip address='192.168.50.1' netmask='ffff::'/>")),
      new Case("localPtr not yes/no", Where.PARSE, "network/ip[1]/@localPtr", net("<ip address='192.168.50.1' prefix='24' localPtr='maybe'/>")),
      new Case("static host with MAC on IPv6", Where.PARSE, "network/ip[1]/dhcp/host[1]/@mac", net(ip6("<dhcp><host mac='00:16:3e:77:e2:ed' name='a' ip='2001:db8::10'/></dhcp>"))),
      new Case("IPv4 static host without mac or name", Where.PARSE, "network/ip[1]/dhcp/host[1]", net(ip4("<dhcp><host ip='192.168.50.10'/></dhcp>"))),
      new Case("IPv4 static host by id only", Where.PARSE, "network/ip[1]/dhcp/host[1]", net(ip4("<dhcp><host id='0:1:0:1' ip='192.168.50.10'/></dhcp>"))),
      new Case("static host id with bad characters", Where.PARSE, "network/ip[1]/dhcp/host[1]/@id", net(ip6("<dhcp><host id='zz' ip='2001:db8::10'/></dhcp>"))),
      new Case("static host without ip", Where.PARSE, "network/ip[1]/dhcp/host[1]/@ip", net(ip4("<dhcp><host mac='00:16:3e:77:e2:ed' name='a'/></dhcp>"))),
      new Case("static host name starting with '-'", Where.PARSE, "network/ip[1]/dhcp/host[1]/@name", net(ip4("<dhcp><host mac='00:16:3e:77:e2:ed' name='-a' ip='192.168.50.10'/></dhcp>"))),
      new Case("static host with multicast MAC", Where.PARSE, "network/ip[1]/dhcp/host[1]/@mac", net(ip4("<dhcp><host mac='01:16:3e:77:e2:ed' name='a' ip='192.168.50.10'/></dhcp>"))),
      new Case("lease of 1 minute", Where.PARSE, "network/ip[1]/dhcp/range[1]/lease/@expiry", net(ip4("<dhcp><range start='192.168.50.10' end='192.168.50.20'><lease expiry='1'/></range></dhcp>"))),
      new Case("lease of 100 seconds", Where.PARSE, "network/ip[1]/dhcp/range[1]/lease/@expiry", net(ip4("<dhcp><range start='192.168.50.10' end='192.168.50.20'><lease expiry='100' unit='seconds'/></range></dhcp>"))),
      new Case("lease in days", Where.PARSE, "network/ip[1]/dhcp/range[1]/lease/@unit", net(ip4("<dhcp><range start='192.168.50.10' end='192.168.50.20'><lease expiry='10' unit='days'/></range></dhcp>"))),
      new Case("tftp on IPv6", Where.PARSE, "network/ip[1]/tftp", net(ip6("<tftp root='/srv/tftp'/>"))),
      new Case("bootp server not numeric", Where.PARSE, "network/ip[1]/dhcp/bootp/@server", net(ip4("<dhcp><bootp file='x' server='tftp.example.com'/></dhcp>"))),
      new Case("TXT name with a space", Where.PARSE, "network/dns/txt[1]/@name", net("<dns><txt name='a b' value='x'/></dns>")),
      new Case("TXT without value", Where.PARSE, "network/dns/txt[1]/@value", net("<dns><txt name='ab'/></dns>")),
      new Case("SRV port without target", Where.PARSE, "network/dns/srv[1]/@port", net("<dns><srv service='name' protocol='tcp' port='10'/></dns>")),
      new Case("SRV service with a dot", Where.PARSE, "network/dns/srv[1]/@service", net("<dns><srv service='na.me' protocol='tcp'/></dns>")),
      new Case("SRV protocol with a dot", Where.PARSE, "network/dns/srv[1]/@protocol", net("<dns><srv service='name' protocol='s.p'/></dns>")),
      new Case("SRV without protocol", Where.PARSE, "network/dns/srv[1]/@protocol", net("<dns><srv service='name'/></dns>")),
      new Case("SRV port 0", Where.PARSE, "network/dns/srv[1]/@port", net("<dns><srv service='name' protocol='tcp' target='t' port='0'/></dns>")),
      new Case("SRV priority 70000", Where.PARSE, "network/dns/srv[1]/@priority", net("<dns><srv service='name' protocol='tcp' target='t' priority='70000'/></dns>")),
      new Case("DNS host without hostname", Where.PARSE, "network/dns/host[1]/hostname", net("<dns><host ip='192.168.50.2'/></dns>")),
      new Case("DNS host with an empty hostname", Where.PARSE, "network/dns/host[1]/hostname[1]", net("<dns><host ip='192.168.50.2'><hostname></hostname></host></dns>")),
      new Case("DNS host without ip", Where.PARSE, "network/dns/host[1]/@ip", net("<dns><host><hostname>a</hostname></host></dns>")),
      new Case("forwarder without addr or domain", Where.PARSE, "network/dns/forwarder[1]/@addr", net("<dns><forwarder/></dns>")),
      new Case("forwarder addr not numeric", Where.PARSE, "network/dns/forwarder[1]/@addr", net("<dns><forwarder addr='dns.example.com'/></dns>")),
      new Case("records in a disabled DNS", Where.PARSE, "network/dns/@enable", net("<dns enable='no'><forwarder addr='8.8.8.8'/></dns>")),
      new Case("dns enable not yes/no", Where.PARSE, "network/dns/@enable", net("<dns enable='maybe'/>")),
      new Case("route gateway not on any subnet", Where.PARSE, "network/route[1]/@gateway", net(ip4("") + "<route address='10.0.0.0' prefix='8' gateway='192.168.60.1'/>")),
      new Case("route without gateway", Where.PARSE, "network/route[1]/@gateway", net(ip4("") + "<route address='10.0.0.0' prefix='8'/>")),
      new Case("route without address", Where.PARSE, "network/route[1]/@address", net(ip4("") + "<route prefix='8' gateway='192.168.50.2'/>")),
      new Case("IPv6 route with netmask", Where.PARSE, "network/route[1]/@netmask", net(ip6("") + "<route family='ipv6' address='2001:db9::' netmask='255.0.0.0' gateway='2001:db8::2'/>")),
      new Case("route address with host bits", Where.PARSE, "network/route[1]/@address", net(ip4("") + "<route address='10.0.0.1' prefix='8' gateway='192.168.50.2'/>")),
      new Case("route family mismatch", Where.PARSE, "network/route[1]/@address", net(ip4("") + "<route family='ipv6' address='10.0.0.0' prefix='8' gateway='192.168.50.2'/>")),
      new Case("route prefix and netmask", Where.PARSE, "network/route[1]/@prefix", net(ip4("") + "<route address='10.0.0.0' prefix='8' netmask='255.0.0.0' gateway='192.168.50.2'/>")),
      new Case("multicast bridge MAC", Where.PARSE, "network/mac/@address", net("<mac address='01:16:3e:5d:c7:9e'/>")),
      new Case("bridge MAC not a MAC", Where.PARSE, "network/mac/@address", net("<mac address='zz'/>")),
      new Case("network bandwidth with classID", Where.PARSE, "network/bandwidth/@classID", net("<bandwidth classID='5'><inbound average='1000'/></bandwidth>")),
      new Case("network bandwidth with floor", Where.PARSE, "network/bandwidth/inbound/@floor", net("<bandwidth><inbound average='1000' floor='10'/></bandwidth>")),
      new Case("rate without average or floor", Where.PARSE, "network/bandwidth/inbound", net("<bandwidth><inbound peak='1000'/></bandwidth>")),
      new Case("outbound floor", Where.PARSE, "network/bandwidth/outbound/@floor", net("<bandwidth><outbound average='10' floor='10'/></bandwidth>")),
      new Case("portgroup bandwidth with floor", Where.PARSE, "network/portgroup[1]/bandwidth/inbound/@floor", net("<portgroup name='a'><bandwidth><inbound average='1000' floor='10'/></bandwidth></portgroup>")),
      new Case("VLAN id 5000", Where.PARSE, "network/vlan/tag[1]/@id", net(OVS + "<vlan><tag id='5000'/></vlan>")),
      new Case("trunk='no' with two tags", Where.PARSE, "network/vlan/@trunk", net(OVS + "<vlan trunk='no'><tag id='5'/><tag id='6'/></vlan>")),
      new Case("VLAN without tags", Where.PARSE, "network/vlan/tag", net(OVS + "<vlan/>")),
      new Case("two native VLANs", Where.PARSE, "network/vlan/tag[2]/@nativeMode", net(OVS.replace("<virtualport", "<virtualport") + "<vlan trunk='yes'><tag id='5' nativeMode='tagged'/><tag id='6' nativeMode='untagged'/></vlan>")),
      new Case("trunk='no' with a native VLAN", Where.PARSE, "network/vlan/@trunk", net(OVS + "<vlan trunk='no'><tag id='5' nativeMode='tagged'/></vlan>")),
      new Case("network virtualport without type", Where.PARSE, "network/virtualport/@type", net("<forward mode='bridge'/><bridge name='br0'/><virtualport><parameters profileid='x'/></virtualport>")),
      new Case("openvswitch virtualport with managerid", Where.PARSE, "network/virtualport/parameters/@managerid", net("<forward mode='bridge'/><bridge name='br0'/><virtualport type='openvswitch'><parameters managerid='5'/></virtualport>")),
      new Case("unknown virtualport type", Where.PARSE, "network/virtualport/@type", net("<forward mode='bridge'/><bridge name='br0'/><virtualport type='weird'/>")),
      new Case("802.1Qbg instanceid not a UUID", Where.PARSE, "network/virtualport/parameters/@instanceid", net("<forward mode='vepa'><interface dev='eth0'/></forward><virtualport type='802.1Qbg'><parameters instanceid='x'/></virtualport>")),
      new Case("802.1Qbg managerid 300", Where.PARSE, "network/virtualport/parameters/@managerid", net("<forward mode='vepa'><interface dev='eth0'/></forward><virtualport type='802.1Qbg'><parameters managerid='300'/></virtualport>")),
      new Case("profileid of 40 characters", Where.PARSE, "network/virtualport/parameters/@profileid", net("<forward mode='bridge'/><bridge name='br0'/><virtualport type='openvswitch'><parameters profileid='" + "a".repeat(40) + "'/></virtualport>")),
      new Case("portgroup without name", Where.PARSE, "network/portgroup[1]/@name", net("<portgroup default='yes'/>")),
      new Case("port isolated not yes/no", Where.PARSE, "network/port/@isolated", net("<forward mode='bridge'/><bridge name='br0'/><port isolated='maybe'/>")),
      new Case("name with '/'", Where.PARSE, "network/name", "<network><name>a/b</name></network>"),
      new Case("empty name", Where.PARSE, "network/name", "<network><name></name></network>"),
      new Case("no name", Where.PARSE, "network", "<network><uuid>81ff0d90-c91e-6742-64da-4a736edb9a9b</uuid></network>"),
      new Case("malformed uuid", Where.PARSE, "network/uuid", net("<uuid>zz</uuid>")),
      new Case("ipv6 not yes/no", Where.PARSE, "network/@ipv6", "<network ipv6='maybe'><name>kvmsdk-rule</name></network>"),
      new Case("trustGuestRxFilters not yes/no", Where.PARSE, "network/@trustGuestRxFilters", "<network trustGuestRxFilters='maybe'><name>kvmsdk-rule</name></network>"),
      // ---- the network driver of a real libvirtd, at define
      new Case("ip on a bridge-mode network", Where.DRIVER, "network/ip", net("<forward mode='bridge'/><bridge name='br0'/><ip address='192.168.50.1' prefix='24'/>")),
      new Case("bridge MAC on a bridge-mode network", Where.DRIVER, "network/mac", net("<forward mode='bridge'/><bridge name='br0'/><mac address='52:54:00:11:22:33'/>")),
      new Case("DNS host on a bridge-mode network", Where.DRIVER, "network/dns", net("<forward mode='bridge'/><bridge name='br0'/><dns><host ip='192.168.50.2'><hostname>a</hostname></host></dns>")),
      new Case("domain on a bridge-mode network", Where.DRIVER, "network/domain", net("<forward mode='bridge'/><bridge name='br0'/><domain name='example.com'/>")),
      new Case("bandwidth on passthrough", Where.DRIVER, "network/bandwidth", net("<forward mode='passthrough'><interface dev='eth0'/></forward><bandwidth><inbound average='1000'/></bandwidth>")),
      new Case("bandwidth on a macvtap bridge pool", Where.DRIVER, "network/bandwidth", net("<forward mode='bridge'><interface dev='eth0'/></forward><bandwidth><inbound average='1000'/></bandwidth>")),
      new Case("portgroup bandwidth on hostdev", Where.DRIVER, "network/portgroup[1]/bandwidth", net("<forward mode='hostdev'><pf dev='eth0'/></forward><portgroup name='a'><bandwidth><inbound average='1000'/></bandwidth></portgroup>")),
      new Case("PCI pool on passthrough", Where.DRIVER, "network/forward/address", net("<forward mode='passthrough'><address type='pci' domain='0' bus='4' slot='0' function='1'/></forward>")),
      new Case("interface pool on hostdev", Where.DRIVER, "network/forward/interface", net("<forward mode='hostdev'><interface dev='eth0'/></forward>")),
      new Case("DHCP on two IPv4 addresses", Where.DRIVER, "network/ip[2]/dhcp", net(ip4("<dhcp><range start='192.168.50.10' end='192.168.50.20'/></dhcp>") + "<ip address='192.168.51.1' prefix='24'><dhcp><range start='192.168.51.10' end='192.168.51.20'/></dhcp></ip>")),
      new Case("VLAN on a NAT network", Where.DRIVER, "network/vlan", net("<forward mode='nat'/>" + NAT_IP + "<vlan><tag id='5'/></vlan>")),
      new Case("two default portgroups", Where.DRIVER, "network/portgroup[2]/@default", net("<portgroup name='a' default='yes'/><portgroup name='b' default='yes'/>")),
      new Case("two portgroups of one name", Where.DRIVER, "network/portgroup[2]/@name", net("<portgroup name='a'/><portgroup name='a'/>")),
      new Case("dnsmasq option without value", Where.DRIVER, "network/dnsmasq:options/dnsmasq:option",
          "<network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'><name>kvmsdk-rule</name><dnsmasq:options><dnsmasq:option/></dnsmasq:options></network>"),
      new Case("name with a newline", Where.DRIVER, "network/name", "<network><name>a&#10;b</name></network>"),
      // ---- rules libvirt 9.0 never applies but the issue lists (or newer libvirt applies)
      new Case("overlapping DHCP ranges", Where.SDK_ONLY, "network/ip[1]/dhcp/range[2]", net(ip4("<dhcp><range start='192.168.50.10' end='192.168.50.100'/><range start='192.168.50.50' end='192.168.50.150'/></dhcp>"))),
      new Case("register without localOnly", Where.SDK_ONLY, "network/domain/@register", net("<domain name='example.com' register='yes'/>")),
      // ---- odd but accepted by libvirt: parse and validate() accept them
      new Case("stp neither on nor off", Where.ACCEPTED, null, net("<bridge name='virbr9' stp='maybe'/>")),
      new Case("managed neither yes nor no", Where.ACCEPTED, null, net("<forward mode='hostdev' managed='maybe'><pf dev='eth1'/></forward>")),
      new Case("default neither yes nor no", Where.ACCEPTED, null, net("<portgroup name='a' default='maybe'/>")),
      new Case("trunk='YES'", Where.ACCEPTED, null, net(OVS + "<vlan trunk='YES'><tag id='5'/></vlan>")),
      new Case("pf beside a pool interface", Where.ACCEPTED, null, net("<forward mode='passthrough'><pf dev='eth1'/><interface dev='eth0'/></forward>")),
      new Case("long SRV service", Where.ACCEPTED, null, net("<dns><srv service='abcdefghijklmnopq' protocol='tcp'/></dns>")),
      new Case("SRV protocol sctp", Where.ACCEPTED, null, net("<dns><srv service='name' protocol='sctp'/></dns>")),
      new Case("lease without expiry", Where.ACCEPTED, null, net(ip4("<dhcp><range start='192.168.50.10' end='192.168.50.20'><lease unit='hours'/></range></dhcp>"))),
      new Case("bootp without file", Where.ACCEPTED, null, net(ip4("<dhcp><range start='192.168.50.10' end='192.168.50.20'/><bootp server='10.0.0.1'/></dhcp>"))),
      new Case("bootp on IPv6", Where.ACCEPTED, null, net(ip6("<dhcp><bootp file='x'/></dhcp>"))),
      new Case("IPv4 address in inet_aton short form", Where.ACCEPTED, null, net("<ip address='10.1' prefix='8'/>")),
      new Case("prefix 0 beside a netmask", Where.ACCEPTED, null, net("<ip address='192.168.50.1' netmask='255.255.255.0' prefix='0'/>")),
      new Case("non-contiguous netmask without DHCP", Where.ACCEPTED, null, net("<ip address='192.168.50.1' netmask='255.0.255.0'/>")),
      new Case("mtu without size", Where.ACCEPTED, null, net("<mtu/>")),
      new Case("mtu 70000", Where.ACCEPTED, null, net("<mtu size='70000'/>")),
      new Case("empty metadata", Where.ACCEPTED, null, net("<metadata/>")),
      new Case("uuid without dashes", Where.ACCEPTED, null, net("<uuid>81ff0d90c91e674264da4a736edb9a9b</uuid>")),
      new Case("NAT from port 0", Where.ACCEPTED, null, net("<forward mode='nat'><nat><port start='0' end='10'/></nat></forward>" + NAT_IP)),
      new Case("static host outside the subnet", Where.ACCEPTED, null, net(ip4("<dhcp><host mac='00:16:3e:77:e2:ed' name='a' ip='10.0.0.10'/></dhcp>"))),
      new Case("two static hosts of one MAC", Where.ACCEPTED, null, net(ip4("<dhcp><host mac='00:16:3e:77:e2:ed' name='a' ip='192.168.50.10'/><host mac='00:16:3e:77:e2:ed' name='b' ip='192.168.50.11'/></dhcp>"))),
      new Case("IPv6 static host by id only", Where.ACCEPTED, null, net(ip6("<dhcp><host id='0:1:0:1:18:aa:62:fe:0:16:3e:44:55:66' ip='2001:db8::10'/></dhcp>"))),
      new Case("port isolation on NAT", Where.ACCEPTED, null, net("<forward mode='nat'/>" + NAT_IP + "<port isolated='yes'/>")),
      new Case("domain without name", Where.ACCEPTED, null, net("<domain localOnly='yes'/>")),
      new Case("midonet without parameters", Where.ACCEPTED, null, net("<forward mode='bridge'/><bridge name='br0'/><virtualport type='midonet'/>")),
      new Case("portgroup virtualport without type", Where.ACCEPTED, null, net("<forward mode='bridge'/><bridge name='br0'/><portgroup name='a'><virtualport><parameters profileid='x'/></virtualport></portgroup>")),
      new Case("a second IPv4 with an empty dhcp", Where.ACCEPTED, null, net(ip4("<dhcp><range start='192.168.50.10' end='192.168.50.20'/></dhcp>") + "<ip address='192.168.51.1' prefix='24'><dhcp/></ip>")),
      new Case("forward without mode is nat", Where.ACCEPTED, null, net("<forward><nat ipv6='yes'/></forward>" + NAT_IP)),
      new Case("live connections", Where.ACCEPTED, null, "<network connections='3'><name>kvmsdk-rule</name></network>"));

  /** What the SDK says about {@code xml}: the parse error, else the validate() error, else null. */
  static InvalidSpecException sdk(String xml, boolean withValidate) {
    try {
      NetworkSpec s = NetworkSpec.fromXml(xml);
      if (withValidate) s.validate();
      return null;
    } catch (InvalidSpecException e) {
      return e;
    }
  }

  @Test
  void theSdkPlacesEveryRuleWhereTheTableSays() {
    List<String> wrong = new ArrayList<>();
    for (Case c : CASES) {
      InvalidSpecException parse = sdk(c.xml(), false);
      InvalidSpecException all = sdk(c.xml(), true);
      switch (c.where()) {
        case PARSE:
          if (parse == null) wrong.add(c.id() + ": parse accepted it");
          else if (!parse.field().equals(c.field())) wrong.add(c.id() + ": field " + parse.field() + " (" + parse.rule() + "), expected " + c.field());
          break;
        case DRIVER:
        case SDK_ONLY:
          if (parse != null) wrong.add(c.id() + ": parse refused it: " + parse.getMessage());
          else if (all == null) wrong.add(c.id() + ": validate() accepted it");
          else if (!all.field().equals(c.field())) wrong.add(c.id() + ": field " + all.field() + " (" + all.rule() + "), expected " + c.field());
          break;
        default:
          if (all != null) wrong.add(c.id() + ": refused: " + all.getMessage());
          else if (!NetworkSpec.fromXml(NetworkSpec.fromXml(c.xml()).toXml()).equals(NetworkSpec.fromXml(c.xml()))) wrong.add(c.id() + ": not stable");
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void libvirtsTestDriverAgreesWithParseRulesAndAcceptsTheRest() throws Exception {
    VirshNet.requireVirsh();
    List<String> wrong = new ArrayList<>();
    for (Case c : CASES) {
      VirshNet.Result r = VirshNet.define(VirshNet.TEST, "kvmsdk-rule", c.xml());
      boolean refuses = c.where() == Where.PARSE;
      if (refuses == r.defined()) wrong.add(c.id() + ": test:///default " + (r.defined() ? "accepted it" : "refused it: " + r.out().strip()));
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aRealLibvirtdRefusesParseAndDriverRulesAndAcceptsTheRest() throws Exception {
    String uri = VirshNet.requireDaemon();
    List<String> wrong = new ArrayList<>();
    for (Case c : CASES) {
      VirshNet.Result r = VirshNet.define(uri, "kvmsdk-rule", c.xml());
      boolean refuses = c.where() == Where.PARSE || c.where() == Where.DRIVER;
      if (refuses == r.defined()) wrong.add(c.id() + ": libvirtd " + (r.defined() ? "accepted it" : "refused it: " + r.out().strip()));
    }
    assertThat(wrong).isEmpty();
  }
}
