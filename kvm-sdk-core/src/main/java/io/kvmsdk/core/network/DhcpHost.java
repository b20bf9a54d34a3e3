package io.kvmsdk.core.network;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <dhcp><host>}: a static DHCP lease: by MAC (IPv4), by DUID id or name (IPv6), to a fixed address. */
@Value.Immutable
public abstract class DhcpHost {
  /** Client MAC (IPv4 only). */
  public abstract Optional<String> mac();

  /** Client DUID (IPv6). */
  public abstract Optional<String> id();

  /** Host name. */
  public abstract Optional<String> name();

  /** The address handed out. */
  public abstract Optional<String> ip();

  public abstract Optional<DhcpLeaseTime> lease();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public DhcpHost copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** A static IPv4 lease of {@code ip} to {@code mac}, named {@code name} (may be null). */
  public static DhcpHost of(String mac, String name, String ip) {
    Builder b = builder().mac(mac).ip(ip);
    if (name != null) b.name(name);
    return b.build();
  }

  @Value.Check protected void check() { NetCheck.dhcpHost(this); }

  /** Builds a {@link DhcpHost}. */
  public static class Builder extends ImmutableDhcpHost.Builder {}
}
