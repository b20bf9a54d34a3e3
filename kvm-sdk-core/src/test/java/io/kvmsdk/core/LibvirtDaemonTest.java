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
import io.kvmsdk.core.secret.Secret;
import io.kvmsdk.core.secret.SecretSpec;
import io.kvmsdk.core.testing.Oracles;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK against a real libvirtd with QEMU (TCG) behind {@code $KVM_SDK_LIBVIRT_URI}
 * ({@code bash scripts/oracles.sh start}); skipped without it, failed in CI.
 */
class LibvirtDaemonTest {
  static final String URI = System.getenv("KVM_SDK_LIBVIRT_URI");
  static Kvm kvm;

  @BeforeAll static void connect() {
    Oracles.require(URI != null, "KVM_SDK_LIBVIRT_URI is not set: start a private libvirtd with `bash scripts/oracles.sh start`"
        + " and source /tmp/kvm-sdk-oracles/env");
    kvm = Kvm.connect(URI);
  }

  @AfterAll static void close() {
    if (kvm != null) kvm.close();
  }

  static String unique(String prefix) { return "kvmsdk-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8); }

  /** A diskless TCG guest: nothing to boot, but QEMU runs and libvirt manages it fully. */
  static DomainSpec tcgGuest(String name) {
    return DomainSpec.fromXml("<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
        + "<os><type arch='x86_64' machine='pc'>hvm</type></os>"
        + "<devices><emulator>/usr/bin/qemu-system-x86_64</emulator><graphics type='vnc' listen='127.0.0.1'/></devices></domain>");
  }

  @Test void lifecycleStatsAndEventsOnQemu() throws Exception {
    String name = unique("life");
    LinkedBlockingQueue<DomainEvent> seen = new LinkedBlockingQueue<>();
    try (KvmSubscription sub = kvm.events().onLifecycle(e -> {
      if (e.domainName().equals(name)) seen.add(e);
    })) {
      Domain d = kvm.domains().define(tcgGuest(name));
      assertThat(d.state()).isEqualTo(DomainState.SHUTOFF);
      d.start();
      assertThat(d.state()).isEqualTo(DomainState.RUNNING);
      assertThat(d.spec().devices()).isNotNull();
      assertThat(d.spec().id()).isPresent();

      DomainStats s = d.stats();
      assertThat(s.state()).isEqualTo(DomainState.RUNNING);
      assertThat(s.cpuTimeNanos()).isPresent();
      assertThat(s.cpuTimeNanos().getAsLong()).isPositive();
      assertThat(s.balloonMaximumKiB()).hasValue(65536);
      assertThat(s.raw()).containsKeys("vcpu.current", "block.count", "net.count");
      assertThat(s.disks()).isEmpty();
      assertThat(kvm.domains().stats().get(name).cpuTimeNanos()).isPresent();

      d.suspend();
      assertThat(d.state()).isEqualTo(DomainState.PAUSED);
      d.resume();
      assertThatThrownBy(d::resume).isInstanceOfSatisfying(LibvirtException.class, e -> {
        assertThat(e.code()).isEqualTo("VIR_ERR_OPERATION_INVALID");
        assertThat(e.codeNumber()).isEqualTo(55);
        assertThat(e.errorDomain()).isEqualTo("VIR_FROM_QEMU");
        assertThat(e.retryable()).isFalse();
      });

      // internal snapshots need qcow2 disks; libvirt refuses a diskless guest's snapshot
      assertThatThrownBy(() -> d.snapshots().create(SnapshotSpec.builder().name("s1").build()))
          .isInstanceOfSatisfying(LibvirtException.class, e -> assertThat(e.code()).isEqualTo("VIR_ERR_CONFIG_UNSUPPORTED"));
      assertThat(d.snapshots().list()).isEmpty();

      d.destroy();
      assertThat(d.state()).isEqualTo(DomainState.SHUTOFF);
      d.undefine();
      assertThat(kvm.domains().find(name)).isEmpty();

      DomainEventType[] expected = {DomainEventType.DEFINED, DomainEventType.STARTED, DomainEventType.SUSPENDED,
          DomainEventType.RESUMED, DomainEventType.STOPPED, DomainEventType.UNDEFINED};
      for (DomainEventType t : expected) {
        DomainEvent e;
        do {
          e = seen.poll(10, TimeUnit.SECONDS);
          assertThat(e).as("waiting for %s", t).isNotNull();
        } while (e.type() != t);   // QEMU may add events (e.g. RESUMED after STARTED) in between
      }
    } finally {
      cleanup(name);
    }
  }

  @Test void secretsDefineSetFindUndefine() {
    String usage = unique("ceph") + ".client";
    Secret s = kvm.secrets().define(SecretSpec.ceph(usage).description("kvm-sdk test").build());
    try {
      s.setValue("AQB-not-a-real-key==".toCharArray());
      s.setValue(new byte[] {1, 2, 3});
      assertThat(s.spec().usageName()).contains(usage);
      assertThat(kvm.secrets().list()).contains(s);
      assertThat(kvm.secrets().find(s.uuid())).contains(s);
      assertThat(kvm.secrets().find(usage)).contains(s);
      assertThat(s.toString()).isEqualTo("Secret[" + s.uuid() + "]");
    } finally {
      s.undefine();
    }
    assertThat(kvm.secrets().find(s.uuid())).isEmpty();
    assertThatThrownBy(() -> s.setValue(new byte[] {9})).isInstanceOfSatisfying(NotFoundException.class, e -> {
      assertThat(e.kind()).isEqualTo("secret");
      assertThat(((LibvirtException) e.getCause()).code()).isEqualTo("VIR_ERR_NO_SECRET");
    });
  }

  @Test void shutdownWithTimeoutOnAGuestWithoutAnOsTimesOut() {
    String name = unique("shut");
    Domain d = kvm.domains().define(tcgGuest(name)).start();
    try {
      // nothing in the guest answers ACPI: the request is accepted, the wait times out
      assertThatThrownBy(() -> d.shutdown(Duration.ofMillis(600))).isInstanceOfSatisfying(KvmTimeoutException.class, e -> {
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains(name).contains("SHUTOFF");
      });
    } finally {
      cleanup(name);
    }
  }

  @Test void snapshotsAndDiskStatsOnAQcow2Guest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path disk = dir.resolve("disk.qcow2");
    Process p = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", disk.toString(), "16M").inheritIO().start();
    Oracles.require(p.waitFor() == 0, "qemu-img (qemu-utils) could not create a qcow2 image");
    String name = unique("snap");
    Domain d = kvm.domains().define(DomainSpec.fromXml("<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>64</memory>"
        + "<vcpu>1</vcpu><os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os><devices>"
        + "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='" + disk + "'/>"
        + "<target dev='vda' bus='virtio'/></disk><graphics type='vnc' listen='127.0.0.1'/></devices></domain>")).start();
    try {
      // SeaBIOS reads the boot sector: real per-disk counters from the bulk stats
      long end = System.nanoTime() + 15_000_000_000L;
      while (d.stats().disks().get(0).rdReqs() <= 0 && System.nanoTime() < end) Thread.sleep(200);
      DomainStats st = d.stats();
      assertThat(st.disks()).hasSize(1);
      assertThat(st.disks().get(0).name()).isEqualTo("vda");
      assertThat(st.disks().get(0).rdReqs()).isPositive();
      assertThat(st.disks().get(0).rdBytes()).isPositive();
      assertThat(st.disks().get(0).wrBytes()).isGreaterThanOrEqualTo(0);

      DomainSnapshot s1 = d.snapshots().create(SnapshotSpec.builder().name("s1").description("booted").build());
      assertThat(d.snapshots().list()).containsExactly(s1);
      assertThat(d.snapshots().current()).contains(s1);
      assertThat(s1.spec().state()).contains("running");
      d.suspend();
      s1.revert();
      assertThat(d.state()).isEqualTo(DomainState.RUNNING);
      assertThatThrownBy(() -> d.snapshots().revert("nope")).isInstanceOf(NotFoundException.class);
      // a domain with snapshots is undefined only together with their metadata
      d.destroy();
      assertThatThrownBy(d::undefine).isInstanceOfSatisfying(LibvirtException.class,
          e -> assertThat(e.code()).isEqualTo("VIR_ERR_OPERATION_INVALID"));
      s1.delete();
      assertThat(d.snapshots().list()).isEmpty();
    } finally {
      cleanup(name);
    }
  }

  static void cleanup(String name) {
    kvm.domains().find(name).ifPresent(d -> {
      if (d.state().isActive()) d.destroy();
      d.undefine(io.kvmsdk.core.domain.UndefineOption.SNAPSHOTS_METADATA);
    });
  }
}
