package io.kvmsdk.samples;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.Os;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.ha.pacemaker.ClusterSpec;
import io.kvmsdk.ha.pacemaker.VirtualDomain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chapter 9: a two-node corosync/Pacemaker cluster running guest {@code vm1} as a
 * {@code VirtualDomain} resource with a VIP beside it, printed as corosync.conf, a CIB and the pcs plan.
 *
 * <p>Pacemaker owns the guest: the agent defines and starts it from an XML file every node holds, so
 * libvirt itself must not also run (or autostart) it. The recipe first checks each node's libvirt for
 * a {@code vm1} already running there and refuses before it writes anything; then writes the guest's
 * XML on every node ({@code install} through stdin, skipped when the file already holds it); if one
 * node fails, the files written on the others in this run are removed again, so no node is left
 * half-prepared. The pcs plan runs on one node of the live cluster ({@code --apply}); on fake hosts it
 * is printed as a dry run (there is no fake pcs), and kvm-sdk-ha proves it against real pcs and
 * {@code crm_verify}.
 */
public final class PacemakerGuest {
  /** Where every node keeps the guest's definition for the VirtualDomain agent. */
  public static final String CONFIG = "/etc/pacemaker/vm1.xml";

  /** The guest Pacemaker runs. */
  public static final DomainSpec GUEST = DomainSpec.builder().type("kvm").name("vm1").vcpus(2).memory(Size.gib(2))
      .os(Os.hvm("x86_64", "q35")).addInterface(Nic.bridge("br0").virtio()).build();

  /** The cluster: hv1 and hv2, vm1 live-migratable over ssh, its VIP colocated with it and started after it. */
  public static final ClusterSpec CLUSTER = ClusterSpec.builder().name("vmcluster")
      .addNode("hv1", "192.0.2.11").addNode("hv2", "192.0.2.12")
      .addVirtualDomain(VirtualDomain.builder().id("vm1").config(CONFIG).migrationTransport("ssh").allowMigrate(true).build())
      .addVip("vm1-ip", "192.0.2.50/24")
      .colocate("vm1-ip", "vm1")
      .order("vm1", "vm1-ip")
      .disableStonith("sample cluster on fake hosts: add fence_virsh or fence_ipmilan devices before production")
      .build();

  private PacemakerGuest() {}

  /** The plan that puts the guest's XML at {@link #CONFIG} on a node (skipped when it is there already; undone by removing it). */
  public static Plan configPlan(DomainSpec guest) {
    byte[] xml = guest.toXml().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return Plan.of(Step.builder("write " + CONFIG)
        .check(HostCommand.builder().args("cmp", "-s", "-", CONFIG).stdin(xml).build())
        .change(HostCommand.builder().args("install", "-D", "-m", "0644", "/dev/stdin", CONFIG).stdin(xml).build())
        .undo(HostCommand.of("rm", "-f", CONFIG))
        .build());
  }

  /** What happened on each node; {@code complete} when every node holds the guest's XML. */
  public record Report(Map<String, String> nodes, boolean complete) {
    @Override public String toString() {
      StringBuilder sb = new StringBuilder();
      nodes.forEach((n, s) -> sb.append("  ").append(n).append(": ").append(s).append('\n'));
      return sb.toString();
    }
  }

  /**
   * Checks every node's libvirt ({@code kvms}, by node name) for the guest running outside Pacemaker,
   * then writes its XML on every node ({@code hosts}); all nodes or none.
   */
  public static Report prepare(ClusterSpec cluster, DomainSpec guest, Map<String, Kvm> kvms, Map<String, CommandRunner> hosts) {
    Map<String, String> out = new LinkedHashMap<>();
    for (var e : kvms.entrySet()) {
      Optional<Domain> there = e.getValue().domains().find(guest.name());
      if (there.isPresent() && there.get().state().isActive()) {
        out.put(e.getKey(), guest.name() + " already runs here outside Pacemaker: stop it (virsh shutdown) and undefine it first");
      }
    }
    if (!out.isEmpty()) return new Report(out, false);
    List<String> written = new ArrayList<>();
    for (var node : cluster.nodes()) {
      String name = node.name();
      try {
        PlanResult r = configPlan(guest).apply(hosts.get(name));
        if (r.changed()) written.add(name);
        out.put(name, r.changed() ? "wrote " + CONFIG : CONFIG + " already holds " + guest.name());
      } catch (PlanFailedException failed) {
        out.put(name, "FAILED: " + Recipe.oneLine(failed));
        for (String done : written) {
          hosts.get(done).run(HostCommand.of("rm", "-f", CONFIG));
          out.put(done, "wrote " + CONFIG + ", removed again (" + name + " failed)");
        }
        return new Report(out, false);
      }
    }
    return new Report(out, true);
  }

  public static void main(String[] args) {
    recipe().main(args, PacemakerGuest::body);
  }

  static Recipe recipe() {
    return Recipe.named("PacemakerGuest").hosts("hv1", "hv2").root("writes " + CONFIG + " and runs pcs on the live cluster");
  }

  static int body(Recipe r) {
    r.say("# corosync.conf\n" + CLUSTER.corosyncConf());
    r.say("# CIB (what Pacemaker runs)\n" + CLUSTER.cibXml());
    Map<String, Kvm> kvms = new LinkedHashMap<>();
    Map<String, CommandRunner> hosts = new LinkedHashMap<>();
    for (String node : r.hostNames()) {
      kvms.put(node, r.kvm(node));
      r.runner(node).ifPresent(h -> hosts.put(node, h));
    }
    if (hosts.size() < r.hostNames().size()) {
      r.hostNames().forEach(n -> r.apply(n, configPlan(GUEST)));
      r.apply("hv1", CLUSTER.pcsPlan());
      return Recipe.DONE;
    }
    Report report = prepare(CLUSTER, GUEST, kvms, hosts);
    r.say(report.toString());
    if (!report.complete()) return Recipe.FAILED;
    if (r.fake()) {
      r.say("# pcs plan, run on one node of the live cluster (with --apply; no fake pcs here)\n" + CLUSTER.pcsPlan().toScript());
    } else {
      r.apply("hv1", CLUSTER.pcsPlan());
    }
    return Recipe.DONE;
  }
}
