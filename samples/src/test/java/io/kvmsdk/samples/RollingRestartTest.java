package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainEvent;
import io.kvmsdk.core.domain.DomainEventType;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.samples.RollingRestart.Outcome;
import io.kvmsdk.testkit.EnableFakeKvm;
import io.kvmsdk.testkit.FakeClock;
import io.kvmsdk.testkit.FakeHypervisor;
import io.kvmsdk.testkit.Fault;
import io.kvmsdk.testkit.FaultMatcher;
import io.kvmsdk.testkit.FaultRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A rolling restart of fake:///default, whose guests take 20 s (fake time) to shut down when asked. */
@EnableFakeKvm
class RollingRestartTest {
  Kvm kvm;
  FakeHypervisor fake;
  FakeClock clock;
  private final List<DomainEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach void guestsTake20SecondsToShutDown() {
    fake.shutdownDelay(Duration.ofSeconds(20));
    kvm.events().onLifecycle(events::add);
  }

  private static DomainSpec spec(String name) { return DomainSpec.builder().type("kvm").name(name).vcpus(1).memory(Size.mib(256)).osType("hvm").build(); }

  private Domain run(String name) { return kvm.domains().define(spec(name)).start(); }

  /** "web1 STOPPED", "web1 STARTED", ...: when each guest went down and came back. */
  private List<String> stopsAndStarts() {
    return events.stream().filter(e -> e.type() == DomainEventType.STOPPED || e.type() == DomainEventType.STARTED)
        .map(e -> e.domainName() + " " + e.type()).toList();
  }

