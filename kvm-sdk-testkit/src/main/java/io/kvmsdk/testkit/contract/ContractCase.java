package io.kvmsdk.testkit.contract;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One behaviour of the hypervisor port, checked against any target: an area ({@code domain},
 * {@code secret}, ...), a name that says the expected behaviour, the capabilities it needs and
 * its body. Cases are plain values so a user can add their own to a {@link HypervisorContract}.
 */
public record ContractCase(String area, String name, Set<ContractCapability> needs, Body body) {
  /** The case's steps; throws {@link AssertionError} (or any exception) when the target misbehaves. */
  @FunctionalInterface
  public interface Body {
    void run(ContractRun run) throws Exception;
  }

  public ContractCase {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(name, "name");
    needs = Set.copyOf(needs);
    Objects.requireNonNull(body, "body");
  }

  /** A case needing {@code needs}. */
  public static ContractCase of(String area, String name, Body body, ContractCapability... needs) {
    EnumSet<ContractCapability> set = EnumSet.noneOf(ContractCapability.class);
    for (ContractCapability c : needs) set.add(c);
    return new ContractCase(area, name, set, body);
  }

  /** True when a target with {@code capabilities} can run this case. */
  public boolean runsOn(Set<ContractCapability> capabilities) { return capabilities.containsAll(needs); }

  @Override public String toString() { return area + ": " + name + (needs.isEmpty() ? "" : " " + needs); }
}
