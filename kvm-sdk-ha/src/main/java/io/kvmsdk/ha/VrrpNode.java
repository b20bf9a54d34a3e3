package io.kvmsdk.ha;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.internal.Inet;
import io.kvmsdk.ha.internal.Names;
import org.immutables.value.Value;

/**
 * One node of a {@link VipGroup}: its name (keepalived's {@code router_id}), the interface that
 * carries the VIPs, its own address on that interface (with its prefix, e.g. {@code 192.0.2.11/24},
 * so the group can check that the VIPs are in its subnet) and its VRRP priority (1..254).
 */
@Value.Immutable
public abstract class VrrpNode {
  public abstract String name();

  public abstract String iface();

  /** The node's address on {@link #iface()}, {@code ADDRESS[/PREFIX]}: the unicast source and peer address. */
  public abstract String address();

  public abstract int priority();

  public static VrrpNode of(String name, String iface, String address, int priority) {
    return builder().name(name).iface(iface).address(address).priority(priority).build();
  }

  public static Builder builder() { return new Builder(); }

  /** The address without its prefix. */
  public String ip() { return Inet.cidr(address(), "address").address(); }

  @Value.Check protected void check() {
    Names.word("node", name());
    String at = "node " + name();
    Names.iface(at + "/interface", iface());
    Inet.cidr(address(), at + "/address");
    if (priority() < 1 || priority() > 254) {
      throw new InvalidSpecException(at + "/priority", "must be 1..254 (0 is a master giving up, 255 the address owner), got " + priority());
    }
  }

  @Override public String toString() { return name() + " " + iface() + " " + address() + " priority " + priority(); }

  /** Builds a {@link VrrpNode}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableVrrpNode.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "node/name", "iface", "node/interface", "address", "node/address", "priority", "node/priority");

    @Override public VrrpNode build() { return REQUIRED.build(super::build); }
  }
}
