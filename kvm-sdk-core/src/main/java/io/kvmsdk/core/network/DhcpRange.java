package io.kvmsdk.core.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <dhcp><range start='..' end='..'>}: a pool of addresses the DHCP server hands out, inside the subnet of its {@code <ip>}. */
@Value.Immutable
public abstract class DhcpRange {
  public abstract Optional<String> start();

  public abstract Optional<String> end();

  public abstract Optional<DhcpLeaseTime> lease();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public DhcpRange copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The pool {@code start}..{@code end}. */
  public static DhcpRange of(String start, String end) { return builder().start(start).end(end).build(); }

  /** This range with the given lease time. */
  public DhcpRange lease(DhcpLeaseTime lease) { return copy(b -> b.lease(lease)); }

  @Value.Check protected void check() {
    NetCheck.address("@start", start().orElseThrow(() -> new InvalidSpecException("@start", "is required")));
    NetCheck.address("@end", end().orElseThrow(() -> new InvalidSpecException("@end", "is required")));
  }

  /** Builds a {@link DhcpRange}. */
  public static class Builder extends ImmutableDhcpRange.Builder {}
}
