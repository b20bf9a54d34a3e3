package io.kvmsdk.ha.placement;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainFilter;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Vcpu;
import io.kvmsdk.core.node.NodeInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a fleet: its hosts and the guests running on them (what the planner reasons about; a
 * host that is lost is planned from the last snapshot taken while it was up). Immutable; checked when
 * built: host and guest names are unique, every guest's host is in the fleet.
 *
 * <pre>{@code
 * Fleet fleet = Fleet.builder()
 *     .addHost(FleetHost.of("hv1", 32, Size.gib(256)))
 *     .addHost(FleetHost.of("hv2", 32, Size.gib(256)))
 *     .addGuest(FleetGuest.of("db1", 8, Size.gib(64)).on("hv1").antiAffinity("db"))
 *     .build();
 * }</pre>
 */
public final class Fleet {
  private final Map<String, FleetHost> hosts;
  private final Map<String, FleetGuest> guests;
  private final Map<String, List<FleetGuest>> byHost;

  private Fleet(Map<String, FleetHost> hosts, Map<String, FleetGuest> guests) {
    this.hosts = Collections.unmodifiableMap(hosts);
    this.guests = Collections.unmodifiableMap(guests);
    Map<String, List<FleetGuest>> on = new LinkedHashMap<>();
    for (String h : hosts.keySet()) on.put(h, new ArrayList<>());
    for (FleetGuest g : guests.values()) {
      if (g.host().isEmpty()) continue;
      List<FleetGuest> list = on.get(g.host().get());
      if (list == null) throw new InvalidSpecException("fleet/guest[" + g.name() + "]/@host", "no host '" + g.host().get() + "' in the fleet");
      list.add(g);
    }
    on.replaceAll((h, l) -> List.copyOf(l));
    this.byHost = Collections.unmodifiableMap(on);
  }

  public static Builder builder() { return new Builder(); }

  /**
   * Reads a fleet from its hosts' connections (keyed by host name): each host's CPUs and memory
   * ({@code virNodeGetInfo}) and its running guests' vCPUs and memory (their live definitions).
   * Guests get no anti-affinity group or priority: add them with {@link #copy}.
   */
  public static Fleet read(Map<String, Kvm> connections) {
    Builder b = builder();
    connections.forEach((name, kvm) -> {
      NodeInfo info = kvm.node().info();
      b.addHost(new FleetHost(name, info.cpus(), info.memory().bytes(), false));
      for (Domain d : kvm.domains().list(DomainFilter.ACTIVE)) {
        DomainSpec spec = d.spec();
        int vcpus = spec.vcpu().flatMap(Vcpu::count).orElse(1);
        long memory = spec.memory().map(Size::bytes).orElse(0L);
        b.addGuest(new FleetGuest(spec.name(), vcpus, Math.max(1, memory), Optional.of(name), Optional.empty(), 0));
      }
    });
    return b.build();
  }

  /** The hosts, in the order they were added. */
  public Collection<FleetHost> hosts() { return hosts.values(); }

  /** Every guest, placed or not. */
  public Collection<FleetGuest> guests() { return guests.values(); }

  public Optional<FleetHost> host(String name) { return Optional.ofNullable(hosts.get(name)); }

  public Optional<FleetGuest> guest(String name) { return Optional.ofNullable(guests.get(name)); }

  /** The guests running on {@code host} (empty for a host not in the fleet). */
  public List<FleetGuest> guestsOn(String host) { return byHost.getOrDefault(host, List.of()); }

  /** This fleet with some changes (e.g. a host put in maintenance, groups given to guests). */
  public Fleet copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder();
    hosts.values().forEach(b::addHost);
    guests.values().forEach(b::addGuest);
    change.accept(b);
    return b.build();
  }

  /** This fleet after {@code plan}: its moves done, the lost host (of a failover) gone. */
  public Fleet after(PlacementPlan plan) {
    return copy(b -> {
      for (PlacementPlan.Move m : plan.moves()) b.guests.computeIfPresent(m.guest(), (n, g) -> g.on(m.to()));
      if (plan.kind() == PlacementPlan.Kind.FAILOVER) {
        b.hosts.remove(plan.host().orElseThrow());
        b.guests.values().removeIf(g -> g.host().equals(plan.host()));
      }
    });
  }

  @Override public String toString() { return "Fleet[" + hosts.size() + " hosts, " + guests.size() + " guests]"; }

  /** Builds a {@link Fleet}; a later host or guest of the same name replaces the earlier one. */
  public static final class Builder {
    private final Map<String, FleetHost> hosts = new LinkedHashMap<>();
    private final Map<String, FleetGuest> guests = new LinkedHashMap<>();

    private Builder() {}

    public Builder addHost(FleetHost host) {
      hosts.put(Objects.requireNonNull(host, "host").name(), host);
      return this;
    }

    public Builder addGuest(FleetGuest guest) {
      guests.put(Objects.requireNonNull(guest, "guest").name(), guest);
      return this;
    }

    /** Puts {@code host} in maintenance (or back in service). */
    public Builder maintenance(String host, boolean on) {
      FleetHost h = hosts.get(host);
      if (h == null) throw new InvalidSpecException("fleet/host[" + host + "]", "no such host in the fleet");
      hosts.put(host, h.maintenance(on));
      return this;
    }

    /** Puts the named guests in the anti-affinity group {@code group}: no two of them on one host. */
    public Builder antiAffinity(String group, String... guestNames) {
      for (String n : guestNames) {
        FleetGuest g = guests.get(n);
        if (g == null) throw new InvalidSpecException("fleet/antiAffinity[" + group + "]", "no guest '" + n + "' in the fleet");
        guests.put(n, g.antiAffinity(group));
      }
      return this;
    }

    public Fleet build() { return new Fleet(new LinkedHashMap<>(hosts), new LinkedHashMap<>(guests)); }
  }
}
