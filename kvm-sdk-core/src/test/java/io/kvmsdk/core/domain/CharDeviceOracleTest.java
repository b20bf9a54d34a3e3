package io.kvmsdk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.testing.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libvirt itself (virsh on the test:///default driver, schema validation on) as the oracle for the
 * character and small devices: it accepts what the SDK renders and rejects what the SDK rejects.
 */
class CharDeviceOracleTest {
  @TempDir static Path dir;

  @BeforeAll
  static void needVirsh() {
    boolean found = false;
    for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!p.isEmpty() && Files.isExecutable(Path.of(p, "virsh"))) found = true;
    }
    Oracles.require(found, "virsh (libvirt-clients) is not installed");
  }

  record Result(int exit, String output) {}

  static Result virsh(String xml, String commands) throws IOException, InterruptedException {
    Path f = Files.createTempFile(dir, "domain", ".xml");
    Files.writeString(f, xml);
    Process p = new ProcessBuilder("virsh", "-q", "-c", "test:///default", commands.replace("FILE", f.toString()))
        .redirectErrorStream(true).start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("virsh timed out");
    }
    return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  static String testDomain(String devicesXml) {
    return CharDeviceTest.BASE.replace("type='kvm'", "type='test'").replace("<devices/>", "<devices>" + devicesXml + "</devices>");
  }

  @Test
  void libvirtDefinesEveryRenderedDeviceAndKeepsIt() throws Exception {
    DomainSpec spec = CharDeviceTest.domain(d -> d
        .addSerial(Serial.tcp(CharDevSource.connect("127.0.0.1", "2445").withReconnect(10), "telnet"))
        .addSerial(Serial.builder().type("udp").addSource(CharDevSource.bind("0.0.0.0", "2445"))
            .addSource(CharDevSource.connect("192.168.1.1", "2445")).build())
        .addSerial(Serial.builder().type("file").addSource(CharDevSource.builder().path("/tmp/serial.log").append(true)
            .addSeclabel(CharDevSeclabel.noRelabel("dac")).build()).build().withLog("/var/log/t-serial.log"))
        .addParallel(Parallel.file("/tmp/parallel"))
        .addChannel(GuestAgent.channel())
        .addChannel(Channel.unix("/tmp/guestfwd", "x").withTarget(CharDevTarget.guestfwd("10.0.2.1", 4600)))
        .addChannel(Channel.qemuVdagent(true, "client"))
        .addTpm(Tpm.emulator("2.0"))
        .addWatchdog(Watchdog.i6300esb().withAction("poweroff"))
        .addMemballoon(MemBalloon.virtio().withStatsPeriod(10).copy(b -> b.autodeflate(true)))
        .addRng(Rng.random("/dev/urandom").withRate(1234, 2000))
        .addPanic(Panic.of("isa"))
        .addShmem(Shmem.plain("my_shmem0", Size.of(4, "M")).copy(b -> b.role("peer")))
        .addShmem(Shmem.doorbell("shmem_server", "/tmp/socket-shmem").copy(b -> b.msi(ShmemMsi.builder().vectors(32).ioeventfd(true).build())))
        .addIommu(Iommu.intel().withDriver(IommuDriver.builder().cachingMode(true).iotlb(true).awBits(48).build()))
        .addVsock(Vsock.cid(4)));
    String xml = spec.toXml().replace("type='kvm'", "type='test'");
    Result r = virsh(xml, "define --validate FILE; dumpxml t");
    assertThat(r.exit()).as(r.output()).isZero();
    Devices mine = spec.devices();
    Devices theirs = DomainSpec.fromXml(r.output().substring(r.output().indexOf("<domain"))).devices();
    for (int i = 0; i < mine.serials().size(); i++) {
      assertThat(theirs.serials().get(i).sources()).isEqualTo(mine.serials().get(i).sources());
      assertThat(theirs.serials().get(i).log()).isEqualTo(mine.serials().get(i).log());
    }
    assertThat(theirs.channels()).extracting(Channel::target).isEqualTo(mine.channels().stream().map(Channel::target).toList());
    assertThat(theirs.tpms()).isEqualTo(mine.tpms());
    assertThat(theirs.watchdogs()).isEqualTo(mine.watchdogs());
    assertThat(theirs.memballoons()).isEqualTo(mine.memballoons());
    assertThat(theirs.rngs()).isEqualTo(mine.rngs());
    assertThat(theirs.panics()).isEqualTo(mine.panics());
    assertThat(theirs.shmems()).isEqualTo(mine.shmems()); // libvirt writes shmem sizes in M, as the spec does
    assertThat(theirs.iommus()).isEqualTo(mine.iommus());
    assertThat(theirs.vsocks()).isEqualTo(mine.vsocks());
  }

  @Test
  void libvirtRejectsWhatTheSdkRejects() throws Exception {
    String[][] cases = {
        {"<serial type='tcp'><source mode='bind' service='1'/></serial>", "Missing source host attribute"},
        {"<serial type='udp'><source mode='bind' host='0.0.0.0' service='1'/></serial>", "Missing source service attribute"},
        {"<serial type='file'/>", "Missing source path attribute"},
        {"<serial type='unix'><source mode='bind'/></serial>", "Missing source path attribute"},
        {"<serial type='unix'><source mode='bind' path='/tmp/x'><reconnect enabled='yes' timeout='3'/></source></serial>", "reconnect is possible only for connect mode"},
        {"<serial type='unix'><source mode='connect' path='/tmp/x'><reconnect enabled='yes'/></source></serial>", "timeout"},
        {"<serial type='spiceport'><source channel='bad name'/></serial>", "Invalid character in source channel"},
        {"<serial type='nmdm'><source master='/dev/nmdm0A'/></serial>", "slave"},
        {"<channel type='unix'><source mode='bind' path='/tmp/g'/><target type='guestfwd' address='10.0.2.1'/></channel>", "port"},
        {"<watchdog model='i6300esb' action='explode'/>", "watchdog action"},
        {"<vsock model='virtio'><cid auto='no' address='2'/></vsock>", "CIDs must be >= 3"},
        {"<shmem name='a/b'><model type='ivshmem-plain'/></shmem>", "shmem name"},
        {"<tpm model='tpm-tis'><backend type='emulator' version='3.0'/></tpm>", "version"},
    };
    for (String[] c : cases) {
      String xml = testDomain(c[0]);
      assertThatThrownBy(() -> DomainSpec.fromXml(xml)).as(c[0]).isInstanceOf(InvalidSpecException.class);
      Result r = virsh(xml, "define FILE");
      assertThat(r.exit()).as("libvirt accepted %s", c[0]).isNotZero();
      assertThat(r.output()).as(c[0]).contains(c[1]);
    }
  }

  @Test
  void libvirtAcceptsTheGuestAgentChannelWithoutSourcePath() throws Exception {
    Result r = virsh(testDomain("<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>"), "define --validate FILE");
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(DomainSpec.fromXml(testDomain("<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>"))
        .devices().channels()).containsExactly(GuestAgent.channel());
  }
}
