package io.kvmsdk.core.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.internal.network.IpAddr;
import io.kvmsdk.core.xml.Unmodeled;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a whole {@code <network>}: {@link #check} those libvirt's parser applies on every
 * driver (network_conf.c), {@link #validate} those only the network driver applies at define
 * (bridge_driver.c) plus the ones that break a network at start.
 */
final class NetworkRules {
  private NetworkRules() {}

  private static final Set<String> L3 = Set.of("none", "nat", "route", "open");

  static void check(NetworkSpec n) {
    if (n.name().isEmpty()) throw new InvalidSpecException("network/name", "must not be empty");
    if (n.name().indexOf('/') >= 0) throw new InvalidSpecException("network/name", "must not contain '/', got '" + n.name() + "'");
    n.uuid().ifPresent(u -> NetCheck.uuid("network/uuid", u));
    n.mac().ifPresent(m -> NetCheck.mac("network/mac/@address", m, false));
    NetCheck.bandwidth("network/bandwidth", n.bandwidth(), false);
    NetCheck.vlan("network/vlan", n.vlan());
    NetCheck.virtualport("network/virtualport", n.virtualport(), true);
    routes(n);
    String mode = n.forwardMode();
    Optional<NetworkForward> f = n.forward();
    boolean hasIfs = f.isPresent() && (!f.get().interfaces().isEmpty() || f.get().dev().isPresent());
    int nifs = !f.isPresent() ? 0 : hasIfs ? Math.max(f.get().interfaces().size(), 1) : f.get().addresses().size();
    boolean npfs = f.isPresent() && nifs == 0 && f.get().pf().isPresent();
    Optional<NetworkBridge> br = n.bridge();
    boolean brName = br.flatMap(NetworkBridge::name).isPresent();
    boolean zone = br.flatMap(NetworkBridge::zone).isPresent();
    boolean stp = br.isPresent() && (br.get().stp().isPresent() || NetCheck.keptAttr(br.get().unmodeled(), "stp"));
    boolean delay = br.flatMap(NetworkBridge::delay).filter(d -> d != 0).isPresent();
    switch (mode) {
      case "route":
      case "nat":
        if (n.ips().isEmpty()) throw new InvalidSpecException("network/ip", mode + " forwarding needs at least one <ip> address");
        if (nifs > 1) throw new InvalidSpecException("network/forward/interface", mode + " forwarding supports only one forward interface, got " + nifs);
        break;
      case "open":
        if (n.ips().isEmpty()) throw new InvalidSpecException("network/ip", mode + " forwarding needs at least one <ip> address");
        if (nifs > 0) throw new InvalidSpecException("network/forward/@dev", "forward mode 'open' takes no forward dev or interfaces");
        break;
      case "private":
      case "vepa":
      case "passthrough":
      case "hostdev":
        if (brName) throw new InvalidSpecException("network/bridge/@name", "a bridge name is not allowed in forward mode '" + mode + "'");
        if (zone) throw new InvalidSpecException("network/bridge/@zone", "a bridge zone is not allowed in forward mode '" + mode + "'");
        if (br.flatMap(NetworkBridge::macTableManager).isPresent()) {
          throw new InvalidSpecException("network/bridge/@macTableManager", "is not allowed in forward mode '" + mode + "'");
        }
        bridgeOptions(mode, stp, delay, zone, brName, nifs, npfs);
        break;
      case "bridge":
        bridgeOptions(mode, stp, delay, zone, brName, nifs, npfs);
        break;
      default:
        break;
    }
    if (n.mtu().isPresent() && n.mtu().get() != 0 && !L3.contains(mode)) {
      throw new InvalidSpecException("network/mtu/@size", "an MTU is only allowed in open, route, nat and isolated networks, not in forward mode '" + mode + "'");
    }
  }

  private static void bridgeOptions(String mode, boolean stp, boolean delay, boolean zone, boolean brName, int nifs, boolean npfs) {
    if (delay || stp || zone) {
      String attr = stp ? "stp" : delay ? "delay" : "zone";
      throw new InvalidSpecException("network/bridge/@" + attr, "bridge delay/stp/zone are only allowed in open, route, nat and isolated networks, not in forward mode '" + mode + "'");
    }
    if (brName && (nifs > 0 || npfs)) {
      throw new InvalidSpecException("network/bridge/@name", "forward mode '" + mode + "' takes a bridge name or a forward dev/pool, not both");
    }
  }

  /** Every static route's gateway must sit in the subnet of one of the network's addresses. */
  private static void routes(NetworkSpec n) {
    for (int i = 0; i < n.routes().size(); i++) {
      IpAddr gw = IpAddr.parse(n.routes().get(i).gateway().get()).get();
      boolean reachable = false;
      for (NetworkIp ip : n.ips()) {
        IpAddr a = IpAddr.parse(ip.address().get()).get();
        if (!a.sameFamily(gw)) continue;
        int p = NetCheck.prefixOf(ip, a);
        if (p < 0 || p > a.bits()) continue;
        if (a.network(p).equals(gw.network(p))) {
          reachable = true;
          break;
        }
      }
      if (!reachable) {
        throw new InvalidSpecException("network/route[" + (i + 1) + "]/@gateway",
            "gateway '" + n.routes().get(i).gateway().get() + "' is not in the subnet of any of the network's <ip> addresses");
      }
    }
  }

  // ------------------------------------------------------------------ validate()

  static void validate(NetworkSpec n) {
    if (n.name().indexOf('\n') >= 0) throw new InvalidSpecException("network/name", "must not contain a newline");
    String mode = n.forwardMode();
    boolean l3 = L3.contains(mode);
    boolean bandwidthAllowed = l3 || (mode.equals("bridge") && n.bridge().flatMap(NetworkBridge::name).isPresent());
    if (!l3) {
      if (n.mac().isPresent()) throw new InvalidSpecException("network/mac", "a bridge MAC is not supported in forward mode '" + mode + "'");
      if (!n.ips().isEmpty()) throw new InvalidSpecException("network/ip", "an <ip> address is not supported in forward mode '" + mode + "'");
      if (n.dns().isPresent() && !(n.dns().get().txts().isEmpty() && n.dns().get().hosts().isEmpty() && n.dns().get().srvs().isEmpty())) {
        throw new InvalidSpecException("network/dns", "DNS txt, host and srv records are not supported in forward mode '" + mode + "'");
      }
      if (n.domain().flatMap(NetworkDomain::name).isPresent()) {
        throw new InvalidSpecException("network/domain", "a DNS <domain> is not supported in forward mode '" + mode + "'");
      }
    }
    if (n.bandwidth().isPresent() && !bandwidthAllowed) {
      throw new InvalidSpecException("network/bandwidth", "network-wide bandwidth is only supported in nat, route, open and isolated networks, "
          + "and bridge networks with a bridge name; not in forward mode '" + mode + "'");
    }
    n.forward().ifPresent(f -> {
      boolean ifs = !f.interfaces().isEmpty() || f.dev().isPresent();
      if (ifs && mode.equals("hostdev")) {
        throw new InvalidSpecException("network/forward/interface", "a hostdev network lists its pool by PCI <address>, not by network device name");
      }
      if (!ifs && !f.addresses().isEmpty() && !mode.equals("hostdev")) {
        throw new InvalidSpecException("network/forward/address", "a pool by PCI <address> is only supported in forward mode 'hostdev', not '" + mode + "'");
      }
    });
    dhcpOncePerFamily(n);
    vlans(n, mode);
    Portgroup def = null;
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < n.portgroups().size(); i++) {
      Portgroup pg = n.portgroups().get(i);
      String path = "network/portgroup[" + (i + 1) + "]";
      if (pg.isDefault().orElse(false)) {
        if (def != null) {
          throw new InvalidSpecException(path + "/@default", "only one portgroup may be the default, '" + def.name().get() + "' already is");
        }
        def = pg;
      }
      Integer prev = names.put(pg.name().get(), i + 1);
      if (prev != null) throw new InvalidSpecException(path + "/@name", "portgroup name '" + pg.name().get() + "' is already used by portgroup[" + prev + "]");
      if (pg.bandwidth().isPresent() && !bandwidthAllowed) {
        throw new InvalidSpecException(path + "/bandwidth", "portgroup bandwidth is not supported in forward mode '" + mode + "'");
      }
    }
    n.dnsmasqOptions().ifPresent(o -> {
      for (Unmodeled.Element e : o.unmodeled().elements()) {
        if (e.element().name().endsWith("option")) {
          throw new InvalidSpecException("network/dnsmasq:options/dnsmasq:option", "every dnsmasq option needs a value attribute");
        }
      }
    });
    n.domain().ifPresent(d -> {
      if (d.register().orElse(false) && !d.localOnly().orElse(false)) {
        throw new InvalidSpecException("network/domain/@register", "register='yes' requires localOnly='yes'");
      }
    });
    overlappingRanges(n);
  }

  private static void dhcpOncePerFamily(NetworkSpec n) {
    boolean v4 = false;
    boolean v6 = false;
    for (int i = 0; i < n.ips().size(); i++) {
      NetworkIp ip = n.ips().get(i);
      boolean serves = ip.dhcp().map(d -> !d.ranges().isEmpty() || !d.hosts().isEmpty()).orElse(false);
      if (!serves) continue;
      boolean six = IpAddr.parse(ip.address().get()).get().isV6();
      if (six ? v6 : v4) {
        throw new InvalidSpecException("network/ip[" + (i + 1) + "]/dhcp",
            "DHCP is supported on only one " + (six ? "IPv6" : "IPv4") + " address of a network");
      }
      if (six) v6 = true; else v4 = true;
    }
  }

  private static void vlans(NetworkSpec n, String mode) {
    boolean ovsBase = n.virtualport().flatMap(v -> v.type()).filter("openvswitch"::equals).isPresent();
    boolean vlanAllowed = mode.equals("hostdev") || mode.equals("passthrough") || (mode.equals("bridge") && ovsBase);
    boolean vlanUsed = n.vlan().isPresent() && !n.vlan().get().tags().isEmpty();
    boolean bad = false;
    boolean hasDefault = false;
    for (Portgroup pg : n.portgroups()) {
      if (vlanUsed || pg.vlan().map(v -> !v.tags().isEmpty()).orElse(false)) {
        if (pg.virtualport().isPresent()) {
          if (!mode.equals("bridge") || !pg.virtualport().get().type().filter("openvswitch"::equals).isPresent()) bad = true;
        } else if (!vlanAllowed) {
          bad = true;
        }
      }
      if (pg.isDefault().orElse(false)) hasDefault = true;
    }
    if (bad || (vlanUsed && !vlanAllowed && !hasDefault)) {
      throw new InvalidSpecException(vlanUsed ? "network/vlan" : "network/portgroup/vlan",
          "VLAN tags need an Open vSwitch bridge, hostdev or passthrough network; forward mode '" + mode + "'"
              + (ovsBase ? "" : " without <virtualport type='openvswitch'/>") + " does not support them");
    }
  }

  /** DHCP ranges of one family must not share addresses (dnsmasq would hand one address out twice). */
  private static void overlappingRanges(NetworkSpec n) {
    List<String> paths = new ArrayList<>();
    List<BigInteger[]> spans = new ArrayList<>();
    List<Boolean> six = new ArrayList<>();
    for (int i = 0; i < n.ips().size(); i++) {
      NetworkIp ip = n.ips().get(i);
      if (ip.dhcp().isEmpty()) continue;
      List<DhcpRange> rs = ip.dhcp().get().ranges();
      for (int j = 0; j < rs.size(); j++) {
        IpAddr s = IpAddr.parse(rs.get(j).start().get()).get();
        IpAddr e = IpAddr.parse(rs.get(j).end().get()).get();
        String path = "network/ip[" + (i + 1) + "]/dhcp/range[" + (j + 1) + "]";
        for (int k = 0; k < spans.size(); k++) {
          if (six.get(k) == s.isV6() && s.value().compareTo(spans.get(k)[1]) <= 0 && spans.get(k)[0].compareTo(e.value()) <= 0) {
            throw new InvalidSpecException(path, "range " + rs.get(j).start().get() + " - " + rs.get(j).end().get() + " overlaps " + paths.get(k));
          }
        }
        paths.add(path);
        spans.add(new BigInteger[] {s.value(), e.value()});
        six.add(s.isV6());
      }
    }
  }

}
