package io.kvmsdk.core.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.common.Bandwidth;
import io.kvmsdk.core.common.BandwidthRate;
import io.kvmsdk.core.common.DeviceAddress;
import io.kvmsdk.core.common.VirtualPort;
import io.kvmsdk.core.common.VirtualPortParameters;
import io.kvmsdk.core.common.Vlan;
import io.kvmsdk.core.common.VlanTag;
import io.kvmsdk.core.internal.network.IpAddr;
import io.kvmsdk.core.xml.Unmodeled;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The define-time rules of libvirt's network parser (network_conf.c, networkcommon_conf.c,
 * virnetworkportdef.c and the shared vlan, bandwidth and virtualport parsers), shared by the
 * network documents' {@code @Value.Check}s. Each throws {@link InvalidSpecException} with the
 * field's path relative to the element being checked.
 */
final class NetCheck {
  private NetCheck() {}

  private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{1,2}([:-][0-9a-fA-F]{1,2}){5}");
  private static final String SERVICE_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+/*";
  private static final String PROTOCOL_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-+/";

  // ------------------------------------------------------------------ scalars

  /** A numeric IPv4 or IPv6 address (libvirt never resolves names here). */
  static IpAddr address(String path, String value) {
    return IpAddr.parse(value).orElseThrow(() -> new InvalidSpecException(path, "must be a numeric IPv4 or IPv6 address, got '" + value + "'"));
  }

  /** Six hex octets; unicast unless {@code multicastOk}. */
  static void mac(String path, String value, boolean multicastOk) {
    if (!MAC.matcher(value).matches()) throw new InvalidSpecException(path, "must be a MAC address (six hex octets separated by ':'), got '" + value + "'");
    if (!multicastOk && (Integer.parseInt(value.split("[:-]")[0], 16) & 1) != 0) {
      throw new InvalidSpecException(path, "must be a unicast MAC address (first octet even), got '" + value + "'");
    }
  }

  /** 32 hex digits in pairs, '-' or ' ' allowed between the pairs and blanks around them, as libvirt's UUID parser ({@code virUUIDParse}) takes them. */
  static void uuid(String path, String value) {
    String t = value.strip();
    int digits = 0;
    int i = 0;
    while (i < t.length() && digits < 32) {
      char c = t.charAt(i);
      if (c == '-' || c == ' ') {
        i++;
        continue;
      }
      if (i + 1 >= t.length() || Character.digit(c, 16) < 0 || Character.digit(t.charAt(i + 1), 16) < 0) break;
      digits += 2;
      i += 2;
    }
    if (digits != 32 || i != t.length()) {
      throw new InvalidSpecException(path, "must be a UUID (32 hex digits, optionally dashed 8-4-4-4-12), got '" + value + "'");
    }
  }

  /** The second {@code name} child that a single-child field kept verbatim: libvirt refuses it. */
  static void onlyOne(Unmodeled kept, String name, String rule) {
    for (Unmodeled.Element e : kept.elements()) {
      if (e.element().name().equals(name)) throw new InvalidSpecException(name, rule);
    }
  }

  static boolean keptAttr(Unmodeled kept, String name) {
    return kept.attributes().stream().anyMatch(a -> a.name().equals(name));
  }

  /** libvirt's number parsing with base 0: 0x hex, leading-0 octal, decimal. */
  static long base0(String path, String s) {
    String t = s.strip();
    try {
      if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseLong(t.substring(2), 16);
      if (t.length() > 1 && t.startsWith("0")) return Long.parseLong(t.substring(1), 8);
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw new InvalidSpecException(path, "must be a number, got '" + s + "'");
    }
  }

  /** libvirt's PCI address limits: domain 0xFFFF, bus 0xFF, slot 0x1F, function 7. */
  static void pci(String path, DeviceAddress a) {
    checkPci(path + "/@domain", a.domain(), 0xFFFF);
    checkPci(path + "/@bus", a.bus(), 0xFF);
    checkPci(path + "/@slot", a.slot(), 0x1F);
    checkPci(path + "/@function", a.function(), 7);
  }

