package io.kvmsdk.ha.placement;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;

/**
 * How much a host may carry and how the planner chooses among the hosts that fit. A host's capacity is
 * {@code (cpus - reservedCpus) × cpuOvercommit} vCPUs and {@code (memory - reservedMemory) ×
 * memoryOvercommit} bytes. {@link Strategy#PACK} takes the fitting host with the least memory left (best
 * fit: keeps whole hosts free for big guests), {@link Strategy#SPREAD} the one with the most (evens the
 * load: the usual choice for a failover).
 *
 * <pre>{@code
 * PlacementPolicy p = PlacementPolicy.defaults().cpuOvercommit(4.0).reservedMemory(Size.gib(4)).strategy(PlacementPolicy.Strategy.SPREAD);
 * }</pre>
 */
public record PlacementPolicy(double cpuOvercommit, double memoryOvercommit, int reservedCpus, long reservedMemoryBytes, Strategy strategy) {
  /** How the planner chooses among the hosts that fit. */
  public enum Strategy { PACK, SPREAD }

  public PlacementPolicy {
    if (!(cpuOvercommit >= 1.0 && cpuOvercommit <= 64.0)) throw new InvalidSpecException("policy/cpuOvercommit", "must be 1.0..64.0, got " + cpuOvercommit);
    if (!(memoryOvercommit >= 1.0 && memoryOvercommit <= 4.0)) {
      throw new InvalidSpecException("policy/memoryOvercommit", "must be 1.0..4.0, got " + memoryOvercommit);
    }
    if (reservedCpus < 0) throw new InvalidSpecException("policy/reservedCpus", "must not be negative, got " + reservedCpus);
    if (reservedMemoryBytes < 0) throw new InvalidSpecException("policy/reservedMemory", "must not be negative, got " + reservedMemoryBytes);
    if (strategy == null) throw new InvalidSpecException("policy/strategy", "is required");
  }

  /** vCPUs overcommitted 4:1, memory not at all, nothing reserved, {@link Strategy#PACK}. */
  public static PlacementPolicy defaults() { return new PlacementPolicy(4.0, 1.0, 0, 0, Strategy.PACK); }

  public PlacementPolicy cpuOvercommit(double ratio) { return new PlacementPolicy(ratio, memoryOvercommit, reservedCpus, reservedMemoryBytes, strategy); }

  public PlacementPolicy memoryOvercommit(double ratio) { return new PlacementPolicy(cpuOvercommit, ratio, reservedCpus, reservedMemoryBytes, strategy); }

  /** CPUs kept for the host itself on every host. */
  public PlacementPolicy reservedCpus(int cpus) { return new PlacementPolicy(cpuOvercommit, memoryOvercommit, cpus, reservedMemoryBytes, strategy); }

  /** Memory kept for the host itself (QEMU's overhead, the page cache) on every host. */
  public PlacementPolicy reservedMemory(Size memory) {
    return new PlacementPolicy(cpuOvercommit, memoryOvercommit, reservedCpus, memory.bytes(), strategy);
  }

  public PlacementPolicy strategy(Strategy s) { return new PlacementPolicy(cpuOvercommit, memoryOvercommit, reservedCpus, reservedMemoryBytes, s); }

  /** vCPUs {@code h} may carry under this policy. */
  public long vcpuCapacity(FleetHost h) { return (long) Math.floor(Math.max(0, h.cpus() - reservedCpus) * cpuOvercommit); }

  /** Bytes of guest memory {@code h} may carry under this policy. */
  public long memoryCapacity(FleetHost h) { return (long) Math.floor(Math.max(0, h.memoryBytes() - reservedMemoryBytes) * memoryOvercommit); }

  @Override public String toString() {
    return "PlacementPolicy[cpu " + cpuOvercommit + ":1, memory " + memoryOvercommit + ":1, reserved " + reservedCpus + " cpus/"
        + (reservedMemoryBytes >> 20) + " MiB, " + strategy + "]";
  }
}
