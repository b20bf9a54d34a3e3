package io.kvmsdk.core.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <ip>}: an IPv4 or IPv6 address of the network's bridge, with its prefix or netmask, optional TFTP root and DHCP server. */
@Value.Immutable
public abstract class NetworkIp {
  /** ipv4 (also when absent) or ipv6. */
  public abstract Optional<String> family();

  /** The bridge's address. */
  public abstract Optional<String> address();

  /** IPv4 netmask (instead of prefix). */
  public abstract Optional<String> netmask();

  /** Prefix length. */
  public abstract Optional<Integer> prefix();

  /** Answer reverse lookups for the subnet locally. */
  public abstract Optional<Boolean> localPtr();

  /** {@code <tftp root='..'/>}: the TFTP root directory (IPv4 only). */
  public abstract Optional<String> tftpRoot();

  public abstract Optional<NetworkDhcp> dhcp();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public NetworkIp copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** IPv4 address {@code address}/{@code prefix}. */
  public static NetworkIp ipv4(String address, int prefix) { return builder().address(address).prefix(prefix).build(); }

  /** IPv6 address {@code address}/{@code prefix}. */
  public static NetworkIp ipv6(String address, int prefix) { return builder().family("ipv6").address(address).prefix(prefix).build(); }

  /** The address in CIDR notation ({@code 192.168.122.1/24}, {@code 2001:db8::1/64}). */
  public static NetworkIp of(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) throw new InvalidSpecException("@prefix", "'" + cidr + "' needs a /prefix");
    String a = cidr.substring(0, slash);
    int p;
    try {
      p = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new InvalidSpecException("@prefix", "must be a number, got '" + cidr.substring(slash + 1) + "'");
    }
    return a.indexOf(':') >= 0 ? ipv6(a, p) : ipv4(a, p);
  }

  /** This address with DHCP handing out {@code start}..{@code end} (added to any ranges it has). */
  public NetworkIp dhcpRange(String start, String end) {
    NetworkDhcp d = dhcp().orElse(NetworkDhcp.builder().build());
    return copy(b -> b.dhcp(d.copy(x -> x.addRange(DhcpRange.of(start, end)))));
  }

  /** This address with a static DHCP host added. */
  public NetworkIp dhcpHost(DhcpHost host) {
    NetworkDhcp d = dhcp().orElse(NetworkDhcp.builder().build());
    return copy(b -> b.dhcp(d.copy(x -> x.addHost(host))));
  }

  /** Whether this is an IPv6 address (by family, else by the address's form). */
  public boolean isIpv6() { return family().map("ipv6"::equals).orElse(address().map(a -> a.indexOf(':') >= 0).orElse(false)); }

  @Value.Check protected void check() { NetCheck.ip(this); }

  /** Builds a {@link NetworkIp}. */
  public static class Builder extends ImmutableNetworkIp.Builder {}
}
