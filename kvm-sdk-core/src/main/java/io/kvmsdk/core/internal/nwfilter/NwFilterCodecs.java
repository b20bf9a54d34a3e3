package io.kvmsdk.core.internal.nwfilter;

import io.kvmsdk.core.domain.NicFilterRef;
import io.kvmsdk.core.internal.domain.NicCodecs;
import io.kvmsdk.core.nwfilter.ArpMatch;
import io.kvmsdk.core.nwfilter.EthernetFields;
import io.kvmsdk.core.nwfilter.IcmpMatch;
import io.kvmsdk.core.nwfilter.IpHeaderFields;
import io.kvmsdk.core.nwfilter.IpHeaderMatch;
import io.kvmsdk.core.nwfilter.IpMatch;
import io.kvmsdk.core.nwfilter.Ipv6Match;
import io.kvmsdk.core.nwfilter.MacMatch;
import io.kvmsdk.core.nwfilter.NwFilterBindingOwner;
import io.kvmsdk.core.nwfilter.NwFilterBindingSpec;
import io.kvmsdk.core.nwfilter.NwFilterEntry;
import io.kvmsdk.core.nwfilter.NwFilterRule;
import io.kvmsdk.core.nwfilter.NwFilterSpec;
import io.kvmsdk.core.nwfilter.PortFields;
import io.kvmsdk.core.nwfilter.PortMatch;
import io.kvmsdk.core.nwfilter.StpMatch;
import io.kvmsdk.core.nwfilter.TcpMatch;
import io.kvmsdk.core.nwfilter.VlanMatch;
import io.kvmsdk.core.xml.Codec;
import io.kvmsdk.core.xml.ElementCodec;
import io.kvmsdk.core.xml.Unmodeled;
import io.kvmsdk.core.xml.XPath;
import io.kvmsdk.core.xml.XmlDocument;
import io.kvmsdk.core.xml.XmlElement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The element mappings of libvirt's nwfilter documents ({@code <filter>}, {@code <filterbinding>}),
 * one line per attribute or child, in the order libvirt writes them.
 */
public final class NwFilterCodecs {
  private NwFilterCodecs() {}

  // ------------------------------------------------------------------ shared attribute groups

  /** match and the Ethernet addresses, first on every protocol element that has them. */
  static <T extends EthernetFields, B extends EthernetFields.Setters<B>> ElementCodec<T, B> ethernet(ElementCodec<T, B> c) {
    return c.attr("match", EthernetFields::match, EthernetFields.Setters::match)
        .attr("srcmacaddr", EthernetFields::srcmacaddr, EthernetFields.Setters::srcmacaddr)
        .attr("srcmacmask", EthernetFields::srcmacmask, EthernetFields.Setters::srcmacmask)
        .attr("dstmacaddr", EthernetFields::dstmacaddr, EthernetFields.Setters::dstmacaddr)
        .attr("dstmacmask", EthernetFields::dstmacmask, EthernetFields.Setters::dstmacmask);
  }

  /** The IP-layer attributes, in libvirt's order (after the Ethernet ones). */
  static <T extends IpHeaderFields, B extends IpHeaderFields.Setters<B>> ElementCodec<T, B> ipHeader(ElementCodec<T, B> c) {
    return ethernet(c)
        .attr("srcipaddr", IpHeaderFields::srcipaddr, IpHeaderFields.Setters::srcipaddr)
        .attr("srcipmask", IpHeaderFields::srcipmask, IpHeaderFields.Setters::srcipmask)
        .attr("dstipaddr", IpHeaderFields::dstipaddr, IpHeaderFields.Setters::dstipaddr)
        .attr("dstipmask", IpHeaderFields::dstipmask, IpHeaderFields.Setters::dstipmask)
        .attr("srcipfrom", IpHeaderFields::srcipfrom, IpHeaderFields.Setters::srcipfrom)
        .attr("srcipto", IpHeaderFields::srcipto, IpHeaderFields.Setters::srcipto)
        .attr("dstipfrom", IpHeaderFields::dstipfrom, IpHeaderFields.Setters::dstipfrom)
        .attr("dstipto", IpHeaderFields::dstipto, IpHeaderFields.Setters::dstipto)
        .attr("dscp", IpHeaderFields::dscp, IpHeaderFields.Setters::dscp)
        .attr("connlimit-above", IpHeaderFields::connlimitAbove, IpHeaderFields.Setters::connlimitAbove)
        .attr("state", IpHeaderFields::state, IpHeaderFields.Setters::state)
        .attr("ipset", IpHeaderFields::ipset, IpHeaderFields.Setters::ipset)
        .attr("ipsetflags", IpHeaderFields::ipsetflags, IpHeaderFields.Setters::ipsetflags);
  }

