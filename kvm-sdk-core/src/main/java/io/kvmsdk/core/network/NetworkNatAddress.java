package io.kvmsdk.core.network;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <nat><address start='..' end='..'/>}: the public IPv4 addresses NAT may use. */
@Value.Immutable
public abstract class NetworkNatAddress {
  /** First IPv4 address. */
  public abstract Optional<String> start();

  /** Last IPv4 address (equal to start for a single address). */
  public abstract Optional<String> end();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public NetworkNatAddress copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The range {@code start}..{@code end}. */
  public static NetworkNatAddress of(String start, String end) { return builder().start(start).end(end).build(); }

  @Value.Check protected void check() {
    NetCheck.natAddress(this);
  }

  /** Builds a {@link NetworkNatAddress}. */
  public static class Builder extends ImmutableNetworkNatAddress.Builder {}
}
