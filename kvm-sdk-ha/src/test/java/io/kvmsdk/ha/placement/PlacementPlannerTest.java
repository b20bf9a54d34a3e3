package io.kvmsdk.ha.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.ha.placement.PlacementPlan.Action;
import io.kvmsdk.ha.placement.PlacementPlan.Reason;
import io.kvmsdk.ha.placement.PlacementPolicy.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner's rules on small fleets, where every decision can be checked by hand. */
class PlacementPlannerTest {
  static final PlacementPlanner PACK = PlacementPlanner.of(PlacementPolicy.defaults());

  /** Three hosts of 4 CPUs and 16 GiB: 16 vCPUs each at 4:1. */
  static Fleet.Builder three() {
    return Fleet.builder().addHost(FleetHost.of("hv1", 4, Size.gib(16))).addHost(FleetHost.of("hv2", 4, Size.gib(16)))
        .addHost(FleetHost.of("hv3", 4, Size.gib(16)));
  }

  @Test void packingTakesTheHostWithTheLeastMemoryLeftThatFits() {
    Fleet fleet = three().addGuest(FleetGuest.of("a", 2, Size.gib(10)).on("hv1")).addGuest(FleetGuest.of("b", 2, Size.gib(4)).on("hv2")).build();
    PlacementPlan plan = PACK.place(fleet, List.of(FleetGuest.of("small", 1, Size.gib(4)), FleetGuest.of("big", 1, Size.gib(12))));
    // the bigger first: 12 GiB fits hv2 (12 left) exactly; then 4 GiB fits hv1 (6 left)
    assertThat(plan.moves()).extracting(PlacementPlan.Move::toString).containsExactly("START big -> hv2", "START small -> hv1");
    assertThat(plan.complete()).isTrue();
  }

  @Test void spreadingTakesTheHostWithTheMostMemoryLeft() {
    Fleet fleet = three().addGuest(FleetGuest.of("a", 2, Size.gib(10)).on("hv1")).addGuest(FleetGuest.of("b", 2, Size.gib(4)).on("hv2")).build();
    PlacementPlan plan = PlacementPlanner.of(PlacementPolicy.defaults().strategy(Strategy.SPREAD))
        .place(fleet, List.of(FleetGuest.of("x", 1, Size.gib(6)), FleetGuest.of("y", 1, Size.gib(1)), FleetGuest.of("z", 1, Size.gib(1))));
    // 16 GiB free on hv3 (10 after x), 12 on hv2, 6 on hv1
    assertThat(plan.moves()).extracting(PlacementPlan.Move::to).containsExactly("hv3", "hv2", "hv2");
  }

  @Test void vcpusCountAgainstTheOvercommittedCapacity() {
    Fleet fleet = three().build();
    List<FleetGuest> wide = List.of(FleetGuest.of("w1", 12, Size.gib(1)), FleetGuest.of("w2", 12, Size.gib(1)), FleetGuest.of("w3", 12, Size.gib(1)),
        FleetGuest.of("w4", 12, Size.gib(1)));
    // 4 CPUs × 4 = 16 vCPUs a host: one 12-vCPU guest each, the fourth has no room
    PlacementPlan plan = PACK.place(fleet, wide);
    assertThat(plan.moves()).extracting(PlacementPlan.Move::to).containsExactlyInAnyOrder("hv1", "hv2", "hv3");
    assertThat(plan.unplaced()).singleElement().satisfies(u -> {
      assertThat(u.guest()).isEqualTo("w4");
      assertThat(u.reason()).isEqualTo(Reason.NO_CAPACITY);
      assertThat(u.detail()).contains("12 vCPUs and 1024 MiB");
    });
    // at 8:1 with one CPU kept for the host: 24 vCPUs a host, two each
    PlacementPlan roomier = PlacementPlanner.of(PlacementPolicy.defaults().cpuOvercommit(8).reservedCpus(1)).place(fleet, wide);
    assertThat(roomier.complete()).isTrue();
    assertThat(roomier.moves()).extracting(PlacementPlan.Move::to).containsExactly("hv1", "hv1", "hv2", "hv2");
  }

  @Test void memoryOvercommitAndReservesChangeWhatFits() {
    Fleet fleet = Fleet.builder().addHost(FleetHost.of("hv1", 8, Size.gib(16))).build();
    List<FleetGuest> two = List.of(FleetGuest.of("m1", 1, Size.gib(10)), FleetGuest.of("m2", 1, Size.gib(10)));
    assertThat(PACK.place(fleet, two).unplaced()).hasSize(1);
    assertThat(PlacementPlanner.of(PlacementPolicy.defaults().memoryOvercommit(1.5)).place(fleet, two).complete()).isTrue();
    assertThat(PlacementPlanner.of(PlacementPolicy.defaults().memoryOvercommit(1.5).reservedMemory(Size.gib(4))).place(fleet, two).unplaced())
        .hasSize(1);
  }