  static <T extends PortFields, B extends PortFields.Setters<B>> ElementCodec<T, B> ports(ElementCodec<T, B> c) {
    return c.attr("srcportstart", PortFields::srcportstart, PortFields.Setters::srcportstart)
        .attr("srcportend", PortFields::srcportend, PortFields.Setters::srcportend)
        .attr("dstportstart", PortFields::dstportstart, PortFields.Setters::dstportstart)
        .attr("dstportend", PortFields::dstportend, PortFields.Setters::dstportend);
  }

  static <T extends EthernetFields, B extends EthernetFields.Setters<B>> ElementCodec<T, B> comment(ElementCodec<T, B> c) {
    return c.attr("comment", EthernetFields::comment, EthernetFields.Setters::comment);
  }

  // ------------------------------------------------------------------ protocol elements

  static final ElementCodec<MacMatch, MacMatch.Builder> MAC = ElementCodec.lazy(() -> comment(ethernet(
      ElementCodec.of("mac", MacMatch.Builder::new, MacMatch.Builder::build, MacMatch::unmodeled, MacMatch.Builder::unmodeled))
        .attr("protocolid", MacMatch::protocolid, MacMatch.Builder::protocolid)));

  static final ElementCodec<VlanMatch, VlanMatch.Builder> VLAN = ElementCodec.lazy(() -> comment(ethernet(
      ElementCodec.of("vlan", VlanMatch.Builder::new, VlanMatch.Builder::build, VlanMatch::unmodeled, VlanMatch.Builder::unmodeled))
        .attr("vlanid", VlanMatch::vlanid, VlanMatch.Builder::vlanid)
        .attr("encap-protocol", VlanMatch::encapProtocol, VlanMatch.Builder::encapProtocol)));

  static final ElementCodec<StpMatch, StpMatch.Builder> STP =
      ElementCodec.lazy(() -> ElementCodec.of("stp", StpMatch.Builder::new, StpMatch.Builder::build, StpMatch::unmodeled, StpMatch.Builder::unmodeled)
        .attr("match", StpMatch::match, StpMatch.Builder::match)
        .attr("srcmacaddr", StpMatch::srcmacaddr, StpMatch.Builder::srcmacaddr)
        .attr("srcmacmask", StpMatch::srcmacmask, StpMatch.Builder::srcmacmask)
        .attr("type", StpMatch::type, StpMatch.Builder::type)
        .attr("flags", StpMatch::flags, StpMatch.Builder::flags)
        .attr("root-priority", StpMatch::rootPriority, StpMatch.Builder::rootPriority)
        .attr("root-priority-hi", StpMatch::rootPriorityHi, StpMatch.Builder::rootPriorityHi)
        .attr("root-address", StpMatch::rootAddress, StpMatch.Builder::rootAddress)
        .attr("root-address-mask", StpMatch::rootAddressMask, StpMatch.Builder::rootAddressMask)
        .attr("root-cost", StpMatch::rootCost, StpMatch.Builder::rootCost)
        .attr("root-cost-hi", StpMatch::rootCostHi, StpMatch.Builder::rootCostHi)
        .attr("sender-priority", StpMatch::senderPriority, StpMatch.Builder::senderPriority)
        .attr("sender-priority-hi", StpMatch::senderPriorityHi, StpMatch.Builder::senderPriorityHi)
        .attr("sender-address", StpMatch::senderAddress, StpMatch.Builder::senderAddress)
        .attr("sender-address-mask", StpMatch::senderAddressMask, StpMatch.Builder::senderAddressMask)
        .attr("port", StpMatch::port, StpMatch.Builder::port)
        .attr("port-hi", StpMatch::portHi, StpMatch.Builder::portHi)
        .attr("age", StpMatch::age, StpMatch.Builder::age)
        .attr("age-hi", StpMatch::ageHi, StpMatch.Builder::ageHi)
        .attr("max-age", StpMatch::maxAge, StpMatch.Builder::maxAge)
        .attr("max-age-hi", StpMatch::maxAgeHi, StpMatch.Builder::maxAgeHi)
        .attr("hello-time", StpMatch::helloTime, StpMatch.Builder::helloTime)
        .attr("hello-time-hi", StpMatch::helloTimeHi, StpMatch.Builder::helloTimeHi)
        .attr("forward-delay", StpMatch::forwardDelay, StpMatch.Builder::forwardDelay)
        .attr("forward-delay-hi", StpMatch::forwardDelayHi, StpMatch.Builder::forwardDelayHi)
        .attr("comment", StpMatch::comment, StpMatch.Builder::comment));

