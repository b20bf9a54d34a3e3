package io.kvmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import io.kvmsdk.testkit.host.FakeToolSlot;
import io.kvmsdk.testkit.host.FakeToolState;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the fake host runs its tools: files, pipelines, nested commands and their changes, reboots, discovery. */
class FakeHostToolsTest {
  private final FakeHost host = FakeHost.create("hv1");

  private CommandResult run(String... argv) { return host.run(HostCommand.of(List.of(argv))); }

  @Test void filesAreReadByCatGrepAndTestAndSurviveARebootUnlessOnTmpfs() {
    host.withFile("/etc/keepalived/keepalived.conf", "vrrp_instance VI_1 {\n  virtual_router_id 51\n}\n").withFile("/run/keepalived.pid", "42\n")
        .withFile("/etc/empty", "");

    assertThat(run("cat", "/etc/keepalived/keepalived.conf").stdout()).contains("virtual_router_id 51");
    assertThat(run("grep", "-q", "virtual_router_id 51", "/etc/keepalived/keepalived.conf").ok()).isTrue();
    assertThat(run("test", "-d", "/etc/keepalived").ok()).isTrue();
    assertThat(run("test", "-f", "/etc/keepalived").exitCode()).isEqualTo(1);
    assertThat(run("test", "-f", "/etc/empty").ok()).isTrue();
    assertThat(run("test", "-s", "/etc/empty").exitCode()).as("-s wants a non-empty file").isEqualTo(1);
    assertThat(run("[", "-e", "/run/keepalived.pid", "]").ok()).isTrue();
    CommandResult dir = run("cat", "/etc/keepalived");
    assertThat(dir.exitCode()).isEqualTo(1);
    assertThat(dir.stderr()).isEqualTo("cat: /etc/keepalived: Is a directory\n");
    assertThat(host.snapshot().files()).containsKeys("/etc/keepalived/keepalived.conf", "/run/keepalived.pid");

    host.reboot();

    assertThat(host.file("/etc/keepalived/keepalived.conf")).isPresent();
    assertThat(host.file("/run/keepalived.pid")).as("/run is a tmpfs").isEmpty();
    assertThat(host.file("/proc/sys/net/ipv4/ip_forward")).contains("0\n");
  }

  @Test void aFileChangeShowsInTheDiff() {
    host.withFile("/etc/hostname", "hv1\n");
    FakeHostSnapshot before = host.snapshot();
    host.withFile("/etc/hostname", "hv2\n");
    assertThat(host.snapshot().diff(before)).containsExactly("- file /etc/hostname \"hv1\\n\"", "+ file /etc/hostname \"hv2\\n\"");
  }

