package io.kvmsdk.network;

import io.kvmsdk.core.KvmException;

/**
 * A {@link MacPool} has no free address left for its host: says which pool, which host, and how many
 * addresses are in use and why (allocated, reserved, in use on the host). Not retryable: release
 * addresses or widen the pool's guest bits.
 */
public final class MacPoolExhaustedException extends KvmException {
  private final String pool;
  private final long host;
  private final int capacity;
  private final int inUse;

  MacPoolExhaustedException(String pool, long host, int capacity, int inUse, int allocated, int reserved, int onHost, int wanted) {
    super("MAC pool '" + pool + "' is exhausted for host " + host + ": " + inUse + " of " + capacity + " addresses in use ("
        + allocated + " allocated, " + reserved + " reserved, " + onHost + " in use on the host)"
        + (wanted > 1 ? ", " + wanted + " wanted" : ""));
    this.pool = pool;
    this.host = host;
    this.capacity = capacity;
    this.inUse = inUse;
  }

  /** The pool's name. */
  public String pool() { return pool; }

  /** The host index whose part of the pool is full. */
  public long host() { return host; }

  /** How many addresses the host's part holds. */
  public int capacity() { return capacity; }

  /** How many are in use. */
  public int inUse() { return inUse; }
}
