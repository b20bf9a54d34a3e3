package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.network.bgp.BgpNeighbor;
import io.kvmsdk.network.bgp.BirdConfig;
import io.kvmsdk.testkit.EnableFakeKvm;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.FaultMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chapter 4's BGP half on fake hosts hv1 and hv2: rendered, checked, written; a failing write; configs the check refuses. */
@EnableFakeKvm
class BgpEcmpTest {
  @EnableFakeKvm.Host("hv1") FakeHost hv1;
  @EnableFakeKvm.Host("hv2") FakeHost hv2;

  @Test void bothHostsGetABirdConfWithEcmpAndBfdAndNoPasswordIsPrinted() {
    RecipeRun run = RecipeRun.of(BgpEcmp.recipe(), BgpEcmp::body);

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).contains("# hv1: checked: ECMP over up to 4 paths, BFD 100 ms x 3 on 2 sessions, announces [203.0.113.0/26]")
        .contains("merge paths yes limit 4;", "bfd on;", "password \"****\";", "  [2/2] bird.conf on hv2", "# bird.conf in place on hv1, hv2")
        .containsAnyOf("bird -p: OK", "bird -p: bird is not installed here, skipped")
        .doesNotContain("change-me-tor", "REFUSED");
    assertThat(hv1.file(BgpEcmp.CONF)).hasValueSatisfying(c -> assertThat(c).contains("route 203.0.113.0/26 blackhole;")
        .contains("neighbor 198.18.1.2 as 65100;").contains("password \"change-me-tor1\";"));
    assertThat(hv2.file(BgpEcmp.CONF)).hasValueSatisfying(c -> assertThat(c).contains("route 203.0.113.64/26 blackhole;"));
    assertThat(hv1.file(BgpEcmp.CONF + ".new")).isEmpty();
  }

  @Test void aFailingWriteOnHv2TakesHv1sFileBackAndExits1() {
    hv2.failWhen(FaultMatcher.containing(BgpEcmp.CONF + ".new"), 1, "install: cannot create regular file '/etc/bird/bird.conf.new': Read-only file system");

    RecipeRun run = RecipeRun.of(BgpEcmp.recipe(), BgpEcmp::body);

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.oneErrorLine()).as(run.err()).isTrue();
    assertThat(run.err()).startsWith("BgpEcmp: plan failed on hv2 at step 1/2 (write /etc/bird/bird.conf.new)");
    assertThat(run.out()).contains("# hv2: FAILED; rolled back: /etc/bird/bird.conf removed again from hv1");
    assertThat(hv1.file(BgpEcmp.CONF)).isEmpty();
    assertThat(hv1.file(BgpEcmp.CONF + ".new")).isEmpty();
    assertThat(hv2.file(BgpEcmp.CONF)).isEmpty();
  }

  @Test void theCheckRefusesASingleNextHopOrASessionWithoutBfd() {
    assertThat(BgpEcmp.check(BgpEcmp.config("hv1"))).isEmpty();
    assertThat(BgpEcmp.check(BgpEcmp.config("hv1").copy(b -> b.ecmp(false)))).containsExactly("no ECMP: the kernel gets one next hop only");
    assertThat(BgpEcmp.check(BgpEcmp.config("hv1").copy(b -> b.maxPaths(1)))).containsExactly("ECMP limit 1 is below the 2 uplinks");
    BirdConfig noBfd = BgpEcmp.config("hv2").copy(b -> b.neighbors(List.of(BgpEcmp.config("hv2").neighbors().get(0),
        BgpNeighbor.builder().from(BgpEcmp.config("hv2").neighbors().get(1)).bfd(false).build())));
    assertThat(BgpEcmp.check(noBfd)).containsExactly("session tor2 has no BFD: a dead uplink is noticed after the hold time only");
  }

  @Test void realHostsWithoutApplyGetDryRunsWithBirdPAndThePasswordsMasked() {
    RecipeRun run = RecipeRun.of(BgpEcmp.recipe(), BgpEcmp::body, "--uri", "test:///default", "--uri", "test:///default");
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).contains("# hv1: dry run", "bird -p -c /etc/bird/bird.conf.new", "birdc configure").doesNotContain("change-me-tor");
  }
}
