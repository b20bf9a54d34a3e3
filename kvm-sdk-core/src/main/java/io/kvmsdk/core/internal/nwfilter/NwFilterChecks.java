package io.kvmsdk.core.internal.nwfilter;

import static io.kvmsdk.core.internal.nwfilter.LibvirtValues.decimalOrHex;
import static io.kvmsdk.core.internal.nwfilter.LibvirtValues.strToInt;
import static io.kvmsdk.core.internal.nwfilter.LibvirtValues.strToUInt;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.domain.NicFilterParameter;
import io.kvmsdk.core.domain.NicFilterRef;
import io.kvmsdk.core.nwfilter.NwFilterBindingSpec;
import io.kvmsdk.core.nwfilter.NwFilterEntry;
import io.kvmsdk.core.nwfilter.NwFilterRule;
import io.kvmsdk.core.nwfilter.NwFilterSpec;
import io.kvmsdk.core.xml.Unmodeled;
import io.kvmsdk.core.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The rules of libvirt's nwfilter documents, in two sets. The {@code check*} methods run at
 * {@code build()} and refuse exactly what libvirt 9.0's define (or binding create) refuses, so parsing
 * never refuses what libvirt accepts. The {@code validate} methods refuse, in addition, what libvirt
 * accepts but silently ignores or rewrites; specs expose them as {@code validate()}.
 */
public final class NwFilterChecks {
  private NwFilterChecks() {}

  /** The datatypes of rule attributes, as libvirt's attribute tables give them. */
  enum Kind {
    U8("an integer 0-255 (decimal or hex)"),
    U16("an integer 0-65535 (decimal or hex)"),
    U16_DECIMAL("a decimal integer 0-65535"),
    U32("an integer 0-4294967295 (decimal or hex)"),
    MAC("a MAC address such as 52:54:00:ab:cd:ef"),
    MAC_MASK("a MAC mask whose ones come first, such as ff:ff:ff:00:00:00"),
    IPV4("an IPv4 address"),
    IPV4_MASK("a prefix length 0-32 or a dotted IPv4 mask whose ones come first"),
    IPV6("an IPv6 address"),
    IPV6_MASK("a prefix length 0-128 or an IPv6 mask whose ones come first"),
    MAC_PROTOCOL("a protocol ID 0x600-0xffff or arp, rarp, ipv4, ipv6, vlan"),
    ENCAP_PROTOCOL("a protocol ID 0x3c-0xffff or arp, rarp, ipv4, ipv6, vlan"),
    VLAN_ID("a VLAN ID 0-4095"),
    OPCODE("an opcode 0-65535 or Request, Reply, Request_Reverse, Reply_Reverse, DRARP_Request, DRARP_Reply, DRARP_Error, InARP_Request, ARP_NAK"),
    IP_PROTOCOL("a protocol 0-255 or tcp, udp, udplite, esp, ah, icmp, igmp, sctp, icmpv6"),
    DSCP("a DSCP value 0-63"),
    STATE("NONE or a comma-separated list of NEW, ESTABLISHED, RELATED, INVALID"),
    TCP_FLAGS("mask/flags, each a comma-separated list of SYN, ACK, URG, PSH, FIN, RST, or ALL or NONE"),
    IPSET("an ipset name of at most 31 characters from a-z, A-Z, 0-9 and _ . : - + space"),
    IPSET_FLAGS("one to six of src and dst, comma-separated"),
    BOOLEAN("true, false, yes, no, 1 or 0"),
    TEXT("text");

    final String words;

    Kind(String words) { this.words = words; }
  }

  static final Map<String, Integer> MAC_PROTOCOLS = Map.of("arp", 0x0806, "rarp", 0x8035, "ipv4", 0x0800, "ipv6", 0x86dd, "vlan", 0x8100);
  static final List<String> OPCODES = List.of("Request", "Reply", "Request_Reverse", "Reply_Reverse", "DRARP_Request",
      "DRARP_Reply", "DRARP_Error", "InARP_Request", "ARP_NAK");
  static final Map<String, Integer> IP_PROTOCOLS = Map.of("tcp", 6, "udp", 17, "udplite", 136, "esp", 50, "ah", 51,
      "icmp", 1, "igmp", 2, "sctp", 132, "icmpv6", 58);
  static final Set<String> ACTIONS = Set.of("drop", "accept", "reject", "return", "continue");
  static final Set<String> DIRECTIONS = Set.of("in", "out", "inout");
  static final List<String> CHAIN_PREFIXES = List.of("mac", "vlan", "stp", "arp", "rarp", "ipv4", "ipv6");
  static final List<String> PORTS = List.of("srcportstart", "srcportend", "dstportstart", "dstportend");

