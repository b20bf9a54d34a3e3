package io.kvmsdk.ha.keepalived;

import io.kvmsdk.ha.internal.Inet;
import io.kvmsdk.ha.internal.Names;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One line of {@code virtual_ipaddress}: {@code ADDRESS[/PREFIX] [brd B] [dev IFACE] [scope S]
 * [label L]}; other options keepalived knows are kept in {@link #options()}.
 */
@Value.Immutable
public abstract class VirtualIpAddress {
  /** The address with its prefix, e.g. {@code 192.0.2.50/24} (keepalived takes /32 or /128 when none). */
  public abstract String address();

  public abstract Optional<String> brd();

  /** The interface that carries the address (default: the instance's {@code interface}). */
  public abstract Optional<String> dev();

  public abstract Optional<String> scope();

  /** An alias label such as {@code eth0:vip}. */
  public abstract Optional<String> label();

  /** Further words of the line, kept verbatim. */
  public abstract List<String> options();

  /** An address with its prefix. */
  public static VirtualIpAddress of(String cidr) { return builder().address(cidr).build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Inet.cidr(address(), "virtual_ipaddress");
    brd().ifPresent(b -> Inet.address(b, "virtual_ipaddress/brd"));
    dev().ifPresent(d -> Names.iface("virtual_ipaddress/dev", d));
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder(address());
    brd().ifPresent(v -> sb.append(" brd ").append(v));
    dev().ifPresent(v -> sb.append(" dev ").append(v));
    scope().ifPresent(v -> sb.append(" scope ").append(v));
    label().ifPresent(v -> sb.append(" label ").append(v));
    options().forEach(o -> sb.append(' ').append(o));
    return sb.toString();
  }

  /** Builds a {@link VirtualIpAddress}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableVirtualIpAddress.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("address", "virtual_ipaddress");

    @Override public VirtualIpAddress build() { return REQUIRED.build(super::build); }
  }
}
