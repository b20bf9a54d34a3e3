package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainEvent;
import io.kvmsdk.core.domain.DomainEventType;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.samples.SnapshotBeforeChange.Outcome;
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
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Growing web1's memory from 256 to 512 MiB on fake:///default, with a way back. */
@EnableFakeKvm
class SnapshotBeforeChangeTest {
  Kvm kvm;
  FakeHypervisor fake;
  FakeClock clock;
  private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
  private static final UnaryOperator<DomainSpec> TO_512_MIB = spec -> spec.copy(b -> b.memory(Size.mib(512)));

  @BeforeEach void listen() { kvm.events().onLifecycle(events::add); }

  private Domain web1(Disk disk) {
    return kvm.domains().define(DomainSpec.builder().type("kvm").name("web1").vcpus(1).memory(Size.mib(256)).osType("hvm").addDisk(disk).build());
  }

  private Domain runningWeb1() { return web1(Disk.file("/var/lib/libvirt/images/web1.qcow2").qcow2().virtio()).start(); }

  private static long memoryMiB(DomainSpec spec) { return spec.memory().orElseThrow().kib() / 1024; }

  @Test void aRunningGuestIsRestartedWithTheNewDefinitionAndTheSnapshotDeleted() {
    Domain web1 = runningWeb1();
    events.clear();

    SnapshotBeforeChange.Result r = SnapshotBeforeChange.of(kvm).apply("web1", TO_512_MIB);

    assertThat(r.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(memoryMiB(web1.spec())).as("runs with the new definition").isEqualTo(512);
    assertThat(memoryMiB(web1.inactiveSpec())).isEqualTo(512);
    assertThat(web1.state()).isEqualTo(DomainState.RUNNING);
    assertThat(web1.snapshots().list()).isEmpty();
    assertThat(r.snapshot()).isEmpty();
    assertThat(events).filteredOn(e -> e.type() == DomainEventType.STOPPED).extracting(DomainEvent::detail).containsExactly("SHUTDOWN");
  }

  @Test void aFailingCheckRevertsTheDefinitionAndTheGuest() {
    Domain web1 = runningWeb1();

    SnapshotBeforeChange.Result r = SnapshotBeforeChange.of(kvm).check(d -> false).apply("web1", TO_512_MIB);

    assertThat(r.outcome()).isEqualTo(Outcome.REVERTED);
    assertThat(r.detail()).startsWith("failed to pass the check");
    assertThat(r.stateAfter()).isEqualTo(DomainState.RUNNING);
    assertThat(memoryMiB(web1.spec())).as("running the old definition again").isEqualTo(256);
    assertThat(memoryMiB(web1.inactiveSpec())).as("and it is the one for the next boot").isEqualTo(256);
    assertThat(web1.snapshots().list()).isEmpty();
  }

  @Test void aNewDefinitionThatDoesNotStartIsRevertedAndKeptOnRequest() {
    Domain web1 = runningWeb1();
    fake.inject(FaultRule.of(Fault.LIBVIRT_ERROR, FaultMatcher.operation("startDomain", "web1")).once()
        .libvirtError("VIR_ERR_OPERATION_FAILED", 9).message("operation failed: cannot allocate memory"));

    SnapshotBeforeChange.Result r = SnapshotBeforeChange.of(kvm).keepSnapshot(true).apply("web1", TO_512_MIB);

    assertThat(r.outcome()).isEqualTo(Outcome.REVERTED);
    assertThat(r.error()).get().isInstanceOfSatisfying(LibvirtException.class, e -> assertThat(e.code()).isEqualTo("VIR_ERR_OPERATION_FAILED"));
    assertThat(web1.state()).isEqualTo(DomainState.RUNNING);
    assertThat(memoryMiB(web1.inactiveSpec())).isEqualTo(256);
    assertThat(r.snapshot()).hasValueSatisfying(s -> assertThat(web1.snapshots().find(s)).isPresent());
  }

  @Test void aGuestIgnoringTheShutdownIsDestroyedAfterTheTimeoutInFakeTime() {
    Domain web1 = runningWeb1();
    fake.ignoreShutdown("web1", true);
    Instant start = clock.instant();

    SnapshotBeforeChange.Result r = SnapshotBeforeChange.of(kvm).shutdownTimeout(Duration.ofSeconds(90)).apply("web1", TO_512_MIB);

    assertThat(r.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(memoryMiB(web1.spec())).isEqualTo(512);
    assertThat(clock.since(start)).isBetween(Duration.ofSeconds(90), Duration.ofSeconds(91));
  }

  @Test void withoutQcow2DisksNoSnapshotCanBeTakenSoNothingChanges() {
    Domain web1 = web1(Disk.file("/var/lib/libvirt/images/web1.img").raw().virtio()).start();
    events.clear();

    SnapshotBeforeChange.Result r = SnapshotBeforeChange.of(kvm).apply("web1", TO_512_MIB);

    assertThat(r.outcome()).isEqualTo(Outcome.NOT_APPLIED);
    assertThat(r.error()).get().isInstanceOfSatisfying(LibvirtException.class, e -> assertThat(e.code()).isEqualTo("VIR_ERR_CONFIG_UNSUPPORTED"));
    assertThat(memoryMiB(web1.inactiveSpec())).isEqualTo(256);
    assertThat(events).as("the guest was not touched").isEmpty();
  }

  @Test void aShutOffDomainIsOnlyRedefined() {
    Domain web1 = web1(Disk.file("/var/lib/libvirt/images/web1.qcow2").qcow2().virtio());

    SnapshotBeforeChange.Result r = SnapshotBeforeChange.of(kvm).apply("web1", TO_512_MIB);

    assertThat(r.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(web1.state()).isEqualTo(DomainState.SHUTOFF);
    assertThat(memoryMiB(web1.inactiveSpec())).isEqualTo(512);
    assertThat(SnapshotBeforeChange.of(kvm).apply("web1", TO_512_MIB).outcome()).isEqualTo(Outcome.UNCHANGED);
  }
}
