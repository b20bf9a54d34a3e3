package io.kvmsdk.testkit.contract;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.domain.DomainSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hypervisor port's contract as one reusable JUnit 5 suite: extend it, say how to connect and
 * what the target can do, and every {@link ContractCase} the target supports runs as its own test.
 * The testkit runs it against its fake, against libvirt's {@code test:///default} and, in CI,
 * against a real libvirtd with QEMU; run it against your own decorator or backend the same way.
 *
 * <pre>{@code
 * class MyFakeContractTest extends HypervisorContract {
 *   FakeCluster cluster = FakeCluster.create();
 *   protected Kvm connect() { return Kvm.using(cluster.hypervisor("a")); }
 *   protected Optional<Kvm> connectPeer() { return Optional.of(Kvm.using(cluster.hypervisor("b"))); }
 *   protected Set<ContractCapability> capabilities() { return EnumSet.allOf(ContractCapability.class); }
 * }
 * }</pre>
 *
 * A case the target cannot run shows as a skipped test whose reason names the capabilities it lacks,
 * so each target's report lists its documented gaps instead of hiding them. These skips are the
 * target's nature, not a missing tool: they never fail a run, whatever {@code kvmsdk.requireTools} says.
 */
public abstract class HypervisorContract {
  /** A fresh connection to the host under test; closed after each case. */
  protected abstract Kvm connect();

  /** A fresh connection to a second host of the same kind, for migration; empty by default. */
  protected Optional<Kvm> connectPeer() { return Optional.empty(); }

  /** What this target can do. */
  protected abstract Set<ContractCapability> capabilities();

  /** A guest named {@code name} the target can define and boot: by default a 64 MiB x86_64 QEMU TCG guest with no disk. */
  protected DomainSpec guest(String name) { return ContractCases.tinyGuest(name); }

  /**
   * A guest named {@code name} whose memory holds enough data that a live migration capped at 1 MiB/s
   * runs for several seconds, so a case can watch, steer and abort it. By default {@link #guest(String)}:
   * enough for a fake, which sends every page of memory; a real QEMU sends zero pages almost for free, so
   * a real target gives a guest that boots a kernel (its image and initramfs fill the memory at once).
   */
  protected DomainSpec busyGuest(String name) { return guest(name); }

  /**
   * The path of a new, empty qcow2 image named {@code name} that the target's hypervisor can open
   * (snapshot cases need one). By default a path under {@code /var/lib/libvirt/images} that is not
   * created: enough for fakes; a real target creates the file (e.g. with {@code qemu-img}).
   */
  protected String qcow2Image(String name) { return "/var/lib/libvirt/images/" + name + ".qcow2"; }

  /** The cases to run: the testkit's {@link ContractCases#all()}; override to add yours. */
  protected List<ContractCase> cases() { return ContractCases.all(); }

  /** One dynamic test per case, grouped by area; a case the target cannot run is skipped with the reason. */
  @TestFactory
  Stream<DynamicNode> contract() {
    Set<ContractCapability> caps = Set.copyOf(capabilities());
    List<ContractCase> cases = cases();
    List<String> areas = new ArrayList<>();
    for (ContractCase c : cases) if (!areas.contains(c.area())) areas.add(c.area());
    List<DynamicNode> out = new ArrayList<>();
    for (String area : areas) {
      List<DynamicNode> tests = new ArrayList<>();
      for (ContractCase c : cases) {
        if (!c.area().equals(area)) continue;
        tests.add(DynamicTest.dynamicTest(c.name(), c.runsOn(caps) ? () -> run(c, caps) : () -> Assumptions.abort(skipReason(c, caps))));
      }
      out.add(DynamicContainer.dynamicContainer(area, tests));
    }
    return out.stream();
  }

  /** Why {@code c} does not run on a target with {@code caps}: each missing capability and what it means. */
  static String skipReason(ContractCase c, Set<ContractCapability> caps) {
    List<String> missing = new ArrayList<>();
    for (ContractCapability need : ContractCapability.values()) {
      if (c.needs().contains(need) && !caps.contains(need)) missing.add(need + " (" + need.meaning() + ")");
    }
    return "this target lacks " + String.join(", ", missing);
  }

  private void run(ContractCase c, Set<ContractCapability> caps) throws Exception {
    try (Kvm kvm = connect(); Kvm peer = c.needs().contains(ContractCapability.MIGRATION) ? connectPeer().orElseThrow() : null;
         ContractRun run = new ContractRun(kvm, peer, caps, this::guest, this::busyGuest, this::qcow2Image)) {
      c.body().run(run);
    }
  }
}
