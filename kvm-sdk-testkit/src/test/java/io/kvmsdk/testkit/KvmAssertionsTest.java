package io.kvmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.testkit.contract.ContractCases;
import org.junit.jupiter.api.Test;

@EnableFakeKvm
class KvmAssertionsTest {
  @Test void messagesSayWhereTheDomainReallyIs(FakeCluster cluster, @EnableFakeKvm.Host("hv1") Kvm hv1, @EnableFakeKvm.Host("hv2") Kvm hv2) {
    Domain web = hv1.domains().define(ContractCases.tinyGuest("web1")).start();
    KvmAssertions.assertDomainOn(cluster, "web1", "hv1", DomainState.RUNNING);
    assertThatThrownBy(() -> KvmAssertions.assertDomainOn(cluster, "web1", "hv2", DomainState.RUNNING))
        .hasMessage("expected domain 'web1' on host 'hv2' RUNNING, but it is on hv1 (RUNNING, persistent)");
    assertThatThrownBy(() -> KvmAssertions.assertDomainGone(cluster, "web1"))
        .hasMessage("expected domain 'web1' to be gone, but it is on hv1 (RUNNING, persistent)");
    assertThatThrownBy(() -> KvmAssertions.assertState(web, DomainState.PAUSED, hv1))
        .hasMessage("expected domain 'web1' on fake:///hv1 to be PAUSED, but it is RUNNING; domains there: [web1 RUNNING]");
    assertThatThrownBy(() -> KvmAssertions.assertDefined(hv2, "web1"))
        .hasMessage("expected domain 'web1' on fake:///hv2, but it is not there; domains there: []");

    web.migrateTo(hv2);
    KvmAssertions.assertDomainOn(cluster, "web1", "hv2", DomainState.RUNNING);
    KvmAssertions.assertDefined(hv2, "web1").destroy();
    KvmAssertions.assertState(web, DomainState.SHUTOFF, hv2);
    hv2.domains().get("web1").undefine();
    KvmAssertions.assertDomainGone(cluster, "web1");
  }
}
