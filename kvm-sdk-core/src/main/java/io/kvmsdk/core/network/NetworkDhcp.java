package io.kvmsdk.core.network;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <ip><dhcp>}: the DHCP server of one address: ranges, static hosts and BOOTP. */
@Value.Immutable
public abstract class NetworkDhcp {
  public abstract List<DhcpRange> ranges();

  public abstract List<DhcpHost> hosts();

  public abstract Optional<DhcpBootp> bootp();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public NetworkDhcp copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** DHCP handing out {@code start}..{@code end}. */
  public static NetworkDhcp range(String start, String end) { return builder().addRange(DhcpRange.of(start, end)).build(); }

  /** Builds a {@link NetworkDhcp}. */
  public static class Builder extends ImmutableNetworkDhcp.Builder {}
}
