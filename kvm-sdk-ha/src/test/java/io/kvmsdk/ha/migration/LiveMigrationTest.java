package io.kvmsdk.ha.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.DomainEvent;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.testkit.FakeCluster;
import io.kvmsdk.testkit.FakeHypervisor;
import io.kvmsdk.testkit.Fault;
import io.kvmsdk.testkit.FaultMatcher;
import io.kvmsdk.testkit.FaultRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LiveMigration} on two hosts of a fake cluster: the fake migration follows the fake clock the
 * policy's polls advance, so every run gives the same progress, the same actions at the same instants.
 * The busy guest: 512 MiB, rewriting a 32 MiB working set at 64 MiB/s; at 8 MiB/s its first pass takes
 * 64 s and what is left after it always needs 4 s of downtime.
 */
class LiveMigrationTest {
  FakeCluster cluster;
  FakeHypervisor fake1;
  FakeHypervisor fake2;
  Kvm hv1;
  Kvm hv2;
  final List<String> events1 = new CopyOnWriteArrayList<>();
  final List<String> events2 = new CopyOnWriteArrayList<>();

  @BeforeEach void hosts() {
    cluster = FakeCluster.create();
    fake1 = cluster.hypervisor("hv1");
    fake2 = cluster.hypervisor("hv2");
    hv1 = Kvm.using(fake1);
    hv2 = Kvm.using(fake2);
    hv1.events().onLifecycle(e -> events1.add(e.type() + "/" + e.detail()));
    hv2.events().onLifecycle(e -> events2.add(e.type() + "/" + e.detail()));
  }

  @AfterEach void close() {
    hv1.close();
    hv2.close();
  }

  void guest(String name, boolean busy) {
    hv1.domains().define(DomainSpec.builder().type("kvm").name(name).vcpus(2).memory(Size.mib(512)).osType("hvm").build()).start();
    if (busy) fake1.dirtyRate(name, Size.mib(64), Size.mib(32));
    events1.clear();
  }

  static MigrationOptions capped(boolean postCopy) { return MigrationOptions.builder().bandwidth(8L).postCopy(postCopy).build(); }

  static Duration secs(double s) { return Duration.ofMillis(Math.round(s * 1000)); }

  @Test void anIdleGuestWithoutALimitMovesAtOnce() {
    guest("web1", false);
    Instant t0 = cluster.clock().instant();
    MigrationResult r = LiveMigration.of(hv1, "web1", hv2).run();
    assertThat(r.outcome()).isEqualTo(MigrationResult.Outcome.COMPLETED);
    assertThat(r.took()).isZero();
    assertThat(cluster.clock().instant()).isEqualTo(t0);
    assertThat(r.actions()).isEmpty();
    assertThat(r.downtime()).contains(Duration.ZERO);
    assertThat(hv2.domains().get("web1").state()).isEqualTo(DomainState.RUNNING);
    assertThat(hv2.domains().get("web1").isPersistent()).isTrue();
    assertThat(hv1.domains().find("web1")).isEmpty();
    assertThat(r.orThrow()).isSameAs(r);
  }

  @Test void aCappedMigrationReportsItsProgressAtEveryPollInFakeTime() {
    guest("web1", false);
    fake1.migrationBandwidth(Size.mib(64));
    List<MigrationProgress> seen = new ArrayList<>();
    MigrationResult r = LiveMigration.of(hv1, "web1", hv2).policy(MigrationPolicy.builder().pollInterval(Duration.ofSeconds(1)).build())
        .listener(seen::add).run();
    assertThat(r.completed()).isTrue();
    // 512 MiB at 64 MiB/s: 8 s; polled at 0, 1, ... 7 s
    assertThat(seen).extracting(MigrationProgress::elapsed).containsExactly(secs(0), secs(1), secs(2), secs(3), secs(4), secs(5), secs(6), secs(7));
    assertThat(seen).allSatisfy(p -> assertThat(p.phase()).isEqualTo(MigrationPhase.PRECOPY));
    assertThat(seen.get(0).dataRemaining()).hasValue(512L << 20);
    // half way at 4 s (a tick sends bandwidth/10 rounded up, so a few bytes ahead)
    assertThat(seen.get(4).dataRemaining().orElseThrow()).isCloseTo(256L << 20, within(64L));
    assertThat(seen.get(7).stats().memoryBps()).hasValue(64L << 20);
    assertThat(r.completedStats().orElseThrow().timeElapsed()).contains(secs(8));
    assertThat(r.completedStats().orElseThrow().dataTotal()).hasValue(512L << 20);
    assertThat(events2).containsExactly("STARTED/MIGRATED", "DEFINED/ADDED", "RESUMED/MIGRATED");
    assertThat(events1).containsExactly("SUSPENDED/MIGRATED", "STOPPED/MIGRATED");
  }

