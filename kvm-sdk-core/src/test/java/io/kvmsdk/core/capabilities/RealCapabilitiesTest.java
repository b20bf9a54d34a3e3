package io.kvmsdk.core.capabilities;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.RelaxNg;
import io.kvmsdk.core.testing.XmlSame;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a real libvirt 9.0.0 wrote: {@code virsh capabilities} and {@code virsh domcapabilities}
 * of a private libvirtd with QEMU 7.2 (TCG, in a container without CPU topology in sysfs), and
 * {@code virsh -c test:///default capabilities}, recorded under {@code real/}; plus the test
 * driver asked live when {@code virsh} is installed.
 */
class RealCapabilitiesTest {
  static String resource(String name) throws IOException {
    try (InputStream in = RealCapabilitiesTest.class.getResourceAsStream("real/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static void assertLosslessAndTyped(String xml, String schemaName, String rendered, java.util.List<String> unmodeled) {
    assertThat(XmlSame.diff(xml, rendered)).isNull();
    assertThat(unmodeled).isEmpty();
    RelaxNg schema = RelaxNg.of(schemaName);
    if (schema.errors(xml) == null) assertThat(schema.errors(rendered)).isNull();
  }

  @Test
  void aRealQemuHostIsFullyTyped() throws IOException {
    String xml = resource("qemu-7.2-tcg-capabilities.xml");

    HostCapabilities caps = HostCapabilities.fromXml(xml);

    assertLosslessAndTyped(xml, "capability", caps.toXml(), caps.unmodeledPaths());
    assertThat(HostCapabilities.fromXml(caps.toXml())).isEqualTo(caps);
    CapsCell cell = caps.host().topology().orElseThrow().cell(0).orElseThrow();
    assertThat(cell.cpuCount()).hasValue(2);
    assertThat(cell.cpus()).extracting(CapsCellCpu::coreId).containsExactly(java.util.Optional.of(0), java.util.Optional.of(1));
    assertThat(caps.host().cpu().orElseThrow().hasFeature("sse4.1")).isTrue();
    assertThat(caps.host().cpu().orElseThrow().signature().orElseThrow().family()).hasValue(26);
    assertThat(caps.host().powerManagement().orElseThrow().suspendMem()).isFalse();
    assertThat(caps.host().iommu()).hasValue(false);
  }

  @Test
  void realDomainCapabilitiesAreFullyTyped() throws IOException {
    for (String name : new String[] {"qemu-7.2-tcg-domcaps-q35.xml", "qemu-7.2-tcg-domcaps-pc.xml"}) {
      String xml = resource(name);

      DomainCapabilities dc = DomainCapabilities.fromXml(xml);

      assertLosslessAndTyped(xml, "domaincaps", dc.toXml(), dc.unmodeledPaths());
      assertThat(DomainCapabilities.fromXml(dc.toXml())).isEqualTo(dc);
    }
  }

  @Test
  void aTcgGuestOnTheRealHostGetsHostModelAndNoFirmwareChoice() throws IOException {
    HostCapabilities host = HostCapabilities.fromXml(resource("qemu-7.2-tcg-capabilities.xml"));

    CapsGuestPlatform q35 = CapsGuestPlatform.choose(host, DomainCapabilities.fromXml(resource("qemu-7.2-tcg-domcaps-q35.xml")), "x86_64", "qemu");
    CapsGuestPlatform pc = CapsGuestPlatform.choose(host, DomainCapabilities.fromXml(resource("qemu-7.2-tcg-domcaps-pc.xml")), "x86_64", "qemu");

    assertThat(q35.emulator()).isEqualTo("/usr/bin/qemu-system-x86_64");
    assertThat(q35.machine()).hasValue("pc-q35-7.2");
    assertThat(q35.cpuMode()).hasValue("host-model");
    assertThat(q35.cpuModel()).hasValue("EPYC");
    assertThat(q35.firmware()).as("no firmware descriptors and no loader binaries on this host").isEmpty();
    assertThat(pc.machine()).hasValue("pc-i440fx-7.2");
  }

  @Test
  void theRecordedTestDriverCapabilitiesAreFullyTyped() throws IOException {
    String xml = resource("test-default-capabilities.xml");

    HostCapabilities caps = HostCapabilities.fromXml(xml);

    assertLosslessAndTyped(xml, "capability", caps.toXml(), caps.unmodeledPaths());
    assertThat(caps.host().cpu().orElseThrow().featureFlags().orElseThrow().pae()).isTrue();
  }

  @Test
  void theLiveTestDriverCapabilitiesAreFullyTyped() throws Exception {
    Oracles.require(Files.isExecutable(Path.of("/usr/bin/virsh")), "virsh is not installed (apt-get install libvirt-clients)");
    Process p = new ProcessBuilder("virsh", "-c", "test:///default", "capabilities").redirectErrorStream(true).start();
    String xml = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(xml).isZero();

    HostCapabilities caps = HostCapabilities.fromXml(xml);

    assertLosslessAndTyped(xml, "capability", caps.toXml(), caps.unmodeledPaths());
    assertThat(caps.guestsFor("i686", "test")).isNotEmpty();
  }
}
