package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The {@code <ip>} element of a rule: an IPv4 packet's addresses, layer-4 protocol, ports and DSCP.
 * libvirt accepts ports only with {@code protocol} tcp, udp, dccp (33) or sctp.
 */
@Value.Immutable
public abstract class IpMatch implements EthernetFields, PortFields {
  public abstract Optional<String> srcipaddr();

  public abstract Optional<String> srcipmask();

  public abstract Optional<String> dstipaddr();

  public abstract Optional<String> dstipmask();

  /** Layer-4 protocol: 0-255 (decimal or hex) or tcp, udp, udplite, esp, ah, icmp, igmp, sctp, icmpv6. */
  public abstract Optional<String> protocol();

  /** Differentiated Services Code Point, 0 to 63. */
  public abstract Optional<String> dscp();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public IpMatch copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link IpMatch}; the rule holding it checks the values. */
  public static class Builder extends ImmutableIpMatch.Builder implements EthernetFields.Setters<Builder>, PortFields.Setters<Builder> {}
}
