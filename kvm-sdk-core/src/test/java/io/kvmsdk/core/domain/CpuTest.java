package io.kvmsdk.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.testing.RelaxNg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuTest {
  static DomainSpec guest(Cpu cpu) {
    return DomainSpec.builder().type("kvm").name("web1").memory(Size.mib(2048)).vcpu(Vcpu.of(4))
        .os(Os.hvm("x86_64", "q35")).cpu(cpu).build();
  }

  static InvalidSpecException invalid(Runnable r) {
    try {
      r.run();
    } catch (InvalidSpecException e) {
      return e;
    }
    throw new AssertionError("expected an InvalidSpecException");
  }

  @Test
  void hostPassthroughWithTopologyRendersAndParsesBack() {
    DomainSpec d = guest(Cpu.hostPassthrough().withTopology(1, 2, 2));
    String xml = d.toXml();
    assertThat(xml).contains("<cpu mode='host-passthrough'>", "<topology sockets='1' cores='2' threads='2'/>");
    assertThat(DomainSpec.fromXml(xml)).isEqualTo(d);
    assertThat(RelaxNg.of("domain").errors(xml)).isNull();
  }

  @Test
  void customModelWithFeaturesAndNumaCellsIsSchemaValidAndRoundTrips() {
    Cpu cpu = Cpu.custom("Skylake-Client")
        .withTopology(CpuTopology.of(2, 1, 2, 1))
        .withFeature(CpuFeature.require("vmx"))
        .withFeature(CpuFeature.disable("hle"))
        .copy(b -> b.numa(CpuNuma.builder()
            .addCell(CpuNumaCell.of(0, "0-1", Size.gib(1)).copy(c -> c.memAccess("shared")
                .distances(CpuNumaCellDistances.builder().addSibling(CpuNumaCellSibling.of(0, 10))
                    .addSibling(CpuNumaCellSibling.of(1, 21)).build())))
            .addCell(CpuNumaCell.of(1, "2-3", Size.gib(1)).copy(c -> c.distances(CpuNumaCellDistances.builder()
                .addSibling(CpuNumaCellSibling.of(0, 21)).addSibling(CpuNumaCellSibling.of(1, 10)).build())))
            .build()));
    DomainSpec d = guest(cpu);
    String xml = d.toXml();
    assertThat(xml).contains("<model>Skylake-Client</model>", "<feature policy='require' name='vmx'/>",
        "<cell id='0' cpus='0-1' memory='1' unit='GiB' memAccess='shared'>", "<sibling id='1' value='21'/>");
    assertThat(RelaxNg.of("domain").errors(xml)).isNull();
    DomainSpec back = DomainSpec.fromXml(xml);
    assertThat(back).isEqualTo(d);
    assertThat(back.unmodeledPaths()).isEmpty();
    assertThat(back.cpu().get().numa().get().cells().get(1).memorySize()).contains(Size.gib(1));
  }

  @Test
  void topologyCountsItsVcpus() {
    assertThat(CpuTopology.of(2, 4, 2).vcpus()).isEqualTo(16);
    assertThat(CpuTopology.of(2, 2, 4, 2).vcpus()).isEqualTo(32);
  }

  @Test
  void topologyValuesMustBeAtLeastOne() {
    InvalidSpecException e = invalid(() -> CpuTopology.of(1, 0, 1));
    assertThat(e.field()).isEqualTo("@cores");
    assertThat(e.rule()).contains("at least 1", "got 0");
  }

  @Test
  void parsedTopologyErrorNamesTheFullPath() {
    String xml = "<domain type='kvm'><name>a</name><cpu><topology sockets='0' cores='1' threads='1'/></cpu></domain>";
    assertThatThrownBy(() -> DomainSpec.fromXml(xml))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("domain/cpu/topology/@sockets"));
  }

  @Test
  void numaCellIdsMustBeUnique() {
    InvalidSpecException e = invalid(() -> CpuNuma.of(CpuNumaCell.of(0, "0", Size.gib(1)), CpuNumaCell.of(0, "1", Size.gib(1))));
    assertThat(e.field()).isEqualTo("cell[2]/@id");
    assertThat(e.rule()).contains("unique");
  }

  @Test
  void numaDistanceMustBeInLibvirtsRange() {
    assertThat(invalid(() -> CpuNumaCellSibling.of(1, 5)).field()).isEqualTo("@value");
  }

  @Test
  void featurePolicyAndModeAreChecked() {
    assertThat(invalid(() -> CpuFeature.of("maybe", "vmx")).rule()).contains("force, require, optional, disable, forbid", "'maybe'");
    assertThat(invalid(() -> Cpu.builder().mode("passthrough").build()).field()).isEqualTo("@mode");
  }

  @Test
  void hostModelAndMaximumFactories() {
    assertThat(Cpu.hostModel().mode()).contains("host-model");
    assertThat(Cpu.maximum().mode()).contains("maximum");
    assertThat(Cpu.custom("EPYC").match()).contains("exact");
  }

  @Test
  void crossElementRulesForTheDomainCheckTheVcpuCount() {
    Cpu.hostPassthrough().withTopology(1, 8, 1).checkVcpuCount(20); // as libvirt's fd-memory-numa-topology2.xml
    Cpu numa = Cpu.hostModel().copy(b -> b.numa(CpuNuma.of(CpuNumaCell.of(0, "0-7", Size.gib(1)))));
    numa.checkVcpuCount(8);
    InvalidSpecException e = invalid(() -> numa.checkVcpuCount(4));
    assertThat(e.field()).isEqualTo("domain/cpu/numa/cell[1]/@cpus");
    assertThat(e.rule()).contains("below the vCPU count 4", "'0-7'");
    CpuTune.pinned(0, 1, 2).checkVcpuCount(2); // libvirt ignores the pin of a missing vCPU
    CpuTune sched = CpuTune.builder().addVcpusched(CpuTuneSched.builder().vcpus("0-5").scheduler("batch").build()).build();
    sched.checkVcpuCount(6);
    InvalidSpecException s = invalid(() -> sched.checkVcpuCount(4));
    assertThat(s.field()).isEqualTo("domain/cputune/vcpusched[1]/@vcpus");
    assertThat(s.rule()).contains("below the vCPU count 4");
  }

  @Test
  void libvirtsOwnCorpusPassesTheVcpuCountRules() throws IOException {
    List<String> rejected = new ArrayList<>();
    for (Path f : io.kvmsdk.core.testing.CorpusCheck.corpusFiles("domain")) {
      DomainSpec d = DomainSpec.fromXml(Files.readString(f));
      if (d.vcpu().isEmpty() || d.vcpu().get().count().isEmpty()) continue;
      int n = d.vcpu().get().count().get();
      try {
        d.cpu().ifPresent(c -> c.checkVcpuCount(n));
        d.cputune().ifPresent(t -> t.checkVcpuCount(n));
      } catch (InvalidSpecException e) {
        rejected.add(f.getFileName() + ": " + e.getMessage());
      }
    }
    assertThat(rejected).isEmpty();
  }
}
