package io.kvmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.LocalCommandRunner;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.core.host.StepStatus;
import io.kvmsdk.core.testing.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proof that {@link FakeHost} fails like the real tools: the same commands run against the real
 * {@code ip}, {@code bridge} and {@code sysctl} in a scratch network namespace and against a fake
 * host, and must give the same exit codes and stderr. Needs root and iproute2 (skipped otherwise,
 * failed under {@code -Dkvmsdk.requireTools=true}).
 */
class FakeHostContractTest {
  private final LocalCommandRunner real = LocalCommandRunner.create();
  private final FakeHost fake = FakeHost.create("contract");
  private final String ns = "kvmsdk-fk-" + UUID.randomUUID().toString().substring(0, 8);
  private boolean created;

  @BeforeEach void scratchNamespace() {
    boolean root = "root".equals(System.getProperty("user.name"));
    boolean ip = Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")) || Files.isExecutable(Path.of("/usr/bin/ip"));
    Oracles.require(root && ip, "the contract test needs root and iproute2's ip (real network namespaces)");
    CommandResult add = real.run(HostCommand.of("ip", "netns", "add", ns));
    Oracles.require(add.ok(), "cannot create a network namespace: " + add.stderr());
    created = true;
    assertThat(fake.run(HostCommand.of("ip", "netns", "add", ns)).ok()).isTrue();
  }

  @AfterEach void deleteNamespace() {
    if (created) real.run(HostCommand.of("ip", "netns", "del", ns));
  }

  private HostCommand in(String... argv) { return FakeHostPlans.cmd(ns, argv); }

  /** Runs each command on both runners; every exit code and stderr must be the same. */
  private void same(SoftAssertions soft, List<HostCommand> commands) {
    for (HostCommand c : commands) {
      CommandResult r = real.run(c);
      CommandResult f = fake.run(c);
      soft.assertThat(f.exitCode()).as("exit code of `%s` (real stderr: %s, fake stderr: %s)", c, r.stderr().strip(), f.stderr().strip())
          .isEqualTo(r.exitCode());
      soft.assertThat(f.stderr().strip()).as("stderr of `%s`", c).isEqualTo(r.stderr().strip());
    }
  }

  @Test void errorCasesFailWithTheSameExitCodesAndMessages() {
    List<HostCommand> cmds = new ArrayList<>(List.of(
        in("ip", "link", "add", "br0", "type", "bridge"),
        in("ip", "link", "add", "br0", "type", "bridge"),
        in("ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1"),
        in("ip", "link", "add", "v1", "type", "veth", "peer", "name", "v2"),
        in("ip", "link", "del", "nope"),
        in("ip", "link", "delete", "dev", "nope"),
        in("ip", "link", "set", "nope", "up"),
        in("ip", "link", "set", "dev", "v0", "master", "nobr"),
        in("ip", "link", "set", "br0", "master", "br0"),
        in("ip", "link", "show", "nope"),
        in("ip", "link", "show", "dev", "nope"),
        in("ip", "link", "set", "br0", "mtu", "0"),
        in("ip", "link", "set", "v0", "mtu", "70000"),
        in("ip", "link", "set", "v0", "address", "zz"),
        in("ip", "link", "add", "x12345678901234567", "type", "bridge"),
        in("ip", "link", "add", "q0", "type", "frob"),
        in("ip", "link", "frob"),
        in("ip", "xfrm2"),
        in("ip", "addr", "add", "10.1.0.1/24", "dev", "br0"),
        in("ip", "addr", "add", "10.1.0.1/24", "dev", "br0"),
        in("ip", "addr", "del", "10.2.0.1/24", "dev", "br0"),
        in("ip", "addr", "add", "10.3.0.1/24", "dev", "nope"),
        in("ip", "addr", "show", "dev", "nope"),
        in("ip", "route", "add", "10.20.0.0/16", "via", "10.1.0.254"),
        in("ip", "link", "set", "br0", "up"),
        in("ip", "route", "add", "10.20.0.0/16", "via", "10.1.0.254"),
        in("ip", "route", "add", "10.20.0.0/16", "via", "10.1.0.254"),
        in("ip", "route", "add", "10.30.0.0/16", "via", "192.168.77.1"),
        in("ip", "route", "add", "10.31.0.0/16"),
        in("ip", "route", "add", "10.32.0.0/16", "dev", "nope"),
        in("ip", "route", "del", "10.40.0.0/16"),
        in("ip", "route", "del", "10.20.0.0/16"),
        in("bridge", "vlan", "add", "dev", "v1", "vid", "10"),
        in("bridge", "vlan", "add", "dev", "nope", "vid", "3"),
        in("sysctl", "-w", "net.nope=1"),
        in("sysctl", "net.nope"),
        in("sysctl", "-n", "net.nope"),
        in("sysctl", "-w", "net.ipv4.ip_forward=abc"),
        in("sysctl", "-w", "net.ipv4.ip_forward=1"),
        in("ip", "link", "del", "v1"),
        in("ip", "link", "show", "v0"),
        in("ip", "link", "show", "v2")));
    cmds.addAll(List.of(
        HostCommand.of("ip", "-n", ns, "link", "add", "v5", "type", "veth", "peer", "name", "v6"),
        HostCommand.of("ip", "-n", ns, "link", "set", "v5", "master", "br0"),
        HostCommand.of("ip", "-n", ns, "link", "set", "v5", "nomaster"),
        HostCommand.of("ip", "-n", "kvmsdk-fk-missing-ns", "link", "show"),
        HostCommand.of("ip", "netns", "exec", "kvmsdk-fk-missing-ns", "true"),
        HostCommand.of("ip", "netns", "add", ns),
        HostCommand.of("ip", "netns", "del", "kvmsdk-fk-missing-ns")));
    SoftAssertions soft = new SoftAssertions();
    same(soft, cmds);
    soft.assertAll();
  }

