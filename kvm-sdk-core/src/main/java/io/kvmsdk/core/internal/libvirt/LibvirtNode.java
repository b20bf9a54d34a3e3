package io.kvmsdk.core.internal.libvirt;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.node.NodeInfo;
import io.kvmsdk.core.spi.NodeDriver;
import org.libvirt.Connect;

/** The {@link NodeDriver} on libvirt-java. */
final class LibvirtNode implements NodeDriver {
  private final LibvirtSession session;

  LibvirtNode(LibvirtSession session) { this.session = session; }

  @Override public NodeInfo info() {
    return session.call("get the node info of '" + session.uri() + "'", "connection", session.uri(), c -> {
      org.libvirt.NodeInfo n = c.nodeInfo();
      return new NodeInfo(n.model, Size.kib(n.memory), n.cpus, n.mhz, n.nodes, n.sockets, n.cores, n.threads);
    });
  }

  @Override public long freeMemory() {
    return session.call("get the free memory of '" + session.uri() + "'", "connection", session.uri(), Connect::getFreeMemory);
  }

  @Override public String toString() { return "LibvirtNode[" + session.uri() + "]"; }
}
