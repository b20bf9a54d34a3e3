package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.testkit.EnableFakeKvm;
import io.kvmsdk.testkit.FakeClock;
import io.kvmsdk.testkit.FakeHypervisor;
import io.kvmsdk.testkit.Fault;
import io.kvmsdk.testkit.FaultMatcher;
import io.kvmsdk.testkit.FaultRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Draining fake:///hv1 onto hv2 and hv3, with the faults a real drain meets. */
@EnableFakeKvm
class HostDrainerTest {
  @EnableFakeKvm.Host("hv1") Kvm hv1;
  @EnableFakeKvm.Host("hv2") Kvm hv2;
  @EnableFakeKvm.Host("hv3") Kvm hv3;
  @EnableFakeKvm.Host("hv1") FakeHypervisor fake1;
  @EnableFakeKvm.Host("hv2") FakeHypervisor fake2;
  @EnableFakeKvm.Host("hv3") FakeHypervisor fake3;
  FakeClock clock;

  private static Domain run(Kvm kvm, String name) {
    return kvm.domains().define(DomainSpec.builder().type("kvm").name(name).vcpus(1).memory(Size.mib(256)).osType("hvm").build()).start();
  }

  private static List<String> active(Kvm kvm) {
    return kvm.domains().list().stream().filter(d -> d.state().isActive()).map(Domain::name).toList();
  }

  private static FaultMatcher migrationOf(String domain) { return FaultMatcher.operation("migrateDomain", domain); }

  @Test void movesEveryActiveDomainToTheLeastBusyHostAndLeavesShutOffOnesDefined() {
    run(hv1, "web1");
    run(hv1, "web2");
    hv1.domains().define(DomainSpec.builder().type("kvm").name("idle").memory(Size.mib(256)).osType("hvm").build());
    run(hv1, "web3").suspend();
    run(hv2, "db");

    HostDrainer.Report report = HostDrainer.of(hv1, List.of(hv2, hv3)).drain();

    // loads before each move: (hv2 1, hv3 0) -> hv3; (1, 1) -> hv2, the first given; (2, 1) -> hv3
    assertThat(report.placement()).containsExactly(Map.entry("web1", "fake:///hv3"), Map.entry("web2", "fake:///hv2"),
        Map.entry("web3", "fake:///hv3"));
    assertThat(report.complete()).isTrue();
    assertThat(report.moved()).allSatisfy(m -> assertThat(m.failedAttempts()).isEmpty());
    assertThat(active(hv1)).isEmpty();
    assertThat(fake1.domainNames()).as("the shut-off definition stays; the moved ones are undefined here").containsExactly("idle");
    assertThat(active(hv2)).containsExactlyInAnyOrder("db", "web2");
    assertThat(hv3.domains().get("web1").state()).isEqualTo(DomainState.RUNNING);
    assertThat(hv3.domains().get("web3").state()).as("a paused guest moves paused").isEqualTo(DomainState.PAUSED);
    assertThat(hv3.domains().get("web1").isPersistent()).isTrue();
  }

  @Test void theHostWithTheMostFreeMemoryThatFitsTheGuestComesFirst() {
    fake2.resources(8, Size.gib(32));
    fake3.resources(8, Size.gib(4));
    run(hv1, "small");
    hv1.domains().define(DomainSpec.builder().type("kvm").name("big").vcpus(4).memory(Size.gib(8)).osType("hvm").build()).start();
    run(hv2, "a");
    run(hv2, "b");

    HostDrainer.Report report = HostDrainer.of(hv1, List.of(hv3, hv2)).drain();

    // hv2 has more free memory despite running two domains; only hv2 has room for 8 GiB
    assertThat(report.placement()).containsExactlyInAnyOrderEntriesOf(Map.of("big", "fake:///hv2", "small", "fake:///hv2"));
    assertThat(hv1.node().freeMemory()).isEqualTo(Size.bytes(64L << 30));
  }

