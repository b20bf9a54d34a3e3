package io.kvmsdk.testkit.contract;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.testkit.FakeCluster;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The contract suite against the testkit's fake: every case runs (the fake has every capability). */
class FakeContractTest extends HypervisorContract {
  private final FakeCluster cluster = FakeCluster.create();

  @Override protected Kvm connect() { return Kvm.using(cluster.hypervisor("a")); }

  @Override protected Optional<Kvm> connectPeer() { return Optional.of(Kvm.using(cluster.hypervisor("b"))); }

  @Override protected Set<ContractCapability> capabilities() { return EnumSet.allOf(ContractCapability.class); }
}
