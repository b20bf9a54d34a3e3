package io.kvmsdk.ha.placement;

import io.kvmsdk.core.InvalidSpecException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans where guests go on a {@link Fleet} under a {@link PlacementPolicy}: bin-packing by vCPUs and
 * memory (each within the host's overcommitted capacity), anti-affinity groups (never two guests of a
 * group on one host), hosts in maintenance (they receive nothing). Guests are taken most important
 * first (priority, then memory, then vCPUs, then name), so the result is deterministic and what
 * cannot be placed is the least important. Stateless and thread-safe.
 *
 * <p>Cost: the hosts sit in a tree ordered by free memory, so a guest's host is found by a walk from
 * the first host with enough memory; the failover of a host with 32 guests on 1,000 hosts takes a
 * few milliseconds (kvm-sdk-ha/README.md has the figures).
 *
 * <pre>{@code
 * PlacementPlan plan = PlacementPlanner.of(PlacementPolicy.defaults().strategy(PlacementPolicy.Strategy.SPREAD)).failover(fleet, "hv7");
 * plan.moves().forEach(m -> ...);          // RESTART guest -> host
 * plan.unplaced().forEach(u -> ...);       // what stays down, and why
 * }</pre>
 */
public final class PlacementPlanner {
  private final PlacementPolicy policy;

  private PlacementPlanner(PlacementPolicy policy) { this.policy = Objects.requireNonNull(policy, "policy"); }

  public static PlacementPlanner of(PlacementPolicy policy) { return new PlacementPlanner(policy); }

  public PlacementPolicy policy() { return policy; }

  /** Places {@code newGuests} (their {@code host} is ignored) on the fleet's hosts in service. */
  public PlacementPlan place(Fleet fleet, Collection<FleetGuest> newGuests) {
    for (FleetGuest g : newGuests) {
      if (fleet.guest(g.name()).isPresent()) throw new InvalidSpecException("place/guest[" + g.name() + "]", "is in the fleet already");
    }
    return plan(fleet, null, newGuests, PlacementPlan.Kind.PLACE, PlacementPlan.Action.START);
  }

  /**
   * Live-migrates every guest of {@code host} to the other hosts in service, so the host can go into
   * maintenance (whether the fleet has it in maintenance already or not).
   */
  public PlacementPlan drain(Fleet fleet, String host) {
    requireHost(fleet, host, "drain");
    return plan(fleet, host, fleet.guestsOn(host), PlacementPlan.Kind.DRAIN, PlacementPlan.Action.MIGRATE);
  }

  /**
   * The failover after {@code lostHost} is lost: which of its guests restart where, and which cannot
   * be placed (and why). {@code fleet} is the last snapshot taken while the host was up.
   */
  public PlacementPlan failover(Fleet fleet, String lostHost) {
    requireHost(fleet, lostHost, "failover");
    return plan(fleet, lostHost, fleet.guestsOn(lostHost), PlacementPlan.Kind.FAILOVER, PlacementPlan.Action.RESTART);
  }

  private static void requireHost(Fleet fleet, String host, String what) {
    if (fleet.host(host).isEmpty()) throw new InvalidSpecException(what + "/@host", "no host '" + host + "' in the fleet");
  }

  /** One host's room while planning. */
  private static final class Room {
    final String name;
    final long vcpuCap;
    final long memCap;
    long vcpus;
    long mem;
    Set<String> groups;

    Room(String name, long vcpuCap, long memCap) {
      this.name = name;
      this.vcpuCap = vcpuCap;
      this.memCap = memCap;
    }

    long freeMem() { return memCap - mem; }

    boolean fits(FleetGuest g) { return vcpus + g.vcpus() <= vcpuCap && mem + g.memoryBytes() <= memCap; }

    boolean holds(Optional<String> group) { return group.isPresent() && groups != null && groups.contains(group.get()); }

    void add(FleetGuest g) {
      vcpus += g.vcpus();
      mem += g.memoryBytes();
      if (g.antiAffinityGroup().isPresent()) {
        if (groups == null) groups = new HashSet<>(4);
        groups.add(g.antiAffinityGroup().get());
      }
    }
  }

  private static final Comparator<Room> BY_FREE_MEMORY = Comparator.comparingLong(Room::freeMem).thenComparing((Room r) -> r.name);

  private static final Comparator<FleetGuest> MOST_IMPORTANT_FIRST = Comparator.comparingInt((FleetGuest g) -> g.priority()).reversed()
      .thenComparing(Comparator.comparingLong(FleetGuest::memoryBytes).reversed())
      .thenComparing(Comparator.comparingInt(FleetGuest::vcpus).reversed())
      .thenComparing(FleetGuest::name);

  private PlacementPlan plan(Fleet fleet, String leaving, Collection<FleetGuest> toPlace, PlacementPlan.Kind kind, PlacementPlan.Action action) {
    // the rooms of the hosts that receive guests, loaded with what they run
    Map<String, Room> rooms = new HashMap<>(fleet.hosts().size() * 2);
    for (FleetHost h : fleet.hosts()) {
      if (h.maintenance() || h.name().equals(leaving)) continue;
      Room r = new Room(h.name(), policy.vcpuCapacity(h), policy.memoryCapacity(h));
      for (FleetGuest g : fleet.guestsOn(h.name())) r.add(g);
      rooms.put(h.name(), r);
    }
    TreeSet<Room> byFree = new TreeSet<>(BY_FREE_MEMORY);
    byFree.addAll(rooms.values());
    Room probe = new Room("", 0, 0);

    List<FleetGuest> order = new ArrayList<>(toPlace);
    order.sort(MOST_IMPORTANT_FIRST);
    List<PlacementPlan.Move> moves = new ArrayList<>(order.size());
    List<PlacementPlan.Unplaced> unplaced = new ArrayList<>();
    for (FleetGuest g : order) {
      Room chosen = null;
      boolean roomButGroup = false;
      // PACK: walk up from the least free memory that could fit; SPREAD: down from the most
      probe.mem = probe.memCap - g.memoryBytes();   // freeMem() == g.memoryBytes(), name "" sorts first
      Iterator<Room> it = policy.strategy() == PlacementPolicy.Strategy.PACK ? byFree.tailSet(probe, true).iterator()
          : byFree.descendingIterator();
      while (it.hasNext()) {
        Room r = it.next();
        if (r.freeMem() < g.memoryBytes()) break;   // SPREAD: the rest have less
        if (!r.fits(g)) continue;
        if (r.holds(g.antiAffinityGroup())) {
          roomButGroup = true;
          continue;
        }
        chosen = r;
        break;
      }
      if (chosen == null) {
        unplaced.add(roomButGroup
            ? new PlacementPlan.Unplaced(g.name(), PlacementPlan.Reason.ANTI_AFFINITY, "every host with " + g.vcpus() + " vCPUs and "
                + (g.memoryBytes() >> 20) + " MiB free runs a guest of group '" + g.antiAffinityGroup().orElseThrow() + "'")
            : new PlacementPlan.Unplaced(g.name(), PlacementPlan.Reason.NO_CAPACITY, "no host in service has " + g.vcpus() + " vCPUs and "
                + (g.memoryBytes() >> 20) + " MiB free under " + policy));
        continue;
      }
      byFree.remove(chosen);
      chosen.add(g);
      byFree.add(chosen);
      moves.add(new PlacementPlan.Move(g.name(), action, action == PlacementPlan.Action.START ? Optional.empty() : g.host(), chosen.name));
    }
    return new PlacementPlan(kind, Optional.ofNullable(leaving), moves, unplaced);
  }
}
