package io.kvmsdk.core.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.common.Bandwidth;
import io.kvmsdk.core.common.VirtualPort;
import io.kvmsdk.core.common.Vlan;
import io.kvmsdk.core.internal.network.NetworkCodecs;
import io.kvmsdk.core.xml.Unmodeled;
import io.kvmsdk.core.xml.XmlElement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A libvirt virtual network definition ({@code <network>}): the typed, immutable, lossless model of
 * libvirt's network XML: every forward mode (nat with address and port ranges, route, open,
 * isolated, bridge, private, vepa, passthrough, hostdev with PF/VF pools), the bridge, Open vSwitch
 * virtualport and portgroups with VLAN tags and bandwidth, IPv4/IPv6 addresses with DHCP ranges,
 * static hosts and BOOTP, DNS records and forwarders, MTU, domain, dnsmasq options and port isolation.
 *
 * <pre>{@code
 * NetworkSpec nat = NetworkSpec.nat("default", "192.168.122.1/24", "192.168.122.2", "192.168.122.254");
 * NetworkSpec ovs = NetworkSpec.builder().name("ovs-br0")
 *     .forward(NetworkForward.bridge()).bridge(NetworkBridge.named("br0"))
 *     .virtualport(VirtualPort.openvswitch())
 *     .addPortgroup(Portgroup.vlan("web", 10).asDefault())
 *     .addPortgroup(Portgroup.trunk("uplink", 10, 20))
 *     .build();
 * NetworkSpec back = NetworkSpec.fromXml(ovs.toXml());   // equal to ovs
 * ovs.validate();                                        // the network driver's rules, before define
 * }</pre>
 *
 * <p>{@code build()} and {@link #fromXml} check the rules libvirt's network parser applies on every
 * driver (a DHCP range outside its subnet, a reversed NAT port range, a forward dev that does not
 * match its pool, ...). {@link #validate()} adds the rules only the network driver of a real libvirtd
 * applies when it defines the network (an {@code <ip>} on a bridge-mode network, two default
 * portgroups, ...) and the ones libvirt never checks but that break the network when it starts
 * (overlapping DHCP ranges): parsing never refuses what libvirt's define accepts, and
 * {@code kvm.networks().define(spec)} calls {@code validate()} before any XML reaches libvirt.
 *
 * <p>Whatever a parsed document carries that no typed field covers yet is kept verbatim,
 * re-emitted by {@link #toXml()}, and listed by {@link #unmodeledPaths()}.
 */
@Value.Immutable
public abstract class NetworkSpec {
  /** Namespace declarations on {@code <network>}, prefix to URI ({@code xmlns:dnsmasq} is implied by {@link #dnsmasqOptions()}). */
  public abstract Map<String, String> namespaces();

  /** Live XML only: how many guest interfaces are connected. */
  public abstract Optional<Integer> connections();

  /** Guest-to-guest IPv6 on a network with no IPv6 address ({@code ipv6='yes'}). */
  public abstract Optional<Boolean> ipv6();

  /** Default of {@code trustGuestRxFilters} for the network's guest interfaces. */
  public abstract Optional<Boolean> trustGuestRxFilters();

  public abstract String name();

  public abstract Optional<String> uuid();

  /** Application metadata ({@code <metadata>}), kept as XML: its content belongs to the applications. */
  public abstract Optional<XmlElement> metadata();

  /** How the network reaches the LAN; absent for an isolated network. */
  public abstract Optional<NetworkForward> forward();

  public abstract Optional<NetworkBridge> bridge();

  /** {@code <mtu size='..'/>} of the bridge and its taps (nat, route, open and isolated networks). */
  public abstract Optional<Integer> mtu();

  /** {@code <mac address='..'/>} of the bridge. */
  public abstract Optional<String> mac();

  public abstract Optional<NetworkDomain> domain();

  public abstract Optional<NetworkDns> dns();

  /** VLAN tags for every guest (Open vSwitch, hostdev and passthrough networks). */
  public abstract Optional<Vlan> vlan();

  /** Aggregate bandwidth of the whole network. */
  public abstract Optional<Bandwidth> bandwidth();

  /** {@code <port isolated='yes'/>}: guests cannot reach each other. */
  public abstract Optional<Boolean> portIsolated();

  public abstract List<NetworkIp> ips();

  public abstract List<NetworkRoute> routes();

  /** The switch port profile of every guest ({@code <virtualport type='openvswitch'/>}, 802.1Qbh, ...). */
  public abstract Optional<VirtualPort> virtualport();

  public abstract List<Portgroup> portgroups();

  /** {@code <dnsmasq:options>}: options passed verbatim to dnsmasq. */
  public abstract Optional<DnsmasqOptions> dnsmasqOptions();

  /** What {@code <network>} itself carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  // ------------------------------------------------------------------ common shapes

  /**
   * A NAT network: {@code <forward mode='nat'/>}, the bridge's address {@code cidr} (such as
   * {@code 192.168.122.1/24}) and DHCP handing out {@code dhcpStart}..{@code dhcpEnd} (both may be
   * null for no DHCP). libvirt names the bridge virbrN.
   */
  public static NetworkSpec nat(String name, String cidr, String dhcpStart, String dhcpEnd) {
    NetworkIp ip = NetworkIp.of(cidr);
    if (dhcpStart != null || dhcpEnd != null) ip = ip.dhcpRange(dhcpStart, dhcpEnd);
    return builder().name(name).forward(NetworkForward.nat()).addIp(ip).build();
  }

  /** An isolated network (no {@code <forward>}): guests reach each other and the host at {@code cidr} (null for no address). */
  public static NetworkSpec isolated(String name, String cidr) {
    Builder b = builder().name(name);
    if (cidr != null) b.addIp(NetworkIp.of(cidr));
    return b.build();
  }

  /** A network on the existing host bridge {@code bridge}: {@code <forward mode='bridge'/><bridge name='..'/>}. */
  public static NetworkSpec hostBridge(String name, String bridge) {
    return builder().name(name).forward(NetworkForward.bridge()).bridge(NetworkBridge.named(bridge)).build();
  }

  /** A network on the existing Open vSwitch bridge {@code bridge}, with the given portgroups (VLAN tags or trunks). */
  public static NetworkSpec openvswitch(String name, String bridge, Portgroup... portgroups) {
    return builder().name(name).forward(NetworkForward.bridge()).bridge(NetworkBridge.named(bridge))
        .virtualport(VirtualPort.openvswitch()).addPortgroups(portgroups).build();
  }

  // ------------------------------------------------------------------ front door

  public static Builder builder() { return new Builder(); }

  /** Parses libvirt's {@code <network>} XML; throws {@link InvalidSpecException} naming the field and the rule. */
  public static NetworkSpec fromXml(String xml) { return NetworkCodecs.networkSpecDocument().parse(xml); }

  /** This definition as libvirt XML. */
  public String toXml() { return NetworkCodecs.networkSpecDocument().render(this); }

  /** Paths this instance keeps verbatim because no typed field covers them yet; empty when fully typed. */
  @Value.Lazy public List<String> unmodeledPaths() { return NetworkCodecs.networkSpecDocument().unmodeledPaths(this); }

  /** Derives a changed copy; this one stays as it is. */
  public NetworkSpec copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The forward mode libvirt applies: {@code none} for an isolated network, {@code nat} for a forward without mode. */
  public String forwardMode() { return forward().map(NetworkForward::effectiveMode).orElse("none"); }

  /**
   * Checks the rules a real libvirtd's network driver applies when it defines or creates the
   * network (libvirt's test driver does not), and those it never checks but that keep the network
   * from starting or working: no {@code <ip>}, {@code <mac>}, {@code <domain>} or DNS records on
   * bridge, private, vepa, passthrough and hostdev networks; bandwidth only where libvirt shapes
   * it; the forward pool's kind fits the mode; DHCP on at most one IPv4 and one IPv6 address; VLAN
   * tags only where the connection supports them; one default portgroup and unique portgroup names;
   * every dnsmasq option with a value; a newline-free name; non-overlapping DHCP ranges; a
   * {@code <domain register='yes'>} only with {@code localOnly='yes'}.
   *
   * @throws InvalidSpecException naming the field and the rule
   */
  public void validate() { NetworkRules.validate(this); }

  @Value.Check protected void check() { NetworkRules.check(this); }

  /** The XML, with secrets masked. */
  @Override public String toString() { return NetworkCodecs.networkSpecDocument().renderRedacted(this); }

  /** Builds a {@link NetworkSpec}; {@code build()} checks libvirt's define-time rules. */
  public static class Builder extends ImmutableNetworkSpec.Builder {
    @Override public NetworkSpec build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw new InvalidSpecException("network", String.valueOf(e.getMessage()), e);
      }
    }
  }
}
