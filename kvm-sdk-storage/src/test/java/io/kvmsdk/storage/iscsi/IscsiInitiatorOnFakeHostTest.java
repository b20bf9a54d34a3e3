package io.kvmsdk.storage.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.PlanFailedException;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.storage.fake.Iscsiadm;
import io.kvmsdk.storage.fake.IscsiadmState;
import io.kvmsdk.storage.fake.StorageFakes;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.FakeHostSnapshot;
import org.junit.jupiter.api.Test;

class IscsiInitiatorOnFakeHostTest {
  static final String SECRET = "s3cret-s3cret";
  static final IscsiInitiator HV1 = IscsiInitiator.named("iqn.2026-01.io.kvmsdk:hv1");

  static IscsiTarget twoPortals() {
    return IscsiTarget.builder().iqn("iqn.2026-01.io.kvmsdk:vmstore").addLun(1, "/srv/iscsi/vm1.img")
        .addPortal("192.0.2.10", 3260).addPortal("198.51.100.10", 3260)
        .chap("vmuser", SECRET).allowInitiator("iqn.2026-01.io.kvmsdk:hv1").build();
  }

  @Test void logsInOnBothPortalsOnceAndLogsOut() {
    IscsiTarget t = twoPortals();
    FakeHost hv1 = StorageFakes.host("hv1").withState(Iscsiadm.STATE, s -> s.expose(t));
    Plan login = HV1.loginPlan(t);
    assertThat(login.apply(hv1).changed()).isTrue();
    IscsiadmState s = hv1.state(Iscsiadm.STATE);
    assertThat(s.sessions()).containsExactly("192.0.2.10:3260 iqn.2026-01.io.kvmsdk:vmstore", "198.51.100.10:3260 iqn.2026-01.io.kvmsdk:vmstore");
    assertThat(s.record("192.0.2.10:3260", t.iqn()).orElseThrow().settings()).containsEntry("node.startup", "automatic")
        .containsEntry("node.session.auth.username", "vmuser");
    assertThat(hv1.file("/etc/iscsi/initiatorname.iscsi")).contains("InitiatorName=iqn.2026-01.io.kvmsdk:hv1\n");
    FakeHostSnapshot before = hv1.snapshot();
    assertThat(login.apply(hv1).changed()).isFalse();
    hv1.assertUnchangedSince(before);
    assertThat(before.toString()).doesNotContain(SECRET);

    assertThat(HV1.logoutPlan(t).apply(hv1).changed()).isTrue();
    assertThat(hv1.state(Iscsiadm.STATE).sessions()).isEmpty();
    assertThat(hv1.state(Iscsiadm.STATE).records()).isEmpty();
    assertThat(HV1.logoutPlan(t).apply(hv1).changed()).isFalse();
  }

  @Test void aWrongSecretFailsTheLoginAndRollsBackWithoutShowingIt() {
    IscsiTarget served = twoPortals();
    IscsiTarget wrong = served.copy(b -> b.chap("vmuser", "not-the-secret"));
    FakeHost hv1 = StorageFakes.host("hv1").withState(Iscsiadm.STATE, s -> s.expose(served));
    assertThatThrownBy(() -> HV1.loginPlan(wrong).apply(hv1))
        .isInstanceOf(PlanFailedException.class)
        .hasMessageContaining("authorization failure")
        .satisfies(e -> assertThat(e.toString()).doesNotContain("not-the-secret", SECRET));
    assertThat(hv1.state(Iscsiadm.STATE).sessions()).isEmpty();
  }

  @Test void anInitiatorOutsideTheAclDiscoversNothing() {
    IscsiTarget t = twoPortals();
    FakeHost hv2 = StorageFakes.host("hv2").withState(Iscsiadm.STATE, s -> s.expose(t));
    IscsiTarget open = t.copy(b -> b.initiators(java.util.List.of()).allowAnyInitiator(true));
    // the spec knows hv2 is not in the ACL ...
    assertThatThrownBy(() -> IscsiInitiator.named("iqn.2026-01.io.kvmsdk:hv2").loginPlan(t)).hasMessageContaining("not in the ACL");
    // ... and if the target's ACL changed behind its back, the discovery step says so
    assertThatThrownBy(() -> IscsiInitiator.named("iqn.2026-01.io.kvmsdk:hv2").loginPlan(open).apply(hv2))
        .isInstanceOf(PlanFailedException.class).hasMessageContaining("No portals found");
  }

  @Test void mutualChapNeedsTheTargetsSecretToo() {
    IscsiTarget t = twoPortals().copy(b -> b.mutualChap("tgtuser", "other-s3cret"));
    FakeHost hv1 = StorageFakes.host("hv1").withState(Iscsiadm.STATE, s -> s.expose(t));
    assertThat(HV1.loginPlan(t).apply(hv1).changed()).isTrue();
    assertThat(HV1.loginPlan(t).toString()).contains("node.session.auth.password_in -v ****").doesNotContain("other-s3cret");
    IscsiTarget impostor = t.copy(b -> b.mutualChap("tgtuser", "imposter-s3cr"));
    FakeHost hv1b = StorageFakes.host("hv1").withState(Iscsiadm.STATE, s -> s.expose(t));
    assertThatThrownBy(() -> HV1.loginPlan(impostor).apply(hv1b)).hasMessageContaining("authorization failure");
  }

  @Test void multipathConfPlanWritesTheFileAndReloadsOnce() {
    FakeHost hv1 = StorageFakes.host("hv1");
    Plan p = MultipathConf.forTgt().plan();
    assertThat(p.apply(hv1).changed()).isTrue();
    assertThat(hv1.file("/etc/multipath.conf")).contains(MultipathConf.forTgt().render());
    assertThat(p.apply(hv1).changed()).isFalse();
  }
}