  /** Per protocol element, the attributes libvirt reads and their datatypes (nwfilter_conf.c's tables). */
  static final Map<String, Map<String, Kind>> ATTRIBUTES = attributes();

  private static Map<String, Kind> with(Map<String, Kind> base, Object... more) {
    Map<String, Kind> m = new LinkedHashMap<>(base);
    for (int i = 0; i < more.length; i += 2) m.put((String) more[i], (Kind) more[i + 1]);
    return m;
  }

  private static Map<String, Kind> plus(Map<String, Kind> a, Map<String, Kind> b) {
    Map<String, Kind> m = new LinkedHashMap<>(a);
    m.putAll(b);
    return m;
  }

  private static Map<String, Map<String, Kind>> attributes() {
    Map<String, Kind> l2 = with(Map.of(), "srcmacaddr", Kind.MAC, "srcmacmask", Kind.MAC_MASK, "dstmacaddr", Kind.MAC, "dstmacmask", Kind.MAC_MASK);
    Map<String, Kind> ports = with(Map.of(), "srcportstart", Kind.U16, "srcportend", Kind.U16, "dstportstart", Kind.U16, "dstportend", Kind.U16);
    Map<String, Map<String, Kind>> t = new HashMap<>();
    t.put("mac", with(l2, "protocolid", Kind.MAC_PROTOCOL, "comment", Kind.TEXT));
    t.put("vlan", with(l2, "vlanid", Kind.VLAN_ID, "encap-protocol", Kind.ENCAP_PROTOCOL, "comment", Kind.TEXT));
    Map<String, Kind> stp = with(Map.of(), "srcmacaddr", Kind.MAC, "srcmacmask", Kind.MAC_MASK, "type", Kind.U8, "flags", Kind.U8,
        "root-priority", Kind.U16, "root-priority-hi", Kind.U16, "root-address", Kind.MAC, "root-address-mask", Kind.MAC_MASK,
        "root-cost", Kind.U32, "root-cost-hi", Kind.U32, "sender-priority", Kind.U16, "sender-priority-hi", Kind.U16,
        "sender-address", Kind.MAC, "sender-address-mask", Kind.MAC_MASK, "port", Kind.U16, "port-hi", Kind.U16,
        "age", Kind.U16, "age-hi", Kind.U16, "max-age", Kind.U16, "max-age-hi", Kind.U16, "hello-time", Kind.U16,
        "hello-time-hi", Kind.U16, "forward-delay", Kind.U16, "forward-delay-hi", Kind.U16, "comment", Kind.TEXT);
    t.put("stp", stp);
    Map<String, Kind> arp = with(l2, "hwtype", Kind.U16, "protocoltype", Kind.U16, "opcode", Kind.OPCODE,
        "arpsrcmacaddr", Kind.MAC, "arpdstmacaddr", Kind.MAC, "arpsrcipaddr", Kind.IPV4, "arpsrcipmask", Kind.IPV4_MASK,
        "arpdstipaddr", Kind.IPV4, "arpdstipmask", Kind.IPV4_MASK, "gratuitous", Kind.BOOLEAN, "comment", Kind.TEXT);
    t.put("arp", arp);
    t.put("rarp", arp);
    t.put("ip", with(plus(with(l2, "srcipaddr", Kind.IPV4, "srcipmask", Kind.IPV4_MASK, "dstipaddr", Kind.IPV4, "dstipmask", Kind.IPV4_MASK,
        "protocol", Kind.IP_PROTOCOL), ports), "dscp", Kind.DSCP, "comment", Kind.TEXT));
    t.put("ipv6", with(plus(with(l2, "srcipaddr", Kind.IPV6, "srcipmask", Kind.IPV6_MASK, "dstipaddr", Kind.IPV6, "dstipmask", Kind.IPV6_MASK,
        "protocol", Kind.IP_PROTOCOL), ports), "type", Kind.U8, "typeend", Kind.U8, "code", Kind.U8, "codeend", Kind.U8, "comment", Kind.TEXT));
    for (boolean v6 : new boolean[] {false, true}) {
      Kind a = v6 ? Kind.IPV6 : Kind.IPV4;
      Kind m = v6 ? Kind.IPV6_MASK : Kind.IPV4_MASK;
      // dstipto is an IPv4 address even on the -ipv6 elements in libvirt 9.0's tables
      Map<String, Kind> ip = with(Map.of(), "srcmacaddr", Kind.MAC, "srcipaddr", a, "srcipmask", m, "dstipaddr", a, "dstipmask", m,
          "srcipfrom", a, "srcipto", a, "dstipfrom", a, "dstipto", Kind.IPV4, "dscp", Kind.DSCP, "connlimit-above", Kind.U16_DECIMAL,
          "state", Kind.STATE, "ipset", Kind.IPSET, "ipsetflags", Kind.IPSET_FLAGS);
      String sfx = v6 ? "-ipv6" : "";
      t.put("tcp" + sfx, v6 ? with(plus(ip, ports), "option", Kind.U8, "comment", Kind.TEXT)
          : with(plus(ip, ports), "option", Kind.U8, "flags", Kind.TCP_FLAGS, "comment", Kind.TEXT));
      t.put("udp" + sfx, with(plus(ip, ports), "comment", Kind.TEXT));
      t.put("sctp" + sfx, with(plus(ip, ports), "comment", Kind.TEXT));
      t.put(v6 ? "icmpv6" : "icmp", with(ip, "type", Kind.U8, "code", Kind.U8, "comment", Kind.TEXT));
      for (String p : v6 ? List.of("udplite", "esp", "ah", "all") : List.of("udplite", "esp", "ah", "all", "igmp")) {
        t.put(p + sfx, with(ip, "comment", Kind.TEXT));
      }
    }
    return Map.copyOf(t);
  }

