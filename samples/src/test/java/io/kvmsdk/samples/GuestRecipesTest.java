package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.LibvirtException;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.nwfilter.NwFilter;
import io.kvmsdk.testkit.EnableFakeKvm;
import io.kvmsdk.testkit.FakeHypervisor;
import io.kvmsdk.testkit.Fault;
import io.kvmsdk.testkit.FaultMatcher;
import io.kvmsdk.testkit.FaultRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chapters 11 (placement), 13 (security) and 14 (tuning) on fake hosts, with faults. */
@EnableFakeKvm
class GuestRecipesTest {
  @EnableFakeKvm.Host("hv1") Kvm hv1;
  @EnableFakeKvm.Host("hv2") Kvm hv2;
  @EnableFakeKvm.Host("hv3") Kvm hv3;
  @EnableFakeKvm.Host("hv1") FakeHypervisor fake1;
  @EnableFakeKvm.Host("hv2") FakeHypervisor fake2;

  private static List<String> kvmsdkFilters(Kvm kvm) {
    return kvm.nwfilters().list().stream().map(NwFilter::name).filter(n -> n.startsWith("kvmsdk-")).toList();
  }

  // ---------------------------------------------------------------- 13: security

  @Test void theGuestRunsFilteredConfinedAndTheChapPasswordIsNeverPrinted() {
    RecipeRun run = RecipeRun.of(GuestSecurity.recipe(), GuestSecurity::body);

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(hv1.domains().get("tenant1-web").state()).isEqualTo(DomainState.RUNNING);
    assertThat(kvmsdkFilters(hv1)).containsExactlyInAnyOrder("kvmsdk-no-mac-spoofing", "kvmsdk-no-ip-spoofing", "kvmsdk-no-arp-spoofing",
        "kvmsdk-no-bpdu", "kvmsdk-tenant");
    assertThat(hv1.nwfilters().get("kvmsdk-no-bpdu").spec().toXml()).contains("<stp");
    String xml = hv1.domains().get("tenant1-web").spec().toXml();
    assertThat(xml).contains("filterref filter='kvmsdk-tenant'").contains("value='" + GuestSecurity.GUEST_IP + "'")
        .contains("seclabel type='dynamic' model='selinux'").contains("usage='" + GuestSecurity.TARGET + "'");
    assertThat(run.out()).contains("node.session.auth.password -v ****");
  }

  @Test void aPasswordGivenToTheRecipeAppearsNowhere() {
    char[] password = "hunter2-chap-secret".toCharArray();
    String printed = GuestSecurity.initiatorChap("tenant1", password.clone()).toString() + GuestSecurity.initiatorChap("tenant1", password.clone()).toScript();
    assertThat(printed).doesNotContain("hunter2");

    GuestSecurity.apply(hv1, "t1", password, Recipe.Progress.NONE);

    assertThat(password).as("wiped after use").containsOnly('\0');
    assertThat(hv1.secrets().get(GuestSecurity.TARGET).spec().toString()).doesNotContain("hunter2");
  }