  private static void checkPci(String path, Optional<String> v, long max) {
    if (v.isEmpty()) return;
    long n = base0(path, v.get());
    if (n < 0 || n > max) throw new InvalidSpecException(path, "must be at most 0x" + Long.toHexString(max) + ", got '" + v.get() + "'");
  }

  /** Canonical PCI id of a pool address, for duplicate detection. */
  static String pciKey(DeviceAddress a) {
    return base0Or0(a.domain()) + ":" + base0Or0(a.bus()) + ":" + base0Or0(a.slot()) + "." + base0Or0(a.function());
  }

  private static long base0Or0(Optional<String> v) { return v.isEmpty() ? 0 : base0("address", v.get()); }

  // ------------------------------------------------------------------ shared element types

  /** virNetDevVlanParse: at least one tag, ids 0..4095, one native tag, trunk='no' only with one plain tag. */
  static void vlan(String path, Optional<Vlan> vlan) {
    if (vlan.isEmpty()) return;
    Vlan v = vlan.get();
    if (v.tags().isEmpty()) throw new InvalidSpecException(path + "/tag", "a <vlan> needs at least one <tag id='..'/>");
    boolean nativeSeen = false;
    for (int i = 0; i < v.tags().size(); i++) {
      VlanTag t = v.tags().get(i);
      String p = path + "/tag[" + (i + 1) + "]";
      if (t.id().isEmpty()) throw new InvalidSpecException(p + "/@id", "is required");
      int id = t.id().get();
      if (id < 0 || id > 4095) throw new InvalidSpecException(p + "/@id", "must be a VLAN id 0..4095, got " + Integer.toUnsignedString(id));
      if (t.nativeMode().isPresent()) {
        if (nativeSeen) throw new InvalidSpecException(p + "/@nativeMode", "only one tag may set nativeMode");
        if (!t.nativeMode().get().equals("tagged") && !t.nativeMode().get().equals("untagged")) {
          throw new InvalidSpecException(p + "/@nativeMode", "must be tagged or untagged, got '" + t.nativeMode().get() + "'");
        }
        nativeSeen = true;
      }
    }
    if (v.trunk().equals(Optional.of(Boolean.FALSE))) {
      if (v.tags().size() > 1) throw new InvalidSpecException(path + "/@trunk", "trunk='no' is not allowed with more than one tag");
      if (nativeSeen) throw new InvalidSpecException(path + "/@trunk", "trunk='no' is not allowed with a native VLAN");
    }
  }

  /** virNetDevBandwidthParse: classID only on a network port; floor only inbound, and only on a port. */
  static void bandwidth(String path, Optional<Bandwidth> bandwidth, boolean port) {
    if (bandwidth.isEmpty()) return;
    Bandwidth b = bandwidth.get();
    if (b.classID().isPresent() && !port) throw new InvalidSpecException(path + "/@classID", "is only allowed on a network port's bandwidth");
    rate(path + "/inbound", b.inbound());
    rate(path + "/outbound", b.outbound());
    if (b.inbound().flatMap(BandwidthRate::floor).isPresent() && !port) {
      throw new InvalidSpecException(path + "/inbound/@floor", "is not supported on a network or portgroup (only on guest interfaces and ports)");
    }
    if (b.outbound().flatMap(BandwidthRate::floor).isPresent()) {
      throw new InvalidSpecException(path + "/outbound/@floor", "is only allowed in <inbound>");
    }
  }

  private static void rate(String path, Optional<BandwidthRate> rate) {
    if (rate.isEmpty()) return;
    BandwidthRate r = rate.get();
    if (r.average().isEmpty() && r.floor().isEmpty()) throw new InvalidSpecException(path, "needs an 'average' or a 'floor' attribute");
    if ((r.peak().isPresent() || r.burst().isPresent()) && r.average().isEmpty()) {
      throw new InvalidSpecException(path + "/@average", "'peak' and 'burst' require 'average'");
    }
  }

