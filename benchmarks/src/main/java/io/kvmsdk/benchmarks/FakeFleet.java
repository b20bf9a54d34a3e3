package io.kvmsdk.benchmarks;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.Os;
import io.kvmsdk.testkit.FakeCluster;

/** Builds a fleet of fake hosts, each with running domains defined and started through the public API. */
final class FakeFleet {
  private FakeFleet() {}

  /** A small realistic guest: 2 vCPUs, 512 MiB, a qcow2 virtio disk and a virtio NIC on {@code default}. */
  static DomainSpec spec(int host, int guest) {
    String name = "vm" + guest;
    return DomainSpec.builder()
        .type("kvm")
        .name(name)
        .vcpus(2)
        .memory(Size.mib(512))
        .os(Os.hvm())
        .addDisk(Disk.file("/var/lib/libvirt/images/hv" + host + "-" + name + ".qcow2").qcow2().target("vda", "virtio"))
        .addInterface(Nic.network("default").virtio().mac(mac(host, guest)))
        .build();
  }

  /** A locally administered unicast MAC unique per (host, guest). */
  static String mac(int host, int guest) {
    return "52:54:00:" + hex(host >> 8) + ":" + hex(host) + ":" + hex(guest);
  }

  private static String hex(int b) {
    String h = Integer.toHexString(b & 0xff);
    return h.length() == 1 ? "0" + h : h;
  }

  /** Builds the specs and defines and starts {@code perHost} domains on each of {@code hosts} hosts {@code hv0..}. */
  static FakeCluster build(int hosts, int perHost) {
    FakeCluster cluster = FakeCluster.create();
    for (int h = 0; h < hosts; h++) {
      try (Kvm kvm = Kvm.using(cluster.hypervisor("hv" + h))) {
        for (int g = 0; g < perHost; g++) kvm.domains().define(spec(h, g)).start();
      }
    }
    return cluster;
  }

  /** Every spec of the fleet, built ahead: {@code specs[host][guest]}. */
  static DomainSpec[][] specs(int hosts, int perHost) {
    DomainSpec[][] specs = new DomainSpec[hosts][perHost];
    for (int h = 0; h < hosts; h++) for (int g = 0; g < perHost; g++) specs[h][g] = spec(h, g);
    return specs;
  }

  /** Defines and starts the given specs, {@code specs[h]} on host {@code hv<h>}. */
  static FakeCluster build(DomainSpec[][] specs) {
    FakeCluster cluster = FakeCluster.create();
    for (int h = 0; h < specs.length; h++) {
      try (Kvm kvm = Kvm.using(cluster.hypervisor("hv" + h))) {
        for (DomainSpec spec : specs[h]) kvm.domains().define(spec).start();
      }
    }
    return cluster;
  }
}
