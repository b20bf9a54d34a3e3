package io.kvmsdk.ha.placement;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link PlacementPlanner} decided: the moves (in the order they were decided, the most
 * important guests first) and the guests it could not place, each with the reason.
 */
public record PlacementPlan(Kind kind, Optional<String> host, List<Move> moves, List<Unplaced> unplaced) {
  /** What the plan is for. */
  public enum Kind {
    /** New guests onto the fleet. */
    PLACE,
    /** A host's guests live-migrated away before maintenance. */
    DRAIN,
    /** A lost host's guests restarted elsewhere. */
    FAILOVER
  }

  /** What is done to a guest. */
  public enum Action {
    /** Start a new guest on {@code to}. */
    START,
    /** Live-migrate it from {@code from} to {@code to}. */
    MIGRATE,
    /** Start it again on {@code to}: its host is lost. */
    RESTART
  }

  /** Why a guest could not be placed. */
  public enum Reason {
    /** No host in service has enough vCPUs and memory left. */
    NO_CAPACITY,
    /** Hosts with room exist, but each already runs a guest of its anti-affinity group. */
    ANTI_AFFINITY
  }

  /** One guest to {@code to}. */
  public record Move(String guest, Action action, Optional<String> from, String to) {
    @Override public String toString() { return action + " " + guest + from.map(f -> " " + f).orElse("") + " -> " + to; }
  }

  /** One guest that stays unplaced (after a failover: down until capacity is added). */
  public record Unplaced(String guest, Reason reason, String detail) {
    @Override public String toString() { return guest + ": " + reason + " (" + detail + ")"; }
  }

  public PlacementPlan {
    moves = List.copyOf(moves);
    unplaced = List.copyOf(unplaced);
  }

  /** True when every guest found a host. */
  public boolean complete() { return unplaced.isEmpty(); }

  /** The host {@code guest} goes to, if it moves. */
  public Optional<String> target(String guest) { return moves.stream().filter(m -> m.guest().equals(guest)).map(Move::to).findFirst(); }

  /** One line per move and per unplaced guest. */
  @Override public String toString() {
    StringBuilder s = new StringBuilder(kind + host.map(h -> " " + h).orElse("") + ": " + moves.size() + " moves, " + unplaced.size()
        + " unplaced");
    for (Move m : moves) s.append("\n  ").append(m);
    for (Unplaced u : unplaced) s.append("\n  unplaced ").append(u);
    return s.toString();
  }
}
