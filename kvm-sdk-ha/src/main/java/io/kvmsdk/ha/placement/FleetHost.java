package io.kvmsdk.ha.placement;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import java.util.Objects;

/**
 * A host of a {@link Fleet}: its physical CPUs and memory (what {@code virNodeGetInfo} reports) and
 * whether it is in maintenance (it keeps its guests until drained but receives none).
 */
public record FleetHost(String name, int cpus, long memoryBytes, boolean maintenance) {
  public FleetHost {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) throw new InvalidSpecException("host/@name", "must not be blank");
    if (cpus < 1) throw new InvalidSpecException("host[" + name + "]/@cpus", "must be at least 1, got " + cpus);
    if (memoryBytes < 1) throw new InvalidSpecException("host[" + name + "]/@memory", "must be more than 0, got " + memoryBytes);
  }

  /** A host in service. */
  public static FleetHost of(String name, int cpus, Size memory) { return new FleetHost(name, cpus, memory.bytes(), false); }

  /** This host in maintenance ({@code true}) or back in service. */
  public FleetHost maintenance(boolean on) { return new FleetHost(name, cpus, memoryBytes, on); }

  @Override public String toString() {
    return name + "[" + cpus + " cpus, " + (memoryBytes >> 20) + " MiB" + (maintenance ? ", maintenance" : "") + "]";
  }
}
