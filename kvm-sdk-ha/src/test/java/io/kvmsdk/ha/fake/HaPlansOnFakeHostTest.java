package io.kvmsdk.ha.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.core.host.StepStatus;
import io.kvmsdk.ha.VipGroup;
import io.kvmsdk.ha.drbd.DrbdResource;
import io.kvmsdk.ha.drbd.DrbdService;
import io.kvmsdk.ha.drbd.DrbdVolume;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.FakeHostSnapshot;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The DRBD and keepalived plans applied to fake hosts: converge, re-apply without change, survive a reboot, fail and roll back. */
class HaPlansOnFakeHostTest {
  static final DrbdResource R0 = DrbdResource.builder().name("r0").allowTwoPrimaries(true).cramHmacAlg("sha256").sharedSecret("drbd-s3cret")
      .addVolume(DrbdVolume.of(0, "/dev/vg0/vm1")).addHost("hv1", 0, "198.18.0.1").addHost("hv2", 1, "198.18.0.2").build();

  @Test void theDrbdPlanBringsTheResourceUpOnceAndAgainAfterAReboot() {
    FakeHost hv1 = HaFakes.host("hv1").withFile("/dev/vg0/vm1", "");
    PlanResult first = R0.plan("hv1").apply(hv1);
    assertThat(first.changed()).isTrue();
    assertThat(hv1.file("/etc/drbd.d/r0.res")).contains(R0.resFile());
    DrbdState s = hv1.state(DrbdState.SLOT);
    assertThat(s.hasMetadata("/dev/vg0/vm1")).isTrue();
    assertThat(s.up("r0").orElseThrow().role()).isEqualTo("Secondary");
    assertThat(hv1.commandLines()).noneMatch(l -> l.contains("drbd-s3cret"));

    FakeHostSnapshot before = hv1.snapshot();
    assertThat(R0.plan("hv1").apply(hv1).changed()).as("re-applying changes nothing").isFalse();
    hv1.assertUnchangedSince(before);

    // no one said whose data is good yet: DRBD refuses a primary
    assertThat(hv1.run(HostCommand.of("drbdadm", "primary", "r0")).exitCode()).isEqualTo(11);
    DrbdService.defaults().initialSyncPlan(R0, "hv1").apply(hv1);
    assertThat(hv1.state(DrbdState.SLOT).up("r0").orElseThrow().role()).isEqualTo("Primary");

    hv1.reboot();
    assertThat(hv1.state(DrbdState.SLOT).up("r0")).isEmpty();
    PlanResult again = R0.plan("hv1").apply(hv1);
    assertThat(again.steps()).extracting(x -> x.status())
        .containsExactly(StepStatus.SKIPPED_ALREADY_DONE, StepStatus.SKIPPED_ALREADY_DONE, StepStatus.APPLIED);
    assertThat(hv1.state(DrbdState.SLOT).up("r0")).isPresent();
  }

  @Test void aMissingDiskStopsThePlanAndTheHostIsLeftAsItWas() {
    FakeHost hv2 = HaFakes.host("hv2");
    assertThatThrownBy(() -> R0.plan("hv2").apply(hv2)).isInstanceOfSatisfying(PlanFailedException.class, e -> {
      assertThat(e.getMessage()).contains("create DRBD metadata of r0/0", "open(/dev/vg0/vm1) failed").doesNotContain("drbd-s3cret");
    });
    assertThat(hv2.state(DrbdState.SLOT).up("r0")).isEmpty();
  }

  @Test void theKeepalivedPlanChecksStartsAndReloads() {
    VipGroup g = VipGroup.builder().name("web").virtualRouterId(51).addVip("198.18.0.100/24").advertInterval(Duration.ofMillis(10))
        .addNode("hv1", "eth0", "198.18.0.1/24", 200).addNode("hv2", "eth0", "198.18.0.2/24", 100).build();
    FakeHost hv1 = HaFakes.host("hv1").withPhysicalLink("eth0");
    assertThat(g.plan("hv1").apply(hv1).changed()).isTrue();
    FakeProcesses.Process ka = hv1.state(FakeProcesses.SLOT).of("keepalived").get(0);
    assertThat(ka.loadedConfig()).isEqualTo(g.keepalivedConf("hv1"));
    assertThat(g.plan("hv1").apply(hv1).changed()).isFalse();

    VipGroup two = g.copy(b -> b.addVip("198.18.0.101/24"));
    PlanResult reload = two.plan("hv1").apply(hv1);
    assertThat(reload.steps()).extracting(x -> x.status())
        .containsExactly(StepStatus.APPLIED, StepStatus.SKIPPED_ALREADY_DONE, StepStatus.APPLIED);
    ka = hv1.state(FakeProcesses.SLOT).of("keepalived").get(0);
    assertThat(ka.reloads()).isEqualTo(1);
    assertThat(ka.loadedConfig()).contains("198.18.0.101/24");

    // a file keepalived refuses (its interface is missing on this host) never replaces the running one
    VipGroup elsewhere = VipGroup.builder().name("web").virtualRouterId(51).addVip("198.18.0.100/24")
        .addNode("hv1", "eth7", "198.18.0.1/24", 200).addNode("hv2", "eth7", "198.18.0.2/24", 100).build();
    assertThatThrownBy(() -> elsewhere.plan("hv1").apply(hv1)).isInstanceOfSatisfying(PlanFailedException.class,
        e -> assertThat(e.getMessage()).contains("interface eth7 for vrrp_instance web doesn't exist"));
    assertThat(hv1.file("/etc/keepalived/keepalived.conf")).contains(two.keepalivedConf("hv1"));
    assertThat(hv1.file("/etc/keepalived/keepalived.conf.new")).isEmpty();
  }
}
