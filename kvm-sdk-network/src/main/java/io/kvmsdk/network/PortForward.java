package io.kvmsdk.network;

import org.immutables.value.Value;

/**
 * A port forward of a {@link NatGateway}: connections to {@code publicPort} on the gateway go to
 * {@code toAddress:toPort} inside (DNAT, and the forward rule that lets them through).
 */
@Value.Immutable
public abstract class PortForward {
  /** {@code tcp} (default) or {@code udp}. */
  @Value.Default public String protocol() { return "tcp"; }

  public abstract int publicPort();

  /** The inner server's IPv4 address. */
  public abstract String toAddress();

  public abstract int toPort();

  public static Builder builder() { return new Builder(); }

  /** TCP {@code publicPort} to {@code toAddress:toPort}. */
  public static PortForward tcp(int publicPort, String toAddress, int toPort) {
    return builder().publicPort(publicPort).toAddress(toAddress).toPort(toPort).build();
  }

  /** UDP {@code publicPort} to {@code toAddress:toPort}. */
  public static PortForward udp(int publicPort, String toAddress, int toPort) {
    return builder().protocol("udp").publicPort(publicPort).toAddress(toAddress).toPort(toPort).build();
  }

  @Override public String toString() { return protocol() + " " + publicPort() + " -> " + toAddress() + ":" + toPort(); }

  /** Builds a {@link PortForward}; {@link NatGateway} checks it, naming its index. */
  public static class Builder extends ImmutablePortForward.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of();

    @Override public PortForward build() { return REQUIRED.build(super::build); }
  }
}
