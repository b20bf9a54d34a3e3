package io.kvmsdk.testkit;

import io.kvmsdk.core.node.NodeInfo;
import io.kvmsdk.core.spi.NodeDriver;

/** The fake host itself: what {@code resources(...)} set, and the memory its running domains leave free. */
final class FakeNode implements NodeDriver {
  private final FakeHypervisor conn;
  private final FakeHypervisorState st;

  FakeNode(FakeHypervisor conn) {
    this.conn = conn;
    this.st = conn.st;
  }

  @Override public NodeInfo info() {
    synchronized (st.lock) {
      conn.enter("get the node info of " + conn.uri(), "nodeInfo", null);
      return st.node;
    }
  }

  /** The host's memory less what its active domains hold (their current balloon, else their memory). */
  @Override public long freeMemory() {
    synchronized (st.lock) {
      conn.enter("get the free memory of " + conn.uri(), "freeMemory", null);
      return Math.max(0, st.node.memory().bytes() - conn.domainsImpl().usedMemory());
    }
  }

  @Override public String toString() { return "FakeNode[" + conn.uri() + "]"; }
}
