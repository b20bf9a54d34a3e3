package io.kvmsdk.testkit;

import static io.kvmsdk.testkit.contract.ContractCapability.EVENTS;
import static io.kvmsdk.testkit.contract.ContractCapability.NETWORKS;
import static io.kvmsdk.testkit.contract.ContractCapability.NWFILTERS;
import static io.kvmsdk.testkit.contract.ContractCapability.QEMU_DRIVER;
import static io.kvmsdk.testkit.contract.ContractCapability.SECRETS;
import static io.kvmsdk.testkit.contract.ContractCapability.SNAPSHOTS;
import static io.kvmsdk.testkit.contract.ContractCapability.STATS;
import static io.kvmsdk.testkit.contract.ContractCapability.STORAGE;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.testkit.contract.ContractCapability;
import io.kvmsdk.testkit.contract.ContractCase;
import io.kvmsdk.testkit.contract.ContractCases;
import io.kvmsdk.testkit.contract.HypervisorContract;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/**
 * The network, storage and nwfilter contract cases against the fake, a real libvirtd with QEMU
 * ({@code $KVM_SDK_LIBVIRT_URI}) and libvirt's test driver: the same expectations, written from
 * what the real libvirtd did, must hold on each.
 */
class ObjectsContractRunsTest {
  static final String URI = System.getenv("KVM_SDK_LIBVIRT_URI");
  static final Set<ContractCapability> QEMU_LIKE = EnumSet.of(QEMU_DRIVER, NETWORKS, STORAGE, NWFILTERS, SECRETS, EVENTS, STATS, SNAPSHOTS);

  static List<ContractCase> objectCases() {
    return ContractCases.all().stream().filter(c -> Set.of("network", "storage", "nwfilter").contains(c.area())).toList();
  }

  @Nested class OnTheFake extends HypervisorContract {
    final FakeCluster cluster = FakeCluster.create();

    @Override protected Kvm connect() { return Kvm.using(cluster.hypervisor("a")); }

    @Override protected Set<ContractCapability> capabilities() { return QEMU_LIKE; }

    @Override protected List<ContractCase> cases() { return objectCases(); }
  }

  @Nested class OnARealLibvirtd extends HypervisorContract {
    @Override protected Kvm connect() {
      Oracles.require(URI != null, "KVM_SDK_LIBVIRT_URI is not set: start a private libvirtd with `bash scripts/oracles.sh start`"
          + " and source /tmp/kvm-sdk-oracles/env");
      return Kvm.connect(URI);
    }

    @Override protected Set<ContractCapability> capabilities() { return QEMU_LIKE; }

    @Override protected List<ContractCase> cases() { return objectCases(); }
  }

  /** libvirt's test driver: networks and storage pools, no nwfilters; its own wording of refusals. */
  @Nested class OnTheTestDriver extends HypervisorContract {
    @Override protected Kvm connect() {
      Oracles.require(URI != null, "libvirt is not set up here (KVM_SDK_LIBVIRT_URI is not set)");
      return Kvm.connect("test:///default");
    }

    @Override protected Set<ContractCapability> capabilities() { return EnumSet.of(NETWORKS, STORAGE); }

    @Override protected List<ContractCase> cases() { return objectCases(); }
  }
}
