package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.testkit.EnableFakeKvm;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.FakeHypervisor;
import io.kvmsdk.testkit.Fault;
import io.kvmsdk.testkit.FaultMatcher;
import io.kvmsdk.testkit.FaultRule;
import org.junit.jupiter.api.Test;

/** The command line every recipe shares: fake by default, one line and exit 2 for what the user must fix. */
class RecipeTest {
  static final Recipe.Body LIST = r -> {
    r.say("domains: " + r.kvm("hv1").domains().list());
    return Recipe.DONE;
  };

  @Test void withoutArgumentsItRunsOnAFreshFakeWorldEachTime() {
    Recipe.Body define = r -> {
      r.kvm("hv1").domains().define(GuestPlacement.guest("x", io.kvmsdk.core.Size.mib(64)));
      return Recipe.DONE;
    };
    assertThat(RecipeRun.of(Recipe.named("Demo"), define).status()).isZero();
    RecipeRun second = RecipeRun.of(Recipe.named("Demo"), define);
    assertThat(second.status()).as("no leftovers from the first run").isZero();
    assertThat(second.out()).startsWith("# Demo on fake hosts hv1 (fake:///NAME: nothing on this machine is touched)");
  }

  @Test void aUriThatDoesNotConnectIsOneLineAndExit2() {
    RecipeRun run = RecipeRun.of(Recipe.named("Demo"), LIST, "--uri", "nonsense://hv9/system");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.oneErrorLine()).as(run.err()).isTrue();
    assertThat(run.err()).startsWith("Demo: cannot connect to nonsense://hv9/system: ").contains("check the URI");
  }

  @Test void everyRecipeStopsInOneLineOnAUriThatDoesNotConnect() {
    record R(String name, Recipe recipe, Recipe.Body body, int hosts) {}
    for (R r : java.util.List.of(new R("VipFailover", VipFailover.recipe(), VipFailover::body, 2),
        new R("PacemakerGuest", PacemakerGuest.recipe(), PacemakerGuest::body, 2), new R("DrbdDualPrimary", DrbdDualPrimary.recipe(), DrbdDualPrimary::body, 2),
        new R("GuestSecurity", GuestSecurity.recipe(), GuestSecurity::body, 1), new R("GuestTuning", GuestTuning.recipe(), GuestTuning::body, 1),
        new R("GuestPlacement", GuestPlacement.recipe(), GuestPlacement::body, 2),
        new R("NatNetworkWithGuest", NatNetworkWithGuest.recipe(), NatNetworkWithGuest::body, 1),
        new R("IscsiBackedGuest", IscsiBackedGuest.recipe(), IscsiBackedGuest::body, 2), new R("CephRbdGuest", CephRbdGuest.recipe(), CephRbdGuest::body, 1),
        new R("TieredPools", TieredPools.recipe(), TieredPools::body, 2),
        new R("DrbdLiveMigration", DrbdLiveMigration.recipe(), DrbdLiveMigration::body, 2), new R("Monitoring", Monitoring.recipe(), Monitoring::body, 2))) {
      java.util.List<String> args = new java.util.ArrayList<>();
      for (int i = 0; i < r.hosts(); i++) args.addAll(java.util.List.of("--uri", "nonsense://hv" + i + "/system"));
      RecipeRun run = RecipeRun.of(r.recipe(), r.body(), args.toArray(String[]::new));
      assertThat(run.status()).as(r.name() + "\n" + run).isEqualTo(2);
      assertThat(run.oneErrorLine()).as(r.name() + "\n" + run).isTrue();
      assertThat(run.err()).startsWith(r.name() + ": cannot connect to nonsense://hv0/system");
    }
  }

  @Test void badArgumentsAreOneLineWithTheUsage() {
    for (String[] args : new String[][] {{"--uri"}, {"--frobnicate"}, {"qemu:///system"}, {"--apply"}, {"--uri", "a:///x", "--uri", "b:///y"}}) {
      RecipeRun run = RecipeRun.of(Recipe.named("Demo"), LIST, args);
      assertThat(run.status()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.oneErrorLine()).as(run.err()).isTrue();
      assertThat(run.out()).as("nothing ran").doesNotContain("domains:");
    }
    assertThat(RecipeRun.of(Recipe.named("Demo").hosts("hv1", "hv2"), LIST, "--uri", "a:///x").err())
        .contains("needs 2 --uri (for hv1, hv2), got 1").contains("usage: Demo [--uri URI_OF_HV1 --uri URI_OF_HV2 [--apply]]");
  }

  @Test void aRecipesOwnOptionsAndFlagsAreReadAnywhereOnTheLine() {
    Recipe demo = Recipe.named("Demo").option("--port", "N", "where to listen").flag("--serve", "keep serving");
    Recipe.Body show = r -> {
      r.say("port=" + r.intValue("--port", 0, 65535, 9177) + " serve=" + r.flagged("--serve") + " raw=" + r.value("--port").orElse("-"));
      return Recipe.DONE;
    };
    assertThat(RecipeRun.of(demo, show).out()).contains("port=9177 serve=false raw=-");
    assertThat(RecipeRun.of(demo, show, "--serve", "--port", "80", "--port", "81").out()).contains("port=81 serve=true raw=81");
    RecipeRun bad = RecipeRun.of(demo, show, "--port", "eighty");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("Demo: --port must be a whole number from 0 to 65535, got 'eighty'\n");
    RecipeRun missing = RecipeRun.of(demo, show, "--port", "--serve");
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).startsWith("Demo: --port needs a value (N); usage: Demo [--uri URI [--apply]] [--port N] [--serve]")
        .endsWith("; --port: where to listen, --serve: keep serving\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RecipeRun.of(demo, r -> r.flagged("--port") ? 0 : 1))
        .as("a value read as a flag is a bug in the recipe, not the user's").hasMessageContaining("--port takes a value");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> demo.flag("--uri", "x")).isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> demo.option("--port", "N", "again")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test void applyWithoutRootSaysWhyFirstThenStops() {
    Recipe recipe = Recipe.named("Demo").root("creates br0 (ip link)").rootCheck(() -> false);
    RecipeRun run = RecipeRun.of(recipe, LIST, "--uri", "qemu:///system", "--apply");
    assertThat(run.out()).startsWith("# --apply needs root: Demo creates br0 (ip link)");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("Demo: --apply needs root (creates br0 (ip link)): run it as root, or leave out --apply for a dry run\n");
  }

  @Test void realTargetsWithoutApplyGetDryRuns() {
    RecipeRun run = RecipeRun.of(Recipe.named("BondedJumboUplink"), BondedJumboUplink::body, "--uri", "test:///default");
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).contains("host plans as dry runs").contains("# hv1: dry run (add --apply to run it)").contains("ip link add");
  }

  @Test void applyOverSshOrLocallyOnly() {
    assertThat(Recipe.realRunner("qemu:///system").host()).isEqualTo("localhost");
    assertThat(Recipe.realRunner("qemu+ssh://root@hv1/system").host()).contains("hv1");
    assertThat(Recipe.isLocal("qemu+ssh://root@hv1/system")).isFalse();
    assertThatThrownBy(() -> Recipe.realRunner("qemu+tcp://hv1/system")).hasMessageContaining("this machine or over ssh");
  }

  @Test void applyRefusesAStandInHypervisorAndTwoHostsOnOneMachineBeforeConnecting() {
    Recipe two = Recipe.named("Demo").hosts("hv1", "hv2");
    RecipeRun testDriver = RecipeRun.of(Recipe.named("Demo"), LIST, "--uri", "test:///default", "--apply");
    assertThat(testDriver.status()).isEqualTo(2);
    assertThat(testDriver.err()).startsWith("Demo: --apply runs host plans on the machine a URI names, and test:///default is a stand-in");
    assertThat(testDriver.out()).as("nothing ran").doesNotContain("domains:");

    for (String[] uris : new String[][] {{"test:///default", "test:///default"}, {"qemu:///system", "qemu:///session"},
        {"qemu+ssh://root@hv1/system", "qemu+ssh://admin@HV1:22/system"}}) {
      RecipeRun run = RecipeRun.of(two, LIST, "--uri", uris[0], "--uri", uris[1], "--apply");
      assertThat(run.status()).as(run.toString()).isEqualTo(2);
      assertThat(run.oneErrorLine()).as(run.err()).isTrue();
      if (!uris[0].startsWith("test")) assertThat(run.err()).contains("hv1 and hv2 are the same machine (" + uris[0] + ", " + uris[1] + ")");
      assertThat(run.out()).doesNotContain("domains:");
    }
    assertThat(RecipeRun.of(two, LIST, "--uri", "test:///default", "--uri", "test:///default").status()).as("a dry run may share").isZero();
  }

  @Test void helpIsTheUsageOnStdoutAndExitZero() {
    RecipeRun run = RecipeRun.of(Recipe.named("Demo").hosts("hv1", "hv2"), LIST, "--help");
    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("usage: Demo [--uri URI_OF_HV1 --uri URI_OF_HV2 [--apply]]   (no arguments: fake hosts hv1, hv2)\n");
  }

  @Test void aFileErrorSaysWhatIsWrongNotOnlyThePath() {
    assertThat(Recipe.cause(new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException("/no/such/dir/r.yml"))))
        .isEqualTo("/no/such/dir/r.yml: no such file or directory");
    assertThat(Recipe.cause(new java.nio.file.AccessDeniedException("/etc/x"))).isEqualTo("/etc/x: permission denied");
    assertThat(Recipe.cause(new IllegalStateException("plain"))).isEqualTo("plain");
  }

  @Test @EnableFakeKvm
  void aTestsFakeWorldIsKeptSoItsFaultsApply(@EnableFakeKvm.Host("hv1") FakeHypervisor fake, @EnableFakeKvm.Host("hv1") FakeHost host) {
    fake.inject(FaultRule.of(Fault.CONNECTION_DROPPED, FaultMatcher.operation("listDomains")));
    RecipeRun run = RecipeRun.of(Recipe.named("Demo"), LIST);
    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).startsWith("Demo: lost the connection to a host (").endsWith("then run again\n");

    RecipeRun plan = RecipeRun.of(Recipe.named("BondedJumboUplink"), BondedJumboUplink::body);
    assertThat(plan.status()).as(plan.toString()).isZero();
    assertThat(host.link("bond0").mtu()).as("the plan ran on the test's own fake host").isEqualTo(9000);
    assertThat(plan.out()).contains("  hv1 [1/").contains(": applied");
  }

  @Test @EnableFakeKvm
  void aFailedPlanIsOneLineSayingWhatWasRolledBack(@EnableFakeKvm.Host("hv1") FakeHost host) {
    host.failWhen(FaultMatcher.containing("br0"), 2, "RTNETLINK answers: Operation not permitted");
    RecipeRun run = RecipeRun.of(Recipe.named("BondedJumboUplink"), BondedJumboUplink::body);
    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.oneErrorLine()).as(run.err()).isTrue();
    assertThat(run.err()).contains("plan failed on hv1 at step").contains("rolled back:");
    assertThat(host.hasLink("bond0")).as("rolled back").isFalse();
    assertThat(run.out()).contains("rolling back");
  }
}
