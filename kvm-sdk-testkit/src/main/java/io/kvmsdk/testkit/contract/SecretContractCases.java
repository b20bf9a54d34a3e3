package io.kvmsdk.testkit.contract;

import java.util.List;

/** Contract cases of area {@code secret}. */
final class SecretContractCases {
  private SecretContractCases() {}

  static List<ContractCase> all() { return List.of(); }
}
