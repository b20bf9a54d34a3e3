package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.ha.fake.DrbdState;
import io.kvmsdk.ha.migration.MigrationAction;
import io.kvmsdk.ha.migration.MigrationListener;
import io.kvmsdk.ha.migration.MigrationProgress;
import io.kvmsdk.testkit.EnableFakeKvm;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.FakeHypervisor;
import io.kvmsdk.testkit.Fault;
import io.kvmsdk.testkit.FaultMatcher;
import io.kvmsdk.testkit.FaultRule;
import io.kvmsdk.testkit.host.FakeTool;
import io.kvmsdk.testkit.host.FakeToolContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Chapter 10's migration on fake hosts hv1 and hv2: the migration follows the fake clock, so each
 * poll, each policy step and each fault lands at the same fake second on every run. After every run
 * the guest runs on exactly one host, and hv1 is demoted only once the guest left it.
 */
@EnableFakeKvm
class DrbdLiveMigrationTest {
  static final String BAR = "  \\[[# ]{10}\\] \\d{1,3}% \\d+ MiB left, (downtime \\d+ ms|post-copy)";
  @EnableFakeKvm.Host("hv1") FakeHost hv1;
  @EnableFakeKvm.Host("hv2") FakeHost hv2;
  @EnableFakeKvm.Host("hv1") Kvm kvm1;
  @EnableFakeKvm.Host("hv2") Kvm kvm2;
  @EnableFakeKvm.Host("hv1") FakeHypervisor fake1;
  @EnableFakeKvm.Host("hv2") FakeHypervisor fake2;

  static RecipeRun run(MigrationListener also, String... args) {
    return RecipeRun.of(DrbdLiveMigration.recipe(), r -> DrbdLiveMigration.body(r, also), args);
  }

  /**
   * Crashes hv2 (its libvirt now, its shell at the next command) and waits (real time, the fake clock stands still meanwhile) until the fake migration
   * noticed: it sees a crash when its thread next runs, and the source's polls must not outrun it.
   */
  void crashHv2() {
    fake2.crash();
    hv2.inject(FaultRule.of(Fault.HOST_CRASH, FaultMatcher.any()).once());
    long until = System.nanoTime() + 10_000_000_000L;
    while (kvm1.hypervisor().domains().jobStats("vm1", false).isActive() && System.nanoTime() < until) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  static RecipeRun run(String... args) { return run(MigrationListener.none(), args); }

  static String role(FakeHost h) { return h.state(DrbdState.SLOT).up("r0").map(DrbdState.Up::role).orElse("down"); }

  /** True when the guest is defined and running on exactly one of the two hosts, and that host is {@code on}. */
  void assertGuestOnlyOn(Kvm on) {
    Kvm other = on == kvm1 ? kvm2 : kvm1;
    assertThat(on.domains().get("vm1").state()).isEqualTo(DomainState.RUNNING);
    assertThat(other.domains().find("vm1")).as("not on " + other.uri()).isEmpty();
  }

  /** vm1 on hv1 before the recipe, dirtying memory faster than 256 MiB/s moves it: pre-copy never converges. */
  void busyGuest() {
    kvm1.domains().define(DrbdDualPrimary.guest(DrbdDualPrimary.R0)).start();
    fake1.dirtyRate("vm1", Size.mib(512), Size.gib(1));
  }

  static int indexOf(List<String> lines, String part) {
    for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(part)) return i;
    return -1;
  }

  boolean ranOn(FakeHost h, String line) { return h.commandLines().stream().anyMatch(l -> l.contains(line)); }

  @Test void theGuestMovesWithAProgressBarAndHv1IsDemotedAfterwards() {
    RecipeRun run = run();

    assertThat(run.status()).as(run.toString()).isZero();
    List<String> bars = run.out().lines().filter(l -> l.startsWith("  [") && l.contains("% ")).toList();
    // 2 GiB at 256 MiB/s: 8 s, polled every second from 0 to 7 s
    assertThat(bars).hasSize(8).allSatisfy(l -> assertThat(l).matches(BAR));
    assertThat(bars.get(0)).isEqualTo("  [          ] 0% 2048 MiB left, downtime 100 ms");
    assertThat(bars.get(4)).startsWith("  [#####     ] 50% ");
    assertThat(bars.get(7)).endsWith("downtime 200 ms");
    assertThat(run.out()).contains("  policy: +5.0s MAX_DOWNTIME 200 ms").contains("COMPLETED in 8.0s")
        .contains("vm1 runs on hv2 now (RUNNING), downtime 200 ms").contains("hv1: r0 secondary again");
    assertGuestOnlyOn(kvm2);
    assertThat(role(hv1)).isEqualTo("Secondary");
    assertThat(role(hv2)).isEqualTo("Primary");
    List<String> lines = hv1.commandLines();
    int promoted = indexOf(lines, "drbdadm primary r0");
    assertThat(promoted).as("promoted").isNotNegative();
    assertThat(indexOf(lines, "drbdadm secondary r0")).as("demoted after").isGreaterThan(promoted);
    for (FakeHost h : List.of(hv1, hv2)) assertThat(h.commandLines()).noneMatch(l -> l.contains("--force"));
    assertThat(run.out()).doesNotContain("change-me-before-use");
  }

