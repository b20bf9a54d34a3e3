package io.kvmsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.nwfilter.NwFilterBinding;
import io.kvmsdk.network.HostMacs;
import io.kvmsdk.network.MacPool;
import io.kvmsdk.testkit.EnableFakeKvm;
import io.kvmsdk.testkit.FakeHost;
import io.kvmsdk.testkit.FakeHostSnapshot;
import io.kvmsdk.testkit.FakeHypervisor;
import io.kvmsdk.testkit.Fault;
import io.kvmsdk.testkit.FaultMatcher;
import io.kvmsdk.testkit.FaultRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chapters 1-3: the NAT network with a guest, its host side on a fake host; a failing host step, a dropped connection. */
@EnableFakeKvm
class NatNetworkWithGuestTest {
  Kvm kvm;
  FakeHost host;
  @EnableFakeKvm.Host("hv1") Kvm kvm1;
  @EnableFakeKvm.Host("hv1") FakeHost hv1;
  @EnableFakeKvm.Host("hv1") FakeHypervisor fake1;

  @Test void theGuestRunsOnTheNatNetworkWithItsPooledMacAndFilter() {
    NatNetworkWithGuest.Result r = NatNetworkWithGuest.run(kvm, "eth0", 17);
    assertThat(r.mac()).isEqualTo("52:54:00:00:44:00");
    assertThat(r.network().isActive()).isTrue();
    assertThat(r.network().spec().forward().orElseThrow().mode()).contains("nat");
    assertThat(r.network().spec().toXml()).contains("<host mac='52:54:00:00:44:00' name='web1' ip='192.168.150.10'/>");
    assertThat(r.guest().spec().devices().interfaces().get(0).mac().orElseThrow().address()).contains("52:54:00:00:44:00");
    List<NwFilterBinding> bindings = kvm.nwfilters().bindings().list();
    assertThat(bindings).singleElement().satisfies(b -> {
      assertThat(b.spec().filter()).isEqualTo("kvmsdk-clean-traffic");
      assertThat(b.spec().mac()).isEqualTo("52:54:00:00:44:00");
    });
  }

  @Test void theNextGuestOfTheHostGetsTheNextAddress() {
    NatNetworkWithGuest.run(kvm, "eth0", 17);
    MacPool pool = MacPool.builder().name("fleet").prefix("52:54:00").hostBits(14).guestBits(10).host(17)
        .avoid(HostMacs.domains(kvm)).build();
    assertThat(pool.allocate()).as("web1's address is in use on the host").isEqualTo("52:54:00:00:44:01");
  }

  @Test void theHostSideConvergesAFakeHostOnceAndThenChangesNothing() {
    NatNetworkWithGuest.Result r = NatNetworkWithGuest.run(kvm, "eth0", 17);
    assertThat(NatNetworkWithGuest.applyHostSide(r, host).changed()).isTrue();
    assertThat(host.sysctl("net.ipv4.ip_forward")).isEqualTo("1");
    assertThat(host.run(HostCommand.of("nft", "list", "table", "ip", "kvmsdk_guests")).stdout())
        .contains("fib daddr type local tcp dport 2222 dnat to 192.168.150.10:22");
    FakeHostSnapshot converged = host.snapshot();
    assertThat(NatNetworkWithGuest.applyHostSide(r, host).changed()).isFalse();
    host.assertUnchangedSince(converged);
  }

  @Test void theRecipePrintsTheXmlAndAppliesTheHostPlanToFakeHostHv1() {
    RecipeRun run = RecipeRun.of(NatNetworkWithGuest.recipe(), NatNetworkWithGuest::body);

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).contains("== network guests on fake:///hv1", "<forward mode='nat'", "<filterref filter='kvmsdk-clean-traffic'>",
        "table ip kvmsdk_guests {", "net.ipv4.ip_forward = 1", "Plan with 4 steps:", "sysctl -w net.ipv4.ip_forward=1",
        "  hv1 [4/4] ", "# web1 RUNNING on guests", "# DHCP lease read back: 192.168.150.10/24 (web1, until ");
    assertThat(hv1.sysctl("net.ipv4.ip_forward")).isEqualTo("1");
    assertThat(kvm1.domains().get("web1").state()).isEqualTo(DomainState.RUNNING);
  }

  @Test void aFailingHostStepRollsBackTheHostAndTakesTheGuestNetworkAndFiltersBack() {
    hv1.failWhen(FaultMatcher.command("nft", "-f"), 1, "Error: Could not process rule: Operation not permitted");

    RecipeRun run = RecipeRun.of(NatNetworkWithGuest.recipe(), NatNetworkWithGuest::body);

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.oneErrorLine()).as(run.err()).isTrue();
    assertThat(run.err()).startsWith("NatNetworkWithGuest: plan failed on hv1 at step").contains("rolled back:");
    assertThat(run.out()).contains("rolling back").contains("# rolled back on fake:///hv1: guest web1 stopped, guest web1 undefined,"
        + " its new filters undefined, network guests stopped, network guests undefined");
    assertThat(kvm1.domains().find("web1")).isEmpty();
    assertThat(kvm1.networks().find("guests")).isEmpty();
    assertThat(kvm1.nwfilters().list()).noneMatch(f -> f.name().startsWith("kvmsdk-"));
    assertThat(kvm1.nwfilters().bindings().list()).isEmpty();
    assertThat(hv1.run(HostCommand.of("nft", "list", "table", "ip", "kvmsdk_guests")).exitCode()).isNotZero();
  }

  @Test void aDroppedConnectionStopsWithOneLineAndLeavesNoNetworkOrFilter() {
    fake1.inject(FaultRule.of(Fault.CONNECTION_DROPPED, FaultMatcher.operation("defineDomain")).once());

    RecipeRun run = RecipeRun.of(NatNetworkWithGuest.recipe(), NatNetworkWithGuest::body);

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.oneErrorLine()).as(run.err()).isTrue();
    assertThat(run.err()).startsWith("NatNetworkWithGuest: lost the connection to a host");
    assertThat(kvm1.networks().find("guests")).isEmpty();
    assertThat(kvm1.nwfilters().list()).noneMatch(f -> f.name().startsWith("kvmsdk-"));
    assertThat(hv1.commandLines()).as("the host was not touched").isEmpty();
  }

  @Test void aUriThatDoesNotConnectIsOneLineAndExit2() {
    RecipeRun run = RecipeRun.of(NatNetworkWithGuest.recipe(), NatNetworkWithGuest::body, "--uri", "nonsense://hv9/system");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("NatNetworkWithGuest: cannot connect to nonsense://hv9/system");
  }
}
