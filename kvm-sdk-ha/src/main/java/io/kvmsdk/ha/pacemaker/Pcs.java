package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.ha.internal.Names;
import java.time.Duration;

/** Day-to-day cluster operations as plans: a node into standby (its resources move away or stop) and back. */
public final class Pcs {
  private Pcs() {}

  private static String standbyOn(String node) {
    return "node[@uname='" + node + "']/instance_attributes/nvpair[@name='standby' and @value='on']";
  }

  /** {@code pcs node standby NODE}, skipped when the node is in standby already. */
  public static Plan standby(String node) {
    Names.host("node", node);
    return Plan.of(Step.builder("put " + node + " in standby")
        .check(HostCommand.of("cibadmin", "--query", "--xpath", "/cib/configuration/nodes/" + standbyOn(node)))
        .change(HostCommand.builder().args("pcs", "node", "standby", node).timeout(Duration.ofMinutes(2)).build())
        .undo(HostCommand.builder().args("pcs", "node", "unstandby", node).timeout(Duration.ofMinutes(2)).build())
        .build());
  }

  /** {@code pcs node unstandby NODE}, skipped when the node is not in standby. */
  public static Plan unstandby(String node) {
    Names.host("node", node);
    return Plan.of(Step.builder("take " + node + " out of standby")
        .check(HostCommand.of("cibadmin", "--query", "--xpath", "/cib/configuration/nodes[not(" + standbyOn(node) + ")]"))
        .change(HostCommand.builder().args("pcs", "node", "unstandby", node).timeout(Duration.ofMinutes(2)).build())
        .undo(HostCommand.builder().args("pcs", "node", "standby", node).timeout(Duration.ofMinutes(2)).build())
        .build());
  }
}