  static ElementCodec<ArpMatch, ArpMatch.Builder> arp(String name) {
    return comment(ethernet(
        ElementCodec.of(name, ArpMatch.Builder::new, ArpMatch.Builder::build, ArpMatch::unmodeled, ArpMatch.Builder::unmodeled))
          .attr("hwtype", ArpMatch::hwtype, ArpMatch.Builder::hwtype)
          .attr("protocoltype", ArpMatch::protocoltype, ArpMatch.Builder::protocoltype)
          .attr("opcode", ArpMatch::opcode, ArpMatch.Builder::opcode)
          .attr("arpsrcmacaddr", ArpMatch::arpsrcmacaddr, ArpMatch.Builder::arpsrcmacaddr)
          .attr("arpdstmacaddr", ArpMatch::arpdstmacaddr, ArpMatch.Builder::arpdstmacaddr)
          .attr("arpsrcipaddr", ArpMatch::arpsrcipaddr, ArpMatch.Builder::arpsrcipaddr)
          .attr("arpsrcipmask", ArpMatch::arpsrcipmask, ArpMatch.Builder::arpsrcipmask)
          .attr("arpdstipaddr", ArpMatch::arpdstipaddr, ArpMatch.Builder::arpdstipaddr)
          .attr("arpdstipmask", ArpMatch::arpdstipmask, ArpMatch.Builder::arpdstipmask)
          .attr("gratuitous", ArpMatch::gratuitous, ArpMatch.Builder::gratuitous));
  }

  static final ElementCodec<IpMatch, IpMatch.Builder> IP = ElementCodec.lazy(() -> comment(ports(ethernet(
      ElementCodec.of("ip", IpMatch.Builder::new, IpMatch.Builder::build, IpMatch::unmodeled, IpMatch.Builder::unmodeled))
        .attr("srcipaddr", IpMatch::srcipaddr, IpMatch.Builder::srcipaddr)
        .attr("srcipmask", IpMatch::srcipmask, IpMatch.Builder::srcipmask)
        .attr("dstipaddr", IpMatch::dstipaddr, IpMatch.Builder::dstipaddr)
        .attr("dstipmask", IpMatch::dstipmask, IpMatch.Builder::dstipmask)
        .attr("protocol", IpMatch::protocol, IpMatch.Builder::protocol))
        .attr("dscp", IpMatch::dscp, IpMatch.Builder::dscp)));

  static final ElementCodec<Ipv6Match, Ipv6Match.Builder> IPV6 = ElementCodec.lazy(() -> comment(ports(ethernet(
      ElementCodec.of("ipv6", Ipv6Match.Builder::new, Ipv6Match.Builder::build, Ipv6Match::unmodeled, Ipv6Match.Builder::unmodeled))
        .attr("srcipaddr", Ipv6Match::srcipaddr, Ipv6Match.Builder::srcipaddr)
        .attr("srcipmask", Ipv6Match::srcipmask, Ipv6Match.Builder::srcipmask)
        .attr("dstipaddr", Ipv6Match::dstipaddr, Ipv6Match.Builder::dstipaddr)
        .attr("dstipmask", Ipv6Match::dstipmask, Ipv6Match.Builder::dstipmask)
        .attr("protocol", Ipv6Match::protocol, Ipv6Match.Builder::protocol))
        .attr("type", Ipv6Match::type, Ipv6Match.Builder::type)
        .attr("typeend", Ipv6Match::typeend, Ipv6Match.Builder::typeend)
        .attr("code", Ipv6Match::code, Ipv6Match.Builder::code)
        .attr("codeend", Ipv6Match::codeend, Ipv6Match.Builder::codeend)));

