package io.kvmsdk.core.capabilities;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.testing.RelaxNg;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated documents (seeded, so a failure reproduces): every one renders schema-valid XML and
 * parses back equal, whatever characters its names and values hold.
 */
class CapabilitiesGeneratedTest {
  static final String CHARS = "abcXYZ019-_./:&<>'\" é";

  static String text(Random r) {
    StringBuilder sb = new StringBuilder();
    sb.append(CHARS.charAt(r.nextInt(12))); // never blank, never starts with a space
    for (int i = r.nextInt(8); i > 0; i--) sb.append(CHARS.charAt(r.nextInt(CHARS.length())));
    return sb.toString();
  }

  static DomCapsEnum anEnum(Random r) {
    DomCapsEnum.Builder b = DomCapsEnum.builder().name(text(r));
    for (int i = r.nextInt(4); i > 0; i--) b.addValue(text(r));
    return b.build();
  }

  static DomCapsSupport support(Random r) {
    DomCapsSupport.Builder b = DomCapsSupport.builder().supported(r.nextBoolean());
    for (int i = r.nextInt(3); i > 0; i--) b.addEnum(anEnum(r));
    return b.build();
  }

  static DomainCapabilities domainCapabilities(Random r) {
    DomCapsCpuMode.Builder custom = DomCapsCpuMode.builder().name("custom").supported(r.nextBoolean());
    for (int i = r.nextInt(4); i > 0; i--) {
      custom.addModel(DomCapsCpuModel.builder().name(text(r)).usable(r.nextBoolean() ? "yes" : "no").deprecated(r.nextBoolean()).vendor(text(r)).build());
    }
    DomainCapabilities.Builder b = DomainCapabilities.builder().path("/usr/bin/" + text(r)).domain(text(r)).arch(text(r))
        .vcpuMax(r.nextInt(1024)).iothreads(r.nextBoolean())
        .os(DomCapsOs.builder().supported(true).addEnum(DomCapsEnum.of("firmware", "efi"))
            .loader(DomCapsLoader.builder().supported(r.nextBoolean()).addValue("/fw/" + text(r)).addEnum(anEnum(r)).build()).build())
        .cpu(DomCapsCpu.builder()
            .addMode(DomCapsCpuMode.builder().name("host-passthrough").supported(r.nextBoolean()).addEnum(anEnum(r)).build())
            .addMode(DomCapsCpuMode.builder().name("maximum").supported(r.nextBoolean()).build())
            .addMode(DomCapsCpuMode.builder().name("host-model").supported(true)
                .addModel(DomCapsCpuModel.builder().name(text(r)).fallback("forbid").build()).vendor(text(r))
                .addFeature(DomCapsCpuFeature.builder().policy("require").name("f" + r.nextInt(1000)).build()).build())
            .addMode(custom.build())
            .build())
        .memoryBacking(support(r))
        .devices(DomCapsDevices.builder().disk(support(r)).graphics(support(r)).video(support(r)).hostdev(support(r))
            .rng(support(r)).filesystem(support(r)).tpm(support(r)).redirdev(support(r)).channel(support(r)).build())
        .features(DomCapsFeatures.builder().gic(support(r)).vmcoreinfo(DomCapsSupport.unsupported())
            .sev(DomCapsSev.builder().supported(true).cbitpos(r.nextInt(64)).reducedPhysBits(1).maxGuests(r.nextInt(100)).maxESGuests(r.nextInt(100)).build())
            .sgx(DomCapsSgx.builder().supported(true).flc(r.nextBoolean()).sgx1(true).sgx2(r.nextBoolean()).sectionSize(Size.kib(r.nextInt(1 << 20)))
                .addSection(DomCapsSgxSection.builder().node(0).size((long) r.nextInt(1 << 20)).unit("KiB").build()).build())
            .hyperv(support(r)).build());
    if (r.nextBoolean()) b.machine(text(r));
    return b.build();
  }

  static HostCapabilities hostCapabilities(Random r) {
    CapsHostCpu.Builder cpu = CapsHostCpu.builder().arch("x86_64").model(text(r)).vendor(text(r));
    for (int i = r.nextInt(5); i > 0; i--) cpu.addFeature("f" + r.nextInt(1000));
    CapsGuestArch.Builder arch = CapsGuestArch.builder().name("x86_64").wordsize(64).emulator("/usr/bin/" + text(r));
    for (int i = r.nextInt(5); i > 0; i--) {
      CapsMachine.Builder m = CapsMachine.builder().name(text(r)).maxCpus(r.nextInt(512) + 1);
      if (r.nextBoolean()) m.canonical(text(r));
      if (r.nextBoolean()) m.deprecated(r.nextBoolean());
      arch.addMachine(m.build());
    }
    arch.addDomain(CapsGuestDomain.builder().type(r.nextBoolean() ? "kvm" : "qemu").build());
    return HostCapabilities.builder()
        .host(CapsHost.builder().uuid("7b55704c-29f4-11b2-a85c-9dc6ff50623f").cpu(cpu.build())
            .addSecmodel(CapsSecModel.builder().model(text(r)).doi("0").addBaselabel(CapsBaseLabel.builder().type("kvm").label(text(r)).build()).build())
            .build())
        .addGuest(CapsGuest.builder().osType("hvm").arch(arch.build()).build())
        .build();
  }

  @Test
  void generatedDomainCapabilitiesRenderSchemaValidAndParseBackEqual() {
    RelaxNg schema = RelaxNg.of("domaincaps");
    Random r = new Random(20261126L);
    for (int i = 0; i < 100; i++) {
      DomainCapabilities dc = domainCapabilities(r);
      String xml = dc.toXml();

      assertThat(schema.errors(xml)).as(xml).isNull();
      assertThat(DomainCapabilities.fromXml(xml)).as(xml).isEqualTo(dc);
    }
  }

  @Test
  void generatedHostCapabilitiesRenderSchemaValidAndParseBackEqual() {
    RelaxNg schema = RelaxNg.of("capability");
    Random r = new Random(20261127L);
    for (int i = 0; i < 100; i++) {
      HostCapabilities caps = hostCapabilities(r);
      String xml = caps.toXml();

      assertThat(schema.errors(xml)).as(xml).isNull();
      assertThat(HostCapabilities.fromXml(xml)).as(xml).isEqualTo(caps);
    }
  }
}
