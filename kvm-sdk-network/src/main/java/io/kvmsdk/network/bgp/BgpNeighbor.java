package io.kvmsdk.network.bgp;

import io.kvmsdk.core.RequiredFields;
import java.util.Optional;
import org.immutables.value.Value;

/** One BGP neighbour of a {@link BirdConfig}: its address and AS, and how the session runs. */
@Value.Immutable
public abstract class BgpNeighbor {
  /** The session's name in bird ({@code birdc show protocols} shows {@code peer-NAME}); lower-case letters, digits, '_', '-'. */
  public abstract String name();

  /** The neighbour's IPv4 address (directly connected unless {@link #multihop()}). */
  public abstract String address();

  /** The neighbour's AS number, 1..4294967295 (equal to the local AS: iBGP). */
  public abstract long remoteAs();

  /** Run BFD on this session for fast failover (default: the config's {@link BirdConfig#bfd()}). */
  public abstract Optional<Boolean> bfd();

  /** TCP MD5 password (never shown by {@code toString()}). */
  @Value.Redacted public abstract Optional<String> password();

  /** The neighbour is this many hops away (eBGP multihop, 1..255). */
  public abstract Optional<Integer> multihop();

  /** The local address sessions start from. */
  public abstract Optional<String> sourceAddress();

  public static Builder builder() { return new Builder(); }

  /** Neighbour {@code name} at {@code address} in AS {@code remoteAs}. */
  public static BgpNeighbor of(String name, String address, long remoteAs) {
    return builder().name(name).address(address).remoteAs(remoteAs).build();
  }

  /** Builds a {@link BgpNeighbor}; {@link BirdConfig} checks it, naming its index. */
  public static class Builder extends ImmutableBgpNeighbor.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "neighbor/name", "address", "neighbor/address",
        "remoteAs", "neighbor/remoteAs");

    @Override public BgpNeighbor build() { return REQUIRED.build(super::build); }
  }
}
