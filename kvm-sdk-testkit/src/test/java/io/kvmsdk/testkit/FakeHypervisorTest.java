package io.kvmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.KvmSubscription;
import io.kvmsdk.core.KvmTimeoutException;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.NotFoundException;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainEvent;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.domain.DomainStats;
import io.kvmsdk.core.domain.SnapshotSpec;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.HostCommand;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeHypervisorTest {
  private final FakeCluster cluster = FakeCluster.create();
  private FakeCluster.Binding binding;
  private Kvm kvm;

  @BeforeEach void connect() {
    binding = cluster.bind();
    kvm = Kvm.connect("fake:///a");
  }

  @AfterEach void close() {
    kvm.close();
    binding.close();
  }

  static DomainSpec web(String name) {
    return DomainSpec.builder().type("kvm").name(name).memory(io.kvmsdk.core.Size.mib(512)).vcpus(2)
        .os(io.kvmsdk.core.domain.Os.builder().type(io.kvmsdk.core.domain.OsType.hvm()).build())
        .addDisk(io.kvmsdk.core.domain.Disk.file("/var/lib/libvirt/images/" + name + ".qcow2").target("vda", "virtio"))
        .addInterface(io.kvmsdk.core.domain.Nic.bridge("br0").virtio()).build();
  }

  private static void invalid(Runnable call, String message) { invalid(call, message, "VIR_FROM_QEMU"); }

  /** libvirt's generic "domain is not running" check reports from VIR_FROM_DOMAIN (shutdown's own check from VIR_FROM_QEMU). */
  private static void notRunning(Runnable call) { invalid(call, "domain is not running", "VIR_FROM_DOMAIN"); }

  private static void invalid(Runnable call, String message, String errorDomain) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(LibvirtException.class, e -> {
      assertThat(e.code()).isEqualTo("VIR_ERR_OPERATION_INVALID");
      assertThat(e.codeNumber()).isEqualTo(55);
      assertThat(e.errorDomain()).isEqualTo(errorDomain);
      assertThat(e.libvirtMessage()).isEqualTo("Requested operation is not valid: " + message);
      assertThat(e.retryable()).isFalse();
    });
  }

  @Test void connectReachesTheSameHostByName() {
    kvm.domains().define(web("web1"));
    try (Kvm again = Kvm.connect("fake:///a"); Kvm other = Kvm.connect("fake:///b")) {
      assertThat(again.domains().find("web1")).isPresent();
      assertThat(other.domains().find("web1")).isEmpty();
      assertThat(again.uri()).isEqualTo("fake:///a");
    }
    assertThat(kvm.isAlive()).as("closing another connection leaves this one open").isTrue();
  }

  @Test void lifecycleAndEveryInvalidTransition() {
    Domain d = kvm.domains().define(web("web1"));
    assertThat(d.state()).isEqualTo(DomainState.SHUTOFF);
    notRunning(d::suspend);
    invalid(d::shutdown, "domain is not running");
    notRunning(d::destroy);
    notRunning(d::resume);
    d.start();
    assertThat(d.state()).isEqualTo(DomainState.RUNNING);
    invalid(d::start, "domain is already running");
    invalid(d::resume, "domain is already running");
    d.suspend();
    d.suspend();   // the QEMU driver accepts it
    assertThat(d.state()).isEqualTo(DomainState.PAUSED);
    d.resume();
    assertThat(d.spec().id()).isPresent();
    assertThat(d.inactiveSpec().id()).isEmpty();
    d.shutdown();
    assertThat(d.state()).isEqualTo(DomainState.SHUTOFF);
  }

  @Test void defineOverAnExistingName() {
    Domain d = kvm.domains().define(web("web1"));
    Domain same = kvm.domains().define(web("web1").copy(b -> b.uuid(d.uuid()).vcpu(java.util.Optional.empty())));
    assertThat(same.uuid()).isEqualTo(d.uuid());

    assertThatThrownBy(() -> kvm.domains().define(web("web1").copy(b -> b.uuid("00000000-0000-0000-0000-000000000001"))))
        .isInstanceOfSatisfying(LibvirtException.class, e -> {
          assertThat(e.code()).isEqualTo("VIR_ERR_OPERATION_FAILED");
          assertThat(e.libvirtMessage()).isEqualTo("operation failed: domain 'web1' already exists with uuid " + d.uuid());
        });
    assertThatThrownBy(() -> kvm.domains().define(web("web2").copy(b -> b.uuid(d.uuid()))))
        .isInstanceOfSatisfying(LibvirtException.class,
            e -> assertThat(e.libvirtMessage()).isEqualTo("operation failed: domain 'web1' is already defined with uuid " + d.uuid()));
  }

  @Test void redefiningARunningDomainChangesOnlyTheNextBoot() {
    Domain d = kvm.domains().define(web("web1")).start();
    kvm.domains().define(web("web1").copy(b -> b.uuid(d.uuid()).memory(io.kvmsdk.core.Size.mib(1024))));
    assertThat(d.spec().memory().orElseThrow().kib()).isEqualTo(512 * 1024);
    assertThat(d.inactiveSpec().memory().orElseThrow().kib()).isEqualTo(1024 * 1024);
    d.destroy().start();
    assertThat(d.spec().memory().orElseThrow().kib()).isEqualTo(1024 * 1024);
  }

  @Test void undefineOfARunningDomainMakesItTransientAndItVanishesWhenItStops() {
    Domain d = kvm.domains().define(web("web1")).start();
    d.setAutostart(true);
    d.undefine();
    assertThat(d.isPersistent()).isFalse();
    assertThat(d.state()).isEqualTo(DomainState.RUNNING);
    invalid(() -> d.setAutostart(true), "cannot set autostart for transient domain");
    invalid(d::undefine, "cannot undefine transient domain");
    d.destroy();
    assertThat(kvm.domains().find("web1")).isEmpty();
    assertThatThrownBy(d::start).isInstanceOfSatisfying(NotFoundException.class, e -> {
      assertThat(e.name()).isEqualTo("web1");
      assertThat(((LibvirtException) e.getCause()).code()).isEqualTo("VIR_ERR_NO_DOMAIN");
    });
  }

  @Test void eventsFollowTheLifecycle() {
    List<DomainEvent> events = new CopyOnWriteArrayList<>();
    try (KvmSubscription s = kvm.events().onLifecycle(events::add)) {
      kvm.domains().define(web("web1")).start().suspend().resume().destroy().undefine();
    }
    assertThat(events).extracting(e -> e.type() + "/" + e.detail()).containsExactly(
        "DEFINED/ADDED", "RESUMED/UNPAUSED", "STARTED/BOOTED", "SUSPENDED/PAUSED", "RESUMED/UNPAUSED",
        "SHUTDOWN/UNKNOWN", "STOPPED/DESTROYED", "UNDEFINED/REMOVED");
  }

  @Test void statsAreDrivenByTheFakeClock() {
    Domain d = kvm.domains().define(web("web1")).start();
    cluster.clock().advance(Duration.ofSeconds(10));
    DomainStats s = d.stats();
    assertThat(s.get("cpu.time")).contains(10_000_000_000L / 4 * 2);
    assertThat(s.get("block.0.name")).contains("vda");
    assertThat(s.get("block.0.rd.bytes")).contains(10L * 1048576);
    assertThat(s.get("net.0.rx.bytes")).contains(1_000_000L);
    d.suspend();
    cluster.clock().advance(Duration.ofSeconds(10));
    assertThat(d.stats().get("cpu.time")).as("a paused domain uses no CPU").contains(10_000_000_000L / 4 * 2);
  }

  @Test void internalSnapshotsNeedQcow2Disks() {
    Domain d = kvm.domains().define(web("web1"));
    assertThatThrownBy(() -> d.snapshots().create(SnapshotSpec.builder().name("s").build()))
        .isInstanceOfSatisfying(LibvirtException.class, e -> {
          assertThat(e.code()).isEqualTo("VIR_ERR_CONFIG_UNSUPPORTED");
          assertThat(e.libvirtMessage()).isEqualTo("unsupported configuration: internal snapshot for disk vda unsupported for storage type raw");
        });
  }

  static DomainSpec qcow2(String name) {
    return DomainSpec.fromXml(web(name).toXml().replace("<source file=", "<driver name='qemu' type='qcow2'/><source file="));
  }

  @Test void snapshotsRevertTheStateAndTheDefinition() {
    Domain d = kvm.domains().define(qcow2("web1")).start();
    d.snapshots().create(SnapshotSpec.builder().name("before").build());
    d.destroy();
    assertThat(d.snapshots().current()).map(x -> x.name()).contains("before");
    d.snapshots().revert("before");
    assertThat(d.state()).isEqualTo(DomainState.RUNNING);
    assertThatThrownBy(() -> d.snapshots().revert("nope")).isInstanceOf(NotFoundException.class);
    invalid(d::undefine, "cannot delete inactive domain with 1 snapshots");
    d.snapshots().delete("before");
    assertThat(d.snapshots().list()).isEmpty();
  }

  @Test void shutdownTakesFakeTimeWhenTheGuestIsSlow() {
    FakeHypervisor fake = cluster.hypervisor("a").shutdownDelay(Duration.ofSeconds(30));
    Domain d = kvm.domains().define(web("web1")).start();
    d.shutdown();
    assertThat(d.state()).isEqualTo(DomainState.RUNNING);
    cluster.clock().advance(Duration.ofSeconds(30));
    assertThat(d.state()).isEqualTo(DomainState.SHUTOFF);
    fake.close();
  }

  @Test void waitersRunInFakeTime() {
    FakeHypervisor fake = cluster.hypervisor("a").shutdownDelay(Duration.ofSeconds(30));
    Domain d = kvm.domains().define(web("web1")).start();
    long real = System.nanoTime();
    d.shutdown(Duration.ofMinutes(2));
    assertThat(d.state()).isEqualTo(DomainState.SHUTOFF);
    assertThat(cluster.clock().since(FakeClock.DEFAULT_START)).as("the waiter slept in fake time until the guest powered off")
        .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(31));

    d.start();
    fake.ignoreShutdown("web1", true);
    assertThatThrownBy(() -> d.shutdown(Duration.ofMinutes(2))).isInstanceOf(KvmTimeoutException.class)
        .hasMessageContaining("still RUNNING");
    assertThat(cluster.clock().since(FakeClock.DEFAULT_START)).isGreaterThanOrEqualTo(Duration.ofSeconds(150));
    assertThat(Duration.ofNanos(System.nanoTime() - real)).as("no real sleeping").isLessThan(Duration.ofSeconds(2));
  }

  @Test void freeMemoryFollowsTheRunningDomains() {
    cluster.hypervisor("a").resources(8, io.kvmsdk.core.Size.gib(16));
    assertThat(kvm.node().info().cpus()).isEqualTo(8);
    assertThat(kvm.node().freeMemory().bytes()).isEqualTo(16L << 30);
    Domain d = kvm.domains().define(web("web1")).start();
    assertThat(kvm.node().freeMemory().bytes()).as("web1 holds 512 MiB").isEqualTo((16L << 30) - (512L << 20));
    d.destroy();
    assertThat(kvm.node().freeMemory().bytes()).isEqualTo(16L << 30);
  }

  @Test void aLostReplyLeavesTheEffectInPlace() {
    FakeHypervisor fake = cluster.hypervisor("a");
    fake.inject(FaultRule.of(Fault.REPLY_LOST, FaultMatcher.operation("startDomain", "web1")).once());
    Domain d = kvm.domains().define(web("web1"));
    assertThatThrownBy(d::start).isInstanceOfSatisfying(KvmException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(d.state()).as("the start happened; only its reply was lost").isEqualTo(DomainState.RUNNING);
    fake.inject(FaultRule.of(Fault.REPLY_LOST, FaultMatcher.operation("domainState")).once());
    assertThatThrownBy(d::state).as("on a read it is a plain drop").isInstanceOf(KvmException.class);
    assertThat(d.state()).isEqualTo(DomainState.RUNNING);
  }

  @Test void createDomainRunsATransientDomainThatVanishesWhenItStops() {
    List<DomainEvent> seen = new CopyOnWriteArrayList<>();
    try (KvmSubscription sub = kvm.events().onLifecycle(seen::add)) {
      Domain d = kvm.domains().create(web("tmp1"));
      assertThat(d.state()).isEqualTo(DomainState.RUNNING);
      assertThat(d.isPersistent()).isFalse();
      invalid(() -> kvm.domains().create(web("tmp1").copy(b -> b.uuid(d.uuid()))), "domain 'tmp1' is already active");
      assertThatThrownBy(() -> kvm.domains().create(web("tmp1"))).isInstanceOfSatisfying(LibvirtException.class,
          e -> assertThat(e.libvirtMessage()).isEqualTo("operation failed: domain 'tmp1' already exists with uuid " + d.uuid()));
      d.destroy();
      assertThat(kvm.domains().find("tmp1")).isEmpty();
    }
    assertThat(seen).extracting(e -> e.type() + "/" + e.detail())
        .containsExactly("RESUMED/UNPAUSED", "STARTED/BOOTED", "SHUTDOWN/UNKNOWN", "STOPPED/DESTROYED");

    Domain persistent = kvm.domains().define(web("web1"));
    Domain created = kvm.domains().create(web("web1").copy(b -> b.uuid(persistent.uuid())));
    assertThat(created.isPersistent()).as("creating over an inactive persistent domain starts it").isTrue();
    assertThatThrownBy(() -> kvm.domains().create(web("web2").copy(b -> b.uuid(persistent.uuid()))))
        .isInstanceOfSatisfying(LibvirtException.class, e -> assertThat(e.code()).isEqualTo("VIR_ERR_OPERATION_FAILED"));
  }

  @Test void faultsLibvirtErrorDropCrashAndReboot() {
    FakeHypervisor fake = cluster.hypervisor("a");
    Domain d = kvm.domains().define(web("web1"));
    d.setAutostart(true);
    d.start();
    fake.inject(FaultRule.of(Fault.LIBVIRT_ERROR, FaultMatcher.operation("suspendDomain", "web1"))
        .libvirtError("VIR_ERR_OPERATION_TIMEOUT", 68).message("cannot acquire state change lock").once());
    assertThatThrownBy(d::suspend).isInstanceOfSatisfying(LibvirtException.class, e -> assertThat(e.codeNumber()).isEqualTo(68));
    d.suspend();

    fake.inject(FaultRule.of(Fault.CONNECTION_DROPPED).once());
    assertThatThrownBy(d::state).isInstanceOfSatisfying(KvmException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(kvm.isAlive()).isFalse();
    assertThat(d.state()).as("the next call reconnects").isEqualTo(DomainState.PAUSED);

    fake.crash();
    assertThatThrownBy(d::state).isInstanceOfSatisfying(KvmException.class, e -> assertThat(e.retryable()).isTrue());
    fake.reboot();
    assertThat(d.state()).as("autostart domains start at boot").isEqualTo(DomainState.RUNNING);
  }

  @Test void aHostIsOneMachineItsHypervisorAndItsCommandsGoDownAndComeBackTogether() {
    FakeHypervisor a = cluster.hypervisor("a");
    kvm.domains().define(web("web1")).start();
    FakeHost ha = cluster.host("a");
    HostCommand uptime = HostCommand.of("true");
    assertThat(ha.run(uptime).ok()).isTrue();

    a.crash();
    assertThat(ha.crashed()).isTrue();
    CommandResult r = ha.run(uptime);
    assertThat(r.connectionLost()).isTrue();
    assertThat(r.stderr()).contains("No route to host");
    assertThat(cluster.host("a")).isSameAs(ha);
    assertThat(cluster.host("b").crashed()).as("another machine").isFalse();
    ha.reboot();
    assertThat(a.crashed()).as("the machine booted: libvirtd too").isFalse();
    assertThat(kvm.domains().get("web1").state()).isEqualTo(DomainState.SHUTOFF);

    // the other way round: a crash met by a command takes the hypervisor down, and its reboot brings the runner back
    ha.inject(FaultRule.of(Fault.HOST_CRASH, FaultMatcher.command("reboot")).once());
    assertThat(ha.run(HostCommand.of("reboot", "-f")).connectionLost()).isTrue();
    assertThat(a.crashed()).isTrue();
    assertThatThrownBy(() -> kvm.domains().get("web1")).isInstanceOfSatisfying(KvmException.class, e -> assertThat(e.retryable()).isTrue());
    a.reboot();
    assertThat(ha.crashed()).isFalse();
    assertThat(ha.run(uptime).ok()).isTrue();

    // a runner asked for after the crash starts down, and a hypervisor first reached on a crashed machine is down
    cluster.hypervisor("c").crash();
    assertThat(cluster.host("c").crashed()).isTrue();
    cluster.host("d").inject(FaultRule.of(Fault.HOST_CRASH, FaultMatcher.command("true")).once());
    cluster.host("d").run(uptime);
    assertThat(cluster.hypervisor("d").crashed()).isTrue();
    // outside a cluster a FakeHost is a machine of its own
    FakeHost alone = FakeHost.create("a");
    assertThat(alone.crashed()).isFalse();
  }

  @Test void migrationMovesTheGuestOrFailsMidwayLeavingItOnTheSource() {
    FakeHypervisor a = cluster.hypervisor("a");
    FakeHypervisor b = cluster.hypervisor("b");
    kvm.domains().define(web("web1")).start();
    kvm.domains().define(web("web2")).start();

    Kvm kb = Kvm.using(b);
    a.inject(FaultRule.of(Fault.MIGRATION_FAILS_MIDWAY, FaultMatcher.operation("migrateDomain", "web2")).delay(Duration.ofSeconds(20)).once());
    assertThatThrownBy(() -> kvm.domains().get("web2").migrateTo(kb)).isInstanceOfSatisfying(LibvirtException.class,
        e -> assertThat(e.code()).isEqualTo("VIR_ERR_OPERATION_FAILED"));
    assertThat(cluster.clock().instant()).isEqualTo(FakeClock.DEFAULT_START.plusSeconds(20));
    assertThat(kvm.domains().get("web2").state()).isEqualTo(DomainState.RUNNING);
    assertThat(b.domainNames()).isEmpty();

    Domain web1 = kvm.domains().get("web1");
    Domain moved = web1.migrateTo(kb);
    assertThat(a.domainNames()).containsExactly("web2");
    try (Kvm again = Kvm.connect("fake:///b")) {
      assertThat(again.domains().get("web1").state()).isEqualTo(DomainState.RUNNING);
      assertThat(moved.isPersistent()).isTrue();
    }
    assertThatThrownBy(() -> web1.migrateTo(kb)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> moved.migrateTo(Kvm.using(cluster.hypervisor("b")))).isInstanceOfSatisfying(LibvirtException.class,
        e -> assertThat(e.libvirtMessage()).startsWith("internal error: Attempt to migrate guest to the same host "));
    assertThatThrownBy(() -> moved.migrateTo(Kvm.using(FakeHypervisor.create("c")))).isInstanceOf(KvmException.class)
        .hasMessageContaining("same fake cluster");

    moved.migrateTo(kvm, io.kvmsdk.core.domain.MigrateOption.LIVE);
    assertThat(moved.isPersistent()).as("without UNDEFINE_SOURCE the definition stays on b").isTrue();
    assertThat(moved.state()).isEqualTo(DomainState.SHUTOFF);
    assertThat(kvm.domains().get("web1").isPersistent()).as("without PERSIST_DEST it runs transient on a").isFalse();
  }
}
