package io.kvmsdk.core.spi;

import io.kvmsdk.core.node.NodeInfo;

/** The host behind a connection ({@code virNode*}). */
public interface NodeDriver {
  /** {@code virNodeGetInfo}: the host's CPUs, memory and topology. */
  NodeInfo info();

  /** {@code virNodeGetFreeMemory}: free host memory in bytes. */
  long freeMemory();
}