  static ElementCodec<TcpMatch, TcpMatch.Builder> tcp(String name) {
    return comment(ports(ipHeader(
        ElementCodec.of(name, TcpMatch.Builder::new, TcpMatch.Builder::build, TcpMatch::unmodeled, TcpMatch.Builder::unmodeled)))
          .attr("option", TcpMatch::option, TcpMatch.Builder::option)
          .attr("flags", TcpMatch::flags, TcpMatch.Builder::flags));
  }

  static ElementCodec<PortMatch, PortMatch.Builder> port(String name) {
    return comment(ports(ipHeader(
        ElementCodec.of(name, PortMatch.Builder::new, PortMatch.Builder::build, PortMatch::unmodeled, PortMatch.Builder::unmodeled))));
  }

  static ElementCodec<IcmpMatch, IcmpMatch.Builder> icmp(String name) {
    return comment(ipHeader(
        ElementCodec.of(name, IcmpMatch.Builder::new, IcmpMatch.Builder::build, IcmpMatch::unmodeled, IcmpMatch.Builder::unmodeled))
          .attr("type", IcmpMatch::type, IcmpMatch.Builder::type)
          .attr("code", IcmpMatch::code, IcmpMatch.Builder::code));
  }

  static ElementCodec<IpHeaderMatch, IpHeaderMatch.Builder> ipHeader(String name) {
    return comment(ipHeader(
        ElementCodec.of(name, IpHeaderMatch.Builder::new, IpHeaderMatch.Builder::build, IpHeaderMatch::unmodeled, IpHeaderMatch.Builder::unmodeled)));
  }

  /** A protocol element of a rule: its name, its mapping, and its list on {@link NwFilterRule}. */
  public static final class Protocol<C> {
    private final String name;
    private final Codec<C> codec;
    private final Function<NwFilterRule, List<C>> elements;

    Protocol(String name, Codec<C> codec, Function<NwFilterRule, List<C>> elements) {
      this.name = name;
      this.codec = codec;
      this.elements = elements;
    }

    public String name() { return name; }

    /** How many elements of this name {@code rule} holds. */
    public int count(NwFilterRule rule) { return elements.apply(rule).size(); }

    /** The elements of this name {@code rule} holds, rendered. */
    public List<XmlElement> render(NwFilterRule rule) {
      List<XmlElement> out = new ArrayList<>();
      for (C c : elements.apply(rule)) out.add(codec.write(c));
      return out;
    }
  }

  /** The protocol elements a rule may hold, in libvirt's order (the order they are written in). */
  public static final List<Protocol<?>> PROTOCOLS = List.of(
      new Protocol<>("mac", MAC, NwFilterRule::mac),
      new Protocol<>("vlan", VLAN, NwFilterRule::vlan),
      new Protocol<>("stp", STP, NwFilterRule::stp),
      new Protocol<>("arp", arp("arp"), NwFilterRule::arp),
      new Protocol<>("rarp", arp("rarp"), NwFilterRule::rarp),
      new Protocol<>("ip", IP, NwFilterRule::ip),
      new Protocol<>("ipv6", IPV6, NwFilterRule::ipv6),
      new Protocol<>("tcp", tcp("tcp"), NwFilterRule::tcp),
      new Protocol<>("icmp", icmp("icmp"), NwFilterRule::icmp),
      new Protocol<>("igmp", ipHeader("igmp"), NwFilterRule::igmp),
      new Protocol<>("udp", port("udp"), NwFilterRule::udp),
      new Protocol<>("udplite", ipHeader("udplite"), NwFilterRule::udplite),
      new Protocol<>("esp", ipHeader("esp"), NwFilterRule::esp),
      new Protocol<>("ah", ipHeader("ah"), NwFilterRule::ah),
      new Protocol<>("sctp", port("sctp"), NwFilterRule::sctp),
      new Protocol<>("all", ipHeader("all"), NwFilterRule::all),
      new Protocol<>("tcp-ipv6", tcp("tcp-ipv6"), NwFilterRule::tcpIpv6),
      new Protocol<>("icmpv6", icmp("icmpv6"), NwFilterRule::icmpv6),
      new Protocol<>("udp-ipv6", port("udp-ipv6"), NwFilterRule::udpIpv6),
      new Protocol<>("udplite-ipv6", ipHeader("udplite-ipv6"), NwFilterRule::udpliteIpv6),
      new Protocol<>("esp-ipv6", ipHeader("esp-ipv6"), NwFilterRule::espIpv6),
      new Protocol<>("ah-ipv6", ipHeader("ah-ipv6"), NwFilterRule::ahIpv6),
      new Protocol<>("sctp-ipv6", port("sctp-ipv6"), NwFilterRule::sctpIpv6),
      new Protocol<>("all-ipv6", ipHeader("all-ipv6"), NwFilterRule::allIpv6));

