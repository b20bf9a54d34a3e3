package io.kvmsdk.testkit.contract;

import java.util.List;

/** Contract cases of area {@code migration}. */
final class MigrationContractCases {
  private MigrationContractCases() {}

  static List<ContractCase> all() { return List.of(); }
}
