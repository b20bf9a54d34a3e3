package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.ha.internal.Inet;
import io.kvmsdk.ha.internal.Names;
import java.util.List;
import org.immutables.value.Value;

/** A cluster node: its name (its host name, Pacemaker's uname), corosync nodeid and one address per knet link. */
@Value.Immutable
public abstract class ClusterNode {
  public abstract String name();

  /** corosync's {@code nodeid} (knet needs explicit ones): 1.. */
  public abstract int nodeid();

  /** {@code ring0_addr}, {@code ring1_addr}, ...: an address (or host name) per link. */
  public abstract List<String> addresses();

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Names.host("node", name());
    String at = "node " + name();
    if (nodeid() < 1) throw new InvalidSpecException(at + "/nodeid", "must be 1 or more, got " + nodeid());
    if (addresses().isEmpty() || addresses().size() > 8) throw new InvalidSpecException(at + "/ring0_addr", "a node needs 1 to 8 addresses (one per knet link)");
    for (int i = 0; i < addresses().size(); i++) {
      String a = addresses().get(i);
      if (!Inet.isLiteral(a)) Names.host(at + "/ring" + i + "_addr", a);
    }
  }

  @Override public String toString() { return name() + " (nodeid " + nodeid() + ", " + String.join(", ", addresses()) + ")"; }

  /** Builds a {@link ClusterNode}; a missing name or nodeid is an {@link InvalidSpecException} naming it. */
  public static class Builder extends ImmutableClusterNode.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("name", "nodelist/node/name", "nodeid", "nodelist/node/nodeid");

    @Override public ClusterNode build() { return REQUIRED.build(super::build); }
  }
}
