package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.internal.nwfilter.NwFilterChecks;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A {@code <rule>} of a network filter: action, direction, priority, and the protocol element(s) a
 * packet must match. There is one list per protocol element name (libvirt accepts several elements of
 * the same name in one rule and ANDs them, each with its own {@code match}: see formatnwfilter's
 * {@code match='no'} grouping), so nothing written is ever merged or reordered.
 *
 * <pre>{@code
 * NwFilterRule r = NwFilterRule.drop().direction("out").priority(500)
 *     .mac(m -> m.srcmacaddr("$MAC").match(false)).build();
 * }</pre>
 *
 * libvirt filters on the first protocol element name written and ignores elements of other names;
 * when parsing, those are kept verbatim (listed by {@code unmodeledPaths()}), so the element libvirt
 * uses stays the typed one. {@code build()} checks what libvirt's define refuses; the owning
 * {@link NwFilterSpec#validate()} also refuses what libvirt silently ignores or rewrites.
 */
@Value.Immutable
public abstract class NwFilterRule {
  /** drop, accept, reject, return or continue (required). */
  public abstract Optional<String> action();

  /** in, out or inout (required). */
  public abstract Optional<String> direction();

  /**
   * -1000 to 1000, lower first, as written. libvirt uses 500 when it is absent, and also when it is
   * not an integer in range (see {@link #priorityValue()}).
   */
  public abstract Optional<String> priority();

  /** {@code false} or {@code 0} turns connection-state matching off. */
  public abstract Optional<String> statematch();

  /** The {@code <mac>} elements. */
  public abstract List<MacMatch> mac();

  /** The {@code <vlan>} elements. */
  public abstract List<VlanMatch> vlan();

  /** The {@code <stp>} elements. */
  public abstract List<StpMatch> stp();

  /** The {@code <arp>} elements. */
  public abstract List<ArpMatch> arp();

  /** The {@code <rarp>} elements. */
  public abstract List<ArpMatch> rarp();

  /** The {@code <ip>} elements. */
  public abstract List<IpMatch> ip();

  /** The {@code <ipv6>} elements. */
  public abstract List<Ipv6Match> ipv6();

  /** The {@code <tcp>} elements. */
  public abstract List<TcpMatch> tcp();

  /** The {@code <icmp>} elements. */
  public abstract List<IcmpMatch> icmp();

  /** The {@code <igmp>} elements. */
  public abstract List<IpHeaderMatch> igmp();

  /** The {@code <udp>} elements. */
  public abstract List<PortMatch> udp();

  /** The {@code <udplite>} elements. */
  public abstract List<IpHeaderMatch> udplite();

  /** The {@code <esp>} elements. */
  public abstract List<IpHeaderMatch> esp();

  /** The {@code <ah>} elements. */
  public abstract List<IpHeaderMatch> ah();

  /** The {@code <sctp>} elements. */
  public abstract List<PortMatch> sctp();

  /** The {@code <all>} elements. */
  public abstract List<IpHeaderMatch> all();

  /** The {@code <tcp-ipv6>} elements. */
  public abstract List<TcpMatch> tcpIpv6();

  /** The {@code <icmpv6>} elements. */
  public abstract List<IcmpMatch> icmpv6();

  /** The {@code <udp-ipv6>} elements. */
  public abstract List<PortMatch> udpIpv6();

  /** The {@code <udplite-ipv6>} elements. */
  public abstract List<IpHeaderMatch> udpliteIpv6();

  /** The {@code <esp-ipv6>} elements. */
  public abstract List<IpHeaderMatch> espIpv6();

  /** The {@code <ah-ipv6>} elements. */
  public abstract List<IpHeaderMatch> ahIpv6();

  /** The {@code <sctp-ipv6>} elements. */
  public abstract List<PortMatch> sctpIpv6();

  /** The {@code <all-ipv6>} elements. */
  public abstract List<IpHeaderMatch> allIpv6();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** The priority libvirt gives the rule: {@link #priority()} when it is an integer in [-1000, 1000], else 500. */
  public int priorityValue() { return NwFilterChecks.rulePriority(priority()); }

  /** The name of the protocol element libvirt filters on ({@code tcp}, {@code mac}, ...); empty when the rule has none. */
  public Optional<String> protocol() { return NwFilterChecks.protocolOf(this); }

  public static Builder builder() { return new Builder(); }

  /** A rule dropping what it matches. */
  public static Builder drop() { return builder().action("drop"); }

  /** A rule accepting what it matches. */
  public static Builder accept() { return builder().action("accept"); }

  /** A rule rejecting what it matches (an ICMP error back). */
  public static Builder reject() { return builder().action("reject"); }

  /** Derives a changed copy. */
  public NwFilterRule copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Value.Check protected void check() { NwFilterChecks.checkRule(this); }

  /** Builds a {@link NwFilterRule}; {@code build()} checks libvirt's define-time rules. */
  public static class Builder extends ImmutableNwFilterRule.Builder {
    /** Sets {@code priority}. */
    public final Builder priority(int priority) { return priority(Integer.toString(priority)); }

    /** {@code statematch(false)} turns connection-state matching off; {@code true} leaves libvirt's default. */
    public final Builder statematch(boolean statematch) {
      return statematch ? statematch(Optional.<String>empty()) : statematch("false");
    }

    /** Adds a {@code <mac>} element. */
    public final Builder mac(Consumer<MacMatch.Builder> element) {
      MacMatch.Builder b = MacMatch.builder();
      element.accept(b);
      return addMac(b.build());
    }

    /** Adds a {@code <vlan>} element. */
    public final Builder vlan(Consumer<VlanMatch.Builder> element) {
      VlanMatch.Builder b = VlanMatch.builder();
      element.accept(b);
      return addVlan(b.build());
    }

    /** Adds a {@code <stp>} element. */
    public final Builder stp(Consumer<StpMatch.Builder> element) {
      StpMatch.Builder b = StpMatch.builder();
      element.accept(b);
      return addStp(b.build());
    }

    /** Adds a {@code <arp>} element. */
    public final Builder arp(Consumer<ArpMatch.Builder> element) {
      ArpMatch.Builder b = ArpMatch.builder();
      element.accept(b);
      return addArp(b.build());
    }

    /** Adds a {@code <rarp>} element. */
    public final Builder rarp(Consumer<ArpMatch.Builder> element) {
      ArpMatch.Builder b = ArpMatch.builder();
      element.accept(b);
      return addRarp(b.build());
    }

    /** Adds a {@code <ip>} element. */
    public final Builder ip(Consumer<IpMatch.Builder> element) {
      IpMatch.Builder b = IpMatch.builder();
      element.accept(b);
      return addIp(b.build());
    }

    /** Adds a {@code <ipv6>} element. */
    public final Builder ipv6(Consumer<Ipv6Match.Builder> element) {
      Ipv6Match.Builder b = Ipv6Match.builder();
      element.accept(b);
      return addIpv6(b.build());
    }

    /** Adds a {@code <tcp>} element. */
    public final Builder tcp(Consumer<TcpMatch.Builder> element) {
      TcpMatch.Builder b = TcpMatch.builder();
      element.accept(b);
      return addTcp(b.build());
    }

    /** Adds a {@code <icmp>} element. */
    public final Builder icmp(Consumer<IcmpMatch.Builder> element) {
      IcmpMatch.Builder b = IcmpMatch.builder();
      element.accept(b);
      return addIcmp(b.build());
    }

    /** Adds a {@code <igmp>} element. */
    public final Builder igmp(Consumer<IpHeaderMatch.Builder> element) {
      IpHeaderMatch.Builder b = IpHeaderMatch.builder();
      element.accept(b);
      return addIgmp(b.build());
    }

    /** Adds a {@code <udp>} element. */
    public final Builder udp(Consumer<PortMatch.Builder> element) {
      PortMatch.Builder b = PortMatch.builder();
      element.accept(b);
      return addUdp(b.build());
    }

    /** Adds a {@code <udplite>} element. */
    public final Builder udplite(Consumer<IpHeaderMatch.Builder> element) {
      IpHeaderMatch.Builder b = IpHeaderMatch.builder();
      element.accept(b);
      return addUdplite(b.build());
    }

    /** Adds a {@code <esp>} element. */
    public final Builder esp(Consumer<IpHeaderMatch.Builder> element) {
      IpHeaderMatch.Builder b = IpHeaderMatch.builder();
      element.accept(b);
      return addEsp(b.build());
    }

    /** Adds a {@code <ah>} element. */
    public final Builder ah(Consumer<IpHeaderMatch.Builder> element) {
      IpHeaderMatch.Builder b = IpHeaderMatch.builder();
      element.accept(b);
      return addAh(b.build());
    }

    /** Adds a {@code <sctp>} element. */
    public final Builder sctp(Consumer<PortMatch.Builder> element) {
      PortMatch.Builder b = PortMatch.builder();
      element.accept(b);
      return addSctp(b.build());
    }

    /** Adds a {@code <all>} element. */
    public final Builder all(Consumer<IpHeaderMatch.Builder> element) {
      IpHeaderMatch.Builder b = IpHeaderMatch.builder();
      element.accept(b);
      return addAll(b.build());
    }

    /** Adds a {@code <tcp-ipv6>} element. */
    public final Builder tcpIpv6(Consumer<TcpMatch.Builder> element) {
      TcpMatch.Builder b = TcpMatch.builder();
      element.accept(b);
      return addTcpIpv6(b.build());
    }

    /** Adds a {@code <icmpv6>} element. */
    public final Builder icmpv6(Consumer<IcmpMatch.Builder> element) {
      IcmpMatch.Builder b = IcmpMatch.builder();
      element.accept(b);
      return addIcmpv6(b.build());
    }

    /** Adds a {@code <udp-ipv6>} element. */
    public final Builder udpIpv6(Consumer<PortMatch.Builder> element) {
      PortMatch.Builder b = PortMatch.builder();
      element.accept(b);
      return addUdpIpv6(b.build());
    }

    /** Adds a {@code <udplite-ipv6>} element. */
    public final Builder udpliteIpv6(Consumer<IpHeaderMatch.Builder> element) {
      IpHeaderMatch.Builder b = IpHeaderMatch.builder();
      element.accept(b);
      return addUdpliteIpv6(b.build());
    }

    /** Adds a {@code <esp-ipv6>} element. */
    public final Builder espIpv6(Consumer<IpHeaderMatch.Builder> element) {
      IpHeaderMatch.Builder b = IpHeaderMatch.builder();
      element.accept(b);
      return addEspIpv6(b.build());
    }

    /** Adds a {@code <ah-ipv6>} element. */
    public final Builder ahIpv6(Consumer<IpHeaderMatch.Builder> element) {
      IpHeaderMatch.Builder b = IpHeaderMatch.builder();
      element.accept(b);
      return addAhIpv6(b.build());
    }

    /** Adds a {@code <sctp-ipv6>} element. */
    public final Builder sctpIpv6(Consumer<PortMatch.Builder> element) {
      PortMatch.Builder b = PortMatch.builder();
      element.accept(b);
      return addSctpIpv6(b.build());
    }

    /** Adds a {@code <all-ipv6>} element. */
    public final Builder allIpv6(Consumer<IpHeaderMatch.Builder> element) {
      IpHeaderMatch.Builder b = IpHeaderMatch.builder();
      element.accept(b);
      return addAllIpv6(b.build());
    }
  }
}
