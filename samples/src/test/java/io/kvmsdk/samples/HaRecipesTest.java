package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.ha.fake.HaFakes;
import io.kvmsdk.testkit.EnableFakeKvm;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.FakeHypervisor;
import io.kvmsdk.testkit.Fault;
import io.kvmsdk.testkit.FaultMatcher;
import io.kvmsdk.testkit.FaultRule;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chapters 8, 9 and 10 (DRBD) on fake hosts hv1 and hv2, with a failing step, a lost host, a dropped connection. */
@EnableFakeKvm
class HaRecipesTest {
  static final String CONF = "/etc/keepalived/keepalived.conf";
  @EnableFakeKvm.Host("hv1") FakeHost hv1;
  @EnableFakeKvm.Host("hv2") FakeHost hv2;
  @EnableFakeKvm.Host("hv1") Kvm kvm1;
  @EnableFakeKvm.Host("hv2") Kvm kvm2;
  @EnableFakeKvm.Host("hv2") FakeHypervisor fake2;

  private static boolean keepalivedRuns(FakeHost h) { return h.run(HostCommand.of("pgrep", "-F", "/run/keepalived.pid")).exitCode() == 0; }

  @Test void vipPairInstallsAndTheBackupTakesOverWhenTheMasterStops() {
    RecipeRun run = RecipeRun.of(VipFailover.recipe(), VipFailover::body);

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).contains("hv1: keepalived runs the new keepalived.conf; then stopped").contains("hv2: keepalived runs the new")
        .contains("held by hv1; after the master went: hv2").contains("3609 ms").contains("median 3286 ms").contains("median 33.8 ms");
    assertThat(hv2.file(CONF)).hasValueSatisfying(c -> assertThat(c).contains("priority 100").contains("192.0.2.50/24"));
    assertThat(keepalivedRuns(hv2)).isTrue();
    assertThat(keepalivedRuns(hv1)).isFalse();
  }

  @Test void aNodeWhoseFileKeepalivedRefusesIsLeftAsItWasAndTheReportSaysSo() {
    hv2.failWhen(FaultMatcher.command("keepalived", "-t"), 1, "Keepalived_vrrp: configuration error");

    RecipeRun run = RecipeRun.of(VipFailover.recipe(), VipFailover::body);

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("hv2: NOT installed: plan failed on hv2 at step 1/3 (write " + CONF + ")");
    assertThat(hv2.file(CONF)).as("the refused file never replaces the running one").isEmpty();
    assertThat(hv2.file(CONF + ".new")).as("rolled back").isEmpty();
    assertThat(keepalivedRuns(hv2)).isFalse();
  }

  @Test void whenTheMasterHostIsLostTheBackupHoldsTheVip() {
    for (FakeHost h : new FakeHost[] {hv1, hv2}) HaFakes.tools().forEach(h.withPhysicalLink("eth0")::withTool);
    Map<String, CommandRunner> hosts = new LinkedHashMap<>(Map.of("hv1", hv1, "hv2", hv2));
    VipFailover.Report r = VipFailover.run(VipFailover.GROUP, hosts, false, Recipe.Progress.NONE);
    assertThat(r.masterBefore()).as(r.toString()).contains("hv1");

    hv1.inject(FaultRule.of(Fault.HOST_CRASH, FaultMatcher.any()).once());

    assertThat(VipFailover.master(VipFailover.GROUP, hosts)).contains("hv2");
    assertThat(VipFailover.masterDownInterval(VipFailover.GROUP, "hv2").toMillis()).isEqualTo(3609);
  }

  @Test void pacemakerClusterIsPrintedAndEveryNodeGetsTheGuestXml() {
    RecipeRun run = RecipeRun.of(PacemakerGuest.recipe(), PacemakerGuest::body);

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).contains("totem {").contains("<cib").contains("VirtualDomain")
        .contains("pcs").contains("hv1: wrote " + PacemakerGuest.CONFIG);
    for (FakeHost h : new FakeHost[] {hv1, hv2}) {
      assertThat(h.file(PacemakerGuest.CONFIG)).hasValueSatisfying(x -> assertThat(x).contains("<name>vm1</name>"));
    }
    assertThat(kvm1.domains().find("vm1")).as("Pacemaker defines it, not the recipe").isEmpty();
  }

  @Test void aFailedNodeLeavesNoNodeHalfPrepared() {
    hv2.failWhen(FaultMatcher.command("install"), 1, "install: cannot create regular file '/etc/pacemaker/vm1.xml': Read-only file system");

    RecipeRun run = RecipeRun.of(PacemakerGuest.recipe(), PacemakerGuest::body);

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("hv2: FAILED: plan failed on hv2").contains("hv1: wrote " + PacemakerGuest.CONFIG + ", removed again");
    assertThat(hv1.file(PacemakerGuest.CONFIG)).isEmpty();
    assertThat(hv2.file(PacemakerGuest.CONFIG)).isEmpty();
  }

  @Test void aGuestRunningOutsidePacemakerIsRefusedBeforeAnythingIsWritten() {
    kvm2.domains().define(DomainSpec.builder().type("kvm").name("vm1").osType("hvm").memory(Size.mib(256)).build()).start();

    RecipeRun run = RecipeRun.of(PacemakerGuest.recipe(), PacemakerGuest::body);

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).contains("hv2: vm1 already runs here outside Pacemaker");
    assertThat(hv1.file(PacemakerGuest.CONFIG)).isEmpty();
  }

  @Test void aLostConnectionStopsWithOneLineAndExit2() {
    fake2.inject(FaultRule.of(Fault.CONNECTION_DROPPED, FaultMatcher.any()));

    RecipeRun run = RecipeRun.of(PacemakerGuest.recipe(), PacemakerGuest::body);

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.oneErrorLine()).as(run.err()).isTrue();
    assertThat(run.err()).startsWith("PacemakerGuest: lost the connection to a host");
    assertThat(hv1.file(PacemakerGuest.CONFIG)).isEmpty();
  }

  @Test void drbdComesUpOnBothNodesAndTheGuestSitsOnTheDevice() {
    RecipeRun run = RecipeRun.of(DrbdDualPrimary.recipe(), DrbdDualPrimary::body);

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).contains("allow-two-primaries").contains("/dev/drbd0").contains("primary --force").doesNotContain("change-me-before-use");
    assertThat(hv1.file("/etc/drbd.d/r0.res")).isPresent();
    assertThat(hv2.file("/etc/drbd.d/r0.res")).isPresent();
    assertThat(kvm1.domains().get("vm1").spec().toXml()).contains("/dev/drbd0");
  }

  @Test void drbdFailingOnOneNodeIsTakenDownOnTheOtherAndNoGuestIsDefined() {
    hv2.failWhen(FaultMatcher.command("drbdadm", "adjust"), 10, "r0: Failure: (102) Local address(port) already in use.");

    RecipeRun run = RecipeRun.of(DrbdDualPrimary.recipe(), DrbdDualPrimary::body);

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("hv2: FAILED: plan failed on hv2").contains("hv1: brought up, then taken down again");
    assertThat(hv1.file("/run/kvmsdk-drbd/r0.res")).as("hv1 no longer counts as adjusted").isEmpty();
    assertThat(hv1.commandLines()).anyMatch(l -> l.contains("drbdadm down r0"));
    assertThat(kvm1.domains().find("vm1")).isEmpty();
  }
}
