package io.kvmsdk.testkit.contract;

import static io.kvmsdk.testkit.contract.ContractCapability.EVENTS;
import static io.kvmsdk.testkit.contract.ContractCapability.GUEST_AGENT;
import static io.kvmsdk.testkit.contract.ContractCapability.QEMU_DRIVER;
import static io.kvmsdk.testkit.contract.ContractCapability.SECRETS;
import static io.kvmsdk.testkit.contract.ContractCapability.SNAPSHOTS;
import static io.kvmsdk.testkit.contract.ContractCapability.STATS;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.testkit.FakeCluster;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/**
 * The {@code agent} contract cases against the fake and against a real libvirtd with QEMU
 * ({@code $KVM_SDK_LIBVIRT_URI}; skipped without one). Same capabilities, same expectations.
 */
class AgentContractRunsTest {
  static final Set<ContractCapability> CAPS = EnumSet.of(QEMU_DRIVER, GUEST_AGENT, EVENTS, STATS, SNAPSHOTS, SECRETS);

  @Nested
  class Fake extends HypervisorContract {
    final FakeCluster cluster = FakeCluster.create();

    @Override protected Kvm connect() { return Kvm.using(cluster.hypervisor("a")); }

    @Override protected Set<ContractCapability> capabilities() { return CAPS; }

    @Override protected List<ContractCase> cases() { return AgentContractCases.all(); }
  }

  @Nested
  class Real extends HypervisorContract {
    @Override protected Kvm connect() {
      String uri = System.getenv("KVM_SDK_LIBVIRT_URI");
      Oracles.require(uri != null, "no private libvirtd: run `bash scripts/oracles.sh start` and source /tmp/kvm-sdk-oracles/env");
      return Kvm.connect(uri);
    }

    @Override protected Set<ContractCapability> capabilities() { return CAPS; }

    @Override protected List<ContractCase> cases() { return AgentContractCases.all(); }
  }
}
