package io.kvmsdk.core.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <dns><host ip='..'><hostname>..}: names the network's DNS server answers for an address. */
@Value.Immutable
public abstract class DnsHost {
  /** The address. */
  public abstract Optional<String> ip();

  /** At least one name. */
  public abstract List<String> hostnames();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public DnsHost copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** {@code names} for {@code ip}. */
  public static DnsHost of(String ip, String... names) { return builder().ip(ip).addHostnames(names).build(); }

  @Value.Check protected void check() {
    NetCheck.address("@ip", ip().orElseThrow(() -> new InvalidSpecException("@ip", "is required")));
    if (hostnames().isEmpty()) throw new InvalidSpecException("hostname", "a DNS host needs at least one <hostname>");
    for (int i = 0; i < hostnames().size(); i++) {
      if (hostnames().get(i).isEmpty()) throw new InvalidSpecException("hostname[" + (i + 1) + "]", "must not be empty");
    }
  }

  /** Builds a {@link DnsHost}. */
  public static class Builder extends ImmutableDnsHost.Builder {}
}
