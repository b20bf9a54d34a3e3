package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The {@code <udp>}, {@code <sctp>}, {@code <udp-ipv6>} and {@code <sctp-ipv6>} elements of a rule: an
 * IP protocol matched with its ports.
 */
@Value.Immutable
public abstract class PortMatch implements IpHeaderFields, PortFields {

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public PortMatch copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link PortMatch}; the rule holding it checks the values. */
  public static class Builder extends ImmutablePortMatch.Builder implements IpHeaderFields.Setters<Builder>, PortFields.Setters<Builder> {}
}
