package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The {@code <icmp>} and {@code <icmpv6>} elements of a rule, with the ICMP type and code.
 */
@Value.Immutable
public abstract class IcmpMatch implements IpHeaderFields {
  /** ICMP type (UINT8). */
  public abstract Optional<String> type();

  /** ICMP code (UINT8). */
  public abstract Optional<String> code();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public IcmpMatch copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link IcmpMatch}; the rule holding it checks the values. */
  public static class Builder extends ImmutableIcmpMatch.Builder implements IpHeaderFields.Setters<Builder> {}
}
