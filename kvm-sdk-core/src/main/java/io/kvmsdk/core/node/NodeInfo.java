package io.kvmsdk.core.node;

import io.kvmsdk.core.Size;
import java.util.Objects;

/**
 * The host's processors and memory as libvirt reports them ({@code virNodeGetInfo}): CPU model
 * (architecture), memory, active logical CPUs, clock, and the topology (NUMA nodes, sockets per
 * node, cores per socket, threads per core).
 */
public record NodeInfo(String model, Size memory, int cpus, int mhz, int numaNodes, int sockets, int cores, int threads) {
  public NodeInfo {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(memory, "memory");
  }

  /** {@code NodeInfo[x86_64, 16 CPUs (1x1x16x1), 2400 MHz, 64 GiB]}. */
  @Override public String toString() {
    return "NodeInfo[" + model + ", " + cpus + " CPUs (" + numaNodes + "x" + sockets + "x" + cores + "x" + threads + "), " + mhz + " MHz, "
        + memory + "]";
  }
}
