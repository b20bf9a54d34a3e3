package io.kvmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.KvmTimeoutException;
import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.core.host.StepStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FakeHostTest {
  private final FakeHost host = FakeHost.create("hv1");

  private CommandResult run(String... argv) { return host.run(HostCommand.of(argv[0], java.util.Arrays.copyOfRange(argv, 1, argv.length))); }

  @Test void planBuildsTheBridgeTheVethTheAddressAndTheSysctl() {
    PlanResult r = FakeHostPlans.bridgePlan(null).apply(host);

    assertThat(r.steps(StepStatus.APPLIED)).hasSize(6);
    assertThat(host.bridges()).containsExactly("br-kit");
    assertThat(host.ports("br-kit")).containsExactly("kit0");
    FakeHostLink kit0 = host.link("kit0");
    assertThat(kit0.type()).isEqualTo("veth");
    assertThat(kit0.peer()).contains("kit1");
    assertThat(kit0.up()).isTrue();
    assertThat(kit0.mtu()).isEqualTo(1400);
    assertThat(kit0.vlans()).isEqualTo(Map.of(1, Set.of("PVID", "untagged")));
    FakeHostLink br = host.link("br-kit");
    assertThat(br.mtu()).as("a bridge takes its smallest port's MTU").isEqualTo(1400);
    assertThat(br.addresses()).containsExactly("10.77.0.1/24");
    assertThat(host.sysctl("net.ipv4.ip_forward")).isEqualTo("1");
    assertThat(host.routes()).extracting(Object::toString)
        .containsExactly("10.77.0.0/24 dev br-kit proto kernel scope link src 10.77.0.1");
  }

  @Test void fileToolsTakeRelativePathsFromRootsHomeAndAnswerWhatTheyCannotWrite() {
    FakeHost host = FakeHost.create("files").withFile("/root/notes.txt", "hello\n").withFile("/etc/app/app.conf", "x=1\n");
    // relative to /root, where a root ssh session starts (as `ssh root@host rm notes.txt` is)
    assertThat(host.run(HostCommand.of("cmp", "-s", "notes.txt", "/root/notes.txt")).exitCode()).isZero();
    assertThat(host.run(HostCommand.of("mv", "notes.txt", "old.txt")).ok()).isTrue();
    assertThat(host.file("/root/old.txt")).contains("hello\n");
    CommandResult gone = host.run(HostCommand.of("rm", "notes.txt"));
    assertThat(gone.exitCode()).isEqualTo(1);
    assertThat(gone.stderr()).isEqualTo("rm: cannot remove 'notes.txt': No such file or directory\n");
    assertThat(host.run(HostCommand.of("rm", "-f", "notes.txt")).ok()).isTrue();
    // where no regular file can be, the tool says why (exit 1) and nothing changes
    CommandResult dir = host.run(HostCommand.of("install", "-D", "-m", "0600", "/root/old.txt", "/etc/app"));
    assertThat(dir.exitCode()).isEqualTo(1);
    assertThat(dir.stderr()).isEqualTo("install: cannot create regular file '/etc/app': Is a directory\n");
    CommandResult under = host.run(HostCommand.of("install", "-D", "/root/old.txt", "/etc/app/app.conf/x"));
    assertThat(under.stderr()).isEqualTo("install: cannot create regular file '/etc/app/app.conf/x': Not a directory\n");
    assertThat(host.run(HostCommand.of("install", "-D", "/root/old.txt", "/proc/sys/net/ipv4/ip_forward")).stderr())
        .startsWith("install: cannot create regular file '/proc/sys/net/ipv4/ip_forward': Permission denied");
    assertThat(host.file("/etc/app/app.conf")).contains("x=1\n");
  }

  @Test void secondApplySkipsEveryStepAndChangesNothing() {
    Plan plan = FakeHostPlans.bridgePlan(null);
    plan.apply(host);
    FakeHostSnapshot before = host.snapshot();

    PlanResult again = plan.apply(host);

    assertThat(again.steps(StepStatus.SKIPPED_ALREADY_DONE)).hasSize(plan.size());
    assertThat(again.changed()).isFalse();
    assertThat(host.snapshot()).isEqualTo(before);
    host.assertUnchangedSince(before);
  }

  @Test void aChangeIsReportedLineByLine() {
    FakeHostSnapshot before = host.snapshot();
    run("ip", "link", "add", "br0", "type", "bridge");
    run("sysctl", "-w", "net.ipv4.ip_forward=1");
    assertThat(host.snapshot().diff(before)).contains("+ link  br0 (bridge, down, mtu 1500, vlans {1=[PVID, untagged]})",
        "- sysctl net.ipv4.ip_forward = 0", "+ sysctl net.ipv4.ip_forward = 1");
    assertThatThrownBy(() -> host.assertUnchangedSince(before)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("the state of fake host hv1 changed")
        .hasMessageContaining("+ link  br0")
        .hasMessageContaining("ip link add br0 type bridge");
  }

  @Test void aFailingStepRollsBackToTheInitialState() {
    FakeHostSnapshot initial = host.snapshot();
    host.failNext(FaultMatcher.command("ip", "addr", "add"), 2, "RTNETLINK answers: Permission denied");

    assertThatThrownBy(() -> FakeHostPlans.bridgePlan(null).apply(host))
        .isInstanceOf(PlanFailedException.class)
        .hasMessageContaining("address 10.77.0.1/24 on br-kit")
        .hasMessageContaining("Permission denied");

    assertThat(host.snapshot()).isEqualTo(initial);
  }

  @Test void anImpossibleCommandRollsBackToo() {
    run("ip", "link", "add", "kit1", "type", "dummy");   // the veth peer name is taken
    FakeHostSnapshot initial = host.snapshot();

    assertThatThrownBy(() -> FakeHostPlans.bridgePlan(null).apply(host))
        .isInstanceOf(PlanFailedException.class).hasMessageContaining("File exists");

    assertThat(host.snapshot()).isEqualTo(initial);
    assertThat(host.commandLines()).contains("ip link del br-kit");
  }

  @Test void planRunsTheSameInsideANamespace() {
    run("ip", "netns", "add", "blue");
    FakeHostPlans.bridgePlan("blue").apply(host);

    assertThat(host.ns("blue").ports("br-kit")).containsExactly("kit0");
    assertThat(host.ns("blue").sysctl("net.ipv4.ip_forward")).isEqualTo("1");
    assertThat(host.hasLink("br-kit")).as("the host namespace is untouched").isFalse();
    assertThat(host.sysctl("net.ipv4.ip_forward")).isEqualTo("0");
  }

  @Test void errorsAreTheRealToolsExitCodesAndMessages() {
    run("ip", "link", "add", "br0", "type", "bridge");
    run("ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1");
    assertResult(run("ip", "link", "add", "br0", "type", "bridge"), 2, "RTNETLINK answers: File exists");
    assertResult(run("ip", "link", "del", "nope"), 1, "Cannot find device \"nope\"");
    assertResult(run("ip", "link", "set", "nope", "up"), 1, "Cannot find device \"nope\"");
    assertResult(run("ip", "link", "set", "v0", "master", "nobr"), 255, "Error: argument \"nobr\" is wrong: Device does not exist");
    assertResult(run("ip", "link", "show", "nope"), 1, "Device \"nope\" does not exist.");
    assertResult(run("ip", "link", "set", "br0", "mtu", "0"), 2, "Error: mtu less than device minimum.");
    assertResult(run("ip", "addr", "add", "10.1.0.1/24", "dev", "br0"), 0, "");
    assertResult(run("ip", "addr", "add", "10.1.0.1/24", "dev", "br0"), 2, "Error: ipv4: Address already assigned.");
    assertResult(run("ip", "addr", "del", "10.2.0.1/24", "dev", "br0"), 2, "Error: ipv4: Address not found.");
    assertResult(run("ip", "route", "add", "10.20.0.0/16", "via", "10.1.0.254"), 2, "Error: Nexthop has invalid gateway.");
    run("ip", "link", "set", "br0", "up");
    assertResult(run("ip", "route", "add", "10.20.0.0/16", "via", "10.1.0.254"), 0, "");
    assertResult(run("ip", "route", "add", "10.20.0.0/16", "via", "10.1.0.254"), 2, "RTNETLINK answers: File exists");
    assertResult(run("ip", "route", "del", "10.40.0.0/16"), 2, "RTNETLINK answers: No such process");
    assertResult(run("bridge", "vlan", "add", "dev", "v1", "vid", "10"), 255, "RTNETLINK answers: Operation not supported");
    assertResult(run("sysctl", "net.nope"), 1, "sysctl: cannot stat /proc/sys/net/nope: No such file or directory");
    assertResult(run("frobnicate", "--now"), 127, "frobnicate: command not found");
    CommandResult w = run("sysctl", "-w", "net.ipv4.ip_forward=1");
    assertThat(w.stdout()).isEqualTo("net.ipv4.ip_forward = 1\n");
    assertThat(run("sysctl", "-n", "net.ipv4.ip_forward").stdout()).isEqualTo("1\n");
  }

  private static void assertResult(CommandResult r, int rc, String stderr) {
    assertThat(r.exitCode()).as("exit code of %s (stderr: %s)", r.command(), r.stderr()).isEqualTo(rc);
    assertThat(r.stderr().strip()).as("stderr of %s", r.command()).isEqualTo(stderr);
  }

  @Test void deletingOneVethEndDeletesBothAndABridgeReleasesItsPorts() {
    run("ip", "link", "add", "br0", "type", "bridge");
    run("ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1");
    run("ip", "link", "set", "v0", "master", "br0", "mtu", "9000");
    assertThat(host.link("br0").mtu()).isEqualTo(9000);
    run("ip", "link", "del", "v1");
    assertThat(host.hasLink("v0")).isFalse();
    assertThat(host.link("br0").mtu()).as("back to 1500 without ports").isEqualTo(1500);
  }

  @Test void vlansAndRoutesAndNamespacesAreQueryable() {
    run("ip", "link", "add", "br0", "type", "bridge");
    run("ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1");
    run("ip", "link", "set", "dev", "v0", "master", "br0");
    assertThat(run("bridge", "vlan", "add", "dev", "v0", "vid", "10", "pvid", "untagged").ok()).isTrue();
    assertThat(host.link("v0").vlans()).isEqualTo(Map.of(1, Set.of("untagged"), 10, Set.of("PVID", "untagged")));
    run("ip", "netns", "add", "red");
    run("ip", "link", "set", "v1", "netns", "red");
    assertThat(host.ns("red").link("v1").peer()).contains("v0");
    assertThat(run("ip", "netns", "list").stdout()).isEqualTo("red\n");
    assertThat(run("ip", "-n", "red", "link", "show", "v0").exitCode()).isEqualTo(1);
    run("ip", "-n", "red", "link", "set", "v1", "up");
    run("ip", "-n", "red", "addr", "add", "192.168.5.2/24", "dev", "v1");
    assertThat(run("ip", "-n", "red", "route", "add", "default", "via", "192.168.5.1").ok()).isTrue();
    assertThat(host.ns("red").routes()).extracting(Object::toString)
        .containsExactly("default via 192.168.5.1 dev v1", "192.168.5.0/24 dev v1 proto kernel scope link src 192.168.5.2");
    run("ip", "netns", "del", "red");
    assertThat(host.hasLink("v0")).as("deleting a namespace deletes its veth ends and their peers").isFalse();
  }

  @Test void sudoIsAcceptedAndRecorded() {
    CommandResult r = host.run(HostCommand.of("ip", "link", "add", "br0", "type", "bridge").withSudo());
    assertThat(r.ok()).isTrue();
    assertThat(host.commandLines()).containsExactly("sudo -n -- ip link add br0 type bridge");
    assertThat(host.hasLink("br0")).isTrue();
  }

  @Test void faultsTimeoutSlowCrashAndDrop() {
    host.withPhysicalLink("eth0");
    host.inject(FaultRule.of(Fault.SLOW, FaultMatcher.command("ip", "link", "add")).delay(Duration.ofSeconds(3)).once());
    CommandResult slow = run("ip", "link", "add", "br0", "type", "bridge");
    assertThat(slow.duration()).isEqualTo(Duration.ofSeconds(3));
    assertThat(host.clock().instant()).isEqualTo(FakeClock.DEFAULT_START.plusSeconds(3));

    host.inject(FaultRule.of(Fault.TIMEOUT, FaultMatcher.containing("br1")).once());
    assertThatThrownBy(() -> run("ip", "link", "add", "br1", "type", "bridge"))
        .isInstanceOf(KvmTimeoutException.class).matches(e -> ((KvmTimeoutException) e).retryable());
    assertThat(host.hasLink("br1")).isFalse();

    host.inject(FaultRule.of(Fault.CONNECTION_DROPPED).once());
    CommandResult dropped = run("ip", "link", "show");
    assertThat(dropped.exitCode()).isEqualTo(255);
    assertThat(dropped.connectionLost()).isTrue();
    assertThat(dropped.toException().retryable()).isTrue();
    CommandResult after = run("ip", "link", "show");
    assertThat(after.exitCode()).isEqualTo(0);
    assertThat(after.connectionLost()).isFalse();

    host.inject(FaultRule.of(Fault.REPLY_LOST, FaultMatcher.containing("br9")).once());
    CommandResult lostReply = run("ip", "link", "add", "br9", "type", "bridge");
    assertThat(lostReply.connectionLost()).isTrue();
    assertThat(host.hasLink("br9")).isTrue();
    run("ip", "link", "del", "br9");

    host.inject(FaultRule.of(Fault.HOST_CRASH, FaultMatcher.command("sysctl")));
    assertThat(run("sysctl", "-w", "net.ipv4.ip_forward=1").connectionLost()).isTrue();
    assertThat(host.crashed()).isTrue();
    assertThat(run("ip", "link", "show").stderr()).contains("No route to host");
    host.clearFaults().reboot();
    assertThat(host.links()).extracting(FakeHostLink::name).containsExactly("lo", "eth0");
    assertThat(host.sysctl("net.ipv4.ip_forward")).isEqualTo("0");
    assertThat(host.commands()).hasSize(8);
  }

  @Test void missingThingsAreNamedInTheMessage() {
    run("ip", "link", "add", "br0", "type", "bridge");
    assertThatThrownBy(() -> host.link("br1")).hasMessageContaining("no link 'br1'").hasMessageContaining("[lo, br0]");
    assertThat(host.ns().findLink("br1")).isEqualTo(Optional.empty());
  }
}