  @Test void showCommandsPrintTheSame() {
    for (HostCommand c : List.of(in("ip", "link", "add", "br0", "type", "bridge"), in("ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1"),
        in("ip", "link", "set", "v0", "master", "br0", "up"), in("ip", "link", "set", "br0", "up"),
        in("ip", "addr", "add", "10.1.0.1/24", "dev", "br0"), in("ip", "route", "add", "10.20.0.0/16", "via", "10.1.0.254", "metric", "5"))) {
      assertThat(real.run(c).ok()).as("real %s", c).isTrue();
      assertThat(fake.run(c).ok()).as("fake %s", c).isTrue();
    }
    SoftAssertions soft = new SoftAssertions();
    for (HostCommand c : List.of(in("ip", "route", "show"), in("ip", "-br", "addr", "show", "dev", "br0"), in("ip", "netns", "exec", ns, "true"),
        in("cat", "/sys/class/net/v0/operstate"), in("cat", "/sys/class/net/br0/mtu"))) {
      soft.assertThat(fake.run(c).stdout()).as("stdout of %s", c).isEqualTo(real.run(c).stdout());
    }
    for (HostCommand c : List.of(in("ip", "link", "set", "br0", "down"), in("ip", "route", "show"))) {
      soft.assertThat(fake.run(c).stdout()).as("stdout of %s", c).isEqualTo(real.run(c).stdout());
    }
    soft.assertAll();
  }

  @Test void aFailingLinkSetKeepsWhatTheKernelAppliedBeforeTheError() {
    SoftAssertions soft = new SoftAssertions();
    same(soft, List.of(in("ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1"),
        in("ip", "link", "add", "v2", "type", "veth", "peer", "name", "v3"),
        in("ip", "link", "add", "br0", "type", "bridge"),
        in("ip", "link", "set", "v0", "mtu", "1400", "master", "v2", "up"),
        in("ip", "link", "set", "v0", "up", "mtu", "70000"),
        in("ip", "link", "set", "br0", "master", "br0", "mtu", "1300"),
        in("ip", "link", "set", "v0", "master", "br0", "mtu", "20"),
        in("sysctl", "-w", "net.nope=1", "net.ipv4.ip_forward=1")));
    for (HostCommand c : List.of(in("cat", "/sys/class/net/v0/mtu"), in("cat", "/sys/class/net/v0/flags"), in("cat", "/sys/class/net/br0/mtu"),
        in("cat", "/proc/sys/net/ipv4/ip_forward"))) {
      soft.assertThat(fake.run(c).stdout()).as("stdout of %s", c).isEqualTo(real.run(c).stdout());
    }
    same(soft, List.of(in("test", "-e", "/sys/class/net/v0/master")));
    soft.assertAll();
  }

  /**
   * A program no tool answers to fails as it would there: {@code ip netns exec} cannot exec it, dash
   * ({@code sh -c}) does not find it, and at the top the fake says what bash says after its own
   * {@code bash: } or {@code bash: line 1: } (which shell runs a command, and how, depends on the runner).
   */
  @Test void unknownProgramsFailLikeTheShellAndIp() {
    SoftAssertions soft = new SoftAssertions();
    same(soft, List.of(in("frobnicate", "--now"), in("/usr/bin/frobnicate"), in("sh", "-c", "frobnicate --now"),
        in("sh", "-c", "frobnicate | grep -q x"), in("sh", "-c", "ip link show nope | grep -q x"),
        in("sh", "-c", "cat /proc/sys/net/ipv4/ip_forward | grep -qx 0"), in("grep", "-q", "x", "/sys/class/net"),
        in("cat", "/sys/class/net/lo"), in("cat", "/nonexistent/file")));
    for (String script : List.of("frobnicate --now", "/usr/bin/frobnicate")) {
      CommandResult bash = real.run(HostCommand.of("bash", "-c", script));
      CommandResult f = fake.run(HostCommand.of(List.of(script.split(" "))));
      soft.assertThat(f.exitCode()).as("exit code of `%s`", script).isEqualTo(bash.exitCode());
      soft.assertThat(bash.stderr()).as("stderr of `%s`", script).startsWith("bash: ").endsWith(": " + f.stderr());
    }
    soft.assertAll();
  }

