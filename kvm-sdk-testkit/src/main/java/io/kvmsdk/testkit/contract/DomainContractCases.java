package io.kvmsdk.testkit.contract;

import java.util.List;

/** Contract cases of area {@code domain}. */
final class DomainContractCases {
  private DomainContractCases() {}

  static List<ContractCase> all() { return List.of(); }
}
