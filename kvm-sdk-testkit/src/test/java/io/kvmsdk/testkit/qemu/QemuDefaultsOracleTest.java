package io.kvmsdk.testkit.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.spi.Hypervisor;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.XmlSame;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof that {@link QemuDefaults} fills in what libvirt does: every {@link QemuShapes shape} is
 * defined on a real libvirtd 9.0 with QEMU 7.2 in TCG mode ({@code $KVM_SDK_LIBVIRT_URI}, see
 * {@code scripts/oracles.sh}), its inactive XML read, the guest started (when it can start here), its
 * live XML read, then destroyed and undefined. The model's inactive XML of the definition and live XML
 * of libvirt's inactive XML must be the same as libvirt's ({@link XmlSame}), and so must the model's
 * inactive XML of libvirt's inactive XML (what defining {@code dumpxml --inactive} again gives), once the values libvirt
 * generates are masked ({@link QemuGolden#mask}); the golden files must still say what libvirtd says.
 * Run with {@code -Dkvmsdk.qemuGolden.record=true} to rewrite the golden files from the daemon.
 * Skipped without a libvirtd.
 */
class QemuDefaultsOracleTest {
  static final String URI = System.getenv("KVM_SDK_LIBVIRT_URI");
  static final String NETNS = System.getenv("ORACLE_NETNS");
  static Kvm kvm;
  static boolean networkCreated;

  static List<QemuShapes.Shape> shapes() { return QemuShapes.all(); }

  @BeforeAll static void prepare() throws Exception {
    Oracles.require(URI != null, "KVM_SDK_LIBVIRT_URI is not set: start the private libvirtd with `bash scripts/oracles.sh start`"
        + " and source its env file");
    Oracles.require(NETNS != null, "ORACLE_NETNS is not set: the bridge shapes need the daemon's network namespace (source the oracles' env file)");
    kvm = Kvm.connect(URI);
    Path dir = Files.createDirectories(Path.of(QemuShapes.DIR));
    for (String f : List.of("a.img", "b.img", "c.img", "d.img", "e.img", "f.img", "fd.img", "cd.iso", "vmlinuz")) {
      try (RandomAccessFile r = new RandomAccessFile(dir.resolve(f).toFile(), "rw")) {
        r.setLength(1 << 20);
      }
    }
    run("qemu-img", "create", "-q", "-f", "qcow2", dir.resolve("b.qcow2").toString(), "16M");
    Hypervisor h = kvm.hypervisor();
    if (h.networks().lookup(QemuShapes.NETWORK).isEmpty()) {
      h.networks().create("<network><name>" + QemuShapes.NETWORK + "</name><bridge name='" + QemuShapes.NETWORK_BRIDGE + "'/></network>");
      networkCreated = true;
    }
    if (run("ip", "-n", NETNS, "link", "show", QemuShapes.BRIDGE) != 0) {
      Oracles.require(run("ip", "-n", NETNS, "link", "add", QemuShapes.BRIDGE, "type", "bridge") == 0,
          "cannot create bridge " + QemuShapes.BRIDGE + " in netns " + NETNS);
      run("ip", "-n", NETNS, "link", "set", QemuShapes.BRIDGE, "up");
    }
    if (run("ip", "-n", NETNS, "link", "show", QemuShapes.VETH) != 0) {
      Oracles.require(run("ip", "-n", NETNS, "link", "add", QemuShapes.VETH, "type", "veth", "peer", "name", "kvgoldveth1") == 0,
          "cannot create veth " + QemuShapes.VETH + " in netns " + NETNS);
      run("ip", "-n", NETNS, "link", "set", QemuShapes.VETH, "up");
    }
  }

  @AfterAll static void cleanUp() {
    if (kvm == null) return;
    if (networkCreated) kvm.hypervisor().networks().destroy(QemuShapes.NETWORK);
    run("ip", "-n", NETNS, "link", "del", QemuShapes.BRIDGE);
    run("ip", "-n", NETNS, "link", "del", QemuShapes.VETH);
    kvm.close();
  }

  static int run(String... argv) {
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** libvirtd's inactive XML of {@code shape}, its live XML (when it starts), and the inactive XML once libvirt's own is defined again. */
  static String[] realXml(QemuShapes.Shape shape) {
    Hypervisor h = kvm.hypervisor();
    String name = shape.spec().name();
    if (h.domains().lookup(name).isPresent()) {   // left over by an interrupted run
      if (h.domains().state(name) != DomainState.SHUTOFF) h.domains().destroy(name);
      h.domains().undefine(name, Set.of());
    }
    h.domains().define(shape.spec().toXml());
    try {
      String inactive = h.domains().xml(name, true);
      String live = null;
      if (shape.startable()) {
        h.domains().start(name);
        try {
          live = h.domains().xml(name, false);
        } finally {
          h.domains().destroy(name);
        }
      }
      h.domains().define(inactive);
      String redefined = h.domains().xml(name, true);
      return new String[] {inactive, live, redefined};
    } finally {
      h.domains().undefine(name, Set.of());
    }
  }

  @ParameterizedTest(name = "{0}") @MethodSource("shapes")
  void theModelFillsInWhatLibvirtdDoes(QemuShapes.Shape shape) {
    String[] real = realXml(shape);
    if (QemuGolden.recording()) {
      QemuGolden.write(shape.name(), "inactive", real[0]);
      if (real[1] != null) QemuGolden.write(shape.name(), "live", real[1]);
      if (XmlSame.diff(QemuGolden.mask(real[0]), QemuGolden.mask(real[2])) != null) QemuGolden.write(shape.name(), "redefined", real[2]);
      else QemuGolden.delete(shape.name(), "redefined");
    }
    QemuHost host = QemuHost.seeded(1);
    DomainSpec model = QemuDefaults.inactive(shape.spec(), host);
    assertThat(XmlSame.diff(QemuGolden.mask(real[0]), QemuGolden.mask(model.toXml())))
        .as("inactive XML of %s: libvirtd vs the model", shape).isNull();
    DomainSpec again = QemuDefaults.inactive(DomainSpec.fromXml(real[0]), host);
    assertThat(XmlSame.diff(QemuGolden.mask(real[2]), QemuGolden.mask(again.toXml())))
        .as("inactive XML of %s defined again: libvirtd vs the model", shape).isNull();
    if (real[1] != null) {
      DomainSpec live = QemuDefaults.live(DomainSpec.fromXml(real[0]), QemuDefaults.LiveContext.of(host, 1, QemuDefaultsGoldenTest.NETWORKS));
      assertThat(XmlSame.diff(QemuGolden.mask(real[1]), QemuGolden.mask(live.toXml())))
          .as("live XML of %s: libvirtd vs the model", shape).isNull();
    }
    if (QemuGolden.recording()) return;
    Optional<String> golden = QemuGolden.read(shape.name(), "inactive");
    assertThat(golden).as("golden inactive XML of %s (record with -D%s=true)", shape, QemuGolden.RECORD_PROPERTY).isPresent();
    assertThat(XmlSame.diff(QemuGolden.mask(real[0]), QemuGolden.mask(golden.get())))
        .as("golden inactive XML of %s is stale: re-record with -D%s=true", shape, QemuGolden.RECORD_PROPERTY).isNull();
    Optional<String> goldenRedefined = QemuGolden.read(shape.name(), "redefined");
    assertThat(XmlSame.diff(QemuGolden.mask(real[2]), QemuGolden.mask(goldenRedefined.orElse(golden.get()))))
        .as("golden XML of %s defined again is stale: re-record with -D%s=true", shape, QemuGolden.RECORD_PROPERTY).isNull();
    if (real[1] != null) {
      Optional<String> goldenLive = QemuGolden.read(shape.name(), "live");
      assertThat(goldenLive).as("golden live XML of %s", shape).isPresent();
      assertThat(XmlSame.diff(QemuGolden.mask(real[1]), QemuGolden.mask(goldenLive.get())))
          .as("golden live XML of %s is stale: re-record with -D%s=true", shape, QemuGolden.RECORD_PROPERTY).isNull();
    }
  }
}