  @Test void aDroppedConnectionHalfwayUndoesEverythingAndStopsWithExit2() {
    fake1.inject(FaultRule.of(Fault.CONNECTION_DROPPED, FaultMatcher.operation("defineNwfilter", "kvmsdk-no-arp-spoofing")).once());

    RecipeRun run = RecipeRun.of(GuestSecurity.recipe(), GuestSecurity::body);

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.oneErrorLine()).as(run.err()).isTrue();
    assertThat(run.err()).startsWith("GuestSecurity: lost the connection to a host");
    assertThat(kvmsdkFilters(hv1)).as("the two filters defined before the drop are undefined again").isEmpty();
  }

  @Test void aGuestThatDoesNotStartLeavesNoFilterSecretOrDefinition() {
    fake1.inject(FaultRule.of(Fault.LIBVIRT_ERROR, FaultMatcher.operation("startDomain")).once());

    assertThatThrownBy(() -> GuestSecurity.apply(hv1, "t1", "pw".toCharArray(), Recipe.Progress.NONE)).isInstanceOf(LibvirtException.class);

    assertThat(kvmsdkFilters(hv1)).isEmpty();
    assertThat(hv1.secrets().find(GuestSecurity.TARGET)).isEmpty();
    assertThat(hv1.domains().find("t1")).isEmpty();
  }

  // ---------------------------------------------------------------- 14: tuning

  @Test void theGuestIsPinnedToOneCellWithHugepagesAndTheEmulatorOnTheHousekeepingCore() {
    GuestTuning.Placement p = GuestTuning.place(GuestTuning.sampleHost(), 4, Size.gib(4));

    assertThat(p.cell()).as("cell 0 has 4096 pages, cell 1 only 1024").isZero();
    assertThat(p.vcpuCpus()).as("one thread per core first, core 0 kept for the host").containsExactly(2, 4, 6, 3);
    assertThat(p.emulatorCpus()).isEqualTo("0,1");
    assertThat(p.pages()).isEqualTo(2048);

    RecipeRun run = RecipeRun.of(GuestTuning.recipe(), GuestTuning::body);
    assertThat(run.status()).as(run.toString()).isZero();
    String xml = hv1.domains().get("db1").spec().toXml();
    assertThat(xml).contains("<hugepages>").contains("<vcpupin vcpu='0' cpuset='2'/>").contains("<emulatorpin cpuset='0,1'/>")
        .contains("<memory mode='strict' nodeset='0'/>").contains("host-passthrough");
  }

  @Test void aGuestNoCellCanHoldIsNotDefinedAndTheReportSaysWhatToReserve() {
    assertThatThrownBy(() -> GuestTuning.place(GuestTuning.sampleHost(), 4, Size.gib(16)))
        .isInstanceOf(KvmException.class).hasMessageContaining("no NUMA cell fits 4 vCPUs and 8192 x 2 MiB pages")
        .hasMessageContaining("cell 0 has 6 CPUs for guests and 4096 x 2 MiB pages").hasMessageContaining("nr_hugepages");
    assertThatThrownBy(() -> GuestTuning.place(GuestTuning.sampleHost(), 7, Size.gib(1))).hasMessageContaining("6 CPUs for guests");
  }

  @Test void aGuestThatDoesNotStartIsUndefinedAgain() {
    fake1.inject(FaultRule.of(Fault.LIBVIRT_ERROR, FaultMatcher.operation("startDomain", "db1")).once());

    RecipeRun run = RecipeRun.of(GuestTuning.recipe(), GuestTuning::body);

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.oneErrorLine()).isTrue();
    assertThat(hv1.domains().find("db1")).isEmpty();
  }

  // ---------------------------------------------------------------- 11: placement

  @Test void webServersGoOnDistinctHostsByFreeMemory() {
    RecipeRun run = RecipeRun.of(GuestPlacement.recipe(), GuestPlacement::body);

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).contains("[1/4] placing web1").contains("web1 -> fake:///hv2").contains("web2 -> fake:///hv3")
        .contains("web3 -> fake:///hv1").contains("db1 -> fake:///hv2");
  }

  @Test void aFourthWebServerHasNowhereToGo() {
    var web = List.of("w1", "w2", "w3", "w4").stream()
        .map(n -> new GuestPlacement.Request(GuestPlacement.guest(n, Size.gib(1)), "web")).toList();

    GuestPlacement.Report r = GuestPlacement.place(List.of(hv1, hv2, hv3), web, Recipe.Progress.NONE);

    assertThat(r.placed()).hasSize(3);
    assertThat(r.placed().values()).doesNotHaveDuplicates();
    assertThat(r.unplaced()).containsOnlyKeys("w4");
    assertThat(r.complete()).isFalse();
  }

  @Test void aLostHostIsSkippedAndAFailedStartIsTriedElsewhereWithoutLeavingADefinition() {
    fake2.inject(FaultRule.of(Fault.CONNECTION_DROPPED, FaultMatcher.operation("freeMemory")));
    fake1.inject(FaultRule.of(Fault.LIBVIRT_ERROR, FaultMatcher.operation("startDomain", "a1")).once());
    hv3.domains().define(GuestPlacement.guest("big", Size.gib(8))).start();   // hv1 has the most free memory

    GuestPlacement.Report r = GuestPlacement.place(List.of(hv1, hv2, hv3),
        List.of(new GuestPlacement.Request(GuestPlacement.guest("a1", Size.gib(1)), "a")), Recipe.Progress.NONE);

    assertThat(r.placed()).containsEntry("a1", "fake:///hv3");
    assertThat(r.notes()).anyMatch(n -> n.startsWith("fake:///hv2 skipped for a1"));
    assertThat(hv1.domains().find("a1")).as("undefined after its start failed").isEmpty();
  }
}