  private static final Map<String, Protocol<?>> PROTOCOL_BY_NAME = new LinkedHashMap<>();

  static {
    for (Protocol<?> p : PROTOCOLS) PROTOCOL_BY_NAME.put(p.name(), p);
  }

  /** The protocol element named {@code name}, or null when libvirt knows none of that name. */
  public static Protocol<?> protocol(String name) { return PROTOCOL_BY_NAME.get(name); }

  private static Codec<?> p(String name) { return PROTOCOL_BY_NAME.get(name).codec; }

  // ------------------------------------------------------------------ rule

  @SuppressWarnings("unchecked")
  private static ElementCodec<NwFilterRule, NwFilterRule.Builder> ruleCodec() {
    ElementCodec<NwFilterRule, NwFilterRule.Builder> c =
        ElementCodec.of("rule", NwFilterRule.Builder::new, NwFilterRule.Builder::build, NwFilterRule::unmodeled, NwFilterRule.Builder::unmodeled)
          .attr("action", NwFilterRule::action, NwFilterRule.Builder::action)
          .attr("direction", NwFilterRule::direction, NwFilterRule.Builder::direction)
          .attr("priority", NwFilterRule::priority, NwFilterRule.Builder::priority)
          .attr("statematch", NwFilterRule::statematch, NwFilterRule.Builder::statematch);
    c = c.list("mac", (Codec<MacMatch>) p("mac"), NwFilterRule::mac, NwFilterRule.Builder::mac);
    c = c.list("vlan", (Codec<VlanMatch>) p("vlan"), NwFilterRule::vlan, NwFilterRule.Builder::vlan);
    c = c.list("stp", (Codec<StpMatch>) p("stp"), NwFilterRule::stp, NwFilterRule.Builder::stp);
    c = c.list("arp", (Codec<ArpMatch>) p("arp"), NwFilterRule::arp, NwFilterRule.Builder::arp);
    c = c.list("rarp", (Codec<ArpMatch>) p("rarp"), NwFilterRule::rarp, NwFilterRule.Builder::rarp);
    c = c.list("ip", (Codec<IpMatch>) p("ip"), NwFilterRule::ip, NwFilterRule.Builder::ip);
    c = c.list("ipv6", (Codec<Ipv6Match>) p("ipv6"), NwFilterRule::ipv6, NwFilterRule.Builder::ipv6);
    c = c.list("tcp", (Codec<TcpMatch>) p("tcp"), NwFilterRule::tcp, NwFilterRule.Builder::tcp);
    c = c.list("icmp", (Codec<IcmpMatch>) p("icmp"), NwFilterRule::icmp, NwFilterRule.Builder::icmp);
    c = c.list("igmp", (Codec<IpHeaderMatch>) p("igmp"), NwFilterRule::igmp, NwFilterRule.Builder::igmp);
    c = c.list("udp", (Codec<PortMatch>) p("udp"), NwFilterRule::udp, NwFilterRule.Builder::udp);
    c = c.list("udplite", (Codec<IpHeaderMatch>) p("udplite"), NwFilterRule::udplite, NwFilterRule.Builder::udplite);
    c = c.list("esp", (Codec<IpHeaderMatch>) p("esp"), NwFilterRule::esp, NwFilterRule.Builder::esp);
    c = c.list("ah", (Codec<IpHeaderMatch>) p("ah"), NwFilterRule::ah, NwFilterRule.Builder::ah);
    c = c.list("sctp", (Codec<PortMatch>) p("sctp"), NwFilterRule::sctp, NwFilterRule.Builder::sctp);
    c = c.list("all", (Codec<IpHeaderMatch>) p("all"), NwFilterRule::all, NwFilterRule.Builder::all);
    c = c.list("tcp-ipv6", (Codec<TcpMatch>) p("tcp-ipv6"), NwFilterRule::tcpIpv6, NwFilterRule.Builder::tcpIpv6);
    c = c.list("icmpv6", (Codec<IcmpMatch>) p("icmpv6"), NwFilterRule::icmpv6, NwFilterRule.Builder::icmpv6);
    c = c.list("udp-ipv6", (Codec<PortMatch>) p("udp-ipv6"), NwFilterRule::udpIpv6, NwFilterRule.Builder::udpIpv6);
    c = c.list("udplite-ipv6", (Codec<IpHeaderMatch>) p("udplite-ipv6"), NwFilterRule::udpliteIpv6, NwFilterRule.Builder::udpliteIpv6);
    c = c.list("esp-ipv6", (Codec<IpHeaderMatch>) p("esp-ipv6"), NwFilterRule::espIpv6, NwFilterRule.Builder::espIpv6);
    c = c.list("ah-ipv6", (Codec<IpHeaderMatch>) p("ah-ipv6"), NwFilterRule::ahIpv6, NwFilterRule.Builder::ahIpv6);
    c = c.list("sctp-ipv6", (Codec<PortMatch>) p("sctp-ipv6"), NwFilterRule::sctpIpv6, NwFilterRule.Builder::sctpIpv6);
    c = c.list("all-ipv6", (Codec<IpHeaderMatch>) p("all-ipv6"), NwFilterRule::allIpv6, NwFilterRule.Builder::allIpv6);
    return c;
  }

