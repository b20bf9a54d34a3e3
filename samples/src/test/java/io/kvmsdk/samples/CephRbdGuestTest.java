package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.common.SourceHost;
import io.kvmsdk.core.domain.Domain;
import org.junit.jupiter.api.Test;

/** The Ceph sample: its dry run, and its secret, rbd pool and guest on a fake hypervisor. */
class CephRbdGuestTest {
  @Test void dryRunAnswersAndTheGuestIsDefinedWithItsRbdDisk() {
    var lines = CephRbdGuest.dryRun(CephRbdGuest.crushMap());
    assertThat(lines.get(0)).contains("128 complete, 0 short").endsWith("all in distinct racks: true");
    assertThat(lines.get(1)).startsWith("host0 fails: ").contains("PGs change");
    assertThat(lines.get(2)).isEqualTo("pool warnings: []");
    try (Kvm kvm = Kvm.connect("fake:///ceph-rbd-test")) {
      Domain d = CephRbdGuest.define(kvm, "AQBsecretsecretsecretsecretsecret==".toCharArray(), SourceHost.of("10.0.0.1", 6789), SourceHost.of("10.0.0.2", 6789));
      var source = d.spec().devices().disks().get(0).source().orElseThrow();
      assertThat(source.protocol()).hasValue("rbd");
      assertThat(source.name()).hasValue("vms/web1");
      assertThat(source.hosts()).hasSize(2);
      assertThat(kvm.pools().get("ceph-vms").spec().source().orElseThrow().hosts()).hasSize(2);
      assertThat(kvm.secrets().get("client.libvirt").spec().toString()).doesNotContain("AQBsecret");
    }
  }
}
