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
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DomainCapabilitiesTest {
  static DomainCapabilities corpus(String file) throws IOException {
    return DomainCapabilities.fromXml(Files.readString(Oracles.sharedPath("corpus/libvirt-9.0.0/domaincaps/" + file)));
  }

  @Test
  void readsWhatAQ35KvmGuestMayUse() throws IOException {
    DomainCapabilities dc = corpus("qemu_8.0.0-q35.x86_64.xml");

    assertThat(dc.path()).isEqualTo("/usr/bin/qemu-system-x86_64");
    assertThat(dc.domain()).isEqualTo("kvm");
    assertThat(dc.machine()).hasValue("pc-q35-8.0");
    assertThat(dc.arch()).isEqualTo("x86_64");
    assertThat(dc.vcpuMax()).hasValue(288);
    assertThat(dc.iothreads()).hasValue(true);

    DomCapsOs os = dc.os().orElseThrow();
    assertThat(os.isSupported()).isTrue();
    assertThat(os.enumValues("firmware")).containsExactly("bios", "efi");
    assertThat(dc.offersFirmware("efi")).isTrue();
    DomCapsLoader loader = os.loader().orElseThrow();
    assertThat(loader.values()).contains("/usr/share/OVMF/OVMF_CODE.fd");
    assertThat(loader.enumValues("type")).containsExactly("rom", "pflash");
    assertThat(loader.offers("secure", "yes")).isTrue();

    DomCapsCpu cpu = dc.cpu().orElseThrow();
    assertThat(cpu.supports("host-passthrough")).isTrue();
    assertThat(cpu.hostPassthrough().orElseThrow().enumValues("hostPassthroughMigratable")).containsExactly("on", "off");
    DomCapsCpuMode hostModel = cpu.hostModel().orElseThrow();
    assertThat(hostModel.model().orElseThrow().name()).isEqualTo("EPYC-Rome");
    assertThat(hostModel.model().orElseThrow().fallback()).hasValue("forbid");
    assertThat(hostModel.vendor()).hasValue("AMD");
    assertThat(hostModel.features()).isNotEmpty();
    DomCapsCpuMode custom = cpu.custom().orElseThrow();
    assertThat(custom.usableModels()).isNotEmpty().allMatch(m -> m.isUsable() && !m.isDeprecated());
    assertThat(custom.models()).anyMatch(m -> m.usable().equals(Optional.of("no")));
    assertThat(cpu.mode("nonsense")).isEmpty();

    assertThat(dc.memoryBacking().orElseThrow().enumValues("sourceType")).contains("memfd");
    assertThat(dc.devices().disk().orElseThrow().enumValues("bus")).contains("virtio", "sata");
    assertThat(dc.devices().enumValues("disk", "bus")).contains("virtio");
    assertThat(dc.devices().enumValues("hostdev", "capsType")).isEmpty();
    assertThat(dc.devices().enumValues("nonsense", "bus")).isEmpty();
    assertThat(dc.devices().tpm().orElseThrow().offers("model", "tpm-crb")).isTrue();
    assertThat(dc.devices().crypto()).isEmpty();
    assertThat(dc.features().gic().orElseThrow().isSupported()).isFalse();
    assertThat(dc.features().sev().orElseThrow().isSupported()).isFalse();
    assertThat(dc.features().hyperv().orElseThrow().enumValues("features")).contains("relaxed", "vapic");
  }

  @Test
  void readsSevSgxGicAndS390Details() throws IOException {
    DomCapsSgx sgx = corpus("qemu_7.0.0-q35.x86_64.xml").features().sgx().orElseThrow();
    assertThat(sgx.isSupported()).isTrue();
    assertThat(sgx.flc()).hasValue(false);
    assertThat(sgx.sgx1()).hasValue(true);
    assertThat(sgx.sectionSize()).hasValue(Size.kib(524288));
    assertThat(sgx.sections()).extracting(DomCapsSgxSection::node).containsExactly(Optional.of(0), Optional.of(1));

    DomCapsSev sev = corpus("qemu_6.0.0.x86_64.xml").features().sev().orElseThrow();
    assertThat(sev.isSupported()).isTrue();
    assertThat(sev.cbitpos()).hasValue(47);
    assertThat(sev.maxESGuests()).hasValue(450);

    assertThat(corpus("qemu_5.0.0-virt.aarch64.xml").features().gic().orElseThrow().enumValues("version")).containsExactly("3");
    assertThat(corpus("qemu_6.0.0.s390x.xml").features().s390Pv()).isPresent();
  }

  /** Elements of formatdomaincaps.rst and of later libvirt releases that the 9.0.0 corpus lacks. */
  static final String LATER = String.join("\n",
      "<domainCapabilities>",
      "  <path>/usr/bin/qemu-system-x86_64</path>",
      "  <domain>kvm</domain>",
      "  <machine>pc-q35-9.0</machine>",
      "  <arch>x86_64</arch>",
      "  <cpu>",
      "    <mode name='custom' supported='yes'>",
      "      <model usable='no' vendor='Intel' canonical='Haswell-v1'>Haswell</model>",
      "      <blockers model='Haswell'>",
      "        <feature name='hle'/>",
      "        <feature name='rtm'/>",
      "      </blockers>",
      "    </mode>",
      "  </cpu>",
      "  <devices>",
      "    <crypto supported='yes'>",
      "      <enum name='model'>",
      "        <value>virtio</value>",
      "      </enum>",
      "      <enum name='type'>",
      "        <value>qemu</value>",
      "      </enum>",
      "      <enum name='backendModel'>",
      "        <value>builtin</value>",
      "        <value>lkcf</value>",
      "      </enum>",
      "    </crypto>",
      "    <interface supported='yes'>",
      "      <enum name='backendType'>",
      "        <value>default</value>",
      "        <value>passt</value>",
      "      </enum>",
      "    </interface>",
      "    <panic supported='yes'>",
      "      <enum name='model'>",
      "        <value>isa</value>",
      "      </enum>",
      "    </panic>",
      "    <console supported='yes'>",
      "      <enum name='type'>",
      "        <value>pty</value>",
      "      </enum>",
      "    </console>",
      "  </devices>",
      "  <features>",
      "    <gic supported='yes'>",
      "      <enum name='version'>",
      "        <value>2</value>",
      "        <value>3</value>",
      "      </enum>",
      "    </gic>",
      "    <async-teardown supported='yes'/>",
      "    <s390-pv supported='no'/>",
      "    <launchSecurity supported='yes'>",
      "      <enum name='sectype'>",
      "        <value>sev</value>",
      "      </enum>",
      "    </launchSecurity>",
      "    <ps2 supported='yes'/>",
      "  </features>",
      "</domainCapabilities>",
      "");

  @Test
  void laterElementsAreTypedToo() {
    DomainCapabilities dc = DomainCapabilities.fromXml(LATER);

    assertThat(dc.unmodeledPaths()).isEmpty();
    assertThat(dc.toXml()).isEqualTo(LATER);
    assertThat(dc.devices().enumValues("crypto", "backendModel")).containsExactly("builtin", "lkcf");
    assertThat(dc.features().asyncTeardown().orElseThrow().isSupported()).isTrue();
    assertThat(dc.features().s390Pv().orElseThrow().isSupported()).isFalse();
    assertThat(dc.features().gic().orElseThrow().offers("version", "2")).isTrue();
    assertThat(dc.features().launchSecurity().orElseThrow().enumValues("sectype")).containsExactly("sev");
    assertThat(dc.features().ps2().orElseThrow().isSupported()).isTrue();
    assertThat(dc.devices().enumValues("interface", "backendType")).contains("passt");
    assertThat(dc.devices().panic().orElseThrow().offers("model", "isa")).isTrue();
    assertThat(dc.devices().enumValues("console", "type")).containsExactly("pty");
    DomCapsCpuMode custom = dc.cpu().orElseThrow().custom().orElseThrow();
    assertThat(custom.model().orElseThrow().canonical()).hasValue("Haswell-v1");
    assertThat(custom.blockersOf("Haswell")).containsExactly("hle", "rtm");
    assertThat(custom.blockersOf("Broadwell")).isEmpty();
  }

  @Test
  void aHandBuiltDocumentRendersSchemaValidAndParsesBackEqual() {
    DomainCapabilities dc = DomainCapabilities.builder()
        .path("/usr/bin/qemu-system-aarch64").domain("kvm").machine("virt-8.0").arch("aarch64").vcpuMax(512)
        .os(DomCapsOs.builder().supported(true).addEnum(DomCapsEnum.of("firmware", "efi"))
            .loader(DomCapsLoader.builder().supported(true).addValue("/usr/share/AAVMF/AAVMF_CODE.fd")
                .addEnum(DomCapsEnum.of("type", "pflash")).build())
            .build())
        .cpu(DomCapsCpu.builder()
            .addMode(DomCapsCpuMode.builder().name("host-passthrough").supported(true).build())
            .addMode(DomCapsCpuMode.builder().name("maximum").supported(false).build())
            .addMode(DomCapsCpuMode.builder().name("host-model").supported(false).build())
            .addMode(DomCapsCpuMode.builder().name("custom").supported(true)
                .addModel(DomCapsCpuModel.builder().name("cortex-a57").usable("yes").vendor("unknown").build()).build())
            .build())
        .devices(DomCapsDevices.builder().disk(DomCapsSupport.supported(DomCapsEnum.of("bus", "virtio", "scsi")))
            .graphics(DomCapsSupport.unsupported()).build())
        .build();

    String xml = dc.toXml();

    assertThat(xml).contains("<disk supported='yes'>", "<graphics supported='no'/>", "<vcpu max='512'/>");
    assertThat(DomainCapabilities.fromXml(xml)).isEqualTo(dc);
    assertThat(RelaxNg.of("domaincaps").errors(xml)).isNull();
    assertThat(dc.copy(b -> b.machine(Optional.empty())).machine()).isEmpty();
    assertThat(dc.devices().disk().orElseThrow().enumValues("bus")).containsExactly("virtio", "scsi");
  }

  @Test
  void whatIsNotTypedIsKeptVerbatimAndListed() {
    String xml = "<domainCapabilities>\n  <path>/bin/x</path>\n  <domain>kvm</domain>\n  <arch>x86_64</arch>\n"
        + "  <cpu>\n    <mode name='custom' supported='yes'>\n      <blockers model='Haswell' reason='x'>\n        <feature name='hle'/>\n      </blockers>\n    </mode>\n  </cpu>\n"
        + "  <devices>\n    <watchdog supported='yes'/>\n  </devices>\n  <features>\n    <tdx supported='no'/>\n  </features>\n</domainCapabilities>\n";

    DomainCapabilities dc = DomainCapabilities.fromXml(xml);

    assertThat(dc.unmodeledPaths()).containsExactlyInAnyOrder("domainCapabilities/cpu/mode/blockers/@reason",
        "domainCapabilities/devices/watchdog", "domainCapabilities/features/tdx");
    assertThat(XmlSame.diff(xml, dc.toXml())).isNull();
  }

  @Test
  void aBadValueNamesTheFieldAndTheRule() {
    String xml = "<domainCapabilities><path>/bin/x</path><domain>kvm</domain><arch>x86_64</arch>"
        + "<devices><disk supported='maybe'/></devices></domainCapabilities>";

    assertThatThrownBy(() -> DomainCapabilities.fromXml(xml))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("domainCapabilities/devices/disk/@supported");
          assertThat(e.rule()).isEqualTo("must be 'yes' or 'no', got 'maybe'");
        });
  }

  @Test
  void aMissingRequiredElementIsNamed() {
    assertThatThrownBy(() -> DomainCapabilities.fromXml("<domainCapabilities><domain>kvm</domain><arch>x86_64</arch></domainCapabilities>"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("domainCapabilities/path");
          assertThat(e.rule()).isEqualTo("is required");
        });
  }
}
