package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The {@code <ipv6>} element of a rule: an IPv6 packet's addresses, layer-4 protocol, ports and ICMPv6
 * type and code ranges. libvirt accepts ports only with {@code protocol} tcp, udp, dccp (33) or sctp.
 */
@Value.Immutable
public abstract class Ipv6Match implements EthernetFields, PortFields {
  public abstract Optional<String> srcipaddr();

  public abstract Optional<String> srcipmask();

  public abstract Optional<String> dstipaddr();

  public abstract Optional<String> dstipmask();

  /** Layer-4 protocol: 0-255 (decimal or hex) or tcp, udp, udplite, esp, ah, icmp, igmp, sctp, icmpv6. */
  public abstract Optional<String> protocol();

  /** ICMPv6 type (range start). */
  public abstract Optional<String> type();

  /** ICMPv6 type range end. */
  public abstract Optional<String> typeend();

  /** ICMPv6 code (range start). */
  public abstract Optional<String> code();

  /** ICMPv6 code range end. */
  public abstract Optional<String> codeend();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Ipv6Match copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Ipv6Match}; the rule holding it checks the values. */
  public static class Builder extends ImmutableIpv6Match.Builder implements EthernetFields.Setters<Builder>, PortFields.Setters<Builder> {}
}
