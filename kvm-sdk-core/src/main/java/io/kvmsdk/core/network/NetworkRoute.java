package io.kvmsdk.core.network;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <route>}: a static route the host gets while the network runs, to a subnet behind a guest. */
@Value.Immutable
public abstract class NetworkRoute {
  /** ipv4 (also when absent) or ipv6. */
  public abstract Optional<String> family();

  /** The destination network address. */
  public abstract Optional<String> address();

  /** IPv4 netmask (instead of prefix). */
  public abstract Optional<String> netmask();

  public abstract Optional<Integer> prefix();

  /** A guest on one of the network's subnets. */
  public abstract Optional<String> gateway();

  /** Route metric, at least 1. */
  public abstract Optional<Integer> metric();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public NetworkRoute copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** A route to {@code address}/{@code prefix} via {@code gateway}. */
  public static NetworkRoute of(String address, int prefix, String gateway) {
    Builder b = builder().address(address).prefix(prefix).gateway(gateway);
    if (address.indexOf(':') >= 0) b.family("ipv6");
    return b.build();
  }

  @Value.Check protected void check() { NetCheck.route(this); }

  /** Builds a {@link NetworkRoute}. */
  public static class Builder extends ImmutableNetworkRoute.Builder {}
}
