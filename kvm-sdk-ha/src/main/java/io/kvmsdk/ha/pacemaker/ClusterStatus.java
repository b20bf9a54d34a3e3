package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.CommandFailedException;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.xml.XmlElement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The cluster as Pacemaker sees it now, read from {@code crm_mon --output-as=xml}: nodes (online,
 * standby, DC) and resources (role, the nodes they run on, failures), clone instances and group
 * members included.
 *
 * <pre>{@code
 * ClusterStatus s = ClusterStatus.read(runner);          // crm_mon -1 --inactive --output-as=xml
 * s.resource("vm1").map(ResourceStatus::nodes);           // [hv1]
 * }</pre>
 */
@Value.Immutable
public abstract class ClusterStatus {
  /** The designated controller's name. */
  public abstract Optional<String> dc();

  public abstract boolean withQuorum();

  public abstract List<NodeStatus> nodes();

  public abstract List<ResourceStatus> resources();

  public static Builder builder() { return new Builder(); }

  /** The command {@link #read} runs. */
  public static HostCommand command() { return HostCommand.of("crm_mon", "-1", "--inactive", "--output-as=xml"); }

  /** Runs {@code crm_mon} through {@code runner} and reads its answer. */
  public static ClusterStatus read(CommandRunner runner) {
    CommandResult r = runner.run(command());
    if (!r.ok() && r.stdout().isBlank()) r.orThrow();
    return fromXml(r.stdout());
  }

  /** Reads {@code crm_mon --output-as=xml} output. */
  public static ClusterStatus fromXml(String xml) {
    XmlElement root = XmlElement.parse(xml);
    if (!root.name().equals("pacemaker-result")) throw new InvalidSpecException("pacemaker-result", "not crm_mon XML output: <" + root.name() + ">");
    Builder b = builder();
    XmlElement status = child(root, "status").orElse(null);
    if (status != null && !"0".equals(status.attr("code")) && child(root, "nodes").isEmpty()) {
      String code = String.valueOf(status.attr("code"));
      throw new CommandFailedException("crm_mon", List.of("crm_mon"), code.matches("[0-9]{1,5}") ? Integer.parseInt(code) : 1, String.valueOf(status.attr("message")));
    }
    child(root, "summary").flatMap(s -> child(s, "current_dc")).ifPresent(dc -> {
      if ("true".equals(dc.attr("present"))) b.dc(req(dc, "name", "summary/current_dc"));
      b.withQuorum("true".equals(dc.attr("with_quorum")));
    });
    if (child(root, "summary").flatMap(s -> child(s, "current_dc")).isEmpty()) b.withQuorum(false);
    child(root, "nodes").ifPresent(ns -> {
      for (XmlElement n : ns.children()) {
        if (!n.name().equals("node")) continue;
        b.addNode(NodeStatus.builder().name(req(n, "name", "nodes/node")).id(String.valueOf(n.attr("id"))).online(yes(n, "online"))
            .standby(yes(n, "standby")).maintenance(yes(n, "maintenance")).dc(yes(n, "is_dc"))
            .resourcesRunning(count(n, "resources_running", "nodes/node")).build());
      }
    });
    child(root, "resources").ifPresent(rs -> resources(rs, b, null, null));
    return b.build();
  }

  private static void resources(XmlElement parent, Builder b, String group, String clone) {
    for (XmlElement e : parent.children()) {
      switch (e.name()) {
        case "resource": {
          ResourceStatus.Builder r = ResourceStatus.builder().id(req(e, "id", "resource")).agent(String.valueOf(e.attr("resource_agent")))
              .role(String.valueOf(e.attr("role"))).active(yes(e, "active")).failed(yes(e, "failed"))
              .managed(e.attr("managed") == null || yes(e, "managed")).blocked(yes(e, "blocked"));
          for (XmlElement n : e.children()) if (n.name().equals("node")) r.addNode(req(n, "name", "resource/node"));
          if (group != null) r.group(group);
          if (clone != null) r.clone(clone);
          b.addResource(r.build());
          break;
        }
        case "group":
          resources(e, b, req(e, "id", "group"), clone);
          break;
        case "clone":
          resources(e, b, group, req(e, "id", "clone"));
          break;
        default:
          // bundles and what later versions add: not typed
      }
    }
  }

  private static Optional<XmlElement> child(XmlElement e, String name) {
    return e.children().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  private static boolean yes(XmlElement e, String attr) { return "true".equals(e.attr(attr)); }

  /** An attribute crm_mon always writes: missing, the output is not crm_mon's (refused typed, not a NullPointerException). */
  private static String req(XmlElement e, String attr, String path) {
    String v = e.attr(attr);
    if (v == null) throw new InvalidSpecException("pacemaker-result/" + path + "/@" + attr, "is required");
    return v;
  }

  /** A count attribute: absent is 0, anything but a number is refused typed. */
  private static int count(XmlElement e, String attr, String path) {
    String v = e.attr(attr);
    if (v == null) return 0;
    if (!v.matches("[0-9]{1,9}")) throw new InvalidSpecException("pacemaker-result/" + path + "/@" + attr, "must be a count, got '" + v + "'");
    return Integer.parseInt(v);
  }

  /** The first resource (or clone instance) with this id. */
  public Optional<ResourceStatus> resource(String id) { return resources().stream().filter(r -> r.id().equals(id)).findFirst(); }

  public Optional<NodeStatus> node(String name) { return nodes().stream().filter(n -> n.name().equals(name)).findFirst(); }

  @Override public String toString() {
    return "cluster: DC " + dc().orElse("none") + (withQuorum() ? ", quorate" : ", NO QUORUM")
        + nodes().stream().map(n -> "\n  node " + n).collect(Collectors.joining())
        + resources().stream().map(r -> "\n  " + r).collect(Collectors.joining());
  }

  /** Builds a {@link ClusterStatus}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableClusterStatus.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("withQuorum", "current_dc/@with_quorum");

    @Override public ClusterStatus build() { return REQUIRED.build(super::build); }
  }
}
