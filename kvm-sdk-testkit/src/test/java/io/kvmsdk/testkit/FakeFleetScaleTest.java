package io.kvmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.domain.DomainStats;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.Os;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A fleet of fake hosts with running domains behaves as each host alone does (behaviour only; timing is in the benchmarks). */
class FakeFleetScaleTest {
  private static final int HOSTS = 100;
  private static final int PER_HOST = 32;

  private static DomainSpec guest(int host, int n) {
    return DomainSpec.builder().type("kvm").name("vm" + n).vcpus(2).memory(Size.mib(512)).os(Os.hvm())
        .addDisk(Disk.file("/var/lib/libvirt/images/hv" + host + "-vm" + n + ".qcow2").qcow2().target("vda", "virtio"))
        .addInterface(Nic.network("default").virtio().mac(String.format("52:54:00:%02x:%02x:%02x", host >> 8, host & 0xff, n)))
        .build();
  }

  private static FakeCluster fleet() {
    FakeCluster cluster = FakeCluster.create();
    for (int h = 0; h < HOSTS; h++) {
      try (Kvm kvm = Kvm.using(cluster.hypervisor("hv" + h))) {
        for (int n = 0; n < PER_HOST; n++) kvm.domains().define(guest(h, n)).start();
      }
    }
    return cluster;
  }

  @Test void everyDomainOfEveryHostRunsWithItsOwnIdAndUuid() {
    FakeCluster cluster = fleet();
    assertThat(cluster.hypervisorNames()).hasSize(HOSTS);
    Set<String> uuids = new HashSet<>();
    for (String host : cluster.hypervisorNames()) {
      try (Kvm kvm = Kvm.using(cluster.hypervisor(host))) {
        List<Domain> domains = kvm.domains().list();
        assertThat(domains).hasSize(PER_HOST);
        Set<Integer> ids = new HashSet<>();
        for (Domain d : domains) {
          assertThat(d.state()).isEqualTo(DomainState.RUNNING);
          assertThat(d.isPersistent()).isTrue();
          DomainSpec live = d.spec();
          assertThat(live.uuid()).contains(d.uuid());
          ids.add(live.id().orElseThrow());
          DomainSpec inactive = d.inactiveSpec();
          assertThat(inactive.id()).isEmpty();
          // as libvirt shows it: the same disk, with its runtime alias and index only while running
          assertThat(inactive.devices().disks()).singleElement().satisfies(disk -> assertThat(disk.alias()).isEmpty());
          assertThat(live.devices().disks()).singleElement().satisfies(disk -> {
            assertThat(disk.alias()).contains("virtio-disk0");
            assertThat(disk.address()).isEqualTo(inactive.devices().disks().get(0).address());
          });
          // at start libvirt gives each interface a tap and names its network's bridge; the definition keeps neither
          assertThat(live.devices().interfaces()).singleElement().satisfies(n -> {
            assertThat(n.target().flatMap(t -> t.dev())).hasValueSatisfying(dev -> assertThat(dev).startsWith("vnet"));
            assertThat(n.source().flatMap(x -> x.bridge())).contains("virbr0");
          });
          assertThat(inactive.devices().interfaces()).singleElement().satisfies(n -> assertThat(n.target()).isEmpty());
          uuids.add(d.uuid());
        }
        // ids count up per host from 1, as libvirtd's do
        assertThat(ids).hasSize(PER_HOST).allSatisfy(id -> assertThat(id).isBetween(1, PER_HOST));
      }
    }
    assertThat(uuids).hasSize(HOSTS * PER_HOST);
  }

  @Test void bulkStatisticsCoverEveryDomainOfEveryHost() {
    FakeCluster cluster = fleet();
    cluster.clock().advance(Duration.ofSeconds(10));
    int total = 0;
    for (String host : cluster.hypervisorNames()) {
      try (Kvm kvm = Kvm.using(cluster.hypervisor(host))) {
        Map<String, DomainStats> stats = kvm.domains().stats();
        assertThat(stats).hasSize(PER_HOST);
        for (DomainStats s : stats.values()) {
          assertThat(s.state()).isEqualTo(DomainState.RUNNING);
          assertThat(s.cpuTimeNanos()).hasValue(Duration.ofSeconds(10).toNanos() / 4 * 2);   // 2 vCPUs busy 25%
          assertThat(s.balloonMaximumKiB()).hasValue(512 * 1024);
          assertThat(s.disks()).singleElement().satisfies(x -> {
            assertThat(x.name()).isEqualTo("vda");
            assertThat(x.rdBytes()).isEqualTo(10 * 1048576L);
          });
          assertThat(s.interfaces()).hasSize(1);
        }
        total += stats.size();
      }
    }
    assertThat(total).isEqualTo(HOSTS * PER_HOST);
  }

  @Test void aRedefinitionWhileRunningTakesEffectAtTheNextBootOnEveryHost() {
    FakeCluster cluster = fleet();
    for (String host : cluster.hypervisorNames()) {
      try (Kvm kvm = Kvm.using(cluster.hypervisor(host))) {
        Domain d = kvm.domains().get("vm7");
        kvm.domains().define(d.inactiveSpec().copy(b -> b.memory(Size.gib(1))));
        assertThat(d.stats().balloonMaximumKiB()).hasValue(512 * 1024);   // the live definition is unchanged
        assertThat(d.spec().memory().map(Size::bytes)).contains(Size.mib(512).bytes());   // libvirt shows it in KiB
        d.destroy();
        assertThat(d.stats().state()).isEqualTo(DomainState.SHUTOFF);
        assertThat(d.stats().balloonMaximumKiB()).hasValue(1024 * 1024);
        d.start();
        assertThat(d.spec().id()).contains(PER_HOST + 1);
        assertThat(d.stats().balloonMaximumKiB()).hasValue(1024 * 1024);
        assertThat(kvm.domains().list()).hasSize(PER_HOST);
        assertThat(kvm.domains().stats().values()).extracting(DomainStats::state).containsOnly(DomainState.RUNNING);
      }
    }
  }
}
