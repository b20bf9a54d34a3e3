package io.kvmsdk.core.nwfilter;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The {@code <all>}, {@code <igmp>}, {@code <esp>}, {@code <ah>}, {@code <udplite>} elements of a rule
 * and the {@code -ipv6} forms of all, esp, ah and udplite: an IP protocol matched by its IP header only.
 */
@Value.Immutable
public abstract class IpHeaderMatch implements IpHeaderFields {

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public IpHeaderMatch copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link IpHeaderMatch}; the rule holding it checks the values. */
  public static class Builder extends ImmutableIpHeaderMatch.Builder implements IpHeaderFields.Setters<Builder> {}
}
