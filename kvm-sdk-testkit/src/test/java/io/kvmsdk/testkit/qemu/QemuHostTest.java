package io.kvmsdk.testkit.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Console;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Graphics;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.Os;
import io.kvmsdk.core.domain.Serial;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What one host generates across its domains: MACs, taps, ptys and display ports, as a user's test sees them. */
class QemuHostTest {
  static DomainSpec guest(String name) {
    return DomainSpec.builder().type("qemu").name(name).memory(Size.mib(64)).vcpus(1).os(Os.hvm("x86_64", "q35"))
        .addDisk(Disk.file("/var/lib/libvirt/images/" + name + ".img").virtio())
        .addInterface(Nic.network("default").virtio())
        .addSerial(Serial.pty())
        .addGraphics(Graphics.vnc())
        .build();
  }

  static QemuDefaults.LiveContext start(QemuHost host, int id) {
    return QemuDefaults.LiveContext.of(host, id, n -> n.equals("default") ? Optional.of("virbr0") : Optional.empty());
  }

  @Test void afterDefineATestReadsTheMacAndTheDiskAddressLikeOnLibvirt() {
    DomainSpec defined = QemuDefaults.inactive(guest("web1"), QemuHost.seeded(7));

    assertThat(defined.devices().interfaces().get(0).mac().flatMap(m -> m.address()).orElseThrow()).matches("52:54:00(:[0-9a-f]{2}){3}");
    assertThat(defined.devices().disks().get(0).address().flatMap(a -> a.pciId())).contains("0000:03:00.0");
    assertThat(defined.os().flatMap(o -> o.type()).flatMap(t -> t.machine())).contains("pc-q35-7.2");
    assertThat(defined.devices().consoles()).extracting(c -> c.target().flatMap(t -> t.type()).orElse("")).containsExactly("serial");
  }

  @Test void aSeededHostGeneratesTheSameValuesEveryRunAndDistinctOnesWithin() {
    QemuHost a = QemuHost.seeded(42);
    QemuHost b = QemuHost.seeded(42);
    assertThat(a.newMac()).isEqualTo(b.newMac());
    assertThat(a.newUuid()).isEqualTo(b.newUuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(a.newMac()).isNotEqualTo(a.newMac());
  }

  @Test void tapsCountUpForTheDaemonsLifetimeWhilePtysAndDisplayPortsAreReused() {
    QemuHost host = QemuHost.seeded(1);
    DomainSpec one = QemuDefaults.live(QemuDefaults.inactive(guest("one"), host), start(host, 1));
    DomainSpec two = QemuDefaults.live(QemuDefaults.inactive(guest("two"), host), start(host, 2));

    assertThat(one.devices().interfaces().get(0).target().flatMap(t -> t.dev())).contains("vnet0");
    assertThat(two.devices().interfaces().get(0).target().flatMap(t -> t.dev())).contains("vnet1");
    assertThat(one.devices().interfaces().get(0).source().flatMap(s -> s.bridge())).contains("virbr0");
    assertThat(one.devices().serials().get(0).source().flatMap(s -> s.path())).contains("/dev/pts/0");
    assertThat(two.devices().serials().get(0).source().flatMap(s -> s.path())).contains("/dev/pts/1");
    Console console = two.devices().consoles().get(0);
    assertThat(console.tty()).contains("/dev/pts/1");
    assertThat(one.devices().graphics().get(0).port()).contains(5900);
    assertThat(two.devices().graphics().get(0).port()).contains(5901);

    host.release(one);   // domain one stops
    DomainSpec three = QemuDefaults.live(QemuDefaults.inactive(guest("three"), host), start(host, 3));
    assertThat(three.devices().interfaces().get(0).target().flatMap(t -> t.dev())).contains("vnet2");
    assertThat(three.devices().serials().get(0).source().flatMap(s -> s.path())).contains("/dev/pts/0");
    assertThat(three.devices().graphics().get(0).port()).contains(5900);
  }
}
