package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The {@code <vlan>} element of a rule: an 802.1Q frame's addresses, VLAN ID and encapsulated protocol.
 */
@Value.Immutable
public abstract class VlanMatch implements EthernetFields {
  /** VLAN ID, 0-4095 (decimal or hex). */
  public abstract Optional<String> vlanid();

  /** {@code encap-protocol}: 0x3c-0xffff or arp, rarp, ipv4, ipv6, vlan. */
  public abstract Optional<String> encapProtocol();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public VlanMatch copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link VlanMatch}; the rule holding it checks the values. */
  public static class Builder extends ImmutableVlanMatch.Builder implements EthernetFields.Setters<Builder> {}
}
