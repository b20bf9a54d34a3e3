package io.kvmsdk.testkit.contract;

import static io.kvmsdk.testkit.contract.ContractRun.check;

import io.kvmsdk.core.node.NodeInfo;
import java.util.List;

/** The host: what {@code virNodeGetInfo} and {@code virNodeGetFreeMemory} report. */
final class NodeContractCases {
  private NodeContractCases() {}

  static List<ContractCase> all() {
    return List.of(ContractCase.of("node", "the host reports its CPUs, topology and memory, and free memory within it", NodeContractCases::info));
  }

  static void info(ContractRun run) {
    NodeInfo n = run.kvm().node().info();
    check(n.cpus() >= 1, "a host has CPUs: " + n);
    check(n.numaNodes() >= 1 && n.sockets() >= 1 && n.cores() >= 1 && n.threads() >= 1, "every topology level is at least 1: " + n);
    check(n.numaNodes() * n.sockets() * n.cores() * n.threads() >= n.cpus(), "the topology holds the active CPUs: " + n);
    check(n.memory().bytes() > 0 && !n.model().isEmpty(), "a host has memory and a model: " + n);
    long free = run.kvm().node().freeMemory().bytes();
    check(free > 0 && free <= n.memory().bytes(), "free memory " + free + " must be within the host's " + n.memory().bytes() + " bytes");
  }
}
