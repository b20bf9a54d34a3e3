package io.kvmsdk.core.capabilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.RelaxNg;
import io.kvmsdk.core.testing.XmlSame;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostCapabilitiesTest {
  static HostCapabilities corpus(String file) throws IOException {
    return HostCapabilities.fromXml(Files.readString(Oracles.sharedPath("corpus/libvirt-9.0.0/capabilities/" + file)));
  }

  @Test
  void readsTheHostOfAQemuKvmHost() throws IOException {
    CapsHost host = corpus("caps-qemu-kvm.xml").host();

    assertThat(host.uuid()).hasValue("a25c794c-34ad-11b2-a85c-b030533115b8");
    CapsHostCpu cpu = host.cpu().orElseThrow();
    assertThat(cpu.arch()).hasValue("x86_64");
    assertThat(cpu.model()).hasValue("Haswell-noTSX");
    assertThat(cpu.vendor()).hasValue("Intel");
    assertThat(cpu.microcode()).hasValue(45);
    assertThat(cpu.counter().orElseThrow().frequency()).hasValue(2596991000L);
    assertThat(cpu.counter().orElseThrow().scaling()).hasValue(false);
    assertThat(cpu.topology().orElseThrow().cores()).hasValue(8);
    assertThat(cpu.maxphysaddr().orElseThrow().bits()).hasValue(39);
    assertThat(cpu.hasFeature("vmx")).isTrue();
    assertThat(cpu.hasFeature("svm")).isFalse();
    assertThat(cpu.pages()).extracting(CapsPages::pageSize).containsExactly(Size.kib(4), Size.kib(2048), Size.kib(1048576));

    assertThat(host.powerManagement().orElseThrow().suspendHybrid()).isTrue();
    assertThat(host.migrationFeatures().orElseThrow().live()).isTrue();
    assertThat(host.migrationFeatures().orElseThrow().uriTransports()).containsExactly("tcp", "rdma");

    CapsCell cell1 = host.topology().orElseThrow().cell(1).orElseThrow();
    assertThat(cell1.memory()).hasValue(Size.kib(16510060));
    assertThat(cell1.pages().get(0).count()).hasValue(4127515L);
    assertThat(cell1.distances()).extracting(CapsCellSibling::value).containsExactly(Optional.of(21), Optional.of(10));
    assertThat(cell1.distanceTo(0)).hasValue(21);
    assertThat(cell1.distanceTo(7)).isEmpty();
    assertThat(cell1.cpus()).hasSize(8);
    assertThat(cell1.cpus().get(0).socketId()).hasValue(1);
    assertThat(cell1.cpus().get(0).siblings()).hasValue("1");

    assertThat(host.cache().orElseThrow().banks().get(1).bankSize()).hasValue(Size.mib(20));
    assertThat(host.cache().orElseThrow().banks().get(1).cpus()).hasValue("1,3,5,7,9,11,13,15");
    assertThat(host.secmodels()).extracting(CapsSecModel::model).containsExactly(Optional.of("selinux"), Optional.of("dac"));
    assertThat(host.secmodels().get(1).baselabel("kvm")).hasValue("+107:+107");
  }

  @Test
  void readsTheGuestsOfAQemuKvmHost() throws IOException {
    HostCapabilities caps = corpus("caps-qemu-kvm.xml");

    CapsGuestArch i686 = caps.guest("hvm", "i686").orElseThrow().arch();
    assertThat(i686.wordsize()).hasValue(32);
    assertThat(i686.emulatorFor("kvm")).hasValue("/usr/bin/qemu-system-i386");
    assertThat(i686.machines().get(1).name()).isEqualTo("pc");
    assertThat(i686.machines().get(1).canonicalName()).isEqualTo("pc-0.11");
    assertThat(i686.machines().get(1).maxCpus()).hasValue(255);
    assertThat(i686.machinesFor("kvm")).extracting(CapsMachine::name).containsExactly("pc-0.11", "pc", "pc-0.10", "isapc");
    assertThat(i686.domain("xen")).isEmpty();

    CapsGuestFeatures features = caps.guest("hvm", "i686").orElseThrow().features().orElseThrow();
    assertThat(features.pae()).isTrue();
    assertThat(features.acpi().orElseThrow().defaultOn()).hasValue(true);
    assertThat(features.apic().orElseThrow().toggle()).hasValue(false);

    assertThat(caps.guestsFor("x86_64", "kvm")).extracting(CapsGuest::osType).containsExactly("hvm", "xen");
    assertThat(caps.guestsFor("aarch64", "kvm")).isEmpty();
    assertThat(caps.guest("xen", "x86_64").orElseThrow().arch().emulatorFor("kvm")).hasValue("/usr/bin/xenner");
  }

  /** Every host element formatcaps.rst and capability.rng describe, including those the corpus lacks. */
  static final String EVERYTHING = String.join("\n",
      "<capabilities>",
      "  <host>",
      "    <uuid>7b55704c-29f4-11b2-a85c-9dc6ff50623f</uuid>",
      "    <cpu>",
      "      <arch>x86_64</arch>",
      "      <model>Skylake-Client-noTSX-IBRS</model>",
      "      <vendor>Intel</vendor>",
      "      <microcode version='236'/>",
      "      <signature family='6' model='142' stepping='12'/>",
      "      <counter name='tsc' frequency='2303997000' scaling='no'/>",
      "      <topology sockets='1' dies='1' cores='4' threads='2'/>",
      "      <maxphysaddr mode='emulate' bits='39'/>",
      "      <features>",
      "        <pae/>",
      "        <vmx/>",
      "      </features>",
      "      <feature name='ds'/>",
      "      <feature name='md-clear'/>",
      "      <pages unit='KiB' size='4'/>",
      "    </cpu>",
      "    <power_management>",
      "      <suspend_mem/>",
      "    </power_management>",
      "    <iommu support='yes'/>",
      "    <migration_features>",
      "      <live/>",
      "      <uri_transports>",
      "        <uri_transport>tcp</uri_transport>",
      "      </uri_transports>",
      "    </migration_features>",
      "    <topology>",
      "      <cells num='2'>",
      "        <cell id='0'>",
      "          <memory unit='KiB'>32498112</memory>",
      "          <pages unit='KiB' size='4'>6813808</pages>",
      "          <distances>",
      "            <sibling id='0' value='10'/>",
      "            <sibling id='1' value='20'/>",
      "          </distances>",
      "          <cache level='1' associativity='direct' policy='writeback'>",
      "            <size value='10' unit='KiB'/>",
      "            <line value='8' unit='B'/>",
      "          </cache>",
      "          <cpus num='2'>",
      "            <cpu id='0' socket_id='0' die_id='0' core_id='0' siblings='0-1'/>",
      "            <cpu id='1' socket_id='0' die_id='0' core_id='0' siblings='0-1'/>",
      "          </cpus>",
      "        </cell>",
      "        <cell id='1'>",
      "          <memory unit='KiB'>1048576</memory>",
      "          <cpus num='0'/>",
      "        </cell>",
      "      </cells>",
      "      <interconnects>",
      "        <latency initiator='0' target='1' type='access' value='5'/>",
      "        <latency initiator='0' target='0' cache='1' type='read' value='2'/>",
      "        <bandwidth initiator='0' target='1' type='access' value='204800' unit='KiB'/>",
      "      </interconnects>",
      "    </topology>",
      "    <cache>",
      "      <bank id='0' level='3' type='both' size='8' unit='MiB' cpus='0-1'>",
      "        <control granularity='768' min='1536' unit='KiB' type='both' maxAllocs='16'/>",
      "      </bank>",
      "      <monitor level='3' reuseThreshold='270336' maxMonitors='176'>",
      "        <feature name='llc_occupancy'/>",
      "      </monitor>",
      "    </cache>",
      "    <memory_bandwidth>",
      "      <node id='0' cpus='0-1'>",
      "        <control granularity='10' min='10' maxAllocs='8'/>",
      "      </node>",
      "      <monitor maxMonitors='176'>",
      "        <feature name='mbm_total_bytes'/>",
      "      </monitor>",
      "    </memory_bandwidth>",
      "    <secmodel>",
      "      <model>apparmor</model>",
      "      <doi>0</doi>",
      "    </secmodel>",
      "  </host>",
      "  <guest>",
      "    <os_type>hvm</os_type>",
      "    <arch name='x86_64'>",
      "      <wordsize>64</wordsize>",
      "      <emulator>/usr/bin/qemu-system-x86_64</emulator>",
      "      <loader>/usr/lib/xen/boot/hvmloader</loader>",
      "      <machine maxCpus='255' deprecated='yes'>pc-i440fx-1.5</machine>",
      "      <domain type='qemu'/>",
      "      <domain type='kvm'/>",
      "    </arch>",
      "    <features>",
      "      <pae/>",
      "      <nonpae/>",
      "      <ia64_be/>",
      "      <acpi default='on' toggle='yes'/>",
      "      <cpuselection/>",
      "      <deviceboot/>",
      "      <disksnapshot default='on' toggle='no'/>",
      "      <hap default='off' toggle='yes'/>",
      "    </features>",
      "  </guest>",
      "</capabilities>",
      "");

  @Test
  void everyDocumentedHostElementIsTypedAndRoundTripsSchemaValid() {
    RelaxNg schema = RelaxNg.of("capability");
    assertThat(schema.errors(EVERYTHING)).as("the sample itself is valid").isNull();

    HostCapabilities caps = HostCapabilities.fromXml(EVERYTHING);

    assertThat(caps.unmodeledPaths()).isEmpty();
    assertThat(XmlSame.diff(EVERYTHING, caps.toXml())).isNull();
    assertThat(schema.errors(caps.toXml())).isNull();
    assertThat(caps.toXml()).isEqualTo(EVERYTHING);
    CapsHost host = caps.host();
    assertThat(host.iommu()).hasValue(true);
    assertThat(host.cpu().orElseThrow().signature().orElseThrow().model()).hasValue(142);
    assertThat(host.cpu().orElseThrow().featureFlags().orElseThrow().vmx()).isTrue();
    CapsTopology topo = host.topology().orElseThrow();
    assertThat(topo.cell(0).orElseThrow().caches().get(0).size()).hasValue(Size.kib(10));
    assertThat(topo.cell(0).orElseThrow().caches().get(0).line()).hasValue(Size.of(8, "B"));
    assertThat(topo.cell(1).orElseThrow().cpus()).as("a memory-only node").isEmpty();
    assertThat(topo.cell(1).orElseThrow().cpuCount()).hasValue(0);
    assertThat(topo.cell(0).orElseThrow().cpuCount()).hasValue(2);
    assertThat(topo.interconnects().orElseThrow().latencies()).hasSize(2);
    assertThat(topo.interconnects().orElseThrow().bandwidths().get(0).unit()).hasValue("KiB");
    assertThat(host.cache().orElseThrow().banks().get(0).controls().get(0).maxAllocs()).hasValue(16);
    assertThat(host.cache().orElseThrow().monitor().orElseThrow().features()).containsExactly("llc_occupancy");
    assertThat(host.memoryBandwidth().orElseThrow().nodes().get(0).controls().get(0).granularity()).hasValue(10L);
    CapsGuest guest = caps.guests().get(0);
    assertThat(guest.arch().loader()).hasValue("/usr/lib/xen/boot/hvmloader");
    assertThat(guest.arch().machines().get(0).isDeprecated()).isTrue();
    assertThat(guest.features().orElseThrow().hap().orElseThrow().defaultOn()).hasValue(false);
    assertThat(guest.features().orElseThrow().ia64Be()).isTrue();
  }

  @Test
  void aHandBuiltDocumentRendersAndParsesBackEqual() {
    HostCapabilities caps = HostCapabilities.builder()
        .host(CapsHost.builder()
            .cpu(CapsHostCpu.builder().arch("aarch64").addFeature("sve").build())
            .topology(CapsTopology.builder()
                .addCell(CapsCell.builder().id(0).memory(Size.gib(4))
                    .addCpu(CapsCellCpu.builder().id(0).build()).addCpu(CapsCellCpu.builder().id(1).build()).build())
                .build())
            .build())
        .addGuest(CapsGuest.builder().osType("hvm")
            .arch(CapsGuestArch.builder().name("aarch64").wordsize(64).emulator("/usr/bin/qemu-system-aarch64")
                .addMachine(CapsMachine.builder().name("virt").canonical("virt-7.2").build())
                .addDomain(CapsGuestDomain.builder().type("kvm").build())
                .build())
            .build())
        .build();

    String xml = caps.toXml();

    assertThat(xml).contains("<cpus num='2'>", "<machine canonical='virt-7.2'>virt</machine>", "<memory unit='GiB'>4</memory>");
    assertThat(HostCapabilities.fromXml(xml)).isEqualTo(caps);
    assertThat(RelaxNg.of("capability").errors(xml)).isNull();
    assertThat(caps.host().topology().orElseThrow().cell(0).orElseThrow().cpuCount()).as("derived from the CPUs").hasValue(2);
    assertThat(caps.copy(b -> b.guests(List.of())).guests()).isEmpty();
    assertThat(caps.guests()).hasSize(1);
  }

  @Test
  void whatIsNotTypedIsKeptVerbatimAndListed() {
    String xml = "<capabilities>\n  <host>\n    <cpu>\n      <arch>x86_64</arch>\n      <future attr='1'/>\n    </cpu>\n"
        + "    <topology>\n      <cells num='1'>\n        <cell id='0'>\n          <cpus num='1'>\n            <cpu id='0'/>\n            <thread id='0'/>\n          </cpus>\n        </cell>\n      </cells>\n    </topology>\n"
        + "    <sev supported='yes'/>\n  </host>\n</capabilities>\n";

    HostCapabilities caps = HostCapabilities.fromXml(xml);

    assertThat(caps.unmodeledPaths()).containsExactly("capabilities/host/sev", "capabilities/host/cpu/future",
        "capabilities/host/topology/cells/cell/cpus");
    assertThat(XmlSame.diff(xml, caps.toXml())).isNull();
  }

  @Test
  void aBadNumberNamesTheFieldAndTheRule() {
    String xml = "<capabilities><host><topology><cells num='1'><cell id='x'/></cells></topology></host></capabilities>";

    assertThatThrownBy(() -> HostCapabilities.fromXml(xml))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("capabilities/host/topology/cells/cell[1]/@id");
          assertThat(e.rule()).isEqualTo("must be a non-negative integer, got 'x'");
        });
  }

  @Test
  void anotherDocumentIsRefused() {
    assertThatThrownBy(() -> HostCapabilities.fromXml("<domainCapabilities/>"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.rule()).contains("<capabilities>"));
  }
}