  @Test void pipelinesPassStdoutAlongAndExitWithTheLastStage() {
    run("ip", "link", "add", "br0", "type", "bridge");
    assertThat(run("sh", "-c", "ip -br link show | grep br0 | grep -q DOWN").ok()).isTrue();
    assertThat(run("sh", "-c", "ip -br link show | grep br0 | grep -q UP").exitCode()).isEqualTo(1);
    assertThat(run("sh", "-c", "\"ip\" link show 'br0'").stdout()).contains("br0: <BROADCAST,MULTICAST>");
    assertThat(host.run(HostCommand.builder().args("grep", "-c", "x").build()).exitCode()).isEqualTo(2);
    assertThat(host.run(HostCommand.builder().args("grep", "b").stdin("a\nb\nc\n").build()).stdout()).as("grep reads the command's stdin").isEqualTo("b\n");
    CommandResult bad = run("sh", "-c", "echo hi > /tmp/x");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.stderr()).contains("understands no '>'");
  }

  @Test void aNestedCommandThatFailsIsUndoneButWhatAChildKeepsStays() {
    run("ip", "netns", "add", "blue");
    FakeHostSnapshot before = host.snapshot();

    CommandResult r = run("ip", "netns", "exec", "blue", "sysctl", "-w", "net.nope=1", "net.ipv4.ip_forward=1");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(host.ns("blue").sysctl("net.ipv4.ip_forward")).as("sysctl keeps the keys it set, through ip netns exec too").isEqualTo("1");
    host.withTool(new CountTool());
    assertThat(run("ip", "netns", "exec", "blue", "count", "fail").exitCode()).isEqualTo(1);
    assertThat(run("sh", "-c", "count fail | grep -q x").exitCode()).isEqualTo(1);
    assertThat(host.state(COUNTER).n).as("what a failed child changed is undone").isZero();
    assertThat(host.snapshot().diff(before)).as("only the forwarding sysctls changed").contains("+ [blue] sysctl net.ipv4.ip_forward = 1")
        .allMatch(l -> l.matches("[-+] \\[blue] sysctl net\\.ipv4\\.(ip_forward|conf\\.\\w+\\.forwarding) = [01]"));
  }

  /** A state that keeps nothing across a reboot (the default), like an nft ruleset. */
  static final class Counter implements FakeToolState<Counter> {
    int n;

    @Override public Counter copy() {
      Counter c = new Counter();
      c.n = n;
      return c;
    }

    @Override public List<String> describe() { return n == 0 ? List.of() : List.of("count " + n); }
  }

  static final FakeToolSlot<Counter> COUNTER = FakeToolSlot.of("counter", Counter::new);

  /** {@code count} adds one; {@code count fail} adds one and fails; {@code count keep-fail} adds one, keeps it, fails. */
  static final class CountTool implements FakeTool {
    @Override public Set<String> names() { return Set.of("count"); }

    @Override public CommandResult run(HostCommand command, FakeToolContext ctx) {
      ctx.state(COUNTER).n++;
      List<String> a = command.argv();
      if (a.size() > 1 && a.get(1).equals("keep-fail")) ctx.keepChanges();
      if (a.size() > 1) throw ctx.fail(1, "count: " + a.get(1));
      return ctx.ok(ctx.state(COUNTER).n + "\n");
    }
  }

  @Test void toolStateIsRolledBackKeptAndForgottenAsDeclared() {
    host.withTool(new CountTool());
    FakeHostSnapshot empty = host.snapshot();
    assertThat(run("count").stdout()).isEqualTo("1\n");
    assertThat(run("count", "fail").stderr()).isEqualTo("count: fail\n");
    assertThat(host.state(COUNTER).n).as("a failed command changes nothing").isEqualTo(1);
    assertThat(run("count", "keep-fail").exitCode()).isEqualTo(1);
    assertThat(host.state(COUNTER).n).as("unless it keeps its changes").isEqualTo(2);
    assertThat(run("sh", "-c", "count | grep -q 3").ok()).isTrue();
    assertThat(host.snapshot().tools()).containsEntry("counter", List.of("count 3"));

    host.reboot();

    assertThat(host.state(COUNTER).n).as("by default a tool's state is gone after a reboot").isZero();
    host.assertUnchangedSince(empty);
  }

  @Test void anEmptySudoIsRefusedAndUnknownProgramsExit127() {
    CommandResult sudo = run("sudo", "-n", "--");
    assertThat(sudo.exitCode()).isEqualTo(1);
    CommandResult path = run("/opt/bin/frob");
    assertThat(path.exitCode()).isEqualTo(127);
    assertThat(path.stderr()).isEqualTo("/opt/bin/frob: No such file or directory\n");
    assertThat(run("/usr/sbin/ip", "link", "show", "lo").ok()).as("a path finds the tool by its last element").isTrue();
  }

  /** A second tool answering to the test class path's {@code toy-vsctl}. */
  public static final class Twin implements FakeTool {
    @Override public Set<String> names() { return Set.of("toy-vsctl"); }

    @Override public CommandResult run(HostCommand command, FakeToolContext ctx) { return ctx.ok(); }
  }

  @Test void twoClassPathToolsMayNotClaimOneName(@TempDir Path dir) throws Exception {
    Path services = dir.resolve("META-INF/services/" + FakeTool.class.getName());
    Files.createDirectories(services.getParent());
    Files.writeString(services, Twin.class.getName() + "\n");
    ClassLoader saved = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, saved)) {
      Thread.currentThread().setContextClassLoader(loader);
      assertThatThrownBy(() -> FakeHost.create("hv2")).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("two fake tools on the class path answer to 'toy-vsctl'")
          .hasMessageContaining(Twin.class.getName()).hasMessageContaining("FakeHost.withTool");
    } finally {
      Thread.currentThread().setContextClassLoader(saved);
    }
    List<String> seen = new ArrayList<>(FakeHost.create("hv3").withTool(new Twin()).tools());
    assertThat(seen).contains("toy-vsctl");
  }
}
