package io.kvmsdk.core.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <dns><forwarder>}: an upstream DNS server, for all names or for one domain. */
@Value.Immutable
public abstract class DnsForwarder {
  /** Only names under this domain (resolved locally when no addr). */
  public abstract Optional<String> domain();

  /** The upstream server's address. */
  public abstract Optional<String> addr();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public DnsForwarder copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Forward every query to {@code addr}. */
  public static DnsForwarder addr(String addr) { return builder().addr(addr).build(); }

  /** Forward queries under {@code domain} to {@code addr}. */
  public static DnsForwarder domain(String domain, String addr) { return builder().domain(domain).addr(addr).build(); }

  @Value.Check protected void check() {
    if (addr().isEmpty() && domain().isEmpty()) throw new InvalidSpecException("@addr", "a forwarder needs an addr, a domain, or both");
    if (addr().isPresent()) NetCheck.address("@addr", addr().get());
  }

  /** Builds a {@link DnsForwarder}. */
  public static class Builder extends ImmutableDnsForwarder.Builder {}
}