  // ------------------------------------------------------------------ building

  private static final Map<String, String> REQUIRED = Map.of("filter.name", "@name", "filterbinding.owner", "owner",
      "filterbinding.portdev", "portdev/@name", "filterbinding.mac", "mac/@address", "filterbinding.filterref", "filterref");

  /** Runs a generated {@code build()}, naming a missing required field the way libvirt's XML does. */
  public static <T> T build(Supplier<T> build, String element) {
    try {
      return build.get();
    } catch (IllegalStateException e) {
      String m = String.valueOf(e.getMessage());
      int open = m.indexOf('[');
      int close = m.indexOf(']', open + 1);
      if (m.contains("required attributes are not set") && open >= 0 && close > open) {
        String first = m.substring(open + 1, close).split(",")[0].trim();
        throw new InvalidSpecException(element + "/" + REQUIRED.getOrDefault(element + "." + first, first), "is required", e);
      }
      throw new InvalidSpecException(element, m, e);
    }
  }

  // ------------------------------------------------------------------ define-time rules

  /** The priority libvirt gives a rule: the value when it is an integer in [-1000, 1000], else 500. */
  public static int rulePriority(Optional<String> priority) {
    Integer p = priority.map(LibvirtValues::strToInt).orElse(null);
    return p == null || p < -1000 || p > 1000 ? 500 : p;
  }

  /** The first protocol element name a rule holds, in the order they are written: the one libvirt filters on. */
  public static Optional<String> protocolOf(NwFilterRule r) {
    for (NwFilterCodecs.Protocol<?> p : NwFilterCodecs.PROTOCOLS) if (p.count(r) > 0) return Optional.of(p.name());
    return Optional.empty();
  }

