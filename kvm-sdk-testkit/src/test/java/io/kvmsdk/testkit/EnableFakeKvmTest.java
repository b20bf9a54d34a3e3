package io.kvmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.host.HostCommand;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@EnableFakeKvm
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnableFakeKvmTest {
  FakeClock clock;
  FakeHost host;
  @EnableFakeKvm.Host("hv2") FakeHypervisor hv2;

  @Test @Order(1) void injectsFieldsAndParametersOfOneWorld(Kvm kvm, FakeHypervisor fake, FakeCluster cluster, FakeHost sameHost) {
    assertThat(sameHost).isSameAs(host);
    assertThat(cluster.clock()).isSameAs(clock);
    assertThat(kvm.uri()).isEqualTo("fake:///default");
    kvm.domains().define(FakeHypervisorTest.web("web1")).start();
    assertThat(fake.domainNames()).containsExactly("web1");
    assertThat(hv2.domainNames()).isEmpty();
    try (Kvm viaUri = Kvm.connect("fake:///default")) {
      assertThat(viaUri.domains().get("web1").state()).isEqualTo(DomainState.RUNNING);
    }
    host.run(HostCommand.of("ip", "link", "add", "br0", "type", "bridge"));
    clock.advance(Duration.ofHours(1));
  }

  @Test @Order(2) void theNextTestStartsFromScratch(Kvm kvm) {
    assertThat(kvm.domains().list()).isEmpty();
    assertThat(host.hasLink("br0")).isFalse();
    assertThat(host.commands()).isEmpty();
    assertThat(clock.instant()).isEqualTo(FakeClock.DEFAULT_START);
  }

  @Test @Order(3) void namedHostsAreDistinct(@EnableFakeKvm.Host("hv1") FakeHost hv1, @EnableFakeKvm.Host("hv1") Kvm kvm1) {
    assertThat(hv1).isNotSameAs(host);
    assertThat(hv1.host()).isEqualTo("hv1");
    assertThat(kvm1.uri()).isEqualTo("fake:///hv1");
  }
}
