package io.kvmsdk.testkit.contract;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Os;
import java.util.ArrayList;
import java.util.List;

/** The testkit's contract cases, by area, and the default guest they boot. */
public final class ContractCases {
  private ContractCases() {}

  /** Every case the testkit ships, area by area. */
  public static List<ContractCase> all() {
    List<ContractCase> all = new ArrayList<>();
    all.addAll(NodeContractCases.all());
    all.addAll(DomainContractCases.all());
    all.addAll(SnapshotContractCases.all());
    all.addAll(SecretContractCases.all());
    all.addAll(MigrationContractCases.all());
    all.addAll(NetworkContractCases.all());
    all.addAll(StorageContractCases.all());
    all.addAll(NwfilterContractCases.all());
    all.addAll(AgentContractCases.all());
    return List.copyOf(all);
  }

  /** A 64 MiB, one-vCPU x86_64 guest with no disk and no display: boots under QEMU TCG in a second. */
  public static DomainSpec tinyGuest(String name) {
    return DomainSpec.builder().type("qemu").name(name).memory(Size.mib(64)).vcpus(1).os(Os.hvm("x86_64", "pc"))
        .emulator("/usr/bin/qemu-system-x86_64").build();
  }
}
