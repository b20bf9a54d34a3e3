package io.kvmsdk.ha.keepalived;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.internal.Inet;
import io.kvmsdk.ha.internal.KeepalivedText;
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

  private static final java.util.Set<String> SCOPES = java.util.Set.of("global", "site", "link", "host", "nowhere");
  private static final java.util.Set<String> FLAGS = java.util.Set.of("-nodad", "noprefixroute", "autojoin", "home", "no_track");

  @Value.Check protected void check() {
    Inet.cidr(address(), "virtual_ipaddress");
    brd().ifPresent(b -> Inet.address(b, "virtual_ipaddress/brd"));
    dev().ifPresent(d -> Names.iface("virtual_ipaddress/dev", d));
    scope().ifPresent(s -> {
      if (!SCOPES.contains(s) && !(s.matches("[0-9]{1,3}") && Integer.parseInt(s) <= 255)) {
        throw new InvalidSpecException("virtual_ipaddress/scope", "must be global, site, link, host, nowhere or 0..255, got " + Names.shown(s));
      }
    });
    label().ifPresent(l -> KeepalivedText.word(l, "virtual_ipaddress/label"));
    for (int i = 0; i < options().size(); i++) {
      String o = options().get(i);
      KeepalivedText.word(o, "virtual_ipaddress/options");
      if (FLAGS.contains(o)) continue;
      if (o.equals("preferred_lft") && i + 1 < options().size() && options().get(i + 1).matches("forever|[0-9]{1,10}")) {
        i++;
        continue;
      }
      throw new InvalidSpecException("virtual_ipaddress/options", "keepalived takes -nodad, noprefixroute, autojoin, home, no_track and"
          + " preferred_lft SECONDS|forever here, got " + Names.shown(o));
    }
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