  /** What libvirt's define refuses in a {@code <filter>}. */
  public static void checkFilter(NwFilterSpec f) {
    if (f.name().isEmpty()) throw new InvalidSpecException("filter/@name", "must not be empty");
    if (f.name().indexOf('/') >= 0) {
      throw new InvalidSpecException("filter/@name", "must not contain '/' (libvirt stores the filter as <name>.xml), got '" + f.name() + "'");
    }
    Optional<String> prio = f.priority().filter(p -> !p.isEmpty());
    if (prio.isPresent()) {
      Integer p = strToInt(prio.get());
      if (p == null) throw new InvalidSpecException("filter/@priority", "must be an integer, got '" + prio.get() + "'");
      if (p < -1000 || p > 1000) throw new InvalidSpecException("filter/@priority", "must be in [-1000, 1000], got " + p);
    }
    Optional<String> chain = f.chain().filter(c -> !c.isEmpty());
    if (chain.isPresent()) checkChain(chain.get());
    Optional<String> uuid = f.uuid().filter(u -> !u.isEmpty());
    if (uuid.isPresent() && !LibvirtValues.uuid(uuid.get())) {
      throw new InvalidSpecException("filter/uuid", "must be a UUID, got '" + uuid.get() + "'");
    }
    int refs = 0;
    for (NwFilterEntry e : f.entries()) {
      if (e.filterref().isEmpty()) continue;
      refs++;
      Optional<String> target = e.filterref().get().filter();
      if (target.isEmpty()) throw new InvalidSpecException("filter/filterref[" + refs + "]/@filter", "is required");
      if (target.get().equals(f.name())) {
        throw new InvalidSpecException("filter/filterref[" + refs + "]/@filter", "must not name the filter itself (libvirt refuses the loop)");
      }
    }
  }

  private static void checkChain(String c) {
    if (c.length() > 12) throw new InvalidSpecException("filter/@chain", "must be at most 12 characters, got '" + c + "'");
    if (!LibvirtValues.onlyOf(c, LibvirtValues.VALID_CHAINNAME)) {
      throw new InvalidSpecException("filter/@chain", "must use only a-z, A-Z, 0-9 and _ . : -, got '" + c + "'");
    }
    if (c.equals("root")) return;
    if (!c.startsWith("root")) for (String p : CHAIN_PREFIXES) if (c.startsWith(p)) return;
    throw new InvalidSpecException("filter/@chain", "must be 'root' or start with mac, vlan, stp, arp, rarp, ipv4 or ipv6, got '" + c + "'");
  }

  /** What libvirt's define refuses in a {@code <rule>}. */
  public static void checkRule(NwFilterRule r) {
    String action = r.action().orElseThrow(() -> new InvalidSpecException("rule/@action", "is required"));
    if (!ACTIONS.contains(action)) {
      throw new InvalidSpecException("rule/@action", "must be drop, accept, reject, return or continue, got '" + action + "'");
    }
    String direction = r.direction().orElseThrow(() -> new InvalidSpecException("rule/@direction", "is required"));
    if (!DIRECTIONS.contains(direction)) throw new InvalidSpecException("rule/@direction", "must be in, out or inout, got '" + direction + "'");
    Optional<String> protocol = protocolOf(r);
    if (protocol.isEmpty()) return;
    String name = protocol.get();
    Map<String, Kind> table = ATTRIBUTES.get(name);
    boolean ports = false;
    Integer ipProtocol = null;
    List<XmlElement> elements = NwFilterCodecs.protocol(name).render(r);
    for (int i = 0; i < elements.size(); i++) {
      XmlElement e = elements.get(i);
      String at = "rule/" + name + "[" + (i + 1) + "]/@";
      for (int a = 0; a < e.attrCount(); a++) {
        Kind k = table.get(e.attrName(a));
        if (k == null) continue; // libvirt does not read it
        String v = e.attrValue(a);
        if (v.startsWith("$")) {
          if (!LibvirtValues.varAccess(v.substring(1))) {
            throw new InvalidSpecException(at + e.attrName(a), "must be a variable such as $IP, $IP[1] or $IP[@1], got '" + v + "'");
          }
          continue;
        }
        if (!valid(k, v)) throw new InvalidSpecException(at + e.attrName(a), "must be " + k.words + ", got '" + v + "'");
      }
      if (name.equals("ip") || name.equals("ipv6")) {
        for (String p : PORTS) ports |= e.attr(p) != null;
        String proto = e.attr("protocol");
        if (proto != null) ipProtocol = proto.startsWith("$") ? Integer.valueOf(0) : ipProtocolNumber(proto);
        if (ports && (ipProtocol == null || !Set.of(6, 17, 33, 132).contains(ipProtocol))) {
          throw new InvalidSpecException(at + "protocol", "must be tcp, udp, dccp (33) or sctp when ports are given"
              + (ipProtocol == null ? ", and is missing" : ", got '" + proto + "'"));
        }
      }
    }
  }

