package io.kvmsdk.ha.keepalived;

import io.kvmsdk.ha.internal.ConfigFeed;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.ha.internal.Names;
import java.util.List;
import org.immutables.value.Value;

/**
 * How keepalived runs on a host without a service manager, and the plan that brings it to a
 * {@link KeepalivedConf}. keepalived is its own supervisor (it forks a VRRP child and restarts it),
 * re-reads its file on {@code SIGHUP}, and records its pid, so a plan needs no systemd:
 *
 * <ol>
 *   <li><b>write keepalived.conf</b>: skipped when the file already holds the content
 *       ({@code cmp -s - FILE}); otherwise the content goes to {@code FILE.new} through stdin (it
 *       may hold {@code auth_pass}: never on a command line), {@code keepalived -t -f FILE.new}
 *       checks it, and {@code mv} puts it in place. A file keepalived refuses never replaces the
 *       running one.</li>
 *   <li><b>start keepalived</b>: skipped while the process in {@link #pidFile()} lives
 *       ({@code pgrep -F}); otherwise {@code keepalived -P -f FILE -p PID -r VRRP_PID} (VRRP only,
 *       daemonized), and a copy of the file it loaded is kept in {@link #appliedCopy()}.</li>
 *   <li><b>reload keepalived</b>: skipped when the running keepalived loaded this very file
 *       ({@code cmp -s FILE APPLIED}); otherwise {@code pkill -HUP -F PID} and a new copy.</li>
 * </ol>
 *
 * Applying the plan twice changes nothing the second time; after a reboot ({@code /run} is empty)
 * it starts keepalived again. With systemd, use the unit instead ({@code systemctl reload}); the
 * first step is the same.
 */
@Value.Immutable
public abstract class KeepalivedService {
  @Value.Default public String configFile() { return "/etc/keepalived/keepalived.conf"; }

  @Value.Default public String pidFile() { return "/run/keepalived.pid"; }

  @Value.Default public String vrrpPidFile() { return "/run/keepalived_vrrp.pid"; }

  /** Where the plan keeps a copy of the file the running keepalived loaded (under {@code /run}: gone after a reboot, like the process). */
  @Value.Default public String appliedCopy() { return "/run/keepalived/keepalived.conf.applied"; }

  /** The keepalived program. */
  @Value.Default public String program() { return "keepalived"; }

  /** More options for the daemon, e.g. {@code --log-detail} or {@code --dont-release-vrrp}. */
  public abstract List<String> extraOptions();

  /** The usual paths. */
  public static KeepalivedService defaults() { return builder().build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Names.path("keepalived/config_file", configFile());
    Names.path("keepalived/pid_file", pidFile());
    Names.path("keepalived/vrrp_pid_file", vrrpPidFile());
    Names.path("keepalived/applied_copy", appliedCopy());
  }

  /** The plan that makes this host run {@code conf} (see the class comment for its three steps). */
  public Plan plan(KeepalivedConf conf) {
    String text = conf.render();
    String redacted = conf.renderRedacted();
    String tmp = configFile() + ".new";
    HostCommand.Builder start = HostCommand.builder().args(program(), "-P", "-f", configFile(), "-p", pidFile(), "-r", vrrpPidFile())
        .args(extraOptions());
    return Plan.builder()
        .step(Step.builder("write " + configFile())
            .check(ConfigFeed.feed(HostCommand.builder().args("cmp", "-s", "-", configFile()), text, redacted))
            .change(ConfigFeed.feed(HostCommand.builder().args("install", "-D", "-m", "0600", "/dev/stdin", tmp), text, redacted))
            .change(HostCommand.of(program(), "-t", "-f", tmp))
            .change(HostCommand.of("mv", "-f", tmp, configFile()))
            .undo(HostCommand.of("rm", "-f", tmp)))
        .step(Step.builder("start keepalived")
            .check(HostCommand.of("pgrep", "-F", pidFile()))
            .change(start.build())
            .change(HostCommand.of("install", "-D", "-m", "0600", configFile(), appliedCopy()))
            .undo(HostCommand.of("pkill", "-F", pidFile())))
        .step(Step.builder("reload keepalived if " + configFile() + " changed")
            .check(HostCommand.of("cmp", "-s", configFile(), appliedCopy()))
            .change(HostCommand.of("pkill", "-HUP", "-F", pidFile()))
            .change(HostCommand.of("install", "-D", "-m", "0600", configFile(), appliedCopy())))
        .build();
  }

  /** The plan that stops keepalived (SIGTERM: it gives up mastership with priority 0, so a backup takes over within one advert). */
  public Plan stopPlan() {
    return Plan.builder()
        .step(Step.builder("stop keepalived")
            .check(HostCommand.of("test", "!", "-s", pidFile()))
            .change(HostCommand.of("pkill", "-F", pidFile()))
            .change(HostCommand.of("rm", "-f", appliedCopy())))
        .build();
  }

  @Override public String toString() {
    return "keepalived " + configFile() + " (pid " + pidFile() + ", VRRP pid " + vrrpPidFile() + ", applied copy " + appliedCopy() + ")";
  }

  public static class Builder extends ImmutableKeepalivedService.Builder {}
}