  private static final Set<String> VPORT_TYPES = Set.of("802.1Qbg", "802.1Qbh", "openvswitch", "midonet");

  /** virNetDevVPortProfileParse: a known type (required on the network itself), parameter ranges, no parameters foreign to the type. */
  static void virtualport(String path, Optional<VirtualPort> vport, boolean typeRequired) {
    if (vport.isEmpty()) return;
    VirtualPort v = vport.get();
    if (v.type().isPresent() && !VPORT_TYPES.contains(v.type().get())) {
      throw new InvalidSpecException(path + "/@type", "must be 802.1Qbg, 802.1Qbh, openvswitch or midonet, got '" + v.type().get() + "'");
    }
    if (v.type().isEmpty() && typeRequired) throw new InvalidSpecException(path + "/@type", "is required on a network's <virtualport>");
    if (v.parameters().isEmpty()) return;
    VirtualPortParameters p = v.parameters().get();
    String pp = path + "/parameters";
    if (p.managerid().isPresent() && Integer.toUnsignedLong(p.managerid().get()) > 0xff) throw new InvalidSpecException(pp + "/@managerid", "must be 0..255, got " + Integer.toUnsignedString(p.managerid().get()));
    if (p.typeid().isPresent() && Integer.toUnsignedLong(p.typeid().get()) > 0xffffff) throw new InvalidSpecException(pp + "/@typeid", "must be 0..16777215, got " + Integer.toUnsignedString(p.typeid().get()));
    if (p.typeidversion().isPresent() && Integer.toUnsignedLong(p.typeidversion().get()) > 0xff) throw new InvalidSpecException(pp + "/@typeidversion", "must be 0..255, got " + Integer.toUnsignedString(p.typeidversion().get()));
    if (p.instanceid().isPresent()) uuid(pp + "/@instanceid", p.instanceid().get());
    if (p.interfaceid().isPresent()) uuid(pp + "/@interfaceid", p.interfaceid().get());
    if (p.profileid().isPresent() && p.profileid().get().length() > 39) throw new InvalidSpecException(pp + "/@profileid", "must be at most 39 characters, got " + p.profileid().get().length());
    String t = v.type().orElse("");
    boolean qbg = t.equals("802.1Qbg");
    boolean qbh = t.equals("802.1Qbh");
    boolean ovs = t.equals("openvswitch");
    boolean mido = t.equals("midonet");
    if ((qbh || ovs || mido) && p.managerid().isPresent()) extra(pp, "managerid", t);
    if ((qbh || ovs || mido) && p.typeid().isPresent()) extra(pp, "typeid", t);
    if ((qbh || ovs || mido) && p.typeidversion().isPresent()) extra(pp, "typeidversion", t);
    if ((qbh || ovs || mido) && p.instanceid().isPresent()) extra(pp, "instanceid", t);
    if ((qbg || mido) && p.profileid().isPresent()) extra(pp, "profileid", t);
    if ((qbg || qbh) && p.interfaceid().isPresent()) extra(pp, "interfaceid", t);
  }

  private static void extra(String path, String attr, String type) {
    throw new InvalidSpecException(path + "/@" + attr, "is not supported in <virtualport type='" + type + "'>");
  }

  // ------------------------------------------------------------------ <forward>

  static void natAddress(NetworkNatAddress a) {
    String s = a.start().orElseThrow(() -> new InvalidSpecException("@start", "is required"));
    String e = a.end().orElseThrow(() -> new InvalidSpecException("@end", "is required"));
    IpAddr sa = address("@start", s);
    IpAddr ea = address("@end", e);
    if (!sa.isV4()) throw new InvalidSpecException("@start", "must be an IPv4 address, got '" + s + "'");
    if (!ea.isV4()) throw new InvalidSpecException("@end", "must be an IPv4 address, got '" + e + "'");
    if (sa.octet(0) != ea.octet(0) || sa.octet(1) != ea.octet(1)) {
      throw new InvalidSpecException("@end", "range " + s + " - " + e + " is too large (> 65535)");
    }
    if (ea.value().compareTo(sa.value()) < 0) throw new InvalidSpecException("@end", "range " + s + " - " + e + " is inverted");
  }

