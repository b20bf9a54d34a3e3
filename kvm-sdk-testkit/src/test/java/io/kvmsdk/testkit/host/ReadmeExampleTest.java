package io.kvmsdk.testkit.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.testkit.FakeHost;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The README's fake-tool example, compiled and run (the messages and exit code 22 were measured on tgtadm 1.0.85). */
class ReadmeExampleTest {
  /** tgtd's targets, by tid. */
  public static final class Targets implements FakeToolState<Targets> {
    private final Map<String, String> byTid = new TreeMap<>();

    boolean has(String tid, String name) { return byTid.containsKey(tid) || byTid.containsValue(name); }

    void add(String tid, String name) { byTid.put(tid, name); }

    public List<String> names() { return List.copyOf(byTid.values()); }

    @Override public Targets copy() {
      Targets t = new Targets();
      t.byTid.putAll(byTid);
      return t;
    }

    @Override public List<String> describe() {
      return byTid.entrySet().stream().map(e -> "target " + e.getKey() + " " + e.getValue()).toList();
    }
  }

  public static final class Tgtadm implements FakeTool {
    public static final FakeToolSlot<Targets> TARGETS = FakeToolSlot.of("tgtd", Targets::new);

    @Override public Set<String> names() { return Set.of("tgtadm"); }

    @Override public CommandResult run(HostCommand cmd, FakeToolContext ctx) {
      Getopt.Parsed p = Getopt.of("tgtadm", "L:o:m:t:T:", "lld:", "op:", "mode:", "tid:", "targetname:").parse(cmd.argv().subList(1, cmd.argv().size()));
      if (!p.ok()) throw ctx.fail(22, p.errors().get(0) + "\nTry `tgtadm --help' for more information.");
      Targets t = ctx.state(TARGETS);
      String tid = p.value("tid").orElseThrow();
      String name = p.value("T").or(() -> p.value("targetname")).orElseThrow();
      if (t.has(tid, name)) throw ctx.fail(22, "tgtadm: this target already exists");
      t.add(tid, name);
      return ctx.ok();
    }
  }

  @Test void theExampleRuns() {
    FakeHost host = FakeHost.create("san1").withTool(new Tgtadm());
    HostCommand create = HostCommand.of("tgtadm", "--lld", "iscsi", "--op", "new", "--mode", "target", "--tid", "1", "-T", "iqn.2026-01.io.kvmsdk:disk1");

    assertThat(host.run(create).ok()).isTrue();
    assertThat(host.state(Tgtadm.TARGETS).names()).containsExactly("iqn.2026-01.io.kvmsdk:disk1");

    CommandResult again = host.run(create);
    assertThat(again.exitCode()).isEqualTo(22);
    assertThat(again.stderr()).isEqualTo("tgtadm: this target already exists\n");
    CommandResult bad = host.run(HostCommand.of("tgtadm", "--lld", "iscsi", "--op", "new", "--mode", "target", "--tid", "1", "--frob"));
    assertThat(bad.exitCode()).isEqualTo(22);
    assertThat(bad.stderr()).isEqualTo("tgtadm: unrecognized option '--frob'\nTry `tgtadm --help' for more information.\n");
    assertThat(host.snapshot().tools()).containsEntry("tgtd", List.of("target 1 iqn.2026-01.io.kvmsdk:disk1"));
  }
}