  /** Every field the fake prints in {@code -j} output has the real tool's value (the real one prints more fields). */
  @Test void jsonOutputAgreesFieldByField() throws Exception {
    for (HostCommand c : List.of(in("ip", "link", "add", "br0", "type", "bridge"), in("ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1"),
        in("ip", "link", "set", "v0", "master", "br0", "up"), in("ip", "link", "set", "v1", "up"), in("ip", "link", "set", "br0", "up"),
        in("ip", "addr", "add", "10.1.0.1/24", "dev", "br0"), in("ip", "route", "add", "10.20.0.0/16", "via", "10.1.0.254", "metric", "5"))) {
      assertThat(real.run(c).ok()).as("real %s", c).isTrue();
      assertThat(fake.run(c).ok()).as("fake %s", c).isTrue();
    }
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    SoftAssertions soft = new SoftAssertions();
    for (HostCommand c : List.of(in("ip", "-j", "link", "show"), in("ip", "-j", "addr", "show", "dev", "br0"), in("ip", "-j", "route", "show"))) {
      var realArr = json.readTree(real.run(c).stdout());
      var fakeArr = json.readTree(fake.run(c).stdout());
      soft.assertThat(fakeArr.size()).as("entries of %s", c).isEqualTo(realArr.size());
      for (var f : fakeArr) {
        String key = f.has("ifname") ? "ifname" : "dst";
        com.fasterxml.jackson.databind.JsonNode r = null;
        for (var x : realArr) if (x.path(key).equals(f.path(key))) r = x;
        soft.assertThat(r).as("%s: real entry for %s", c, f.path(key)).isNotNull();
        if (r == null) continue;
        var names = f.fieldNames();
        while (names.hasNext()) {
          String n = names.next();
          if (n.equals("ifindex") || n.equals("address") || n.equals("link")) continue;
          com.fasterxml.jackson.databind.JsonNode fv = f.get(n);
          com.fasterxml.jackson.databind.JsonNode rv = r.get(n);
          if (n.equals("addr_info")) {
            for (int i = 0; i < fv.size(); i++) {
              for (String k : List.of("family", "local", "prefixlen")) {
                soft.assertThat(fv.get(i).get(k)).as("%s %s addr_info[%d].%s", c, f.path(key), i, k).isEqualTo(rv == null ? null : rv.get(i).get(k));
              }
            }
            continue;
          }
          soft.assertThat(fv).as("%s %s .%s", c, f.path(key), n).isEqualTo(rv);
        }
      }
    }
    soft.assertAll();
  }

  @Test void sysctlPrintsTheSame() {
    for (HostCommand c : List.of(in("sysctl", "-w", "net.ipv4.ip_forward=1"), in("sysctl", "net.ipv4.ip_forward"),
        in("sysctl", "-n", "net.ipv4.ip_forward"))) {
      assertThat(fake.run(c).stdout()).as("stdout of %s", c).isEqualTo(real.run(c).stdout());
    }
  }

  @Test void thePlanBehavesTheSameOnBoth() {
    Plan plan = FakeHostPlans.bridgePlan(ns);
    for (CommandRunner r : List.of(real, fake)) {
      PlanResult first = plan.apply(r);
      assertThat(first.steps(StepStatus.APPLIED)).as("first apply on %s", r.host()).hasSize(plan.size());
      PlanResult second = plan.apply(r);
      assertThat(second.steps(StepStatus.SKIPPED_ALREADY_DONE)).as("second apply on %s: %s", r.host(), second).hasSize(plan.size());
    }
    for (HostCommand c : List.of(in("cat", "/sys/class/net/br-kit/mtu"), in("cat", "/sys/class/net/kit0/mtu"),
        in("cat", "/proc/sys/net/ipv4/ip_forward"), in("test", "-e", "/sys/class/net/br-kit/brif/kit0"),
        in("cat", "/sys/class/net/br-kit/flags"), in("cat", "/sys/class/net/kit0/operstate"))) {
      CommandResult r = real.run(c);
      assertThat(fake.run(c).stdout()).as("stdout of %s", c).isEqualTo(r.stdout());
    }
  }

  @Test void aFailingPlanRollsBackTheSameOnBoth() {
    HostCommand taken = in("ip", "link", "add", "kit1", "type", "veth", "peer", "name", "kit9");
    for (CommandRunner r : List.of(real, fake)) {
      assertThat(r.run(taken).ok()).isTrue();
      try {
        FakeHostPlans.bridgePlan(ns).apply(r);
        throw new AssertionError("the plan should fail on " + r.host());
      } catch (PlanFailedException e) {
        assertThat(e.getMessage()).contains("File exists");
      }
    }
    same(new SoftAssertions(), List.of(in("ip", "link", "show", "br-kit")));
    assertThat(real.run(in("ip", "link", "show", "br-kit")).exitCode()).isEqualTo(1);
    assertThat(fake.run(in("ip", "link", "show", "br-kit")).exitCode()).isEqualTo(1);
  }
}