  /** The attributes libvirt reads on protocol element {@code protocol} ({@code tcp}, {@code mac} ...), in the order it formats them; empty for no protocol. */
  public static List<String> attributeOrder(String protocol) {
    Map<String, Kind> table = ATTRIBUTES.get(protocol);
    return table == null ? List.of() : List.copyOf(table.keySet());
  }

  /**
   * The attribute of protocol element {@code e} whose value libvirt's define reports ("NAME has illegal
   * value VALUE"): libvirt reads every attribute of its table in order and reports the last bad one.
   * Empty when every value libvirt reads is legal, or when {@code e} is no protocol element.
   */
  public static Optional<String> illegalAttribute(XmlElement e) {
    Map<String, Kind> table = ATTRIBUTES.getOrDefault(e.name(), Map.of());
    String last = null;
    for (Map.Entry<String, Kind> a : table.entrySet()) {
      String v = e.attr(a.getKey());
      if (v == null) continue;
      boolean ok = v.startsWith("$") ? LibvirtValues.varAccess(v.substring(1)) : valid(a.getValue(), v);
      if (!ok) last = a.getKey();
    }
    return Optional.ofNullable(last);
  }

  /**
   * True when libvirt's define refuses the {@code <ip>} or {@code <ipv6>} elements {@code elements} of one
   * rule (libvirt merges them in order, a later value replacing an earlier one): a port is given, but no
   * {@code protocol} or one other than tcp, udp, dccp (33) or sctp (a variable counts as none of them).
   */
  public static boolean portsWithoutPortProtocol(List<XmlElement> elements) {
    boolean ports = false;
    String protocol = null;
    for (XmlElement e : elements) {
      for (String p : PORTS) ports |= e.attr(p) != null;
      if (e.attr("protocol") != null) protocol = e.attr("protocol");
    }
    if (!ports) return false;
    Integer n = protocol == null || protocol.startsWith("$") ? null : ipProtocolNumber(protocol);
    return n == null || !Set.of(6, 17, 33, 132).contains(n);
  }

  static boolean valid(Kind k, String v) {
    switch (k) {
      case U8: return decimalOrHex(v, 0xff) != null;
      case U16: return decimalOrHex(v, 0xffff) != null;
      case U16_DECIMAL: {
        Long d = strToUInt(v, 10);
        return d != null && d <= 0xffff;
      }
      case U32: return decimalOrHex(v, 0xffffffffL) != null;
      case MAC: return LibvirtValues.mac(v) != null;
      case MAC_MASK: {
        int[] m = LibvirtValues.mac(v);
        return m != null && LibvirtValues.contiguous(m);
      }
      case IPV4: return LibvirtValues.ipv4(v) != null;
      case IPV4_MASK: return LibvirtValues.ipv4Mask(v);
      case IPV6: return LibvirtValues.ipv6(v) != null;
      case IPV6_MASK: return LibvirtValues.ipv6Mask(v);
      case MAC_PROTOCOL:
      case ENCAP_PROTOCOL: {
        long min = k == Kind.MAC_PROTOCOL ? 0x600 : 0x3c;
        Long n = decimalOrHex(v, 0xffff);
        if (n != null) return n >= min;
        return MAC_PROTOCOLS.containsKey(v.toLowerCase(Locale.ROOT));
      }
      case VLAN_ID: {
        Long n = decimalOrHex(v, 0xffff);
        return n != null && n <= 4095;
      }
      case OPCODE: {
        if (decimalOrHex(v, 0xffff) != null) return true;
        for (String o : OPCODES) if (o.equalsIgnoreCase(v)) return true;
        return false;
      }
      case IP_PROTOCOL: return ipProtocolNumber(v) != null;
      case DSCP: {
        Long n = decimalOrHex(v, 0xff);
        return n != null && n <= 63;
      }
      case STATE: return LibvirtValues.stringItems(v, LibvirtValues.STATES, ',');
      case TCP_FLAGS: return LibvirtValues.tcpFlags(v);
      case IPSET: return LibvirtValues.ipsetName(v);
      case IPSET_FLAGS: return LibvirtValues.ipsetFlags(v);
      default: return true; // BOOLEAN and TEXT: libvirt takes any value
    }
  }

