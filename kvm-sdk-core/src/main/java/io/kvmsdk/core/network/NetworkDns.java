package io.kvmsdk.core.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <dns>}: the network's DNS server: on or off, upstream forwarders, and TXT, SRV and host records. */
@Value.Immutable
public abstract class NetworkDns {
  /** false for no DNS server at all. */
  public abstract Optional<Boolean> enable();

  /** Forward names without a dot upstream. */
  public abstract Optional<Boolean> forwardPlainNames();

  public abstract List<DnsForwarder> forwarders();

  public abstract List<DnsTxt> txts();

  public abstract List<DnsSrv> srvs();

  public abstract List<DnsHost> hosts();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public NetworkDns copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** No DNS server ({@code <dns enable='no'/>}). */
  public static NetworkDns disabled() { return builder().enable(false).build(); }

  @Value.Check protected void check() {
    if (enable().equals(Optional.of(Boolean.FALSE)) && !(forwarders().isEmpty() && txts().isEmpty() && srvs().isEmpty() && hosts().isEmpty())) {
      throw new InvalidSpecException("@enable", "a disabled DNS server (enable='no') takes no forwarder, txt, srv or host records");
    }
  }

  /** Builds a {@link NetworkDns}. */
  public static class Builder extends ImmutableNetworkDns.Builder {}
}