  private static final ElementCodec<NwFilterRule, NwFilterRule.Builder> RULE_ELEMENTS = ElementCodec.lazy(() -> ruleCodec());

  /**
   * {@code <rule>}: libvirt filters on the first protocol element name written and never reads
   * elements of other protocol names, so those are kept verbatim where they were instead of typed
   * (typing them would move them before the first one on render, and check values libvirt ignores).
   */
  static final Codec<NwFilterRule> RULE = new Codec<>() {
    @Override public NwFilterRule read(XmlElement e, XPath path) {
      String first = null;
      List<XmlElement> ignored = new ArrayList<>();
      for (XmlElement c : e.children()) {
        if (PROTOCOL_BY_NAME.containsKey(c.name())) {
          if (first == null) first = c.name();
          else if (!first.equals(c.name())) ignored.add(c);
        }
      }
      if (ignored.isEmpty()) return RULE_ELEMENTS.read(e, path);
      XmlElement.Builder b = XmlElement.builder(e.name()).text(e.text());
      for (int i = 0; i < e.attrCount(); i++) b.attr(e.attrName(i), e.attrValue(i));
      for (XmlElement c : e.children()) if (!containsIdentity(ignored, c)) b.child(c);
      NwFilterRule typed = RULE_ELEMENTS.read(b.build(), path);
      if (typed == null) return null;
      // every kept element goes back after the sibling it followed in the original
      Map<XmlElement, Integer> position = new IdentityHashMap<>();
      for (int i = 0; i < e.children().size(); i++) position.put(e.children().get(i), i);
      List<XmlElement> kept = new ArrayList<>(ignored);
      for (Unmodeled.Element k : typed.unmodeled().elements()) kept.add(k.element());
      kept.sort((x, y) -> Integer.compare(position.getOrDefault(x, -1), position.getOrDefault(y, -1)));
      List<Unmodeled.Element> elements = new ArrayList<>();
      for (XmlElement k : kept) {
        Integer at = position.get(k);
        elements.add(new Unmodeled.Element(at == null || at == 0 ? null : e.children().get(at - 1).name(), k));
      }
      Unmodeled all = Unmodeled.of(typed.unmodeled().attributes(), elements);
      return typed.copy(r -> r.unmodeled(all));
    }

    @Override public XmlElement write(NwFilterRule value) { return RULE_ELEMENTS.write(value); }

    @Override public void unmodeled(NwFilterRule value, String path, List<String> out) { RULE_ELEMENTS.unmodeled(value, path, out); }
  };

  private static boolean containsIdentity(List<XmlElement> l, XmlElement x) {
    for (XmlElement y : l) if (y == x) return true;
    return false;
  }

  // ------------------------------------------------------------------ filter

