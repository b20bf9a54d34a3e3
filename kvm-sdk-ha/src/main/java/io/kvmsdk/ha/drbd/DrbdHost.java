package io.kvmsdk.ha.drbd;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.internal.Inet;
import io.kvmsdk.ha.internal.Names;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A node of a DRBD resource ({@code on NAME { node-id; address; volume ... }}): its host name must be the node's {@code uname -n}. */
@Value.Immutable
public abstract class DrbdHost {
  public abstract String name();

  /** {@code node-id}, 0..31, unique in the resource. */
  public abstract int nodeId();

  /** The replication address (an IP). */
  public abstract String address();

  /** The port (default: the resource's). */
  public abstract Optional<Integer> port();

  /** Backing disks of this node by volume number, overriding {@link DrbdVolume#disk()}. */
  public abstract Map<Integer, String> disks();

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Names.host("on", name());
    String at = "on " + name();
    if (nodeId() < 0 || nodeId() > 31) throw new InvalidSpecException(at + "/node-id", "must be 0..31, got " + nodeId());
    Inet.address(address(), at + "/address");
    port().ifPresent(p -> {
      if (p < 1 || p > 65535) throw new InvalidSpecException(at + "/address", "port must be 1..65535, got " + p);
    });
    disks().forEach((v, d) -> DrbdVolume.checkDisk(at + "/volume " + v + "/disk", d));
  }

  /** Builds a {@link DrbdHost}; a missing name, node-id or address is an {@link InvalidSpecException} naming it. */
  public static class Builder extends ImmutableDrbdHost.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "on/name", "nodeId", "on/node-id", "address", "on/address");

    @Override public DrbdHost build() { return REQUIRED.build(super::build); }
  }
}