  @Test void aRefusedDemotionAfterTheMigrationIsReportedWithTheGuestOnHv2() {
    hv1.failWhen(FaultMatcher.command("drbdadm", "secondary"), 11, "r0: State change failed: (-12) Device is held open by someone");

    RecipeRun run = run();

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("vm1 runs on hv2 now").contains("hv1: NOT demoted: plan failed on hv1").contains("Device is held open")
        .contains("r0 stays primary on both: run drbdadm secondary r0 on hv1 by hand");
    assertGuestOnlyOn(kvm2);
    assertThat(role(hv1)).isEqualTo("Primary");
  }

  @Test void aConnectionDroppedMidwayFailsTheMigrationTheGuestStaysOnHv1WhichStaysPrimary() {
    fake1.inject(FaultRule.of(Fault.MIGRATION_FAILS_MIDWAY, FaultMatcher.operation("migrateDomain", "vm1")).delay(Duration.ofSeconds(3))
        .message("Unable to write to socket: Connection reset by peer"));

    RecipeRun run = run();

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("migration FAILED: vm1 stays on hv1 (RUNNING)").contains("Connection reset by peer")
        .contains("hv2: r0 secondary again; hv1 stays primary");
    assertThat(run.out().lines().filter(l -> l.matches(BAR))).hasSize(3);
    assertGuestOnlyOn(kvm1);
    assertThat(role(hv1)).isEqualTo("Primary");
    assertThat(role(hv2)).isEqualTo("Secondary");
    assertThat(ranOn(hv1, "drbdadm secondary")).as("hv1 is never demoted while it runs the guest").isFalse();
  }

