package io.kvmsdk.core.network;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <forward mode='nat'><nat>}: the address and port ranges NAT uses, and NAT for IPv6. */
@Value.Immutable
public abstract class NetworkNat {
  /** NAT for IPv6 too ({@code ipv6='yes'}). */
  public abstract Optional<Boolean> ipv6();

  public abstract Optional<NetworkNatAddress> address();

  public abstract Optional<NetworkNatPort> port();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public NetworkNat copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** NAT onto the public IPv4 addresses {@code start}..{@code end}. */
  public static NetworkNat addressRange(String start, String end) { return builder().address(NetworkNatAddress.of(start, end)).build(); }

  /** NAT onto the source ports {@code start}..{@code end}. */
  public static NetworkNat portRange(int start, int end) { return builder().port(NetworkNatPort.of(start, end)).build(); }

  /** IPv6 NAT as well. */
  public static NetworkNat withIpv6() { return builder().ipv6(true).build(); }

  @Value.Check protected void check() {
    NetCheck.onlyOne(unmodeled(), "address", "<nat> allows only one <address start='..' end='..'/>");
    NetCheck.onlyOne(unmodeled(), "port", "<nat> allows only one <port start='..' end='..'/>");
  }

  /** Builds a {@link NetworkNat}. */
  public static class Builder extends ImmutableNetworkNat.Builder {}
}