  @Test void raisingTheDowntimeStepByStepLetsABusyGuestConverge() {
    guest("web1", true);
    List<MigrationAction> heard = new ArrayList<>();
    MigrationPolicy policy = MigrationPolicy.builder().pollInterval(Duration.ofSeconds(1)).addDowntimeStep(secs(10), secs(1))
        .addDowntimeStep(secs(20), secs(2)).addDowntimeStep(secs(70), secs(5)).build();
    MigrationResult r = LiveMigration.of(hv1, "web1", hv2).options(capped(false)).policy(policy).listener(new MigrationListener() {
      @Override public void onProgress(MigrationProgress p) {}

      @Override public void onAction(MigrationAction a) { heard.add(a); }
    }).run();
    assertThat(r.outcome()).isEqualTo(MigrationResult.Outcome.COMPLETED);
    assertThat(r.actions()).extracting(MigrationAction::toString).containsExactly("+10.0s MAX_DOWNTIME 1000 ms", "+20.0s MAX_DOWNTIME 2000 ms",
        "+70.0s MAX_DOWNTIME 5000 ms");
    assertThat(heard).isEqualTo(r.actions());
    // 2 s was not enough for the 32 MiB the guest keeps dirty; 5 s is
    assertThat(r.downtime().orElseThrow()).isGreaterThan(secs(2)).isLessThanOrEqualTo(secs(5));
    assertThat(r.completedStats().orElseThrow().timeElapsed().orElseThrow()).isGreaterThan(secs(70));
    assertThat(r.lastProgress().orElseThrow().maxDowntime()).contains(secs(5));
    assertThat(hv2.domains().get("web1").state()).isEqualTo(DomainState.RUNNING);
  }

  @Test void withoutAPolicyABusyGuestNeverConvergesAndTheDeadlineAbortsLeavingItOnTheSource() {
    guest("web1", true);
    MigrationResult r = LiveMigration.of(hv1, "web1", hv2).options(capped(false))
        .policy(MigrationPolicy.builder().pollInterval(Duration.ofSeconds(1)).deadline(secs(90)).build()).run();
    assertThat(r.outcome()).isEqualTo(MigrationResult.Outcome.ABORTED);
    assertThat(r.actions()).extracting(MigrationAction::toString).containsExactly("+90.0s ABORT deadline 90.0s");
    assertThat(r.error().orElseThrow()).isInstanceOfSatisfying(LibvirtException.class, e -> {
      assertThat(e.code()).isEqualTo("VIR_ERR_OPERATION_ABORTED");
      assertThat(e.libvirtMessage()).isEqualTo("operation aborted: job 'migration out' canceled by client");
    });
    assertThat(r.lastProgress().orElseThrow().iteration().orElseThrow()).isGreaterThan(1);
    assertThat(hv1.domains().get("web1").state()).isEqualTo(DomainState.RUNNING);
    assertThat(hv1.domains().get("web1").isPersistent()).isTrue();
    assertThat(hv2.domains().find("web1")).isEmpty();
    assertThat(events2).containsExactly("STARTED/MIGRATED", "STOPPED/FAILED");
    assertThat(events1).isEmpty();
    assertThatThrownBy(r::orThrow).isSameAs(r.error().get());
  }

  @Test void postCopyAfterNSecondsEndsAMigrationThatWouldNotConverge() {
    guest("web1", true);
    MigrationResult r = LiveMigration.of(hv1, "web1", hv2).options(capped(true))
        .policy(MigrationPolicy.builder().pollInterval(Duration.ofSeconds(1)).postCopyAfter(secs(70)).deadline(secs(120)).build()).run();
    assertThat(r.outcome()).isEqualTo(MigrationResult.Outcome.COMPLETED);
    assertThat(r.postCopy()).isTrue();
    assertThat(r.actions()).extracting(MigrationAction::toString).containsExactly("+70.0s POST_COPY switched to post-copy");
    assertThat(r.downtime()).contains(Duration.ZERO);
    assertThat(events1).containsExactly("SUSPENDED/MIGRATED", "SUSPENDED/POSTCOPY", "STOPPED/MIGRATED");
    assertThat(events2).containsExactly("STARTED/MIGRATED", "RESUMED/POSTCOPY", "DEFINED/ADDED", "RESUMED/MIGRATED");
    assertThat(hv2.domains().get("web1").state()).isEqualTo(DomainState.RUNNING);
  }

