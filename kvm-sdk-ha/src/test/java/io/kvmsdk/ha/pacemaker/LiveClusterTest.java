package io.kvmsdk.ha.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainState;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.PlanResult;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.NetnsRunner;
import io.kvmsdk.testkit.contract.ContractCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A live one-node corosync + Pacemaker cluster (no systemd) started by
 * {@code ORACLE_DIR=/tmp/or-X ORACLE_NETNS=orX bash scripts/oracles.sh start libvirt pcmk}, and the
 * private libvirtd it starts: the {@link ClusterSpec#pcsPlan()} creates a {@code VirtualDomain}
 * resource for a tiny TCG guest, Pacemaker starts it on the real libvirtd, the node goes to standby
 * (the guest stops) and back (it starts again), each state read through {@link ClusterStatus}.
 */
class LiveClusterTest {
  static final String NS = System.getenv("KVM_SDK_PCMK_NETNS");
  static final String URI = System.getenv("KVM_SDK_LIBVIRT_URI");

  @Test void pacemakerRunsAVirtualDomainThroughStandbyAndBack() throws Exception {
    Oracles.require(NS != null && URI != null, "no live cluster: start `bash scripts/oracles.sh start libvirt pcmk` and source its env"
        + " (KVM_SDK_PCMK_NETNS, KVM_SDK_LIBVIRT_URI)");
    NetnsRunner node = new NetnsRunner(NS);
    String name = "kvmsdk-ha-vm";
    Path xml = Files.createTempFile("kvmsdk-ha-", ".xml");
    ClusterSpec spec = ClusterSpec.builder().name("sdkcluster").addNode("node1", "127.0.0.1")
        .disableStonith("one-node test cluster, nothing to fence")
        .addVirtualDomain(VirtualDomain.builder().id(name).config(xml.toString()).hypervisor(URI).forceStop(true)
            .monitorInterval(Duration.ofSeconds(5)).build())
        .build();
    try (Kvm kvm = Kvm.connect(URI)) {
      kvm.domains().find(name).ifPresent(d -> {
        if (d.state() == DomainState.RUNNING) d.destroy();
        if (d.isPersistent()) d.undefine();
      });
      Domain defined = kvm.domains().define(ContractCases.tinyGuest(name));
      // the agent reads <name> with a line regex: the SDK writes one element per line
      Files.writeString(xml, defined.inactiveSpec().toXml());
      try {
        PlanResult applied = spec.pcsPlan().apply(node);
        assertThat(applied.changed()).isTrue();
        ClusterStatus started = await(node, "the guest started by Pacemaker", s -> s.resource(name).map(ResourceStatus::running).orElse(false));
        assertThat(started.resource(name).orElseThrow().nodes()).containsExactly("node1");
        assertThat(started.resource(name).orElseThrow().agent()).isEqualTo("ocf:heartbeat:VirtualDomain");
        assertThat(stateNow(name)).isEqualTo(DomainState.RUNNING);
        assertThat(spec.pcsPlan().apply(node).changed()).as("re-applying changes nothing").isFalse();

        Pcs.standby("node1").apply(node);
        ClusterStatus standby = await(node, "node1 in standby, the guest stopped",
            s -> s.node("node1").map(NodeStatus::standby).orElse(false) && s.resource(name).map(r -> r.role().equals("Stopped")).orElse(false));
        assertThat(standby.resource(name).orElseThrow().nodes()).isEmpty();
        assertThat(stateNow(name)).isNotEqualTo(DomainState.RUNNING);

        Pcs.unstandby("node1").apply(node);
        ClusterStatus back = await(node, "the guest started again", s -> !s.node("node1").orElseThrow().standby()
            && s.resource(name).map(ResourceStatus::running).orElse(false));
        assertThat(back.resource(name).orElseThrow().nodes()).containsExactly("node1");
        System.out.println(back);
      } finally {
        node.run(HostCommand.builder().args("pcs", "node", "unstandby", "node1").timeout(Duration.ofMinutes(2)).build());
        node.run(HostCommand.builder().args("pcs", "resource", "disable", name, "--wait=60").timeout(Duration.ofMinutes(2)).build());
        node.run(HostCommand.builder().args("pcs", "resource", "delete", name, "--force").timeout(Duration.ofMinutes(2)).build());
        kvm.domains().find(name).ifPresent(d -> {
          if (d.state() == DomainState.RUNNING) d.destroy();
          if (d.isPersistent()) d.undefine();
        });
        Files.deleteIfExists(xml);
      }
    }
  }

  /** The domain's state through a fresh connection (the agent undefines and re-creates the domain behind the test's back). */
  private static DomainState stateNow(String name) {
    try (Kvm k = Kvm.connect(URI)) {
      return k.domains().find(name).map(Domain::state).orElse(DomainState.SHUTOFF);
    }
  }

  private static ClusterStatus await(NetnsRunner node, String what, Predicate<ClusterStatus> ok) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    ClusterStatus last = null;
    while (System.nanoTime() < end) {
      last = ClusterStatus.read(node);
      if (ok.test(last)) return last;
      Thread.sleep(1000);
    }
    throw new AssertionError("not within 120 s: " + what + "; last status:\n" + last);
  }
}
