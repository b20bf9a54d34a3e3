package io.kvmsdk.testkit.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.testing.XmlSame;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link QemuDefaults} against what a real libvirtd 9.0 + QEMU 7.2 said for each {@link QemuShapes shape}
 * (the golden files {@code QemuDefaultsOracleTest} records), on any machine: the same comparison as the
 * oracle test, so a drift of the model fails here too.
 */
class QemuDefaultsGoldenTest {
  /** The shapes' one libvirt network and its bridge. */
  static final Function<String, Optional<String>> NETWORKS =
      n -> n.equals(QemuShapes.NETWORK) ? Optional.of(QemuShapes.NETWORK_BRIDGE) : Optional.empty();

  static List<QemuShapes.Shape> shapes() { return QemuShapes.all(); }

  @ParameterizedTest(name = "{0}") @MethodSource("shapes")
  void inactiveXmlIsLibvirtds(QemuShapes.Shape shape) {
    String golden = QemuGolden.read(shape.name(), "inactive").orElseThrow(() -> new AssertionError("no golden inactive XML for " + shape));
    DomainSpec model = QemuDefaults.inactive(shape.spec(), QemuHost.seeded(1));
    assertThat(XmlSame.diff(QemuGolden.mask(golden), QemuGolden.mask(model.toXml()))).as("inactive XML of %s: libvirtd vs the model", shape).isNull();
  }

  /**
   * Defining libvirt's inactive XML again: libvirt's parser sorts the controllers by type and index and
   * renumbers the consoles; nothing is added twice.
   */
  @ParameterizedTest(name = "{0}") @MethodSource("shapes")
  void libvirtsInactiveXmlDefinedAgainIsLibvirtds(QemuShapes.Shape shape) {
    String golden = QemuGolden.read(shape.name(), "inactive").orElseThrow(() -> new AssertionError("no golden inactive XML for " + shape));
    String expected = QemuGolden.read(shape.name(), "redefined").orElse(golden);
    DomainSpec again = QemuDefaults.inactive(DomainSpec.fromXml(golden), QemuHost.seeded(2));
    assertThat(XmlSame.diff(QemuGolden.mask(expected), QemuGolden.mask(again.toXml()))).as("inactive XML of %s defined again", shape).isNull();
  }

  @ParameterizedTest(name = "{0}") @MethodSource("shapes")
  void liveXmlIsLibvirtds(QemuShapes.Shape shape) {
    Optional<String> golden = QemuGolden.read(shape.name(), "live");
    assertThat(golden.isPresent()).as("a live golden file exactly for the shapes that start").isEqualTo(shape.startable());
    if (golden.isEmpty()) return;
    DomainSpec inactive = DomainSpec.fromXml(QemuGolden.read(shape.name(), "inactive").orElseThrow());
    DomainSpec live = QemuDefaults.live(inactive, QemuDefaults.LiveContext.of(QemuHost.seeded(1), 1, NETWORKS));
    assertThat(XmlSame.diff(QemuGolden.mask(golden.get()), QemuGolden.mask(live.toXml()))).as("live XML of %s: libvirtd vs the model", shape).isNull();
  }
}