  @Test void aDeadlinePassedInPostCopyCannotAbortSoTheMigrationGoesOn() {
    guest("web1", true);
    MigrationOptions slowPull = MigrationOptions.builder().bandwidth(8L).postCopy(true).postCopyBandwidth(8L).build();
    List<MigrationProgress> seen = new ArrayList<>();
    MigrationResult r = LiveMigration.of(hv1, "web1", hv2).options(slowPull).listener(seen::add)
        .policy(MigrationPolicy.builder().pollInterval(Duration.ofSeconds(1)).postCopyAfter(secs(20)).deadline(secs(30)).build()).run();
    assertThat(r.outcome()).isEqualTo(MigrationResult.Outcome.COMPLETED);
    assertThat(r.actions()).extracting(MigrationAction::kind).containsExactly(MigrationAction.Kind.POST_COPY,
        MigrationAction.Kind.DEADLINE_IN_POST_COPY);
    assertThat(r.actions().get(1).at()).isEqualTo(secs(30));
    assertThat(seen.get(25).phase()).isEqualTo(MigrationPhase.POSTCOPY);
    assertThat(seen.get(19).phase()).isEqualTo(MigrationPhase.PRECOPY);
  }

  @Test void aMigrationFailingMidwayLeavesTheGuestRunningOnTheSource() {
    guest("web1", true);
    fake1.inject(FaultRule.of(Fault.MIGRATION_FAILS_MIDWAY, FaultMatcher.operation("migrateDomain", "web1")).delay(secs(20)).message("link down"));
    MigrationResult r = LiveMigration.of(hv1, "web1", hv2).options(capped(false))
        .policy(MigrationPolicy.builder().pollInterval(Duration.ofSeconds(1)).deadline(secs(60)).build()).run();
    assertThat(r.outcome()).isEqualTo(MigrationResult.Outcome.FAILED);
    assertThat(r.error().orElseThrow()).isInstanceOfSatisfying(LibvirtException.class, e -> {
      assertThat(e.code()).isEqualTo("VIR_ERR_OPERATION_FAILED");
      assertThat(e.libvirtMessage()).isEqualTo("operation failed: migration failed midway: link down");
    });
    assertThat(r.lastProgress().orElseThrow().elapsed()).isEqualTo(secs(19));
    assertThat(r.actions()).isEmpty();
    assertThat(hv1.domains().get("web1").state()).isEqualTo(DomainState.RUNNING);
    assertThat(hv2.domains().find("web1")).isEmpty();
    assertThat(hv1.domains().get("web1").completedJobStats().type()).isEqualTo(io.kvmsdk.core.domain.DomainJobType.FAILED);
  }

  @Test void droppedPollsAreSkippedAndTheMigrationCompletes() {
    guest("web1", false);
    fake1.migrationBandwidth(Size.mib(64));
    List<MigrationProgress> seen = new ArrayList<>();
    MigrationResult r = LiveMigration.of(hv1, "web1", hv2).policy(MigrationPolicy.builder().pollInterval(Duration.ofSeconds(1)).build())
        .listener(p -> {
          seen.add(p);
          if (p.elapsed().equals(secs(2))) fake1.inject(FaultRule.of(Fault.CONNECTION_DROPPED, FaultMatcher.operation("domainJobStats", "web1")).times(2));
        }).run();
    assertThat(r.completed()).isTrue();
    // the polls at 3 s and 4 s are dropped (retryable): skipped
    assertThat(seen).extracting(MigrationProgress::elapsed).containsExactly(secs(0), secs(1), secs(2), secs(5), secs(6), secs(7));
  }

  @Test void aRefusedSwitchToPostCopyIsReportedAndTheDeadlineStillAborts() {
    guest("web1", true);
    fake1.inject(FaultRule.of(Fault.LIBVIRT_ERROR, FaultMatcher.operation("startDomainPostCopy", "web1")).message("no userfaultfd"));
    MigrationResult r = LiveMigration.of(hv1, "web1", hv2).options(capped(true))
        .policy(MigrationPolicy.builder().pollInterval(Duration.ofSeconds(1)).postCopyAfter(secs(20)).deadline(secs(40)).build()).run();
    assertThat(r.outcome()).isEqualTo(MigrationResult.Outcome.ABORTED);
    assertThat(r.postCopy()).isFalse();
    assertThat(r.actions()).hasSize(2);
    assertThat(r.actions().get(0).kind()).isEqualTo(MigrationAction.Kind.POST_COPY);
    assertThat(r.actions().get(0).succeeded()).isFalse();
    assertThat(r.actions().get(0).failure().orElseThrow().getMessage()).contains("no userfaultfd");
    assertThat(r.actions().get(1).toString()).isEqualTo("+40.0s ABORT deadline 40.0s");
    assertThat(hv1.domains().get("web1").state()).isEqualTo(DomainState.RUNNING);
  }