  @Test void antiAffinityKeepsAGroupOnDifferentHostsAndSaysSoWhenItCannot() {
    Fleet fleet = three().addGuest(FleetGuest.of("db1", 2, Size.gib(2)).on("hv1").antiAffinity("db"))
        .addGuest(FleetGuest.of("db2", 2, Size.gib(2)).on("hv2").antiAffinity("db")).build();
    PlacementPlan plan = PACK.place(fleet, List.of(FleetGuest.of("db3", 2, Size.gib(2)).antiAffinity("db"), FleetGuest.of("db4", 2, Size.gib(2))
        .antiAffinity("db")));
    assertThat(plan.moves()).singleElement().satisfies(m -> assertThat(m.to()).isEqualTo("hv3"));
    assertThat(plan.unplaced()).singleElement().satisfies(u -> {
      assertThat(u.reason()).isEqualTo(Reason.ANTI_AFFINITY);
      assertThat(u.detail()).contains("group 'db'");
    });
  }

  @Test void aFailoverRestartsTheLostHostsGuestsMostImportantFirst() {
    Fleet fleet = three().addGuest(FleetGuest.of("fill2", 1, Size.gib(12)).on("hv2")).addGuest(FleetGuest.of("fill3", 1, Size.gib(12)).on("hv3"))
        .addGuest(FleetGuest.of("low", 1, Size.gib(4)).on("hv1")).addGuest(FleetGuest.of("high", 1, Size.gib(4)).on("hv1").priority(10))
        .addGuest(FleetGuest.of("mid", 1, Size.gib(4)).on("hv1").priority(5)).build();
    PlacementPlan plan = PACK.failover(fleet, "hv1");
    assertThat(plan.kind()).isEqualTo(PlacementPlan.Kind.FAILOVER);
    assertThat(plan.moves()).extracting(PlacementPlan.Move::toString).containsExactly("RESTART high hv1 -> hv2", "RESTART mid hv1 -> hv3");
    assertThat(plan.unplaced()).extracting(PlacementPlan.Unplaced::guest).containsExactly("low");
    assertThat(plan.toString()).startsWith("FAILOVER hv1: 2 moves, 1 unplaced\n  RESTART high hv1 -> hv2");
    Fleet after = fleet.after(plan);
    assertThat(after.host("hv1")).isEmpty();
    assertThat(after.guest("low")).isEmpty();
    assertThat(after.guestsOn("hv2")).extracting(FleetGuest::name).containsExactlyInAnyOrder("fill2", "high");
  }

  @Test void aDrainMigratesEverythingAwayAndHostsInMaintenanceReceiveNothing() {
    Fleet fleet = three().addGuest(FleetGuest.of("a", 2, Size.gib(4)).on("hv1")).addGuest(FleetGuest.of("b", 2, Size.gib(4)).on("hv1"))
        .build().copy(b -> b.maintenance("hv3", true));
    PlacementPlan plan = PACK.drain(fleet, "hv1");
    assertThat(plan.moves()).extracting(PlacementPlan.Move::toString).containsExactly("MIGRATE a hv1 -> hv2", "MIGRATE b hv1 -> hv2");
    assertThat(plan.moves()).allSatisfy(m -> assertThat(m.action()).isEqualTo(Action.MIGRATE));
    assertThat(fleet.after(plan).guestsOn("hv1")).isEmpty();
    // a host in maintenance takes nothing new either
    assertThat(PACK.place(fleet.copy(b -> b.maintenance("hv2", true).maintenance("hv1", true)), List.of(FleetGuest.of("c", 1, Size.gib(1)))).unplaced()).hasSize(1);
  }

  @Test void badInputIsRefusedNamingTheField() {
    assertThatThrownBy(() -> three().addGuest(FleetGuest.of("a", 1, Size.gib(1)).on("hv9")).build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("fleet/guest[a]/@host"));
    assertThatThrownBy(() -> PACK.failover(three().build(), "hv9"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("failover/@host"));
    Fleet one = three().addGuest(FleetGuest.of("a", 1, Size.gib(1)).on("hv1")).build();
    assertThatThrownBy(() -> PACK.place(one, List.of(FleetGuest.of("a", 1, Size.gib(1)))))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("place/guest[a]"));
    assertThatThrownBy(() -> PlacementPolicy.defaults().cpuOvercommit(0.5))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("policy/cpuOvercommit"));
    assertThatThrownBy(() -> FleetGuest.of("z", 0, Size.gib(1)))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("guest[z]/@vcpus"));
    assertThatThrownBy(() -> three().antiAffinity("db", "nobody"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("fleet/antiAffinity[db]"));
  }
}
