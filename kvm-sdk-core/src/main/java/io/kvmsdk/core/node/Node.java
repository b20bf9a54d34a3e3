package io.kvmsdk.core.node;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.spi.Hypervisor;
import java.util.Objects;

/** The host behind a connection: its processors and memory, for placement decisions. From {@code kvm.node()}. */
public final class Node {
  private final Hypervisor hypervisor;

  /** For {@code Kvm}; users get this from {@code kvm.node()}. */
  public Node(Hypervisor hypervisor) { this.hypervisor = Objects.requireNonNull(hypervisor); }

  /** CPUs, memory and topology ({@code virNodeGetInfo}). */
  public NodeInfo info() { return hypervisor.node().info(); }

  /** Memory not in use on the host now ({@code virNodeGetFreeMemory}), in bytes. */
  public Size freeMemory() { return Size.bytes(hypervisor.node().freeMemory()); }

  @Override public String toString() { return "Node[" + hypervisor.uri() + "]"; }
}