  @Test void theDestinationCrashingMidwayFailsTheMigrationRetryably() {
    guest("web1", true);
    MigrationResult r = LiveMigration.of(hv1, "web1", hv2).options(capped(false))
        .policy(MigrationPolicy.builder().pollInterval(Duration.ofSeconds(1)).build()).listener(p -> {
          if (p.elapsed().compareTo(secs(10)) >= 0 && !fake2.crashed()) fake2.crash();
        }).run();
    assertThat(r.outcome()).isEqualTo(MigrationResult.Outcome.FAILED);
    assertThat(r.error().orElseThrow().retryable()).isTrue();
    assertThat(r.error().get().getMessage()).contains("host hv2 is down");
    assertThat(hv1.domains().get("web1").state()).isEqualTo(DomainState.RUNNING);
    fake2.reboot();
    assertThat(hv2.domains().find("web1")).isEmpty();
  }

  @Test void aDestinationCrashEndsTheMigrationAtTheCrashEvenWhenTheClockRunsPastItsEndBeforeTheNextLook() {
    guest("web1", false);   // 512 MiB at 8 MiB/s: a minute to go over
    MigrationResult r = LiveMigration.of(hv1, "web1", hv2).options(capped(false))
        .policy(MigrationPolicy.builder().pollInterval(Duration.ofSeconds(1)).build()).listener(p -> {
          if (p.elapsed().compareTo(secs(2)) >= 0 && !fake2.crashed()) {
            fake2.crash();
            cluster.clock().advance(Duration.ofMinutes(10));   // past where the copy would have ended, before anyone looks
          }
        }).run();
    assertThat(r.outcome()).isEqualTo(MigrationResult.Outcome.FAILED);
    assertThat(r.error().orElseThrow().getMessage()).contains("host hv2 is down");
    assertThat(hv1.domains().get("web1").state()).isEqualTo(DomainState.RUNNING);
    fake2.reboot();
    assertThat(hv2.domains().find("web1")).isEmpty();
  }

  @Test void aMigrationLibvirtRefusesAtOnceFailsWithoutPolling() {
    hv1.domains().define(DomainSpec.builder().type("kvm").name("off").memory(Size.mib(512)).osType("hvm").build());
    List<MigrationProgress> seen = new ArrayList<>();
    MigrationResult r = LiveMigration.of(hv1, "off", hv2).listener(seen::add).run();
    assertThat(r.outcome()).isEqualTo(MigrationResult.Outcome.FAILED);
    assertThat(r.error().orElseThrow()).isInstanceOfSatisfying(LibvirtException.class,
        e -> assertThat(e.libvirtMessage()).isEqualTo("Requested operation is not valid: domain is not running"));
    assertThat(seen).isEmpty();
  }

  @Test void aPeerToPeerMigrationGoesToTheDestinationUri() {
    guest("web1", false);
    MigrationResult r = LiveMigration.of(hv1, "web1", hv2)
        .options(MigrationOptions.builder().peerToPeer(true).destinationUri("fake:///hv2").build()).run();
    assertThat(r.completed()).isTrue();
    assertThat(r.destination()).isEqualTo("fake:///hv2");
    assertThat(hv2.domains().get("web1").state()).isEqualTo(DomainState.RUNNING);
  }

  @Test void aPolicyThatSwitchesToPostCopyNeedsTheOptionThatAllowsIt() {
    MigrationPolicy postCopy = MigrationPolicy.builder().postCopyAfter(secs(30)).build().copy(b -> b.deadline(secs(60)));
    assertThatThrownBy(() -> LiveMigration.of(hv1, "web1", hv2).policy(postCopy).run()).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e.field()).isEqualTo("policy/postCopyAfter"));
    assertThatThrownBy(() -> LiveMigration.of(hv1, "web1", hv2).options(capped(true)).policy(postCopy).options(capped(false)).run())
        .isInstanceOf(InvalidSpecException.class);
    assertThat(LiveMigration.of(hv1, "web1", hv2).policy(postCopy).options(capped(true)).policy())
        .as("the policy first, then its option (kvm.jsh's order)").isEqualTo(postCopy);
    assertThat(LiveMigration.of(hv1, "web1", hv2).options(capped(true)).policy(postCopy).toString())
        .isEqualTo("LiveMigration[web1 fake:///hv1 -> fake:///hv2, MigrationOptions[LIVE, PERSIST_DEST, POSTCOPY, UNDEFINE_SOURCE]{bandwidth=8},"
            + " MigrationPolicy[poll 500 ms, post-copy after 30.0s, abort at 60.0s]]");
  }
}
