package io.kvmsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainEvent;
import io.kvmsdk.core.domain.DomainEventType;
import io.kvmsdk.core.domain.DomainSnapshot;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.domain.DomainStats;
import io.kvmsdk.core.domain.SnapshotSpec;
import io.kvmsdk.core.internal.libvirt.LibvirtRuntime;
import io.kvmsdk.core.testing.Oracles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SDK against libvirt's test driver ({@code test:///default}): real libvirt, no daemon. */
class KvmTestDriverTest {
  static Kvm kvm;

  @BeforeAll static void connect() {
    Oracles.require(LibvirtRuntime.missing(Kvm.class.getClassLoader()).isEmpty(),
        "libvirt is not usable here: " + LibvirtRuntime.missing(Kvm.class.getClassLoader()).orElse(""));
    kvm = Kvm.connect("test:///default");
  }

  @AfterAll static void close() {
    if (kvm != null) kvm.close();
  }

  static String unique(String prefix) { return prefix + "-" + UUID.randomUUID().toString().substring(0, 8); }

  static DomainSpec testDomain(String name) {
    return DomainSpec.fromXml("<domain type='test'><name>" + name + "</name><memory unit='MiB'>64</memory>"
        + "<vcpu>1</vcpu><os><type>hvm</type></os></domain>");
  }

  @Test void fullLifecycle() {
    String name = unique("life");
    Domain d = kvm.domains().define(testDomain(name));
    try {
      assertThat(d.name()).isEqualTo(name);
      assertThat(d.uuid()).matches("[0-9a-f-]{36}");
      assertThat(d.state()).isEqualTo(DomainState.SHUTOFF);
      assertThat(d.isPersistent()).isTrue();
      assertThat(d.toString()).isEqualTo("Domain[" + name + " SHUTOFF]");

      d.start();
      assertThat(d.state()).isEqualTo(DomainState.RUNNING);
      assertThat(d.toString()).isEqualTo("Domain[" + name + " RUNNING]");
      d.suspend();
      assertThat(d.state()).isEqualTo(DomainState.PAUSED);
      d.resume();
      assertThat(d.state()).isEqualTo(DomainState.RUNNING);
      d.reboot();
      assertThat(d.waitFor(DomainState.RUNNING, Duration.ofSeconds(5)).state()).isEqualTo(DomainState.RUNNING);

      assertThat(d.spec().name()).isEqualTo(name);
      assertThat(d.spec().id()).isPresent();          // live XML carries the runtime id
      assertThat(d.inactiveSpec().id()).isEmpty();

      d.setAutostart(true);
      assertThat(d.autostart()).isTrue();
      d.setAutostart(false);
      assertThat(d.autostart()).isFalse();

      d.shutdown(Duration.ofSeconds(10));
      assertThat(d.state()).isEqualTo(DomainState.SHUTOFF);
      d.start().destroy();
      assertThat(d.state()).isEqualTo(DomainState.SHUTOFF);
    } finally {
      cleanup(name);
    }
    assertThat(kvm.domains().find(name)).isEmpty();
  }

