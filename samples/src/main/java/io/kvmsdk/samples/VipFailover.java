package io.kvmsdk.samples;

import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.ha.VipGroup;
import io.kvmsdk.ha.VrrpNode;
import io.kvmsdk.ha.keepalived.KeepalivedService;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chapter 8: a floating IP on a keepalived pair ({@link VipGroup}), and its failover.
 *
 * <p>Each node gets its keepalived.conf through {@link VipGroup#plan(String)} (written through stdin,
 * checked with {@code keepalived -t}, moved in place, keepalived started or reloaded). The master is
 * the running node with the highest priority; when it stops, the next one takes the VIP after
 * keepalived's master-down interval: 3 adverts plus the backup's skew ({@code (256 - priority) / 256}
 * of an advert), or after the skew alone on a graceful stop (the master sends a priority-0 advert).
 * The times measured on two real keepalived 2.2.7 daemons are printed beside the bound (kvm-sdk-ha's
 * README, "Failover, measured").
 *
 * <p>A node whose plan fails is rolled back by its plan (its running keepalived and file are left as
 * they were); the report says the VIP then runs without a backup. Run with no arguments: both nodes
 * are fake hosts, and the master's keepalived is stopped to show the switch.
 */
public final class VipFailover {
  /** The pair: VIP 192.0.2.50 on eth0, hv1 (priority 200) master, hv2 (100) backup, VRRPv3 unicast, 1 s adverts. */
  public static final VipGroup GROUP = VipGroup.builder().name("web").virtualRouterId(51).addVip("192.0.2.50/24")
      .addNode("hv1", "eth0", "192.0.2.11/24", 200)
      .addNode("hv2", "eth0", "192.0.2.12/24", 100)
      .build();

  /** Measured on real keepalived 2.2.7 (kvm-sdk-ha/README.md): SIGKILL of the master to the VIP on the backup, median of 10. */
  public static final Map<Duration, String> MEASURED = Map.of(
      Duration.ofSeconds(1), "median 3286 ms (range 3272-3290 ms) after a SIGKILL; 805 ms after a graceful stop",
      Duration.ofMillis(10), "median 33.8 ms (range 28.0-36.8 ms) after a SIGKILL");

  private VipFailover() {}

  /**
   * What the recipe did: each node's plan (or why it failed), who held the VIP before and after the
   * master went away, and the bound on the switch time.
   */
  public record Report(Map<String, String> nodes, Optional<String> masterBefore, Optional<String> masterAfter, Duration switchBound,
      boolean complete) {
    @Override public String toString() {
      StringBuilder sb = new StringBuilder();
      nodes.forEach((n, what) -> sb.append("  ").append(n).append(": ").append(what).append('\n'));
      sb.append("  VIP ").append(GROUP.vips().get(0).address()).append(" held by ").append(masterBefore.orElse("nobody"));
      sb.append("; after the master went: ").append(masterAfter.orElse("nobody"));
      sb.append(" (bound ").append(switchBound.toMillis()).append(" ms)\n");
      return sb.toString();
    }
  }

  /**
   * keepalived's master-down interval for {@code backup}: 3 adverts plus its skew, the longest the
   * VIP is gone after the master dies (plus scheduling; up to one more advert when the kill comes
   * right after an advert).
   */
  public static Duration masterDownInterval(VipGroup group, String backup) {
    long advert = group.advertInterval().toNanos();
    long skew = advert * (256 - group.node(backup).priority()) / 256;
    return Duration.ofNanos(3 * advert + skew);
  }

  /** The node holding the VIP: the one with the highest priority among those whose keepalived runs (empty if none does). */
  public static Optional<String> master(VipGroup group, Map<String, CommandRunner> hosts) {
    String pid = KeepalivedService.defaults().pidFile();
    return group.nodes().stream().filter(n -> hosts.containsKey(n.name()))
        .filter(n -> running(hosts.get(n.name()), pid))
        .max(Comparator.comparingInt(VrrpNode::priority)).map(VrrpNode::name);
  }

  private static boolean running(CommandRunner host, String pidFile) {
    CommandResult r = host.run(HostCommand.of("pgrep", "-F", pidFile));
    return r.exitCode() == 0;
  }

  /** Applies every node's plan to its host; a failed node is rolled back by its plan and named in the result. */
  public static Map<String, String> install(VipGroup group, Map<String, CommandRunner> hosts, Recipe.Progress progress) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    for (String node : group.nodeNames()) {
      progress.step(++i, group.nodes().size(), "keepalived on " + node);
      try {
        PlanResult r = group.plan(node).apply(hosts.get(node));
        out.put(node, r.changed() ? "keepalived runs the new keepalived.conf" : "already up to date");
      } catch (PlanFailedException e) {
        out.put(node, "NOT installed: " + Recipe.oneLine(e));
      }
    }
    return out;
  }

  /**
   * Installs the pair, then stops the master's keepalived gracefully ({@code stopMaster}) or not at
   * all, and reports who holds the VIP before and after.
   */
  public static Report run(VipGroup group, Map<String, CommandRunner> hosts, boolean stopMaster, Recipe.Progress progress) {
    Map<String, String> nodes = install(group, hosts, progress);
    Optional<String> before = master(group, hosts);
    if (stopMaster && before.isPresent()) {
      KeepalivedService.defaults().stopPlan().apply(hosts.get(before.get()));
      nodes.put(before.get(), nodes.get(before.get()) + "; then stopped (graceful: a priority-0 advert)");
    }
    Optional<String> after = master(group, hosts);
    List<String> backups = group.nodeNames().stream().filter(n -> !before.map(n::equals).orElse(false)).toList();
    Duration bound = backups.isEmpty() ? Duration.ZERO
        : backups.stream().map(b -> masterDownInterval(group, b)).min(Comparator.naturalOrder()).orElseThrow();
    boolean complete = nodes.values().stream().noneMatch(s -> s.startsWith("NOT"));
    return new Report(nodes, before, after, bound, complete);
  }

  public static void main(String[] args) {
    recipe().main(args, VipFailover::body);
  }

  static Recipe recipe() {
    return Recipe.named("VipFailover").hosts("hv1", "hv2").root("writes /etc/keepalived/keepalived.conf and starts keepalived");
  }

  static int body(Recipe r) {
    GROUP.nodeNames().forEach(r::kvm);   // every host answers before anything is written (a bad URI stops here)
    Map<String, CommandRunner> hosts = new LinkedHashMap<>();
    for (String node : GROUP.nodeNames()) {
      r.say("# keepalived.conf of " + node + "\n" + GROUP.keepalivedConf(node));
      r.runner(node, "eth0").ifPresent(h -> hosts.put(node, h));
    }
    if (hosts.size() < GROUP.nodes().size()) {
      for (String node : GROUP.nodeNames()) r.apply(node, GROUP.plan(node));   // dry runs
      return Recipe.DONE;
    }
    Report report = run(GROUP, hosts, r.fake(), r.progress());
    r.say(report.toString());
    r.say("  master-down interval for hv2: " + masterDownInterval(GROUP, "hv2").toMillis() + " ms with 1 s adverts, "
        + masterDownInterval(GROUP.copy(b -> b.advertInterval(Duration.ofMillis(10))), "hv2").toNanos() / 1000 / 1000.0 + " ms with 10 ms");
    MEASURED.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.reverseOrder()))
        .forEach(e -> r.say("  measured with " + e.getKey().toMillis() + " ms adverts: " + e.getValue()));
    return report.complete() ? Recipe.DONE : Recipe.FAILED;
  }
}
