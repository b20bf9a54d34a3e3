package io.kvmsdk.network.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.NicFilterParameter;
import io.kvmsdk.core.nwfilter.NwFilterBinding;
import io.kvmsdk.core.nwfilter.NwFilterSpec;
import io.kvmsdk.testkit.FakeHypervisor;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterPolicyTest {
  @Test void cleanTrafficIsFourPartsThenTheTopFilter() {
    FilterPolicy clean = FilterPolicy.cleanTraffic();
    assertThat(clean.name()).isEqualTo("kvmsdk-clean-traffic");
    assertThat(clean.filters()).extracting(NwFilterSpec::name).containsExactly("kvmsdk-no-mac-spoofing", "kvmsdk-no-ip-spoofing",
        "kvmsdk-no-arp-spoofing", "kvmsdk-no-bpdu", "kvmsdk-clean-traffic");
    assertThat(clean.top().filterrefs()).extracting(r -> r.filter().orElseThrow())
        .containsExactly("kvmsdk-no-mac-spoofing", "kvmsdk-no-ip-spoofing", "kvmsdk-no-arp-spoofing", "kvmsdk-no-bpdu");
    for (NwFilterSpec f : clean.filters()) {
      f.validate();
      assertThat(NwFilterSpec.fromXml(f.toXml())).isEqualTo(f);
    }
    assertThat(Filters.noMacSpoofing().chain()).contains("mac");
    assertThat(Filters.noIpSpoofing().chain()).contains("ipv4");
    assertThat(Filters.noArpSpoofing().chain()).contains("arp");
    assertThat(Filters.noBpdu().chain()).contains("stp");
    assertThat(FilterPolicy.cleanTraffic("tenant1").filters()).extracting(NwFilterSpec::name).allMatch(n -> n.startsWith("tenant1-"));
  }

  @Test void aNicCarriesThePolicyWithItsParameters() {
    Nic nic = FilterPolicy.cleanTraffic().applyTo(Nic.network("default").mac("52:54:00:00:44:01").virtio(), "192.168.122.10", "192.168.122.11");
    assertThat(nic.filterref().orElseThrow().filter()).contains("kvmsdk-clean-traffic");
    assertThat(nic.filterref().orElseThrow().parameters()).containsExactly(NicFilterParameter.of("IP", "192.168.122.10"),
        NicFilterParameter.of("IP", "192.168.122.11"), NicFilterParameter.of("MAC", "52:54:00:00:44:01"));
    assertThat(nic.toString()).contains("<filterref filter='kvmsdk-clean-traffic'>", "<parameter name='IP' value='192.168.122.10'/>",
        "<parameter name='MAC' value='52:54:00:00:44:01'/>");
    Nic learnt = FilterPolicy.cleanTraffic().applyTo(Nic.network("default"));
    assertThat(learnt.filterref().orElseThrow().parameters()).as("no MAC, no IP: libvirt fills them").isEmpty();
  }

  @Test void badParametersAreRefusedNamingTheField() {
    assertThatThrownBy(() -> FilterPolicy.cleanTraffic().applyTo(Nic.network("default"), "192.168.122.300"))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("filterref/parameter[IP][1]");
    assertThatThrownBy(() -> FilterPolicy.cleanTraffic().filterref("01:00:5e:00:00:01", "10.0.0.1"))
        .hasMessageContaining("filterref/parameter[MAC]").hasMessageContaining("unicast");
    assertThatThrownBy(() -> FilterPolicy.cleanTraffic("bad name")).hasMessageContaining("filterPolicy/name");
    assertThatThrownBy(() -> FilterPolicy.of("x", List.of(NwFilterSpec.noStp("x").build()))).hasMessageContaining("filterPolicy/part[x]");
  }

  @Test void onAFakeHypervisorTheRunningGuestIsBoundToThePolicyWithItsAddress() {
    try (Kvm kvm = Kvm.using(FakeHypervisor.create("filters"))) {
      FilterPolicy clean = FilterPolicy.cleanTraffic();
      assertThat(clean.defineOn(kvm)).hasSize(5);
      Nic nic = clean.applyTo(Nic.network("default").mac("52:54:00:00:44:01").virtio(), "192.168.122.10");
      Domain web = kvm.domains().define(DomainSpec.builder().type("kvm").name("web1").osType("hvm").memory(Size.mib(256))
          .addInterface(nic).build()).start();
      List<NwFilterBinding> bindings = kvm.nwfilters().bindings().list();
      assertThat(bindings).hasSize(1);
      assertThat(bindings.get(0).spec().filter()).isEqualTo("kvmsdk-clean-traffic");
      assertThat(bindings.get(0).spec().parameters()).contains(NicFilterParameter.of("IP", "192.168.122.10"));
      assertThat(bindings.get(0).spec().mac()).isEqualTo("52:54:00:00:44:01");
      assertThat(web.spec().devices().interfaces().get(0).filterref()).isEqualTo(nic.filterref());
      assertThat(clean.defineOn(kvm)).as("defining again updates in place").hasSize(5);
      assertThat(kvm.nwfilters().list()).hasSize(5);
    }
  }
}