  @Test void findGetList() {
    String name = unique("find");
    kvm.domains().define(testDomain(name));
    try {
      assertThat(kvm.domains().find(name)).map(Domain::name).contains(name);
      assertThat(kvm.domains().get(name).uuid()).isEqualTo(kvm.domains().find(name).orElseThrow().uuid());
      assertThat(kvm.domains().list()).extracting(Domain::name).contains(name, "test");
      assertThat(kvm.domains().find("no-such-" + name)).isEmpty();
      assertThatThrownBy(() -> kvm.domains().get("no-such-" + name))
          .isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.kind()).isEqualTo("domain");
            assertThat(e.name()).isEqualTo("no-such-" + name);
          });
    } finally {
      cleanup(name);
    }
  }

  @Test void callOnAnUndefinedDomainIsNotFoundWithLibvirtsCodeAsCause() {
    String name = unique("gone");
    Domain d = kvm.domains().define(testDomain(name));
    d.undefine();
    assertThatThrownBy(d::start).isInstanceOfSatisfying(NotFoundException.class, e -> {
      assertThat(e.name()).isEqualTo(name);
      assertThat(e.getCause()).isInstanceOfSatisfying(LibvirtException.class, le -> {
        assertThat(le.code()).isEqualTo("VIR_ERR_NO_DOMAIN");
        assertThat(le.codeNumber()).isEqualTo(42);
      });
    });
  }

  @Test void aDomainRecreatedByAnotherThreadUnderTheSameNameIsTheOneActedOn() throws Exception {
    String name = unique("again");
    Domain mine = kvm.domains().define(testDomain(name));   // this thread now keeps a handle to it
    mine.start();
    String[] newUuid = new String[1];
    Thread other = new Thread(() -> {
      Domain d = kvm.domains().get(name);
      d.destroy();
      d.undefine();
      newUuid[0] = kvm.domains().define(testDomain(name)).uuid();
    });
    other.start();
    other.join();
    assertThat(newUuid[0]).isNotEqualTo(mine.uuid());
    mine.start();   // the kept handle points at the old UUID: libvirt says no such domain, the name is looked up again
    assertThat(kvm.domains().get(name).uuid()).isEqualTo(newUuid[0]);
    assertThat(mine.state()).isEqualTo(DomainState.RUNNING);
    mine.destroy();
    mine.undefine();
  }

  @Test void invalidTransitionsCarryLibvirtsCode() {
    String name = unique("bad");
    Domain d = kvm.domains().define(testDomain(name)).start();
    try {
      // the test driver reports these as internal errors; qemu says VIR_ERR_OPERATION_INVALID (see LibvirtDaemonTest)
      assertThatThrownBy(d::resume).isInstanceOfSatisfying(LibvirtException.class, e -> {
        assertThat(e.code()).isEqualTo("VIR_ERR_INTERNAL_ERROR");
        assertThat(e.codeNumber()).isEqualTo(1);
        assertThat(e.errorDomain()).isEqualTo("VIR_FROM_TEST");
        assertThat(e.libvirtMessage()).contains("not paused");
        assertThat(e.getMessage()).contains("resume domain '" + name + "'");
        assertThat(e.retryable()).isFalse();
      });
      assertThatThrownBy(d::start).isInstanceOfSatisfying(LibvirtException.class, e -> {
        assertThat(e.code()).isEqualTo("VIR_ERR_INTERNAL_ERROR");
        assertThat(e.libvirtMessage()).contains("running");
      });
      d.destroy();
      assertThatThrownBy(d::suspend).isInstanceOf(LibvirtException.class);
    } finally {
      cleanup(name);
    }
  }

  @Test void defineRejectsWhatLibvirtRejects() {
    String name = unique("dup");
    kvm.domains().define(testDomain(name));
    try {
      DomainSpec other = testDomain(name).copy(b -> b.uuid(UUID.randomUUID().toString()));
      assertThatThrownBy(() -> kvm.domains().define(other)).isInstanceOfSatisfying(LibvirtException.class, e -> {
        assertThat(e.code()).isEqualTo("VIR_ERR_OPERATION_FAILED");
        assertThat(e.libvirtMessage()).contains("already exists with uuid");
      });
    } finally {
      cleanup(name);
    }
  }

  @Test void aDomainLibvirtsParserRefusesIsRefusedBeforeItReachesLibvirt() {
    assertThatThrownBy(() -> DomainSpec.fromXml("<domain type='test'><name>" + unique("noos") + "</name><memory unit='MiB'>64</memory></domain>"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("domain/os/type"));
  }

  @Test void snapshotsCreateListRevertDelete() {
    String name = unique("snap");
    Domain d = kvm.domains().define(testDomain(name)).start();
    try {
      assertThat(d.snapshots().list()).isEmpty();
      assertThat(d.snapshots().current()).isEmpty();
      DomainSnapshot s1 = d.snapshots().create(SnapshotSpec.builder().name("s1").description("running").build());
      assertThat(s1.name()).isEqualTo("s1");
      d.suspend();
      DomainSnapshot s2 = d.snapshots().create(SnapshotSpec.builder().name("s2").build());
      assertThat(d.snapshots().list()).containsExactlyInAnyOrder(s1, s2);
      assertThat(d.snapshots().current()).contains(s2);
      assertThat(s2.spec().state()).contains("paused");
      assertThat(s2.spec().parent()).isPresent();

      d.snapshots().revert("s1");
      assertThat(d.state()).isEqualTo(DomainState.RUNNING);
      assertThat(d.snapshots().current()).contains(s1);
      s2.revert();
      assertThat(d.state()).isEqualTo(DomainState.PAUSED);

      assertThat(d.snapshots().get("s1").spec().description()).contains("running");
      assertThatThrownBy(() -> d.snapshots().get("nope")).isInstanceOfSatisfying(NotFoundException.class,
          e -> assertThat(e.kind()).isEqualTo("snapshot"));
      assertThatThrownBy(() -> d.snapshots().revert("nope")).isInstanceOfSatisfying(NotFoundException.class,
          e -> assertThat(((LibvirtException) e.getCause()).code()).isEqualTo("VIR_ERR_NO_DOMAIN_SNAPSHOT"));

      s2.delete();
      d.snapshots().delete("s1");
      assertThat(d.snapshots().list()).isEmpty();
    } finally {
      cleanup(name);
    }
  }

  @Test void statsAsFarAsTheTestDriverReportsThem() {
    String name = unique("stats");
    Domain d = kvm.domains().define(testDomain(name)).start();
    try {
      DomainStats s = d.stats();
      assertThat(s.domainName()).isEqualTo(name);
      assertThat(s.state()).isEqualTo(DomainState.RUNNING);
      assertThat(s.raw()).containsEntry("state.state", 1);
      d.suspend();
      assertThat(d.stats().state()).isEqualTo(DomainState.PAUSED);
      assertThat(kvm.domains().stats()).containsKey(name).containsKey("test");
      assertThat(kvm.domains().stats().get(name).state()).isEqualTo(DomainState.PAUSED);
    } finally {
      cleanup(name);
    }
  }

  @Test void lifecycleEventsAreDelivered() throws Exception {
    String name = unique("events");
    LinkedBlockingQueue<DomainEvent> seen = new LinkedBlockingQueue<>();
    try (KvmSubscription sub = kvm.events().onLifecycle(e -> {
      if (e.domainName().equals(name)) seen.add(e);
    })) {
      Domain d = kvm.domains().define(testDomain(name));
      d.start().suspend().resume().destroy();
      d.undefine();
      List<DomainEventType> types = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        DomainEvent e = seen.poll(5, TimeUnit.SECONDS);
        assertThat(e).as("event %d of %s (got %s)", i, name, types).isNotNull();
        types.add(e.type());
        if (e.type() == DomainEventType.SUSPENDED) assertThat(e.detail()).isEqualTo("PAUSED");
      }
      assertThat(types).containsExactly(DomainEventType.DEFINED, DomainEventType.STARTED, DomainEventType.SUSPENDED,
          DomainEventType.RESUMED, DomainEventType.STOPPED, DomainEventType.UNDEFINED);
    } finally {
      cleanup(name);
    }
  }

  @Test void manyThreadsShareOneConnection() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<String> names = new ArrayList<>();
    try {
      List<Future<DomainState>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String name = unique("mt" + i);
        names.add(name);
        results.add(pool.submit(() -> {
          Domain d = kvm.domains().define(testDomain(name)).start();
          for (int k = 0; k < 10; k++) d.suspend().resume();
          kvm.domains().list();
          DomainState st = kvm.domains().get(name).state();
          d.destroy().undefine();
          return st;
        }));
      }
      for (Future<DomainState> f : results) assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(DomainState.RUNNING);
      assertThat(kvm.domains().list()).extracting(Domain::name).doesNotContainAnyElementsOf(names);
    } finally {
      pool.shutdownNow();
      names.forEach(KvmTestDriverTest::cleanup);
    }
  }

  @Test void closingWhileOtherThreadsCallIsSafe() throws Exception {
    Kvm shared = Kvm.connect("test:///default");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> calls = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        calls.add(pool.submit(() -> {
          int ok = 0;
          for (int i = 0; i < 2000; i++) {
            try {
              shared.domains().get("test").state();
              ok++;
            } catch (KvmException e) {
              assertThat(e).hasMessageContaining("closed");
              return ok;
            }
          }
          return ok;
        }));
      }
      Thread.sleep(50);
      shared.close();
      for (Future<Integer> f : calls) assertThat(f.get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(0);
      assertThatThrownBy(() -> shared.domains().list()).hasMessageContaining("closed");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test void closedConnectionSaysSo() {
    Kvm other = Kvm.connect("test:///default");
    assertThat(other.isAlive()).isTrue();
    other.close();
    other.close();   // idempotent
    assertThat(other.isAlive()).isFalse();
    assertThatThrownBy(() -> other.domains().list()).isInstanceOf(KvmException.class).hasMessageContaining("closed");
  }

  @Test void connectFailureIsARetryableLibvirtException() {
    // no daemon behind the socket: libvirt's RPC layer says so, and a later attempt may succeed
    String uri = "qemu:///system?socket=/tmp/kvm-sdk-no-such-dir/libvirt-sock";
    assertThatThrownBy(() -> Kvm.connect(uri)).isInstanceOfSatisfying(LibvirtException.class, e -> {
      assertThat(e.code()).isEqualTo("VIR_ERR_SYSTEM_ERROR");
      assertThat(e.errorDomain()).isEqualTo("VIR_FROM_RPC");
      assertThat(e.getMessage()).contains(uri).contains("No such file or directory");
      assertThat(e.retryable()).isTrue();
    });
  }

  static void cleanup(String name) {
    kvm.domains().find(name).ifPresent(d -> {
      if (d.state().isActive()) d.destroy();
      d.undefine(io.kvmsdk.core.domain.UndefineOption.SNAPSHOTS_METADATA);
    });
  }
}