  @Test void restartsRunningGuestsOneAfterTheOtherGracefully() {
    run("web1");
    run("web2");
    kvm.domains().define(spec("idle"));
    events.clear();

    RollingRestart.Report report = RollingRestart.of(kvm).run();

    assertThat(report.outcomes()).containsExactly(entry("web1", Outcome.GRACEFUL), entry("web2", Outcome.GRACEFUL));
    assertThat(report.complete()).isTrue();
    assertThat(stopsAndStarts()).as("web2 goes down only once web1 runs again")
        .containsExactly("web1 STOPPED", "web1 STARTED", "web2 STOPPED", "web2 STARTED");
    assertThat(report.results()).allSatisfy(r -> {
      assertThat(r.stateAfter()).isEqualTo(DomainState.RUNNING);
      assertThat(r.downtime()).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(21));
    });
    assertThat(kvm.domains().get("idle").state()).as("a shut-off domain is not started").isEqualTo(DomainState.SHUTOFF);
  }

  @Test void aGuestIgnoringShutdownIsDestroyedAfterTheTimeoutInFakeTime() {
    run("web1");
    run("web2");
    fake.ignoreShutdown("web1", true);
    events.clear();
    Instant start = clock.instant();
    long realStart = System.nanoTime();

    RollingRestart.Report report = RollingRestart.of(kvm).shutdownTimeout(Duration.ofMinutes(2)).run();

    assertThat(report.outcomes()).containsExactly(entry("web1", Outcome.FORCED), entry("web2", Outcome.GRACEFUL));
    RollingRestart.Result web1 = report.result("web1").orElseThrow();
    assertThat(web1.downtime()).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(2).plusSeconds(1));
    assertThat(web1.stateAfter()).isEqualTo(DomainState.RUNNING);
    assertThat(events).filteredOn(e -> e.domainName().equals("web1") && e.type() == DomainEventType.STOPPED)
        .extracting(DomainEvent::detail).containsExactly("DESTROYED");
    assertThat(clock.since(start)).as("2 min waiting for web1, 20 s for web2").isBetween(Duration.ofSeconds(140), Duration.ofSeconds(142));
    assertThat(Duration.ofNanos(System.nanoTime() - realStart)).as("no real waiting").isLessThan(Duration.ofSeconds(30));
  }

  @Test void transientAndPausedDomainsAreLeftRunningAsTheyAre() {
    kvm.domains().create(spec("scratch"));
    run("batch").suspend();
    run("web1");
    events.clear();

    RollingRestart.Report report = RollingRestart.of(kvm).run();

    assertThat(report.outcomes()).containsExactly(entry("scratch", Outcome.SKIPPED), entry("batch", Outcome.SKIPPED),
        entry("web1", Outcome.GRACEFUL));
    assertThat(report.result("scratch").orElseThrow().detail()).contains("transient");
    assertThat(kvm.domains().get("scratch").state()).as("a transient domain would vanish if stopped").isEqualTo(DomainState.RUNNING);
    assertThat(kvm.domains().get("batch").state()).isEqualTo(DomainState.PAUSED);
    assertThat(stopsAndStarts()).containsExactly("web1 STOPPED", "web1 STARTED");
    assertThat(report.complete()).isTrue();
  }

  @Test void aFailedStartHaltsTheRolloutAndLeavesTheOthersUntouched() {
    run("web1");
    run("web2");
    fake.inject(FaultRule.of(Fault.LIBVIRT_ERROR, FaultMatcher.operation("startDomain", "web1")).once()
        .libvirtError("VIR_ERR_OPERATION_FAILED", 9).message("operation failed: guest CPU doesn't match"));
    events.clear();

    RollingRestart.Report report = RollingRestart.of(kvm).run();

    assertThat(report.outcomes()).containsExactly(entry("web1", Outcome.FAILED), entry("web2", Outcome.NOT_ATTEMPTED));
    assertThat(report.complete()).isFalse();
    RollingRestart.Result web1 = report.result("web1").orElseThrow();
    assertThat(web1.detail()).isEqualTo("failed to start");
    assertThat(web1.error()).get().isInstanceOfSatisfying(LibvirtException.class, e -> assertThat(e.code()).isEqualTo("VIR_ERR_OPERATION_FAILED"));
    assertThat(web1.stateAfter()).isEqualTo(DomainState.SHUTOFF);
    assertThat(stopsAndStarts()).as("web2 was never stopped").containsExactly("web1 STOPPED");
    assertThat(kvm.domains().get("web2").state()).isEqualTo(DomainState.RUNNING);
  }

  @Test void withoutHaltingTheRolloutGoesOnPastAFailure() {
    run("web1");
    run("web2");
    fake.inject(FaultRule.of(Fault.LIBVIRT_ERROR, FaultMatcher.operation("startDomain", "web1")).once());

    RollingRestart.Report report = RollingRestart.of(kvm).haltOnFailure(false).run();

    assertThat(report.outcomes()).containsExactly(entry("web1", Outcome.FAILED), entry("web2", Outcome.GRACEFUL));
  }

  @Test void aRefusedShutdownFailsTheDomainWithoutPullingThePlug() {
    run("web1");
    fake.inject(FaultRule.of(Fault.LIBVIRT_ERROR, FaultMatcher.operation("shutdownDomain", "web1"))
        .libvirtError("VIR_ERR_AGENT_UNRESPONSIVE", 86).message("Guest agent is not responding"));
    events.clear();

    RollingRestart.Report report = RollingRestart.of(kvm).run();

    RollingRestart.Result web1 = report.result("web1").orElseThrow();
    assertThat(web1.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(web1.detail()).isEqualTo("failed to shut down");
    assertThat(web1.stateAfter()).isEqualTo(DomainState.RUNNING);
    assertThat(stopsAndStarts()).as("only a timeout leads to destroy").isEmpty();
  }

  @Test
  void withoutArgumentsItRestartsTheGuestsOfAFakeHost() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    assertThat(RollingRestart.run(new String[0], new java.io.PrintStream(out), System.err)).isZero();
    assertThat(out.toString()).contains("rolling restart of fake:///hv1").contains("web3");
  }

  @Test
  void aNamedFakeHostIsRestarted() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    assertThat(RollingRestart.run(new String[] {"--uri", "fake:///rolling-main"}, new java.io.PrintStream(out), System.err)).isZero();
    assertThat(out.toString()).contains("rolling restart of fake:///rolling-main");
  }
}
