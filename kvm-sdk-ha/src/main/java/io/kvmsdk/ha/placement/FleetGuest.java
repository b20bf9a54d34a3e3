package io.kvmsdk.ha.placement;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import java.util.Objects;
import java.util.Optional;

/**
 * A guest as the planner sees it: its vCPUs and memory, the host it runs on (empty: not placed yet),
 * its anti-affinity group (no two guests of a group on one host) and its priority (at a failover the
 * higher ones are placed first, so what cannot be placed is the least important).
 */
public record FleetGuest(String name, int vcpus, long memoryBytes, Optional<String> host, Optional<String> antiAffinityGroup, int priority) {
  public FleetGuest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(antiAffinityGroup, "antiAffinityGroup");
    if (name.isBlank()) throw new InvalidSpecException("guest/@name", "must not be blank");
    if (vcpus < 1) throw new InvalidSpecException("guest[" + name + "]/@vcpus", "must be at least 1, got " + vcpus);
    if (memoryBytes < 1) throw new InvalidSpecException("guest[" + name + "]/@memory", "must be more than 0, got " + memoryBytes);
  }

  /** A guest not placed yet, in no group, priority 0. */
  public static FleetGuest of(String name, int vcpus, Size memory) {
    return new FleetGuest(name, vcpus, memory.bytes(), Optional.empty(), Optional.empty(), 0);
  }

  /** This guest running on {@code host}. */
  public FleetGuest on(String host) { return new FleetGuest(name, vcpus, memoryBytes, Optional.of(host), antiAffinityGroup, priority); }

  /** This guest in the anti-affinity group {@code group}. */
  public FleetGuest antiAffinity(String group) {
    return new FleetGuest(name, vcpus, memoryBytes, host, Optional.of(group), priority);
  }

  /** This guest with priority {@code p} (higher: placed first). */
  public FleetGuest priority(int p) { return new FleetGuest(name, vcpus, memoryBytes, host, antiAffinityGroup, p); }

  @Override public String toString() {
    return name + "[" + vcpus + " vcpus, " + (memoryBytes >> 20) + " MiB" + host.map(h -> " on " + h).orElse("")
        + antiAffinityGroup.map(g -> ", anti-affinity " + g).orElse("") + (priority != 0 ? ", priority " + priority : "") + "]";
  }
}
