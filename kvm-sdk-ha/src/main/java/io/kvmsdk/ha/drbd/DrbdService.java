package io.kvmsdk.ha.drbd;

import io.kvmsdk.ha.internal.ConfigFeed;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.ha.internal.Names;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * Where DRBD resources live on a node and the {@code drbdadm} plans that bring one up:
 *
 * <ol>
 *   <li><b>write {@code /etc/drbd.d/NAME.res}</b>: skipped when it holds the content; otherwise the
 *       content (which may hold the shared secret) goes through stdin to {@code NAME.res.new},
 *       {@code drbdadm -c NAME.res.new dump NAME} checks it, {@code mv} puts it in place;</li>
 *   <li><b>create the metadata</b> of each volume with a disk: skipped when {@code drbdadm get-gi}
 *       finds valid metadata (it asks the kernel while the volume is attached, the disk otherwise); {@code drbdadm create-md} never overwrites existing data without a
 *       person saying so (it asks, and a plan has no terminal);</li>
 *   <li><b>apply</b>: {@code drbdadm adjust NAME} (brings the resource up, or makes the running one
 *       match the file), skipped when the running resource was adjusted to this very file (a copy
 *       is kept under {@code /run}, so after a reboot it runs again).</li>
 * </ol>
 *
 * The initial sync is a separate, one-time decision: {@link #initialSyncPlan} makes one node's data
 * win ({@code drbdadm primary --force}). Needs the drbd kernel module on the node.
 */
@Value.Immutable
public abstract class DrbdService {
  @Value.Default public String configDir() { return "/etc/drbd.d"; }

  @Value.Default public String appliedDir() { return "/run/kvmsdk-drbd"; }

  @Value.Default public String program() { return "drbdadm"; }

  public static DrbdService defaults() { return builder().build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Names.path("drbd/config_dir", configDir());
    Names.path("drbd/applied_dir", appliedDir());
  }

  /** The resource file's path. */
  public String resPath(DrbdResource r) { return configDir() + "/" + r.name() + ".res"; }

  /** The plan that brings {@code r} up on {@code node} (one of its hosts; drbdadm acts for the host it runs on). */
  public Plan plan(DrbdResource r, String node) {
    DrbdHost host = r.host(node);
    String file = resPath(r);
    String tmp = file + ".new";
    String applied = appliedDir() + "/" + r.name() + ".res";
    String text = r.resFile();
    String redacted = r.resFileRedacted();
    Plan.Builder p = Plan.builder()
        .step(Step.builder("write " + file)
            .check(ConfigFeed.feed(HostCommand.builder().args("cmp", "-s", "-", file), text, redacted))
            .change(ConfigFeed.feed(HostCommand.builder().args("install", "-D", "-m", "0600", "/dev/stdin", tmp), text, redacted))
            .change(HostCommand.of(program(), "-c", tmp, "dump", r.name()))
            .change(HostCommand.of("mv", "-f", tmp, file))
            .undo(HostCommand.of("rm", "-f", tmp)));
    for (DrbdVolume v : r.volumes()) {
      if (r.diskOf(host, v).equals("none")) continue;
      String target = r.name() + "/" + v.number();
      p.step(Step.builder("create DRBD metadata of " + target + " on " + r.diskOf(host, v))
          .check(HostCommand.of(program(), "get-gi", target))
          .change(HostCommand.builder().args(program(), "create-md", target).timeout(Duration.ofMinutes(5)).build()));
    }
    p.step(Step.builder("bring " + r.name() + " up / adjust it to " + file)
        .check(HostCommand.of("cmp", "-s", file, applied))
        .change(HostCommand.builder().args(program(), "adjust", r.name()).timeout(Duration.ofMinutes(2)).build())
        .change(HostCommand.of("install", "-D", "-m", "0600", file, applied)));
    return p.build();
  }

  /**
   * Makes {@code node}'s data the good copy and starts the initial sync to the others
   * ({@code drbdadm primary --force}): once, on one node, after {@link #plan} ran on all of them.
   */
  public Plan initialSyncPlan(DrbdResource r, String node) {
    r.host(node);
    return Plan.of(Step.builder("make " + node + "'s data of " + r.name() + " win the initial sync")
        .change(HostCommand.of(program(), "primary", "--force", r.name()))
        .build());
  }

  /** Takes {@code r} down on this node ({@code drbdadm down}) and forgets what was applied. */
  public Plan downPlan(DrbdResource r) {
    return Plan.of(Step.builder("take " + r.name() + " down")
        .change(HostCommand.of(program(), "down", r.name()))
        .change(HostCommand.of("rm", "-f", appliedDir() + "/" + r.name() + ".res"))
        .build());
  }

  public static class Builder extends ImmutableDrbdService.Builder {}
}