  static void forward(NetworkForward f) {
    if (f.mode().isPresent() && !NetworkForward.MODES.contains(f.mode().get())) {
      throw new InvalidSpecException("@mode", "must be one of nat, route, open, bridge, private, vepa, passthrough, hostdev, got '" + f.mode().get() + "'");
    }
    if (f.driver().isPresent() && !f.driver().get().equals("vfio") && !f.driver().get().equals("kvm")) {
      throw new InvalidSpecException("driver/@name", "must be vfio or kvm, got '" + f.driver().get() + "'");
    }
    if (f.natOptions().isPresent() && !f.effectiveMode().equals("nat")) {
      throw new InvalidSpecException("nat", "<nat> is only allowed with forward mode 'nat', got mode '" + f.effectiveMode() + "'");
    }
    onlyOne(f.unmodeled(), "nat", "<forward> allows only one <nat>");
    boolean pfPresent = f.pf().isPresent() || f.unmodeled().elements().stream().anyMatch(e -> e.element().name().equals("pf"));
    if (f.dev().isPresent() && (!f.addresses().isEmpty() || pfPresent)) {
      throw new InvalidSpecException("@dev", "cannot be used together with <address> or <pf> sub-elements");
    }
    if (!f.interfaces().isEmpty() || f.dev().isPresent()) {
      Set<String> seen = new HashSet<>();
      f.dev().ifPresent(seen::add);
      for (int i = 0; i < f.interfaces().size(); i++) {
        String d = f.interfaces().get(i).dev().get();
        if (i == 0 && f.dev().isPresent()) {
          if (!d.equals(f.dev().get())) {
            throw new InvalidSpecException("interface[1]/@dev", "must match <forward dev='" + f.dev().get() + "'>, got '" + d + "'");
          }
          continue;
        }
        if (!seen.add(d)) throw new InvalidSpecException("interface[" + (i + 1) + "]/@dev", "interface '" + d + "' is listed more than once");
      }
    } else if (!f.addresses().isEmpty()) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < f.addresses().size(); i++) {
        DeviceAddress a = f.addresses().get(i);
        String p = "address[" + (i + 1) + "]";
        String t = a.type().orElseThrow(() -> new InvalidSpecException(p + "/@type", "is required (pci)"));
        if (!t.equals("pci")) throw new InvalidSpecException(p + "/@type", "must be pci, got '" + t + "'");
        pci(p, a);
        if (!seen.add(pciKey(a))) throw new InvalidSpecException(p, "PCI device " + pciKey(a) + " is listed more than once");
      }
    } else {
      onlyOne(f.unmodeled(), "pf", "<forward> allows only one <pf dev='..'/>, and it needs a dev attribute");
    }
  }

  // ------------------------------------------------------------------ <dns>

  static void srv(DnsSrv s) {
    String service = s.service().orElseThrow(() -> new InvalidSpecException("@service", "is required"));
    for (char c : service.toCharArray()) {
      if (SERVICE_CHARS.indexOf(c) < 0) throw new InvalidSpecException("@service", "must contain only letters, digits and _-+/*, got '" + service + "'");
    }
    String proto = s.protocol().orElseThrow(() -> new InvalidSpecException("@protocol", "is required"));
    for (char c : proto.toCharArray()) {
      if (PROTOCOL_CHARS.indexOf(c) < 0) throw new InvalidSpecException("@protocol", "must contain only letters, digits and -+/, got '" + proto + "'");
    }
    srvNumber("@port", s.port(), s.target().isPresent(), 1);
    srvNumber("@priority", s.priority(), s.target().isPresent(), 0);
    srvNumber("@weight", s.weight(), s.target().isPresent(), 0);
  }

  private static void srvNumber(String path, Optional<Integer> v, boolean hasTarget, int min) {
    if (v.isEmpty()) return;
    if (!hasTarget) throw new InvalidSpecException(path, "is not permitted without a target");
    long n = Integer.toUnsignedLong(v.get());
    if (n < min || n > 65535) throw new InvalidSpecException(path, "must be " + min + "..65535, got " + n);
  }

  // ------------------------------------------------------------------ <ip>

  static void dhcpHost(DhcpHost h) {
    if (h.mac().isPresent()) mac("@mac", h.mac().get(), false);
    if (h.id().isPresent()) {
      String id = h.id().get();
      for (char c : id.toCharArray()) {
        if (Character.digit(c, 16) < 0 && c != ':') throw new InvalidSpecException("@id", "must be a DUID of hex digits and ':', got '" + id + "'");
      }
    }
    if (h.name().isPresent()) {
      String n = h.name().get();
      if (n.isEmpty() || !(isAsciiLetterOrDigit(n.charAt(0)))) throw new InvalidSpecException("@name", "must start with a letter or a digit, got '" + n + "'");
    }
    if (h.ip().isEmpty()) throw new InvalidSpecException("@ip", "is required");
    address("@ip", h.ip().get());
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** The prefix libvirt uses for an {@code <ip>}: prefix, else netmask bits, else the IPv4 class (-1 when none), else 64. */
  static int prefixOf(NetworkIp ip, IpAddr address) {
    if (ip.prefix().isPresent() && ip.prefix().get() > 0) return ip.prefix().get();
    if (ip.netmask().isPresent()) {
      Optional<IpAddr> m = IpAddr.parse(ip.netmask().get());
      if (m.isPresent()) return m.get().netmaskBits();
    }
    if (address.isV4()) {
      if (address.value().signum() == 0) return 0;
      int o = address.octet(0);
      if ((o & 0x80) == 0) return 8;
      if ((o & 0xC0) == 0x80) return 16;
      if ((o & 0xE0) == 0xC0) return 24;
      return -1;
    }
    return address.value().signum() == 0 ? 0 : 64;
  }

  static void ip(NetworkIp ip) {
    String a = ip.address().orElseThrow(() -> new InvalidSpecException("@address", "is required"));
    IpAddr addr = address("@address", a);
    Optional<IpAddr> mask = Optional.empty();
    if (ip.netmask().isPresent()) mask = Optional.of(address("@netmask", ip.netmask().get()));
    int prefix = ip.prefix().orElse(0);
    String fam = ip.family().orElse(null);
    if (fam == null || fam.equals("ipv4")) {
      if (!addr.isV4()) throw new InvalidSpecException("@address", (fam == null ? "with no family" : "with family 'ipv4'") + " must be an IPv4 address, got '" + a + "'");
      if (mask.isPresent()) {
        if (!mask.get().isV4()) throw new InvalidSpecException("@netmask", "must be an IPv4 netmask, got '" + ip.netmask().get() + "'");
        if (prefix > 0) throw new InvalidSpecException("@prefix", "an address takes a prefix or a netmask, not both");
      } else if (prefix < 0 || prefix > 32) {
        throw new InvalidSpecException("@prefix", "must be 0..32 for IPv4, got " + Integer.toUnsignedString(prefix));
      }
    } else if (fam.equals("ipv6")) {
      if (!addr.isV6()) throw new InvalidSpecException("@address", "with family 'ipv6' must be an IPv6 address, got '" + a + "'");
      if (mask.isPresent()) throw new InvalidSpecException("@netmask", "is not allowed for an IPv6 address (use prefix)");
      if (prefix < 0 || prefix > 128) throw new InvalidSpecException("@prefix", "must be 0..128 for IPv6, got " + Integer.toUnsignedString(prefix));
    } else {
      throw new InvalidSpecException("@family", "must be ipv4 or ipv6, got '" + fam + "'");
    }
    if (ip.dhcp().isPresent()) {
      NetworkDhcp d = ip.dhcp().get();
      int p = prefixOf(ip, addr);
      for (int i = 0; i < d.ranges().size(); i++) range("dhcp/range[" + (i + 1) + "]", d.ranges().get(i), addr, p);
      for (int i = 0; i < d.hosts().size(); i++) {
        DhcpHost h = d.hosts().get(i);
        String hp = "dhcp/host[" + (i + 1) + "]";
        if (addr.isV6()) {
          if (h.mac().isPresent()) throw new InvalidSpecException(hp + "/@mac", "is not allowed in an IPv6 static host (use id or name)");
          if (h.id().isEmpty() && h.name().isEmpty()) throw new InvalidSpecException(hp, "an IPv6 static host needs an id or a name");
        } else if (h.mac().isEmpty() && h.name().isEmpty()) {
          throw new InvalidSpecException(hp, "an IPv4 static host needs a mac or a name");
        }
      }
      if (d.bootp().isPresent() && addr.isV4()) {
        DhcpBootp b = d.bootp().get();
        if (b.file().isPresent() && b.server().isPresent()) address("dhcp/bootp/@server", b.server().get());
      }
    }
    if (ip.tftpRoot().isPresent() && !addr.isV4()) throw new InvalidSpecException("tftp", "<tftp> is only supported on an IPv4 address");
  }

  /** virSocketAddrGetRange against the subnet: same family, inside, not network/broadcast, ordered, at most 65536 wide. */
  static void range(String path, DhcpRange r, IpAddr net, int prefix) {
    IpAddr s = address(path + "/@start", r.start().get());
    IpAddr e = address(path + "/@end", r.end().get());
    String txt = r.start().get() + " - " + r.end().get();
    if (!s.sameFamily(e)) throw new InvalidSpecException(path, "range " + txt + " mixes address families");
    if (!s.sameFamily(net)) throw new InvalidSpecException(path, "range " + txt + " is not of the family of its network " + net);
    if (prefix < 0 || prefix > net.bits()) throw new InvalidSpecException(path, "the network " + net + " has no usable prefix to check range " + txt + " against");
    BigInteger n = net.network(prefix);
    if (!s.network(prefix).equals(n) || !e.network(prefix).equals(n)) {
      throw new InvalidSpecException(path, "range " + txt + " is not entirely within network " + net + "/" + prefix);
    }
    if (s.isV4()) {
      if (s.value().equals(n)) throw new InvalidSpecException(path + "/@start", "start of range " + txt + " is the network address of " + net + "/" + prefix);
      BigInteger bcast = n.or(net.mask(prefix).not().and(BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE)));
      if (e.value().equals(bcast)) throw new InvalidSpecException(path + "/@end", "end of range " + txt + " is the broadcast address of " + net + "/" + prefix);
    }
    int same = s.isV4() ? 2 : 14;
    for (int i = 0; i < same; i++) {
      if (s.octet(i) != e.octet(i)) throw new InvalidSpecException(path, "range " + txt + " is too large (> 65535 addresses)");
    }
    if (e.value().compareTo(s.value()) < 0) throw new InvalidSpecException(path, "range " + txt + " is reversed (start after end)");
  }

  // ------------------------------------------------------------------ <route>

  static void route(NetworkRoute r) {
    String a = r.address().orElseThrow(() -> new InvalidSpecException("@address", "is required"));
    String g = r.gateway().orElseThrow(() -> new InvalidSpecException("@gateway", "is required"));
    IpAddr addr = address("@address", a);
    IpAddr gw = address("@gateway", g);
    String fam = r.family().orElse(null);
    int prefix = r.prefix().orElse(0);
    Optional<IpAddr> mask = Optional.empty();
    if (fam == null || fam.equals("ipv4")) {
      if (!addr.isV4()) throw new InvalidSpecException("@address", "must be an IPv4 address (family " + (fam == null ? "absent" : fam) + "), got '" + a + "'");
      if (!gw.isV4()) throw new InvalidSpecException("@gateway", "must be an IPv4 address (family " + (fam == null ? "absent" : fam) + "), got '" + g + "'");
      if (r.netmask().isPresent()) {
        mask = Optional.of(address("@netmask", r.netmask().get()));
        if (!mask.get().isV4()) throw new InvalidSpecException("@netmask", "must be an IPv4 netmask, got '" + r.netmask().get() + "'");
        if (r.prefix().isPresent()) throw new InvalidSpecException("@prefix", "a route takes a prefix or a netmask, not both");
      }
      if (prefix < 0 || prefix > 32) throw new InvalidSpecException("@prefix", "must be 0..32, got " + Integer.toUnsignedString(prefix));
    } else if (fam.equals("ipv6")) {
      if (!addr.isV6()) throw new InvalidSpecException("@address", "must be an IPv6 address (family ipv6), got '" + a + "'");
      if (r.netmask().isPresent()) throw new InvalidSpecException("@netmask", "is not allowed for an IPv6 route (use prefix)");
      if (!gw.isV6()) throw new InvalidSpecException("@gateway", "must be an IPv6 address (family ipv6), got '" + g + "'");
      if (prefix < 0 || prefix > 128) throw new InvalidSpecException("@prefix", "must be 0..128, got " + Integer.toUnsignedString(prefix));
    } else {
      throw new InvalidSpecException("@family", "must be ipv4 or ipv6, got '" + fam + "'");
    }
    BigInteger net = mask.isPresent() ? addr.value().and(mask.get().value()) : addr.network(prefix);
    if (!net.equals(addr.value())) throw new InvalidSpecException("@address", "'" + a + "' is not a network address (host bits are set for its prefix)");
    if (r.metric().isPresent() && r.metric().get() == 0) throw new InvalidSpecException("@metric", "must be at least 1");
  }

  // ------------------------------------------------------------------ <networkport><plug>

  private static final Set<String> PLUG_TYPES = Set.of("network", "bridge", "direct", "hostdev-pci");
  private static final Set<String> MACVTAP_MODES = Set.of("vepa", "private", "bridge", "passthrough");

  static void plug(NetworkPortPlug p) {
    if (p.type().isEmpty()) return; // libvirt reads a plug without type as none
    String t = p.type().get();
    if (!PLUG_TYPES.contains(t)) throw new InvalidSpecException("@type", "must be network, bridge, direct or hostdev-pci, got '" + t + "'");
    switch (t) {
      case "network":
      case "bridge":
        if (p.bridge().isEmpty()) throw new InvalidSpecException("@bridge", "is required for plug type '" + t + "'");
        if (p.macTableManager().isPresent() && !Set.of("kernel", "libvirt").contains(p.macTableManager().get())) {
          throw new InvalidSpecException("@macTableManager", "must be kernel or libvirt, got '" + p.macTableManager().get() + "'");
        }
        break;
      case "direct":
        if (p.dev().isEmpty()) throw new InvalidSpecException("@dev", "is required for plug type 'direct'");
        if (p.mode().isPresent() && !MACVTAP_MODES.contains(p.mode().get())) {
          throw new InvalidSpecException("@mode", "must be vepa, private, bridge or passthrough, got '" + p.mode().get() + "'");
        }
        break;
      default:
        if (p.driver().isPresent() && !p.driver().get().equals("vfio") && !p.driver().get().equals("kvm")) {
          throw new InvalidSpecException("driver/@name", "must be vfio or kvm, got '" + p.driver().get() + "'");
        }
        DeviceAddress a = p.address().orElseThrow(() -> new InvalidSpecException("address", "a hostdev-pci plug needs the device's PCI <address>"));
        pci("address", a);
        break;
    }
  }
}
