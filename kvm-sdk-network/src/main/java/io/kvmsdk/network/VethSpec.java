package io.kvmsdk.network;

import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.network.internal.IfaceNames;
import io.kvmsdk.network.internal.LinuxSteps;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A veth pair ({@code ip link add NAME type veth peer name PEER}), both ends up, with an optional MTU on both. */
@Value.Immutable
public abstract class VethSpec implements LinkSpec {
  @Override public abstract String name();

  public abstract String peer();

  public abstract Optional<Integer> mtu();

  public static Builder builder() { return new Builder(); }

  /** The pair {@code name}/{@code peer}. */
  public static VethSpec of(String name, String peer) { return builder().name(name).peer(peer).build(); }

  @Override public Plan plan() {
    Plan.Builder p = Plan.builder().step(LinuxSteps.create(name(), "veth", List.of("link", "add", name(), "type", "veth", "peer", "name", peer())));
    mtu().ifPresent(m -> p.step(LinuxSteps.mtu(name(), m)).step(LinuxSteps.mtu(peer(), m)));
    return p.step(LinuxSteps.up(name())).step(LinuxSteps.up(peer())).build();
  }

  @Override public Plan removalPlan() { return Plan.of(LinuxSteps.delete(name(), "veth")); }

  @Override public List<String> uses() { return List.of(); }

  @Value.Check protected void check() {
    IfaceNames.check("veth/@name", name());
    IfaceNames.check("veth/peer/@name", peer());
    mtu().ifPresent(m -> IfaceNames.mtu("veth/@mtu", m));
    if (name().equals(peer())) throw new io.kvmsdk.core.InvalidSpecException("veth/peer/@name", "the peer needs its own name, got '" + peer() + "' twice");
  }

  @Override public String toString() { return "VethSpec[" + name() + " <-> " + peer() + mtu().map(m -> ", mtu " + m).orElse("") + "]"; }

  /** Builds a {@link VethSpec}. */
  public static class Builder extends ImmutableVethSpec.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "veth/@name", "peer", "veth/peer/@name");

    @Override public VethSpec build() { return REQUIRED.build(super::build); }
  }
}
