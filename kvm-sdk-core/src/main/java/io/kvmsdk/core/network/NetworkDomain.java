package io.kvmsdk.core.network;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <domain>}: the DNS domain of the network's DHCP/DNS server. */
@Value.Immutable
public abstract class NetworkDomain {
  /** The DNS domain. */
  public abstract Optional<String> name();

  /** Resolve names under the domain only locally. */
  public abstract Optional<Boolean> localOnly();

  /** Register DHCP clients under the domain (needs localOnly). */
  public abstract Optional<Boolean> register();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public NetworkDomain copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The DNS domain {@code name}. */
  public static NetworkDomain of(String name) { return builder().name(name).build(); }

  /** Builds a {@link NetworkDomain}. */
  public static class Builder extends ImmutableNetworkDomain.Builder {}
}