  @Test void droppedPollsAreSkippedAndTheMigrationStillCompletes() {
    RecipeRun run = run(p -> {
      if (p.elapsed().equals(Duration.ofSeconds(2))) fake1.inject(FaultRule.of(Fault.CONNECTION_DROPPED, FaultMatcher.operation("domainJobStats", "vm1")).times(2));
    });

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out().lines().filter(l -> l.matches(BAR))).as("the polls at 3 and 4 s lost").hasSize(6);
    assertGuestOnlyOn(kvm2);
    assertThat(role(hv1)).isEqualTo("Secondary");
  }

  @Test void theDestinationLostMidwayLeavesTheGuestOnHv1() {
    RecipeRun run = run(p -> {
      if (p.elapsed().equals(Duration.ofSeconds(3))) crashHv2();
    });

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("FAILED in 4.0s").contains("migration FAILED: vm1 stays on hv1 (RUNNING)").contains("host hv2 is down").contains("hv2: NOT demoted");
    assertThat(kvm1.domains().get("vm1").state()).isEqualTo(DomainState.RUNNING);
    assertThat(role(hv1)).isEqualTo("Primary");
    assertThat(ranOn(hv1, "drbdadm secondary")).isFalse();
    fake2.reboot();
    hv2.reboot();
    assertGuestOnlyOn(kvm1);
    assertThat(role(hv2)).as("a reboot takes DRBD down").isEqualTo("down");
  }

  @Test void aBusyGuestSwitchesToPostCopyAfter20sAndCompletes() {
    busyGuest();

    RecipeRun run = run();

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).contains("  policy: +5.0s MAX_DOWNTIME 200 ms", "  policy: +10.0s MAX_DOWNTIME 600 ms", "  policy: +15.0s MAX_DOWNTIME 1000 ms",
        "  policy: +20.0s POST_COPY switched to post-copy").contains("(post-copy)").contains("hv1: r0 secondary again");
    assertThat(run.out()).contains("COMPLETED in 21.0s (post-copy), downtime 0 ms");
    assertGuestOnlyOn(kvm2);
    assertThat(role(hv1)).isEqualTo("Secondary");
  }

  @Test void aRefusedPostCopyEndsInTheAbortAtTheDeadlineWithTheGuestOnHv1() {
    busyGuest();
    fake1.inject(FaultRule.of(Fault.LIBVIRT_ERROR, FaultMatcher.operation("startDomainPostCopy", "vm1")).message("no userfaultfd"));

    RecipeRun run = run();

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("  policy: +20.0s POST_COPY switch to post-copy FAILED: ").contains("no userfaultfd")
        .contains("  policy: +60.0s ABORT deadline 60.0s").contains("migration ABORTED: vm1 stays on hv1 (RUNNING)")
        .contains("hv2: r0 secondary again");
    assertGuestOnlyOn(kvm1);
    assertThat(role(hv1)).isEqualTo("Primary");
    assertThat(role(hv2)).isEqualTo("Secondary");
    assertThat(ranOn(hv1, "drbdadm secondary")).isFalse();
  }

  @Test void theDestinationLostInPostCopyIsReportedAsAPossibleLossAndNothingIsDemoted() {
    busyGuest();

    RecipeRun run = run(new MigrationListener() {
      @Override public void onProgress(MigrationProgress p) {}

      @Override public void onAction(MigrationAction a) {
        if (a.kind() == MigrationAction.Kind.POST_COPY && a.succeeded()) crashHv2();
      }
    });

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("MIGRATION FAILED IN POST-COPY").contains("nothing was demoted");
    assertThat(ranOn(hv1, "drbdadm secondary")).isFalse();
    assertThat(ranOn(hv2, "drbdadm secondary")).isFalse();
  }

  @Test void drbdNotComingUpStopsWithOneLineBeforeAnyGuestOrPromotion() {
    hv2.failWhen(FaultMatcher.command("drbdadm", "adjust"), 10, "r0: Failure: (102) Local address(port) already in use.");

    RecipeRun run = run();

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.oneErrorLine()).as(run.err()).isTrue();
    assertThat(run.err()).startsWith("DrbdLiveMigration: DRBD r0 did not come up on every node");
    assertThat(run.out()).contains("hv1: brought up, then taken down again");
    assertThat(ranOn(hv1, "drbdadm primary")).isFalse();
    assertThat(kvm1.domains().find("vm1")).isEmpty();
  }

  @Test void aGuestAlreadyOnTheDestinationStopsBeforeAnythingChanges() {
    kvm2.domains().define(DrbdDualPrimary.guest(DrbdDualPrimary.R0)).start();

    RecipeRun run = run();

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.oneErrorLine()).as(run.err()).isTrue();
    assertThat(run.err()).contains("vm1 already runs on fake:///hv2: nothing to migrate");
    assertThat(hv1.commandLines()).isEmpty();
    assertThat(hv2.commandLines()).isEmpty();
  }

  @Test void aRefusedPromotionStopsWithOneLineAndNothingMigrates() {
    hv2.failWhen(FaultMatcher.command("drbdadm", "primary"), 11, "r0: State change failed: (-10) State change was refused by reconfigured peer");

    RecipeRun run = run();

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.oneErrorLine()).as(run.err()).isTrue();
    assertThat(run.err()).startsWith("DrbdLiveMigration: cannot make r0 primary on hv2").contains("nothing was migrated");
    assertGuestOnlyOn(kvm1);
  }

  @Test void aLostConnectionToADestinationIsOneLineAndExit2() {
    fake2.inject(FaultRule.of(Fault.CONNECTION_DROPPED, FaultMatcher.any()));

    RecipeRun run = run();

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.oneErrorLine()).as(run.err()).isTrue();
    assertThat(run.err()).startsWith("DrbdLiveMigration: lost the connection to a host");
  }

  /** drbdadm answering {@code dstate} only, as drbd-utils 9 prints it. */
  static FakeHost dstate(String name, int exit, String out) {
    return FakeHost.create(name).withTool(new FakeTool() {
      @Override public Set<String> names() { return Set.of("drbdadm"); }

      @Override public CommandResult run(HostCommand c, FakeToolContext ctx) {
        if (!c.argv().equals(List.of("drbdadm", "dstate", "r0"))) throw ctx.fail(1, "this stand-in answers dstate r0 only");
        if (exit != 0) throw ctx.fail(exit, out);
        return ctx.ok(out);
      }
    });
  }

  @Test void onlyUpToDateOnBothSidesCountsAsInSync() {
    Map<String, CommandRunner> nodes = new LinkedHashMap<>();
    nodes.put("hv1", dstate("hv1", 0, "UpToDate/UpToDate\n"));
    nodes.put("hv2", dstate("hv2", 0, "Inconsistent/UpToDate\n"));
    assertThat(DrbdLiveMigration.notInSync(DrbdDualPrimary.R0, nodes)).containsExactly(Map.entry("hv2", "Inconsistent/UpToDate"));

    nodes.put("hv2", dstate("hv2", 10, "r0: No such resource"));
    assertThat(DrbdLiveMigration.notInSync(DrbdDualPrimary.R0, nodes)).containsExactly(Map.entry("hv2", "drbdadm dstate exited 10: r0: No such resource"));

    nodes.put("hv2", dstate("hv2", 0, "UpToDate/UpToDate\n"));
    assertThat(DrbdLiveMigration.notInSync(DrbdDualPrimary.R0, nodes)).isEmpty();

    assertThat(DrbdLiveMigration.upToDate("UpToDate/UpToDate\nUpToDate/UpToDate\n")).isTrue();
    assertThat(DrbdLiveMigration.upToDate("UpToDate/UpToDate\nUpToDate/Outdated\n")).isFalse();
    assertThat(DrbdLiveMigration.upToDate("UpToDate/DUnknown")).as("a peer not connected is not known to be in sync").isFalse();
    assertThat(DrbdLiveMigration.upToDate("")).isFalse();
  }

  @Test void thePolicyIsTheOneTheReadmeDescribes() {
    assertThat(DrbdLiveMigration.POLICY).hasToString("MigrationPolicy[poll 1000 ms, downtime [+5.0s: 200 ms, +10.0s: 600 ms, +15.0s: 1000 ms],"
        + " post-copy after 20.0s, abort at 60.0s]");
    assertThat(DrbdLiveMigration.OPTIONS.postCopy()).isTrue();
  }
}
