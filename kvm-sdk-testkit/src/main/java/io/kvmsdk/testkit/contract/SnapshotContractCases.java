package io.kvmsdk.testkit.contract;

import java.util.List;

/** Contract cases of area {@code snapshot}. */
final class SnapshotContractCases {
  private SnapshotContractCases() {}

  static List<ContractCase> all() { return List.of(); }
}
