package io.kvmsdk.storage.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.storage.fake.StorageFakes;
import io.kvmsdk.storage.fake.Tgtadm;
import io.kvmsdk.storage.fake.TgtdState;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.FakeHostSnapshot;
import org.junit.jupiter.api.Test;

class TgtPlanOnFakeHostTest {
  static final String SECRET = "s3cret-s3cret";
  static final String MUTUAL = "other-s3cret";

  static IscsiTarget target() {
    return IscsiTarget.builder().iqn("iqn.2026-01.io.kvmsdk:vmstore").tid(3)
        .addLun(1, "/srv/iscsi/vm1.img")
        .addLun(IscsiLun.file(2, "/srv/iscsi/iso.img").copy(l -> l.readOnly(true).serial("iso-1").queueDepth(32)))
        .addPortal("192.0.2.10", 3260).addPortal("198.51.100.10", 3260)
        .chap("vmuser", SECRET).mutualChap("tgtuser", MUTUAL)
        .allowInitiator("iqn.2026-01.io.kvmsdk:hv1").allowInitiator("iqn.2026-01.io.kvmsdk:hv2")
        .maxConnections(2)
        .build();
  }

  static FakeHost san() {
    return StorageFakes.tgtHost("san1").withFile("/srv/iscsi/vm1.img", "x".repeat(4096)).withFile("/srv/iscsi/iso.img", "iso");
  }

  @Test void tgtPlanCreatesTheTargetOnceAndChangesNothingTheSecondTime() {
    FakeHost host = san();
    Plan plan = target().tgtPlan();
    PlanResult first = plan.apply(host);
    assertThat(first.changed()).isTrue();
    TgtdState.Daemon d = host.state(Tgtadm.TGTD).daemon(0).orElseThrow();
    TgtdState.Target t = d.targets().get(3);
    assertThat(t.name()).isEqualTo("iqn.2026-01.io.kvmsdk:vmstore");
    assertThat(t.luns().keySet()).containsExactly(0L, 1L, 2L);
    assertThat(t.luns().get(2L).readOnly()).isTrue();
    assertThat(t.luns().get(2L).serial()).isEqualTo("iso-1");
    assertThat(t.luns().get(1L).size()).isEqualTo(4096);
    assertThat(t.acl()).containsExactly("iqn.2026-01.io.kvmsdk:hv1", "iqn.2026-01.io.kvmsdk:hv2");
    assertThat(t.incomingAccounts()).containsExactly("vmuser");
    assertThat(t.outgoingAccount()).contains("tgtuser");
    assertThat(d.password("vmuser")).isEqualTo(SECRET);
    assertThat(t.params()).containsEntry("MaxConnections", "2").containsEntry("MaxQueueCmd", "32");
    assertThat(d.portals()).contains("192.0.2.10:3260", "198.51.100.10:3260");

    FakeHostSnapshot before = host.snapshot();
    PlanResult second = plan.apply(host);
    assertThat(second.changed()).isFalse();
    host.assertUnchangedSince(before);
  }

  @Test void removalDeletesTheTargetAndItsAccountsAndIsIdempotent() {
    FakeHost host = san();
    target().tgtPlan().apply(host);
    assertThat(target().tgtRemovalPlan().apply(host).changed()).isTrue();
    TgtdState.Daemon d = host.state(Tgtadm.TGTD).daemon(0).orElseThrow();
    assertThat(d.targets()).isEmpty();
    assertThat(d.accounts()).isEmpty();
    assertThat(target().tgtRemovalPlan().apply(host).changed()).isFalse();
  }

  @Test void aFailingLunRollsBackTheTargetAndTheMessageHasNoSecret() {
    FakeHost host = StorageFakes.tgtHost("san1").withFile("/srv/iscsi/vm1.img", "x");   // iso.img is missing
    assertThatThrownBy(() -> target().tgtPlan().apply(host))
        .isInstanceOf(PlanFailedException.class)
        .hasMessageContaining("add LUN 2")
        .hasMessageContaining("invalid request")
        .satisfies(e -> assertThat(e.toString()).doesNotContain(SECRET, MUTUAL));
    assertThat(host.state(Tgtadm.TGTD).daemon(0).orElseThrow().targets()).isEmpty();
  }

  @Test void planAndScriptShowNoSecret() {
    Plan plan = target().tgtPlan();
    assertThat(plan.toString()).doesNotContain(SECRET, MUTUAL).contains("--password ****");
    assertThat(plan.toScript()).doesNotContain(SECRET, MUTUAL).contains("TGT_CHAP_VMUSER").contains("TGT_MUTUAL_CHAP_TGTUSER");
    assertThat(target().toString()).doesNotContain(SECRET, MUTUAL).contains("incominguser vmuser ****");
    System.out.println(plan);
  }

  @Test void theFakeAnswersLikeTgtadmWithoutADaemon() {
    FakeHost host = StorageFakes.host("nodaemon");
    var r = host.run(HostCommand.of("tgtadm", "--op", "show", "--mode", "target"));
    assertThat(r.exitCode()).isEqualTo(107);
  }
}
