package io.kvmsdk.testkit.contract;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.internal.libvirt.LibvirtRuntime;
import io.kvmsdk.core.testing.Oracles;
import java.util.EnumSet;
import java.util.Set;

/**
 * The contract suite against libvirt's own test driver ({@code test:///default}): the cases that do
 * not depend on QEMU's wording, secrets, nwfilters or migration, which the test driver does not have.
 */
class TestDriverContractTest extends HypervisorContract {
  @Override protected Kvm connect() {
    Oracles.require(LibvirtRuntime.missing(Kvm.class.getClassLoader()).isEmpty(),
        "libvirt is not usable here: " + LibvirtRuntime.missing(Kvm.class.getClassLoader()).orElse(""));
    return Kvm.connect("test:///default");
  }

  @Override protected Set<ContractCapability> capabilities() {
    return EnumSet.of(ContractCapability.SNAPSHOTS, ContractCapability.STATS, ContractCapability.NETWORKS, ContractCapability.STORAGE);
  }
}