  static Integer ipProtocolNumber(String v) {
    Long n = decimalOrHex(v, 0xff);
    if (n != null) return n.intValue();
    return IP_PROTOCOLS.get(v.toLowerCase(Locale.ROOT));
  }

  /** What libvirt's binding create refuses in a {@code <filterbinding>}. */
  public static void checkBinding(NwFilterBindingSpec b) {
    if (b.owner().name().isEmpty()) throw new InvalidSpecException("filterbinding/owner/name", "is required");
    String uuid = b.owner().uuid().orElseThrow(() -> new InvalidSpecException("filterbinding/owner/uuid", "is required"));
    if (!LibvirtValues.uuid(uuid)) throw new InvalidSpecException("filterbinding/owner/uuid", "must be a UUID, got '" + uuid + "'");
    if (b.portdev().isEmpty()) throw new InvalidSpecException("filterbinding/portdev/@name", "must not be empty");
    if (b.linkdev().filter(String::isEmpty).isPresent()) throw new InvalidSpecException("filterbinding/linkdev/@name", "must not be empty");
    if (LibvirtValues.mac(b.mac()) == null) {
      throw new InvalidSpecException("filterbinding/mac/@address", "must be a MAC address such as 52:54:00:ab:cd:ef, got '" + b.mac() + "'");
    }
    if (b.filterref().filter().filter(f -> !f.isEmpty()).isEmpty()) throw new InvalidSpecException("filterbinding/filterref/@filter", "is required");
  }

  // ------------------------------------------------------------------ what libvirt accepts but ignores

  /** What a filter's define accepts but silently ignores or rewrites. */
  public static void validate(NwFilterSpec f) {
    Map<String, Integer> seen = new HashMap<>();
    for (NwFilterEntry e : f.entries()) {
      int i = seen.merge(e.elementName(), 1, Integer::sum);
      String path = "filter/" + e.elementName() + "[" + i + "]";
      if (e.rule().isPresent()) validateRule(e.rule().get(), path);
      else validateFilterref(e.filterref().get(), path);
    }
    ignored(f.unmodeled(), "filter");
  }

  /** What a binding's create accepts but silently ignores. */
  public static void validate(NwFilterBindingSpec b) {
    validateFilterref(b.filterref(), "filterbinding/filterref");
    ignored(b.owner().unmodeled(), "filterbinding/owner");
    ignored(b.unmodeled(), "filterbinding");
  }

  private static void ignored(Unmodeled u, String path) {
    for (Unmodeled.Attribute a : u.attributes()) throw new InvalidSpecException(path + "/@" + a.name(), "libvirt ignores this attribute");
    for (Unmodeled.Element e : u.elements()) throw new InvalidSpecException(path + "/" + e.element().name(), "libvirt ignores this element");
  }

  private static void validateFilterref(NicFilterRef ref, String path) {
    if (ref.filter().filter(String::isEmpty).isPresent()) throw new InvalidSpecException(path + "/@filter", "must not be empty");
    int k = 0;
    for (NicFilterParameter p : ref.parameters()) {
      k++;
      String at = path + "/parameter[" + k + "]/@";
      String name = p.name().orElseThrow(() -> new InvalidSpecException(at + "name", "is required (libvirt drops the parameter)"));
      if (name.isEmpty() || !LibvirtValues.onlyOf(name, LibvirtValues.VALID_VARNAME)) {
        throw new InvalidSpecException(at + "name", "must use only a-z, A-Z, 0-9 and _ (libvirt drops the parameter), got '" + name + "'");
      }
      String value = p.value().orElseThrow(() -> new InvalidSpecException(at + "value", "is required (libvirt drops the parameter)"));
      if (value.isEmpty() || !LibvirtValues.onlyOf(value, LibvirtValues.VALID_VARVALUE)) {
        throw new InvalidSpecException(at + "value", "must use only a-z, A-Z, 0-9 and _ . : (libvirt drops the parameter), got '" + value + "'");
      }
      ignored(p.unmodeled(), path + "/parameter[" + k + "]");
    }
    ignored(ref.unmodeled(), path);
  }

