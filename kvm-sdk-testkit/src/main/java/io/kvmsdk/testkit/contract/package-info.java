/**
 * The hypervisor port's contract suite, shipped for reuse: {@link io.kvmsdk.testkit.contract.HypervisorContract}
 * turns every {@link io.kvmsdk.testkit.contract.ContractCase} a target supports into a JUnit 5 test.
 */
package io.kvmsdk.testkit.contract;