  @Test void aDroppedConnectionIsRetriedOnTheSameDestinationAfterABackoffInFakeTime() {
    run(hv1, "web1");
    fake1.inject(FaultRule.of(Fault.CONNECTION_DROPPED, migrationOf("web1")).times(2));
    Instant start = clock.instant();

    HostDrainer.Report report = HostDrainer.of(hv1, List.of(hv2, hv3)).backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)).drain();

    assertThat(report.placement()).containsExactly(Map.entry("web1", "fake:///hv2"));
    HostDrainer.Moved moved = report.moved().get(0);
    assertThat(moved.failedAttempts()).extracting(HostDrainer.Attempt::destination, HostDrainer.Attempt::number,
        HostDrainer.Attempt::retryable).containsExactly(
            tuple("fake:///hv2", 1, true), tuple("fake:///hv2", 2, true));
    assertThat(clock.since(start)).as("waited 1 s then 2 s, on the fake clock").isEqualTo(Duration.ofSeconds(3));
    assertThat(report.took()).isEqualTo(Duration.ofSeconds(3));
    assertThat(active(hv2)).containsExactly("web1");
    assertThat(fake1.domainNames()).isEmpty();
  }

  @Test void aMigrationFailingMidwayOnOneDestinationMovesOnToTheNextAtOnce() {
    run(hv1, "web1");
    fake2.inject(FaultRule.of(Fault.MIGRATION_FAILS_MIDWAY, migrationOf("web1")));

    HostDrainer.Report report = HostDrainer.of(hv1, List.of(hv2, hv3)).drain();

    assertThat(report.placement()).containsExactly(Map.entry("web1", "fake:///hv3"));
    assertThat(report.moved().get(0).failedAttempts()).singleElement().satisfies(a -> {
      assertThat(a.destination()).isEqualTo("fake:///hv2");
      assertThat(a.code()).isEqualTo("VIR_ERR_OPERATION_FAILED");
      assertThat(a.retryable()).as("not retried on hv2").isFalse();
    });
    assertThat(fake2.domainNames()).as("nothing left behind on the failed destination").isEmpty();
    assertThat(active(hv3)).containsExactly("web1");
  }

  @Test void aCrashedDestinationIsTriedLastSoTheDrainCompletesOnTheOthers() {
    run(hv1, "web1");
    run(hv1, "web2");
    run(hv3, "db");
    fake2.crash();

    HostDrainer.Report report = HostDrainer.of(hv1, List.of(hv2, hv3)).drain();

    assertThat(report.placement()).containsOnlyKeys("web1", "web2").allSatisfy((d, host) -> assertThat(host).isEqualTo("fake:///hv3"));
    assertThat(report.moved()).allSatisfy(m -> assertThat(m.failedAttempts()).as("hv2 was never tried").isEmpty());
    assertThat(active(hv3)).containsExactlyInAnyOrder("db", "web1", "web2");
  }

  @Test void aDestinationCrashingMidDrainIsRetriedBoundedlyThenGivenUp() {
    run(hv1, "web1");
    run(hv1, "web2");
    run(hv3, "db");
    fake2.inject(FaultRule.of(Fault.HOST_CRASH, migrationOf("web1")).once());
    Instant start = clock.instant();

    HostDrainer.Report report = HostDrainer.of(hv1, List.of(hv2, hv3)).drain();

    assertThat(fake2.crashed()).isTrue();
    assertThat(report.placement()).containsExactly(Map.entry("web1", "fake:///hv3"), Map.entry("web2", "fake:///hv3"));
    assertThat(report.moved().get(0).failedAttempts()).as("3 attempts on hv2, all retryable")
        .extracting(HostDrainer.Attempt::destination, HostDrainer.Attempt::retryable)
        .containsOnly(tuple("fake:///hv2", true)).hasSize(3);
    assertThat(report.moved().get(1).failedAttempts()).as("hv2 went last for web2: its domains could not be listed").isEmpty();
    assertThat(clock.since(start)).as("backoff 1 s + 2 s").isEqualTo(Duration.ofSeconds(3));
  }

  @Test void whenEveryDestinationFailsTheDomainKeepsRunningOnTheSource() {
    run(hv1, "web1");
    run(hv1, "web2");
    fake2.inject(FaultRule.of(Fault.MIGRATION_FAILS_MIDWAY, migrationOf("web1")));
    fake3.inject(FaultRule.of(Fault.LIBVIRT_ERROR, migrationOf("web1")).libvirtError("VIR_ERR_CONFIG_UNSUPPORTED", 67)
        .message("unsupported configuration: guest CPU doesn't match specification"));

    HostDrainer.Report report = HostDrainer.of(hv1, List.of(hv2, hv3)).drain();

    assertThat(report.complete()).isFalse();
    assertThat(report.placement()).containsOnlyKeys("web2");
    assertThat(report.notMoved()).singleElement().satisfies(n -> {
      assertThat(n.domain()).isEqualTo("web1");
      assertThat(n.attempts()).extracting(HostDrainer.Attempt::destination, HostDrainer.Attempt::code).containsExactly(
          tuple("fake:///hv2", "VIR_ERR_OPERATION_FAILED"),
          tuple("fake:///hv3", "VIR_ERR_CONFIG_UNSUPPORTED"));
    });
    assertThat(report.toString()).contains("web1 NOT MOVED off fake:///hv1", "web2 -> fake:///")
        .contains("web1 to fake:///hv3 #1 VIR_ERR_CONFIG_UNSUPPORTED: migrate domain 'web1' to fake:///hv3 failed: unsupported configuration: guest CPU doesn't match specification");
    assertThat(report.notMoved().get(0).reason()).contains("fake:///hv3", "guest CPU doesn't match", "still running on fake:///hv1");
    Domain web1 = hv1.domains().get("web1");
    assertThat(web1.state()).isEqualTo(DomainState.RUNNING);
    assertThat(web1.isPersistent()).as("still defined on the source").isTrue();
    assertThat(fake2.domainNames()).doesNotContain("web1");
    assertThat(fake3.domainNames()).doesNotContain("web1");
  }

  @Test void retriesAreBoundedPerDestination() {
    run(hv1, "web1");
    fake1.inject(FaultRule.of(Fault.CONNECTION_DROPPED, migrationOf("web1")));
    Instant start = clock.instant();

    HostDrainer.Report report = HostDrainer.of(hv1, List.of(hv2, hv3)).maxAttempts(4)
        .backoff(Duration.ofSeconds(1), Duration.ofSeconds(2)).drain();

    assertThat(report.notMoved()).singleElement().satisfies(n -> assertThat(n.attempts()).hasSize(8));
    assertThat(clock.since(start)).as("per destination 1 s + 2 s + 2 s (capped)").isEqualTo(Duration.ofSeconds(10));
    assertThat(hv1.domains().get("web1").state()).isEqualTo(DomainState.RUNNING);
  }

  @Test void aMigrationThatWentThroughBeforeTheConnectionDroppedCountsAsMovedAndIsNotRepeated() {
    run(hv1, "web1");
    // the guest arrives on hv2, then the answer is lost: the source reports a dropped connection
    fake1.inject(FaultRule.of(Fault.REPLY_LOST, FaultMatcher.operation("migrateDomain", "web1")).once());

    HostDrainer.Report report = HostDrainer.of(hv1, List.of(hv2, hv3)).drain();

    assertThat(report.placement()).containsExactly(Map.entry("web1", "fake:///hv2"));
    assertThat(report.moved().get(0).failedAttempts()).hasSize(1);
    assertThat(active(hv2)).containsExactly("web1");
    assertThat(fake1.domainNames()).isEmpty();
    assertThat(fake3.domainNames()).isEmpty();
  }

  @Test void onlyTheChosenDomainsMove() {
    run(hv1, "web1");
    run(hv1, "pinned-gpu");

    HostDrainer.Report report = HostDrainer.of(hv1, List.of(hv2)).only(name -> !name.startsWith("pinned-")).drain();

    assertThat(report.placement()).containsOnlyKeys("web1");
    assertThat(report.complete()).isTrue();
    assertThat(active(hv1)).containsExactly("pinned-gpu");
  }

  @Test void refusesToDrainAHostOntoItself() {
    assertThatThrownBy(() -> HostDrainer.of(hv1, List.of(hv2, Kvm.using(fake1)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fake:///hv1");
    assertThatThrownBy(() -> HostDrainer.of(hv1, List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyFailureNamesTheGuestTheHostAndTheCause() {
    HostDrainer.Attempt silent = new HostDrainer.Attempt("web1", "fake:///hv2", 1, new io.kvmsdk.core.KvmException(null,
        new IllegalStateException("socket closed")));
    assertThat(silent.toString()).isEqualTo("web1 to fake:///hv2 #1 KvmException: socket closed");
    HostDrainer.Attempt nothing = new HostDrainer.Attempt("web1", "fake:///hv2", 2, new io.kvmsdk.core.KvmException(null));
    assertThat(nothing.cause()).isEqualTo("KvmException (no message)");
  }

  @Test
  void withoutArgumentsItDrainsFakeHostsAndShowsProgress() {
    RecipeRun run = RecipeRun.of(HostDrainer.recipe(), HostDrainer::body);
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).contains("[1/3] moving web1 off fake:///hv1").contains("drain of fake:///hv1: 3 moved, 0 not moved");
    assertThat(fake1.domainNames()).as("it ran in this test's fake world").isEmpty();
  }

  @Test
  void withOneUriItTouchesNoHostAndExits2() {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    assertThat(HostDrainer.run(new String[] {"--uri", "fake:///x"}, System.out, new java.io.PrintStream(err))).isEqualTo(2);
    assertThat(err.toString()).contains("HostDrainer: needs at least 2 --uri, got 1; usage: HostDrainer [--uri URI (at least 2 times)");
  }

  @Test
  void anUnreachableHostIsNamedInOneLine() {
    RecipeRun run = RecipeRun.of(HostDrainer.recipe(), HostDrainer::body, "--uri", "fake:///hv1", "--uri", "nonsense://hv9");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.oneErrorLine()).isTrue();
    assertThat(run.err()).contains("HostDrainer: cannot connect to nonsense://hv9: ").contains("unknown hypervisor driver 'nonsense'");
  }
}