  private static void validateRule(NwFilterRule r, String path) {
    if (r.priority().isPresent()) {
      Integer p = strToInt(r.priority().get());
      if (p == null || p < -1000 || p > 1000) {
        throw new InvalidSpecException(path + "/@priority",
            "must be an integer in [-1000, 1000] (libvirt silently uses 500), got '" + r.priority().get() + "'");
      }
    }
    if (r.statematch().isPresent() && !r.statematch().get().equals("0") && !r.statematch().get().equalsIgnoreCase("false")) {
      throw new InvalidSpecException(path + "/@statematch", "must be false or 0 (libvirt ignores any other value), got '" + r.statematch().get() + "'");
    }
    Optional<String> first = protocolOf(r);
    for (NwFilterCodecs.Protocol<?> p : NwFilterCodecs.PROTOCOLS) {
      if (p.count(r) > 0 && !p.name().equals(first.get())) {
        throw new InvalidSpecException(path + "/" + p.name(), "a rule filters on one protocol: libvirt uses <" + first.get() + "> and ignores <" + p.name() + ">");
      }
    }
    for (Unmodeled.Attribute a : r.unmodeled().attributes()) throw new InvalidSpecException(path + "/@" + a.name(), "libvirt ignores this attribute");
    for (Unmodeled.Element u : r.unmodeled().elements()) {
      String n = u.element().name();
      if (NwFilterCodecs.protocol(n) == null) {
        throw new InvalidSpecException(path + "/" + n, "is not a protocol libvirt knows (it ignores the element); use one of "
            + String.join(", ", NwFilterCodecs.PROTOCOLS.stream().map(NwFilterCodecs.Protocol::name).toArray(String[]::new)));
      }
      if (first.isPresent() && !first.get().equals(n)) {
        throw new InvalidSpecException(path + "/" + n, "a rule filters on one protocol: libvirt uses <" + first.get() + "> and ignores <" + n + ">");
      }
      throw new InvalidSpecException(path + "/" + n, "cannot be typed (it carries text), so it is kept verbatim");
    }
    if (first.isEmpty()) return;
    String name = first.get();
    Map<String, Kind> table = ATTRIBUTES.get(name);
    List<XmlElement> elements = NwFilterCodecs.protocol(name).render(r);
    boolean ipset = false;
    String ipsetflags = null;
    for (int i = 0; i < elements.size(); i++) {
      XmlElement e = elements.get(i);
      String at = path + "/" + name + "[" + (i + 1) + "]";
      for (int a = 0; a < e.attrCount(); a++) {
        String n = e.attrName(a);
        if (!n.equals("match") && !table.containsKey(n)) {
          throw new InvalidSpecException(at + "/@" + n, "libvirt does not match on this attribute of <" + name + "> (it ignores it)");
        }
      }
      for (XmlElement c : e.children()) throw new InvalidSpecException(at + "/" + c.name(), "libvirt ignores this element");
      String match = e.attr("match");
      if (match != null && !match.equals("yes") && !match.equals("no")) {
        throw new InvalidSpecException(at + "/@match", "must be yes or no (libvirt reads anything but 'no' as yes), got '" + match + "'");
      }
      String gratuitous = e.attr("gratuitous");
      if (gratuitous != null && !Set.of("true", "false", "yes", "no", "1", "0").contains(gratuitous)) {
        throw new InvalidSpecException(at + "/@gratuitous", "must be true, false, yes, no, 1 or 0 (libvirt reads anything else as false), got '" + gratuitous + "'");
      }
      String comment = e.attr("comment");
      if (comment != null && comment.getBytes(StandardCharsets.UTF_8).length > 256) {
        throw new InvalidSpecException(at + "/@comment", "must be at most 256 bytes (libvirt cuts it), got " + comment.getBytes(StandardCharsets.UTF_8).length);
      }
      if (e.attr("ipset") != null) ipset = true;
      if (e.attr("ipsetflags") != null && ipsetflags == null) ipsetflags = at + "/@ipsetflags";
    }
    // libvirt merges the elements of one name: ipset and ipsetflags count over all of them
    if (ipsetflags != null && !ipset) throw new InvalidSpecException(ipsetflags, "requires ipset");
    if (ipsetflags != null && !name.equals("all") && !name.equals("all-ipv6")) {
      throw new InvalidSpecException(ipsetflags, "libvirt 9.0 drops ipset and ipsetflags given together on <" + name
          + "> (it keeps both only on <all>); give ipset alone, its flags default to src");
    }
  }
}
