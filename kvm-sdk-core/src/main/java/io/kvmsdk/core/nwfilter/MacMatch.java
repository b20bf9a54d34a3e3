package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The {@code <mac>} element of a rule: an Ethernet frame's addresses and its layer-3 protocol ID.
 * Values are kept as written ({@code 0x0800}, {@code 2048}, {@code ipv4} and {@code $PROTO} stay apart).
 */
@Value.Immutable
public abstract class MacMatch implements EthernetFields {
  /** Layer-3 protocol: 0x600-0xffff (decimal or hex) or arp, rarp, ipv4, ipv6, vlan. */
  public abstract Optional<String> protocolid();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public MacMatch copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link MacMatch}; the rule holding it checks the values. */
  public static class Builder extends ImmutableMacMatch.Builder implements EthernetFields.Setters<Builder> {}
}
