package io.kvmsdk.benchmarks;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.Os;
import io.kvmsdk.testkit.FakeCluster;
import java.util.Locale;

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
    return String.format(Locale.ROOT, "52:54:00:%02x:%02x:%02x", (host >> 8) & 0xff, host & 0xff, guest & 0xff);
  }

  /** Defines and starts {@code perHost} domains on each of {@code hosts} hosts {@code hv0..}. */
  static FakeCluster build(int hosts, int perHost) {
    FakeCluster cluster = FakeCluster.create();
    for (int h = 0; h < hosts; h++) {
      try (Kvm kvm = Kvm.using(cluster.hypervisor("hv" + h))) {
        for (int g = 0; g < perHost; g++) kvm.domains().define(spec(h, g)).start();
      }
    }
    return cluster;
  }
}