  private static final Codec<NwFilterEntry> RULE_ENTRY = new Codec<>() {
    @Override public NwFilterEntry read(XmlElement e, XPath path) {
      NwFilterRule r = RULE.read(e, path);
      return r == null ? null : NwFilterEntry.of(r);
    }

    @Override public XmlElement write(NwFilterEntry value) { return RULE.write(value.rule().orElseThrow()); }

    @Override public void unmodeled(NwFilterEntry value, String path, List<String> out) { RULE.unmodeled(value.rule().orElseThrow(), path, out); }
  };

  private static final Codec<NwFilterEntry> FILTERREF_ENTRY = new Codec<>() {
    @Override public NwFilterEntry read(XmlElement e, XPath path) {
      NicFilterRef r = NicCodecs.FILTERREF.read(e, path);
      return r == null ? null : NwFilterEntry.of(r);
    }

    @Override public XmlElement write(NwFilterEntry value) { return NicCodecs.FILTERREF.write(value.filterref().orElseThrow()); }

    @Override public void unmodeled(NwFilterEntry value, String path, List<String> out) {
      NicCodecs.FILTERREF.unmodeled(value.filterref().orElseThrow(), path, out);
    }
  };

  private static final ElementCodec<NwFilterSpec, NwFilterSpec.Builder> FILTER =
      ElementCodec.lazy(() -> ElementCodec.of("filter", NwFilterSpec.Builder::new, NwFilterSpec.Builder::build, NwFilterSpec::unmodeled, NwFilterSpec.Builder::unmodeled)
        .attr("name", s -> Optional.of(s.name()), (b, v) -> b.name(v.orElse(null)))
        .attr("chain", NwFilterSpec::chain, NwFilterSpec.Builder::chain)
        .attr("priority", NwFilterSpec::priority, NwFilterSpec.Builder::priority)
        .textChild("uuid", NwFilterSpec::uuid, NwFilterSpec.Builder::uuid)
        .mixedList(Map.of("rule", RULE_ENTRY, "filterref", FILTERREF_ENTRY), NwFilterEntry::elementName,
            NwFilterSpec::entries, NwFilterSpec.Builder::entries));

  private static final XmlDocument<NwFilterSpec> FILTER_DOCUMENT = XmlDocument.of(FILTER);

  /** The {@code <filter>} document. */
  public static XmlDocument<NwFilterSpec> nwFilterSpecDocument() { return FILTER_DOCUMENT; }

  // ------------------------------------------------------------------ filterbinding

  private static final ElementCodec<NwFilterBindingOwner, NwFilterBindingOwner.Builder> OWNER =
      ElementCodec.lazy(() -> ElementCodec.of("owner", NwFilterBindingOwner.Builder::new, NwFilterBindingOwner.Builder::build, NwFilterBindingOwner::unmodeled, NwFilterBindingOwner.Builder::unmodeled)
        .textChild("name", NwFilterBindingOwner::name, NwFilterBindingOwner.Builder::name)
        .textChild("uuid", NwFilterBindingOwner::uuid, NwFilterBindingOwner.Builder::uuid));

  private static final ElementCodec<NwFilterBindingSpec, NwFilterBindingSpec.Builder> FILTERBINDING =
      ElementCodec.lazy(() -> ElementCodec.of("filterbinding", NwFilterBindingSpec.Builder::new, NwFilterBindingSpec.Builder::build, NwFilterBindingSpec::unmodeled, NwFilterBindingSpec.Builder::unmodeled)
        .child("owner", OWNER, s -> Optional.of(s.owner()), (b, v) -> b.owner(v.orElse(null)))
        .attrChild("portdev", "name", s -> Optional.of(s.portdev()), (b, v) -> b.portdev(v.orElse(null)))
        .attrChild("linkdev", "name", NwFilterBindingSpec::linkdev, NwFilterBindingSpec.Builder::linkdev)
        .attrChild("mac", "address", s -> Optional.of(s.mac()), (b, v) -> b.mac(v.orElse(null)))
        .child("filterref", NicCodecs.FILTERREF, s -> Optional.of(s.filterref()), (b, v) -> b.filterref(v.orElse(null))));

  private static final XmlDocument<NwFilterBindingSpec> FILTERBINDING_DOCUMENT = XmlDocument.of(FILTERBINDING);

  /** The {@code <filterbinding>} document. */
  public static XmlDocument<NwFilterBindingSpec> nwFilterBindingSpecDocument() { return FILTERBINDING_DOCUMENT; }
}
