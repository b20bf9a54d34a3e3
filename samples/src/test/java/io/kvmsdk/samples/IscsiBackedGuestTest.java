package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.storage.fake.Iscsiadm;
import io.kvmsdk.storage.fake.StorageFakes;
import io.kvmsdk.storage.fake.Tgtadm;
import io.kvmsdk.testkit.FakeHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IscsiBackedGuestTest {
  @Test void servesTheLunLogsInOnTwoPortalsAndBootsTheGuestWithoutPrintingTheSecret() {
    FakeHost san = StorageFakes.tgtHost("san1", "192.0.2.10:3260");
    san.run(HostCommand.builder().args("install", "-D", "-m", "0600", "/dev/stdin", "/srv/iscsi/web1.img").stdin("disk").build()).orThrow();
    FakeHost hv1 = StorageFakes.host("hv1").withState(Iscsiadm.STATE, s -> s.expose(IscsiBackedGuest.TARGET));
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (Kvm kvm = Kvm.connect("fake:///iscsi-sample")) {
      Domain d = IscsiBackedGuest.run(new PrintStream(buf, true, StandardCharsets.UTF_8), san, hv1, kvm);
      assertThat(d.state()).isEqualTo(DomainState.RUNNING);
      assertThat(kvm.pools().get("vmstore").volumes().list()).isNotNull();
      assertThat(kvm.secrets().find(IscsiBackedGuest.SECRET_USAGE)).isPresent();
      assertThat(d.spec().toXml()).contains("protocol='iscsi'", "iqn.2026-01.io.kvmsdk:vmstore/1", "usage='vmstore-chap'");
    }
    var tgtd = san.state(Tgtadm.TGTD).daemon(0).orElseThrow();
    assertThat(tgtd.portals()).contains("192.0.2.10:3260", "198.51.100.10:3260");
    assertThat(tgtd.targets().get(1).acl()).containsExactly("iqn.2026-01.io.kvmsdk:hv1");
    assertThat(hv1.state(Iscsiadm.STATE).sessions()).hasSize(2);
    assertThat(hv1.file("/etc/multipath.conf").orElseThrow()).contains("prio alua", "path_grouping_policy group_by_prio", "failback immediate", "no_path_retry 12");
    String printed = buf.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("again: changed=false", "<pool type='iscsi-direct'>", "incominguser hv1chap ****").doesNotContain("Tr0ub4dor-san");
  }

  @Test void theRecipeRunsOnFakeHostsWithoutArgumentsAndBadArgumentsAreOneLine() {
    RecipeRun run = RecipeRun.of(IscsiBackedGuest.recipe(), IscsiBackedGuest::body);
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).contains("guest web1: RUNNING", "  san1 [1/", "  hv1 [1/").doesNotContain("Tr0ub4dor-san");

    RecipeRun bad = RecipeRun.of(IscsiBackedGuest.recipe(), IscsiBackedGuest::body, "--uri", "qemu:///system");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.oneErrorLine()).isTrue();
    assertThat(bad.err()).contains("needs 2 --uri (for hv1, san1), got 1");
  }
}
